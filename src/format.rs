//! How dates and citations are written for people, per language.

use chrono::{Datelike, NaiveDate};
use sscard_rules::Citation;

use crate::i18n::Fill;
use crate::i18n::{Locale, Texts};

/// A date as people read it: 2026年12月7日 (Chinese) or 7 December 2026 (English).
pub fn date(locale: Locale, date: NaiveDate) -> String {
    match locale {
        Locale::ZhHans | Locale::ZhHant => {
            format!("{}年{}月{}日", date.year(), date.month(), date.day())
        }
        Locale::En => {
            const MONTHS: [&str; 12] = [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ];
            let month = MONTHS.get(date.month0() as usize).copied().unwrap_or("");
            format!("{} {} {}", date.day(), month, date.year())
        }
    }
}

/// A citation as a reader sees it: "002_18b018be9bee0abf.txt Q4 第 33 行" or "设计决定 D3".
pub fn citation(t: &'static Texts, citation: &Citation) -> String {
    if citation.source == sscard_rules::DECISIONS {
        return format!(
            "{} {} ({})",
            t.journey().decision_label,
            citation.locator,
            citation.source
        );
    }
    let mut out = format!("{} {}", citation.source, citation.locator);
    if let Some(line) = citation.line {
        out.push(' ');
        out.push_str(&t.journey().line_label.fill("n", &line.to_string()));
    }
    out
}

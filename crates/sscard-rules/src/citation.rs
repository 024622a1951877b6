//! Citations: where every rule, parameter and answer comes from.
//!
//! A citation names a seed file and a locator inside it (question number, paragraph line),
//! or a decision in `DECISIONS.md`, or the calendar data file, or the holiday law. The app shows
//! them under "why".

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

/// Beijing news item of 4 January 2026 (normalised issuance phase).
pub const SEED_000: &str = "000_05912e07b396c381.txt";
/// Beijing pilot Q&A (2024), machine-"spun" text; numbers and dates are reliable, wording is not.
pub const SEED_001: &str = "001_3838ffcafedaa610.txt";
/// Beijing Social Security Card User Manual (Q1–Q47), the main Beijing source.
pub const SEED_002: &str = "002_18b018be9bee0abf.txt";
/// Shanghai article of 2023-02-16 about the 新版社保卡 changeover.
pub const SEED_003: &str = "003_0ffdcf4be2cfbd9c.txt";
/// Urumqi news item (3月2日, year not stated), traditional characters.
pub const SEED_004: &str = "004_a70f45cf5a65a853.txt";
/// The implementation decisions of this crate.
pub const DECISIONS: &str = "DECISIONS.md";
/// The official holiday calendar embedded in this crate.
pub const CALENDAR_DATA: &str = "cn-workdays.json";
/// The State Council's holiday law, whose article 2 fixes the dates of the public holidays
/// (external to the seeds; the locator names the revision: 国务院令第644号 or 第795号).
pub const HOLIDAY_LAW: &str = "全国年节及纪念日放假办法";

/// Where a rule or a value comes from.
///
/// Uses `Cow<'static, str>` so the built-in tables cost no allocation while values read
/// back from JSON (the server's responses) are owned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// File the rule comes from: a seed file name, `DECISIONS.md`, `cn-workdays.json` or the
    /// holiday law.
    pub source: Cow<'static, str>,
    /// Locator inside the file: `Q18`, `问答(七)`, `¶`, or a decision id such as `D4`.
    pub locator: Cow<'static, str>,
    /// 1-based line of the seed file (the seeds keep one paragraph per line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// A short verbatim excerpt of the cited line, when it helps the reader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Cow<'static, str>>,
}

impl Citation {
    /// A citation of a seed line with a verbatim quote.
    pub const fn seed(
        source: &'static str,
        locator: &'static str,
        line: u32,
        quote: &'static str,
    ) -> Self {
        Self {
            source: Cow::Borrowed(source),
            locator: Cow::Borrowed(locator),
            line: Some(line),
            quote: Some(Cow::Borrowed(quote)),
        }
    }

    /// A citation of a decision recorded in `DECISIONS.md` (`id` such as `"D4"`).
    pub const fn decision(id: &'static str) -> Self {
        Self {
            source: Cow::Borrowed(DECISIONS),
            locator: Cow::Borrowed(id),
            line: None,
            quote: None,
        }
    }

    /// A citation of the calendar data for one year (`locator` such as `"2026"`).
    pub fn calendar(year: i32) -> Self {
        Self {
            source: Cow::Borrowed(CALENDAR_DATA),
            locator: Cow::Owned(year.to_string()),
            line: None,
            quote: None,
        }
    }

    /// A citation of an article of the holiday law [`HOLIDAY_LAW`] (`locator` such as
    /// `"第二条（国务院令第795号）"`).
    pub const fn holiday_law(locator: &'static str) -> Self {
        Self {
            source: Cow::Borrowed(HOLIDAY_LAW),
            locator: Cow::Borrowed(locator),
            line: None,
            quote: None,
        }
    }

    /// Whether this citation points at a decision of this crate rather than at a seed.
    pub fn is_decision(&self) -> bool {
        self.source == DECISIONS
    }
}

impl fmt::Display for Citation {
    /// `002_18b018be9bee0abf.txt Q18 L135`, or `DECISIONS.md D4`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.source, self.locator)?;
        if let Some(line) = self.line {
            write!(f, " L{line}")?;
        }
        Ok(())
    }
}

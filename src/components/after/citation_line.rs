use leptos::prelude::*;
use sscard_rules::{CALENDAR_DATA, Calendar, Citation};

use crate::i18n::Fill;
use crate::i18n::after::{AfterTexts, find};

/// The readable title of a cited document, or its file name when it is not one of ours.
pub fn source_title(t: &'static AfterTexts, source: &str) -> String {
    find(t.names().sources, source).unwrap_or(source).to_owned()
}

/// One source: the document's title, the place in it (question, decision id or year), the line,
/// and the quoted words when the rule engine keeps them.
#[component]
pub fn CitationLine(
    /// The texts of the current language.
    texts: &'static AfterTexts,
    /// The citation from the rule engine.
    citation: Citation,
) -> impl IntoView {
    let mut place = format!(
        "{} {}",
        source_title(texts, &citation.source),
        citation.locator
    );
    if let Some(line) = citation.line {
        place.push_str(", ");
        place.push_str(&texts.names().line.fill("n", &line.to_string()));
    }
    // The calendar data names no words to quote: quote the State Council notice of that year.
    let quote = citation.quote.map(|q| q.into_owned()).or_else(|| {
        (citation.source == CALENDAR_DATA)
            .then(|| citation.locator.parse::<i32>().ok())
            .flatten()
            .and_then(|year| Calendar::current().notice(year).map(str::to_owned))
    });
    view! {
        <span class="citation">
            <span class="citation__place">{place}</span>
            {quote.map(|q| view! { " " <q class="citation__quote" lang="zh-Hans">{q}</q> })}
        </span>
    }
}

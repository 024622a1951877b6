use leptos::prelude::*;
use sscard_rules::Trace;

use crate::format;
use crate::i18n::{Locale, use_i18n};

/// "Why this answer?": an expandable list of the rules that produced an answer, each with the
/// source text it comes from, its citation and the dated parameters it used.
#[component]
pub fn WhyDetails(
    /// The rule engine's trace.
    trace: Trace,
    /// The summary line (e.g. "为什么是这个结果？").
    summary: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale.get_untracked();
    let t = locale.texts();
    let steps = trace
        .steps
        .into_iter()
        .map(|step| {
            // The rules crate writes titles and outcomes in English; Chinese readers get the
            // verbatim source text instead, which is what the rule is built on.
            let english = (locale == Locale::En).then(|| {
                view! {
                    <p class="why__title">{step.title.to_string()}</p>
                    <p>{step.outcome.clone()}</p>
                }
            });
            let citations = step
                .citations
                .iter()
                .map(|c| {
                    view! {
                        <li>
                            {c.quote.as_ref().map(|q| view! { <q lang="zh-Hans">{q.to_string()}</q> " " })}
                            <span class="why__source">{t.journey().source_label} ": " {format::citation(t, c)}</span>
                        </li>
                    }
                })
                .collect_view();
            let params = step
                .parameters
                .iter()
                .map(|p| {
                    view! {
                        <li class="why__param">
                            <code>{format!("{} = {}", p.name, p.value)}</code>
                            " (" {format::date(locale, p.valid_from)} ") "
                            <span class="why__source">{format::citation(t, &p.citation)}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="why__step">
                    {english}
                    <ul class="why__citations">{citations} {params}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="why">
            <summary class="why__summary">{summary}</summary>
            <ol class="why__steps">{steps}</ol>
        </details>
    }
}

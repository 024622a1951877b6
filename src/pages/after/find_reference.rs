//! Finding one of my applications by its hotline reference, on the progress page.
//!
//! The typed reference is parsed with the rules crate first, so a person who mistyped it learns
//! what is wrong (a missing character, a 0 for an O, a mistyped character) rather than just
//! "not found"; the API answers 404 for all of these.

use leptos::prelude::*;
use sscard_rules::wire::Application;
use sscard_rules::{Reference, ReferenceError};

use super::fill_ask;
use super::progress::heading_id;
use crate::components::TextField;
use crate::dom;
use crate::i18n::Fill;
use crate::i18n::after::AfterTexts;

const FIELD: &str = "find-reference";

/// The message for a reference that does not parse.
fn problem_text(t: &'static AfterTexts, error: &ReferenceError) -> String {
    let p = t.progress();
    match error {
        ReferenceError::Empty => p.find_empty.to_owned(),
        ReferenceError::TooShort | ReferenceError::TooLong => p.find_length.to_owned(),
        ReferenceError::NotInAlphabet { found } => p.find_alphabet.fill("char", &found.to_string()),
        ReferenceError::CheckSymbol => p.find_check.to_owned(),
    }
}

/// Where a typed reference leads among `applications`: the heading id of the one it names, or
/// the message saying what is wrong.
fn find(
    t: &'static AfterTexts,
    applications: &[Application],
    typed: &str,
) -> Result<String, String> {
    let wanted = Reference::parse(typed).map_err(|e| problem_text(t, &e))?;
    applications
        .iter()
        .find(|a| Reference::parse(&a.reference).is_ok_and(|r| r == wanted))
        .map(heading_id)
        .ok_or_else(|| fill_ask(t, t.progress().find_not_mine))
}

/// A one-field form: type a reference, and focus moves to that application's heading.
#[component]
pub fn FindReference(
    /// The after-applying texts of the current language.
    texts: &'static AfterTexts,
    /// The person's applications, as the page shows them.
    applications: Vec<Application>,
) -> impl IntoView {
    let p = texts.progress();
    let value = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match find(texts, &applications, &value.get_untracked()) {
            Ok(target) => {
                error.set(None);
                dom::focus_by_id(&target);
            }
            Err(message) => {
                error.set(Some(message));
                dom::focus_by_id(FIELD);
            }
        }
    };
    view! {
        <form class="find-reference" novalidate on:submit=on_submit>
            <h2>{p.find_heading}</h2>
            <TextField id=FIELD label=p.find_label hint=p.find_hint value=value error=error
                autocomplete="off" width="input--20" no_spellcheck=true />
            <button type="submit" class="button button--secondary">{p.find_button}</button>
        </form>
    }
}

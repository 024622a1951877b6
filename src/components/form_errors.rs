use std::sync::Arc;

use leptos::prelude::*;

use super::FieldError;
use crate::i18n::{Fill, Plural, Texts, use_i18n};
use crate::policy_text::fill_common_here;

/// A message that is rendered in whatever language is current when it is shown, so switching
/// the language also translates the errors already on the page.
pub type Msg = Arc<dyn Fn(&'static Texts) -> String + Send + Sync>;

/// A message that is one text of the table.
pub fn msg(text: fn(&'static Texts) -> &'static str) -> Msg {
    Arc::new(move |t| fill_common_here(text(t)))
}

/// A message with its `{placeholder}` (named without the braces) filled with `value`.
pub fn msg_with(
    text: fn(&'static Texts) -> &'static str,
    placeholder: &'static str,
    value: String,
) -> Msg {
    Arc::new(move |t| fill_common_here(&text(t).fill(placeholder, &value)))
}

/// A message with a count: the plural form for `n`, its `{placeholder}` replaced by `n`.
pub fn msg_count(
    text: fn(&'static Texts) -> &'static Plural,
    placeholder: &'static str,
    n: i64,
) -> Msg {
    Arc::new(move |t| fill_common_here(&text(t).fill(placeholder, n)))
}

/// The problems of one form: which field each belongs to and its message. Cleared on a
/// successful Continue; never touches the values typed.
#[derive(Clone, Copy)]
pub struct FormErrors {
    list: RwSignal<Vec<(&'static str, Msg)>>,
}

impl Default for FormErrors {
    fn default() -> Self {
        Self::new()
    }
}

impl FormErrors {
    /// No problems.
    pub fn new() -> Self {
        Self {
            list: RwSignal::new(Vec::new()),
        }
    }

    /// Replaces the problems (an empty list clears them).
    pub fn set(&self, problems: Vec<(&'static str, Msg)>) {
        self.list.set(problems);
    }

    /// Whether there is no problem now (tracked).
    pub fn is_empty(&self) -> bool {
        self.list.with(Vec::is_empty)
    }

    /// Whether there is any problem (tracked).
    pub fn any(&self) -> Signal<bool> {
        let list = self.list;
        Signal::derive(move || !list.with(Vec::is_empty))
    }

    /// The problems for the error summary, in the current language.
    pub fn summary(&self) -> Signal<Vec<FieldError>> {
        let list = self.list;
        let i18n = use_i18n();
        Signal::derive(move || {
            let t = i18n.t();
            list.get()
                .iter()
                .map(|(field_id, message)| FieldError {
                    field_id,
                    message: message(t),
                })
                .collect()
        })
    }

    /// The message of one field, in the current language.
    pub fn field(&self, field_id: &'static str) -> Signal<Option<String>> {
        let list = self.list;
        let i18n = use_i18n();
        Signal::derive(move || {
            let t = i18n.t();
            list.with(|l| l.iter().find(|(id, _)| *id == field_id).map(|(_, m)| m(t)))
        })
    }
}

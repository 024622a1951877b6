//! The i18n layer: a typed table of texts per locale and the reactive locale context.
//!
//! Every visible string comes from [`Texts`]. A locale is a `static` value of that struct, so a
//! missing text is a compile error and the table costs only the bytes of the strings (see the
//! README for why this was chosen over leptos_i18n).

pub mod after;
mod en;
pub mod journey;
mod texts;
mod zh_hans;
mod zh_hant;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub use texts::Texts;

use crate::dom;

/// The languages the app is offered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Locale {
    /// Simplified Chinese, the default.
    ZhHans,
    /// Traditional Chinese.
    ZhHant,
    /// English.
    En,
}

impl Locale {
    /// Every locale, in the order the language switch shows them.
    pub const ALL: [Locale; 3] = [Locale::ZhHans, Locale::ZhHant, Locale::En];

    /// The BCP 47 tag used for `<html lang>` and for storage.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhHans => "zh-Hans",
            Locale::ZhHant => "zh-Hant",
            Locale::En => "en",
        }
    }

    /// Parses a stored tag; unknown tags give `None` so the default applies.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        Locale::ALL.into_iter().find(|l| l.tag() == tag)
    }

    /// The language's own name, shown on the switch in that language so anyone can find theirs.
    pub fn autonym(self) -> &'static str {
        match self {
            Locale::ZhHans => "简体中文",
            Locale::ZhHant => "繁體中文",
            Locale::En => "English",
        }
    }

    /// The texts of this locale.
    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::ZhHans => &zh_hans::TEXTS,
            Locale::ZhHant => &zh_hant::TEXTS,
            Locale::En => &en::TEXTS,
        }
    }
}

/// Key under which the chosen locale is remembered in `localStorage`.
const STORAGE_KEY: &str = "sscard.locale";

/// The locale context: read it with [`use_i18n`].
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    /// The current locale; setting it re-renders every text and updates `<html lang>`.
    pub locale: RwSignal<Locale>,
}

impl I18n {
    /// The texts of the current locale (tracked: a closure that calls this re-runs on a switch).
    pub fn t(&self) -> &'static Texts {
        self.locale.get().texts()
    }
}

/// Provides the locale context, starting from the remembered choice (or zh-Hans), and keeps
/// `<html lang>` and the stored choice in step with it.
pub fn provide_i18n() {
    let initial = dom::load(STORAGE_KEY)
        .and_then(|tag| Locale::from_tag(&tag))
        .unwrap_or(Locale::ZhHans);
    let locale = RwSignal::new(initial);
    dom::set_html_lang(initial.tag());
    Effect::new(move |_| {
        let current = locale.get();
        dom::set_html_lang(current.tag());
        dom::store(STORAGE_KEY, current.tag());
    });
    provide_context(I18n { locale });
}

/// The locale context provided by [`provide_i18n`].
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

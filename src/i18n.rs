//! The i18n layer: a typed table of texts per locale and the reactive locale context.
//!
//! Every visible string comes from [`Texts`]. A locale is a `static` value of that struct, so a
//! missing text is a compile error and the table costs only the bytes of the strings (see the
//! README for why this was chosen over leptos_i18n). Simplified Chinese is always there; the
//! other locales are fetched when first chosen ([`Locale::load`], [`I18n::choose`]).

/// The three locale modules of one group of texts (`"texts"`, `"journey"`, …): each holds the
/// statics build.rs wrote from that locale's file in src/i18n/locales (see build/locales.rs).
macro_rules! locale_modules {
    ($group:literal) => {
        mod zh_hans {
            #[allow(unused_imports)]
            use super::*;
            include!(concat!(env!("OUT_DIR"), "/i18n/zh_hans/", $group, ".rs"));
        }
        mod zh_hant {
            #[allow(unused_imports)]
            use super::*;
            include!(concat!(env!("OUT_DIR"), "/i18n/zh_hant/", $group, ".rs"));
        }
        mod en {
            #[allow(unused_imports)]
            use super::*;
            include!(concat!(env!("OUT_DIR"), "/i18n/en/", $group, ".rs"));
        }
    };
}

pub mod after;
pub mod cities;
pub mod confirmation;
pub mod journey;
mod parts;
mod texts;

locale_modules!("texts");

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub use texts::Texts;

/// A table from an id to its text, looked up by the id: a rule-engine value
/// (`social_function_only`), a problem's code, a cited document's file name. (The names of a whole
/// enum's values are [`Names`].)
pub type IdTable = &'static [(&'static str, &'static str)];

/// Fills a text's `{placeholder}` with a value: `t.made_by.fill("date", &date)`. The one way a
/// text takes the values of the moment (a date, a name, a count: [`Plural::fill`]); the values
/// the city's policy holds are filled from the policy instead (src/policy_text.rs).
pub trait Fill {
    /// The text with every `{key}` replaced by `value`.
    fn fill(&self, key: &str, value: &str) -> String;
}

impl Fill for str {
    fn fill(&self, key: &str, value: &str) -> String {
        self.replace(&format!("{{{key}}}"), value)
    }
}

/// A text with a number in it, in the forms its language needs (see the locale files' README):
/// English says "1 day left" and "{n} days left"; Chinese has one form, which the build writes
/// to both.
#[derive(Debug, Serialize)]
pub struct Plural {
    /// The form for 1.
    pub one: &'static str,
    /// The form for any other number.
    pub other: &'static str,
}

impl Plural {
    /// The form for `n`, with the placeholder `{key}` replaced by `n`.
    pub fn fill(&self, key: &str, n: i64) -> String {
        let form = if n == 1 { self.one } else { self.other };
        form.fill(key, &n.to_string())
    }
}

/// The names of an enum's values in one language, in the enum's order: a locale file writes
/// them by id (`icbc = "工商银行"`) and the build checks that every value has its name and puts
/// them in the enum's order (build/locales.rs), so [`Names::of`] reads one without comparing a
/// string, and reordering the enum cannot mislabel a value.
pub struct Names<T> {
    texts: &'static [&'static str],
    of: std::marker::PhantomData<fn(T)>,
}

impl<T: sscard_rules::StableId> Names<T> {
    /// The table of `texts`, one per value in the enum's order (written by the build).
    pub const fn new(texts: &'static [&'static str]) -> Self {
        Self {
            texts,
            of: std::marker::PhantomData,
        }
    }

    /// Every name, in the enum's order.
    pub fn all(&self) -> &'static [&'static str] {
        self.texts
    }

    /// The name of `value`. (Empty only if the table were short, which the build rules out; not
    /// the id, so that no page links an enum's id strings just to name its values.)
    pub fn of(&self, value: T) -> &'static str {
        self.texts.get(value.index()).copied().unwrap_or_default()
    }
}

impl<T> std::fmt::Debug for Names<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.texts).finish()
    }
}

/// Serialized as the list of names, so tests/locale_texts.rs walks them with every other text.
impl<T> Serialize for Names<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.texts.serialize(serializer)
    }
}

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

    /// A city's name in this language: the rules crate's (simplified Chinese, English), with the
    /// traditional characters where they differ.
    pub fn city_name(self, city: sscard_rules::City) -> &'static str {
        match (self, city) {
            (Locale::En, city) => city.name_en(),
            (Locale::ZhHant, sscard_rules::City::Urumqi) => "烏魯木齊",
            (_, city) => city.name_zh(),
        }
    }

    /// The texts of this locale. A locale not loaded yet ([`Locale::load`]) gives the zh-Hans
    /// texts; the app switches to a locale only once it is loaded.
    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::ZhHans => &zh_hans::TEXTS,
            other => parts::loaded(other).map_or(&zh_hans::TEXTS, |tables| tables.texts),
        }
    }

    /// Whether this locale's texts are here (zh-Hans always is).
    pub fn is_loaded(self) -> bool {
        self == Locale::ZhHans || parts::loaded(self).is_some()
    }

    /// Fetches this locale's texts (its own wasm part) unless they are here already.
    pub async fn load(self) -> Result<(), leptos::wasm_split::SplitLoaderError> {
        parts::load(self).await
    }

    /// The remembered choice, if it is a locale still to be fetched: the app should then start
    /// only after [`Locale::load`], so it never shows another language first.
    pub fn stored_to_load() -> Option<Locale> {
        stored().filter(|locale| !locale.is_loaded())
    }
}

/// The remembered choice, if any.
fn stored() -> Option<Locale> {
    dom::load(STORAGE_KEY).and_then(|tag| Locale::from_tag(&tag))
}

/// Key under which the chosen locale is remembered in `localStorage`.
const STORAGE_KEY: &str = "sscard.locale";

/// The locale context: read it with [`use_i18n`].
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    /// The current locale; setting it re-renders every text and updates `<html lang>`. Set it
    /// only to a loaded locale: [`I18n::choose`] loads one first.
    pub locale: RwSignal<Locale>,
    /// The locale being fetched after a person chose it, if any.
    pub pending: RwSignal<Option<Locale>>,
    /// Whether fetching the last chosen locale failed (the page stays in the current one).
    pub load_failed: RwSignal<bool>,
}

impl I18n {
    /// The texts of the current locale (tracked: a closure that calls this re-runs on a switch).
    pub fn t(&self) -> &'static Texts {
        self.locale.get().texts()
    }

    /// Switches to `locale`, first fetching its texts if they are not here yet. Until they
    /// arrive the page stays in the current language; if they cannot be fetched, it stays so
    /// and [`I18n::load_failed`] is set. The latest choice wins over one still loading.
    pub fn choose(self, locale: Locale) {
        self.load_failed.set(false);
        if locale.is_loaded() {
            self.pending.set(None);
            self.locale.set(locale);
            return;
        }
        self.pending.set(Some(locale));
        leptos::task::spawn_local(async move {
            let result = locale.load().await;
            if self.pending.get_untracked() != Some(locale) {
                return;
            }
            self.pending.set(None);
            match result {
                Ok(()) => self.locale.set(locale),
                Err(_) => self.load_failed.set(true),
            }
        });
    }
}

/// Provides the locale context, starting from the remembered choice if it is loaded (see
/// [`Locale::stored_to_load`]; else zh-Hans), and keeps `<html lang>` and the stored choice in
/// step with it.
pub fn provide_i18n() {
    let initial = stored()
        .filter(|locale| locale.is_loaded())
        .unwrap_or(Locale::ZhHans);
    let locale = RwSignal::new(initial);
    dom::set_html_lang(initial.tag());
    Effect::new(move |first: Option<()>| {
        let current = locale.get();
        dom::set_html_lang(current.tag());
        // Not at start: a remembered locale that could not be fetched stays remembered.
        if first.is_some() {
            dom::store(STORAGE_KEY, current.tag());
        }
    });
    provide_context(I18n {
        locale,
        pending: RwSignal::new(None),
        load_failed: RwSignal::new(false),
    });
}

/// The locale context provided by [`provide_i18n`].
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

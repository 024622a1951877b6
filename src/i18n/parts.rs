//! The Traditional Chinese and English tables, fetched when a person first chooses them.
//!
//! Simplified Chinese is in the main wasm module. With the `split` feature (the release build,
//! scripts/build-wasm.sh) each other locale's tables (texts, journey and after-applying texts)
//! are reached only through a wasm-split point of their own (`locale_zh_hant`, `locale_en`), so
//! wasm-split moves their strings into that locale's part: a first load in zh-Hans carries no
//! other language. [`load`] fetches a part once; [`loaded`] then hands its tables out
//! synchronously. Without the feature (browser tests, `cargo check`) every table is linked in
//! and always loaded, so the app behaves the same either way.

use leptos::wasm_split::SplitLoaderError;

use super::after::{self, AfterTables};
use super::cities::{self, CitiesTexts};
use super::confirmation::{self, ConfirmationTexts};
use super::journey::{self, JourneyTexts};
use super::{Locale, Texts, en, zh_hant};

/// Everything a locale other than zh-Hans shows.
#[derive(Debug)]
pub struct Tables {
    /// The shell and start page texts.
    pub texts: &'static Texts,
    /// The journey's texts ([`Texts::journey`]).
    pub journey: &'static JourneyTexts,
    /// The city texts ([`Texts::cities`]).
    pub cities: &'static CitiesTexts,
    /// The confirmation texts ([`Texts::confirmation`]).
    pub confirmation: &'static ConfirmationTexts,
    /// The after-applying texts ([`Texts::after`]).
    pub after: &'static AfterTables,
}

static ZH_HANT: Tables = Tables {
    texts: &zh_hant::TEXTS,
    journey: &journey::ZH_HANT,
    cities: &cities::ZH_HANT,
    confirmation: &confirmation::ZH_HANT,
    after: &after::ZH_HANT,
};

static EN: Tables = Tables {
    texts: &en::TEXTS,
    journey: &journey::EN,
    cities: &cities::EN,
    confirmation: &confirmation::EN,
    after: &after::EN,
};

// Referenced only from here: with `split`, these two functions and all the data they reach
// (`ZH_HANT`, `EN` and their strings) leave the main module.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(locale_zh_hant, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn zh_hant_tables() -> Result<&'static Tables, SplitLoaderError> {
    Ok(&ZH_HANT)
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(locale_en, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn en_tables() -> Result<&'static Tables, SplitLoaderError> {
    Ok(&EN)
}

#[cfg(feature = "split")]
mod cache {
    use std::sync::OnceLock;

    use super::{Locale, Tables};

    static ZH_HANT: OnceLock<&'static Tables> = OnceLock::new();
    static EN: OnceLock<&'static Tables> = OnceLock::new();

    /// Where a loaded locale's tables are kept (none for zh-Hans, which is always there).
    pub fn slot(locale: Locale) -> Option<&'static OnceLock<&'static Tables>> {
        match locale {
            Locale::ZhHans => None,
            Locale::ZhHant => Some(&ZH_HANT),
            Locale::En => Some(&EN),
        }
    }
}

/// The tables of `locale` if they are here (`None` for zh-Hans and for a locale not loaded yet).
#[cfg(feature = "split")]
pub fn loaded(locale: Locale) -> Option<&'static Tables> {
    cache::slot(locale).and_then(|slot| slot.get().copied())
}

/// The tables of `locale` if they are here (`None` for zh-Hans and for a locale not loaded yet).
#[cfg(not(feature = "split"))]
pub fn loaded(locale: Locale) -> Option<&'static Tables> {
    match locale {
        Locale::ZhHans => None,
        Locale::ZhHant => zh_hant_tables().ok(),
        Locale::En => en_tables().ok(),
    }
}

/// Fetches the part of `locale` unless it is here already. A failure is not remembered: the next
/// call tries again.
#[cfg(feature = "split")]
pub async fn load(locale: Locale) -> Result<(), SplitLoaderError> {
    let Some(slot) = cache::slot(locale) else {
        return Ok(());
    };
    if slot.get().is_none() {
        let tables = match locale {
            Locale::ZhHant => zh_hant_tables().await?,
            Locale::En => en_tables().await?,
            Locale::ZhHans => return Ok(()),
        };
        // Two loads of one locale may overlap (a double tap); both hold the same tables.
        let _ = slot.set(tables);
    }
    Ok(())
}

/// Fetches the part of `locale` unless it is here already (without `split`: always here).
#[cfg(not(feature = "split"))]
pub async fn load(_locale: Locale) -> Result<(), SplitLoaderError> {
    Ok(())
}

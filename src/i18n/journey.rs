//! Texts of the journey section, one `static` per locale.

mod en;
mod zh_hans;
mod zh_hant;

pub use en::EN;
pub use zh_hans::ZH_HANS;
pub use zh_hant::ZH_HANT;

/// Every visible text of the journey section in one language.
#[derive(Debug)]
pub struct JourneyTexts {
    /// Heading shown while this section is being built.
    pub placeholder: &'static str,
}

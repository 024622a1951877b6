use super::AfterTexts;

/// After texts in this locale.
pub static ZH_HANT: AfterTexts = AfterTexts { placeholder: "" };

use super::AfterTexts;

/// After texts in this locale.
pub static ZH_HANS: AfterTexts = AfterTexts { placeholder: "" };

use super::AfterTexts;

/// After texts in this locale.
pub static EN: AfterTexts = AfterTexts { placeholder: "" };

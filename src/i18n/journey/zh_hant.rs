use super::JourneyTexts;

/// Journey texts in this locale.
pub static ZH_HANT: JourneyTexts = JourneyTexts { placeholder: "" };

use super::JourneyTexts;

/// Journey texts in this locale.
pub static ZH_HANS: JourneyTexts = JourneyTexts { placeholder: "" };

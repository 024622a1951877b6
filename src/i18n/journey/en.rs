use super::JourneyTexts;

/// Journey texts in this locale.
pub static EN: JourneyTexts = JourneyTexts { placeholder: "" };

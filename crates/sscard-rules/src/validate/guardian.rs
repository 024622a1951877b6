//! A guardian acting for a minor: the guardian is an adult and the child is under 18 on the
//! date of the service (002 Q38 L241; ages per DECISIONS.md D3, reference date D21).

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::dates;

/// Age of majority (years). Beijing cites 002 Q38 L241 (「18岁以下未成年人」).
pub(crate) const ADULT_YEARS: u32 = 18;

/// Why a guardian cannot act for the child.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum GuardianError {
    /// The guardian is not 18 yet on the date.
    NotAdult {
        /// The day the guardian turns 18.
        adult_from: NaiveDate,
    },
    /// The child is already 18 on the date and acts alone.
    ChildNotMinor {
        /// The day the child turned 18.
        adult_since: NaiveDate,
    },
    /// A birth date is after the date of the service.
    BirthAfterDate,
}

impl GuardianError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotAdult { .. } => "guardian.not_adult",
            Self::ChildNotMinor { .. } => "child.not_minor",
            Self::BirthAfterDate => "guardian.birth_after_date",
        }
    }
}

impl fmt::Display for GuardianError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAdult { adult_from } => {
                write!(
                    f,
                    "the guardian must be 18 or older (turns 18 on {adult_from})"
                )
            }
            Self::ChildNotMinor { adult_since } => write!(
                f,
                "the child turned 18 on {adult_since} and applies in person"
            ),
            Self::BirthAfterDate => f.write_str("a birth date is after the application date"),
        }
    }
}

impl std::error::Error for GuardianError {}

/// Checks that a guardian born on `guardian_birth` may act for a child born on
/// `child_birth` on `on` (the application or service date).
pub fn check_guardianship(
    guardian_birth: NaiveDate,
    child_birth: NaiveDate,
    on: NaiveDate,
) -> Result<(), GuardianError> {
    if guardian_birth > on || child_birth > on {
        return Err(GuardianError::BirthAfterDate);
    }
    let guardian_adult = dates::anniversary(guardian_birth, ADULT_YEARS, 0);
    if guardian_adult.is_none_or(|a| on < a) {
        return Err(GuardianError::NotAdult {
            adult_from: guardian_adult.unwrap_or(NaiveDate::MAX),
        });
    }
    if let Some(a) = dates::anniversary(child_birth, ADULT_YEARS, 0).filter(|a| on >= *a) {
        return Err(GuardianError::ChildNotMinor { adult_since: a });
    }
    Ok(())
}

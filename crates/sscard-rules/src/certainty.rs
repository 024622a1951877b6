//! Whether a date answer is certain or an estimate resting on a stated assumption.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// How sure an answer is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Certainty {
    /// Computed from published data only.
    Certain,
    /// Depends on data that is not published yet; the assumption is stated.
    Estimate {
        /// The years whose official schedule was not available.
        unpublished_years: Vec<i32>,
        /// The assumption used instead, in English.
        assumption: Cow<'static, str>,
    },
}

/// The assumption used for a year without a published holiday schedule (DECISIONS.md D6).
pub const UNPUBLISHED_YEAR_ASSUMPTION: &str = "the official holiday schedule for this year is not published yet; \
     assumed Monday to Friday are working days with no public holidays and no make-up working days";

impl Certainty {
    /// An estimate caused by one unpublished year.
    pub fn unpublished(year: i32) -> Self {
        Self::Estimate {
            unpublished_years: vec![year],
            assumption: Cow::Borrowed(UNPUBLISHED_YEAR_ASSUMPTION),
        }
    }

    /// Whether the answer is certain.
    pub fn is_certain(&self) -> bool {
        matches!(self, Self::Certain)
    }

    /// Combines two certainties: the result is an estimate if either is.
    pub fn and(self, other: Certainty) -> Certainty {
        match (self, other) {
            (Self::Certain, o) => o,
            (s, Self::Certain) => s,
            (
                Self::Estimate {
                    unpublished_years: mut a,
                    assumption,
                },
                Self::Estimate {
                    unpublished_years: b,
                    ..
                },
            ) => {
                for y in b {
                    if !a.contains(&y) {
                        a.push(y);
                    }
                }
                a.sort_unstable();
                Self::Estimate {
                    unpublished_years: a,
                    assumption,
                }
            }
        }
    }
}

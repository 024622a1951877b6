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

/// The assumption used for a year without a published holiday schedule (DECISIONS.md D6, D35):
/// the law's holidays are known, the notice's make-up working days and extra days off are not.
pub const UNPUBLISHED_YEAR_ASSUMPTION: &str = "the official holiday schedule for this year is not published yet; \
     assumed Monday to Friday are working days except the public holidays the holiday law fixes \
     (New Year's Day, Spring Festival with its eve, Qingming, Labour Day, Dragon Boat, Mid-Autumn, National Day), \
     with no make-up working days and no extra days off, which only the State Council's notice sets";

/// The assumption for an unpublished year outside `STATUTORY_YEARS` (2024–2100), whose lunar
/// holiday dates are not embedded (DECISIONS.md D6, D35).
pub const UNPUBLISHED_YEAR_NO_HOLIDAYS_ASSUMPTION: &str = "the official holiday schedule for this year is not published yet \
     and its lunar holiday dates are not in this service's table (2024–2100); \
     assumed Monday to Friday are working days with no public holidays and no make-up working days";

impl Certainty {
    /// An estimate caused by one unpublished year whose statutory holidays are known
    /// ([`UNPUBLISHED_YEAR_ASSUMPTION`]).
    pub fn unpublished(year: i32) -> Self {
        Self::Estimate {
            unpublished_years: vec![year],
            assumption: Cow::Borrowed(UNPUBLISHED_YEAR_ASSUMPTION),
        }
    }

    /// An estimate caused by one unpublished year outside the statutory-holiday table
    /// ([`UNPUBLISHED_YEAR_NO_HOLIDAYS_ASSUMPTION`]).
    pub fn unpublished_without_holidays(year: i32) -> Self {
        Self::Estimate {
            unpublished_years: vec![year],
            assumption: Cow::Borrowed(UNPUBLISHED_YEAR_NO_HOLIDAYS_ASSUMPTION),
        }
    }

    /// Whether the answer is certain.
    pub fn is_certain(&self) -> bool {
        matches!(self, Self::Certain)
    }

    /// Combines two certainties: the result is an estimate if either is, with the years of both
    /// and each different assumption once, joined by "; also ".
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
                    assumption: other_assumption,
                },
            ) => {
                // Years come in date order and each kind of year is one run of years, so a
                // repeated assumption is always the last one added (and `ends_with` needs no
                // substring search code in the wasm app).
                let assumption = if assumption.ends_with(other_assumption.as_ref()) {
                    assumption
                } else {
                    Cow::Owned(format!("{assumption}; also {other_assumption}"))
                };
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

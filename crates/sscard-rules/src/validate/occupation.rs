//! Occupation on record (个人信息变更: 002 Q9 L79, Q32 L207 name it without a list of values).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::wire::Occupation;

/// Why an occupation is not valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum OccupationError {
    /// Nothing was chosen.
    Empty,
    /// Not one of [`Occupation::ALL`] (an old or a hand-made client).
    Unknown,
}

impl OccupationError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "occupation.empty",
            Self::Unknown => "occupation.unknown",
        }
    }
}

impl fmt::Display for OccupationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Empty => "choose the occupation",
            Self::Unknown => "choose one of the listed occupations",
        })
    }
}

impl std::error::Error for OccupationError {}

/// Reads an occupation by its stable id (`professional`, …), trimmed (D31).
pub fn parse_occupation(input: &str) -> Result<Occupation, OccupationError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(OccupationError::Empty);
    }
    Occupation::from_id(s).ok_or(OccupationError::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_reads_back_and_others_do_not() {
        for o in Occupation::ALL {
            assert_eq!(parse_occupation(&format!(" {} ", o.id())), Ok(*o));
        }
        assert_eq!(parse_occupation(""), Err(OccupationError::Empty));
        assert_eq!(parse_occupation("  "), Err(OccupationError::Empty));
        assert_eq!(parse_occupation("astronaut"), Err(OccupationError::Unknown));
        assert_eq!(
            parse_occupation("专业技术人员"),
            Err(OccupationError::Unknown)
        );
    }
}

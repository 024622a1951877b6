//! Mainland China postal codes: 6 digits.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::normalise_code;

/// Why a postal code is not valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum PostalCodeError {
    /// Nothing was entered.
    Empty,
    /// Not 6 digits.
    Format,
}

impl PostalCodeError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "postal_code.empty",
            Self::Format => "postal_code.format",
        }
    }
}

impl fmt::Display for PostalCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Empty => "enter a postal code",
            Self::Format => "a postal code has 6 digits",
        })
    }
}

impl std::error::Error for PostalCodeError {}

/// Validates a postal code and returns its 6 digits (spaces and full-width digits accepted).
pub fn parse_postal_code(input: &str) -> Result<String, PostalCodeError> {
    let s = normalise_code(input);
    if s.is_empty() {
        return Err(PostalCodeError::Empty);
    }
    if s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit()) {
        Ok(s)
    } else {
        Err(PostalCodeError::Format)
    }
}

//! Postal addresses (where a card is posted) and one-time codes (the real-name check stand-in).
//! The seeds set neither format; both limits are DECISIONS.md D29.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::normalise_code;

/// Longest postal address accepted, in characters (D29).
pub const ADDRESS_MAX_CHARS: usize = 100;

/// Digits in a one-time code (D29).
pub const ONE_TIME_CODE_LEN: usize = 6;

/// Why a postal address is not valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum AddressError {
    /// Nothing was entered.
    Empty,
    /// Longer than [`ADDRESS_MAX_CHARS`].
    TooLong {
        /// The limit.
        max: usize,
    },
}

impl AddressError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "address.empty",
            Self::TooLong { .. } => "address.too_long",
        }
    }
}

impl fmt::Display for AddressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("enter the address"),
            Self::TooLong { max } => write!(f, "the address is longer than {max} characters"),
        }
    }
}

impl std::error::Error for AddressError {}

/// Validates a postal address and returns it trimmed (D29).
pub fn parse_address(input: &str) -> Result<String, AddressError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(AddressError::Empty);
    }
    if s.chars().count() > ADDRESS_MAX_CHARS {
        return Err(AddressError::TooLong {
            max: ADDRESS_MAX_CHARS,
        });
    }
    Ok(s.to_string())
}

/// Why a one-time code is not valid (before it is compared with the one sent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum OneTimeCodeError {
    /// Nothing was entered.
    Empty,
    /// Not [`ONE_TIME_CODE_LEN`] digits.
    Format,
}

impl OneTimeCodeError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "code.empty",
            Self::Format => "code.format",
        }
    }
}

impl fmt::Display for OneTimeCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Empty => "enter the code",
            Self::Format => "the code has 6 digits",
        })
    }
}

impl std::error::Error for OneTimeCodeError {}

/// Validates a one-time code and returns its 6 digits (spaces and full-width digits accepted, as
/// phone keyboards and pasted text message snippets produce them; D29).
pub fn parse_one_time_code(input: &str) -> Result<String, OneTimeCodeError> {
    let s = normalise_code(input);
    if s.is_empty() {
        return Err(OneTimeCodeError::Empty);
    }
    if s.len() == ONE_TIME_CODE_LEN && s.bytes().all(|b| b.is_ascii_digit()) {
        Ok(s)
    } else {
        Err(OneTimeCodeError::Format)
    }
}

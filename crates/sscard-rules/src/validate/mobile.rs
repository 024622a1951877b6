//! Mainland China mobile numbers: 11 digits, `1` then `3`–`9`.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::normalise_code;

/// Why a mobile number is not valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum MobileError {
    /// Nothing was entered.
    Empty,
    /// Not a mainland mobile number.
    Format,
}

impl MobileError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "mobile.empty",
            Self::Format => "mobile.format",
        }
    }
}

impl fmt::Display for MobileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Empty => "enter a mobile number",
            Self::Format => "a mainland mobile number has 11 digits and starts with 1",
        })
    }
}

impl std::error::Error for MobileError {}

/// Validates a mobile number and returns its 11 digits. Accepts spaces, hyphens,
/// full-width digits and a `+86` / `0086` / `86` prefix.
pub fn parse_mobile(input: &str) -> Result<String, MobileError> {
    let s = normalise_code(input);
    if s.is_empty() {
        return Err(MobileError::Empty);
    }
    let s = s
        .strip_prefix("+86")
        .or_else(|| s.strip_prefix("0086"))
        .or_else(|| s.strip_prefix("86").filter(|r| r.len() == 11))
        .unwrap_or(&s);
    let b = s.as_bytes();
    let ok = b.len() == 11
        && b.iter().all(u8::is_ascii_digit)
        && b.first() == Some(&b'1')
        && b.get(1).is_some_and(|c| (b'3'..=b'9').contains(c));
    if ok {
        Ok(s.to_owned())
    } else {
        Err(MobileError::Format)
    }
}

//! The 18-character resident identity number (公民身份号码, GB 11643-1999).
//!
//! Layout: 6-digit region code, 8-digit birth date `YYYYMMDD`, 3-digit sequence (odd for men,
//! even for women), and a check character computed with ISO 7064 MOD 11-2 (`0`–`9` or `X`).
//! MOD 11-2 detects every single-character substitution, which the property tests check.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::normalise_code;

/// Weights of the 17 body digits (2^(17-i) mod 11).
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character for each remainder 0..=10.
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// Sex as encoded in the 17th digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// Odd sequence digit.
    Male,
    /// Even sequence digit.
    Female,
}

/// A valid resident ID number with what it encodes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdNumber {
    /// The normalised 18 characters (upper-case `X`).
    pub number: String,
    /// The 6-digit region code of first registration.
    pub region_code: String,
    /// Birth date.
    pub birth_date: NaiveDate,
    /// Sex.
    pub sex: Sex,
}

impl IdNumber {
    /// The last 6 characters: the initial service password in Beijing (002 Q17 L131).
    pub fn last_six(&self) -> &str {
        self.number.get(12..).unwrap_or_default()
    }
}

/// Why an ID number is not valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum IdNumberError {
    /// Nothing was entered.
    Empty,
    /// Not 18 characters after normalisation.
    Length {
        /// Characters found.
        found: usize,
    },
    /// Not 17 digits followed by a digit or `X`.
    Format,
    /// The birth-date digits are not a real date (or before 1900).
    BirthDate,
    /// The birth date is after the date of the check.
    FutureBirthDate,
    /// The check character does not match.
    CheckDigit {
        /// The character the body calls for.
        expected: char,
    },
}

impl IdNumberError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "id_number.empty",
            Self::Length { .. } => "id_number.length",
            Self::Format => "id_number.format",
            Self::BirthDate => "id_number.birth_date",
            Self::FutureBirthDate => "id_number.future_birth_date",
            Self::CheckDigit { .. } => "id_number.check_digit",
        }
    }
}

impl fmt::Display for IdNumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("enter the 18-character ID number"),
            Self::Length { found } => write!(f, "an ID number has 18 characters, not {found}"),
            Self::Format => f.write_str("an ID number is 17 digits followed by a digit or X"),
            Self::BirthDate => f.write_str("the birth date in the ID number is not a real date"),
            Self::FutureBirthDate => {
                f.write_str("the birth date in the ID number is in the future")
            }
            Self::CheckDigit { .. } => {
                f.write_str("the ID number is mistyped: its last character does not match")
            }
        }
    }
}

impl std::error::Error for IdNumberError {}

/// The check character for 17 body digits; `None` if `body` is not exactly 17 ASCII digits.
pub fn check_digit(body: &str) -> Option<char> {
    if body.len() != 17 || !body.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = body
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    CHECK.get((sum % 11) as usize).copied()
}

/// Validates and normalises an ID number on the date `today` (the birth date may not be
/// later). Accepts spaces, full-width digits and a lower-case `x`.
pub fn parse_id_number(input: &str, today: NaiveDate) -> Result<IdNumber, IdNumberError> {
    let mut s = normalise_code(input);
    s.make_ascii_uppercase();
    if s.is_empty() {
        return Err(IdNumberError::Empty);
    }
    let count = s.chars().count();
    if count != 18 {
        return Err(IdNumberError::Length { found: count });
    }
    // After this check every character is one byte, so the slicing below is on boundaries.
    if !s.is_ascii() {
        return Err(IdNumberError::Format);
    }
    let (body, last) = s.split_at(s.len().saturating_sub(1));
    if !body.bytes().all(|b| b.is_ascii_digit()) || body.len() != 17 {
        return Err(IdNumberError::Format);
    }
    if !(last == "X" || last.bytes().all(|b| b.is_ascii_digit())) || last.len() != 1 {
        return Err(IdNumberError::Format);
    }
    let digits = |r: std::ops::Range<usize>| body.get(r).and_then(|t| t.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (digits(6..10), digits(10..12), digits(12..14)) else {
        return Err(IdNumberError::Format);
    };
    let birth = i32::try_from(y)
        .ok()
        .filter(|y| *y >= 1900)
        .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
        .ok_or(IdNumberError::BirthDate)?;
    if birth > today {
        return Err(IdNumberError::FutureBirthDate);
    }
    let expected = check_digit(body).ok_or(IdNumberError::Format)?;
    if !last.starts_with(expected) {
        return Err(IdNumberError::CheckDigit { expected });
    }
    let sex = match body.as_bytes().get(16) {
        Some(b) if (b - b'0') % 2 == 1 => Sex::Male,
        _ => Sex::Female,
    };
    Ok(IdNumber {
        region_code: body.get(0..6).unwrap_or_default().to_owned(),
        birth_date: birth,
        sex,
        number: s,
    })
}

//! Reference numbers a person can read out over the phone to the 96066 hotline, such as
//! `K7M-2Q9-XD4F`.
//!
//! Issue #13 asks for them; the seeds say nothing about their form, so the form is a design
//! decision (DECISIONS D34):
//! - 10 symbols from a 31-symbol alphabet without look-alikes: the digits 2–9 and the letters
//!   A–Z without I, L and O (so no 0/O, 1/I/L confusion when read aloud or copied by hand);
//! - 9 random symbols, then 1 check symbol;
//! - shown in groups of 3, 3 and 4 joined by hyphens.
//!
//! The check symbol makes the weighted sum `Σ wᵢ·vᵢ` (`vᵢ` the symbol's value, weights 10, 9, …,
//! 1 from left to right) a multiple of 31, like the ISBN-10 check digit (weights 10…1 mod 11).
//! Because 31 is prime and every weight is in 1..=10 (non-zero mod 31):
//! - one changed symbol changes the sum by `wᵢ·(v' − v)`, a product of two non-zero numbers mod a
//!   prime, so never a multiple of 31;
//! - swapping two adjacent different symbols changes it by `(wᵢ − wᵢ₊₁)·(vᵢ₊₁ − vᵢ)`, and adjacent
//!   weights differ by 1, so that is never a multiple of 31 either.
//!
//! So every single substitution and every adjacent swap is caught (tests/reference.rs checks
//! all of them for many references). The crate does no I/O: the caller supplies the randomness.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::validate::normalise_code;

/// The 31 symbols, in value order: digits 2–9, then A–Z without I, L and O.
pub const REFERENCE_ALPHABET: &str = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// Symbols in a reference (9 random + 1 check).
pub const REFERENCE_LEN: usize = 10;

/// Random symbols in a reference.
const RANDOM_LEN: usize = REFERENCE_LEN - 1;

/// 31, the alphabet's size (a prime larger than [`REFERENCE_LEN`]).
const BASE: u32 = 31;

/// Sizes of the groups shown to people (3 + 3 + 4 = 10): `K7M-2Q9-XD4F`.
const GROUPS: [usize; 3] = [3, 3, 4];

/// Bytes of randomness [`Reference::generate_from`] takes: 128 bits reduced mod 31⁹ (≈ 2⁴⁵), so
/// the bias is below 2⁻⁸⁰.
pub const REFERENCE_RANDOM_BYTES: usize = 16;

/// A valid reference number, stored in its compact form (`K7M2Q9XD4F`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Reference(String);

/// Why a typed reference is not valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ReferenceError {
    /// Nothing was entered.
    Empty,
    /// Fewer than 10 symbols.
    TooShort,
    /// More than 10 symbols.
    TooLong,
    /// A character references never use (such as 0, O, 1, I or L).
    NotInAlphabet {
        /// The first such character, as typed (after case folding).
        found: char,
    },
    /// The check symbol does not match: a character was mistyped.
    CheckSymbol,
}

impl ReferenceError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "reference.empty",
            Self::TooShort => "reference.too_short",
            Self::TooLong => "reference.too_long",
            Self::NotInAlphabet { .. } => "reference.not_in_alphabet",
            Self::CheckSymbol => "reference.check_symbol",
        }
    }
}

impl fmt::Display for ReferenceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("enter a reference number"),
            Self::TooShort | Self::TooLong => f.write_str("a reference number has 10 characters"),
            Self::NotInAlphabet { found } => write!(
                f,
                "{found:?} is not in reference numbers: they never use 0, O, 1, I or L"
            ),
            Self::CheckSymbol => f.write_str("a character was mistyped"),
        }
    }
}

impl std::error::Error for ReferenceError {}

/// The value 0..31 of an upper-case symbol, `None` outside the alphabet.
fn value(c: char) -> Option<u32> {
    REFERENCE_ALPHABET
        .chars()
        .position(|a| a == c)
        .and_then(|p| u32::try_from(p).ok())
}

/// The symbol of a value 0..31.
fn symbol(v: u32) -> char {
    REFERENCE_ALPHABET
        .as_bytes()
        .get(v as usize)
        .map_or('2', |&b| char::from(b))
}

/// `Σ wᵢ·vᵢ mod 31` with weights 10, 9, … from the left (the check symbol's weight is 1).
fn weighted_sum(values: impl Iterator<Item = u32>) -> u32 {
    values
        .zip((1..=REFERENCE_LEN as u32).rev())
        .fold(0, |acc, (v, w)| (acc + v * w) % BASE)
}

impl Reference {
    /// A new reference from caller-supplied random bytes (the server's operating-system
    /// randomness): 9 random symbols and the check symbol.
    pub fn generate_from(random: [u8; REFERENCE_RANDOM_BYTES]) -> Self {
        let mut n = u128::from_le_bytes(random) % u128::from(BASE).pow(RANDOM_LEN as u32);
        let mut values = [0u32; RANDOM_LEN];
        for v in values.iter_mut().rev() {
            *v = (n % u128::from(BASE)) as u32;
            n /= u128::from(BASE);
        }
        let sum = weighted_sum(values.iter().copied());
        // The check symbol has weight 1: it brings the sum to a multiple of 31.
        let check = (BASE - sum) % BASE;
        Self(
            values
                .iter()
                .chain(std::iter::once(&check))
                .map(|&v| symbol(v))
                .collect(),
        )
    }

    /// Parses a typed reference: case, spaces, hyphens and full-width forms do not matter.
    pub fn parse(input: &str) -> Result<Self, ReferenceError> {
        let s = normalise_code(input).to_uppercase();
        if s.is_empty() {
            return Err(ReferenceError::Empty);
        }
        // A character outside the alphabet is the likelier cause of a wrong length too (an O
        // typed for a 0 is still one character), so it is named first.
        if let Some(found) = s.chars().find(|&c| value(c).is_none()) {
            return Err(ReferenceError::NotInAlphabet { found });
        }
        match s.chars().count() {
            n if n < REFERENCE_LEN => return Err(ReferenceError::TooShort),
            n if n > REFERENCE_LEN => return Err(ReferenceError::TooLong),
            _ => {}
        }
        if weighted_sum(s.chars().filter_map(value)) != 0 {
            return Err(ReferenceError::CheckSymbol);
        }
        Ok(Self(s))
    }

    /// The 10 symbols without separators (`K7M2Q9XD4F`): stored, compared and put in URLs.
    pub fn as_compact(&self) -> &str {
        &self.0
    }

    /// The grouped form people read (`K7M-2Q9-XD4F`), the same as `Display`.
    pub fn grouped(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Reference {
    /// Groups of 3, 3 and 4 joined by hyphens.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0.as_str();
        for (i, len) in GROUPS.iter().enumerate() {
            let (group, tail) = rest.split_at((*len).min(rest.len()));
            if i > 0 {
                f.write_str("-")?;
            }
            f.write_str(group)?;
            rest = tail;
        }
        Ok(())
    }
}

impl std::str::FromStr for Reference {
    type Err = ReferenceError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// [`Reference::parse`] as a free function, like the crate's other `parse_*`.
pub fn parse_reference(input: &str) -> Result<Reference, ReferenceError> {
    Reference::parse(input)
}

//! The service password (服务密码) a card holder chooses to replace the initial one.
//!
//! The service password is the query password for card services such as the application status
//! and production progress; its initial value is the last 6 characters of the social security
//! number, which is the resident ID number (002 Q17 L131; 003 扩展资料 L51; catalogue §9 PW-1).
//! It is independent of the financial (payment) password and of the medical-insurance account
//! password (002 Q17 L129); this module never handles those.
//!
//! The seeds give only the initial value, so the format of a new one is a decision (DECISIONS.md
//! D28): exactly 6 ASCII digits, not all the same digit, and not the initial value.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::normalise_code;

/// Length of a service password (the initial value is the last 6 characters of the ID number,
/// 002 Q17 L131; D28).
pub const SERVICE_PASSWORD_LEN: usize = 6;

/// Why a new service password is refused. Codes are stable: the server returns them in its
/// problem documents and the app maps them to messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum PasswordError {
    /// Not exactly 6 ASCII digits (empty included) (D28).
    Format,
    /// All 6 digits are the same (D28).
    Weak,
    /// Equals the initial value, the last 6 characters of the ID number (002 Q17 L131; D28).
    Initial,
}

impl PasswordError {
    /// Stable machine-readable code: `password.format`, `password.weak` or `password.initial`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Format => "password.format",
            Self::Weak => "password.weak",
            Self::Initial => "password.initial",
        }
    }
}

impl fmt::Display for PasswordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Format => "the service password has 6 digits",
            Self::Weak => "choose 6 digits that are not all the same",
            Self::Initial => "choose a password other than the initial one",
        })
    }
}

impl std::error::Error for PasswordError {}

/// Checks a new service password and returns it unchanged.
///
/// Rules, in this order (the first that fails is reported):
/// 1. exactly 6 ASCII digits, else [`PasswordError::Format`] (D28);
/// 2. not the same digit six times, else [`PasswordError::Weak`] (D28);
/// 3. not the initial value, the last 6 characters of `id_number`, else
///    [`PasswordError::Initial`] (「初始密码为社会保障号码后6位」, 002 Q17 L131; catalogue §9).
///
/// `id_number` is the holder's resident ID number as stored or typed (normalised here: spaces,
/// full-width characters, lower-case `x`); it need not be valid. A caller that does not know the
/// full number (the app sees only the masked one) may pass the masked number or `""`: the initial
/// check then never fires and the server, which knows the number, makes it. An ID number ending
/// in `X` has an initial value that is not 6 digits, so rule 1 already excludes it (catalogue §9
/// gap; D28).
///
/// The password itself is not normalised (no trimming, no full-width mapping): sign-in compares
/// it byte for byte, so what is accepted here is exactly what must be typed later.
pub fn parse_new_service_password(new: &str, id_number: &str) -> Result<String, PasswordError> {
    let b = new.as_bytes();
    if b.len() != SERVICE_PASSWORD_LEN || !b.iter().all(u8::is_ascii_digit) {
        return Err(PasswordError::Format);
    }
    if b.iter().all(|c| Some(c) == b.first()) {
        return Err(PasswordError::Weak);
    }
    let mut id = normalise_code(id_number);
    id.make_ascii_uppercase();
    let initial = id
        .len()
        .checked_sub(SERVICE_PASSWORD_LEN)
        .and_then(|start| id.get(start..));
    if initial == Some(new) {
        return Err(PasswordError::Initial);
    }
    Ok(new.to_owned())
}

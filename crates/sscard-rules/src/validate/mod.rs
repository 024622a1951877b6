//! Validation of what people type, with typed errors and stable codes.
//!
//! Each error enum has a `code()` such as `id_number.check_digit`; the server puts it in an
//! RFC 9457 problem document and the app maps it to a message in each language.
//! Normalisation is forgiving (spaces, full-width characters, lower-case x).

mod address;
mod delivery;
mod guardian;
mod id_number;
mod issue;
mod mobile;
mod name;
mod occupation;
mod password;
mod postal;
mod request;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use address::{
    ADDRESS_MAX_CHARS, AddressError, ONE_TIME_CODE_LEN, OneTimeCodeError, parse_address,
    parse_one_time_code,
};
pub use delivery::{
    BACKUP_CENTRE_MAX_CHARS, DeliveryError, parse_backup_centre, recipient_is_holder,
};
pub use guardian::{GuardianError, check_guardianship};
pub use id_number::{IdNumber, IdNumberError, Sex, check_digit, parse_id_number};
pub use issue::FieldIssue;
pub use mobile::{MobileError, parse_mobile};
pub use name::{NAME_MAX_CHINESE, NAME_MAX_LATIN, NameError, NameScript, ValidName, parse_name};
pub use occupation::{OccupationError, parse_occupation};
pub use password::{PasswordError, SERVICE_PASSWORD_LEN, parse_new_service_password};
pub use postal::{PostalCodeError, parse_postal_code};
pub use request::{FieldError, ValidMinor, check_minor, check_postal_address};

/// Any validation error, for callers that validate a whole form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "field", rename_all = "snake_case")]
pub enum ValidationError {
    /// Resident ID number.
    IdNumber(IdNumberError),
    /// Mobile number.
    Mobile(MobileError),
    /// Person name.
    Name(NameError),
    /// Postal code.
    PostalCode(PostalCodeError),
    /// Guardian / child ages.
    Guardian(GuardianError),
    /// A new service password.
    ServicePassword(PasswordError),
    /// A postal address.
    Address(AddressError),
    /// A one-time code.
    OneTimeCode(OneTimeCodeError),
    /// An occupation.
    Occupation(OccupationError),
    /// A reference number.
    Reference(crate::ReferenceError),
    /// Delivery details a city's terms ask for.
    Delivery(DeliveryError),
}

impl ValidationError {
    /// Stable machine-readable code of the inner error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::IdNumber(e) => e.code(),
            Self::Mobile(e) => e.code(),
            Self::Name(e) => e.code(),
            Self::PostalCode(e) => e.code(),
            Self::Guardian(e) => e.code(),
            Self::ServicePassword(e) => e.code(),
            Self::Address(e) => e.code(),
            Self::OneTimeCode(e) => e.code(),
            Self::Occupation(e) => e.code(),
            Self::Reference(e) => e.code(),
            Self::Delivery(e) => e.code(),
        }
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::IdNumber(e) => e.fmt(f),
            Self::Mobile(e) => e.fmt(f),
            Self::Name(e) => e.fmt(f),
            Self::PostalCode(e) => e.fmt(f),
            Self::Guardian(e) => e.fmt(f),
            Self::ServicePassword(e) => e.fmt(f),
            Self::Address(e) => e.fmt(f),
            Self::OneTimeCode(e) => e.fmt(f),
            Self::Occupation(e) => e.fmt(f),
            Self::Reference(e) => e.fmt(f),
            Self::Delivery(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ValidationError {}

macro_rules! from_error {
    ($($t:ident => $v:ident),*) => {$(
        impl From<$t> for ValidationError {
            fn from(e: $t) -> Self { Self::$v(e) }
        }
    )*};
}
from_error!(IdNumberError => IdNumber, MobileError => Mobile, NameError => Name,
    PostalCodeError => PostalCode, GuardianError => Guardian, PasswordError => ServicePassword, AddressError => Address,
    OneTimeCodeError => OneTimeCode, OccupationError => Occupation, DeliveryError => Delivery);

impl From<crate::ReferenceError> for ValidationError {
    fn from(e: crate::ReferenceError) -> Self {
        Self::Reference(e)
    }
}

/// Maps full-width ASCII (U+FF01–U+FF5E) to ASCII and drops every kind of white space and
/// the separators people type inside numbers (`-`, `－`). Used for numbers, not for names.
pub(crate) fn normalise_code(input: &str) -> String {
    input
        .chars()
        .filter_map(|c| {
            let c = match u32::from(c) {
                // Full-width forms are offset from ASCII by a constant.
                cp @ 0xFF01..=0xFF5E => char::from_u32(cp - 0xFEE0).unwrap_or(c),
                _ => c,
            };
            if c.is_whitespace() || c == '-' {
                None
            } else {
                Some(c)
            }
        })
        .collect()
}

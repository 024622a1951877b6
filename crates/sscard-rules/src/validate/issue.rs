//! [`FieldIssue`]: what every field error tells a client, the same way: its stable code and,
//! when it broke a limit, the limit, so a message can say the real number ("at most 30
//! characters") instead of one typed into a text that drifts from the rule.

use std::fmt;

use super::{
    AddressError, GuardianError, IdNumberError, MobileError, NameError, OccupationError,
    OneTimeCodeError, PasswordError, PostalCodeError, ValidationError,
};

/// A problem with one field of a request.
pub trait FieldIssue: fmt::Display {
    /// The stable machine-readable code, e.g. `name.too_long`.
    fn code(&self) -> &'static str;

    /// The limit the value broke (a length), when the problem is about one.
    fn limit(&self) -> Option<u32> {
        None
    }
}

/// Field errors whose problems name no limit.
macro_rules! issues_without_limit {
    ($($error:ty),*) => {$(
        impl FieldIssue for $error {
            fn code(&self) -> &'static str {
                <$error>::code(self)
            }
        }
    )*};
}

issues_without_limit!(
    GuardianError,
    IdNumberError,
    MobileError,
    OccupationError,
    OneTimeCodeError,
    PasswordError,
    PostalCodeError,
    crate::ReferenceError
);

fn limit_of(max: usize) -> Option<u32> {
    u32::try_from(max).ok()
}

impl FieldIssue for NameError {
    fn code(&self) -> &'static str {
        NameError::code(self)
    }

    fn limit(&self) -> Option<u32> {
        match self {
            NameError::TooLong { max } => limit_of(*max),
            _ => None,
        }
    }
}

impl FieldIssue for AddressError {
    fn code(&self) -> &'static str {
        AddressError::code(self)
    }

    fn limit(&self) -> Option<u32> {
        match self {
            AddressError::TooLong { max } => limit_of(*max),
            AddressError::Empty => None,
        }
    }
}

impl FieldIssue for ValidationError {
    fn code(&self) -> &'static str {
        ValidationError::code(self)
    }

    fn limit(&self) -> Option<u32> {
        match self {
            Self::Name(e) => e.limit(),
            Self::Address(e) => e.limit(),
            _ => None,
        }
    }
}

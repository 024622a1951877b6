//! Checks of the parts of a request that the app and the server both validate: where a posted
//! card goes, and the minor a guardian applies for. Each problem names its field by its path in
//! the request (`postal_address.mobile`, `minor.id_number`), so the server answers it as it is
//! and the app can show it next to its input.

use chrono::NaiveDate;

use super::{
    IdNumber, ValidationError, check_guardianship, parse_address, parse_id_number, parse_mobile,
    parse_name, parse_postal_code,
};
use crate::wire::{GuardianshipProof, MinorApplicant, PostalAddress};

/// A problem with one field of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's path in the request, such as `postal_address.mobile`.
    pub field: &'static str,
    /// What is wrong; its `code()` is the stable code.
    pub error: ValidationError,
}

/// `r`'s value, or `None` with its error recorded against `field`.
fn noted<T, E: Into<ValidationError>>(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    r: Result<T, E>,
) -> Option<T> {
    r.map_err(|e| {
        errors.push(FieldError {
            field,
            error: e.into(),
        });
    })
    .ok()
}

/// Checks where a posted card goes: the recipient's name, their mobile, the postal code and the
/// address, one problem per wrong field, in that order. Empty when all are right.
pub fn check_postal_address(a: &PostalAddress) -> Vec<FieldError> {
    let mut errors = Vec::new();
    noted(
        &mut errors,
        "postal_address.recipient",
        parse_name(&a.recipient),
    );
    noted(
        &mut errors,
        "postal_address.mobile",
        parse_mobile(&a.mobile),
    );
    noted(
        &mut errors,
        "postal_address.postal_code",
        parse_postal_code(&a.postal_code),
    );
    noted(
        &mut errors,
        "postal_address.address",
        parse_address(&a.address),
    );
    errors
}

/// The minor of a guardian's application, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMinor {
    /// The child's name, normalised.
    pub name: String,
    /// The child's ID number.
    pub id: IdNumber,
    /// The document that proves the guardianship.
    pub proof: GuardianshipProof,
}

/// Checks the minor a guardian born on `guardian_birth` applies for on `on`: the child's name,
/// the child's ID number, and that the guardian may act for the child (an adult guardian, a
/// child under 18: 002 Q38 L241). The problems are in that order.
pub fn check_minor(
    minor: &MinorApplicant,
    guardian_birth: NaiveDate,
    on: NaiveDate,
) -> Result<ValidMinor, Vec<FieldError>> {
    let mut errors = Vec::new();
    let name = noted(&mut errors, "minor.name", parse_name(&minor.name));
    let id = noted(
        &mut errors,
        "minor.id_number",
        parse_id_number(&minor.id_number, on),
    );
    if let Some(id) = &id {
        noted(
            &mut errors,
            "minor.id_number",
            check_guardianship(guardian_birth, id.birth_date, on),
        );
    }
    match (name, id) {
        (Some(name), Some(id)) if errors.is_empty() => Ok(ValidMinor {
            name: name.name,
            id,
            proof: minor.guardianship_proof,
        }),
        _ => Err(errors),
    }
}

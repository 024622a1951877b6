//! Messages for the rules crate's validation errors and the server's problem codes. Each kind of
//! problem has its own message, in the current language.

use sscard_rules::{
    AddressError, DeliveryError, IdNumberError, MobileError, NameError, OneTimeCodeError,
    PostalCodeError, ProblemCode,
};

use crate::api::ApiError;
use crate::components::{Msg, msg, msg_count, msg_with};

/// A name that was not accepted.
pub fn name(error: NameError) -> Msg {
    match error {
        NameError::Empty => msg(|t| t.journey().e_name_empty),
        NameError::TooShort => msg(|t| t.journey().e_name_short),
        NameError::TooLong { max } => msg_count(|t| &t.journey().e_name_long, "n", count(max)),
        NameError::Characters => msg(|t| t.journey().e_name_chars),
    }
}

/// An ID number that was not accepted.
pub fn id_number(error: IdNumberError) -> Msg {
    match error {
        IdNumberError::Empty => msg(|t| t.journey().e_id_empty),
        IdNumberError::Length { found } => {
            msg_with(|t| t.journey().e_id_length, "n", found.to_string())
        }
        IdNumberError::Format => msg(|t| t.journey().e_id_format),
        IdNumberError::BirthDate => msg(|t| t.journey().e_id_birth),
        IdNumberError::FutureBirthDate => msg(|t| t.journey().e_id_future),
        IdNumberError::CheckDigit { .. } => msg(|t| t.journey().e_id_check),
    }
}

/// A mobile number that was not accepted.
pub fn mobile(error: MobileError) -> Msg {
    match error {
        MobileError::Empty => msg(|t| t.journey().e_mobile_empty),
        MobileError::Format => msg(|t| t.journey().e_mobile_format),
    }
}

/// A postal code that was not accepted.
pub fn postal_code(error: PostalCodeError) -> Msg {
    match error {
        PostalCodeError::Empty => msg(|t| t.journey().e_postal_empty),
        PostalCodeError::Format => msg(|t| t.journey().e_postal_format),
    }
}

/// A postal address that was not accepted.
pub fn address(error: AddressError) -> Msg {
    match error {
        AddressError::Empty => msg(|t| t.journey().e_address_empty),
        AddressError::TooLong { max } => {
            msg_count(|t| &t.journey().e_address_long, "n", count(max))
        }
    }
}

/// Delivery details the city's terms did not accept.
pub fn delivery(error: DeliveryError) -> Msg {
    match error {
        DeliveryError::BackupCentreEmpty => msg(|t| t.cities().e_backup_centre_empty),
        DeliveryError::BackupCentreTooLong { max } => {
            msg_count(|t| &t.cities().e_backup_centre_long, "n", count(max))
        }
        DeliveryError::RecipientNotHolder => msg(|t| t.cities().e_recipient_not_holder),
    }
}

/// A one-time code that was not accepted.
pub fn one_time_code(error: OneTimeCodeError) -> Msg {
    match error {
        OneTimeCodeError::Empty => msg(|t| t.journey().e_code_empty),
        OneTimeCodeError::Format => msg(|t| t.journey().e_code_format),
    }
}

/// The message for a code the server sent (a field problem's or the problem's own), with the
/// limit the field problem names (the rule's own number, see `FieldProblem::limit`).
pub fn server_code(code: &str, limit: Option<u32>) -> Msg {
    if let Some(problem) = ProblemCode::from_id(code) {
        return problem_message(problem);
    }
    let limit_or = |fallback: usize| limit.map_or(count(fallback), i64::from);
    match code {
        "name.empty" => msg(|t| t.journey().e_name_empty),
        "name.too_short" => msg(|t| t.journey().e_name_short),
        "name.too_long" => msg_count(
            |t| &t.journey().e_name_long,
            "n",
            limit_or(sscard_rules::NAME_MAX_CHINESE),
        ),
        "name.characters" => msg(|t| t.journey().e_name_chars),
        "id_number.empty" => msg(|t| t.journey().e_id_empty),
        "id_number.length" | "id_number.format" => msg(|t| t.journey().e_id_format),
        "id_number.birth_date" => msg(|t| t.journey().e_id_birth),
        "id_number.future_birth_date" => msg(|t| t.journey().e_id_future),
        "id_number.check_digit" => msg(|t| t.journey().e_id_check),
        "mobile.empty" => msg(|t| t.journey().e_mobile_empty),
        "mobile.format" => msg(|t| t.journey().e_mobile_format),
        "address.empty" => msg(|t| t.journey().e_address_empty),
        "address.too_long" => msg_count(
            |t| &t.journey().e_address_long,
            "n",
            limit_or(sscard_rules::ADDRESS_MAX_CHARS),
        ),
        "postal_code.empty" => msg(|t| t.journey().e_postal_empty),
        "postal_code.format" => msg(|t| t.journey().e_postal_format),
        "backup_centre.empty" => msg(|t| t.cities().e_backup_centre_empty),
        "backup_centre.too_long" => msg_count(
            |t| &t.cities().e_backup_centre_long,
            "n",
            limit_or(sscard_rules::BACKUP_CENTRE_MAX_CHARS),
        ),
        "postal_address.recipient_not_holder" => msg(|t| t.cities().e_recipient_not_holder),
        "child.not_minor" => msg(|t| t.journey().e_child_not_minor),
        "identity_mismatch" => msg(|t| t.journey().e_child_identity),
        "guardian.not_adult" => msg(|t| t.journey().e_guardian_not_adult),
        "code.empty" => msg(|t| t.journey().e_code_empty),
        "code.format" => msg(|t| t.journey().e_code_format),
        // A field's eligibility reason (`eligibility.<reason>`).
        c if c.starts_with("eligibility.") => msg(|t| t.journey().e_not_eligible),
        _ => msg(|t| t.journey().e_server),
    }
}

/// The journey's message for a problem the whole request had. Every code is named, so a new
/// one has to be given its message here.
fn problem_message(problem: ProblemCode) -> Msg {
    use ProblemCode as P;
    match problem {
        P::CodeInvalid => msg(|t| t.journey().e_code_wrong),
        P::CodeExpired => msg(|t| t.journey().e_code_expired),
        P::EligibilityNotEligible
        | P::EligibilityNeedsInPersonCheck
        | P::EligibilityOtherChannel => msg(|t| t.journey().e_not_eligible),
        P::ApplicationExists => msg(|t| t.journey().e_application_exists),
        P::CardExists => msg(|t| t.journey().e_card_exists),
        P::RateLimited | P::CodesDailyLimit => msg(|t| t.problem_rate_limited),
        P::Unauthenticated => msg(|t| t.journey().e_signed_out),
        // Problems the journey's forms cannot cause or the person cannot fix: try again.
        P::ValidationFailed
        | P::InvalidCredentials
        | P::OriginMismatch
        | P::HostNotAllowed
        | P::NotFound
        | P::MethodNotAllowed
        | P::Internal
        | P::NotReady
        | P::BodyNotJson
        | P::BodyTimeout
        | P::BodyTooLarge
        | P::BodyInvalid
        | P::TextNul
        | P::QueryInvalid
        | P::IdempotencyKeyMissing
        | P::IdempotencyKeyInvalid
        | P::IdempotencyKeyReused
        | P::CardAlreadyEnabled
        | P::CardNotEnabled
        | P::CardStateInvalid
        | P::CardTempLost
        | P::CardFormalLost
        | P::CardReplaced
        | P::CardCancelled
        | P::CounterOnly
        | P::NoCard
        | P::InitialPasswordAtCounter
        | P::PasswordChangedMeanwhile
        | P::DetailsChangedSince
        | P::ResetNeedsCode
        | P::ContactNeedsCode
        | P::ReplacementNeedsCode
        | P::ReplacementActorNotAllowed => msg(|t| t.journey().e_server),
    }
}

/// Maps an API failure to the form's problems: field problems go to their fields (through
/// `field_id`, which turns the server's field path into an input id), anything else to
/// `general_id` (usually the submit button, so the summary link leads to "try again").
pub fn api_problems(
    error: &ApiError,
    field_id: impl Fn(&str) -> Option<&'static str>,
    general_id: &'static str,
) -> Vec<(&'static str, Msg)> {
    match error {
        ApiError::Network => vec![(general_id, msg(|t| t.problem_network))],
        ApiError::Unexpected(_) => vec![(general_id, msg(|t| t.journey().e_server))],
        // Any top-level `eligibility.*` code, a newer server's too: the holder is not eligible
        // here, whatever the reasons say.
        ApiError::Problem(problem) if problem.code.starts_with("eligibility.") => {
            vec![(general_id, server_code(&problem.code, None))]
        }
        ApiError::Problem(problem) => {
            let mut out: Vec<(&'static str, Msg)> = problem
                .errors
                .iter()
                .map(|e| {
                    (
                        field_id(&e.field).unwrap_or(general_id),
                        server_code(&e.code, e.limit),
                    )
                })
                .collect();
            if out.is_empty() {
                out.push((general_id, server_code(&problem.code, None)));
            }
            out
        }
    }
}

/// A length limit as the count a plural text takes.
fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

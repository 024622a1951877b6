//! The top-level code of every problem the API answers with (`Problem::code`), written once:
//! the server answers with these and the app matches on them. A rule's own refusal answers with
//! the code of its rules-crate error instead (`policy.*`, `timeline.*`, `state.*`, a
//! `ReplacementBlock`), and field problems carry the field codes of the validation functions.

use crate::ids::stable_ids;

stable_ids! {
    /// A problem's code, with the HTTP status the server answers it with.
    pub enum ProblemCode {
        /// 400: the request's fields break the rules; `errors` names each.
        ValidationFailed = "validation_failed",
        /// 401: not signed in, or the session ended.
        Unauthenticated = "unauthenticated",
        /// 401: the ID number and password do not match (or the current password is wrong).
        InvalidCredentials = "invalid_credentials",
        /// 401: the one-time code is wrong (also for a challenge whose details did not match).
        CodeInvalid = "code_invalid",
        /// 401: the one-time code is no longer valid.
        CodeExpired = "code_expired",
        /// 403: a changing request from another site.
        OriginMismatch = "origin_mismatch",
        /// 421: a request for a host name this server does not serve.
        HostNotAllowed = "host_not_allowed",
        /// 404: no such resource, or one that is not the person's.
        NotFound = "not_found",
        /// 405: the path exists, not with this method.
        MethodNotAllowed = "method_not_allowed",
        /// 429: too many attempts; `Retry-After` says when to try again.
        RateLimited = "rate_limited",
        /// 429: the day's one-time codes for this person are used up.
        #[serde(rename = "codes.daily_limit")]
        CodesDailyLimit = "codes.daily_limit",
        /// 500: the server failed; the cause is logged, never sent.
        Internal = "internal",
        /// 503: the server cannot reach its database.
        NotReady = "not_ready",
        /// 415: the body is not declared as JSON.
        #[serde(rename = "body.not_json")]
        BodyNotJson = "body.not_json",
        /// 408: the body did not arrive in time.
        #[serde(rename = "body.timeout")]
        BodyTimeout = "body.timeout",
        /// 413: the body is larger than the server takes.
        #[serde(rename = "body.too_large")]
        BodyTooLarge = "body.too_large",
        /// 400: the body is not the JSON the endpoint takes.
        #[serde(rename = "body.invalid")]
        BodyInvalid = "body.invalid",
        /// 400: a text with a NUL character, which no field may hold.
        #[serde(rename = "text.nul")]
        TextNul = "text.nul",
        /// 400: a query string the endpoint does not take.
        #[serde(rename = "query.invalid")]
        QueryInvalid = "query.invalid",
        /// 400: a submission without its `Idempotency-Key`.
        #[serde(rename = "idempotency_key.missing")]
        IdempotencyKeyMissing = "idempotency_key.missing",
        /// 400: an `Idempotency-Key` that is not 1–128 visible ASCII characters.
        #[serde(rename = "idempotency_key.invalid")]
        IdempotencyKeyInvalid = "idempotency_key.invalid",
        /// 422: the key was used for another request.
        #[serde(rename = "idempotency_key.reused")]
        IdempotencyKeyReused = "idempotency_key.reused",
        /// 409: an application for this person is already in progress.
        #[serde(rename = "application.exists")]
        ApplicationExists = "application.exists",
        /// 409: the person holds a third-generation card already.
        #[serde(rename = "card.exists")]
        CardExists = "card.exists",
        /// 422: the declaration does not make the holder eligible.
        #[serde(rename = "eligibility.not_eligible")]
        EligibilityNotEligible = "eligibility.not_eligible",
        /// 422: eligibility needs checking at a service point.
        #[serde(rename = "eligibility.needs_in_person_check")]
        EligibilityNeedsInPersonCheck = "eligibility.needs_in_person_check",
        /// 422: eligible, through another channel than this online application.
        #[serde(rename = "eligibility.other_channel")]
        EligibilityOtherChannel = "eligibility.other_channel",
        /// 409: the social-security function is enabled already.
        #[serde(rename = "card.already_enabled")]
        CardAlreadyEnabled = "card.already_enabled",
        /// 409: the card is not enabled yet.
        #[serde(rename = "card.not_enabled")]
        CardNotEnabled = "card.not_enabled",
        /// 409: the card's state does not allow this service.
        #[serde(rename = "card.state_invalid")]
        CardStateInvalid = "card.state_invalid",
        /// 409: the card is under a temporary loss report.
        #[serde(rename = "card.temp_lost")]
        CardTempLost = "card.temp_lost",
        /// 409: the card is reported lost formally.
        #[serde(rename = "card.formal_lost")]
        CardFormalLost = "card.formal_lost",
        /// 409: the card has been replaced and is no longer used.
        #[serde(rename = "card.replaced")]
        CardReplaced = "card.replaced",
        /// 409: the card is cancelled.
        #[serde(rename = "card.cancelled")]
        CardCancelled = "card.cancelled",
        /// 409: this service is done only at a counter; `where_to_go` names them.
        CounterOnly = "counter_only",
        /// 409: the service needs a card the person does not hold.
        NoCard = "no_card",
        /// 403: the initial service password is given only at a counter.
        #[serde(rename = "initial_password.at_counter")]
        InitialPasswordAtCounter = "initial_password.at_counter",
        /// 409: the password changed since this request began.
        #[serde(rename = "password.changed_meanwhile")]
        PasswordChangedMeanwhile = "password.changed_meanwhile",
        /// 409: the details changed since the page read them.
        #[serde(rename = "details.changed_since")]
        DetailsChangedSince = "details.changed_since",
        /// 403: resetting the password needs a fresh code to the mobile on record.
        #[serde(rename = "reset.needs_code")]
        ResetNeedsCode = "reset.needs_code",
        /// 403: changing the mobile needs a fresh code to the mobile on record.
        #[serde(rename = "contact.needs_code")]
        ContactNeedsCode = "contact.needs_code",
        /// 403: a new card by post needs a fresh code to the mobile on record.
        #[serde(rename = "replacement.needs_code")]
        ReplacementNeedsCode = "replacement.needs_code",
        /// 403: this person may not ask for this card's replacement.
        #[serde(rename = "replacement.actor_not_allowed")]
        ReplacementActorNotAllowed = "replacement.actor_not_allowed",
    }
}

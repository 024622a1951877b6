//! Sign-in, sessions and the service password.

use serde::{Deserialize, Serialize};

/// `POST /api/v1/auth/sign-in`: a card holder signs in with the service password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordSignIn {
    /// 18-character resident ID number (the social security number).
    // Not a demo person: generated requests built from the example must not
    // lock a demo person's password.
    #[cfg_attr(feature = "openapi", schema(example = "110105199003071239"))]
    pub id_number: String,
    /// Service password (服务密码); initially the last 6 characters of the ID number.
    #[cfg_attr(feature = "openapi", schema(example = "071239"))]
    pub password: String,
}

/// `POST /api/v1/auth/code`: a new applicant asks for a one-time code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CodeRequest {
    /// Name as on the ID card.
    #[cfg_attr(feature = "openapi", schema(example = "张明"))]
    pub name: String,
    /// 18-character resident ID number.
    #[cfg_attr(feature = "openapi", schema(example = "110105199003071239"))]
    pub id_number: String,
    /// Mainland mobile number the code is sent to.
    #[cfg_attr(feature = "openapi", schema(example = "13900000001"))]
    pub mobile: String,
}

/// Answer to [`CodeRequest`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CodeSent {
    /// Id of this challenge, sent back with the code.
    pub challenge_id: String,
    /// Seconds the code stays valid.
    pub expires_in: u32,
    /// The code itself, only when the server runs in demo mode (otherwise it is
    /// only written to the server log, standing in for an SMS).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub demo_code: Option<String>,
}

/// `POST /api/v1/auth/code/verify`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CodeVerify {
    /// From [`CodeSent::challenge_id`].
    pub challenge_id: String,
    /// The 6-digit code.
    #[cfg_attr(feature = "openapi", schema(example = "123456"))]
    pub code: String,
}

/// How the current session was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    /// ID number + service password (existing card holder).
    Password,
    /// Name + ID number + mobile + one-time code (new applicant).
    Code,
}

/// A person as shown to someone allowed to see them (ID number masked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonRef {
    /// Opaque person id.
    pub id: String,
    /// Name.
    pub name: String,
    /// ID number with the middle masked: `110101********123X`.
    pub id_number_masked: String,
}

/// `GET /api/v1/auth/session` and the answer to a successful sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    /// Who is signed in.
    pub person: PersonRef,
    /// How they signed in.
    pub kind: SessionKind,
    /// Whether the service password is still the initial one (the app urges a change).
    pub password_is_initial: bool,
    /// Whether the session was opened with a code to the mobile on record in the last 10
    /// minutes: the proof that resetting the password, changing the mobile and sending a new
    /// card by post ask for.
    #[serde(default)]
    pub fresh_code: bool,
    /// Session expiry (RFC 3339).
    pub expires_at: String,
}

/// `POST /api/v1/auth/password/reset`: set a new service password without the
/// current one, right after signing in with a code sent to the mobile on record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordReset {
    /// The new one: exactly 6 digits, not all the same, not the initial value.
    #[cfg_attr(feature = "openapi", schema(example = "635241"))]
    pub new_password: String,
}

/// `POST /api/v1/me/mobile`: a new mobile number on record, right after signing
/// in with a code sent to the current one; a code then goes to the new one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MobileChange {
    /// The new mainland mobile number (registered to the person's ID number).
    #[cfg_attr(feature = "openapi", schema(example = "13900000011"))]
    pub new_mobile: String,
}

/// `POST /api/v1/auth/password`: change the service password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordChange {
    /// The current service password.
    #[cfg_attr(feature = "openapi", schema(example = "071239"))]
    pub current_password: String,
    /// The new one: exactly 6 digits, not all the same, not the initial value.
    #[cfg_attr(feature = "openapi", schema(example = "635241"))]
    pub new_password: String,
}

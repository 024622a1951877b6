//! Demo-mode only endpoints (absent without `--demo`).

use serde::{Deserialize, Serialize};

/// `GET /api/v1/demo/clock`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DemoClock {
    /// The server's today (`YYYY-MM-DD`, China time) including the offset.
    pub today: String,
    /// Days the demo clock is ahead of the real date.
    pub offset_days: i64,
}

/// `POST /api/v1/demo/clock/advance`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DemoAdvance {
    /// Days to move forward, 1–366.
    pub days: u32,
}

/// One demo person in `GET /api/v1/demo/people` (fictitious).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DemoPerson {
    /// Name.
    pub name: String,
    /// Full ID number (demo data only).
    pub id_number: String,
    /// Mobile number.
    pub mobile: String,
    /// The password to sign in with, when the person holds a card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// What this person lets you try.
    pub story: String,
}

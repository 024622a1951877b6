//! Security events: what a person must hear about through their channel on
//! record, recorded in the same transaction as the change itself (the
//! notification outbox delivers them; a rolled-back change records nothing).

use chrono::Utc;
use rusqlite::{Transaction, params};

/// Something that happened to a person's account or card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecurityEvent {
    /// The service password was changed.
    PasswordChanged,
    /// A temporary loss was reported for a card the person holds (or, as a
    /// guardian, reported it).
    TemporaryLossReported,
    /// Someone signed in from a browser not used before.
    NewDeviceSignIn,
}

impl SecurityEvent {
    /// The stored name.
    pub const fn as_str(self) -> &'static str {
        match self {
            SecurityEvent::PasswordChanged => "password_changed",
            SecurityEvent::TemporaryLossReported => "temporary_loss_reported",
            SecurityEvent::NewDeviceSignIn => "new_device_sign_in",
        }
    }
}

/// Records `event` for `person`.
pub fn record(tx: &Transaction<'_>, person: i64, event: SecurityEvent) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO security_events (person_id, kind, occurred_at) VALUES (?1, ?2, ?3)",
        params![person, event.as_str(), Utc::now().to_rfc3339()],
    )?;
    Ok(())
}

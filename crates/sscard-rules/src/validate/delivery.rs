//! What a city's online application asks about delivery beyond a postal address: Shanghai's
//! backup community centre (003 L33) and Urumqi's parcel signed for by the holder (004 L24).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::parse_name;

/// Longest name of a backup community centre accepted, in characters (D36).
pub const BACKUP_CENTRE_MAX_CHARS: usize = 40;

/// Why the delivery details do not meet the city's terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum DeliveryError {
    /// No backup community centre was given where the city asks for one.
    BackupCentreEmpty,
    /// The backup community centre's name is longer than [`BACKUP_CENTRE_MAX_CHARS`].
    BackupCentreTooLong {
        /// The limit.
        max: usize,
    },
    /// The parcel must be signed for by the holder, so the recipient must be the holder.
    RecipientNotHolder,
}

impl DeliveryError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::BackupCentreEmpty => "backup_centre.empty",
            Self::BackupCentreTooLong { .. } => "backup_centre.too_long",
            Self::RecipientNotHolder => "postal_address.recipient_not_holder",
        }
    }
}

impl fmt::Display for DeliveryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BackupCentreEmpty => f.write_str("enter the backup community centre"),
            Self::BackupCentreTooLong { max } => {
                write!(f, "the centre's name is longer than {max} characters")
            }
            Self::RecipientNotHolder => f.write_str("the holder must receive the parcel"),
        }
    }
}

impl std::error::Error for DeliveryError {}

/// Validates the name of a backup community centre (社区事务受理中心) and returns it trimmed.
/// The sources list no centres, so the applicant names one; only its length is checked (D36).
pub fn parse_backup_centre(input: &str) -> Result<String, DeliveryError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(DeliveryError::BackupCentreEmpty);
    }
    if s.chars().count() > BACKUP_CENTRE_MAX_CHARS {
        return Err(DeliveryError::BackupCentreTooLong {
            max: BACKUP_CENTRE_MAX_CHARS,
        });
    }
    Ok(s.to_owned())
}

/// Whether `recipient` names the holder: both as [`parse_name`] normalises them (spaces,
/// full-width forms, the middle dot). A name that does not parse is not the holder's.
pub fn recipient_is_holder(recipient: &str, holder: &str) -> bool {
    match (parse_name(recipient), parse_name(holder)) {
        (Ok(r), Ok(h)) => r.name == h.name,
        _ => false,
    }
}

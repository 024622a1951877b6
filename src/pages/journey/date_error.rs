use crate::components::{Msg, msg};
use crate::journey::DateError;

/// The message for a date that was not accepted; each kind of problem has its own.
pub fn date_error_msg(error: DateError) -> Msg {
    match error {
        DateError::Empty => msg(|t| t.journey().date_empty),
        DateError::Incomplete => msg(|t| t.journey().date_incomplete),
        DateError::Format => msg(|t| t.journey().date_format),
        DateError::NotReal => msg(|t| t.journey().date_not_real),
        DateError::InFuture => msg(|t| t.journey().date_in_future),
    }
}

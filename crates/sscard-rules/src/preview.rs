//! One full preview: eligibility, timeline and a single trace, as the app shows it and the
//! server decides it.

use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::eligibility::{Eligibility, EligibilityInput, evaluate_eligibility};
use crate::policy::PolicyError;
use crate::timeline::{TimelineError, TimelinePreview, TimelineRequest, preview_timeline};
use crate::trace::Explained;

/// Input of [`preview`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewRequest {
    /// Who asks, for what.
    pub eligibility: EligibilityInput,
    /// How and when.
    pub timeline: TimelineRequest,
}

/// Output of [`preview`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preview {
    /// The eligibility verdict.
    pub eligibility: Eligibility,
    /// The timeline, when it could be computed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline: Option<TimelinePreview>,
    /// Why the timeline could not be computed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline_error: Option<TimelineError>,
}

/// Eligibility plus timeline with one combined trace.
///
/// Fails only when the eligibility date is before the city's rules existed; a timeline
/// problem (channel, pickup, dates) is reported in [`Preview::timeline_error`].
pub fn preview(
    req: &PreviewRequest,
    calendar: &Calendar,
) -> Result<Explained<Preview>, PolicyError> {
    let Explained {
        result: eligibility,
        mut trace,
    } = evaluate_eligibility(&req.eligibility)?;
    let (timeline, timeline_error) = match preview_timeline(&req.timeline, calendar) {
        Ok(t) => {
            trace.extend(t.trace);
            (Some(t.result), None)
        }
        Err(e) => (None, Some(e)),
    };
    Ok(Explained {
        result: Preview {
            eligibility,
            timeline,
            timeline_error,
        },
        trace,
    })
}

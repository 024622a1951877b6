//! The application journey's state: the answers so far, where they are kept, and which page
//! comes next. Pages read and write [`Answers`] through [`JourneyState`]; the rules themselves
//! come from `sscard-rules`.

mod answers;
mod branches;
mod city;
mod date_input;
mod eligibility;
mod flow;
mod guard;
mod saved;
mod state;

pub use answers::Answers;
pub use branches::branches_of;
pub use city::{CityFromUrl, city_in_query};
pub use date_input::{DateError, DateInput};
pub use eligibility::{eligibility_input, timeline_request};
pub use flow::{Step, first_unanswered_check, next_after};
pub use guard::{first_missing_step, guard_application_step};
pub use saved::use_journey_answers;
pub use state::{
    JourneyState, NoSession, provide_journey, use_fresh_session, use_journey,
    use_journey_with_session,
};

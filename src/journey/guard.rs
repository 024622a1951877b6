//! Journey guards: each page after the sign-in knows what it needs (the check answered, someone
//! signed in) and sends a deep link (a bookmark, a reload after the session ended) to the first
//! step that is missing, with every answer kept.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use super::{Answers, Step, first_unanswered_check, use_journey_answers};

/// Guards an application page: sends it to [`first_missing_step`], if there is one.
pub fn guard_application_step() {
    let journey = use_journey_answers();
    let navigate = use_navigate();
    Effect::new(move |_| {
        // A signed-in person's answers may still be on their way from the server's draft.
        if !journey.answers_settled.get() {
            return;
        }
        let signed_out = journey.session_known.get() && journey.session.with(Option::is_none);
        if let Some(step) = journey.answers.with(|a| first_missing_step(a, signed_out)) {
            navigate(
                step.path(),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
}

/// The step an application page must send the person to, if any: an open check question comes
/// first, then the sign-in ([`Step::Details`]) when the server says nobody is signed in
/// (`signed_out`). Nothing right after a submission: the answers are cleared while the
/// confirmation opens, and that must not look like an unanswered check.
pub fn first_missing_step(answers: &Answers, signed_out: bool) -> Option<Step> {
    if answers.submitted_id.is_some() {
        return None;
    }
    first_unanswered_check(answers).or(signed_out.then_some(Step::Details))
}

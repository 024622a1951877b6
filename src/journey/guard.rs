//! Journey guards: each page after the sign-in knows what it needs (the check answered, someone
//! signed in) and sends a deep link (a bookmark, a reload after the session ended) to the first
//! step that is missing, with every answer kept.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use super::{Step, first_unanswered_check, use_journey};

/// Guards an application page: an open check question comes first, then the sign-in
/// ([`Step::Details`]) when the server says nobody is signed in. Nothing happens right after a
/// submission (the answers are cleared while the confirmation opens).
pub fn guard_application_step() {
    let journey = use_journey();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let (open_question, submitted) = journey
            .answers
            .with(|a| (first_unanswered_check(a), a.submitted_id.is_some()));
        if submitted {
            return;
        }
        let signed_out = journey.session_known.get() && journey.session.with(Option::is_none);
        let missing = open_question.or(signed_out.then_some(Step::Details));
        if let Some(step) = missing {
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

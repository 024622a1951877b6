use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use sscard_rules::Actor;

use super::date_error::date_error_msg;
use crate::components::{BackLink, DateFields, ErrorSummary, FormErrors, use_page_title};
use crate::i18n::{Texts, use_i18n};
use crate::journey::{Answers, DateInput, Step, next_after, use_journey_answers};

const FIELD: &str = "birth";

fn title(t: &'static Texts, answers: &Answers) -> &'static str {
    match answers.actor {
        Some(Actor::Guardian) => t.journey().birth_title_child,
        Some(Actor::Agent) => t.journey().birth_title_agent,
        Some(Actor::Holder | Actor::Employer) | None => t.journey().birth_title_self,
    }
}

/// `/check/birth-date`: the card holder's date of birth, in three fields.
#[component]
pub fn CheckBirthPage() -> impl IntoView {
    let i18n = use_i18n();
    let journey = use_journey_answers();
    let navigate = use_navigate();
    let stored = journey.answers.get_untracked().birth;
    let (year, month, day) = (
        RwSignal::new(stored.year),
        RwSignal::new(stored.month),
        RwSignal::new(stored.day),
    );
    let errors = FormErrors::new();
    use_page_title(
        move |t| title(t, &journey.answers.get_untracked()).to_string(),
        errors.any(),
    );
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = DateInput {
            year: year.get_untracked(),
            month: month.get_untracked(),
            day: day.get_untracked(),
        };
        // Keep what was typed even when it is not accepted, so a reload shows it again.
        journey.save(|a| a.birth = input.clone());
        match input.parse(journey.today.get_untracked()) {
            Err(e) => errors.set(vec![("birth-year", date_error_msg(e))]),
            Ok(_) => {
                errors.set(Vec::new());
                navigate(
                    next_after(Step::CheckBirth, &journey.answers.get_untracked()).path(),
                    Default::default(),
                );
            }
        }
    };
    move || {
        let t = i18n.t();
        let answers = journey.answers.get_untracked();
        view! {
            <BackLink href=Step::CheckBirth.back(&answers) label=t.back />
            <ErrorSummary title=t.error_summary_title errors=errors.summary() />
            <form novalidate on:submit=on_submit.clone()>
                <DateFields
                    id=FIELD
                    legend=title(t, &answers)
                    legend_is_heading=true
                    hint=t.journey().date_hint
                    labels=[t.journey().date_year, t.journey().date_month, t.journey().date_day]
                    year=year
                    month=month
                    day=day
                    error=errors.field("birth-year")
                />
                <button class="button" type="submit">
                    {t.journey().continue_button}
                </button>
            </form>
        }
    }
}

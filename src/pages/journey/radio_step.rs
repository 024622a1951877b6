use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::components::{
    BackLink, ErrorSummary, FormErrors, RadioGroup, RadioOption, msg_with, use_page_title,
};
use crate::i18n::Fill;
use crate::i18n::{Texts, use_i18n};
use crate::journey::{Answers, Step, next_after, use_journey_answers};
use crate::policy_text::fill_common_here;
use sscard_rules::City;

/// One choice: stored value, label, optional hint.
pub type Choice = (
    &'static str,
    fn(&'static Texts) -> &'static str,
    Option<fn(&'static Texts) -> &'static str>,
);

/// A one-question page with radio buttons: its heading is the question, Continue validates that
/// something was chosen, saves the answer and goes to the next page of the flow.
#[derive(Clone, Copy)]
pub struct RadioQuestion {
    /// Which page this is.
    pub step: Step,
    /// The radios' name; the first radio's id.
    pub name: &'static str,
    /// The question (the page's `<h1>`), which may depend on earlier answers and the city.
    pub title: fn(&'static Texts, &Answers, City) -> &'static str,
    /// Help under the question.
    pub hint: Option<fn(&'static Texts) -> &'static str>,
    /// The choices.
    pub choices: &'static [Choice],
    /// Reads the stored answer.
    pub get: fn(&Answers) -> Option<String>,
    /// Stores the answer.
    pub set: fn(&mut Answers, String),
    /// The message when nothing is chosen.
    pub error: fn(&'static Texts) -> &'static str,
}

/// Renders a [`RadioQuestion`].
#[component]
pub fn RadioStep(
    /// The question to ask.
    question: RadioQuestion,
) -> impl IntoView {
    let i18n = use_i18n();
    let journey = use_journey_answers();
    let navigate = use_navigate();
    let selected = RwSignal::new((question.get)(&journey.answers.get_untracked()));
    let errors = FormErrors::new();
    use_page_title(
        move |t| {
            (question.title)(t, &journey.answers.get_untracked(), journey.city.get()).to_string()
        },
        errors.any(),
    );
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match selected.get_untracked() {
            None => {
                // A text may name the city (`{city}`).
                let name = i18n
                    .locale
                    .get_untracked()
                    .city_name(journey.city.get_untracked());
                errors.set(vec![(
                    question.name,
                    msg_with(question.error, "city", name.into()),
                )])
            }
            Some(value) => {
                errors.set(Vec::new());
                journey.save(|a| (question.set)(a, value));
                let next = next_after(question.step, &journey.answers.get_untracked());
                navigate(next.path(), Default::default());
            }
        }
    };
    move || {
        let t = i18n.t();
        let answers = journey.answers.get_untracked();
        let city = journey.city.get();
        let name = i18n.locale.get().city_name(city);
        let options = question
            .choices
            .iter()
            .map(|(value, label, hint)| RadioOption {
                value: value.to_string(),
                label: fill_common_here(&label(t).fill("city", name)),
                hint: hint.map(|h| fill_common_here(&h(t).fill("city", name))),
            })
            .collect();
        view! {
            <BackLink href=question.step.back(&answers) label=t.back />
            <ErrorSummary title=t.error_summary_title errors=errors.summary() />
            <form novalidate on:submit=on_submit.clone()>
                <RadioGroup
                    name=question.name
                    legend=(question.title)(t, &answers, city)
                    legend_is_heading=true
                    hint=question.hint.map(|h| h(t))
                    options=options
                    selected=selected
                    error=errors.field(question.name)
                />
                <button class="button" type="submit">
                    {t.journey().continue_button}
                </button>
            </form>
        }
    }
}

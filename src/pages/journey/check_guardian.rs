use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use sscard_rules::YesNo;

use super::date_error::date_error_msg;
use crate::components::{
    BackLink, DateFields, ErrorSummary, FormErrors, RadioGroup, RadioOption, msg,
    use_page_meta_with_errors,
};
use crate::i18n::use_i18n;
use crate::journey::{DateInput, Step, next_after, use_journey_answers};

/// `/check/guardian`: the guardian's own date of birth and whether they have proof of
/// guardianship (002 Q38: a guardian acts for a minor with proof of the relationship).
#[component]
pub fn CheckGuardianPage() -> impl IntoView {
    let i18n = use_i18n();
    let journey = use_journey_answers();
    let navigate = use_navigate();
    let stored = journey.answers.get_untracked();
    let (year, month, day) = (
        RwSignal::new(stored.guardian_birth.year.clone()),
        RwSignal::new(stored.guardian_birth.month.clone()),
        RwSignal::new(stored.guardian_birth.day.clone()),
    );
    let proof = RwSignal::new(stored.guardian_proof.map(|p| p.id().to_owned()));
    let errors = FormErrors::new();
    use_page_meta_with_errors(|t| t.journey().guardian_title, errors.any());
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = DateInput {
            year: year.get_untracked(),
            month: month.get_untracked(),
            day: day.get_untracked(),
        };
        let chosen = proof.get_untracked().as_deref().and_then(YesNo::from_id);
        journey.save(|a| {
            a.guardian_birth = input.clone();
            a.guardian_proof = chosen;
        });
        let mut problems = Vec::new();
        if let Err(e) = input.parse(journey.today.get_untracked()) {
            problems.push(("guardian-birth-year", date_error_msg(e)));
        }
        if chosen.is_none() {
            problems.push(("guardian-proof", msg(|t| t.journey().guardian_proof_error)));
        }
        let ok = problems.is_empty();
        errors.set(problems);
        if ok {
            navigate(
                next_after(Step::CheckGuardian, &journey.answers.get_untracked()).path(),
                Default::default(),
            );
        }
    };
    move || {
        let t = i18n.t();
        let answers = journey.answers.get_untracked();
        view! {
            <BackLink href=Step::CheckGuardian.back(&answers) label=t.back />
            <ErrorSummary title=t.error_summary_title errors=errors.summary() />
            <h1 tabindex="-1">{t.journey().guardian_title}</h1>
            <form novalidate on:submit=on_submit.clone()>
                <DateFields
                    id="guardian-birth"
                    legend=t.journey().guardian_birth_legend
                    hint=t.journey().date_hint
                    labels=[t.journey().date_year, t.journey().date_month, t.journey().date_day]
                    year=year
                    month=month
                    day=day
                    error=errors.field("guardian-birth-year")
                />
                <RadioGroup
                    name="guardian-proof"
                    legend=t.journey().guardian_proof_legend
                    hint=Some(t.journey().guardian_proof_hint)
                    options=vec![
                        RadioOption { value: YesNo::Yes.id().into(), label: t.journey().yes.into(), hint: None },
                        RadioOption { value: YesNo::No.id().into(), label: t.journey().no.into(), hint: None },
                    ]
                    selected=proof
                    error=errors.field("guardian-proof")
                />
                <button class="button" type="submit">
                    {t.journey().continue_button}
                </button>
            </form>
        }
    }
}

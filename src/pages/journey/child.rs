use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use sscard_rules::wire::GuardianshipProof;
use sscard_rules::{GuardianError, check_guardianship, parse_id_number, parse_name};

use super::field_messages;
use crate::components::{
    BackLink, ErrorSummary, FormErrors, RadioGroup, RadioOption, TextField, msg,
    use_page_meta_with_errors,
};
use crate::i18n::use_i18n;
use crate::journey::{Step, next_after, use_journey_answers};

/// `/apply/child`: the child's name and ID number and the kind of guardianship proof. The
/// guardian must be an adult and the child under 18 on the application date (rules crate).
#[component]
pub fn ChildPage() -> impl IntoView {
    crate::journey::guard_application_step();
    let i18n = use_i18n();
    let journey = use_journey_answers();
    let navigate = use_navigate();
    let stored = journey.answers.get_untracked();
    let name = RwSignal::new(stored.child_name.clone());
    let id_number = RwSignal::new(stored.child_id_number.clone());
    let proof = RwSignal::new(stored.child_proof.map(|p| p.id().to_owned()));
    let errors = FormErrors::new();
    use_page_meta_with_errors(|t| t.journey().child_title, errors.any());
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let today = journey.today.get_untracked();
        let (n, i, p) = (
            name.get_untracked(),
            id_number.get_untracked(),
            proof
                .get_untracked()
                .as_deref()
                .and_then(GuardianshipProof::from_id),
        );
        journey.save(|a| {
            a.child_name = n.clone();
            a.child_id_number = i.clone();
            a.child_proof = p;
        });
        let mut problems = Vec::new();
        if let Err(e) = parse_name(&n) {
            problems.push(("child-name", field_messages::name(e)));
        }
        match parse_id_number(&i, today) {
            Err(e) => problems.push(("child-id-number", field_messages::id_number(e))),
            Ok(child) => {
                // The guardian's own birth date comes from the ID number they signed in with.
                let guardian = parse_id_number(&journey.answers.get_untracked().id_number, today);
                if let Ok(guardian) = guardian {
                    match check_guardianship(guardian.birth_date, child.birth_date, today) {
                        Err(GuardianError::ChildNotMinor { .. }) => problems
                            .push(("child-id-number", msg(|t| t.journey().e_child_not_minor))),
                        Err(GuardianError::NotAdult { .. }) => problems
                            .push(("child-id-number", msg(|t| t.journey().e_guardian_not_adult))),
                        _ => {}
                    }
                }
            }
        }
        if p.is_none() {
            problems.push(("proof", msg(|t| t.journey().proof_error)));
        }
        let ok = problems.is_empty();
        errors.set(problems);
        if ok {
            navigate(
                next_after(Step::Child, &journey.answers.get_untracked()).path(),
                Default::default(),
            );
        }
    };
    move || {
        let t = i18n.t();
        let answers = journey.answers.get_untracked();
        let option = |proof: GuardianshipProof, label: &'static str| RadioOption {
            value: proof.id().into(),
            label: label.into(),
            hint: None,
        };
        view! {
            <BackLink href=Step::Child.back(&answers) label=t.back />
            <ErrorSummary title=t.error_summary_title errors=errors.summary() />
            <h1 tabindex="-1">{t.journey().child_title}</h1>
            <form novalidate on:submit=on_submit.clone()>
                <TextField
                    id="child-name"
                    label=t.journey().child_name_label
                    value=name
                    error=errors.field("child-name")
                    autocomplete="off"
                    width="input--20"
                    no_spellcheck=true
                />
                <TextField
                    id="child-id-number"
                    label=t.journey().child_id_label
                    hint=t.journey().child_id_hint
                    value=id_number
                    error=errors.field("child-id-number")
                    autocomplete="off"
                    width="input--20"
                    no_spellcheck=true
                />
                <RadioGroup
                    name="proof"
                    legend=t.journey().proof_legend
                    options=vec![
                        option(GuardianshipProof::HouseholdRegister, t.journey().proof_household),
                        option(GuardianshipProof::BirthCertificate, t.journey().proof_birth),
                        option(GuardianshipProof::GuardianshipDocument, t.journey().proof_document),
                    ]
                    selected=proof
                    error=errors.field("proof")
                />
                <button class="button" type="submit">
                    {t.journey().continue_button}
                </button>
            </form>
        }
    }
}

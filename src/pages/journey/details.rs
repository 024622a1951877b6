use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use sscard_rules::wire::CodeRequest;
use sscard_rules::{Sex, parse_id_number, parse_mobile, parse_name};

use super::field_messages;
use crate::api;
use crate::components::{BackLink, ErrorSummary, FormErrors, TextField, use_page_title};
use crate::format;
use crate::i18n::Fill;
use crate::i18n::use_i18n;
use crate::journey::{Step, next_after, use_journey_answers};

/// Maps the server's field paths to this page's inputs.
fn field_id(field: &str) -> Option<&'static str> {
    match field {
        "name" => Some("name"),
        "id_number" => Some("id-number"),
        "mobile" => Some("mobile"),
        _ => None,
    }
}

/// `/apply/details`: name, ID number and mobile of the person applying (the guardian, for a
/// child). The ID number is read back as a birth date and sex to confirm it; Continue asks the
/// server for a one-time code, which stands in for the real-name check.
#[component]
pub fn DetailsPage() -> impl IntoView {
    let i18n = use_i18n();
    let journey = use_journey_answers();
    let navigate = use_navigate();
    let stored = journey.answers.get_untracked();
    let name = RwSignal::new(stored.name.clone());
    let id_number = RwSignal::new(stored.id_number.clone());
    let mobile = RwSignal::new(stored.mobile.clone());
    let errors = FormErrors::new();
    let busy = RwSignal::new(false);
    use_page_title(
        move |t| {
            if journey.answers.get_untracked().is_guardian() {
                t.journey().details_title_guardian.into()
            } else {
                t.journey().details_title_self.into()
            }
        },
        errors.any(),
    );
    // The birth date and sex in a valid ID number, shown back so a mistyped number is noticed.
    let derived = move || {
        let t = i18n.t();
        parse_id_number(&id_number.get(), journey.today.get())
            .ok()
            .map(|id| {
                let sex = if id.sex == Sex::Female {
                    t.journey().sex_female
                } else {
                    t.journey().sex_male
                };
                t.journey()
                    .id_derived
                    .fill("date", &format::date(i18n.locale.get(), id.birth_date))
                    .fill("sex", sex)
            })
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let today = journey.today.get_untracked();
        let (n, i, m) = (
            name.get_untracked(),
            id_number.get_untracked(),
            mobile.get_untracked(),
        );
        journey.save(|a| {
            a.name = n.clone();
            a.id_number = i.clone();
            a.mobile = m.clone();
        });
        let mut problems = Vec::new();
        if let Err(e) = parse_name(&n) {
            problems.push(("name", field_messages::name(e)));
        }
        if let Err(e) = parse_id_number(&i, today) {
            problems.push(("id-number", field_messages::id_number(e)));
        }
        if let Err(e) = parse_mobile(&m) {
            problems.push(("mobile", field_messages::mobile(e)));
        }
        if !problems.is_empty() {
            errors.set(problems);
            return;
        }
        errors.set(Vec::new());
        busy.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            let result = api::request_code(&CodeRequest {
                name: n,
                id_number: i,
                mobile: m,
            })
            .await;
            busy.set(false);
            match result {
                Ok(sent) => {
                    journey.demo_code.set(sent.demo_code);
                    journey.save(|a| a.challenge_id = Some(sent.challenge_id));
                    navigate(
                        next_after(Step::Details, &journey.answers.get_untracked()).path(),
                        Default::default(),
                    );
                }
                Err(e) => errors.set(field_messages::api_problems(&e, field_id, "details-submit")),
            }
        });
    };
    move || {
        let t = i18n.t();
        let answers = journey.answers.get_untracked();
        let title = if answers.is_guardian() {
            t.journey().details_title_guardian
        } else {
            t.journey().details_title_self
        };
        view! {
            <BackLink href=Step::Details.back(&answers) label=t.back />
            <ErrorSummary title=t.error_summary_title errors=errors.summary() />
            <h1 tabindex="-1">{title}</h1>
            <p>{t.journey().details_lead}</p>
            <form novalidate on:submit=on_submit.clone()>
                <TextField
                    id="name"
                    label=t.journey().name_label
                    hint=t.journey().name_hint
                    value=name
                    error=errors.field("name")
                    autocomplete="name"
                    width="input--20"
                    no_spellcheck=true
                />
                <TextField
                    id="id-number"
                    label=t.journey().id_label
                    hint=t.journey().id_hint
                    value=id_number
                    error=errors.field("id-number")
                    autocomplete="off"
                    width="input--20"
                    no_spellcheck=true
                />
                <p class="derived" aria-live="polite">{derived}</p>
                <TextField
                    id="mobile"
                    label=t.journey().mobile_label
                    value=mobile
                    error=errors.field("mobile")
                    autocomplete="tel"
                    inputmode="tel"
                    width="input--11"
                />
                <button class="button" type="submit" id="details-submit" aria-disabled=move || busy.get().to_string()>
                    {t.journey().continue_button}
                </button>
            </form>
        }
    }
}

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use sscard_rules::ProblemCode;
use sscard_rules::wire::{
    ApplicationRequest, Branch, GuardianshipProof, MinorApplicant, PostalAddress,
};
use sscard_rules::{Actor, Bank, City, NoteKind, PickupChoice, banks};

use super::field_messages;
use crate::api;
use crate::components::{ErrorSummary, FormErrors, TimelinePanel, msg, use_page_meta_with_errors};
use crate::i18n::Fill;
use crate::i18n::{Locale, Texts, use_i18n};
use crate::journey::{Answers, Step, branches_of, use_journey_answers};

/// The request the answers make, or `None` when an answer the server needs is missing.
fn request(a: &Answers, city: City) -> Option<ApplicationRequest> {
    let pickup = a.pickup.filter(|p| p.is_online())?;
    let minor = if a.is_guardian() {
        let proof = a.child_proof?;
        Some(MinorApplicant {
            name: a.child_name.trim().into(),
            id_number: a.child_id_number.clone(),
            guardianship_proof: proof,
        })
    } else {
        None
    };
    Some(ApplicationRequest {
        city: city.id().into(),
        // None where the city's sources name no banks (the bank page offers none there).
        bank: a.bank.map(|b| b.id().to_owned()),
        branch_id: if pickup == PickupChoice::Branch {
            Some(a.branch_id.clone()?)
        } else {
            None
        },
        postal_address: (pickup == PickupChoice::Mail).then(|| PostalAddress {
            recipient: a.recipient.trim().into(),
            mobile: a.recipient_mobile.clone(),
            address: a.address.trim().into(),
            postal_code: a.postal_code.clone(),
        }),
        pickup: pickup.id().into(),
        backup_centre: Some(a.backup_centre.trim().to_owned()).filter(|c| !c.is_empty()),
        minor,
        // The server decides eligibility with the rules crate on this declaration.
        eligibility: a.eligibility_declaration(),
    })
}

fn bank_name(
    t: &'static Texts,
    locale: Locale,
    city: City,
    bank: Option<Bank>,
    today: chrono::NaiveDate,
) -> String {
    let Some(bank) = bank else {
        // No bank where the sources count the banks but name none (the bank page said so).
        let count = sscard_rules::policy(city, today).map_or(0, |p| p.bank_count.value);
        return t.cities().bank_not_chosen.fill("n", &count.to_string());
    };
    banks(city, today)
        .ok()
        .and_then(|p| p.value.into_iter().find(|b| b.bank == bank))
        .map(|b| {
            if locale == Locale::En {
                b.name_en.to_string()
            } else {
                b.name_zh.to_string()
            }
        })
        .unwrap_or_default()
}

/// One row of the summary list: label, value and a change link to the page that asked it.
fn row(
    t: &'static Texts,
    label: &'static str,
    value: String,
    step: Step,
    journey: crate::journey::JourneyState,
) -> impl IntoView {
    view! {
        <div class="summary__row">
            <dt class="summary__key">{label}</dt>
            <dd class="summary__value">{value}</dd>
            <dd class="summary__action">
                <a href=step.path() on:click=move |_| journey.answers.update(|a| a.changing = true)>
                    {t.journey().change}
                    <span class="visually-hidden">" " {label}</span>
                </a>
            </dd>
        </div>
    }
}

/// `/apply/check`: every answer with a change link, then 提交申领. Submitting is idempotent: the
/// key is made once and kept with the answers until the server confirms, so a double click or a
/// retry after a lost answer returns the same application.
#[component]
pub fn CheckAnswersPage() -> impl IntoView {
    crate::journey::guard_application_step();
    let i18n = use_i18n();
    let journey = use_journey_answers();
    let navigate = use_navigate();
    let errors = FormErrors::new();
    let submitting = RwSignal::new(false);
    use_page_meta_with_errors(|t| t.journey().check_title, errors.any());
    journey.answers.update(|a| a.changing = true);
    let bank = journey.answers.get_untracked().bank;
    let branches = branches_of(journey.city.get_untracked(), bank, false);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if submitting.get_untracked() {
            return;
        }
        let answers = journey.answers.get_untracked();
        let Some(body) = request(&answers, journey.city.get_untracked()) else {
            errors.set(vec![("submit", msg(|t| t.journey().e_server))]);
            return;
        };
        let key = answers
            .idempotency_key
            .clone()
            .unwrap_or_else(api::new_idempotency_key);
        journey.save(|a| a.idempotency_key = Some(key.clone()));
        errors.set(Vec::new());
        submitting.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            let mut result = api::create_application(&body, &key).await;
            if matches!(&result, Err(e) if e.is(ProblemCode::IdempotencyKeyReused)) {
                // The answers changed after an attempt whose outcome was unknown. A new key is
                // safe: if that attempt did arrive, the server refuses a second open application.
                let fresh = api::new_idempotency_key();
                journey.save(|a| a.idempotency_key = Some(fresh.clone()));
                result = api::create_application(&body, &fresh).await;
            }
            submitting.set(false);
            match result {
                Ok(application) => {
                    let id = application.id.clone();
                    journey.answers.set(Answers {
                        submitted_id: Some(id.clone()),
                        ..Answers::default()
                    });
                    navigate(
                        &format!("/apply/confirmation/{}", api::encode(&id)),
                        Default::default(),
                    );
                }
                Err(e) => errors.set(field_messages::api_problems(&e, |_| None, "submit")),
            }
        });
    };
    let page = move || {
        let t = i18n.t();
        let j = t.journey();
        let k = t.confirmation();
        let c = t.cities();
        let locale = i18n.locale.get();
        let a = journey.answers.get();
        if let (Some(id), None) = (a.submitted_id.clone(), a.pickup.as_ref()) {
            return view! {
                <h1 tabindex="-1">{k.conf_title}</h1>
                <p>
                    <A href=format!("/apply/confirmation/{}", api::encode(&id))>{k.conf_reference} " " {id.clone()}</A>
                </p>
            }
            .into_any();
        }
        let today = journey.today.get_untracked();
        let actor = match a.actor {
            Some(Actor::Guardian) => j.actor_guardian,
            Some(Actor::Agent) => j.actor_agent,
            Some(Actor::Holder | Actor::Employer) | None => j.actor_self,
        };
        let proof = match a.child_proof {
            Some(GuardianshipProof::HouseholdRegister) => j.proof_household,
            Some(GuardianshipProof::BirthCertificate) => j.proof_birth,
            Some(GuardianshipProof::GuardianshipDocument) => j.proof_document,
            None => "",
        };
        let pickup = match a.pickup {
            Some(PickupChoice::Mail) => j.pickup_mail,
            Some(PickupChoice::Branch) => j.pickup_branch,
            Some(PickupChoice::OnTheSpot) => j.pickup_instant,
            Some(PickupChoice::Door) => j.pickup_door,
            None => "",
        };
        let branch_name = branches
            .get()
            .unwrap_or_default()
            .into_iter()
            .find(|b: &Branch| Some(&b.id) == a.branch_id.as_ref())
            .map(|b| format!("{} ({})", b.name, b.address))
            .unwrap_or_default();
        let guardian_rows = a.is_guardian().then(|| {
            view! {
                {row(t, j.row_child_name, a.child_name.clone(), Step::Child, journey)}
                {row(t, j.row_child_id, a.child_id_number.clone(), Step::Child, journey)}
                {row(t, j.row_proof, proof.into(), Step::Child, journey)}
            }
        });
        // Where the city posts the card, there is no pickup page: the change link goes to the
        // address.
        let terms = sscard_rules::application_terms(journey.city.get(), today)
            .ok()
            .flatten();
        let pickup_choice = terms.as_ref().is_some_and(|terms| terms.pickups.len() > 1);
        // What the city's application does by itself (a shared photo, the electronic card):
        // nothing to change, so a line with its source, not a row with a link.
        let notes = terms
            .map(|terms| terms.notes)
            .unwrap_or_default()
            .into_iter()
            .map(|note| {
                let (label, text) = match note.kind {
                    NoteKind::SharedPhoto => (c.photo_label, c.photo_shared),
                    NoteKind::ElectronicCardFollows => (c.e_card_label, c.e_card_follows),
                };
                view! {
                    <div class="notice">
                        <p><strong>{label}</strong> {text}</p>
                        <p class="source">{j.source_label} ": " {crate::format::citation(t, &note.citation)}</p>
                    </div>
                }
            })
            .collect_view();
        let pickup_step = if pickup_choice {
            Step::Pickup
        } else {
            Step::Address
        };
        let backup_row = (!a.backup_centre.trim().is_empty()).then(|| {
            row(
                t,
                c.backup_centre_label,
                a.backup_centre.clone(),
                Step::Address,
                journey,
            )
        });
        let place = match a.pickup {
            Some(PickupChoice::Mail) => Some(row(
                t,
                j.row_address,
                format!(
                    "{}，{}，{}，{}",
                    a.recipient, a.recipient_mobile, a.address, a.postal_code
                ),
                Step::Address,
                journey,
            )),
            Some(PickupChoice::Branch) => {
                Some(row(t, j.row_branch, branch_name, Step::Branch, journey))
            }
            Some(PickupChoice::OnTheSpot | PickupChoice::Door) | None => None,
        };
        view! {
            <ErrorSummary title=t.error_summary_title errors=errors.summary() />
            <h1 tabindex="-1">{j.check_title}</h1>
            <dl class="summary">
                {row(t, j.row_who, actor.into(), Step::CheckWho, journey)}
                {row(t, j.row_name, a.name.clone(), Step::Details, journey)}
                {row(t, j.row_id, a.id_number.clone(), Step::Details, journey)}
                {row(t, j.row_mobile, a.mobile.clone(), Step::Details, journey)}
                {guardian_rows}
                {row(t, j.row_bank, bank_name(t, locale, journey.city.get(), a.bank, today), Step::Bank, journey)}
                {row(t, j.row_pickup, pickup.into(), pickup_step, journey)}
                {place}
                {backup_row}
            </dl>
            {notes}
            <h2>{j.declaration_heading}</h2>
            <p>{j.declaration}</p>
            <form novalidate on:submit=on_submit.clone()>
                <button class="button" type="submit" id="submit" aria-disabled=move || submitting.get().to_string()>
                    {move || if submitting.get() { j.submitting } else { j.submit }}
                </button>
            </form>
        }
        .into_any()
    };
    view! {
        {page}
        <TimelinePanel />
    }
}

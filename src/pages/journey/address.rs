use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use sscard_rules::wire::PostalAddress;
use sscard_rules::{
    DeliveryError, ValidationError, application_terms, check_delivery_terms, parse_address,
    parse_mobile, parse_name, parse_postal_code,
};

use super::field_messages;
use crate::components::{
    BackLink, ErrorSummary, FormErrors, TextField, TimelinePanel, use_page_meta_with_errors,
};
use crate::i18n::use_i18n;
use crate::journey::{Step, next_after, use_journey_answers};

/// `/apply/address`: where the card is posted. Recipient and mobile start as the applicant's
/// own, so nothing is typed twice. The city's terms (`application_terms`) add what they ask:
/// Shanghai a backup community centre, Urumqi the holder as recipient (EMS, paid on delivery).
#[component]
pub fn AddressPage() -> impl IntoView {
    crate::journey::guard_application_step();
    let i18n = use_i18n();
    let journey = use_journey_answers();
    let navigate = use_navigate();
    let a = journey.answers.get_untracked();
    let holder_signs =
        application_terms(journey.city.get_untracked(), journey.today.get_untracked())
            .ok()
            .flatten()
            .is_some_and(|t| t.holder_signs);
    // The applicant, or the holder where the holder must sign for the card.
    let recipient = RwSignal::new(match (a.recipient.is_empty(), holder_signs) {
        (false, _) => a.recipient.clone(),
        (true, true) => holder_name(&a),
        (true, false) => a.name.clone(),
    });
    let recipient_mobile = RwSignal::new(if a.recipient_mobile.is_empty() {
        a.mobile.clone()
    } else {
        a.recipient_mobile.clone()
    });
    let address = RwSignal::new(a.address.clone());
    let postal_code = RwSignal::new(a.postal_code.clone());
    let backup_centre = RwSignal::new(a.backup_centre.clone());
    let terms = Memo::new(move |_| {
        application_terms(journey.city.get(), journey.today.get())
            .ok()
            .flatten()
    });
    let errors = FormErrors::new();
    use_page_meta_with_errors(|t| t.journey().address_title, errors.any());
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (r, m, ad, p, centre) = (
            recipient.get_untracked(),
            recipient_mobile.get_untracked(),
            address.get_untracked(),
            postal_code.get_untracked(),
            backup_centre.get_untracked(),
        );
        journey.save(|a| {
            a.recipient = r.clone();
            a.recipient_mobile = m.clone();
            a.address = ad.clone();
            a.postal_code = p.clone();
            a.backup_centre = centre.clone();
        });
        let mut problems = Vec::new();
        if let Err(e) = parse_name(&r) {
            problems.push(("recipient", field_messages::name(e)));
        }
        if let Err(e) = parse_mobile(&m) {
            problems.push(("recipient-mobile", field_messages::mobile(e)));
        }
        if let Err(e) = parse_address(&ad) {
            problems.push(("address", field_messages::address(e)));
        }
        if let Err(e) = parse_postal_code(&p) {
            problems.push(("postal-code", field_messages::postal_code(e)));
        }
        if let Some(terms) = terms.get_untracked() {
            let answers = journey.answers.get_untracked();
            let posted = PostalAddress {
                recipient: r.clone(),
                mobile: m.clone(),
                address: ad.clone(),
                postal_code: p.clone(),
            };
            let holder = holder_name(&answers);
            for problem in check_delivery_terms(&terms, &holder, Some(&posted), Some(&centre)) {
                if let ValidationError::Delivery(e) = problem.error {
                    let id = match e {
                        DeliveryError::RecipientNotHolder => "recipient",
                        _ => "backup-centre",
                    };
                    // A recipient already wrong in itself keeps that message.
                    if !problems.iter().any(|(field, _)| *field == id) {
                        problems.push((id, field_messages::delivery(e)));
                    }
                }
            }
        }
        let ok = problems.is_empty();
        errors.set(problems);
        if ok {
            navigate(
                next_after(Step::Address, &journey.answers.get_untracked()).path(),
                Default::default(),
            );
        }
    };
    let page = move || {
        let t = i18n.t();
        let j = t.journey();
        let c = t.cities();
        let answers = journey.answers.get_untracked();
        let terms = terms.get();
        let ems = terms.as_ref().is_some_and(|t| t.postage_paid_by_recipient);
        let holder_signs = terms.as_ref().is_some_and(|t| t.holder_signs);
        let backup = terms.as_ref().is_some_and(|t| t.backup_centre);
        let posted_only = terms.as_ref().is_some_and(|t| t.pickups.len() == 1);
        let sources = terms
            .as_ref()
            .map(|terms| {
                terms
                    .delivery_citations
                    .iter()
                    .map(|c| crate::format::citation(t, c))
                    .fold(Vec::<String>::new(), |mut seen, c| {
                        // Two terms may rest on the same line: name it once.
                        if !seen.contains(&c) {
                            seen.push(c);
                        }
                        seen
                    })
                    .join("；")
            })
            .unwrap_or_default();
        let recipient_field = if holder_signs {
            view! {
                <TextField id="recipient" label=j.recipient_label hint=c.recipient_holder_hint value=recipient error=errors.field("recipient") autocomplete="name" width="input--20" no_spellcheck=true />
            }
            .into_any()
        } else {
            view! {
                <TextField id="recipient" label=j.recipient_label value=recipient error=errors.field("recipient") autocomplete="name" width="input--20" no_spellcheck=true />
            }
            .into_any()
        };
        view! {
            <BackLink href=Step::Address.back(&answers) label=t.back />
            <ErrorSummary title=t.error_summary_title errors=errors.summary() />
            <h1 tabindex="-1">{j.address_title}</h1>
            {posted_only.then(|| view! {
                <p class="notice">{if ems { c.delivery_ems } else { c.delivery_post }}</p>
            })}
            <form novalidate on:submit=on_submit.clone()>
                {recipient_field}
                <TextField id="recipient-mobile" label=j.recipient_mobile_label value=recipient_mobile error=errors.field("recipient-mobile") autocomplete="tel" inputmode="tel" width="input--11" />
                <TextField id="address" label=j.address_label hint=j.address_hint value=address error=errors.field("address") autocomplete="street-address" />
                <TextField id="postal-code" label=j.postal_label value=postal_code error=errors.field("postal-code") autocomplete="postal-code" inputmode="numeric" width="input--6" />
                {backup.then(|| view! {
                    <TextField id="backup-centre" label=c.backup_centre_label hint=c.backup_centre_hint value=backup_centre error=errors.field("backup-centre") />
                })}
                <button class="button" type="submit">{j.continue_button}</button>
            </form>
            {(!sources.is_empty()).then(|| view! { <p class="source">{j.source_label} ": " {sources.clone()}</p> })}
        }
    };
    view! {
        {page}
        <TimelinePanel />
    }
}

/// The card holder's name, who signs for the parcel where the terms say so: the child, when a
/// guardian applies.
fn holder_name(a: &crate::journey::Answers) -> String {
    if a.is_guardian() {
        a.child_name.clone()
    } else {
        a.name.clone()
    }
}

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use sscard_rules::{parse_address, parse_mobile, parse_name, parse_postal_code};

use super::field_messages;
use crate::components::{
    BackLink, ErrorSummary, FormErrors, TextField, TimelinePanel, use_page_meta_with_errors,
};
use crate::i18n::use_i18n;
use crate::journey::{Step, next_after, use_journey_answers};

/// `/apply/address`: where the card is posted. Recipient and mobile start as the applicant's
/// own, so nothing is typed twice.
#[component]
pub fn AddressPage() -> impl IntoView {
    crate::journey::guard_application_step();
    let i18n = use_i18n();
    let journey = use_journey_answers();
    let navigate = use_navigate();
    let a = journey.answers.get_untracked();
    let recipient = RwSignal::new(if a.recipient.is_empty() {
        a.name.clone()
    } else {
        a.recipient.clone()
    });
    let recipient_mobile = RwSignal::new(if a.recipient_mobile.is_empty() {
        a.mobile.clone()
    } else {
        a.recipient_mobile.clone()
    });
    let address = RwSignal::new(a.address.clone());
    let postal_code = RwSignal::new(a.postal_code.clone());
    let errors = FormErrors::new();
    use_page_meta_with_errors(|t| t.journey().address_title, errors.any());
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (r, m, ad, p) = (
            recipient.get_untracked(),
            recipient_mobile.get_untracked(),
            address.get_untracked(),
            postal_code.get_untracked(),
        );
        journey.save(|a| {
            a.recipient = r.clone();
            a.recipient_mobile = m.clone();
            a.address = ad.clone();
            a.postal_code = p.clone();
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
        let answers = journey.answers.get_untracked();
        view! {
            <BackLink href=Step::Address.back(&answers) label=t.back />
            <ErrorSummary title=t.error_summary_title errors=errors.summary() />
            <h1 tabindex="-1">{j.address_title}</h1>
            <form novalidate on:submit=on_submit.clone()>
                <TextField id="recipient" label=j.recipient_label value=recipient error=errors.field("recipient") autocomplete="name" width="input--20" no_spellcheck=true />
                <TextField id="recipient-mobile" label=j.recipient_mobile_label value=recipient_mobile error=errors.field("recipient-mobile") autocomplete="tel" inputmode="tel" width="input--11" />
                <TextField id="address" label=j.address_label hint=j.address_hint value=address error=errors.field("address") autocomplete="street-address" />
                <TextField id="postal-code" label=j.postal_label value=postal_code error=errors.field("postal-code") autocomplete="postal-code" inputmode="numeric" width="input--6" />
                <button class="button" type="submit">{j.continue_button}</button>
            </form>
        }
    };
    view! {
        {page}
        <TimelinePanel />
    }
}

//! `/details`: my details on record (manual Q9 L79, Q32 L207: 个人信息变更 online). Shows the
//! address, occupation and mobile on record; changes the address and occupation with any
//! signed-in session (the mobile has its own, stronger flow at `/contact`); says where the bank
//! account's reserved phone is changed (only at the issuing bank, Q32 L209); and tells a person
//! whose card is on its way by post that it still goes to the address they applied with (D32).
//! A guardian can do the same for a minor in their care.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use sscard_rules::ProblemCode;
use sscard_rules::wire::{Occupation, PersonDetails, PersonDetailsUpdate};
use sscard_rules::{ADDRESS_MAX_CHARS, parse_address, parse_occupation};

use super::{
    FormProblems, LOADING, after_texts, api_error_text, bank_name, code_text, is_signed_out,
    problems_of, redirect_when_signed_out, use_step_meta,
};
use crate::api;
use crate::components::after::{CitationLine, Loading, RelatedLinks, SessionBar};
use crate::components::{ErrorSummary, FormErrors, Msg, RadioGroup, RadioOption, TextField};
use crate::i18n::Fill;
use crate::i18n::after::AfterTexts;
use crate::i18n::{Texts, use_i18n};
use crate::journey::NoSession;
use crate::policy_text::fill_common_here;

const ADDRESS: &str = "address";
const OCCUPATION: &str = "occupation";

/// The page's messages for `problems`: its codes' texts, with the longest address filled in.
fn details_messages(problems: FormProblems) -> Vec<(&'static str, Msg)> {
    problems
        .into_iter()
        .map(|(field, code)| {
            let message: Msg = Arc::new(move |t: &'static Texts| {
                let after = t.after();
                let text = code_text(after, after.details().errors, &code);
                text.fill("n", &ADDRESS_MAX_CHARS.to_string())
            });
            (field, message)
        })
        .collect()
}

/// The checks the app makes itself: the rules crate's, as on the server.
fn check(address: &str, occupation: Option<&str>) -> FormProblems {
    let mut p = Vec::new();
    if let Err(e) = parse_address(address) {
        p.push((ADDRESS, e.code().to_owned()));
    }
    if let Err(e) = parse_occupation(occupation.unwrap_or_default()) {
        p.push((OCCUPATION, e.code().to_owned()));
    }
    p
}

/// An occupation's name.
fn occupation_name(t: &'static AfterTexts, o: Occupation) -> &'static str {
    t.details().occupations.of(o)
}

/// The record as a summary list, with the link to change the mobile.
fn on_record(t: &'static AfterTexts, d: &PersonDetails) -> impl IntoView + use<> {
    let dt = t.details();
    let none = || dt.not_on_record.to_owned();
    let address = d.address.clone().unwrap_or_else(none);
    let occupation = d
        .occupation
        .map_or_else(none, |o| occupation_name(t, o).to_owned());
    let mobile = d.mobile_masked.clone().unwrap_or_else(none);
    // The mobile is changed by its holder with a code to it: not for a guardian here.
    let change_mobile = (!d.as_guardian).then(|| {
        view! { <dd class="summary__action"><A href="/contact">{dt.mobile_change}</A></dd> }
    });
    view! {
        <h2>{dt.on_record_heading}</h2>
        <dl class="summary">
            <div class="summary__row">
                <dt class="summary__key">{dt.address_label}</dt>
                <dd class="summary__value">{address}</dd>
            </div>
            <div class="summary__row">
                <dt class="summary__key">{dt.occupation_label}</dt>
                <dd class="summary__value">{occupation}</dd>
            </div>
            <div class="summary__row">
                <dt class="summary__key">{dt.mobile_label}</dt>
                <dd class="summary__value">{mobile}</dd>
                {change_mobile}
            </div>
        </dl>
    }
}

/// Where the bank account's reserved phone is changed, naming the person's issuing bank.
fn reserved_phone(t: &'static AfterTexts, d: &PersonDetails) -> impl IntoView + use<> {
    let dt = t.details();
    let banks: Vec<String> = d
        .reserved_phone
        .banks
        .iter()
        .filter_map(|b| sscard_rules::Bank::from_id(b))
        .map(|b| bank_name(t, Some(b)))
        .collect();
    let text = if banks.is_empty() {
        dt.bank_text_no_card.to_owned()
    } else {
        dt.bank_text.fill("bank", &banks.join(dt.bank_separator))
    };
    let citation = d.reserved_phone.citation.clone();
    view! {
        <h2 id="reserved-phone">{dt.bank_heading}</h2>
        <p>{text}</p>
        <p class="source">{t.common().source} " " <CitationLine texts=t citation=citation /></p>
    }
}

/// Applications whose card still goes to the address they were submitted with (D32).
fn postal_note(t: &'static AfterTexts, d: &PersonDetails) -> impl IntoView + use<> {
    let dt = t.details();
    let items = d
        .postal_applications
        .iter()
        .map(|a| {
            let text = match &a.hotline {
                Some(h) => dt.postal_text.fill("id", &a.reference).fill("hotline", h),
                None => dt.postal_text_no_hotline.fill("id", &a.reference),
            };
            view! { <li>{text}</li> }
        })
        .collect_view();
    view! {
        <div class="panel panel--warning">
            <h2>{dt.postal_heading}</h2>
            <ul class="list">{items}</ul>
        </div>
    }
}

/// The details page (any signed-in person; a guardian also for a minor in their care).
#[component]
pub fn DetailsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = crate::journey::use_fresh_session();
    // Whose details: `None` for mine, else a minor's person id, in the address (`?person=`),
    // so the back button and a reload keep it.
    let query = leptos_router::hooks::use_query_map();
    let who = Memo::new(move |_| query.read().get("person"));
    // Asked again for another person, and when a save finds the record changed since.
    let again = Trigger::new();
    let details = api::fetch_for_again(move || who.get(), again, api::details);
    let record = RwSignal::new(None::<PersonDetails>);
    let address = RwSignal::new(String::new());
    let occupation = RwSignal::new(None::<String>);
    let errors = FormErrors::new();
    // After a save: whether the address changed (the postal note shows then).
    let saved = RwSignal::new(None::<bool>);
    let save = Action::new_local(|body: &PersonDetailsUpdate| {
        let body = body.clone();
        async move { api::save_details(&body).await }
    });
    redirect_when_signed_out(
        move || {
            matches!(session.get(), Some(Err(NoSession::SignedOut)))
                || matches!(details.get(), Some(Err(e)) if is_signed_out(&e))
                || matches!(save.value().get(), Some(Err(e)) if is_signed_out(&e))
        },
        "/details".to_owned(),
    );
    // The form starts from what is on record (loaded for this person).
    Effect::new(move |_| {
        if let Some(Ok(d)) = details.get() {
            address.set(d.address.clone().unwrap_or_default());
            occupation.set(d.occupation.map(|o| o.id().to_owned()));
            record.set(Some(d));
        }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(d)) => {
            let before = record.get_untracked().and_then(|r| r.address);
            saved.set(Some(before != d.address));
            errors.set(Vec::new());
            record.set(Some(d));
        }
        Some(Err(e)) if e.is(ProblemCode::DetailsChangedSince) => {
            // Show what is on record now (the message says why); the next save starts from it.
            errors.set(details_messages(problems_of(&e, |_| None, ADDRESS)));
            again.notify();
        }
        Some(Err(e)) => errors.set(details_messages(problems_of(
            &e,
            |f| match f {
                "address" => Some(ADDRESS),
                "occupation" => Some(OCCUPATION),
                _ => None,
            },
            ADDRESS,
        ))),
        None => {}
    });
    use_step_meta(
        |t, step| {
            if step == 1 {
                t.after().details().saved_title
            } else {
                t.after().details().title
            }
        },
        Signal::derive(move || match (record.with(Option::is_some), saved.get()) {
            (false, _) => LOADING,
            (true, None) => 0,
            (true, Some(_)) => 1,
        }),
        errors.any(),
    );
    // Another person's details: the form starts again from their record.
    Effect::new(move |previous: Option<Option<String>>| {
        let now = who.get();
        if previous.is_some_and(|p| p != now) {
            record.set(None);
            saved.set(None);
            errors.set(Vec::new());
        }
        now
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if save.pending().get_untracked() {
            return;
        }
        let (a, o) = (address.get_untracked(), occupation.get_untracked());
        let found = check(&a, o.as_deref());
        let ok = found.is_empty();
        errors.set(details_messages(found));
        if ok {
            // The record the form started from: a change made elsewhere meanwhile is not
            // overwritten unseen (409 details.changed_since).
            let based_on = record
                .with_untracked(|r| r.as_ref().map(|r| r.updated_at.clone().unwrap_or_default()));
            save.dispatch_local(PersonDetailsUpdate {
                person: who.get_untracked(),
                address: a,
                occupation: o.unwrap_or_default(),
                based_on,
            });
        }
    };
    move || {
        let t = after_texts(&i18n);
        let dt = t.details();
        let summary = errors.summary();
        let form = move || {
            let options: Vec<RadioOption> = Occupation::ALL
                .iter()
                .map(|o| RadioOption {
                    value: o.id().to_owned(),
                    label: occupation_name(t, *o).to_owned(),
                    hint: None,
                })
                .collect();
            view! {
                <h2>{dt.change_heading}</h2>
                <form novalidate on:submit=on_submit>
                    <TextField id=ADDRESS label=dt.address_label hint=dt.address_hint value=address
                        error=errors.field(ADDRESS) autocomplete="street-address" />
                    <RadioGroup name=OCCUPATION legend=dt.occupation_label options=options
                        selected=occupation error=errors.field(OCCUPATION) />
                    <button type="submit" class="button">
                        {move || if save.pending().get() { t.common().working } else { dt.save }}
                    </button>
                </form>
            }
        };
        let body = move || {
            let Some(d) = record.get() else {
                return match details.get() {
                    Some(Err(e)) if !is_signed_out(&e) => view! {
                        <h1 tabindex="-1">{dt.title}</h1>
                        <p class="panel panel--warning">{api_error_text(t, dt.errors, &e)}</p>
                        // A minor's details that could not load: one's own are a link away.
                        {who.get().map(|_| view! {
                            <p class="action-link"><A href="/details">{dt.own_link}</A></p>
                        })}
                    }
                    .into_any(),
                    _ => view! { <Loading text=t.common().loading /> }.into_any(),
                };
            };
            let heading = if saved.get().is_some() {
                dt.saved_title.to_owned()
            } else if d.as_guardian {
                dt.minor_title.fill("name", &d.person.name)
            } else {
                dt.title.to_owned()
            };
            let done = saved.get().map(|address_changed| {
                view! {
                    <div class="panel panel--done" role="status">
                        <p>{dt.saved_text}</p>
                    </div>
                    {(address_changed && !d.postal_applications.is_empty()).then(|| postal_note(t, &d))}
                    <p>
                        <button type="button" class="button button--secondary" on:click=move |_| saved.set(None)>
                            {dt.edit_again}
                        </button>
                    </p>
                }
            });
            let minors = (!d.minors.is_empty()).then(|| {
                let links = d
                    .minors
                    .iter()
                    .map(|m| {
                        let href = format!("/details?person={}", api::encode(&m.id));
                        let label = dt.minor_link.fill("name", &m.name);
                        view! { <li><A href=href>{label}</A></li> }
                    })
                    .collect_view();
                view! {
                    <h2>{dt.minors_heading}</h2>
                    <ul class="list">{links}</ul>
                }
            });
            let back_to_own = d.as_guardian.then(|| {
                view! { <p class="action-link"><A href="/details">{dt.own_link}</A></p> }
            });
            let show_form = saved.get().is_none();
            view! {
                <h1 tabindex="-1">{heading}</h1>
                {done}
                <p class="lead">{fill_common_here(dt.lead)}</p>
                {on_record(t, &d)}
                {show_form.then(form)}
                {reserved_phone(t, &d)}
                {minors}
                {back_to_own}
            }
            .into_any()
        };
        view! {
            <SessionBar texts=t session=session />
            <ErrorSummary title=i18n.t().error_summary_title errors=summary />
            {body}
            <RelatedLinks texts=t current="/details" />
        }
    }
}

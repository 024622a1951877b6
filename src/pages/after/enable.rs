//! `/cards/:id/enable`: enable (启用) the social-security function of a card that came by post.
//! Confirm, done, and what it changes; bank activation is a counter visit, explained here.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use sscard_rules::CardAction;
use sscard_rules::ProblemCode;
use sscard_rules::SocialState;
use sscard_rules::wire::Card;

use super::{
    after_texts, api_error_text, bank_name, fill_ask_for, is_signed_out, online_refusal,
    redirect_when_signed_out, use_step_meta,
};
use crate::api::{self, ApiError};
use crate::components::after::{FraudNotice, Loading, SessionBar};
use crate::i18n::Fill;
use crate::i18n::after::{AfterTexts, lookup};
use crate::i18n::use_i18n;

/// The card with this id among mine, or the `not_found` problem.
async fn load(id: String) -> Result<Card, ApiError> {
    api::cards()
        .await?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or_else(|| {
            ApiError::Problem(sscard_rules::wire::Problem {
                type_uri: "urn:sscard:problem:not_found".to_owned(),
                title: String::new(),
                status: 404,
                detail: None,
                code: ProblemCode::NotFound.id().to_owned(),
                errors: Vec::new(),
                where_to_go: Vec::new(),
            })
        })
}

/// Bank activation: a counter visit at the issuing bank, and what to bring.
fn bank_view(t: &'static AfterTexts, card: &Card) -> impl IntoView + use<> {
    let e = t.enable();
    view! {
        <h2>{e.bank_heading}</h2>
        <p>{e.bank_text}</p>
        <p>{e.bank_where.fill("bank", &bank_name(t, card.bank))}</p>
        <h3>{e.bring_heading}</h3>
        <ul class="list">{e.bring.map(|b| view! { <li>{b}</li> })}</ul>
    }
}

fn who_view(t: &'static AfterTexts, card: &Card) -> impl IntoView + use<> {
    let holder = if card.as_guardian {
        t.common().childs_card.fill("name", &card.holder.name)
    } else {
        t.common().own_card.to_owned()
    };
    let guardian_note = card
        .as_guardian
        .then(|| t.enable().as_guardian.fill("name", &card.holder.name));
    view! {
        <div class="card-summary">
            <p class="card-summary__who">{holder}</p>
            <p>
                {bank_name(t, card.bank)} " · "
                {t.common().card_number.fill("number", &card.card_number_masked)}
            </p>
        </div>
        {guardian_note.map(|n| view! { <p>{n}</p> })}
    }
}

/// The enable page.
#[component]
pub fn EnablePage() -> impl IntoView {
    let i18n = use_i18n();
    // Today for the state machine's guards (none of the enabling guards depends on the date).
    let journey = crate::journey::use_journey();
    let today = move || journey.today.get_untracked();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let session = crate::journey::use_fresh_session();
    let card = api::fetch_for(id, load);
    let enable = Action::new_local(|id: &String| {
        let id = id.clone();
        async move { api::enable_card(&id).await }
    });
    let done = Signal::derive(move || matches!(enable.value().get(), Some(Ok(_))));
    redirect_when_signed_out(
        move || {
            matches!(card.get(), Some(Err(e)) if is_signed_out(&e))
                || matches!(enable.value().get(), Some(Err(e)) if is_signed_out(&e))
        },
        format!("/cards/{}/enable", api::encode(&id())),
    );
    use_step_meta(
        |t, step| {
            if step == 0 {
                t.after().enable().title
            } else {
                t.after().enable().done_title
            }
        },
        Signal::derive(move || {
            if card.get().is_none() {
                super::LOADING
            } else {
                u8::from(done.get())
            }
        }),
        Signal::from(false),
    );
    move || {
        let t = after_texts(&i18n);
        let e = t.enable();
        let back =
            view! { <p class="action-link"><A href="/progress">{e.back_to_progress}</A></p> };
        let body = move || {
            if let Some(Ok(card)) = enable.value().get() {
                return view! {
                    <div class="panel panel--done" role="status">
                        <h1 tabindex="-1">{e.done_title}</h1>
                        <p>{e.done_text}</p>
                    </div>
                    {who_view(t, &card)}
                    {bank_view(t, &card)}
                }
                .into_any();
            }
            let refused = match enable.value().get() {
                Some(Err(err)) => Some(api_error_text(t, e.refusals, &err)),
                _ => None,
            };
            match card.get() {
                None => view! { <Loading text=t.common().loading /> }.into_any(),
                Some(Err(err)) => view! {
                    <h1 tabindex="-1">{e.title}</h1>
                    <p class="error-text">{api_error_text(t, e.refusals, &err)}</p>
                }
                .into_any(),
                Some(Ok(card))
                    if online_refusal(&card, CardAction::EnableSocial, today()).is_some() =>
                {
                    let code = online_refusal(&card, CardAction::EnableSocial, today())
                        .unwrap_or_default();
                    view! {
                        <h1 tabindex="-1">{e.title}</h1>
                        {who_view(t, &card)}
                        <p class="panel">{fill_ask_for(t, Some(card.city), &lookup(e.refusals, code))}</p>
                        {(card.social_function == SocialState::Enabled)
                            .then(|| bank_view(t, &card))}
                    }
                    .into_any()
                }
                Some(Ok(card)) => confirm_view(t, card, refused, enable).into_any(),
            }
        };
        view! {
            <SessionBar texts=t session=session />
            {body}
            {back}
            <FraudNotice texts=t />
        }
    }
}

fn confirm_view(
    t: &'static AfterTexts,
    card: Card,
    refused: Option<String>,
    enable: Action<String, Result<Card, ApiError>>,
) -> impl IntoView + use<> {
    let e = t.enable();
    let id = card.id.clone();
    view! {
        <h1 tabindex="-1">{e.title}</h1>
        <p class="lead">{e.lead}</p>
        {who_view(t, &card)}
        <h2>{e.changes_heading}</h2>
        <ul class="list">{e.changes.map(|c| view! { <li>{c}</li> })}</ul>
        {refused.map(|r| view! { <p class="error-text" role="alert">{r}</p> })}
        <form novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            // One request at a time: a double tap must not send the action twice.
            if !enable.pending().get_untracked() {
                enable.dispatch_local(id.clone());
            }
        }>
            <button type="submit" class="button">
                {move || if enable.pending().get() { t.common().working } else { e.confirm }}
            </button>
        </form>
    }
}

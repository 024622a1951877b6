//! `/loss`: report a temporary loss (临时挂失). Three steps with their own addresses, so the
//! browser's back button works: choose the card (`/loss`), check what stops and for how long
//! (`/loss?card=…`), and the result with the exact auto-lift date, a countdown, an .ics reminder,
//! how to lift it early and how to report formally and get a replacement.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use sscard_rules::ProblemCode;
use sscard_rules::SocialState;
use sscard_rules::wire::{Card, TempLossReport};
use sscard_rules::{
    CardAction, CardContext, NumericParam, card_transition, natural_days_between, param_u32,
    temp_loss_auto_lift,
};

use super::{
    after_texts, api_error_text, bank_name, card_label, fill_ask_for, is_signed_out, long_date,
    long_date_str, online_refusal, parse_ymd, redirect_when_signed_out, service_today, text_msg,
    use_step_meta,
};
use crate::api::{self, ApiError};
use crate::components::after::{CitationLine, FraudNotice, Loading, RelatedLinks, SessionBar};
use crate::components::{ErrorSummary, FormErrors, RadioGroup, RadioOption};
use crate::i18n::Fill;
use crate::i18n::after::{AfterTexts, find, lookup};
use crate::i18n::{Locale, use_i18n};
use crate::ics;
use crate::policy_text::try_fill_params;

const CARD_FIELD: &str = "card";

/// A refusal's text, with the lift date of a report already in force.
fn refusal_text(t: &'static AfterTexts, locale: Locale, code: &str, card: Option<&Card>) -> String {
    let date = card
        .and_then(|c| c.temp_loss_lifts_on.as_deref())
        .map(|d| long_date_str(locale, d))
        .unwrap_or_default();
    let city = card.map(|c| c.city);
    fill_ask_for(t, city, &lookup(t.loss().refusals, code)).fill("date", &date)
}

/// The loss report page.
#[component]
pub fn LossPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let chosen_id = Memo::new(move |_| query.read().get("card"));
    let session = crate::journey::use_fresh_session();
    // Asked again after a report (the list is then out of date).
    let again = Trigger::new();
    let cards = api::fetch_for_again(|| (), again, |()| api::cards());
    let today = service_today();
    let selected = RwSignal::new(chosen_id.get_untracked());
    let errors = FormErrors::new();
    let report = Action::new_local(|id: &String| {
        let id = id.clone();
        async move { api::report_temporary_loss(&id).await }
    });
    // A new card choice starts afresh; after a report, the card list is out of date.
    Effect::new(move |_| {
        chosen_id.track();
        report.clear();
    });
    Effect::new(move |_| {
        if matches!(report.value().get(), Some(Ok(_))) {
            again.notify();
        }
    });
    let step = Signal::derive(move || match (chosen_id.get(), report.value().get()) {
        _ if cards.get().is_none() || today.get().is_none() => super::LOADING,
        (None, _) => 0,
        (Some(_), Some(Ok(_))) => 2,
        (Some(_), _) => 1,
    });
    redirect_when_signed_out(
        move || {
            matches!(cards.get(), Some(Err(e)) if is_signed_out(&e))
                || matches!(report.value().get(), Some(Err(e)) if is_signed_out(&e))
        },
        "/loss".to_owned(),
    );
    use_step_meta(
        |t, step| match step {
            0 => t.after().loss().choose_title,
            1 => t.after().loss().check_title,
            _ => t.after().loss().done_title,
        },
        step,
        errors.any(),
    );
    let navigate = use_navigate();
    let on_choose = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match selected.get_untracked() {
            Some(id) => {
                errors.set(Vec::new());
                navigate(
                    &format!("/loss?card={}", api::encode(&id)),
                    Default::default(),
                );
            }
            None => errors.set(vec![(CARD_FIELD, text_msg(|t| t.loss().choose_error))]),
        }
    };
    move || {
        let t = after_texts(&i18n);
        let locale = i18n.locale.get();
        let l = t.loss();
        let on_choose = on_choose.clone();
        let body = move || {
            let on_choose = on_choose.clone();
            let (chosen, outcome) = (chosen_id.get(), report.value().get());
            let (Some(list), Some(today)) = (cards.get(), today.get()) else {
                return view! { <Loading text=t.common().loading /> }.into_any();
            };
            let list = match list {
                Ok(list) => list,
                Err(e) => {
                    return view! {
                        <h1 tabindex="-1">{l.choose_title}</h1>
                        <p class="error-text">{api_error_text(t, l.refusals, &e)}</p>
                    }
                    .into_any();
                }
            };
            match (chosen, outcome) {
                (None, _) => choose_view(t, list, selected, errors, on_choose).into_any(),
                (Some(_), Some(Ok(done))) => done_view(t, locale, today, done).into_any(),
                (Some(id), outcome) => {
                    let refused = match outcome {
                        Some(Err(e)) => Some(e),
                        _ => None,
                    };
                    match list.into_iter().find(|c| c.id == id) {
                        Some(card) => {
                            check_view(t, locale, today, card, refused, report).into_any()
                        }
                        None => view! {
                            <h1 tabindex="-1">{l.cannot_title}</h1>
                            <p class="panel">{lookup(l.refusals, ProblemCode::NotFound.id())}</p>
                            <p class="action-link"><A href="/loss">{l.choose_other}</A></p>
                        }
                        .into_any(),
                    }
                }
            }
        };
        view! {
            <SessionBar texts=t session=session />
            <ErrorSummary
                title=i18n.t().error_summary_title
                errors=errors.summary()
            />
            {body}
            <FraudNotice texts=t />
            <RelatedLinks texts=t current="/loss" />
        }
    }
}

fn choose_view(
    t: &'static AfterTexts,
    cards: Vec<Card>,
    selected: RwSignal<Option<String>>,
    errors: FormErrors,
    on_choose: impl Fn(leptos::ev::SubmitEvent) + 'static,
) -> AnyView {
    let l = t.loss();
    if cards.is_empty() {
        return view! {
            <h1 tabindex="-1">{l.choose_title}</h1>
            <p>{l.no_cards}</p>
        }
        .into_any();
    }
    let options = cards
        .iter()
        .map(|c| RadioOption {
            value: c.id.clone(),
            label: card_label(t, c),
            hint: Some(t.names().social_states.of(c.social_function).to_owned()),
        })
        .collect();
    view! {
        <form novalidate on:submit=on_choose>
            <RadioGroup
                name=CARD_FIELD
                legend=l.choose_title
                legend_is_heading=true
                hint=Some(l.lead)
                options=options
                selected=selected
                error=errors.field(CARD_FIELD)
            />
            <button type="submit" class="button">{t.common().continue_button}</button>
        </form>
    }
    .into_any()
}

fn check_view(
    t: &'static AfterTexts,
    locale: Locale,
    today: NaiveDate,
    card: Card,
    refused: Option<ApiError>,
    report: Action<String, Result<TempLossReport, ApiError>>,
) -> impl IntoView + use<> {
    let l = t.loss();
    let back = view! { <p class="action-link"><A href="/loss" attr:class="back-link">{t.common().back}</A></p> };
    // The rules crate's lift date and period for a report made today in this card's city.
    let city = card.city;
    let lift = temp_loss_auto_lift(city, today).ok();
    let days = param_u32(city, NumericParam::TempLossAutoLiftDays, today).ok();
    let refused_code = refused.as_ref().and_then(|e| e.code().map(str::to_owned));
    let refusal_code = refused_code
        .clone()
        .filter(|c| {
            c.starts_with("card.")
                || matches!(
                    ProblemCode::from_id(c),
                    Some(ProblemCode::NotFound | ProblemCode::CounterOnly)
                )
        })
        .or_else(|| online_refusal(&card, CardAction::ReportTempLoss, today).map(str::to_owned));
    if let Some(code) = refusal_code {
        // A card under a loss report (or replaced after one): the person may want it lifted.
        let liftable = matches!(
            card.social_function,
            SocialState::TempLost | SocialState::Replaced
        );
        return view! {
            {back}
            <h1 tabindex="-1">{l.cannot_title}</h1>
            <p class="card-summary">{card_label(t, &card)}</p>
            <p class="panel">{refusal_text(t, locale, &code, Some(&card))}</p>
            {liftable.then(|| view! { <LiftEarly texts=t card=card.clone() today=today /> })}
            <p class="action-link"><A href="/loss">{l.choose_other}</A></p>
        }
        .into_any();
    }
    let other_error = refused.map(|e| api_error_text(t, l.refusals, &e));
    let how_long = match (&lift, &days) {
        (Some(lift), Some(days)) => Some(
            l.how_long
                .fill("days", i64::from(days.value))
                .fill("date", &long_date(locale, lift.result.date)),
        ),
        _ => None,
    };
    let citations: Vec<_> = lift
        .as_ref()
        .map(|l| l.trace.citations().into_iter().cloned().collect())
        .unwrap_or_default();
    let id = card.id.clone();
    view! {
        {back}
        <h1 tabindex="-1">{l.check_title}</h1>
        <p class="card-summary">{card_label(t, &card)}</p>
        <h2>{l.stops_heading}</h2>
        <ul class="list">{l.stops.map(|s| view! { <li>{s}</li> })}</ul>
        <h2>{l.how_long_heading}</h2>
        {how_long.map(|h| view! { <p>{h}</p> })}
        <p>{l.financial_note}</p>
        <ul class="list source">
            {citations.into_iter().map(|c| view! {
                <li>{t.common().source} <CitationLine texts=t citation=c /></li>
            }).collect_view()}
        </ul>
        {other_error.map(|m| view! { <p class="error-text" role="alert">{m}</p> })}
        <form novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            // One report at a time: a double tap must not send it twice.
            if !report.pending().get_untracked() {
                report.dispatch_local(id.clone());
            }
        }>
            <button type="submit" class="button button--warning">
                {move || if report.pending().get() { t.common().working } else { l.confirm }}
            </button>
        </form>
    }
    .into_any()
}

/// "Lift the loss early": asked of the server, which says where (a counter, Q19) or why never
/// (a replacement was ordered, Q22), with the rule's source.
#[component]
fn LiftEarly(
    /// The texts of the current language.
    texts: &'static AfterTexts,
    /// The card under a loss report.
    card: Card,
    /// The service's today.
    today: NaiveDate,
) -> impl IntoView {
    let t = texts;
    let l = t.loss();
    let lift = Action::new_local(|id: &String| {
        let id = id.clone();
        async move { api::unfreeze(&id).await }
    });
    // The rules crate's own answer gives the source of a refusal it states (Q22).
    let citation = Some(card.state()).and_then(|s| {
        let ctx = CardContext {
            on: today,
            channel: Some(sscard_rules::online_channel(s.city)),
        };
        card_transition(&s, CardAction::Unfreeze, &ctx)
            .err()
            .and_then(|e| e.citation())
    });
    let bank = bank_name(t, card.bank);
    let id = card.id.clone();
    let answer = move || {
        lift.value().get().map(|result| {
            let code = match &result {
                Ok(_) => "lifted".to_owned(),
                Err(e) => e.code().unwrap_or("unexpected").to_owned(),
            };
            let text = match find(l.lift_answers, &code) {
                Some(text) => text.fill("bank", &bank),
                None => match &result {
                    Err(e) => api_error_text(t, l.lift_answers, e),
                    Ok(_) => String::new(),
                },
            };
            let source = citation
                .clone()
                .filter(|_| code == "state.unfreeze_after_reissue");
            view! {
                <div class="panel" role="status">
                    <p>{text}</p>
                    {source.map(|c| view! {
                        <p class="source">{t.common().source} <CitationLine texts=t citation=c /></p>
                    })}
                </div>
            }
        })
    };
    view! {
        <h2>{l.early_heading}</h2>
        <form novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if !lift.pending().get_untracked() {
                lift.dispatch_local(id.clone());
            }
        }>
            <button type="submit" class="button button--secondary">
                {move || if lift.pending().get() { t.common().working } else { l.lift_button }}
            </button>
        </form>
        {answer}
    }
}

fn done_view(
    t: &'static AfterTexts,
    locale: Locale,
    today: NaiveDate,
    done: TempLossReport,
) -> impl IntoView + use<> {
    let l = t.loss();
    let lift = parse_ymd(&done.auto_lift_on);
    let lifts_on = l
        .lifts_on
        .fill("date", &long_date_str(locale, &done.auto_lift_on));
    let countdown = lift.map(|d| match natural_days_between(today, d) {
        n if n <= 0 => t.common().today.to_owned(),
        n => t.common().days_left.fill("n", n),
    });
    let ics_href = lift.map(|d| {
        ics::ics_data_href(&ics::ics_event(
            &format!("{}-{}-lift@sscard", done.card.id, done.auto_lift_on),
            d,
            l.ics_summary,
            l.ics_description,
        ))
    });
    view! {
        <div class="panel panel--done" role="status">
            <h1 tabindex="-1">{l.done_title}</h1>
            <p class="card-summary">{card_label(t, &done.card)}</p>
            <p class="big-date">{lifts_on}</p>
            {countdown.map(|c| view! { <p class="countdown">{c}</p> })}
        </div>
        <p>{l.financial_note}</p>
        {ics_href.map(|href| view! {
            <p class="action-link"><a href=href download="sscard-temporary-loss.ics">{l.ics_link}</a></p>
        })}
        <h2>{l.early_heading}</h2>
        <p>{l.early_text.fill("bank", &bank_name(t, done.card.bank))}</p>
        <h2>{l.formal_heading}</h2>
        <ul class="list">
            {l.formal
                .iter()
                .filter_map(|f| try_fill_params(f, done.card.city, today))
                .map(|f| view! { <li>{f}</li> })
                .collect_view()}
        </ul>
    }
}

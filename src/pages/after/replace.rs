//! `/replace`: a new card for a lost, damaged or outdated one (补领/换领). Like `/loss`, each step
//! has its own address, so the back button works: the card (`/replace`), the reason
//! (`?card=…`), and the request (`?card=…&reason=…`). The request step shows what must come
//! first (a loss report, offered in place; the change at 人社/医保), how the new card is
//! collected, what to know and the date, all from the rules crate's `plan_replacement`, which the
//! server runs again to decide. A request that went through opens the confirmation page.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use sscard_rules::SocialState;
use sscard_rules::wire::{
    Application, Branch, BranchQuery, Card, PostalAddress, ReplacementRequest,
};
use sscard_rules::{
    Actor, Calendar, Explained, NumericParam, PickupMethod, ReplacementBlock, ReplacementInput,
    ReplacementPlan, ReplacementReason, Trace, YesNo, param_u32, parse_address, parse_mobile,
    parse_name, parse_postal_code, pickup_needs_fresh_code, plan_replacement,
};

use super::{
    CodeTable, FormProblems, after_texts, bank_name, card_label, code_messages, code_text,
    fill_ask_for, is_signed_out, long_date, problems_of, redirect_when_signed_out, service_today,
    use_step_meta,
};
use crate::api;
use crate::components::after::{FraudNotice, Loading, RelatedLinks, SessionBar};
use crate::components::{ErrorSummary, FormErrors, RadioGroup, RadioOption, TextField, WhyDetails};
use crate::i18n::Fill;
use crate::i18n::after::AfterTexts;
use crate::i18n::use_i18n;
use crate::policy_text::fill_common_here;

/// The page's problem codes and their texts.
const CODES: CodeTable = |t| t.replace().errors;

/// Whether a card can still be replaced: not replaced or cancelled, and no replacement asked
/// for already (an exchange keeps the old card in use until the new one is enabled).
pub fn replaceable(card: &Card) -> bool {
    card.replacement_id.is_none()
        && !matches!(
            card.social_function,
            SocialState::Replaced | SocialState::Cancelled
        )
}

/// The rules crate's plan for this card and reason, as the server will decide it.
fn plan(
    card: &Card,
    reason: ReplacementReason,
    upstream_done: bool,
    pickup: PickupMethod,
    today: NaiveDate,
) -> Result<Explained<ReplacementPlan>, ReplacementBlock> {
    let state = card.state();
    let input = ReplacementInput {
        card: state,
        reason,
        actor: if card.as_guardian {
            Actor::Guardian
        } else {
            Actor::Holder
        },
        upstream_change_done: upstream_done,
        pickup,
        on: today,
    };
    plan_replacement(&input, Calendar::current()).map_err(|e| e.result)
}

/// The request page.
#[component]
pub fn ReplacePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let card_id = Memo::new(move |_| query.read().get("card"));
    let reason = Memo::new(move |_| {
        query
            .read()
            .get("reason")
            .and_then(|r| ReplacementReason::from_id(&r))
    });
    let upstream = Memo::new(move |_| query.read().get("upstream"));
    let session = crate::journey::use_fresh_session();
    // Asked again after a temporary loss is reported on the way (the list is then out of date).
    let again = Trigger::new();
    let cards = api::fetch_for_again(|| (), again, |()| api::cards());
    let today = service_today();
    let errors = FormErrors::new();
    // The choices live here, not in the steps' views: a choice's view is disposed when the
    // address changes, while its submit handler is still running.
    // Their messages too: a message derived inside a step's view would be disposed with it.
    let message = move |field: &'static str| errors.field(field);
    let choices = Choices {
        card: RwSignal::new(card_id.get_untracked()),
        reason: RwSignal::new(reason.get_untracked().map(|r| r.id().to_owned())),
        upstream: RwSignal::new(upstream.get_untracked()),
        card_error: message("card"),
        reason_error: message("reason"),
        upstream_error: message("upstream"),
    };
    let fields = Fields::new();
    let navigate = use_navigate();
    // A new step starts without the last step's problems. They are cleared before the address
    // changes: an effect after it would wake the old step's views while they are disposed.
    let go = Callback::new(move |path: String| {
        errors.set(Vec::new());
        navigate(&path, Default::default());
    });
    let step = Signal::derive(move || match (card_id.get(), reason.get()) {
        _ if cards.get().is_none() || today.get().is_none() || session.get().is_none() => {
            super::LOADING
        }
        (None, _) => 0,
        (Some(_), None) => 1,
        (Some(_), Some(_)) => 2 + u8::from(upstream.get().is_some()),
    });
    redirect_when_signed_out(
        move || matches!(cards.get(), Some(Err(e)) if is_signed_out(&e)),
        "/replace".to_owned(),
    );
    use_step_meta(
        |t, step| match step {
            0 => t.after().replace().choose_title,
            1 => t.after().replace().reason_title,
            _ => t.after().replace().request_title,
        },
        step,
        errors.any(),
    );
    move || {
        let t = after_texts(&i18n);
        let r = t.replace();
        let body = move || {
            let (chosen, why) = (card_id.get(), reason.get());
            let upstream = upstream.get().as_deref().and_then(YesNo::from_id);
            let (Some(list), Some(today), Some(session)) =
                (cards.get(), today.get(), session.get())
            else {
                return view! { <Loading text=t.common().loading /> }.into_any();
            };
            let list = match list {
                Ok(list) => list,
                Err(e) => {
                    return view! {
                        <h1 tabindex="-1">{r.choose_title}</h1>
                        <p class="error-text">{super::api_error_text(t, r.errors, &e)}</p>
                    }
                    .into_any();
                }
            };
            // By post, a fresh code to the mobile on record is asked for (the server's rule).
            let fresh = matches!(session, Ok(s) if s.fresh_code);
            let Some(id) = chosen else {
                return choose_view(t, list, choices, errors, go).into_any();
            };
            let Some(card) = list.into_iter().find(|c| c.id == id && replaceable(c)) else {
                return view! {
                    <h1 tabindex="-1">{r.cannot_title}</h1>
                    <p class="panel">{r.not_replaceable}</p>
                    <p class="action-link"><A href="/replace">{r.choose_other}</A></p>
                }
                .into_any();
            };
            match why {
                None => reason_view(t, card, choices, errors, go).into_any(),
                Some(why) => view! {
                    <RequestStep texts=t card=card reason=why upstream=upstream today=today
                        errors=errors choices=choices go=go fields=fields fresh=fresh
                        on_reported=move || again.notify() />
                }
                .into_any(),
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
            <RelatedLinks texts=t current="/replace" />
        }
    }
}

/// What the request form holds, kept by the page: a language switch re-renders the steps, and
/// nothing typed may be lost.
#[derive(Clone, Copy)]
struct Fields {
    pickup: RwSignal<Option<String>>,
    branch: RwSignal<Option<String>>,
    recipient: RwSignal<String>,
    mobile: RwSignal<String>,
    address: RwSignal<String>,
    postal_code: RwSignal<String>,
    /// Whether the recipient was filled in with the holder's name already.
    prefilled: StoredValue<bool>,
    /// One key per visit of the page: a double tap or a retry after a lost answer gets the
    /// same replacement back, never a second one.
    key: StoredValue<String>,
}

impl Fields {
    fn new() -> Self {
        Fields {
            pickup: RwSignal::new(None),
            branch: RwSignal::new(None),
            recipient: RwSignal::new(String::new()),
            mobile: RwSignal::new(String::new()),
            address: RwSignal::new(String::new()),
            postal_code: RwSignal::new(String::new()),
            prefilled: StoredValue::new(false),
            key: StoredValue::new(api::new_idempotency_key()),
        }
    }
}

/// The answers of the choice steps.
#[derive(Clone, Copy)]
struct Choices {
    card: RwSignal<Option<String>>,
    reason: RwSignal<Option<String>>,
    upstream: RwSignal<Option<String>>,
    card_error: Signal<Option<String>>,
    reason_error: Signal<Option<String>>,
    upstream_error: Signal<Option<String>>,
}

/// One question answered with radio buttons, then "continue" (the choice steps).
#[allow(clippy::too_many_arguments)]
fn choice_form(
    t: &'static AfterTexts,
    name: &'static str,
    legend: &'static str,
    hint: Option<&'static str>,
    options: Vec<RadioOption>,
    selected: RwSignal<Option<String>>,
    error: Signal<Option<String>>,
    on_submit: impl Fn(leptos::ev::SubmitEvent) + 'static,
) -> AnyView {
    view! {
        <form novalidate on:submit=on_submit>
            <RadioGroup name=name legend=legend legend_is_heading=true hint=hint options=options
                selected=selected error=error />
            <button type="submit" class="button">{t.common().continue_button}</button>
        </form>
    }
    .into_any()
}

/// Step 1: which card.
fn choose_view(
    t: &'static AfterTexts,
    cards: Vec<Card>,
    choices: Choices,
    errors: FormErrors,
    go: Callback<String>,
) -> AnyView {
    let r = t.replace();
    let selected = choices.card;
    let cards: Vec<Card> = cards.into_iter().filter(replaceable).collect();
    if cards.is_empty() {
        return view! {
            <h1 tabindex="-1">{r.choose_title}</h1>
            <p>{r.no_cards}</p>
            <p class="action-link"><A href="/progress">{t.common().link_progress}</A></p>
        }
        .into_any();
    }
    // One card: chosen already, the person only confirms.
    if cards.len() == 1 && selected.get_untracked().is_none() {
        selected.set(Some(cards[0].id.clone()));
    }
    let options = cards
        .iter()
        .map(|c| RadioOption {
            value: c.id.clone(),
            label: card_label(t, c),
            hint: Some(t.names().social_states.of(c.social_function).to_owned()),
        })
        .collect();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match selected.get_untracked() {
            Some(id) => go.run(format!("/replace?card={}", api::encode(&id))),
            None => errors.set(code_messages(
                CODES,
                vec![("card", "choose_card".to_owned())],
            )),
        }
    };
    choice_form(
        t,
        "card",
        r.choose_title,
        Some(r.choose_lead),
        options,
        selected,
        choices.card_error,
        on_submit,
    )
}

/// Step 2: why.
fn reason_view(
    t: &'static AfterTexts,
    card: Card,
    choices: Choices,
    errors: FormErrors,
    go: Callback<String>,
) -> AnyView {
    let selected = choices.reason;
    let r = t.replace();
    // A card reported lost is replaced as lost (the rules refuse an exchange of it).
    let lost = matches!(
        card.social_function,
        SocialState::TempLost | SocialState::FormalLost
    );
    if lost {
        selected.set(Some(ReplacementReason::Lost.id().to_owned()));
    }
    let options = ReplacementReason::ALL
        .iter()
        .filter(|why| !lost || **why == ReplacementReason::Lost)
        .map(|why| RadioOption {
            value: why.id().to_owned(),
            label: fill_common_here(r.reasons.of(*why)),
            hint: Some(r.reason_hints.of(*why).to_owned()),
        })
        .collect();
    let id = card.id.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match selected.get_untracked() {
            Some(why) => go.run(format!("/replace?card={}&reason={why}", api::encode(&id))),
            None => errors.set(code_messages(
                CODES,
                vec![("reason", "choose_reason".to_owned())],
            )),
        }
    };
    view! {
        <p class="action-link"><A href="/replace" attr:class="back-link">{t.common().back}</A></p>
        <p class="card-summary">{card_label(t, &card)}</p>
        {choice_form(t, "reason", r.reason_title, None, options, selected, choices.reason_error, on_submit)}
    }
    .into_any()
}

/// Step 3: what must come first, then how to collect the new card, and the request.
#[component]
fn RequestStep(
    /// The texts of the current language.
    texts: &'static AfterTexts,
    /// The card to replace.
    card: Card,
    /// Why.
    reason: ReplacementReason,
    /// The answer to "is the change made at 人社/医保", for a new name.
    upstream: Option<YesNo>,
    /// The service's today.
    today: NaiveDate,
    /// The form's problems (shared with the error summary).
    errors: FormErrors,
    /// The answers of the choice steps.
    choices: Choices,
    /// What the request form holds.
    fields: Fields,
    /// Whether the session was opened with a code in the last minutes.
    fresh: bool,
    /// Goes to another address of the page.
    go: Callback<String>,
    /// Called after a loss report made here, to reload the cards.
    on_reported: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let t = texts;
    let r = t.replace();
    let back_href = format!("/replace?card={}", api::encode(&card.id));
    let back = view! { <p class="action-link"><A href=back_href.clone() attr:class="back-link">{t.common().back}</A></p> };
    let upstream_done = upstream == Some(YesNo::Yes);
    match plan(&card, reason, upstream_done, PickupMethod::Mail, today) {
        Err(ReplacementBlock::ReportLossFirst) => {
            view! { {back} <ReportFirst texts=t card=card on_reported=on_reported /> }.into_any()
        }
        Err(ReplacementBlock::UpstreamChangeFirst) if upstream == Some(YesNo::No) => view! {
            {back}
            <h1 tabindex="-1">{r.upstream_stop_title}</h1>
            <ol class="list">{r.upstream_stop.map(|s| view! { <li>{fill_ask_for(t, Some(card.city), s)}</li> })}</ol>
            <p class="action-link"><A href="/progress">{t.common().link_progress}</A></p>
        }
        .into_any(),
        Err(ReplacementBlock::UpstreamChangeFirst) => {
            view! { {back} {upstream_view(t, &card, choices, errors, go)} }.into_any()
        }
        Err(block) => view! {
            {back}
            <h1 tabindex="-1">{r.cannot_title}</h1>
            <p class="card-summary">{card_label(t, &card)}</p>
            <p class="panel">{code_text(t, r.errors, block.code())}</p>
            <p class="action-link"><A href="/replace">{r.choose_other}</A></p>
        }
        .into_any(),
        Ok(plan) => view! {
            {back}
            <RequestForm texts=t card=card plan=plan.result trace=plan.trace
                upstream_done=upstream_done today=today errors=errors fields=fields fresh=fresh />
        }
        .into_any(),
    }
}

/// A lost card not yet reported: the temporary loss, in place (Q18, D33).
#[component]
fn ReportFirst(
    /// The texts of the current language.
    texts: &'static AfterTexts,
    /// The lost card.
    card: Card,
    /// Called after the report went through.
    on_reported: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let t = texts;
    let r = t.replace();
    let report = Action::new_local(|id: &String| {
        let id = id.clone();
        async move { api::report_temporary_loss(&id).await }
    });
    Effect::new(move |_| {
        if matches!(report.value().get(), Some(Ok(_))) {
            on_reported();
        }
    });
    let id = card.id.clone();
    let error = move || match report.value().get() {
        Some(Err(e)) => Some(super::api_error_text(t, t.loss().refusals, &e)),
        _ => None,
    };
    view! {
        <h1 tabindex="-1">{r.report_first_title}</h1>
        <p class="card-summary">{card_label(t, &card)}</p>
        <p>{r.report_first_text}</p>
        <ul class="list">{t.loss().stops.map(|s| view! { <li>{s}</li> })}</ul>
        {move || error().map(|m| view! { <p class="error-text" role="alert">{m}</p> })}
        <form novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if !report.pending().get_untracked() {
                report.dispatch_local(id.clone());
            }
        }>
            <button type="submit" class="button button--warning">
                {move || if report.pending().get() { t.common().working } else { r.report_first_button }}
            </button>
        </form>
    }
}

/// A new name or ID number: is it already recorded at 人社/医保 (Q24)?
fn upstream_view(
    t: &'static AfterTexts,
    card: &Card,
    choices: Choices,
    errors: FormErrors,
    go: Callback<String>,
) -> AnyView {
    let r = t.replace();
    let selected = choices.upstream;
    let options = vec![
        RadioOption {
            value: YesNo::Yes.id().to_owned(),
            label: r.upstream_yes.to_owned(),
            hint: None,
        },
        RadioOption {
            value: YesNo::No.id().to_owned(),
            label: r.upstream_no.to_owned(),
            hint: None,
        },
    ];
    let base = format!(
        "/replace?card={}&reason={}",
        api::encode(&card.id),
        ReplacementReason::DetailsChanged.id()
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match selected.get_untracked() {
            Some(answer) => go.run(format!("{base}&upstream={answer}")),
            None => errors.set(code_messages(
                CODES,
                vec![("upstream", "choose_upstream".to_owned())],
            )),
        }
    };
    choice_form(
        t,
        "upstream",
        r.upstream_title,
        Some(r.upstream_hint),
        options,
        selected,
        choices.upstream_error,
        on_submit,
    )
}

/// The server's field names mapped to this form's inputs.
fn field_id(field: &str) -> Option<&'static str> {
    Some(match field {
        "pickup" => "pickup",
        "branch_id" => "branch",
        "postal_address" | "postal_address.recipient" => "recipient",
        "postal_address.mobile" => "recipient-mobile",
        "postal_address.address" => "address",
        "postal_address.postal_code" => "postal-code",
        _ => return None,
    })
}

/// The request: pickup, address or branch, what to know, the date, and the button.
#[component]
fn RequestForm(
    /// The texts of the current language.
    texts: &'static AfterTexts,
    /// The card to replace.
    card: Card,
    /// The rules crate's plan (for collection by post; the dates are the same at a branch).
    plan: ReplacementPlan,
    /// How the rules reached the plan, for "why".
    trace: Trace,
    /// Whether the person said 人社/医保 hold the new details.
    upstream_done: bool,
    /// The service's today.
    today: NaiveDate,
    /// The form's problems (shared with the error summary).
    errors: FormErrors,
    /// What the form holds (kept by the page).
    fields: Fields,
    /// Whether the session was opened with a code in the last minutes (needed by post).
    fresh: bool,
) -> impl IntoView {
    let t = texts;
    let r = t.replace();
    let i18n = use_i18n();
    let locale = i18n.locale.get_untracked();
    let Fields {
        pickup,
        branch,
        recipient,
        mobile,
        address,
        postal_code,
        prefilled,
        key,
    } = fields;
    // The holder is the likely recipient: filled in once, then the person's to change.
    if !prefilled.get_value() {
        prefilled.set_value(true);
        recipient.set(card.holder.name.clone());
    }
    let city = card.city;
    // Asked again by the retry button when the list could not be fetched.
    let asked_branches = RwSignal::new(0_u32);
    let branches = {
        let (city, bank) = (card.city, card.bank.map(|b| b.id().to_owned()));
        api::fetch_for(
            move || asked_branches.get(),
            move |_| {
                let bank = bank.clone();
                async move {
                    api::branches(
                        city.id(),
                        &BranchQuery {
                            bank,
                            ..Default::default()
                        },
                    )
                    .await
                }
            },
        )
    };
    let card_id = card.id.clone();
    let submit = Action::new_local(move |body: &ReplacementRequest| {
        let (body, id) = (body.clone(), card_id.clone());
        async move { api::request_replacement(&id, &body, &key.get_value()).await }
    });
    let navigate = use_navigate();
    Effect::new(move |_| match submit.value().get() {
        Some(Ok(app)) => navigate(
            &format!("/apply/confirmation/{}", api::encode(&app.id)),
            Default::default(),
        ),
        Some(Err(e)) => errors.set(code_messages(CODES, problems_of(&e, field_id, "submit"))),
        None => {}
    });
    let reason = plan.reason;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let method = pickup
            .get_untracked()
            .and_then(|p| PickupMethod::from_id(&p));
        let mut found: FormProblems = Vec::new();
        match method {
            None => found.push(("pickup", "choose_pickup".to_owned())),
            Some(PickupMethod::Branch) if branch.get_untracked().is_none() => {
                found.push(("branch", "branch_id.missing".to_owned()));
            }
            Some(m) if pickup_needs_fresh_code(m) && !fresh => {
                found.push(("pickup", "replacement.needs_code".to_owned()));
            }
            Some(PickupMethod::Mail) => {
                let checks: [(&'static str, Option<&'static str>); 4] = [
                    (
                        "recipient",
                        parse_name(&recipient.get_untracked())
                            .err()
                            .map(|e| e.code()),
                    ),
                    (
                        "recipient-mobile",
                        parse_mobile(&mobile.get_untracked())
                            .err()
                            .map(|e| e.code()),
                    ),
                    (
                        "address",
                        parse_address(&address.get_untracked())
                            .err()
                            .map(|e| e.code()),
                    ),
                    (
                        "postal-code",
                        parse_postal_code(&postal_code.get_untracked())
                            .err()
                            .map(|e| e.code()),
                    ),
                ];
                found.extend(
                    checks
                        .into_iter()
                        .filter_map(|(f, c)| c.map(|c| (f, c.to_owned()))),
                );
            }
            _ => {}
        }
        if !found.is_empty() || submit.pending().get_untracked() {
            errors.set(code_messages(CODES, found));
            return;
        }
        errors.set(Vec::new());
        let Some(method) = method else { return };
        submit.dispatch_local(ReplacementRequest {
            reason,
            upstream_change_done: upstream_done,
            pickup: method,
            branch_id: branch
                .get_untracked()
                .filter(|_| method == PickupMethod::Branch),
            postal_address: (method == PickupMethod::Mail).then(|| PostalAddress {
                recipient: recipient.get_untracked(),
                mobile: mobile.get_untracked(),
                address: address.get_untracked(),
                postal_code: postal_code.get_untracked(),
            }),
        });
    };
    let err = move |field: &'static str| errors.field(field);
    let submit_error = errors.field("submit");
    let days = param_u32(city, NumericParam::ReplacementWorkingDays, today)
        .map_or(0, |p| i64::from(p.value));
    let made_by = plan.timeline.production.made_by().map(|d| {
        r.made_by
            .fill("n", days)
            .fill("date", &long_date(locale, d))
    });
    let bank = bank_name(t, card.bank);
    let months = param_u32(city, NumericParam::BankChangeCooldownMonths, today)
        .map(|p| p.value.to_string())
        .unwrap_or_default();
    let notes: Vec<String> = plan
        .notes
        .iter()
        .map(|n| {
            fill_common_here(r.notes.of(*n))
                .fill("bank", &bank)
                .fill("months", &months)
        })
        .collect();
    let pickup_options = vec![
        RadioOption {
            value: PickupMethod::Mail.id().to_owned(),
            label: r.pickup_mail.to_owned(),
            hint: Some(r.pickup_mail_hint.to_owned()),
        },
        RadioOption {
            value: PickupMethod::Branch.id().to_owned(),
            label: r.pickup_branch.fill("bank", &bank),
            hint: Some(r.pickup_branch_hint.to_owned()),
        },
    ];
    let branch_choice = move || {
        // Without the list nobody could choose: say so, and offer to try again.
        let list: Vec<Branch> = match branches.get() {
            None => return view! { <Loading text=t.common().loading /> }.into_any(),
            Some(Ok(list)) => list,
            Some(Err(e)) => {
                return view! {
                    <p class="error-text" role="alert">{super::api_error_text(t, r.errors, &e)}</p>
                    <p class="action-link">
                        <button type="button" class="button button--secondary"
                            on:click=move |_| asked_branches.update(|n| *n += 1)>{r.branches_retry}</button>
                    </p>
                }
                .into_any();
            }
        };
        let options = list
            .into_iter()
            .map(|b| RadioOption {
                value: b.id.clone(),
                label: b.name.clone(),
                hint: Some(format!("{}{} · {}", b.district, b.address, b.opening_hours)),
            })
            .collect::<Vec<_>>();
        view! {
            <RadioGroup name="branch" legend=r.branch_legend hint=None options=options
                selected=branch error=err("branch") />
        }
        .into_any()
    };
    view! {
        <h1 tabindex="-1">{r.request_title}</h1>
        <p class="card-summary">{card_label(t, &card)} " · " {fill_common_here(r.reasons.of(reason))}</p>
        {made_by.map(|m| view! { <p class="big-date">{m}</p> })}
        <h2>{r.know_heading}</h2>
        <ul class="list">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
        <WhyDetails trace=trace summary=i18n.t().journey().why_summary />
        <form novalidate on:submit=on_submit>
            <RadioGroup name="pickup" legend=r.pickup_legend hint=None options=pickup_options
                selected=pickup error=err("pickup") />
            {move || match pickup.get().as_deref() {
                Some(p) if PickupMethod::from_id(p) == Some(PickupMethod::Branch) => branch_choice().into_any(),
                Some(p)
                    if !fresh
                        && PickupMethod::from_id(p).is_some_and(pickup_needs_fresh_code) =>
                {
                    // Back here after the code, with the reason and card in the address.
                    let here = web_sys::window()
                        .and_then(|w| w.location().href().ok())
                        .and_then(|h| h.find("/replace").map(|i| h[i..].to_owned()))
                        .unwrap_or_else(|| "/replace".to_owned());
                    let href = format!("/confirm?next={}", api::encode(&here));
                    view! {
                        <div class="notice">
                            <p>{r.needs_code_text}</p>
                            <p class="action-link"><A href=href attr:class="button">{r.confirm_link}</A></p>
                        </div>
                    }
                    .into_any()
                }
                Some("mail") => view! {
                    <h2>{r.address_heading}</h2>
                    <TextField id="recipient" label=r.recipient_label value=recipient error=err("recipient") autocomplete="name" width="input--20" no_spellcheck=true />
                    <TextField id="recipient-mobile" label=r.mobile_label value=mobile error=err("recipient-mobile") autocomplete="tel" inputmode="tel" width="input--11" />
                    <TextField id="address" label=r.address_label hint=r.address_hint value=address error=err("address") autocomplete="street-address" />
                    <TextField id="postal-code" label=r.postal_label value=postal_code error=err("postal-code") autocomplete="postal-code" inputmode="numeric" width="input--6" />
                }
                .into_any(),
                _ => ().into_any(),
            }}
            {move || submit_error.get()
                .map(|m| view! { <p class="error-text" role="alert" id="submit">{m}</p> })}
            <button type="submit" class="button">
                {move || if submit.pending().get() { t.common().working } else { r.submit }}
            </button>
        </form>
    }
}

/// Where an application comes from, for the confirmation and progress pages: the replacement
/// heading of its reason, if it is one.
pub fn replacement_heading(t: &'static AfterTexts, app: &Application) -> Option<String> {
    app.replacement
        .as_ref()
        .map(|r| fill_common_here(t.progress().replacement_headings.of(r.reason)))
}

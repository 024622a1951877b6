//! `/progress`: my applications and those of children in my care, as plain steps with dates,
//! what to do next, where to pick up, and the hotline reference number (large, grouped, as a QR
//! code, with the line to quote it when calling 96066). A form finds an application by its
//! reference, telling the person what is wrong with a mistyped one. Internal status codes never
//! reach the person: each is mapped to a step below.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use sscard_rules::SocialState;
use sscard_rules::wire::{Application, ApplicationStatus, Branch, BranchQuery, Card};

use super::find_reference::FindReference;
use super::{
    after_texts, bank_name, fill_ask_for, is_signed_out, long_date_str, parse_ymd,
    redirect_when_signed_out, sign_in_href, use_step_meta,
};
use crate::api::{self, ApiError};
use crate::components::after::{Loading, RelatedLinks, SessionBar};
use crate::components::{QrCodeImage, ReferenceNumber};
use crate::i18n::Fill;
use crate::i18n::after::AfterTexts;
use crate::i18n::{Locale, use_i18n};
use crate::ics;

/// Everything the page shows, loaded together.
#[derive(Debug, Clone)]
struct Progress {
    applications: Vec<Application>,
    cards: Vec<Card>,
    branches: Vec<Branch>,
}

async fn load() -> Result<Progress, ApiError> {
    let applications = api::applications().await?;
    let cards = api::cards().await?;
    // Branch details only for applications collected at a branch; a failure here only hides
    // the address, so it is not an error of the page.
    let mut branches = Vec::new();
    let mut cities: Vec<sscard_rules::City> = applications
        .iter()
        .filter(|a| a.branch_id.is_some())
        .map(|a| a.city)
        .collect();
    cities.dedup();
    for city in cities {
        if let Ok(list) = api::branches(city.id(), &BranchQuery::default()).await {
            branches.extend(list);
        }
    }
    Ok(Progress {
        applications,
        cards,
        branches,
    })
}

/// The plain step (0 received … 5 enabled) an internal status belongs to.
fn step_of(status: ApplicationStatus) -> usize {
    match status {
        ApplicationStatus::Submitted | ApplicationStatus::Accepted => 0,
        ApplicationStatus::InProduction => 1,
        ApplicationStatus::Made => 2,
        ApplicationStatus::SentByPost | ApplicationStatus::AtBranch => 3,
        ApplicationStatus::Collected => 4,
        ApplicationStatus::Enabled => 5,
    }
}

/// The day each plain step was reached, from the history (the first event of the step).
fn step_dates(app: &Application) -> [Option<String>; 6] {
    let mut dates: [Option<String>; 6] = Default::default();
    for event in &app.events {
        let slot = &mut dates[step_of(event.kind)];
        if slot.is_none() {
            *slot = Some(event.on.clone());
        }
    }
    dates
}

/// The steps of one application as an ordered list: done with its date, current, or to come
/// with the date the rules promise (only the made-by date is a rule; the rest has none).
fn steps_view(t: &'static AfterTexts, locale: Locale, app: &Application) -> impl IntoView + use<> {
    let p = t.progress();
    let dates = step_dates(app);
    let current = step_of(app.status) + 1;
    let by_branch = app.pickup == sscard_rules::PickupMethod::Branch;
    (0..6)
        .map(|i| {
            let name = match i {
                0..=2 => p.steps[i],
                3 if by_branch => p.steps[4],
                3 => p.steps[3],
                _ => p.steps[i + 1],
            };
            let (class, when) = match &dates[i] {
                Some(on) => (
                    "step step--done",
                    Some(p.done_on.fill("date", &long_date_str(locale, on))),
                ),
                None if i == 2 => (
                    if i == current {
                        "step step--current"
                    } else {
                        "step"
                    },
                    Some(match &app.expected.production_deadline {
                        Some(d) => p.expected_by.fill("date", &long_date_str(locale, d)),
                        None => p.expected_unstated.to_owned(),
                    }),
                ),
                None if i == 3 && app.expected.plus_postal_transit => (
                    if i == current {
                        "step step--current"
                    } else {
                        "step"
                    },
                    Some(p.plus_post.to_owned()),
                ),
                None => (
                    if i == current {
                        "step step--current"
                    } else {
                        "step"
                    },
                    None,
                ),
            };
            let is_current = i == current;
            view! {
                <li class=class aria-current=is_current.then_some("step")>
                    <span class="step__name">{name}</span>
                    {is_current.then(|| view! { <span class="visually-hidden">{p.current}</span> })}
                    {when.map(|w| view! { <span class="step__date">{w}</span> })}
                </li>
            }
        })
        .collect_view()
}

/// What the person has to do next, with the link that does it.
fn next_view(t: &'static AfterTexts, locale: Locale, app: &Application, cards: &[Card]) -> AnyView {
    let p = t.progress();
    let by_branch = app.pickup == sscard_rules::PickupMethod::Branch;
    let text = |s: &'static str| view! { <p>{s}</p> }.into_any();
    match app.status {
        ApplicationStatus::Submitted
        | ApplicationStatus::Accepted
        | ApplicationStatus::InProduction => match &app.expected.production_deadline {
            Some(d) => {
                let date = long_date_str(locale, d);
                view! { <p>{p.next_wait_made.fill("date", &date)}</p> }.into_any()
            }
            None => text(p.next_wait_unstated),
        },
        ApplicationStatus::Made | ApplicationStatus::AtBranch if by_branch => text(p.next_collect),
        ApplicationStatus::Made | ApplicationStatus::SentByPost | ApplicationStatus::AtBranch => {
            text(p.next_wait_post)
        }
        ApplicationStatus::Collected => {
            let card = app
                .card_id
                .as_ref()
                .and_then(|id| cards.iter().find(|c| &c.id == id));
            match card {
                Some(card) if card.social_function == SocialState::NotEnabled => {
                    let href = format!("/cards/{}/enable", api::encode(&card.id));
                    view! {
                        <p>{p.next_enable}</p>
                        <p class="action-link"><A href=href attr:class="button">{p.enable_link}</A></p>
                    }
                    .into_any()
                }
                _ => text(p.next_done),
            }
        }
        ApplicationStatus::Enabled => text(p.next_done),
    }
}

/// Where the card is collected: by post, or the branch's name, address and hours.
fn pickup_view(t: &'static AfterTexts, app: &Application, branches: &[Branch]) -> AnyView {
    let p = t.progress();
    let branch = app
        .branch_id
        .as_ref()
        .and_then(|id| branches.iter().find(|b| &b.id == id));
    match branch {
        Some(b) => view! {
            <p class="branch">
                <strong>{b.name.clone()}</strong><br />
                {format!("{}{}", b.district, b.address)}<br />
                {p.hours.fill("hours", &b.opening_hours)}
            </p>
            {b.sample_data.then(|| view! { <p class="hint">{t.common().sample_data}</p> })}
        }
        .into_any(),
        None if app.pickup == sscard_rules::PickupMethod::Branch => {
            view! { <p>{app.branch_id.clone()}</p> }.into_any()
        }
        None => {
            // Who pays the postage is the city's rule on the day of submission (free in
            // Beijing, paid on delivery in Urumqi; Shanghai's sources say nothing).
            let fee = sscard_rules::parse_iso_date(&app.submitted_on)
                .and_then(|on| sscard_rules::courier_fee(app.city, on).ok().flatten())
                .map(|fee| match fee.value {
                    sscard_rules::CourierFee::Free => p.postage_free,
                    sscard_rules::CourierFee::PaidByRecipient => p.postage_on_delivery,
                });
            view! { <p>{p.pickup_mail} {fee.map(|f| format!(" {f}"))}</p> }.into_any()
        }
    }
}

/// An .ics reminder of the made-by date, offered while the card is not made yet.
fn reminder_view(t: &'static AfterTexts, app: &Application) -> Option<impl IntoView + use<>> {
    if step_of(app.status) >= 2 {
        return None;
    }
    let date: NaiveDate = parse_ymd(app.expected.production_deadline.as_deref()?)?;
    let p = t.progress();
    // The calendar entry carries the reference people quote on the phone, not the internal id.
    let ics = ics::ics_event(
        &format!("{}-made@sscard", app.reference),
        date,
        p.reminder_summary,
        &format!(
            "{} {}\n{}",
            p.reference,
            app.reference,
            fill_ask_for(t, Some(app.city), p.reminder_description)
        ),
    );
    Some(view! {
        <p class="action-link">
            <a href=ics::ics_data_href(&ics) download="sscard-made-by.ics">{p.reminder_link}</a>
        </p>
    })
}

/// The id of an application's heading (the target of the find-by-reference form).
pub(super) fn heading_id(app: &Application) -> String {
    format!("app-{}", app.id)
}

fn application_view(
    t: &'static AfterTexts,
    locale: Locale,
    app: Application,
    data: &Progress,
) -> impl IntoView + use<> {
    let p = t.progress();
    let own = app.cardholder.id == app.submitted_by.id;
    let heading = match super::replacement_heading(t, &app) {
        Some(replacement) if own => replacement,
        Some(replacement) => format!("{replacement} · {}", app.cardholder.name),
        None if own => p.own_application.to_owned(),
        None => p.child_application.fill("name", &app.cardholder.name),
    };
    let heading_id = heading_id(&app);
    let labelled_by = heading_id.clone();
    view! {
        <section class="application" aria-labelledby=labelled_by>
            // Focusable: the find-by-reference form moves focus here.
            <h2 id=heading_id tabindex="-1">{heading}</h2>
            <div class="ref-block">
                <ReferenceNumber label=p.reference reference=app.reference.clone() quote=p.quote_reference />
                <QrCodeImage text=app.reference.clone() label=p.qr_label.fill("id", &app.reference) />
                <p class="hint">{p.qr_hint}</p>
            </div>
            <h3>{p.steps_heading}</h3>
            <ol class="steps">{steps_view(t, locale, &app)}</ol>
            <h3>{p.next_heading}</h3>
            {next_view(t, locale, &app, &data.cards)}
            {reminder_view(t, &app)}
            <h3>{p.pickup_heading}</h3>
            {pickup_view(t, &app, &data.branches)}
        </section>
    }
}

/// One card with its functions and what can be done with it.
fn card_view(t: &'static AfterTexts, card: Card) -> impl IntoView {
    let p = t.progress();
    let who = if card.as_guardian {
        t.common().childs_card.fill("name", &card.holder.name)
    } else {
        t.common().own_card.to_owned()
    };
    let social = t.names().social_states.of(card.social_function);
    let financial = p.financial_states.of(card.financial_function);
    let id = api::encode(&card.id);
    let action = match card.social_function {
        SocialState::NotEnabled => Some((format!("/cards/{id}/enable"), p.enable_link)),
        SocialState::Enabled => Some((format!("/loss?card={id}"), p.loss_link)),
        _ => None,
    };
    let replace = super::replaceable(&card).then(|| format!("/replace?card={id}"));
    view! {
        <li class="card-item">
            <p class="card-item__who">{who}</p>
            <p>
                {bank_name(t, card.bank)} " · "
                {t.common().card_number.fill("number", &card.card_number_masked)}
            </p>
            <p>{social} " · " {financial}</p>
            {action.map(|(href, label)| view! { <p class="action-link"><A href=href>{label}</A></p> })}
            {replace.map(|href| view! { <p class="action-link"><A href=href>{t.progress().replace_link}</A></p> })}
        </li>
    }
}

/// The progress page (signed-in card holders and applicants).
#[component]
pub fn ProgressPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = crate::journey::use_fresh_session();
    let data = api::fetch_once(load);
    redirect_when_signed_out(
        move || matches!(data.get(), Some(Err(e)) if is_signed_out(&e)),
        "/progress".to_owned(),
    );
    use_step_meta(
        |t, _| t.after().progress().title,
        Signal::from(0),
        Signal::from(false),
    );
    move || {
        let t = after_texts(&i18n);
        let locale = i18n.locale.get();
        let p = t.progress();
        view! {
            <SessionBar texts=t session=session />
            <h1 tabindex="-1">{p.title}</h1>
            <p class="lead">{p.lead}</p>
            {move || match data.get() {
                None => view! { <Loading text=t.common().loading /> }.into_any(),
                Some(Ok(d)) => progress_view(t, locale, d).into_any(),
                Some(Err(e)) if is_signed_out(&e) => view! {
                    <p>{t.common().sign_in_needed}</p>
                    <p class="action-link"><A href=sign_in_href("/progress")>{t.common().sign_in_link}</A></p>
                }
                .into_any(),
                Some(Err(e)) => view! {
                    <p class="error-text">{super::api_error_text(t, &[], &e)}</p>
                }
                .into_any(),
            }}
            <RelatedLinks texts=t current="/progress" />
        }
    }
}

fn progress_view(t: &'static AfterTexts, locale: Locale, data: Progress) -> impl IntoView {
    let p = t.progress();
    let apps = data.applications.clone();
    let cards = data.cards.clone();
    view! {
        {apps.is_empty().then(|| view! {
            <p>{p.none}</p>
            <p class="action-link"><A href="/">{p.apply_link}</A></p>
        })}
        {apps.clone().into_iter().map(|app| application_view(t, locale, app, &data)).collect_view()}
        // After the applications, so they come first; it checks a number someone wrote down or
        // was told, and with several applications it leads to the one it names.
        {(!apps.is_empty()).then(|| view! { <FindReference texts=t applications=apps /> })}
        {(!cards.is_empty()).then(|| view! {
            <h2>{p.cards_heading}</h2>
            <ul class="card-list">{cards.into_iter().map(|c| card_view(t, c)).collect_view()}</ul>
        })}
    }
}

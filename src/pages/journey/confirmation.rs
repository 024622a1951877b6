use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use sscard_rules::wire::{Application, Branch, BranchQuery};
use sscard_rules::{Actor, PickupMethod};

use crate::api;
use crate::components::{QrCodeImage, ReferenceNumber, use_page_meta};
use crate::format;
use crate::i18n::Fill;
use crate::i18n::use_i18n;
use crate::ics;

/// `/apply/confirmation/:id`: the hotline reference number (large, grouped, selectable, and as a
/// QR code) with the line to quote it when calling 96066, what happens next with the rule
/// engine's dates, where to collect and what to bring, how to enable the card, print, a calendar
/// reminder and a link to track progress. It loads the application from the server, so it works
/// again from a bookmark.
#[component]
pub fn ConfirmationPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    use_page_meta(|t| t.confirmation().conf_title);
    let application = api::fetch_for(id, |id: String| async move {
        let app = api::application(&id).await.ok()?;
        let branch = match (&app.branch_id, app.pickup) {
            (Some(branch_id), PickupMethod::Branch) => api::branches(
                app.city.id(),
                &BranchQuery {
                    bank: app.bank.map(|b| b.id().to_owned()),
                    ..Default::default()
                },
            )
            .await
            .ok()
            .and_then(|list| list.into_iter().find(|b| &b.id == branch_id)),
            _ => None,
        };
        Some((app, branch))
    });
    move || {
        let t = i18n.t();
        let k = t.confirmation();
        match application.get() {
            // While loading, the same panel and QR space as the loaded page, so nothing moves
            // when the application arrives.
            None => view! {
                <div class="confirmation-panel">
                    <h1 tabindex="-1">{k.conf_title}</h1>
                    <ReferenceNumber label=k.conf_reference reference=k.loading.to_owned() quote=k.conf_help />
                </div>
                <div class="qr"></div>
            }
            .into_any(),
            Some(None) => view! {
                <h1 tabindex="-1">{t.not_found_title}</h1>
                <p>{k.conf_not_found}</p>
                <p><A href="/progress">{k.conf_track}</A></p>
            }
            .into_any(),
            Some(Some((app, branch))) => {
                view! { <Confirmation app=app branch=branch /> }.into_any()
            }
        }
    }
}

/// The body of the confirmation page for one application.
#[component]
fn Confirmation(app: Application, branch: Option<Branch>) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t();
    let k = t.confirmation();
    let locale = i18n.locale.get_untracked();
    let deadline = app
        .expected
        .production_deadline
        .as_deref()
        .and_then(sscard_rules::parse_iso_date);
    let submitted = sscard_rules::parse_iso_date(&app.submitted_on);
    let made_by = deadline.map(|d| {
        // A replacement is made within working days (Q30), an application within natural days.
        let (text, days) = match (&app.replacement, Some(app.city)) {
            (Some(_), Some(city)) => (
                &k.tl_working_days,
                sscard_rules::param_u32(
                    city,
                    sscard_rules::NumericParam::ReplacementWorkingDays,
                    submitted.unwrap_or(d),
                )
                .map_or(0, |p| i64::from(p.value)),
            ),
            _ => (&k.tl_natural_days, (d - submitted.unwrap_or(d)).num_days()),
        };
        text.fill("n", days).fill("date", &format::date(locale, d))
    });
    // The calendar entry carries the reference people quote on the phone, not the internal id.
    let ics_href = deadline.map(|d| {
        ics::ics_data_href(&ics::ics_event(
            &format!("{}@sscard", app.reference),
            d,
            k.ics_summary,
            &format!("{} {}\n{}", k.conf_reference, app.reference, k.conf_help),
        ))
    });
    let guardian = app.actor == Actor::Guardian;
    // The loading state's heading had focus; it has just been replaced by this one.
    request_animation_frame(crate::dom::focus_main_heading);
    let by_post = app.pickup == PickupMethod::Mail;
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="confirmation-panel">
            <h1 tabindex="-1">{k.conf_title}</h1>
            <ReferenceNumber label=k.conf_reference reference=app.reference.clone() quote=k.conf_help id="reference" />
        </div>
        <QrCodeImage text=app.reference.clone() label=k.conf_qr />
        <h2>{k.conf_next}</h2>
        <ul class="list">
            {match made_by {
                Some(m) => view! { <li>{m}</li> }.into_any(),
                // The city's sources state no production time: said, not guessed.
                None => view! { <li>{k.tl_not_stated}</li> }.into_any(),
            }}
            {(app.expected.plus_postal_transit || by_post).then(|| view! { <li>{k.step_wait_for_post}</li> })}
            {branch.map(|b| view! { <li>{k.step_collect} ": " <strong>{b.name}</strong> " · " {b.address} " · " {k.branch_hours.fill("hours", &b.opening_hours)}</li> })}
            <li>{if guardian { k.conf_bring_guardian } else { k.conf_bring }}</li>
            {by_post.then(|| view! { <li>{k.conf_enable}</li> })}
        </ul>
        <div class="button-row no-print">
            <button type="button" class="button button--secondary" on:click=print>{k.conf_print}</button>
            {ics_href.map(|href| view! { <a class="button button--secondary" href=href download="sscard-reminder.ics">{k.conf_ics}</a> })}
            <A href="/progress" attr:class="button">{k.conf_track}</A>
        </div>
    }
}

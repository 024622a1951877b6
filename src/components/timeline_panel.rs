use leptos::prelude::*;
use sscard_rules::{
    Calendar, Certainty, PickupChoice, Production, StepKind, TimelinePreview, preview_timeline,
};

use super::WhyDetails;
use crate::format;
use crate::i18n::Fill;
use crate::i18n::{Locale, Texts, use_i18n};
use crate::journey::{timeline_request, use_journey_answers};

/// The expected dates of the application as currently answered, recomputed by the rule engine
/// in the browser whenever an answer changes: when the card is made by, that postage is extra,
/// and the steps after it, with the "why".
#[component]
pub fn TimelinePanel(
    /// The pickup method to assume while none is chosen yet (the eligibility result previews
    /// "by post" so the person sees dates before giving any personal data).
    #[prop(optional)]
    assume_pickup: Option<PickupChoice>,
) -> impl IntoView {
    let i18n = use_i18n();
    let journey = use_journey_answers();
    let preview = Memo::new(move |_| {
        let today = journey.today.get();
        let city = journey.city.get();
        journey
            .answers
            .with(|a| {
                if a.pickup.is_none() && assume_pickup.is_some() {
                    let mut assumed = a.clone();
                    assumed.pickup = assume_pickup;
                    timeline_request(&assumed, city, today)
                } else {
                    timeline_request(a, city, today)
                }
            })
            .map(|req| preview_timeline(&req, Calendar::current()))
    });
    view! {
        <aside class="timeline" aria-labelledby="timeline-heading" aria-live="polite">
            {move || {
                let t = i18n.t();
                let locale = i18n.locale.get();
                let body = match preview.get() {
                    None => view! { <p>{t.journey().tl_choose_pickup}</p> }.into_any(),
                    Some(Err(_)) => view! { <p>{t.journey().tl_unavailable}</p> }.into_any(),
                    Some(Ok(explained)) => {
                        view! {
                            <TimelineBody preview=explained.result.clone() t=t locale=locale />
                            <WhyDetails trace=explained.trace.clone() summary=t.journey().why_summary />
                        }
                            .into_any()
                    }
                };
                view! {
                    <h2 id="timeline-heading" class="timeline__heading">{t.journey().tl_heading}</h2>
                    {body}
                }
            }}
        </aside>
    }
}

/// The production line, the estimate notice and the steps of one preview.
#[component]
fn TimelineBody(preview: TimelinePreview, t: &'static Texts, locale: Locale) -> impl IntoView {
    let j = t.journey();
    let k = t.confirmation();
    let production = match &preview.production {
        Production::OnTheSpot { minutes } => {
            j.tl_on_the_spot.fill("n", i64::from(minutes.unwrap_or(10)))
        }
        Production::NaturalDays { days, made_by } => k
            .tl_natural_days
            .fill("n", i64::from(*days))
            .fill("date", &format::date(locale, *made_by)),
        Production::WorkingDays { days, made_by, .. } => k
            .tl_working_days
            .fill("n", i64::from(*days))
            .fill("date", &format::date(locale, *made_by)),
        Production::NotStated => k.tl_not_stated.to_string(),
    };
    let estimate = match &preview.certainty {
        Certainty::Estimate {
            unpublished_years, ..
        } => {
            let years = unpublished_years
                .iter()
                .map(i32::to_string)
                .collect::<Vec<_>>()
                .join("、");
            Some(view! { <p class="timeline__estimate">{j.tl_estimate.fill("years", &years)}</p> })
        }
        _ => None,
    };
    let steps = preview
        .steps
        .iter()
        .map(|step| {
            let text = match step.step {
                StepKind::WaitForPost => k.step_wait_for_post,
                StepKind::CollectAtBranch => k.step_collect,
                StepKind::CardInHand => j.step_in_hand,
                StepKind::EnableSocialFunction => j.step_enable,
                StepKind::ActivateBankFunction => j.step_activate,
                StepKind::OldCardMedicalEnds => j.step_old_card,
                StepKind::CancelAtOldBank => j.step_cancel_old,
                StepKind::ChangeKeyDataFirst => j.step_key_data_first,
                StepKind::SignAndPayPostage => j.step_sign_and_pay,
                StepKind::ReceiveFromEmployer => j.step_from_employer,
                StepKind::UpdatePensionAccount => j.step_pension_account,
                StepKind::TransportBalanceRefund => j.step_transport_refund,
            };
            let note = step.done_at_collection.then_some(j.step_done_at_collection);
            view! {
                <li>
                    {text} {note.map(|n| view! { <span class="timeline__note">" (" {n} ")"</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="timeline__made-by">{production}</p>
        {estimate}
        <ol class="timeline__steps">{steps}</ol>
    }
}

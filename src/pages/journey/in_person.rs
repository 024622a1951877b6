use leptos::prelude::*;
use leptos_router::components::A;
use sscard_rules::PickupChoice;

use crate::components::{BackLink, TimelinePanel, use_page_title};
use crate::i18n::Fill;
use crate::i18n::use_i18n;
use crate::journey::{Step, branches_of, use_journey_answers};
use crate::policy_text::fill_params_here;

/// `/apply/in-person`: on-the-spot card making and home visits are done in person, not online.
/// Says so plainly, lists the (sample) branches that can help and offers another way.
#[component]
pub fn InPersonPage() -> impl IntoView {
    crate::journey::guard_application_step();
    let i18n = use_i18n();
    let journey = use_journey_answers();
    let door = move || {
        journey
            .answers
            .with(|a| a.pickup == Some(PickupChoice::Door))
    };
    use_page_title(
        move |t| {
            if journey
                .answers
                .with_untracked(|a| a.pickup == Some(PickupChoice::Door))
            {
                t.journey().in_person_door_title.into()
            } else {
                t.journey().in_person_instant_title.into()
            }
        },
        Signal::from(false),
    );
    let bank = journey.answers.get_untracked().bank;
    let branches = branches_of(journey.city.get_untracked(), bank, true);
    let page = move || {
        let t = i18n.t();
        let j = t.journey();
        let k = t.confirmation();
        let answers = journey.answers.get_untracked();
        let (title, body) = if door() {
            (j.in_person_door_title, j.in_person_door_body)
        } else {
            (j.in_person_instant_title, j.in_person_instant_body)
        };
        let list = branches
            .get()
            .unwrap_or_default()
            .into_iter()
            .map(|b| {
                view! {
                    <li>
                        <strong>{b.name}</strong> " · " {b.district} " · " {b.address} " · "
                        {k.branch_hours.fill("hours", &b.opening_hours)}
                    </li>
                }
            })
            .collect_view();
        view! {
            <BackLink href=Step::InPerson.back(&answers) label=t.back />
            <h1 tabindex="-1">{title}</h1>
            <p>{fill_params_here(body)}</p>
            {answers.is_guardian().then(|| view! { <p class="notice">{j.pickup_minor_note}</p> })}
            <h2>{j.in_person_branches}</h2>
            <p class="notice notice--sample">{j.branch_sample}</p>
            <ul class="list">{list}</ul>
            <p>
                <A href=Step::Pickup.path() attr:class="button button--secondary">{j.in_person_change}</A>
            </p>
        }
    };
    view! {
        {page}
        <TimelinePanel />
    }
}

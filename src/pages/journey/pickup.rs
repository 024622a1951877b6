use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use sscard_rules::PickupChoice;

use crate::components::{
    BackLink, ErrorSummary, FormErrors, RadioGroup, RadioOption, TimelinePanel, msg,
    use_page_meta_with_errors,
};
use crate::i18n::use_i18n;
use crate::journey::{Step, next_after, use_journey_answers};
use crate::policy_text::fill_params_here;

/// `/apply/pickup`: how the card reaches the person. The timeline beside the choices follows the
/// radio picked, before Continue, so the dates of each way can be compared.
#[component]
pub fn PickupPage() -> impl IntoView {
    crate::journey::guard_application_step();
    let i18n = use_i18n();
    let journey = use_journey_answers();
    let navigate = use_navigate();
    let selected = RwSignal::new(
        journey
            .answers
            .get_untracked()
            .pickup
            .map(|p| p.id().to_owned()),
    );
    let errors = FormErrors::new();
    use_page_meta_with_errors(|t| t.journey().pickup_title, errors.any());
    // A city that posts every card (`application_terms` offers one way) has no choice to make
    // here: a link or a bookmark to this page goes on to the address.
    let navigate_on = navigate.clone();
    Effect::new(move |_| {
        let one_way = sscard_rules::application_terms(journey.city.get(), journey.today.get())
            .ok()
            .flatten()
            .is_some_and(|terms| terms.pickups.len() == 1);
        if one_way {
            navigate_on(
                Step::Address.path(),
                leptos_router::NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    // Live preview: the panel reads the answers, so a new choice is saved as soon as it is made.
    Effect::new(move |_| {
        let choice = selected.get().as_deref().and_then(PickupChoice::from_id);
        if choice.is_some() && choice != journey.answers.get_untracked().pickup {
            journey.answers.update(|a| a.pickup = choice);
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match selected
            .get_untracked()
            .as_deref()
            .and_then(PickupChoice::from_id)
        {
            None => errors.set(vec![("pickup", msg(|t| t.journey().pickup_error))]),
            Some(pickup) => {
                errors.set(Vec::new());
                journey.save(|a| a.pickup = Some(pickup));
                navigate(
                    next_after(Step::Pickup, &journey.answers.get_untracked()).path(),
                    Default::default(),
                );
            }
        }
    };
    let page = move || {
        let t = i18n.t();
        let j = t.journey();
        let answers = journey.answers.get_untracked();
        let option = |value: PickupChoice, label: &'static str, hint: &'static str| RadioOption {
            value: value.id().into(),
            label: label.into(),
            hint: Some(fill_params_here(hint)),
        };
        view! {
            <BackLink href=Step::Pickup.back(&answers) label=t.back />
            <ErrorSummary title=t.error_summary_title errors=errors.summary() />
            <form novalidate on:submit=on_submit.clone()>
                <RadioGroup
                    name="pickup"
                    legend=j.pickup_title
                    legend_is_heading=true
                    options=vec![
                        option(PickupChoice::Mail, j.pickup_mail, j.pickup_mail_hint),
                        option(PickupChoice::Branch, j.pickup_branch, j.pickup_branch_hint),
                        option(PickupChoice::OnTheSpot, j.pickup_instant, j.pickup_instant_hint),
                        option(PickupChoice::Door, j.pickup_door, j.pickup_door_hint),
                    ]
                    selected=selected
                    error=errors.field("pickup")
                />
                {answers.is_guardian().then(|| view! { <p class="notice">{j.pickup_minor_note}</p> })}
                <button class="button" type="submit">
                    {j.continue_button}
                </button>
            </form>
        }
    };
    view! {
        {page}
        <TimelinePanel />
    }
}

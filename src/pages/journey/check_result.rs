use leptos::prelude::*;
use leptos_router::components::A;
use sscard_rules::{CardHeld, Outcome, PickupChoice, evaluate_eligibility};

use crate::components::{BackLink, CityLine, TimelinePanel, WhyDetails, use_page_title};
use crate::eligibility_text;
use crate::i18n::{Locale, use_i18n};
use crate::journey::{Step, eligibility_input, first_unanswered_check, use_journey_answers};
use crate::policy_text::try_fill_params;

/// `/check/result`: the rule engine's verdict with its reasons, what to do instead, the sources
/// ("why") and, when eligible, the expected dates and the way into the application. Not being
/// eligible is a page that helps, not an error.
#[component]
pub fn CheckResultPage() -> impl IntoView {
    let i18n = use_i18n();
    let journey = use_journey_answers();
    let verdict = Memo::new(move |_| {
        let today = journey.today.get();
        let city = journey.city.get();
        let input = journey
            .answers
            .with(|a| eligibility_input(a, city, today))
            .ok()?;
        evaluate_eligibility(&input).ok()
    });
    // A deep link (a bookmark) with questions still open goes to the first of them, every
    // answer kept, rather than a verdict on nothing.
    let navigate = leptos_router::hooks::use_navigate();
    Effect::new(move |_| {
        if !journey.answers_settled.get() {
            return;
        }
        if let Some(step) = journey.answers.with(first_unanswered_check) {
            navigate(
                step.path(),
                leptos_router::NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    use_page_title(
        move |t| match verdict.get_untracked().map(|v| v.result.outcome) {
            Some(Outcome::Eligible) => t.journey().result_eligible_title.into(),
            Some(Outcome::NeedsInPersonCheck) => t.journey().result_check_title.into(),
            Some(Outcome::OtherChannel) => t.cities().result_other_title.into(),
            _ => t.journey().result_not_title.into(),
        },
        Signal::from(false),
    );
    move || {
        let t = i18n.t();
        let locale = i18n.locale.get();
        let answers = journey.answers.get_untracked();
        let Some(explained) = verdict.get() else {
            // Answers missing (e.g. the page was opened directly): start the check again.
            return view! {
                <h1 tabindex="-1">{t.journey().result_not_title}</h1>
                <p>
                    <A href=Step::CheckWho.path() attr:class="button">{t.journey().result_restart}</A>
                </p>
            }
            .into_any();
        };
        let result = explained.result;
        let (title, class) = match result.outcome {
            Outcome::Eligible => (t.journey().result_eligible_title, "result result--eligible"),
            Outcome::NeedsInPersonCheck => (t.journey().result_check_title, "result result--check"),
            Outcome::OtherChannel => (t.cities().result_other_title, "result result--check"),
            Outcome::NotEligible => (t.journey().result_not_title, "result result--not"),
        };
        let reasons = result
            .reasons
            .iter()
            .map(|r| view! { <li>{eligibility_text::reason(t, locale, r)}</li> })
            .collect_view();
        let alternatives = (!result.alternatives.is_empty()).then(|| {
            let items = result
                .alternatives
                .iter()
                .map(|a| view! { <li>{eligibility_text::alternative(t, locale, a)}</li> })
                .collect_view();
            view! {
                <h2>{t.journey().result_alternatives_heading}</h2>
                <ul class="list">{items}</ul>
            }
        });
        let eligible = result.outcome == Outcome::Eligible;
        let third_card = eligible && answers.card_held == Some(CardHeld::ThirdGeneration);
        view! {
            <BackLink href=Step::CheckResult.back(&answers) label=t.back />
            <div class=class>
                <h1 tabindex="-1">{title}</h1>
            </div>
            <CityLine />
            <h2>{t.journey().result_reasons_heading}</h2>
            <ul class="list">{reasons}</ul>
            {alternatives}
            <WhyDetails trace=explained.trace summary=t.journey().why_summary />
            {third_card.then(|| {
                // How long a replacement takes, where the city's policy says.
                let (city, today) = (journey.city.get(), journey.today.get());
                let times = try_fill_params(t.journey().result_third_card_times, city, today);
                // Chinese sentences follow each other without a space; English ones with one.
                let gap = if locale == Locale::En { " " } else { "" };
                let text = match times {
                    Some(times) => format!("{}{gap}{times}", t.journey().result_third_card),
                    None => t.journey().result_third_card.to_owned(),
                };
                view! { <p class="notice">{text}</p> }
            })}
            {(eligible && !third_card)
                .then(|| {
                    view! {
                        <TimelinePanel assume_pickup=PickupChoice::Mail />
                        <p class="button-row">
                            <A href=Step::Details.path() attr:class="button">{t.journey().result_apply_button}</A>
                        </p>
                    }
                })}
            <p>
                <A href=Step::CheckWho.path()>{t.journey().result_restart}</A>
            </p>
        }
        .into_any()
    }
}

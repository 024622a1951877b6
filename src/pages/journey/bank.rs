use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use sscard_rules::wire::BranchQuery;
use sscard_rules::{ApplicationTerms, Bank, PickupChoice, application_terms};

use crate::api;
use crate::components::{
    BackLink, ErrorSummary, FormErrors, RadioGroup, RadioOption, msg, use_page_meta_with_errors,
};
use crate::format;
use crate::i18n::Fill;
use crate::i18n::{Locale, use_i18n};
use crate::journey::{Step, next_after, use_journey_answers};

/// `/apply/bank`: the banks of the city's online application (`application_terms`), compared
/// neutrally (can it post the card, how many branches make cards on the spot), with the plain
/// statement that no other product of the bank is required. Where the sources count the banks
/// but name none (Shanghai), the page says so and offers no choice.
#[component]
pub fn BankPage() -> impl IntoView {
    crate::journey::guard_application_step();
    let i18n = use_i18n();
    let journey = use_journey_answers();
    let navigate = use_navigate();
    let selected = RwSignal::new(
        journey
            .answers
            .get_untracked()
            .bank
            .map(|b| b.id().to_owned()),
    );
    let errors = FormErrors::new();
    use_page_meta_with_errors(|t| t.journey().bank_title, errors.any());
    // Instant branches per bank come from the server's (sample) branch list.
    let instant = api::fetch_once(move || async move {
        api::branches(
            journey.city.get_untracked().id(),
            &BranchQuery {
                on_the_spot: Some(true),
                ..Default::default()
            },
        )
        .await
        .unwrap_or_default()
    });
    let terms = Memo::new(move |_| {
        application_terms(journey.city.get(), journey.today.get())
            .ok()
            .flatten()
    });
    // A bank saved earlier that this city's online application does not offer (an old draft)
    // is not shown as chosen.
    Effect::new(move |_| {
        if let Some(terms) = terms.get()
            && selected
                .get_untracked()
                .is_some_and(|id| !terms.banks.iter().any(|b| b.bank.id() == id))
        {
            selected.set(None);
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(terms) = terms.get_untracked() else {
            return;
        };
        // The one way the card comes, where the city offers one (posted in Shanghai and Urumqi).
        let only_pickup = match terms.pickups.as_slice() {
            [only] => PickupChoice::of_method(*only),
            _ => None,
        };
        match selected.get_untracked().as_deref().and_then(Bank::from_id) {
            None if terms.banks_named() => {
                errors.set(vec![("bank", msg(|t| t.journey().bank_error))])
            }
            bank => {
                errors.set(Vec::new());
                journey.save(|a| {
                    if a.bank != bank {
                        // A branch belongs to a bank: a new bank needs a new branch.
                        a.branch_id = None;
                    }
                    a.bank = bank;
                    if only_pickup.is_some() {
                        a.pickup = only_pickup;
                    }
                });
                navigate(
                    next_after(Step::Bank, &journey.answers.get_untracked()).path(),
                    Default::default(),
                );
            }
        }
    };
    move || {
        let t = i18n.t();
        let locale = i18n.locale.get();
        let answers = journey.answers.get_untracked();
        let branch_list = instant.get().unwrap_or_default();
        let terms = terms.get();
        let citation = terms
            .as_ref()
            .map(|p| {
                p.bank_citations
                    .iter()
                    .map(|c| format::citation(t, c))
                    .collect::<Vec<_>>()
                    .join("；")
            })
            .unwrap_or_default();
        let named = terms.as_ref().is_none_or(ApplicationTerms::banks_named);
        let count = terms.as_ref().map_or(0, |p| p.bank_count);
        let options = terms
            .map(|p| p.banks)
            .unwrap_or_default()
            .into_iter()
            .map(|b| {
                let count = branch_list
                    .iter()
                    .filter(|br| br.bank == b.bank.id())
                    .count();
                let mut facts = Vec::new();
                if b.posts_cards {
                    facts.push(t.journey().bank_posts.to_string());
                }
                facts.push(
                    t.journey()
                        .bank_instant
                        .fill("n", i64::try_from(count).unwrap_or(i64::MAX)),
                );
                RadioOption {
                    value: b.bank.id().to_string(),
                    label: if locale == Locale::En {
                        b.name_en.to_string()
                    } else {
                        b.name_zh.to_string()
                    },
                    hint: Some(facts.join(" · ")),
                }
            })
            .collect::<Vec<_>>();
        view! {
            <BackLink href=Step::Bank.back(&answers) label=t.back />
            <ErrorSummary title=t.error_summary_title errors=errors.summary() />
            <h1 tabindex="-1">{t.journey().bank_title}</h1>
            {if named {
                view! { <p>{t.journey().bank_lead}</p> }.into_any()
            } else {
                view! {
                    <p class="notice">
                        {t.cities().bank_not_named.fill("n", &count.to_string())}
                    </p>
                }
                .into_any()
            }}
            <form novalidate on:submit=on_submit.clone()>
                {named.then(|| view! {
                    <RadioGroup
                        name="bank"
                        legend=t.journey().bank_title
                        options=options
                        selected=selected
                        error=errors.field("bank")
                    />
                })}
                <button class="button" type="submit">
                    {t.journey().continue_button}
                </button>
            </form>
            <p class="source">{t.journey().bank_source} ": " {citation}</p>
        }
    }
}

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use sscard_rules::banks;
use sscard_rules::wire::BranchQuery;

use crate::api;
use crate::components::{
    BackLink, ErrorSummary, FormErrors, RadioGroup, RadioOption, msg, use_page_meta_with_errors,
};
use crate::format;
use crate::i18n::{Locale, use_i18n};
use crate::journey::{Step, next_after, use_journey_answers};

/// `/apply/bank`: the city's cooperating banks, compared neutrally (can it post the card, how
/// many branches make cards on the spot), with the plain statement that no other product of
/// the bank is required.
#[component]
pub fn BankPage() -> impl IntoView {
    crate::journey::guard_application_step();
    let i18n = use_i18n();
    let journey = use_journey_answers();
    let navigate = use_navigate();
    let selected = RwSignal::new(journey.answers.get_untracked().bank);
    let errors = FormErrors::new();
    use_page_meta_with_errors(|t| t.journey().bank_title, errors.any());
    // Instant branches per bank come from the server's (sample) branch list.
    let instant = LocalResource::new(move || async move {
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
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match selected.get_untracked() {
            None => errors.set(vec![("bank", msg(|t| t.journey().bank_error))]),
            Some(bank) => {
                errors.set(Vec::new());
                journey.save(|a| {
                    if a.bank.as_deref() != Some(bank.as_str()) {
                        // A branch belongs to a bank: a new bank needs a new branch.
                        a.branch_id = None;
                    }
                    a.bank = Some(bank);
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
        let list = banks(journey.city.get(), journey.today.get()).ok();
        let citation = list
            .as_ref()
            .map(|p| format::citation(t, &p.citation))
            .unwrap_or_default();
        let options = list
            .map(|p| p.value)
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
                facts.push(t.journey().bank_instant.replace("{n}", &count.to_string()));
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
            <p>{t.journey().bank_lead}</p>
            <form novalidate on:submit=on_submit.clone()>
                <RadioGroup
                    name="bank"
                    legend=t.journey().bank_title
                    options=options
                    selected=selected
                    error=errors.field("bank")
                />
                <button class="button" type="submit">
                    {t.journey().continue_button}
                </button>
            </form>
            <p class="source">{t.journey().bank_source} ": " {citation}</p>
        }
    }
}

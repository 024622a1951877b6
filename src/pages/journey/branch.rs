use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::components::{
    BackLink, ErrorSummary, FormErrors, RadioGroup, RadioOption, TimelinePanel, msg,
    use_page_meta_with_errors,
};
use crate::i18n::Fill;
use crate::i18n::use_i18n;
use crate::journey::{Step, branches_of, next_after, use_journey_answers};

/// `/apply/branch`: a branch finder for the chosen bank, filtered by district and by on-the-spot
/// card making. The filters are kept with the answers.
#[component]
pub fn BranchPage() -> impl IntoView {
    crate::journey::guard_application_step();
    let i18n = use_i18n();
    let journey = use_journey_answers();
    let navigate = use_navigate();
    let a = journey.answers.get_untracked();
    let selected = RwSignal::new(a.branch_id.clone());
    let district = RwSignal::new(a.district.clone());
    let on_the_spot = RwSignal::new(a.on_the_spot_only);
    let errors = FormErrors::new();
    use_page_meta_with_errors(|t| t.journey().branch_title, errors.any());
    let branches = branches_of(journey.city.get_untracked(), a.bank, false);
    Effect::new(move |_| {
        let (d, o) = (district.get(), on_the_spot.get());
        journey.answers.update(|a| {
            a.district = d;
            a.on_the_spot_only = o;
        });
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match selected.get_untracked() {
            None => errors.set(vec![("branch", msg(|t| t.journey().branch_error))]),
            Some(id) => {
                errors.set(Vec::new());
                journey.save(|a| a.branch_id = Some(id));
                navigate(
                    next_after(Step::Branch, &journey.answers.get_untracked()).path(),
                    Default::default(),
                );
            }
        }
    };
    let page = move || {
        let t = i18n.t();
        let j = t.journey();
        let k = t.confirmation();
        let answers = journey.answers.get_untracked();
        let all = branches.get().unwrap_or_default();
        let mut districts: Vec<String> = all.iter().map(|b| b.district.clone()).collect();
        districts.sort();
        districts.dedup();
        let shown: Vec<RadioOption> = all
            .iter()
            .filter(|b| district.with(|d| d.is_empty() || *d == b.district))
            .filter(|b| !on_the_spot.get() || b.makes_cards_on_the_spot)
            .map(|b| {
                let mut hint = format!("{} · {}", b.district, b.address);
                hint.push_str(" · ");
                hint.push_str(&k.branch_hours.fill("hours", &b.opening_hours));
                if b.makes_cards_on_the_spot {
                    hint.push_str(" · ");
                    hint.push_str(j.branch_instant_badge);
                }
                RadioOption {
                    value: b.id.clone(),
                    label: b.name.clone(),
                    hint: Some(hint),
                }
            })
            .collect();
        let district_options = districts
            .into_iter()
            .map(|d| {
                let selected_now = district.get_untracked() == d;
                view! { <option value=d.clone() selected=selected_now>{d.clone()}</option> }
            })
            .collect_view();
        let list = if shown.is_empty() {
            view! { <p id="branch" tabindex="-1">{if branches.get().is_none() { k.loading } else { j.branch_none }}</p> }.into_any()
        } else {
            view! { <RadioGroup name="branch" legend=j.branch_title options=shown selected=selected error=errors.field("branch") /> }.into_any()
        };
        view! {
            <BackLink href=Step::Branch.back(&answers) label=t.back />
            <ErrorSummary title=t.error_summary_title errors=errors.summary() />
            <h1 tabindex="-1">{j.branch_title}</h1>
            <p class="notice notice--sample">{j.branch_sample}</p>
            <div class="filters">
                <div class="field">
                    <label class="field__label" for="district">{j.district_label}</label>
                    <select
                        id="district"
                        class="input input--20"
                        on:change:target=move |ev| district.set(ev.target().value())
                        prop:value=move || district.get()
                    >
                        <option value="">{j.district_all}</option>
                        {district_options}
                    </select>
                </div>
                <div class="checkbox">
                    <input
                        class="checkbox__input"
                        type="checkbox"
                        id="on-the-spot"
                        prop:checked=move || on_the_spot.get()
                        on:change:target=move |ev| on_the_spot.set(ev.target().checked())
                    />
                    <label class="checkbox__label" for="on-the-spot">{j.on_the_spot_only}</label>
                </div>
            </div>
            <form novalidate on:submit=on_submit.clone()>
                {list}
                <button class="button" type="submit">{j.continue_button}</button>
            </form>
        }
    };
    view! {
        {page}
        <TimelinePanel />
    }
}

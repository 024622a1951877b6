use leptos::prelude::*;

/// A memorable date as three inputs (年 / 月 / 日) in a fieldset, GOV.UK style: numeric keyboard,
/// no calendar widget, the error above the inputs. The error summary links to `{id}-year`.
#[component]
pub fn DateFields(
    /// Prefix of the three inputs' ids.
    id: &'static str,
    /// The question, as the fieldset's legend.
    legend: &'static str,
    /// Whether the legend is the page's `<h1>`.
    #[prop(optional)]
    legend_is_heading: bool,
    /// Help under the legend.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Labels of the year, month and day inputs.
    labels: [&'static str; 3],
    /// The year as typed.
    year: RwSignal<String>,
    /// The month as typed.
    month: RwSignal<String>,
    /// The day as typed.
    day: RwSignal<String>,
    /// The message shown when the date is not accepted.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = super::text_field::described_by(id, hint.is_some(), error);
    let input = move |suffix: &'static str,
                      label: &'static str,
                      value: RwSignal<String>,
                      width: &'static str| {
        let input_id = format!("{id}-{suffix}");
        view! {
            <div class="date-input__item">
                <label class="date-input__label" for=input_id.clone()>
                    {label}
                </label>
                <input
                    class=format!("input {width}")
                    id=input_id.clone()
                    name=input_id
                    type="text"
                    inputmode="numeric"
                    autocomplete=if suffix == "year" { "bday-year" } else if suffix == "month" { "bday-month" } else { "bday-day" }
                    aria-invalid=move || error.get().is_some().then_some("true")
                    bind:value=value
                />
            </div>
        }
    };
    view! {
        <div class="field" class:field--error=move || error.get().is_some()>
            <fieldset class="fieldset" role="group" aria-describedby=described>
                <legend class=if legend_is_heading { "fieldset__legend fieldset__legend--heading" } else { "fieldset__legend" }>
                    {if legend_is_heading {
                        view! { <h1 tabindex="-1">{legend}</h1> }.into_any()
                    } else {
                        legend.into_any()
                    }}
                </legend>
                {hint.map(|h| view! { <p class="field__hint" id=hint_id.clone()>{h}</p> })}
                {move || error.get().map(|m| view! { <p class="field__error" id=error_id.clone()>{m}</p> })}
                <div class="date-input">
                    {input("year", labels[0], year, "input--4")}
                    {input("month", labels[1], month, "input--2")}
                    {input("day", labels[2], day, "input--2")}
                </div>
            </fieldset>
        </div>
    }
}

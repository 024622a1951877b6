use leptos::prelude::*;

/// One choice of a [`RadioGroup`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RadioOption {
    /// The value stored when this choice is picked.
    pub value: String,
    /// The visible label.
    pub label: String,
    /// Optional help under the label.
    pub hint: Option<String>,
}

/// A fieldset of radio buttons with a legend (the question), an optional hint and an inline error
/// (GOV.UK radios). The first radio's id is `{name}` so the error summary can link to it.
#[component]
pub fn RadioGroup(
    /// The group's name; also the id of its first radio.
    name: &'static str,
    /// The question, as the fieldset's legend.
    legend: &'static str,
    /// Whether the legend is the page's heading (one-question pages).
    #[prop(optional)]
    legend_is_heading: bool,
    /// The choices, in order.
    options: Vec<RadioOption>,
    /// The picked value, two-way bound.
    selected: RwSignal<Option<String>>,
    /// The message shown above the choices when nothing valid is picked.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Help text under the legend (`None` for no hint).
    #[prop(default = None)]
    hint: Option<&'static str>,
) -> impl IntoView {
    let error_id = format!("{name}-error");
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(index, option)| {
            let id = if index == 0 {
                name.to_string()
            } else {
                format!("{name}-{index}")
            };
            let value = option.value.clone();
            let checked = {
                let value = value.clone();
                move || selected.get().as_deref() == Some(value.as_str())
            };
            let hint_id = format!("{id}-hint");
            view! {
                <div class="radio">
                    <input
                        class="radio__input"
                        type="radio"
                        id=id.clone()
                        name=name
                        value=value.clone()
                        prop:checked=checked
                        aria-describedby=option.hint.as_ref().map(|_| hint_id.clone())
                        on:change=move |_| selected.set(Some(value.clone()))
                    />
                    <label class="radio__label" for=id>
                        {option.label}
                    </label>
                    {option.hint.map(|h| view! { <p class="radio__hint" id=hint_id>{h}</p> })}
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="field" class:field--error=move || error.get().is_some()>
            <fieldset class="fieldset">
                <legend class=if legend_is_heading { "fieldset__legend fieldset__legend--heading" } else { "fieldset__legend" }>
                    {if legend_is_heading {
                        view! { <h1 tabindex="-1">{legend}</h1> }.into_any()
                    } else {
                        legend.into_any()
                    }}
                </legend>
                {hint.map(|h| view! { <p class="field__hint">{h}</p> })}
                {move || {
                    error.get().map(|message| view! { <p class="field__error" id=error_id.clone()>{message}</p> })
                }}
                <div class="radios">{radios}</div>
            </fieldset>
        </div>
    }
}

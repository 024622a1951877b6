use leptos::prelude::*;

/// A labelled password input with a hint and an inline error (GOV.UK password input). The value
/// lives in the caller's signal, so nothing typed is lost when the page shows errors.
#[component]
pub fn PasswordField(
    /// The input's `id`, also the target of the error summary's link.
    id: &'static str,
    /// The visible label.
    label: &'static str,
    /// The value, two-way bound.
    value: RwSignal<String>,
    /// The message shown above the input when it has a problem.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Help text under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// `current-password` or `new-password`, so password managers fill or offer the right one.
    autocomplete: &'static str,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field--error=move || error.get().is_some()>
            <label class="field__label" for=id>{label}</label>
            {hint.map(|h| view! { <p class="field__hint" id=hint_id.clone()>{h}</p> })}
            {move || error.get().map(|m| view! { <p class="field__error" id=error_id.clone()>{m}</p> })}
            <input
                class="input input--6"
                id=id
                name=id
                type="password"
                // Service passwords are 6 digits: bring up the number pad on phones.
                inputmode="numeric"
                autocomplete=autocomplete
                spellcheck="false"
                aria-describedby=described_by
                aria-invalid=move || error.get().is_some().then_some("true")
                bind:value=value
            />
        </div>
    }
}

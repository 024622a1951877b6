use leptos::prelude::*;

/// A labelled text input with an optional hint and an inline error message (GOV.UK text input).
/// The value lives in the caller's signal, so nothing typed is lost when the page re-renders or
/// shows errors.
#[component]
pub fn TextField(
    /// The input's `id`, also the target of the error summary's link.
    id: &'static str,
    /// The visible label (for one-question pages, the page's question).
    label: &'static str,
    /// The value, two-way bound.
    value: RwSignal<String>,
    /// The message shown above the input when it has a problem.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Help text under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// The `autocomplete` token, e.g. "name", "tel", "postal-code".
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// The `inputmode`, e.g. "numeric" or "tel", to bring up the right phone keyboard.
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// Extra class for the input's width, e.g. "input--10" for ten characters.
    #[prop(optional)]
    width: Option<&'static str>,
    /// Whether the value is a code or a name the browser should not spell-check.
    #[prop(optional)]
    no_spellcheck: bool,
    /// A password: the characters are hidden (and never spell-checked).
    #[prop(optional)]
    password: bool,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = described_by(id, hint.is_some(), error);
    view! {
        <div class="field" class:field--error=move || error.get().is_some()>
            <label class="field__label" for=id>
                {label}
            </label>
            {hint.map(|h| view! { <p class="field__hint" id=hint_id.clone()>{h}</p> })}
            {move || {
                error
                    .get()
                    .map(|message| {
                        view! {
                            <p class="field__error" id=error_id.clone()>
                                {message}
                            </p>
                        }
                    })
            }}
            <input
                class=format!("input {}", width.unwrap_or(""))
                id=id
                name=id
                type=if password { "password" } else { "text" }
                autocomplete=autocomplete
                inputmode=inputmode
                spellcheck=if no_spellcheck || password { Some("false") } else { None }
                aria-describedby=described_by
                aria-invalid=move || error.get().is_some().then_some("true")
                bind:value=value
            />
        </div>
    }
}

/// The `aria-describedby` of a field with the ids `{id}-hint` and `{id}-error`: the hint when
/// there is one and the error while it shows, so a screen reader reads both with the input.
pub(crate) fn described_by(
    id: &str,
    has_hint: bool,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(hint_id.clone());
        }
        if error.get().is_some() {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

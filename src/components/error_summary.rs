use leptos::prelude::*;

use crate::dom;

/// One problem on a form: the id of the field it belongs to and the message to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The `id` of the input (or of the first input of a group) the problem belongs to.
    pub field_id: &'static str,
    /// The message, in the current language, saying what to do.
    pub message: String,
}

/// The GOV.UK error summary: a titled box at the top of the page, focused when it appears, with one
/// link per problem that moves focus to the field.
#[component]
pub fn ErrorSummary(
    /// Title of the box, e.g. "有问题需要处理".
    title: &'static str,
    /// The problems to list; the box is absent when there are none.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    // Focus the summary each time a new list of problems appears, so a screen reader reads it
    // and a keyboard user starts from it. After the frame, because the box is rendered then.
    Effect::new(move |_| {
        if !errors.get().is_empty() {
            request_animation_frame(move || {
                if let Some(el) = node.get_untracked() {
                    let _ = el.focus();
                }
            });
        }
    });
    view! {
        <Show when=move || !errors.get().is_empty()>
            <div class="error-summary" node_ref=node tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                <h2 id="error-summary-title" class="error-summary__title">{title}</h2>
                <ul class="error-summary__list">
                    {move || {
                        errors
                            .get()
                            .into_iter()
                            .map(|e| {
                                let id = e.field_id;
                                view! {
                                    <li>
                                        <a
                                            href=format!("#{id}")
                                            on:click=move |ev| {
                                                // Focus the field itself (the router would treat
                                                // the fragment as a navigation).
                                                ev.prevent_default();
                                                dom::focus_by_id(id);
                                            }
                                        >
                                            {e.message}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

use leptos::prelude::*;

/// An application's hotline reference (`K7M-2Q9-XD4F`) as people read it out: large, in
/// fixed-width letters so every symbol stands apart, grouped as the server sends it, with the
/// line asking to quote it when calling 96066 right under it.
#[component]
pub fn ReferenceNumber(
    /// What the number is ("Your reference number").
    label: &'static str,
    /// The reference, grouped (`Application::reference`).
    reference: String,
    /// The line under it: quote this number when calling 96066.
    quote: &'static str,
    /// The number's element id, if the page links to it.
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="reference-number">
            <p class="reference-number__label">{label}</p>
            <p class="reference" id=id>{reference}</p>
            <p class="reference-number__quote">{quote}</p>
        </div>
    }
}

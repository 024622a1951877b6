use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use sscard_rules::wire::SessionInfo;

use crate::api;
use crate::i18n::Fill;
use crate::i18n::after::AfterTexts;
use crate::journey::NoSession;

/// Who is signed in, with the sign-out button. Shows nothing while loading or when nobody is
/// signed in (the page itself sends a signed-out person to the sign-in page).
#[component]
pub fn SessionBar(
    /// The texts of the current language.
    texts: &'static AfterTexts,
    /// The session, as the page asked for it (`journey::use_fresh_session`, outside its
    /// per-language closure): `None` while it is on its way.
    #[prop(into)]
    session: Signal<Option<Result<SessionInfo, NoSession>>>,
) -> impl IntoView {
    let navigate = use_navigate();
    let journey = crate::journey::use_journey_with_session();
    let sign_out = move |_| {
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            // Whatever the answer, the cookie is cleared by the server or already gone: go on.
            let _ = api::sign_out().await;
            journey.signed_out();
            navigate("/sign-in", Default::default());
        });
    };
    let name = move || match session.get() {
        Some(Ok(info)) => Some(info.person.name),
        _ => None,
    };
    view! {
        <Show when=move || name().is_some()>
            <div class="session-bar">
                <p class="session-bar__who">
                    {move || name().map(|n| texts.common().signed_in_as.fill("name", &n))}
                </p>
                <button type="button" class="button button--secondary session-bar__out" on:click=sign_out.clone()>
                    {texts.common().sign_out}
                </button>
            </div>
        </Show>
    }
}

//! `/sign-in`: a card holder signs in with the ID number and the service password.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use sscard_rules::parse_id_number;
use sscard_rules::wire::PasswordSignIn;

use super::{FormProblems, field_message, problems_of, safe_next, summary_entries, use_step_meta};
use crate::api;
use crate::components::{ErrorSummary, TextField};
use crate::i18n::use_i18n;

const ID_FIELD: &str = "id_number";
const PASSWORD_FIELD: &str = "password";

/// Checks the form before sending it: the same ID-number rules as the server (rules crate).
fn check(id_number: &str, password: &str) -> FormProblems {
    let mut problems = Vec::new();
    if let Err(e) = parse_id_number(id_number, crate::clock::device_today_in_china()) {
        problems.push((ID_FIELD, e.code().to_owned()));
    }
    if password.is_empty() {
        problems.push((PASSWORD_FIELD, "password.empty".to_owned()));
    }
    problems
}

/// The card holder's sign-in page. After signing in it returns to `?next=` (a path on this site),
/// or to the progress page.
#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let id_number = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let problems = RwSignal::new(FormProblems::new());
    let query = use_query_map();
    let navigate = use_navigate();
    let sign_in = Action::new_local(|body: &PasswordSignIn| {
        let body = body.clone();
        async move { api::sign_in(&body).await }
    });
    use_step_meta(
        |t, _| t.after().sign_in.title,
        Signal::from(0),
        Signal::derive(move || !problems.get().is_empty()),
    );
    let journey = crate::journey::use_journey();
    Effect::new(move |_| match sign_in.value().get() {
        Some(Ok(session)) => {
            // Shared state: the journey then keeps its draft on the server too.
            journey.session.set(Some(session));
            navigate(
                &safe_next(query.get_untracked().get("next")),
                Default::default(),
            )
        }
        Some(Err(e)) => problems.set(problems_of(
            &e,
            |f| match f {
                "id_number" => Some(ID_FIELD),
                "password" => Some(PASSWORD_FIELD),
                _ => None,
            },
            // A wrong password or a lock is about the pair: point at the password.
            PASSWORD_FIELD,
        )),
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sign_in.pending().get_untracked() {
            return;
        }
        let found = check(&id_number.get_untracked(), &password.get_untracked());
        let ok = found.is_empty();
        problems.set(found);
        if ok {
            sign_in.dispatch_local(PasswordSignIn {
                id_number: id_number.get_untracked(),
                password: password.get_untracked(),
            });
        }
    };
    move || {
        let t = i18n.t().after();
        let s = &t.sign_in;
        let err = move |field: &'static str| {
            Signal::derive(move || field_message(t, s.errors, &problems.get(), field))
        };
        view! {
            <ErrorSummary
                title=i18n.t().error_summary_title
                errors=Signal::derive(move || summary_entries(t, s.errors, &problems.get()))
            />
            <h1 tabindex="-1">{s.title}</h1>
            <p class="lead">{s.lead}</p>
            <form novalidate on:submit=on_submit>
                <TextField
                    id=ID_FIELD
                    label=s.id_label
                    hint=s.id_hint
                    value=id_number
                    error=err(ID_FIELD)
                    autocomplete="username"
                    width="input--20"
                    no_spellcheck=true
                />
                <TextField
                    id=PASSWORD_FIELD
                    label=s.password_label
                    hint=s.password_hint
                    value=password
                    error=err(PASSWORD_FIELD)
                    autocomplete="current-password"
                    inputmode="numeric"
                    width="input--6"
                    password=true
                />
                <button type="submit" class="button" aria-disabled=move || sign_in.pending().get().then_some("true")>
                    {move || if sign_in.pending().get() { t.common.working } else { s.submit }}
                </button>
            </form>
            <p>{s.forgot}</p>
            <h2>{s.no_card}</h2>
            <p class="action-link"><A href="/">{s.apply_link}</A></p>
        }
    }
}

//! `/sign-in`: a card holder signs in with the ID number and the service password. With the
//! initial password (the ID number's last 6, which anyone holding the ID number knows) a second
//! step asks for the code the server sent to the mobile on record.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use sscard_rules::wire::{CodeSent, CodeVerify, PasswordSignIn, SessionInfo};
use sscard_rules::{parse_id_number, parse_one_time_code};

use super::{CodeTable, FormProblems, code_messages, problems_of, safe_next, use_step_meta};
use crate::api::{self, ApiError, SignInAnswer};
use crate::components::{ErrorSummary, FormErrors, TextField};
use crate::i18n::Fill;
use crate::i18n::use_i18n;

const ID_FIELD: &str = "id_number";
const PASSWORD_FIELD: &str = "password";
const CODE_FIELD: &str = "code";

/// The page's problem codes and their texts.
const CODES: CodeTable = |t| t.sign_in().errors;

/// Checks the form before sending it: the same ID-number rules as the server (rules crate).
fn check(id_number: &str, password: &str, today: chrono::NaiveDate) -> FormProblems {
    let mut problems = Vec::new();
    if let Err(e) = parse_id_number(id_number, today) {
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
    let errors = FormErrors::new();
    let query = use_query_map();
    let navigate = use_navigate();
    let sign_in = Action::new_local(|body: &PasswordSignIn| {
        let body = body.clone();
        async move { api::sign_in(&body).await }
    });
    // The second step, when the server sent a code (the initial password).
    let code_step = RwSignal::new(None::<CodeSent>);
    let code = RwSignal::new(String::new());
    let verify = Action::new_local(|body: &CodeVerify| {
        let body = body.clone();
        async move { api::verify_code(&body).await }
    });
    use_step_meta(
        |t, step| {
            if step == 0 {
                t.after().sign_in().title
            } else {
                t.after().sign_in().code_title
            }
        },
        Signal::derive(move || u8::from(code_step.with(Option::is_some))),
        errors.any(),
    );
    let journey = crate::journey::use_journey_with_session();
    let signed_in = move |session: SessionInfo| {
        // Shared state: the journey then keeps its draft on the server too.
        journey.signed_in(session);
        navigate(
            &safe_next(query.get_untracked().get("next")),
            Default::default(),
        )
    };
    let show_problems = move |e: &ApiError| {
        errors.set(code_messages(
            CODES,
            problems_of(
                e,
                |f| match f {
                    "id_number" => Some(ID_FIELD),
                    "password" => Some(PASSWORD_FIELD),
                    "code" => Some(CODE_FIELD),
                    _ => None,
                },
                // A wrong password or a lock is about the pair: point at the password (the code,
                // on the second step).
                if code_step.with_untracked(Option::is_some) {
                    CODE_FIELD
                } else {
                    PASSWORD_FIELD
                },
            ),
        ))
    };
    let done = signed_in.clone();
    Effect::new(move |_| match sign_in.value().get() {
        Some(Ok(SignInAnswer::SignedIn(session))) => done(session),
        Some(Ok(SignInAnswer::CodeSent(sent))) => {
            errors.set(Vec::new());
            code.set(String::new());
            code_step.set(Some(sent));
        }
        Some(Err(e)) => show_problems(&e),
        None => {}
    });
    Effect::new(move |_| match verify.value().get() {
        Some(Ok(session)) => signed_in(session),
        Some(Err(e)) => show_problems(&e),
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sign_in.pending().get_untracked() {
            return;
        }
        let found = check(
            &id_number.get_untracked(),
            &password.get_untracked(),
            journey.today.get_untracked(),
        );
        let ok = found.is_empty();
        errors.set(code_messages(CODES, found));
        if ok {
            sign_in.dispatch_local(PasswordSignIn {
                id_number: id_number.get_untracked(),
                password: password.get_untracked(),
            });
        }
    };
    let on_code = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(sent) = code_step.get_untracked() else {
            return;
        };
        if verify.pending().get_untracked() {
            return;
        }
        match parse_one_time_code(&code.get_untracked()) {
            Ok(digits) => {
                errors.set(Vec::new());
                verify.dispatch_local(CodeVerify {
                    challenge_id: sent.challenge_id,
                    code: digits,
                });
            }
            Err(e) => errors.set(code_messages(
                CODES,
                vec![(CODE_FIELD, e.code().to_owned())],
            )),
        }
    };
    move || {
        let t = i18n.t().after();
        let s = t.sign_in();
        let err = move |field: &'static str| errors.field(field);
        let summary = view! {
            <ErrorSummary
                title=i18n.t().error_summary_title
                errors=errors.summary()
            />
        };
        if let Some(sent) = code_step.get() {
            let demo = sent.demo_code.map(
                |c| view! { <p class="notice notice--demo">{s.code_demo.fill("code", &c)}</p> },
            );
            return view! {
                {summary}
                <h1 tabindex="-1">{s.code_title}</h1>
                <p class="lead">{s.code_lead}</p>
                {demo}
                <form novalidate on:submit=on_code>
                    <TextField
                        id=CODE_FIELD
                        label=s.code_label
                        value=code
                        error=err(CODE_FIELD)
                        autocomplete="one-time-code"
                        inputmode="numeric"
                        width="input--6"
                    />
                    <button type="submit" class="button" aria-disabled=move || verify.pending().get().then_some("true")>
                        {move || if verify.pending().get() { t.common().working } else { s.code_submit }}
                    </button>
                </form>
                <p>
                    <button type="button" class="button button--secondary" on:click=move |_| {
                        errors.set(Vec::new());
                        code_step.set(None);
                    }>
                        {s.code_back}
                    </button>
                </p>
            }
            .into_any();
        }
        view! {
            {summary}
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
                    {move || if sign_in.pending().get() { t.common().working } else { s.submit }}
                </button>
            </form>
            <p>{s.forgot}</p>
            <p class="action-link"><A href="/password/reset">{s.forgot_link}</A></p>
            <h2>{s.no_card}</h2>
            <p class="action-link"><A href="/">{s.apply_link}</A></p>
        }
        .into_any()
    }
}

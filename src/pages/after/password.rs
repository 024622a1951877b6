//! `/password`: what the service password is for, its initial value, how it differs from the
//! bank and medical-insurance passwords (manual Q17), and changing it.

use leptos::prelude::*;
use sscard_rules::ProblemCode;
use sscard_rules::parse_new_service_password;
use sscard_rules::wire::PasswordChange;

use super::{
    CodeTable, FormProblems, after_texts, code_messages, is_signed_out, problems_of,
    redirect_when_signed_out, use_step_meta,
};
use crate::api;
use crate::components::after::{RelatedLinks, SessionBar};
use crate::components::{ErrorSummary, FormErrors, TextField};
use crate::i18n::after::AfterTexts;
use crate::i18n::use_i18n;
use crate::journey::NoSession;

const CURRENT: &str = "current_password";
const NEW: &str = "new_password";
const REPEAT: &str = "repeat_password";

/// The page's problem codes and their texts.
const CODES: CodeTable = |t| t.password().errors;

/// The checks the app can make itself; the server adds `password.initial` and `password.wrong`.
fn check(current: &str, new: &str, repeat: &str) -> FormProblems {
    let mut problems = Vec::new();
    if current.is_empty() {
        problems.push((CURRENT, "current.empty".to_owned()));
    }
    if new.is_empty() {
        problems.push((NEW, "new.empty".to_owned()));
    } else if let Err(e) = parse_new_service_password(new, "") {
        // The rules crate's rule (the server decides with the same function). The app knows only
        // the masked ID number, so `password.initial` comes from the server.
        problems.push((NEW, e.code().to_owned()));
    }
    if repeat.is_empty() {
        problems.push((REPEAT, "repeat.empty".to_owned()));
    } else if !new.is_empty() && repeat != new {
        problems.push((REPEAT, "repeat.mismatch".to_owned()));
    }
    problems
}

fn explanation(t: &'static AfterTexts) -> impl IntoView + use<> {
    let p = t.password();
    view! {
        <h2>{p.what_heading}</h2>
        <p>{p.what}</p>
        <h2>{p.initial_heading}</h2>
        <p>{p.initial}</p>
        <h2>{p.differ_heading}</h2>
        <ul class="list">{p.differ.map(|d| view! { <li>{d}</li> })}</ul>
        <p class="source">{t.common().source} {p.differ_source}</p>
    }
}

/// The service password page (signed-in card holders).
#[component]
pub fn PasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = crate::journey::use_fresh_session();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let no_card = RwSignal::new(false);
    let change = Action::new_local(|body: &PasswordChange| {
        let body = body.clone();
        async move { api::change_password(&body).await }
    });
    let done = Signal::derive(move || matches!(change.value().get(), Some(Ok(()))));
    redirect_when_signed_out(
        move || {
            matches!(session.get(), Some(Err(NoSession::SignedOut)))
                || matches!(change.value().get(), Some(Err(e)) if is_signed_out(&e))
        },
        "/password".to_owned(),
    );
    use_step_meta(
        |t, step| {
            if step == 0 {
                t.after().password().title
            } else {
                t.after().password().done_title
            }
        },
        Signal::derive(move || u8::from(done.get())),
        errors.any(),
    );
    Effect::new(move |_| match change.value().get() {
        Some(Ok(())) => {
            errors.set(Vec::new());
            // Passwords are not kept in memory longer than needed.
            for s in [current, new, repeat] {
                s.set(String::new());
            }
        }
        Some(Err(e)) if e.is(ProblemCode::NoCard) => no_card.set(true),
        Some(Err(e)) => errors.set(code_messages(
            CODES,
            problems_of(
                &e,
                |f| match f {
                    "current_password" => Some(CURRENT),
                    "new_password" => Some(NEW),
                    _ => None,
                },
                CURRENT,
            ),
        )),
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if change.pending().get_untracked() {
            return;
        }
        let (c, n, r) = (
            current.get_untracked(),
            new.get_untracked(),
            repeat.get_untracked(),
        );
        let found = check(&c, &n, &r);
        let ok = found.is_empty();
        errors.set(code_messages(CODES, found));
        if ok {
            change.dispatch_local(PasswordChange {
                current_password: c,
                new_password: n,
            });
        }
    };
    move || {
        let t = after_texts(&i18n);
        let p = t.password();
        let err = move |field: &'static str| errors.field(field);
        let initial = move || matches!(session.get(), Some(Ok(s)) if s.password_is_initial);
        let form = move || {
            if done.get() {
                return view! {
                    <div class="panel panel--done" role="status">
                        <p>{p.done_text}</p>
                    </div>
                }
                .into_any();
            }
            if no_card.get() {
                return view! { <p class="panel">{p.no_card}</p> }.into_any();
            }
            view! {
                <h2>{p.change_heading}</h2>
                <Show when=initial>
                    <p class="panel panel--warning">{p.initial_warning}</p>
                </Show>
                <form novalidate on:submit=on_submit>
                    <TextField id=CURRENT label=p.current_label value=current error=err(CURRENT)
                        autocomplete="current-password" inputmode="numeric" width="input--6" password=true />
                    <TextField id=NEW label=p.new_label hint=p.new_hint value=new error=err(NEW)
                        autocomplete="new-password" inputmode="numeric" width="input--6" password=true />
                    <TextField id=REPEAT label=p.repeat_label value=repeat error=err(REPEAT)
                        autocomplete="new-password" inputmode="numeric" width="input--6" password=true />
                    <button type="submit" class="button">
                        {move || if change.pending().get() { t.common().working } else { p.submit }}
                    </button>
                </form>
            }
            .into_any()
        };
        view! {
            <SessionBar texts=t session=session />
            <ErrorSummary
                title=i18n.t().error_summary_title
                errors=errors.summary()
            />
            <h1 tabindex="-1">{move || if done.get() { p.done_title } else { p.title }}</h1>
            {explanation(t)}
            {form}
            <RelatedLinks texts=t current="/password" />
        }
    }
}

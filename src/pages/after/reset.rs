//! The services that start with a code to the mobile on record (manual Q9: 服务密码重置 and
//! 个人信息变更 online): `/password/reset` (a forgotten service password) and `/contact` (a new
//! mobile number). Both first ask for the name, ID number and mobile, then the code; the server
//! answers the first step the same whether or not the details match, so the page does too.
//! Then the reset asks for a new password, the mobile change for the new number and its code.

use leptos::prelude::*;
use leptos_router::components::A;
use sscard_rules::wire::{CodeRequest, CodeSent, CodeVerify, MobileChange, PasswordReset};
use sscard_rules::{
    parse_id_number, parse_mobile, parse_name, parse_new_service_password, parse_one_time_code,
};

use super::{CodeTable, FormProblems, after_texts, code_messages, problems_of, use_step_meta};
use crate::api;
use crate::components::{ErrorSummary, FormErrors, TextField};
use crate::i18n::Fill;
use crate::i18n::use_i18n;

const NAME: &str = "name";
const ID: &str = "id_number";
const MOBILE: &str = "mobile";
const CODE: &str = "code";
const NEW: &str = "new_password";
const REPEAT: &str = "repeat_password";
const NEW_MOBILE: &str = "new_mobile";

/// The page's problem codes and their texts.
const CODES: CodeTable = |t| t.reset().errors;

/// What the code sign-in leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Purpose {
    /// A new service password.
    Reset,
    /// A new mobile on record.
    Contact,
    /// A fresh proof for another service (a new card by post): then back to `?next=`.
    Confirm,
}

/// Where the person is in the reset.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    /// Name, ID number, mobile.
    Details,
    /// The code sent (if the details matched) to this mobile.
    Code(CodeSent, String),
    /// Signed in with the code: the new password.
    NewPassword,
    /// Signed in with the code: the new mobile.
    NewMobile,
    /// The code sent to the new mobile.
    NewMobileCode(CodeSent, String),
    /// Finished.
    Done,
}

impl Step {
    fn index(&self) -> u8 {
        match self {
            Step::Details => 0,
            Step::Code(..) => 1,
            Step::NewPassword | Step::NewMobile => 2,
            Step::NewMobileCode(..) => 3,
            Step::Done => 4,
        }
    }
}

/// The first step's checks (the rules crate's, as on the server).
fn check_details(name: &str, id: &str, mobile: &str, today: chrono::NaiveDate) -> FormProblems {
    let mut p = Vec::new();
    if let Err(e) = parse_name(name) {
        p.push((NAME, e.code().to_owned()));
    }
    if let Err(e) = parse_id_number(id, today) {
        p.push((ID, e.code().to_owned()));
    }
    if let Err(e) = parse_mobile(mobile) {
        p.push((MOBILE, e.code().to_owned()));
    }
    p
}

/// The last step's checks; the server adds `password.initial` (it knows the ID number).
fn check_new(new: &str, repeat: &str) -> FormProblems {
    let mut p = Vec::new();
    if new.is_empty() {
        p.push((NEW, "new.empty".to_owned()));
    } else if let Err(e) = parse_new_service_password(new, "") {
        p.push((NEW, e.code().to_owned()));
    }
    if repeat.is_empty() {
        p.push((REPEAT, "repeat.empty".to_owned()));
    } else if !new.is_empty() && repeat != new {
        p.push((REPEAT, "repeat.mismatch".to_owned()));
    }
    p
}

/// `/password/reset`: a forgotten service password.
#[component]
pub fn ResetPage() -> impl IntoView {
    view! { <CodeFirstPage purpose=Purpose::Reset /> }
}

/// `/contact`: a new mobile number on record.
#[component]
pub fn ContactPage() -> impl IntoView {
    view! { <CodeFirstPage purpose=Purpose::Contact /> }
}

/// `/confirm?next=…`: a code sign-in, then back to the service that asked for it.
#[component]
pub fn ConfirmPage() -> impl IntoView {
    view! { <CodeFirstPage purpose=Purpose::Confirm /> }
}

/// The code sign-in, then what `purpose` asks for.
#[component]
fn CodeFirstPage(
    /// What the code sign-in leads to.
    purpose: Purpose,
) -> impl IntoView {
    let i18n = use_i18n();
    let journey = crate::journey::use_journey_with_session();
    let step = RwSignal::new(Step::Details);
    let (name, id, mobile) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let (code, new, repeat) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let (new_mobile, new_code) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let errors = FormErrors::new();
    let busy = RwSignal::new(false);
    // Where a confirmation returns to: a path on this site only (never an open redirect).
    let after_confirm = StoredValue::new(super::safe_next(
        leptos_router::hooks::use_query_map()
            .get_untracked()
            .get("next"),
    ));
    let navigate = leptos_router::hooks::use_navigate();
    let go_back = Callback::new(move |path: String| navigate(&path, Default::default()));
    use_step_meta(
        move |t, s| {
            let (r, c) = (&t.after().reset(), &t.after().contact());
            match (purpose, s) {
                (Purpose::Reset, 0) => r.title,
                (Purpose::Contact, 0) => c.title,
                (Purpose::Confirm, 0) => r.confirm_title,
                (_, 1) => r.code_title,
                (Purpose::Reset, 2) => r.new_title,
                (Purpose::Contact, 2) => c.new_title,
                (Purpose::Contact, 3) => c.new_code_title,
                (Purpose::Reset, _) => r.done_title,
                (Purpose::Contact | Purpose::Confirm, _) => c.done_title,
            }
        },
        Signal::derive(move || step.with(Step::index)),
        errors.any(),
    );
    let field_of = |f: &str| match f {
        "name" => Some(NAME),
        "id_number" => Some(ID),
        "mobile" => Some(MOBILE),
        "code" => Some(CODE),
        "new_password" => Some(NEW),
        "new_mobile" => Some(NEW_MOBILE),
        _ => None,
    };
    // One submit for every step; each sends what its step needs.
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let current = step.get_untracked();
        let found = match &current {
            Step::Details => check_details(
                &name.get_untracked(),
                &id.get_untracked(),
                &mobile.get_untracked(),
                journey.today.get_untracked(),
            ),
            Step::Code(..) => match parse_one_time_code(&code.get_untracked()) {
                Ok(_) => Vec::new(),
                Err(e) => vec![(CODE, e.code().to_owned())],
            },
            Step::NewPassword => check_new(&new.get_untracked(), &repeat.get_untracked()),
            Step::NewMobile => match parse_mobile(&new_mobile.get_untracked()) {
                Ok(_) => Vec::new(),
                Err(e) => vec![(NEW_MOBILE, e.code().to_owned())],
            },
            Step::NewMobileCode(..) => match parse_one_time_code(&new_code.get_untracked()) {
                Ok(_) => Vec::new(),
                Err(e) => vec![(CODE, e.code().to_owned())],
            },
            Step::Done => return,
        };
        let ok = found.is_empty();
        errors.set(code_messages(CODES, found));
        if !ok {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let outcome = match current {
                Step::Details => {
                    let m = mobile.get_untracked();
                    api::request_code(&CodeRequest {
                        name: name.get_untracked(),
                        id_number: id.get_untracked(),
                        mobile: m.clone(),
                    })
                    .await
                    .map(|sent| Step::Code(sent, m))
                }
                Step::Code(sent, _) => {
                    let digits = parse_one_time_code(&code.get_untracked()).unwrap_or_default();
                    api::verify_code(&CodeVerify {
                        challenge_id: sent.challenge_id,
                        code: digits,
                    })
                    .await
                    .map(|session| {
                        journey.signed_in(session);
                        match purpose {
                            Purpose::Reset => Step::NewPassword,
                            Purpose::Contact => Step::NewMobile,
                            Purpose::Confirm => Step::Done,
                        }
                    })
                }
                Step::NewPassword => api::reset_password(&PasswordReset {
                    new_password: new.get_untracked(),
                })
                .await
                .map(|()| {
                    // Passwords are not kept in memory longer than needed.
                    new.set(String::new());
                    repeat.set(String::new());
                    Step::Done
                }),
                Step::NewMobile => {
                    let m = new_mobile.get_untracked();
                    api::request_mobile_change(&MobileChange {
                        new_mobile: m.clone(),
                    })
                    .await
                    .map(|sent| Step::NewMobileCode(sent, m))
                }
                Step::NewMobileCode(sent, _) => {
                    let digits = parse_one_time_code(&new_code.get_untracked()).unwrap_or_default();
                    api::verify_mobile_change(&CodeVerify {
                        challenge_id: sent.challenge_id,
                        code: digits,
                    })
                    .await
                    .map(|()| Step::Done)
                }
                Step::Done => return,
            };
            busy.set(false);
            match outcome {
                Ok(Step::Done) if purpose == Purpose::Confirm => {
                    errors.set(Vec::new());
                    go_back.run(after_confirm.get_value());
                }
                Ok(next) => {
                    errors.set(Vec::new());
                    step.set(next);
                }
                Err(e) => {
                    let fallback = match step.get_untracked() {
                        Step::Code(..) | Step::NewMobileCode(..) => CODE,
                        Step::NewPassword => NEW,
                        Step::NewMobile => NEW_MOBILE,
                        _ => NAME,
                    };
                    errors.set(code_messages(CODES, problems_of(&e, field_of, fallback)));
                }
            }
        });
    };
    move || {
        let t = after_texts(&i18n);
        let (r, c) = (t.reset(), t.contact());
        let reset = purpose == Purpose::Reset;
        let err = move |field: &'static str| errors.field(field);
        let button = move |label: &'static str| {
            view! {
                <button type="submit" class="button" aria-disabled=move || busy.get().then_some("true")>
                    {move || if busy.get() { t.common().working } else { label }}
                </button>
            }
        };
        // A code step: where the code went (masked), the demo notice, the field.
        let code_step = move |title: &'static str,
                              lead: &'static str,
                              to: &str,
                              demo: Option<String>,
                              value: RwSignal<String>| {
            let masked = format!("*******{}", &to[to.len().saturating_sub(4)..]);
            view! {
                <h1 tabindex="-1">{title}</h1>
                <p>{lead.fill("mobile", &masked)}</p>
                {demo.map(|text| view! { <p class="notice notice--demo">{text}</p> })}
                <form novalidate on:submit=on_submit>
                    <TextField id=CODE label=r.code_label value=value error=err(CODE)
                        autocomplete="one-time-code" inputmode="numeric" width="input--6" />
                    {button(t.common().continue_button)}
                </form>
            }
            .into_any()
        };
        let body = match step.get() {
            Step::Details => view! {
                <h1 tabindex="-1">{match purpose {
                    Purpose::Reset => r.title,
                    Purpose::Contact => c.title,
                    Purpose::Confirm => r.confirm_title,
                }}</h1>
                <p class="lead">{match purpose {
                    Purpose::Reset => r.lead,
                    Purpose::Contact => c.lead,
                    Purpose::Confirm => r.confirm_lead,
                }}</p>
                <form novalidate on:submit=on_submit>
                    <TextField id=NAME label=r.name_label value=name error=err(NAME) autocomplete="name" width="input--20" />
                    <TextField id=ID label=r.id_label value=id error=err(ID) autocomplete="username" width="input--20" no_spellcheck=true />
                    <TextField id=MOBILE label=r.mobile_label hint=r.mobile_hint value=mobile error=err(MOBILE)
                        autocomplete="tel" inputmode="tel" width="input--11" />
                    {button(r.send)}
                </form>
            }
            .into_any(),
            Step::Code(sent, to) => {
                // Whether the details matched is told only in demo mode.
                let demo = match (sent.demo_code, journey.demo) {
                    (Some(c), _) => Some(r.code_demo.fill("code", &c)),
                    (None, true) => Some(r.code_demo_not_sent.to_owned()),
                    (None, false) => None,
                };
                code_step(r.code_title, r.code_lead, &to, demo, code)
            }
            Step::NewPassword => view! {
                <h1 tabindex="-1">{r.new_title}</h1>
                <form novalidate on:submit=on_submit>
                    <TextField id=NEW label=r.new_label hint=r.new_hint value=new error=err(NEW)
                        autocomplete="new-password" inputmode="numeric" width="input--6" password=true />
                    <TextField id=REPEAT label=r.repeat_label value=repeat error=err(REPEAT)
                        autocomplete="new-password" inputmode="numeric" width="input--6" password=true />
                    {button(r.submit)}
                </form>
            }
            .into_any(),
            Step::NewMobile => view! {
                <h1 tabindex="-1">{c.new_title}</h1>
                <form novalidate on:submit=on_submit>
                    <TextField id=NEW_MOBILE label=c.new_label hint=c.new_hint value=new_mobile error=err(NEW_MOBILE)
                        autocomplete="tel" inputmode="tel" width="input--11" />
                    {button(r.send)}
                </form>
            }
            .into_any(),
            Step::NewMobileCode(sent, to) => {
                let demo = sent.demo_code.map(|c| r.code_demo.fill("code", &c));
                code_step(c.new_code_title, c.new_code_lead, &to, demo, new_code)
            }
            Step::Done => view! {
                <div class="panel panel--done" role="status">
                    <h1 tabindex="-1">{if reset { r.done_title } else { c.done_title }}</h1>
                    <p>{if reset { r.done_text } else { c.done_text }}</p>
                </div>
                <p class="action-link"><A href="/progress">{r.done_link}</A></p>
            }
            .into_any(),
        };
        view! {
            <ErrorSummary
                title=i18n.t().error_summary_title
                errors=errors.summary()
            />
            {body}
            // After a code expired (or never came), back to the first step with everything
            // typed kept, for a new code: the steps otherwise only go forward.
            {(1..=3).contains(&step.with(Step::index)).then(|| view! {
                <p class="action-link">
                    <button type="button" class="button button--secondary" on:click=move |_| {
                        errors.set(Vec::new());
                        step.set(Step::Details);
                    }>{r.start_again}</button>
                </p>
            })}
        }
    }
}

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use sscard_rules::parse_one_time_code;
use sscard_rules::wire::CodeVerify;

use super::field_messages;
use crate::api;
use crate::components::{
    BackLink, ErrorSummary, FormErrors, TextField, msg, use_page_meta_with_errors,
};
use crate::i18n::Fill;
use crate::i18n::use_i18n;
use crate::journey::{Step, next_after, use_journey_answers};

/// Shows only the last four digits of a mobile number on screen.
fn mask_mobile(mobile: &str) -> String {
    let digits: Vec<char> = mobile.chars().filter(char::is_ascii_digit).collect();
    let tail: String = digits.iter().skip(digits.len().saturating_sub(4)).collect();
    format!("*******{tail}")
}

/// `/apply/verify`: the one-time code. In demo mode the code is shown on the page.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let i18n = use_i18n();
    let journey = use_journey_answers();
    let navigate = use_navigate();
    let code = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let busy = RwSignal::new(false);
    use_page_meta_with_errors(|t| t.journey().verify_title, errors.any());
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let typed = match parse_one_time_code(&code.get_untracked()) {
            Ok(digits) => digits,
            Err(e) => {
                errors.set(vec![("code", field_messages::one_time_code(e))]);
                return;
            }
        };
        let Some(challenge_id) = journey.answers.get_untracked().challenge_id else {
            errors.set(vec![("code", msg(|t| t.journey().e_code_expired))]);
            return;
        };
        errors.set(Vec::new());
        busy.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            let result = api::verify_code(&CodeVerify {
                challenge_id,
                code: typed,
            })
            .await;
            busy.set(false);
            match result {
                Ok(session) => {
                    journey.signed_in(session);
                    journey.demo_code.set(None);
                    // Signed in: from now on the draft is also kept on the server.
                    journey.save_to_server();
                    navigate(
                        next_after(Step::Verify, &journey.answers.get_untracked()).path(),
                        Default::default(),
                    );
                }
                Err(e) => errors.set(field_messages::api_problems(&e, |_| Some("code"), "code")),
            }
        });
    };
    move || {
        let t = i18n.t();
        let answers = journey.answers.get_untracked();
        // The server's answer is the same whether or not a code was sent; only demo
        // mode says which (it shows what the phone would show).
        let demo = match journey.demo_code.get() {
            Some(c) => Some(t.journey().verify_demo.fill("code", &c)),
            None if journey.demo => Some(t.journey().verify_demo_not_sent.to_owned()),
            None => None,
        }
        .map(|text| view! { <p class="notice notice--demo">{text}</p> });
        view! {
            <BackLink href=Step::Verify.back(&answers) label=t.back />
            <ErrorSummary title=t.error_summary_title errors=errors.summary() />
            <h1 tabindex="-1">{t.journey().verify_title}</h1>
            <p>{t.journey().verify_sent.fill("mobile", &mask_mobile(&answers.mobile))}</p>
            {demo}
            <form novalidate on:submit=on_submit.clone()>
                <TextField
                    id="code"
                    label=t.journey().code_label
                    value=code
                    error=errors.field("code")
                    autocomplete="one-time-code"
                    inputmode="numeric"
                    width="input--6"
                />
                <button class="button" type="submit" aria-disabled=move || busy.get().to_string()>
                    {t.journey().continue_button}
                </button>
            </form>
            <p>{t.journey().verify_help}</p>
            <p>
                <a href=Step::Details.path()>{t.journey().verify_resend}</a>
            </p>
        }
    }
}

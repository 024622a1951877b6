//! Browser tests of the after-applying pieces: the .ics builder, the QR code, the helpers the
//! pages share, the locale tables, and the sign-in page's validation.
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::tick;
use sscard::i18n::after::{AfterTexts, lookup};
use sscard::i18n::{Locale, provide_i18n, use_i18n};
use sscard::ics::{ics_data_href, ics_event};
use sscard::pages::after::{code_text, parse_ymd, safe_next, sign_in_href};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[wasm_bindgen_test]
fn ics_event_is_an_all_day_event_with_escaped_folded_lines() {
    let ics = ics_event(
        "card-1-lift@sscard",
        date(2026, 12, 7),
        "挂失到期, 自动解挂; 提醒",
        &"很长的说明".repeat(20),
    );
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.contains("\r\nDTSTART;VALUE=DATE:20261207\r\n"));
    assert!(ics.contains("\r\nDTEND;VALUE=DATE:20261208\r\n"));
    assert!(ics.contains("\r\nUID:card-1-lift@sscard\r\n"));
    assert!(ics.contains("SUMMARY:挂失到期\\, 自动解挂\\; 提醒"));
    // Every physical line fits in 75 octets; unfolding gives the description back.
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert!(
        ics.replace("\r\n ", "")
            .contains(&format!("DESCRIPTION:{}", "很长的说明".repeat(20)))
    );
    let stamp = ics
        .split("\r\n")
        .find_map(|l| l.strip_prefix("DTSTAMP:"))
        .unwrap();
    assert_eq!(stamp.len(), 16, "{stamp}");
    assert!(stamp.ends_with('Z'));
}

#[wasm_bindgen_test]
fn ics_data_href_is_a_percent_encoded_calendar_data_url() {
    let href = ics_data_href("BEGIN:VCALENDAR\r\nSUMMARY:挂失\r\n");
    assert!(href.starts_with("data:text/calendar;charset=utf-8,BEGIN%3AVCALENDAR%0D%0A"));
    assert!(!href.contains('挂'));
}

#[wasm_bindgen_test]
fn qr_code_is_an_svg_without_style_attributes() {
    let svg = sscard::components::qr_svg("app_5c9963d7e48b6dc5");
    assert!(svg.starts_with("<svg"), "{}", &svg[..40]);
    assert!(svg.ends_with("</svg>"));
    // The CSP allows no inline styles.
    assert!(!svg.contains("style="));
}

#[wasm_bindgen_test]
fn helpers_parse_encode_and_keep_redirects_on_this_site() {
    assert_eq!(parse_ymd("2026-09-30"), Some(date(2026, 9, 30)));
    assert_eq!(parse_ymd(" ２０２６－０９－３０ "), Some(date(2026, 9, 30)));
    assert_eq!(parse_ymd("2026-02-30"), None);
    assert_eq!(parse_ymd(""), None);
    assert_eq!(
        sign_in_href("/cards/c 1/enable"),
        "/sign-in?next=%2Fcards%2Fc%201%2Fenable"
    );
    assert_eq!(safe_next(Some("/loss?card=x".into())), "/loss?card=x");
    for bad in [
        "//evil.example",
        "https://evil.example",
        "evil",
        "/\\evil.example",
    ] {
        assert_eq!(safe_next(Some(bad.into())), "/progress", "{bad}");
    }
    assert_eq!(safe_next(None), "/progress");
}

/// The rules' ids are the locale tables' keys: an offer condition's `id()` and a warning's
/// `code()` find their words.
#[wasm_bindgen_test]
fn engine_ids_match_the_locale_tables() {
    let t = Locale::ZhHans.texts().after();
    let id = sscard_rules::OfferCondition::SocialFunctionOnly.id();
    assert_eq!(id, "social_function_only");
    let words = t
        .where_to()
        .offer_conditions
        .of(sscard_rules::OfferCondition::SocialFunctionOnly);
    assert!(!words.is_empty() && words != id, "{words}");
    let warning = sscard_rules::TimelineWarning::BankChangeCooldown {
        allowed_from: date(2026, 2, 28),
    };
    assert_eq!(warning.code(), "bank_change_cooldown");
    assert_ne!(
        lookup(t.rules().warnings, warning.code()),
        "bank_change_cooldown"
    );
}

/// Plain-language rule: no 请 / 抱歉 / 非法 / 无效 in messages (申请 is a word).
fn plain_language(locale: Locale, key: &str, text: &str) {
    let plain = text.replace("申请", "").replace("申請", "");
    for word in ["请", "請", "抱歉", "非法", "无效", "無效"] {
        assert!(!plain.contains(word), "{locale:?} {key}: {word}");
    }
}

fn keys(table: &[(&str, &str)]) -> Vec<String> {
    let mut k: Vec<String> = table.iter().map(|(k, _)| (*k).to_owned()).collect();
    k.sort();
    k
}

fn tables(t: &AfterTexts) -> Vec<&'static [(&'static str, &'static str)]> {
    vec![
        t.common().errors,
        t.sign_in().errors,
        t.enable().refusals,
        t.loss().refusals,
        t.password().errors,
        t.details().errors,
        t.where_to().errors,
        t.rules().errors,
        t.rules().timeline_errors,
        t.rules().warnings,
        t.rules().params,
    ]
}

/// The names of the rules' values that the after pages show (complete in every locale: the
/// build checks that).
fn names(t: &AfterTexts) -> Vec<&'static [&'static str]> {
    vec![
        t.where_to().permissions.all(),
        t.where_to().actor_conditions.all(),
        t.where_to().offer_conditions.all(),
        t.where_to().notes.all(),
        t.rules().steps.all(),
        t.rules().outcomes.all(),
        t.rules().phases.all(),
        t.replace().reasons.all(),
        t.replace().reason_hints.all(),
        t.replace().notes.all(),
        t.progress().replacement_headings.all(),
    ]
}

#[wasm_bindgen_test]
fn every_locale_has_the_same_complete_after_tables() {
    let reference = Locale::ZhHans.texts().after();
    for locale in Locale::ALL {
        let t = locale.texts().after();
        for (mine, theirs) in tables(t).into_iter().zip(tables(reference)) {
            assert_eq!(keys(mine), keys(theirs), "{locale:?}");
            for (key, text) in mine {
                assert!(!text.trim().is_empty(), "{locale:?} {key} is empty");
                plain_language(locale, key, text);
            }
        }
        for list in names(t) {
            for text in list {
                plain_language(locale, text, text);
            }
        }
    }
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
async fn sign_in_shows_specific_errors_and_keeps_what_was_typed() {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), || {
        provide_i18n();
        // As in the app: the sign-in page shares the session with the journey state.
        sscard::journey::provide_journey();
        use_i18n().locale.set(Locale::ZhHans);
        view! {
            <leptos_router::components::Router>
                <sscard::pages::SignInPage />
            </leptos_router::components::Router>
        }
    });
    std::mem::forget(handle);
    tick().await;
    let id: web_sys::HtmlInputElement = container
        .query_selector("#id_number")
        .unwrap()
        .unwrap()
        .unchecked_into();
    id.set_value("11010119900307001");
    id.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    let button: web_sys::HtmlElement = container
        .query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    tick().await;
    let summary = container
        .query_selector(".error-summary")
        .unwrap()
        .expect("an error summary");
    let text = summary.text_content().unwrap();
    assert!(text.contains("身份证号码应为 18 位"), "{text}");
    assert!(text.contains("输入服务密码"), "{text}");
    let link = summary.query_selector("a").unwrap().unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("#id_number"));
    assert_eq!(id.value(), "11010119900307001");
}

/// `{ask}` follows the city of the card or application a text is about, not the city chosen
/// on this device: a Shanghai card seen where Beijing is chosen is not given 96066, and a
/// Beijing card seen where Shanghai is chosen keeps it (issue #15; review of the first cut).
#[wasm_bindgen_test]
fn ask_follows_the_card_s_city_not_the_chosen_one() {
    use sscard::pages::after::{fill_ask, fill_ask_for};
    let t: &'static AfterTexts = Locale::ZhHans.texts().after();
    let owner = Owner::new();
    owner.with(|| {
        sscard::journey::provide_journey();
        let journey = sscard::journey::use_journey();
        journey.city.set(sscard_rules::City::Beijing);
        let text = "有疑问{ask}。";
        assert_eq!(fill_ask(t, text), "有疑问拨打 96066。");
        assert_eq!(
            fill_ask_for(t, Some(sscard_rules::City::Shanghai), text),
            "有疑问咨询当地社保经办机构。"
        );
        journey.city.set(sscard_rules::City::Shanghai);
        assert_eq!(fill_ask(t, text), "有疑问咨询当地社保经办机构。");
        assert_eq!(
            fill_ask_for(t, Some(sscard_rules::City::Beijing), text),
            "有疑问拨打 96066。"
        );
        // Nothing about a city: the chosen one's.
        assert_eq!(fill_ask_for(t, None, text), "有疑问咨询当地社保经办机构。");
    });
}

/// A problem several forms share has one wording (issue #12): the ID number's, the one-time
/// code's and a new service password's problems are the shared table's, and no page's table
/// words them again; a page's own wording still comes first where the problem differs there.
#[wasm_bindgen_test]
fn problems_several_forms_share_have_one_wording() {
    for locale in Locale::ALL {
        let t: &'static AfterTexts = locale.texts().after();
        // The forms that ask for the same things of the same person (a recipient's name on the
        // replacement form is worded for the recipient, on purpose).
        let pages = [t.sign_in().errors, t.password().errors, t.reset().errors];
        for (code, text) in t.common().errors {
            for table in pages {
                assert!(
                    !table.iter().any(|(key, _)| key == code),
                    "{locale:?}: {code} is worded again"
                );
                assert_eq!(&code_text(t, table, code), text, "{locale:?}");
            }
        }
        // The page's own first: an expired code sends the sign-in back to the password, the
        // reset back to its first step.
        assert_eq!(
            code_text(t, t.sign_in().errors, "code_expired"),
            lookup(t.sign_in().errors, "code_expired")
        );
        assert_ne!(
            code_text(t, t.sign_in().errors, "code_expired"),
            code_text(t, t.reset().errors, "code_expired")
        );
        // Too many attempts reads the same everywhere, from the shell's texts.
        assert_eq!(
            code_text(t, t.password().errors, "rate_limited"),
            locale.texts().problem_rate_limited
        );
    }
}

/// Every problem the rules crate can find in an ID number, and in a name where the form asks
/// for one, has its own words on the forms that check them: none falls through to "the server
/// cannot deal with this" (a future birth date on the reset form once did).
#[wasm_bindgen_test]
fn every_id_number_and_name_problem_has_its_words() {
    use sscard_rules::{IdNumberError as I, NameError as N};
    let id_codes = [
        I::Empty,
        I::Length { found: 17 },
        I::Format,
        I::BirthDate,
        I::FutureBirthDate,
        I::CheckDigit { expected: 'X' },
    ]
    .map(|e| e.code());
    let name_codes =
        [N::Empty, N::TooShort, N::TooLong { max: 30 }, N::Characters].map(|e| e.code());
    for locale in Locale::ALL {
        let t: &'static AfterTexts = locale.texts().after();
        let generic = code_text(t, &[], "no such code");
        for (table, codes) in [
            (t.sign_in().errors, id_codes.to_vec()),
            (t.reset().errors, [&id_codes[..], &name_codes[..]].concat()),
        ] {
            for code in codes {
                assert_ne!(code_text(t, table, code), generic, "{locale:?}: {code}");
            }
        }
    }
}

/// Resolves after `ms` milliseconds (a browser timer), to order two answers in a test.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// A container for a view under test, not in the page (what it shows is read from it).
fn detached_container() -> web_sys::HtmlElement {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("div")
        .unwrap()
        .unchecked_into()
}

/// Mounts a view showing what `fetch_for` holds for a question the test changes: the answer to
/// question 1 comes after the answer to question 2, as a slow first request would.
#[wasm_bindgen_test]
async fn fetch_for_drops_the_answer_to_an_older_question() {
    use sscard::api::fetch_for;
    let question = RwSignal::new(1_u32);
    let container = detached_container();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        let answer = fetch_for(
            move || question.get(),
            |q| async move {
                sleep(if q == 1 { 200 } else { 10 }).await;
                format!("answer to {q}")
            },
        );
        move || answer.get().unwrap_or_else(|| "waiting".to_owned())
    });
    tick().await;
    assert_eq!(container.text_content().as_deref(), Some("waiting"));
    question.set(2);
    tick().await;
    sleep(60).await;
    assert_eq!(container.text_content().as_deref(), Some("answer to 2"));
    // The first, slower answer arrives now and must not replace the newer one.
    sleep(250).await;
    assert_eq!(container.text_content().as_deref(), Some("answer to 2"));
    drop(handle);
}

/// `fetch_once` is `None` until its answer comes, then holds it.
#[wasm_bindgen_test]
async fn fetch_once_holds_the_answer_when_it_comes() {
    use sscard::api::fetch_once;
    let container = detached_container();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        let answer = fetch_once(|| async {
            sleep(20).await;
            42_u32
        });
        move || {
            answer
                .get()
                .map_or_else(|| "waiting".to_owned(), |n| n.to_string())
        }
    });
    tick().await;
    assert_eq!(container.text_content().as_deref(), Some("waiting"));
    sleep(80).await;
    assert_eq!(container.text_content().as_deref(), Some("42"));
    drop(handle);
}

/// Asked again (after a change the page made), `fetch_for_again` keeps showing the answer it has
/// until the new one comes, so the page does not fall back to "loading".
#[wasm_bindgen_test]
async fn fetch_for_again_keeps_the_answer_while_asking_again() {
    use sscard::api::fetch_for_again;
    let again = Trigger::new();
    let count = StoredValue::new(0_u32);
    let container = detached_container();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        let answer = fetch_for_again(
            || (),
            again,
            move |()| {
                count.update_value(|n| *n += 1);
                let n = count.get_value();
                async move {
                    sleep(40).await;
                    format!("list {n}")
                }
            },
        );
        move || answer.get().unwrap_or_else(|| "waiting".to_owned())
    });
    tick().await;
    sleep(100).await;
    assert_eq!(container.text_content().as_deref(), Some("list 1"));
    again.notify();
    tick().await;
    assert_eq!(container.text_content().as_deref(), Some("list 1"));
    sleep(100).await;
    assert_eq!(container.text_content().as_deref(), Some("list 2"));
    drop(handle);
}

//! Policy numbers reach the texts through placeholders filled from the city's policy
//! (src/policy_text.rs), so a text says the number of the city it is about.
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use sscard::policy_text::{fill_common, fill_params, try_fill_params};
use sscard_rules::City;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn on() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).expect("a date")
}

/// A text, a city, and what the text says there (`None`: the city's policy lacks a value).
struct Case {
    text: &'static str,
    city: City,
    want: Option<&'static str>,
    source: &'static str,
}

#[wasm_bindgen_test]
fn placeholders_take_the_city_s_own_values() {
    let cases = [
        Case {
            text: "线上申请 {replacement_working_days} 个工作日内制成",
            city: City::Beijing,
            want: Some("线上申请 4 个工作日内制成"),
            source: "beijing.toml replacement_working_days (REPLACE_4_001)",
        },
        Case {
            text: "约 {instant_minutes} 分钟",
            city: City::Urumqi,
            want: Some("约 10 分钟"),
            source: "urumqi.toml instant_minutes (TEN_MIN_L33)",
        },
        Case {
            text: "约 {instant_minutes} 分钟",
            city: City::Shanghai,
            want: None,
            source: "shanghai.toml names no instant cards",
        },
        Case {
            text: "年满 {elderly_age_years} 周岁 {elderly_age_extra_months} 个月",
            city: City::Beijing,
            want: Some("年满 59 周岁 6 个月"),
            source: "beijing.toml elderly_age_months = 714 (002 Q4 L33)",
        },
        Case {
            text: "未满 {minor_age_years} 周岁，{date} 满",
            city: City::Shanghai,
            want: Some("未满 18 周岁，{date} 满"),
            source: "shanghai.toml minor_age_years; {date} is another fill's",
        },
        Case {
            text: "已超过 {fresh_code_minutes} 分钟",
            city: City::Urumqi,
            want: Some("已超过 10 分钟"),
            source: "sscard_rules::FRESH_CODE_MINUTES",
        },
        Case {
            text: "没有占位 {",
            city: City::Beijing,
            want: Some("没有占位 {"),
            source: "an unclosed brace is text",
        },
    ];
    for case in cases {
        assert_eq!(
            try_fill_params(case.text, case.city, on()).as_deref(),
            case.want,
            "{:?} in {:?} ({})",
            case.text,
            case.city,
            case.source
        );
    }
}

#[wasm_bindgen_test]
fn a_value_the_city_lacks_shows_a_dash_not_another_city_s_number() {
    assert_eq!(
        fill_params("约 {instant_minutes} 分钟", City::Shanghai, on()),
        "约 — 分钟"
    );
}

/// The light fill every page uses knows the minor age and the fresh-code minutes only; other
/// placeholders stay for the full fill.
#[wasm_bindgen_test]
fn the_common_fill_leaves_the_other_values_alone() {
    assert_eq!(
        fill_common(
            "未满 {minor_age_years} 岁；{fresh_code_minutes} 分钟；{instant_minutes} 分钟",
            Some(City::Urumqi),
            on()
        ),
        "未满 18 岁；10 分钟；{instant_minutes} 分钟"
    );
}

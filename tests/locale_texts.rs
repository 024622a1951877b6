//! Every text of every locale, not a sample (issue #12: the old test read 5 of them).
//!
//! The locale tables are walked through their `Serialize` derive, so a text added to any table
//! is checked without touching this file. Each locale must have the same texts (same keys, list
//! items and table rows), none empty, each with the placeholders the other locales have;
//! Traditional Chinese must not keep a Simplified-only character (nor the reverse), and English
//! must not be a copy of the Chinese. No text writes a hotline or a number the policy holds.
#![cfg(target_arch = "wasm32")]

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use sscard::i18n::{IdTable, Locale};
use sscard_rules::StableId;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Texts that are the same in every locale on purpose: a language is named in its own script, as
/// on the language switch. The script checks skip them.
const SAME_IN_EVERY_LOCALE: &[&str] = &[
    "after.notices.language_zh_hans",
    "after.notices.language_zh_hant",
];

/// Characters written only in Simplified Chinese, each with a different Traditional form.
/// Taken from the characters of the zh-Hans tables that the zh-Hant tables never use, less those
/// that Traditional text also writes (干 于 台 里 系 周 后 范 余 准 托 党 号 么 咨 并 愿 据 携),
/// plus 简 and 体 (the zh-Hans autonym, which every locale shows).
const SIMPLIFIED_ONLY: &str = "简体与专业东丢两个临为乌书买产仅从们众优会伤储儿关养内册写军农决况\
    几则刚删别办务动励劳区医华单厅历参双发变吗听启员响团园围国场坏块处备复头学实对导将尝尽属岁\
    带庆应开异张当录态总户执抚护报拨择挂损换数无旧时显暂术机权条来柜样检楼横残汉没渔满点热状独\
    现电疗监盖码确离种称筛签类约纪线组细织终经结给络继续维编缴网职联脑节获营补规计认记论设证诈\
    试话询该详语误说请读谁调负责账购贴费资转载较辅输达过还这进违连迟适选递邮钟银链销错长门闭问\
    间阳阶险随页项须预领题额马验骗骤鲁齐龄";

/// Characters written only in Traditional Chinese, each with a different Simplified form (the
/// reverse list, less 藉, which Simplified text also writes, plus 體 of the zh-Hant autonym).
const TRADITIONAL_ONLY: &str = "體丟並佈來係個們備傷僅儘優儲兒內兩冊別刪則剛動務勞勵區參員問啟單\
    嗎嘗國圍園團執報場塊壞學實寫將專對導屬帶幹幾廳張後從復態慶應戶掛換損撥撫擇據攜數於時暫曆書\
    會東條業樓樣機橫檢檯櫃權歲殘決沒況準滿漁漢為烏無熱營狀獨獲現產異當療發監眾確碼種稱節範篩簽\
    紀約細終組結絡給經維網線編總織繫繳繼續聯職聽腦臨臺與舊華蓋處號術補裝裡製複規計訊託記設註詐\
    詢試話該詳認語誤說誰調請論諮證護讀變負責買費貼資賬購軍較載輔輸轉辦農這連週進過達違遞適遲選\
    遺還郵醫銀銷錄錯鏈鐘長門閉開間關陽階隨險雙離電響頁項須預領頭題額願類顯養餘馬騙驗驟髮魯麼點\
    黨齊齡";

/// Every text of `locale` by its path: `journey.why_summary`, `home_need[1]`,
/// `after.rules.errors[policy.missing]` (an id table's row, by its id).
fn texts(locale: Locale) -> BTreeMap<String, String> {
    let t = locale.texts();
    let mut out = BTreeMap::new();
    let shell = serde_json::to_value(t).expect("the texts serialize");
    collect("", &shell, &mut out);
    let journey = serde_json::to_value(t.journey()).expect("the journey texts serialize");
    collect("journey", &journey, &mut out);
    let cities = serde_json::to_value(t.cities()).expect("the city texts serialize");
    collect("cities", &cities, &mut out);
    let confirmation =
        serde_json::to_value(t.confirmation()).expect("the confirmation texts serialize");
    collect("confirmation", &confirmation, &mut out);
    let after = serde_json::to_value(t.after().tables()).expect("the after texts serialize");
    collect("after", &after, &mut out);
    // Which locale a table is, not a text.
    out.remove("locale");
    out
}

fn collect(path: &str, value: &Value, out: &mut BTreeMap<String, String>) {
    match value {
        Value::String(text) => {
            out.insert(path.to_owned(), text.clone());
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                match item.as_array().map(Vec::as_slice) {
                    // An id table's row, `[id, text]`: found by its id, since a locale file may
                    // order its rows as it likes.
                    Some([Value::String(id), text]) => collect(&format!("{path}[{id}]"), text, out),
                    _ => collect(&format!("{path}[{i}]"), item, out),
                }
            }
        }
        Value::Object(fields) => {
            for (key, field) in fields {
                let path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                collect(&path, field, out);
            }
        }
        other => panic!("{path}: a text table holds {other}, not text"),
    }
}

/// The `{name}` placeholders of a text.
fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}'))
        .map(|(name, _)| name)
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .collect()
}

/// Every city's hotline in its policy. A text must not write one: it would show one city's
/// number to another city's people (Shanghai's and Urumqi's sources give none).
fn policy_hotlines() -> Vec<&'static str> {
    let on = chrono::NaiveDate::from_ymd_opt(2026, 1, 4).expect("a date");
    sscard_rules::City::ALL
        .iter()
        .filter_map(|city| sscard_rules::hotline(*city, on).ok().flatten())
        .map(|hotline| hotline.value)
        .collect()
}

/// Texts that may write a number the policy holds: how long the form takes (not a policy
/// value), and the start page's list, which must not carry the policy tables (its size budget;
/// every city's sources say 18).
const NOT_POLICY_NUMBERS: &[&str] = &["home_time", "home_time_unknown", "home_can_do[0]"];

/// The phrases that write a policy value as a literal in `locale`: each value any city's policy
/// holds for a count of working days, minutes, months or years of age, with its unit. A text
/// must say `{replacement_working_days}`, `{minor_age_years}`, … instead (src/policy_text.rs).
fn policy_number_phrases(locale: Locale) -> Vec<String> {
    use sscard_rules::NumericParam as P;
    let on = chrono::NaiveDate::from_ymd_opt(2026, 1, 4).expect("a date");
    let values = |params: &[P]| -> BTreeSet<u32> {
        sscard_rules::City::ALL
            .iter()
            .flat_map(|city| params.iter().map(move |p| (*city, *p)))
            .filter_map(|(city, p)| sscard_rules::param_u32(city, p, on).ok())
            .map(|v| v.value)
            .collect()
    };
    let fresh = u32::try_from(sscard_rules::FRESH_CODE_MINUTES).expect("minutes");
    let days = values(&[P::ReplacementWorkingDays]);
    let mut minutes = values(&[P::InstantMinutes]);
    minutes.insert(fresh);
    let months = values(&[P::BankChangeCooldownMonths]);
    let mut ages = values(&[P::MinorAgeYears]);
    ages.extend(values(&[P::ElderlyAgeMonths]).iter().map(|m| m / 12));
    let (day_units, minute_units, month_units, age_patterns): (&[&str], &[&str], &[&str], &[&str]) =
        match locale {
            Locale::ZhHans => (
                &["{} 个工作日"],
                &["{} 分钟"],
                &["{} 个月"],
                &["{} 周岁", "{} 岁"],
            ),
            Locale::ZhHant => (
                &["{} 個工作日"],
                &["{} 分鐘"],
                &["{} 個月"],
                &["{} 週歲", "{} 歲"],
            ),
            Locale::En => (
                &["{} working days"],
                &["{} minutes"],
                &["{} months"],
                &["under {}", "{} or over", "{} or older", "{} years"],
            ),
        };
    let mut phrases = Vec::new();
    for (set, patterns) in [
        (&days, day_units),
        (&minutes, minute_units),
        (&months, month_units),
        (&ages, age_patterns),
    ] {
        for value in set {
            phrases.extend(patterns.iter().map(|p| p.replace("{}", &value.to_string())));
        }
    }
    phrases
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// What is wrong with the texts of every locale, compared with zh-Hans; empty when nothing is.
fn problems() -> Vec<String> {
    let reference = texts(Locale::ZhHans);
    let mut problems = Vec::new();
    for locale in Locale::ALL {
        let mine = texts(locale);
        for path in reference.keys().filter(|p| !mine.contains_key(*p)) {
            problems.push(format!("{locale:?} {path}: missing (zh-Hans has it)"));
        }
        for path in mine.keys().filter(|p| !reference.contains_key(*p)) {
            problems.push(format!("{locale:?} {path}: not in zh-Hans"));
        }
        for (path, text) in &mine {
            if text.trim().is_empty() {
                problems.push(format!("{locale:?} {path}: empty"));
            }
            let Some(hans) = reference.get(path) else {
                continue;
            };
            if SAME_IN_EVERY_LOCALE.contains(&path.as_str()) {
                if text != hans {
                    problems.push(format!("{locale:?} {path}: {text:?}, zh-Hans has {hans:?}"));
                }
                continue;
            }
            // A plural text's `one` form may leave the number out ("1 day left"); the build holds
            // it to the placeholders of `other`.
            if !path.ends_with(".one") && placeholders(text) != placeholders(hans) {
                problems.push(format!(
                    "{locale:?} {path}: placeholders {:?}, zh-Hans has {:?}",
                    placeholders(text),
                    placeholders(hans)
                ));
            }
            let wrong_script = match locale {
                Locale::ZhHant => SIMPLIFIED_ONLY,
                Locale::ZhHans => TRADITIONAL_ONLY,
                Locale::En => "",
            };
            let stray: String = text.chars().filter(|c| wrong_script.contains(*c)).collect();
            if !stray.is_empty() {
                problems.push(format!(
                    "{locale:?} {path}: {stray:?}, of the other script, in {text:?}"
                ));
            }
            if locale == Locale::En && text == hans && text.chars().any(is_han) {
                problems.push(format!("En {path}: still the zh-Hans text {text:?}"));
            }
            // The text's own key, also for a plural form (`home_time.other`).
            let key = path
                .trim_end_matches(".one")
                .trim_end_matches(".other")
                .rsplit('.')
                .next()
                .unwrap_or(path);
            for phrase in policy_number_phrases(locale)
                .iter()
                .filter(|p| text.contains(p.as_str()) && !NOT_POLICY_NUMBERS.contains(&key))
            {
                problems.push(format!(
                    "{locale:?} {path}: writes {phrase:?} (a policy value: use its placeholder)"
                ));
            }
            for number in policy_hotlines().iter().filter(|n| text.contains(*n)) {
                problems.push(format!(
                    "{locale:?} {path}: writes the hotline {number} (a policy value: use {{ask}})"
                ));
            }
        }
    }
    problems
}

#[wasm_bindgen_test]
fn every_text_of_every_locale_is_there_and_consistent() {
    let count = texts(Locale::ZhHans).len();
    // The walk must reach into every table (over 600 keys, lists and id tables hold several).
    assert!(count > 600, "only {count} texts found");
    assert_eq!(problems(), Vec::<String>::new());
}

#[wasm_bindgen_test]
fn the_checks_see_placeholders_and_scripts() {
    assert_eq!(
        placeholders("{n} 天后，{date} 前 {x y}"),
        BTreeSet::from(["date", "n"])
    );
    assert_eq!(placeholders("无占位"), BTreeSet::new());
    assert!(SIMPLIFIED_ONLY.contains('们') && !SIMPLIFIED_ONLY.contains('們'));
    assert!(TRADITIONAL_ONLY.contains('們') && !TRADITIONAL_ONLY.contains('们'));
    // Spaces of the line breaks above are not characters of either list.
    assert!(!SIMPLIFIED_ONLY.contains(' ') && !TRADITIONAL_ONLY.contains(' '));
    assert_eq!(policy_hotlines(), vec!["96066"]);
    // The numbers a text must not write: Beijing's 4 working days, 10 minutes (on the spot and
    // a fresh code), 6 months between bank changes, ages 18 and 59.
    let zh = policy_number_phrases(Locale::ZhHans);
    for phrase in ["4 个工作日", "10 分钟", "6 个月", "18 周岁", "59 周岁"] {
        assert!(zh.iter().any(|p| p == phrase), "{phrase} is checked");
    }
}

/// The ids of `all`, sorted.
fn ids_of<T: StableId>(all: &[T]) -> Vec<&'static str> {
    sorted(all.iter().map(|v| v.id()).collect())
}

fn sorted(mut ids: Vec<&'static str>) -> Vec<&'static str> {
    ids.sort_unstable();
    ids
}

/// A table of texts looked up by id, and the ids it must have, so a value added to the rules
/// crate without its words in every locale (the explorer showed `mass_changeover`, the where page
/// `posted_to_applicant`) or a row left for a value that is gone fails here. (The names of a
/// whole enum's values, `Names<T>`, are held to the enum by the build: build/locales.rs.)
struct NamedValues {
    what: &'static str,
    table: fn(Locale) -> IdTable,
    ids: Vec<&'static str>,
}

#[wasm_bindgen_test]
fn every_value_looked_up_by_id_has_its_words_in_every_locale() {
    use sscard_rules::{Actor, PolicyParam};
    let sources = sorted(vec![
        sscard_rules::SEED_000,
        sscard_rules::SEED_001,
        sscard_rules::SEED_002,
        sscard_rules::SEED_003,
        sscard_rules::SEED_004,
        sscard_rules::DECISIONS,
        sscard_rules::CALENDAR_DATA,
        sscard_rules::HOLIDAY_LAW,
    ]);
    let cases = [
        NamedValues {
            what: "cited documents",
            table: |l| l.texts().after().names().sources,
            ids: sources,
        },
        // The employer is not a citizen's answer on the where page.
        NamedValues {
            what: "actors",
            table: |l| l.texts().after().where_to().actor_options,
            ids: ids_of(&[Actor::Holder, Actor::Guardian, Actor::Agent]),
        },
        NamedValues {
            what: "policy values",
            table: |l| l.texts().after().rules().params,
            ids: sorted(PolicyParam::ALL.iter().map(|p| p.id()).collect()),
        },
    ];
    for case in &cases {
        for locale in Locale::ALL {
            let mut rows: Vec<&str> = (case.table)(locale).iter().map(|(id, _)| *id).collect();
            rows.sort_unstable();
            assert_eq!(rows, case.ids, "{locale:?}: {}", case.what);
        }
    }
}

/// A count picks its plural form: English says "1 day" and "2 days" (issue #12 found
/// "1 days left"); Chinese has one form for every number.
#[wasm_bindgen_test]
fn a_count_picks_its_plural_form() {
    struct Case {
        locale: Locale,
        n: i64,
        want: &'static str,
    }
    let cases = [
        Case {
            locale: Locale::En,
            n: 1,
            want: "1 day left",
        },
        Case {
            locale: Locale::En,
            n: 2,
            want: "2 days left",
        },
        Case {
            locale: Locale::En,
            n: 0,
            want: "0 days left",
        },
        Case {
            locale: Locale::ZhHans,
            n: 1,
            want: "还有 1 天",
        },
        Case {
            locale: Locale::ZhHans,
            n: 5,
            want: "还有 5 天",
        },
        Case {
            locale: Locale::ZhHant,
            n: 1,
            want: "還有 1 天",
        },
    ];
    for case in cases {
        let days_left = &case.locale.texts().after().common().days_left;
        assert_eq!(
            days_left.fill("n", case.n),
            case.want,
            "{:?} {}",
            case.locale,
            case.n
        );
    }
    let name_long = &Locale::En.texts().journey().e_name_long;
    assert_eq!(
        name_long.fill("n", 30),
        "The name must be 30 characters or fewer"
    );
}

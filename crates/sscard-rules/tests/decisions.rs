//! `DECISION_LIST` is `DECISIONS.md` as data: the same ids, each with its titles.
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::assert_has;
use sscard_rules::*;

const DECISIONS_MD: &str = include_str!("../DECISIONS.md");

/// The ids of `DECISIONS.md`: each decision starts a paragraph with `**D<n> — `.
fn ids_in_file() -> Vec<String> {
    DECISIONS_MD
        .lines()
        .filter_map(|line| line.strip_prefix("**D"))
        .filter_map(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let after = &rest[digits.len()..];
            (!digits.is_empty() && after.starts_with(" — ")).then(|| format!("D{digits}"))
        })
        .collect()
}

fn number(id: &str) -> u32 {
    id.trim_start_matches('D').parse().unwrap_or(0)
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn decision_list_is_decisions_md() {
    let in_file: Vec<String> = ids_in_file();
    let in_file: Vec<&str> = in_file.iter().map(String::as_str).collect();
    assert!(
        in_file.len() >= 28,
        "the ids of {DECISIONS} are found: {in_file:?}"
    );
    let listed: Vec<&str> = DECISION_LIST.iter().map(|d| d.id).collect();
    assert_has(
        &listed,
        &in_file,
        "DECISION_LIST has every id of DECISIONS.md",
    );
    assert_has(
        &in_file,
        &listed,
        "DECISIONS.md has every id of DECISION_LIST",
    );
    let mut sorted = in_file.clone();
    sorted.sort_by_key(|id| number(id));
    sorted.dedup();
    assert_eq!(
        sorted.len(),
        in_file.len(),
        "no id twice in {DECISIONS}: {in_file:?}"
    );
    assert_eq!(listed, sorted, "DECISION_LIST: in id order, no id twice");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn decision_titles_are_short_and_plain() {
    for d in DECISION_LIST {
        for title in [d.title_zh_hans, d.title_zh_hant, d.title_en] {
            assert!(
                !title.trim().is_empty() && title.chars().count() <= 160,
                "{} title is empty or over 160 characters: {title:?}",
                d.id
            );
            // The app's plain-language rule: no 请 / 抱歉 / 非法 / 无效 (申请 is a word).
            let plain = title.replace("申请", "").replace("申請", "");
            let found: Vec<&str> = ["请", "請", "抱歉", "非法", "无效", "無效"]
                .into_iter()
                .filter(|word| plain.contains(word))
                .collect();
            assert_eq!(
                found,
                Vec::<&str>::new(),
                "{} title {title:?}: words the plain-language rule leaves out",
                d.id
            );
        }
        assert_eq!(
            Citation::decision(d.id).to_string(),
            format!("{DECISIONS} {}", d.id),
            "{} is a decision locator",
            d.id
        );
    }
}

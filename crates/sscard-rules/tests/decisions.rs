//! `DECISION_LIST` is `DECISIONS.md` as data: the same ids, each with its titles.
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::check;
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
    let in_file = ids_in_file();
    check(in_file.len() >= 28, DECISIONS, "the file's ids are found");
    for id in &in_file {
        check(
            DECISION_LIST.iter().any(|d| d.id == id),
            DECISIONS,
            &format!("{id} of DECISIONS.md is in DECISION_LIST"),
        );
    }
    for d in DECISION_LIST {
        check(
            in_file.iter().any(|id| id == d.id),
            DECISIONS,
            &format!("{} of DECISION_LIST is in DECISIONS.md", d.id),
        );
    }
    let mut sorted: Vec<&str> = in_file.iter().map(String::as_str).collect();
    sorted.sort_by_key(|id| number(id));
    sorted.dedup();
    check(
        sorted.len() == in_file.len(),
        DECISIONS,
        "no id twice in DECISIONS.md",
    );
    let listed: Vec<&str> = DECISION_LIST.iter().map(|d| d.id).collect();
    check(
        listed == sorted,
        DECISIONS,
        "DECISION_LIST: in id order, no id twice",
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn decision_titles_are_short_and_plain() {
    for d in DECISION_LIST {
        for title in [d.title_zh_hans, d.title_zh_hant, d.title_en] {
            check(
                !title.trim().is_empty() && title.chars().count() <= 160,
                DECISIONS,
                &format!("{} title: {title}", d.id),
            );
            // The app's plain-language rule: no 请 / 抱歉 / 非法 / 无效 (申请 is a word).
            let plain = title.replace("申请", "").replace("申請", "");
            for word in ["请", "請", "抱歉", "非法", "无效", "無效"] {
                check(
                    !plain.contains(word),
                    DECISIONS,
                    &format!("{}: {word}", d.id),
                );
            }
        }
        check(
            Citation::decision(d.id).to_string() == format!("{DECISIONS} {}", d.id),
            DECISIONS,
            &format!("{} is a decision locator", d.id),
        );
    }
}

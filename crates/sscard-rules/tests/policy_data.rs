//! The city policy data files and their checks (issue 15, "rules as data").
//!
//! build.rs checks `policy/*.toml` on every build; these tests run the same loader
//! (`build/policy_data/`) on the shipped files and on a fixture city, `testville`, to show that
//! adding a city is adding a data file, and that each check refuses what it should, naming
//! the file and the key.
#![cfg(not(target_arch = "wasm32"))]

// The loader build.rs uses, compiled once more for the tests; each side uses a part of it.
#[allow(dead_code)]
#[path = "../build/policy_data/mod.rs"]
mod policy_data;

use std::path::Path;

use policy_data::Known;

const FIXTURE: &str = include_str!("fixtures/policy/testville.toml");
const FILE: &str = "tests/fixtures/policy/testville.toml";

fn known() -> Known {
    Known::from_crate(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("crate sources readable")
}

/// The problems the checks report for the fixture with `from` replaced by `to`.
fn problems(from: &str, to: &str) -> Vec<String> {
    assert!(FIXTURE.contains(from), "the fixture contains {from:?}");
    match policy_data::load(FILE, "testville", &FIXTURE.replacen(from, to, 1), &known()) {
        Ok(_) => Vec::new(),
        Err(p) => p,
    }
}

/// Asserts one problem names the fixture file and contains every one of `parts`.
fn refused(from: &str, to: &str, parts: &[&str]) {
    let p = problems(from, to);
    assert!(
        p.iter()
            .any(|m| m.starts_with(FILE) && parts.iter().all(|s| m.contains(s))),
        "replacing {from:?} by {to:?}: expected a problem with {parts:?}, got {p:#?}"
    );
}

#[test]
fn the_shipped_cities_pass() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("policy");
    let known = known();
    let mut cities = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("policy/ exists") {
        let path = entry.expect("readable entry").path();
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("utf-8 name");
        let text = std::fs::read_to_string(&path).expect("readable file");
        let shown = path.display().to_string();
        if let Err(p) = policy_data::load(&shown, stem, &text, &known) {
            panic!("{p:#?}");
        }
        cities.push(stem.to_owned());
    }
    cities.sort();
    assert_eq!(
        cities,
        ["beijing", "shanghai", "urumqi"],
        "one data file per City"
    );
}

#[test]
fn a_fixture_city_loads_and_generates() {
    let checked = policy_data::load(FILE, "testville", FIXTURE, &known())
        .unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(checked.city, "testville");
    assert_eq!(
        checked.offers.len(),
        3,
        "`channels = [a, b]` is one row per channel, plus the refusal"
    );
    let phases = &checked.params[0];
    assert_eq!((phases.0, phases.1.len()), ("phase", 2));

    let code = policy_data::all_cities(&[(checked, "crate::ids::City::Testville".into())]);
    for part in [
        "mod testville {",
        "crate::ids::City::Testville => &testville::DATA,",
        "from: crate::policy::ymd(2025, 7, 1), value: crate::policy::Phase::Normalised",
        "value: &[crate::policy::BankEntry { bank: crate::ids::Bank::Icbc, posts_cards: true, remote: false }]",
        "channel: crate::ids::Channel::InstantBranch, offered: true, conditions: &[crate::channels::OfferCondition::InPersonOnly], from: crate::policy::ymd(2025, 1, 1), until: Some(crate::policy::ymd(2025, 7, 1))",
        "offered: false",
        "const INLINE_CITE_",
        "crate::citation::Citation::decision(\"D3\")",
        "renewal_window_days: &[],",
    ] {
        assert!(code.contains(part), "generated code has {part:?}:\n{code}");
    }
}

#[test]
fn every_value_needs_a_citation() {
    refused(
        r#"bank_count = [{ from = "opening", value = 1, cite = "BANKS" }]"#,
        r#"bank_count = [{ from = "opening", value = 1 }]"#,
        &["missing field `cite`"],
    );
    refused(
        "from = \"second\"\ncite = \"START\"",
        "from = \"second\"",
        &["missing field `cite`"],
    );
    refused(
        r#"value = 1, cite = "BANKS""#,
        r#"value = 1, cite = "NOPE""#,
        &["values.bank_count[0].cite", "no citation `NOPE`"],
    );
    refused(
        r#"cite = { decision = "D3" }"#,
        r#"cite = { decision = "D999" }"#,
        &[
            "values.minor_age_years[0].cite",
            "`D999` is not in DECISIONS.md",
        ],
    );
    refused(
        r#", quote = "2023-02-16 12:04:24" }"#,
        " }",
        &["values.phase[0].cite", "non-empty quote"],
    );
    refused(
        r#"quote = "2023-02-16 12:04:24""#,
        r#"quote = " ""#,
        &["values.phase[0].cite", "non-empty quote"],
    );
}

#[test]
fn versions_must_be_in_date_order() {
    refused(
        r#"{ from = "2025-07-01", value = true"#,
        r#"{ from = "2024-12-31", value = true"#,
        &[
            "values.individual_application_open[1].from",
            "2024-12-31 must be after the previous version's 2025-01-01",
        ],
    );
    refused(
        r#"{ from = "2025-07-01", value = true"#,
        r#"{ from = "opening", value = true"#,
        &[
            "values.individual_application_open[1].from",
            "must be after",
        ],
    );
    refused(
        r#"until = "second""#,
        r#"until = "opening""#,
        &["offers[0].until", "is not after from"],
    );
    refused(
        r#"second = "2025-07-01""#,
        r#"second = "2025-02-30""#,
        &["dates.second", "not a real date"],
    );
    refused(
        r#"from = "opening", value = 1,"#,
        r#"from = "2024-06-01", value = 1,"#,
        &["values.bank_count[0].from", "before the first phase"],
    );
}

#[test]
fn ids_and_keys_are_checked() {
    refused(
        r#"channels = ["bank_branch", "instant_branch"]"#,
        r#"channels = ["bank_branch", "instant_brunch"]"#,
        &[
            "offers[0].channels[1]",
            "unknown Channel `instant_brunch`",
            "instant_branch",
        ],
    );
    refused(
        r#"conditions = ["in_person_only"]"#,
        r#"conditions = ["in_person_only", "in_person_only"]"#,
        &["offers[0].conditions[1]", "twice"],
    );
    refused(
        r#"value = "normalised""#,
        r#"value = "normal""#,
        &["values.phase[1].value", "unknown Phase `normal`"],
    );
    refused(
        r#"bank = "icbc""#,
        r#"bank = "icbcc""#,
        &["values.banks[0].value[0].bank", "unknown Bank"],
    );
    refused(
        "collective_application = ",
        "collective_applications = ",
        &["unknown field `collective_applications`"],
    );
    refused(
        r#"bank_count = [{ from = "opening", value = 1, cite = "BANKS" }]"#,
        "",
        &["values.bank_count", "required, and missing"],
    );
    refused(
        r#"city = "testville""#,
        r#"city = "otherville""#,
        &["city", "differs from the file name `testville`"],
    );
    refused(
        "[citations]\n",
        "[citations]\nSPARE = { decision = \"D3\" }\n",
        &["citations.SPARE", "never cited"],
    );
}

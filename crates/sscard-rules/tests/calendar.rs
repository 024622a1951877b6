//! Working days on the official calendar (cn-workdays.json, DECISIONS D1, D6).
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::d;
use sscard_rules::*;

struct Case {
    start: (i32, u32, u32),
    n: u32,
    end: (i32, u32, u32),
    certain: bool,
    source: &'static str,
}

const CASES: &[Case] = &[
    // 2026 Spring Festival: holidays 02-15..02-23, make-up Saturdays 02-14 and 02-28.
    Case {
        start: (2026, 2, 12),
        n: 4,
        end: (2026, 2, 25),
        certain: true,
        source: "000 L19; cn-workdays 2026 春节 + makeup 02-14",
    },
    Case {
        start: (2026, 2, 14),
        n: 4,
        end: (2026, 2, 27),
        certain: true,
        source: "D1: a make-up Saturday start is not counted",
    },
    Case {
        start: (2026, 2, 24),
        n: 4,
        end: (2026, 2, 28),
        certain: true,
        source: "cn-workdays 2026 makeup 02-28 (Saturday)",
    },
    Case {
        start: (2026, 2, 13),
        n: 1,
        end: (2026, 2, 14),
        certain: true,
        source: "cn-workdays 2026 makeup 02-14",
    },
    // National Day 2025 (8 days with Mid-Autumn), make-up Sunday 09-28 and Saturday 10-11.
    Case {
        start: (2025, 9, 26),
        n: 4,
        end: (2025, 10, 9),
        certain: true,
        source: "cn-workdays 2025 国庆节/中秋节",
    },
    // National Day 2026 and Mid-Autumn 2026.
    Case {
        start: (2026, 9, 30),
        n: 4,
        end: (2026, 10, 12),
        certain: true,
        source: "cn-workdays 2026 国庆节 + makeup 10-10",
    },
    Case {
        start: (2026, 9, 24),
        n: 4,
        end: (2026, 10, 8),
        certain: true,
        source: "cn-workdays 2026 中秋节 + 国庆节",
    },
    Case {
        start: (2024, 12, 31),
        n: 4,
        end: (2025, 1, 7),
        certain: true,
        source: "cn-workdays 2025 元旦",
    },
    // Into 2027: not published, so Monday–Friday less the law's holidays (元旦 2027-01-01,
    // a Friday), and flagged.
    Case {
        start: (2026, 12, 29),
        n: 4,
        end: (2027, 1, 5),
        certain: false,
        source: "DECISIONS D6, D35; cn-workdays 2027 published=false",
    },
    Case {
        start: (2026, 3, 2),
        n: 0,
        end: (2026, 3, 2),
        certain: true,
        source: "D1 (zero days)",
    },
];

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn add_working_days_table() {
    let cal = Calendar::embedded();
    for c in CASES {
        let start = d(c.start.0, c.start.1, c.start.2);
        // (last working day, certain?)
        let got = cal
            .add_working_days(start, c.n)
            .map(|s| (s.end, s.certainty.is_certain()));
        let want = (d(c.end.0, c.end.1, c.end.2), c.certain);
        assert_eq!(
            got,
            Ok(want),
            "{start} + {} working days ({})",
            c.n,
            c.source
        );
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn day_kinds() {
    let cal = Calendar::embedded();
    let src = "cn-workdays.json";
    assert_eq!(cal.published_years(), vec![2024, 2025, 2026], "{src}");
    assert!(!cal.is_published(2027), "2027 unpublished ({src})");
    // (date, working?, certain?, what, source)
    let days = [
        (d(2026, 2, 14), true, true, "makeup Saturday works", src),
        (
            d(2026, 2, 16),
            false,
            true,
            "Spring Festival Monday off",
            src,
        ),
        (
            d(2027, 1, 1),
            false,
            false,
            "2027-01-01 (元旦, a Friday) estimated as a holiday",
            "D6, D35",
        ),
        (
            d(2027, 1, 4),
            true,
            false,
            "2027-01-04 estimated as a Monday working day",
            "D6",
        ),
    ];
    for (date, working, certain, what, source) in days {
        let (w, c) = cal.is_working_day(date);
        assert_eq!(
            (w, c.is_certain()),
            (working, certain),
            "{what}: (working, certain) ({source})"
        );
    }
    let holiday = |name: &str| DayKind::Holiday { name: name.into() };
    assert_eq!(
        cal.day(d(2026, 2, 17)).kind,
        holiday("春节"),
        "holiday name ({src})"
    );
    assert_eq!(
        cal.day(d(2025, 10, 6)).kind,
        holiday("中秋节"),
        "mid-autumn in national day ({src})"
    );
    assert_eq!(
        cal.working_days_between(d(2026, 2, 12), d(2026, 2, 25)),
        Ok((4, Certainty::Certain)),
        "working days between ({src})"
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn from_json_replaces_and_validates() {
    let newer = r#"{"source":"test","years":{
        "2027":{"published":true,"holidays":[{"date":"2027-01-01","name":"元旦"}],"makeup_workdays":[]}}}"#;
    let cal = Calendar::from_json(newer).expect("parses (D6 run-time replacement)");
    // 2026 is absent from this file: its days are estimates; 2027-01-01 is now a holiday.
    assert_eq!(
        cal.add_working_days(d(2026, 12, 31), 1).map(|s| s.end),
        Ok(d(2027, 1, 4)),
        "holiday from the new data (D6)"
    );
    let (working, certainty) = cal.is_working_day(d(2027, 1, 1));
    assert_eq!(
        (working, certainty.is_certain()),
        (false, true),
        "published now: (working, certain) (D6)"
    );
    let bad: &[(&str, &str)] = &[
        ("not json", "calendar.json"),
        (r#"{"years":{"x":{"published":true}}}"#, "calendar.bad_year"),
        (
            r#"{"years":{"2027":{"published":true,"holidays":[{"date":"2027-02-30"}]}}}"#,
            "calendar.bad_date",
        ),
        (
            r#"{"years":{"2027":{"published":true,"holidays":[{"date":"2028-01-01"}]}}}"#,
            "calendar.wrong_year",
        ),
        (
            r#"{"years":{"2027":{"published":true,"makeup_workdays":["2027-01-04"]}}}"#,
            "calendar.makeup_not_weekend",
        ),
        (
            r#"{"years":{"2027":{"published":true,"holidays":[{"date":"2027-01-02"}],"makeup_workdays":["2027-01-02"]}}}"#,
            "calendar.overlap",
        ),
    ];
    for (json, code) in bad {
        let got = Calendar::from_json(json).map(|_| ()).map_err(|e| e.code());
        assert_eq!(got, Err(*code), "{json} (Calendar::from_json validation)");
    }
    let too_many = Calendar::embedded().add_working_days(d(2026, 1, 1), MAX_WORKING_DAYS + 1);
    assert!(
        too_many.is_err(),
        "too many days refused, not a panic: {too_many:?}"
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn embedded_json_is_the_embedded_calendar() {
    // The server publishes EMBEDDED_CALENDAR_JSON; the app may replace its calendar with it.
    // The embedded calendar itself is read from the Rust data build.rs writes of the same file
    // (no JSON parser in the app's pages): both readings must agree, with every year there.
    let parsed = Calendar::from_json(EMBEDDED_CALENDAR_JSON);
    assert_eq!(
        Calendar::embedded().published_years(),
        vec![2024, 2025, 2026]
    );
    assert_eq!(
        parsed.as_ref(),
        Ok(Calendar::embedded()),
        "cn-workdays.json parses to the embedded calendar"
    );
    let json = serde_json::from_str::<serde_json::Value>(EMBEDDED_CALENDAR_JSON);
    assert!(json.is_ok(), "cn-workdays.json is JSON: {json:?}");
}

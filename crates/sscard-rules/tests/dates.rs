//! Date conventions D1–D3: periods, months, ages.
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod common;
use chrono::NaiveDate;
use common::d;
use sscard_rules::*;

struct MonthCase {
    start: (i32, u32, u32),
    months: u32,
    end: (i32, u32, u32),
    source: &'static str,
}

const MONTHS: &[MonthCase] = &[
    MonthCase {
        start: (2025, 8, 31),
        months: 6,
        end: (2026, 2, 28),
        source: "DECISIONS D2; 002 Q27 L185",
    },
    MonthCase {
        start: (2027, 8, 31),
        months: 6,
        end: (2028, 2, 29),
        source: "DECISIONS D2 (leap year)",
    },
    MonthCase {
        start: (2026, 3, 15),
        months: 6,
        end: (2026, 9, 15),
        source: "DECISIONS D2",
    },
    MonthCase {
        start: (2026, 8, 31),
        months: 6,
        end: (2027, 2, 28),
        source: "DECISIONS D2",
    },
    MonthCase {
        start: (2026, 5, 31),
        months: 1,
        end: (2026, 6, 30),
        source: "DECISIONS D2",
    },
    MonthCase {
        start: (1966, 8, 31),
        months: 714,
        end: (2026, 2, 28),
        source: "DECISIONS D3; 002 Q4 L33",
    },
    MonthCase {
        start: (1964, 2, 29),
        months: 714,
        end: (2023, 8, 29),
        source: "DECISIONS D3",
    },
    MonthCase {
        start: (2008, 2, 29),
        months: 216,
        end: (2026, 2, 28),
        source: "DECISIONS D3 (18 years)",
    },
    MonthCase {
        start: (2008, 2, 29),
        months: 240,
        end: (2028, 2, 29),
        source: "DECISIONS D3 (20 years)",
    },
];

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn month_periods() {
    for c in MONTHS {
        let start = d(c.start.0, c.start.1, c.start.2);
        let end = d(c.end.0, c.end.1, c.end.2);
        assert_eq!(
            months_period_end(start, c.months),
            Some(end),
            "{start} + {} months ({})",
            c.months,
            c.source
        );
    }
}

struct AgeCase {
    birth: (i32, u32, u32),
    on: (i32, u32, u32),
    age: (u32, u32, u32),
    reached_59y6m: bool,
    source: &'static str,
}

const AGES: &[AgeCase] = &[
    AgeCase {
        birth: (1966, 8, 15),
        on: (2026, 2, 13),
        age: (59, 5, 29),
        reached_59y6m: false,
        source: "002 Q4 L33; D3 (59y5m29d)",
    },
    AgeCase {
        birth: (1966, 8, 15),
        on: (2026, 2, 14),
        age: (59, 5, 30),
        reached_59y6m: false,
        source: "002 Q4 L33; D3",
    },
    AgeCase {
        birth: (1966, 8, 15),
        on: (2026, 2, 15),
        age: (59, 6, 0),
        reached_59y6m: true,
        source: "002 Q4 L33; D3 (exactly 59y6m)",
    },
    AgeCase {
        birth: (1966, 8, 31),
        on: (2026, 2, 27),
        age: (59, 5, 27),
        reached_59y6m: false,
        source: "D3 month end",
    },
    AgeCase {
        birth: (1966, 8, 31),
        on: (2026, 2, 28),
        age: (59, 6, 0),
        reached_59y6m: true,
        source: "D3 month end",
    },
    AgeCase {
        birth: (1964, 2, 29),
        on: (2023, 8, 28),
        age: (59, 5, 30),
        reached_59y6m: false,
        source: "D3 29 February",
    },
    AgeCase {
        birth: (1964, 2, 29),
        on: (2023, 8, 29),
        age: (59, 6, 0),
        reached_59y6m: true,
        source: "D3 29 February",
    },
];

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn ages() {
    for c in AGES {
        let birth = d(c.birth.0, c.birth.1, c.birth.2);
        let on = d(c.on.0, c.on.1, c.on.2);
        let age = age_on(birth, on);
        let want = Age {
            years: c.age.0,
            months: c.age.1,
            days: c.age.2,
        };
        assert_eq!(age, Some(want), "age of {birth} on {on} ({})", c.source);
        assert_eq!(
            has_reached_age(birth, 59, 6, on),
            c.reached_59y6m,
            "59y6m reached by {birth} on {on} ({})",
            c.source
        );
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn day_periods_and_edges() {
    // D1: 30 days from 2026-03-02 end on 2026-04-01; the start day is not counted.
    assert_eq!(
        days_period_end(d(2026, 3, 2), 30),
        Some(d(2026, 4, 1)),
        "30 days (DECISIONS D1)"
    );
    assert_eq!(
        natural_days_between(d(2026, 1, 20), d(2026, 2, 4)),
        15,
        "15 natural days (D1)"
    );
    assert_eq!(
        age_on(d(2000, 1, 2), d(2000, 1, 1)),
        None,
        "age before birth (D3)"
    );
    // Overflow is None, not a panic.
    assert_eq!(add_months(NaiveDate::MAX, 1), None, "add_months overflow");
    assert_eq!(add_days(NaiveDate::MAX, 1), None, "add_days overflow");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn date_text_forms() {
    // The wire format (docs/api.md): strict YYYY-MM-DD, real dates only.
    let strict: &[(&str, Option<NaiveDate>)] = &[
        ("2026-02-28", Some(d(2026, 2, 28))),
        ("2024-02-29", Some(d(2024, 2, 29))),
        ("2026-02-29", None),
        ("2026-2-28", None),
        ("26-02-28", None),
        ("2026-02-28-01", None),
        ("2026-0a-28", None),
        ("+202-02-28", None),
        ("", None),
    ];
    for (text, want) in strict {
        assert_eq!(parse_iso_date(text), *want, "{text:?} (api.md date format)");
    }
    // What people type in the rules explorer: one-digit month and day are fine.
    let loose: &[(&str, Option<NaiveDate>)] = &[
        ("2026-9-3", Some(d(2026, 9, 3))),
        ("2026-09-30", Some(d(2026, 9, 30))),
        ("2026-9-31", None),
        ("2026-009-03", None),
    ];
    for (text, want) in loose {
        assert_eq!(
            parse_ymd_loose(text),
            *want,
            "{text:?} (explorer date input)"
        );
    }
    assert_eq!(
        basic_date(d(2027, 1, 5)),
        "20270105",
        "basic form (RFC 5545 DATE)"
    );
}

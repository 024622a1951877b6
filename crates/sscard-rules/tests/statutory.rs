//! Estimates for unpublished years keep the holidays the law fixes (DECISIONS D6, D35).
//!
//! Sources: 《全国年节及纪念日放假办法》 article 2, 2013 revision (国务院令第644号, from
//! 2014-01-01: 11 days) and 2024 revision (国务院令第795号, from 2025-01-01: 13 days); the
//! official 2024–2026 schedules in cn-workdays.json; lunar dates from the embedded table that
//! tests/lunar_dates.rs checks against ICU4X and tyme4rs.
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod common;
use chrono::{Datelike, NaiveDate, Weekday};
use common::d;
use sscard_rules::*;

type Ymd = (i32, u32, u32);

fn date(ymd: Ymd) -> NaiveDate {
    d(ymd.0, ymd.1, ymd.2)
}

/// A calendar with no published year: every answer is the estimate.
fn nothing_published() -> Calendar {
    Calendar::from_json(r#"{"source":"test: no published year","years":{}}"#)
        .expect("an empty calendar parses")
}

fn holiday(name: &str) -> DayKind {
    DayKind::Holiday {
        name: name.to_owned(),
    }
}

/// The law's days off in one year, and the revision they come from.
struct LawYear {
    year: i32,
    /// Days off a year under the revision, its valid-from date and locator.
    revision: (u32, Ymd, &'static str),
    /// Expected statutory days off, in date order, with the festival name.
    days: &'static [(Ymd, &'static str)],
    /// Whether cn-workdays.json publishes the year (then every day must be a holiday there).
    official: bool,
    source: &'static str,
}

const REV_2013: (u32, Ymd, &str) = (11, (2014, 1, 1), "第二条（2013年修订，国务院令第644号）");
const REV_2024: (u32, Ymd, &str) = (13, (2025, 1, 1), "第二条（2024年修订，国务院令第795号）");

const LAW_YEARS: &[LawYear] = &[
    // 2024's schedule predates the 2024 revision: only the 2013 revision's 11 days apply
    // (no 除夕, 1 May only); each is a holiday of the same name in the official data.
    LawYear {
        year: 2024,
        revision: REV_2013,
        days: &[
            ((2024, 1, 1), "元旦"),
            ((2024, 2, 10), "春节"),
            ((2024, 2, 11), "春节"),
            ((2024, 2, 12), "春节"),
            ((2024, 4, 4), "清明节"),
            ((2024, 5, 1), "劳动节"),
            ((2024, 6, 10), "端午节"),
            ((2024, 9, 17), "中秋节"),
            ((2024, 10, 1), "国庆节"),
            ((2024, 10, 2), "国庆节"),
            ((2024, 10, 3), "国庆节"),
        ],
        official: true,
        source: "国务院令第644号 art. 2; cn-workdays 2024 (国办发明电〔2023〕7号)",
    },
    LawYear {
        year: 2025,
        revision: REV_2024,
        days: &[
            ((2025, 1, 1), "元旦"),
            ((2025, 1, 28), "春节"),
            ((2025, 1, 29), "春节"),
            ((2025, 1, 30), "春节"),
            ((2025, 1, 31), "春节"),
            ((2025, 4, 4), "清明节"),
            ((2025, 5, 1), "劳动节"),
            ((2025, 5, 2), "劳动节"),
            ((2025, 5, 31), "端午节"),
            ((2025, 10, 1), "国庆节"),
            ((2025, 10, 2), "国庆节"),
            ((2025, 10, 3), "国庆节"),
            ((2025, 10, 6), "中秋节"),
        ],
        official: true,
        source: "国务院令第795号 art. 2; cn-workdays 2025 (国办发明电〔2024〕12号)",
    },
    LawYear {
        year: 2026,
        revision: REV_2024,
        days: &[
            ((2026, 1, 1), "元旦"),
            ((2026, 2, 16), "春节"),
            ((2026, 2, 17), "春节"),
            ((2026, 2, 18), "春节"),
            ((2026, 2, 19), "春节"),
            ((2026, 4, 5), "清明节"),
            ((2026, 5, 1), "劳动节"),
            ((2026, 5, 2), "劳动节"),
            ((2026, 6, 19), "端午节"),
            ((2026, 9, 25), "中秋节"),
            ((2026, 10, 1), "国庆节"),
            ((2026, 10, 2), "国庆节"),
            ((2026, 10, 3), "国庆节"),
        ],
        official: true,
        source: "国务院令第795号 art. 2; cn-workdays 2026 (2025-11-04 notice)",
    },
    LawYear {
        year: 2027,
        revision: REV_2024,
        days: &[
            ((2027, 1, 1), "元旦"),
            ((2027, 2, 5), "春节"),
            ((2027, 2, 6), "春节"),
            ((2027, 2, 7), "春节"),
            ((2027, 2, 8), "春节"),
            ((2027, 4, 5), "清明节"),
            ((2027, 5, 1), "劳动节"),
            ((2027, 5, 2), "劳动节"),
            ((2027, 6, 9), "端午节"),
            ((2027, 9, 15), "中秋节"),
            ((2027, 10, 1), "国庆节"),
            ((2027, 10, 2), "国庆节"),
            ((2027, 10, 3), "国庆节"),
        ],
        official: false,
        source: "国务院令第795号 art. 2; lunar dates by ICU4X and tyme4rs (tests/lunar_dates.rs)",
    },
    // 中秋 2028 falls on 3 October: 12 dates carry the 13 days, the shared one named as the
    // notices name such a break.
    LawYear {
        year: 2028,
        revision: REV_2024,
        days: &[
            ((2028, 1, 1), "元旦"),
            ((2028, 1, 25), "春节"),
            ((2028, 1, 26), "春节"),
            ((2028, 1, 27), "春节"),
            ((2028, 1, 28), "春节"),
            ((2028, 4, 4), "清明节"),
            ((2028, 5, 1), "劳动节"),
            ((2028, 5, 2), "劳动节"),
            ((2028, 5, 28), "端午节"),
            ((2028, 10, 1), "国庆节"),
            ((2028, 10, 2), "国庆节"),
            ((2028, 10, 3), "国庆节、中秋节"),
        ],
        official: false,
        source: "国务院令第795号 art. 2; 中秋 2028-10-03 by ICU4X and tyme4rs",
    },
];

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn the_law_fixes_these_days() {
    let official = Calendar::embedded();
    let estimate = nothing_published();
    for c in LAW_YEARS {
        let want: Vec<StatutoryHoliday> = c
            .days
            .iter()
            .map(|(ymd, name)| StatutoryHoliday {
                date: date(*ymd),
                name: (*name).to_owned(),
            })
            .collect();
        assert_eq!(statutory_holidays(c.year), Some(want), "{}", c.source);
        let (days_off, from, locator) = c.revision;
        let basis = estimate.estimate_basis(c.year);
        assert_eq!(
            basis.as_ref().map(|p| (p.value, p.valid_from)),
            Some((days_off, date(from))),
            "{}: revision",
            c.source
        );
        assert_eq!(
            basis.map(|p| p.citation),
            Some(Citation::holiday_law(locator)),
            "{}: cited",
            c.source
        );
        for (ymd, name) in c.days {
            let day = date(*ymd);
            let info = estimate.day(day);
            assert_eq!(
                (info.kind, info.working, info.certainty),
                (holiday(name), false, Certainty::unpublished(c.year)),
                "{}: {day} in an estimate",
                c.source
            );
            if c.official {
                assert_eq!(
                    official.day(day).kind,
                    holiday(name),
                    "{}: {day} is an official holiday",
                    c.source
                );
            }
        }
    }
}

/// Days the 2024 revision added: not law days under the 2013 revision (2024), law days after.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn the_2024_revision_applies_from_2025() {
    struct Case {
        day: Ymd,
        official: DayKind,
        estimate: DayKind,
        source: &'static str,
    }
    let cases = [
        Case {
            day: (2024, 2, 9),
            official: DayKind::Weekday,
            estimate: DayKind::Weekday,
            source: "除夕 2024: a working Friday (cn-workdays 2024; 国务院令第644号)",
        },
        Case {
            day: (2024, 5, 2),
            official: holiday("劳动节"),
            estimate: DayKind::Weekday,
            source: "2 May 2024: off by the notice's 调休, not by the 2013 law",
        },
        Case {
            day: (2025, 1, 28),
            official: holiday("春节"),
            estimate: holiday("春节"),
            source: "除夕 2025: a law day from 2025 (国务院令第795号)",
        },
        Case {
            day: (2025, 5, 2),
            official: holiday("劳动节"),
            estimate: holiday("劳动节"),
            source: "2 May 2025: a law day from 2025 (国务院令第795号)",
        },
    ];
    let estimate = nothing_published();
    for c in &cases {
        let day = date(c.day);
        assert_eq!(
            (Calendar::embedded().day(day).kind, estimate.day(day).kind),
            (c.official.clone(), c.estimate.clone()),
            "{}",
            c.source
        );
    }
}

/// Working days added across unpublished years skip the law's days, and only those.
struct Span {
    start: Ymd,
    n: u32,
    end: Ymd,
    skipped: &'static [Ymd],
    /// Unpublished years crossed (empty: certain).
    years: &'static [i32],
    source: &'static str,
}

const SPANS: &[Span] = &[
    Span {
        start: (2026, 12, 30),
        n: 1,
        end: (2026, 12, 31),
        skipped: &[],
        years: &[],
        source: "cn-workdays 2026: published, certain",
    },
    Span {
        start: (2026, 12, 30),
        n: 2,
        end: (2027, 1, 4),
        skipped: &[(2027, 1, 1)],
        years: &[2027],
        source: "元旦 1 January (art. 2); cn-workdays 2027 published=false",
    },
    Span {
        start: (2027, 2, 4),
        n: 1,
        end: (2027, 2, 9),
        skipped: &[(2027, 2, 5), (2027, 2, 6), (2027, 2, 7), (2027, 2, 8)],
        years: &[2027],
        source: "春节 2027: 除夕 02-05, 正月初一 02-06 to 初三 02-08",
    },
    Span {
        start: (2027, 4, 2),
        n: 1,
        end: (2027, 4, 6),
        skipped: &[(2027, 4, 5)],
        years: &[2027],
        source: "清明 2027-04-05 (a Monday)",
    },
    Span {
        start: (2027, 4, 30),
        n: 1,
        end: (2027, 5, 3),
        skipped: &[(2027, 5, 1), (2027, 5, 2)],
        years: &[2027],
        source: "劳动节 2027 on a weekend: no 补假 guessed (art. 6, D35)",
    },
    Span {
        start: (2027, 6, 8),
        n: 1,
        end: (2027, 6, 10),
        skipped: &[(2027, 6, 9)],
        years: &[2027],
        source: "端午 2027-06-09",
    },
    Span {
        start: (2027, 9, 14),
        n: 1,
        end: (2027, 9, 16),
        skipped: &[(2027, 9, 15)],
        years: &[2027],
        source: "中秋 2027-09-15",
    },
    Span {
        start: (2027, 9, 30),
        n: 1,
        end: (2027, 10, 4),
        skipped: &[(2027, 10, 1), (2027, 10, 2), (2027, 10, 3)],
        years: &[2027],
        source: "国庆节 2027: 1–3 October",
    },
    Span {
        start: (2027, 12, 31),
        n: 1,
        end: (2028, 1, 3),
        skipped: &[(2028, 1, 1)],
        years: &[2028],
        source: "元旦 2028 on a Saturday",
    },
    Span {
        start: (2028, 1, 24),
        n: 1,
        end: (2028, 1, 31),
        skipped: &[(2028, 1, 25), (2028, 1, 26), (2028, 1, 27), (2028, 1, 28)],
        years: &[2028],
        source: "春节 2028: 除夕 01-25, 正月初一 01-26",
    },
];

fn estimate(years: &[i32]) -> Certainty {
    years
        .iter()
        .fold(Certainty::Certain, |c, y| c.and(Certainty::unpublished(*y)))
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn estimates_skip_the_law_days() {
    let cal = Calendar::embedded();
    for c in SPANS {
        let got = cal.add_working_days(date(c.start), c.n).map(|s| {
            (
                s.end,
                s.holidays_skipped,
                s.makeup_days_counted,
                s.certainty,
            )
        });
        let want = (
            date(c.end),
            c.skipped.iter().copied().map(date).collect::<Vec<_>>(),
            Vec::new(),
            estimate(c.years),
        );
        assert_eq!(got, Ok(want), "{}", c.source);
    }
}

/// No weekend day of an unpublished year is ever a working day: 调休 make-up days are the
/// notice's, never invented (D35). Over a whole year the estimate skips exactly the law's days.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn make_up_days_are_never_invented() {
    let cal = nothing_published();
    for year in STATUTORY_YEARS {
        let first = d(year, 1, 1);
        let last = d(year, 12, 31);
        let weekend_working: Vec<NaiveDate> = first
            .iter_days()
            .take_while(|day| *day <= last)
            .filter(|day| matches!(day.weekday(), Weekday::Sat | Weekday::Sun))
            .filter(|day| cal.day(*day).working)
            .collect();
        assert_eq!(weekend_working, Vec::<NaiveDate>::new(), "{year}: D35");
    }
    // 2027: 261 weekdays, 7 of the 13 law days on a weekday (元旦, 除夕, 初三, 清明, 端午,
    // 中秋, 1 October).
    let embedded = Calendar::embedded();
    assert_eq!(
        embedded.working_days_between(d(2026, 12, 31), d(2027, 12, 31)),
        Ok((254, Certainty::unpublished(2027))),
        "2027 working days"
    );
    let year = embedded.add_working_days(d(2026, 12, 31), 254);
    let law_days: Vec<NaiveDate> = statutory_holidays(2027)
        .unwrap_or_default()
        .into_iter()
        .map(|h| h.date)
        .collect();
    assert_eq!(
        year.map(|s| (s.end, s.holidays_skipped, s.makeup_days_counted)),
        Ok((d(2027, 12, 31), law_days, Vec::new())),
        "a whole unpublished year"
    );
}

/// Every year of the table has its revision's number of days off (two may share a date).
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn every_table_year_has_the_law_days() {
    let cal = nothing_published();
    for year in STATUTORY_YEARS {
        let days = statutory_holidays(year).unwrap_or_default();
        let counted = days
            .iter()
            .map(|h| h.name.split('、').count())
            .sum::<usize>();
        let want = cal.estimate_basis(year).map(|p| p.value as usize);
        assert_eq!(Some(counted), want, "{year}: days off under its revision");
        assert!(
            days.windows(2).all(|w| w[0].date < w[1].date),
            "{year}: in date order"
        );
    }
}

/// Outside the table (before 2024, after 2100) an unpublished year is estimated with no
/// holidays and says so; the assumption names what is assumed.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn outside_the_table_and_the_assumptions() {
    let cal = Calendar::embedded();
    let cases: [(Ymd, DayKind, bool, Certainty, &str); 4] = [
        (
            (2027, 2, 13),
            DayKind::Weekend,
            false,
            Certainty::unpublished(2027),
            "a Saturday after 春节 2027: no make-up day invented",
        ),
        (
            (2027, 1, 4),
            DayKind::Weekday,
            true,
            Certainty::unpublished(2027),
            "an ordinary Monday of 2027",
        ),
        (
            (2101, 10, 3),
            DayKind::Weekday,
            true,
            Certainty::unpublished_without_holidays(2101),
            "3 October 2101: after the table",
        ),
        (
            (2023, 10, 2),
            DayKind::Weekday,
            true,
            Certainty::unpublished_without_holidays(2023),
            "2 October 2023: before the table",
        ),
    ];
    for (ymd, kind, working, certainty, source) in cases {
        let info = cal.day(date(ymd));
        assert_eq!(
            (info.kind, info.working, info.certainty),
            (kind, working, certainty),
            "{source}"
        );
    }
    assert_eq!(statutory_holidays(2023), None, "before the table");
    assert_eq!(statutory_holidays(2101), None, "after the table");
    assert_eq!(cal.estimate_basis(2026), None, "2026 is published");
    assert_eq!(cal.estimate_basis(2101), None, "2101 has no table row");

    // A span into 2101 states both assumptions.
    let span = cal.add_working_days(d(2100, 12, 30), 2);
    let both = Certainty::Estimate {
        unpublished_years: vec![2100, 2101],
        assumption: format!(
            "{UNPUBLISHED_YEAR_ASSUMPTION}; also {UNPUBLISHED_YEAR_NO_HOLIDAYS_ASSUMPTION}"
        )
        .into(),
    };
    assert_eq!(
        span.map(|s| (s.end, s.certainty)),
        Ok((d(2101, 1, 3), both)),
        "2100-12-30 + 2 working days"
    );
    let range = format!("{}–{}", STATUTORY_YEARS.start(), STATUTORY_YEARS.end());
    assert!(
        UNPUBLISHED_YEAR_NO_HOLIDAYS_ASSUMPTION.contains(&range),
        "names the table's years {range}"
    );
    for words in ["holiday law", "make-up working days", "State Council"] {
        assert!(
            UNPUBLISHED_YEAR_ASSUMPTION.contains(words),
            "the assumption says {words:?}"
        );
    }
}

/// The timeline's trace names the law revision an estimate rests on, with its date and source.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn the_trace_names_the_law() {
    let req = TimelineRequest {
        city: City::Beijing,
        business: Business::ReplaceLost,
        channel: Channel::HrssWebsite,
        pickup: PickupMethod::Mail,
        date: d(2026, 12, 29),
        card_held: CardHeld::ThirdGeneration,
        last_bank_change: None,
    };
    let explained = preview_timeline(&req, Calendar::embedded()).expect("a Beijing reissue");
    let step = explained
        .trace
        .steps
        .iter()
        .find(|s| s.rule_id == "timeline.production.replacement")
        .expect("a production step");
    let law: Vec<(String, String, NaiveDate, Citation)> = step
        .parameters
        .iter()
        .filter(|p| p.name == "statutory_holiday_days")
        .map(|p| {
            (
                p.name.to_string(),
                p.value.clone(),
                p.valid_from,
                p.citation.clone(),
            )
        })
        .collect();
    assert_eq!(
        law,
        vec![(
            "statutory_holiday_days".to_owned(),
            "13".to_owned(),
            d(2025, 1, 1),
            Citation::holiday_law("第二条（2024年修订，国务院令第795号）"),
        )],
        "D35 in the trace"
    );
    assert!(
        step.citations.contains(&Citation::decision("D35")),
        "cites D35"
    );
    assert_eq!(
        explained.result.certainty,
        Certainty::unpublished(2027),
        "an estimate"
    );
}

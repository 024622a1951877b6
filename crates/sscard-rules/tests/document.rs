//! A city's policy as one document: served by the server, installed by an app built with older
//! data (issue #15: "the app can take a newer one at run time").
//!
//! Installing changes what every function of the crate reads, for the whole process, so the
//! installing cases run in one test, in order; this file is its own test binary.

use serde_json::{Value, json};
use sscard_rules::*;

fn d(y: i32, m: u32, day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, day).expect("a real date")
}

fn embedded_json(city: City) -> Value {
    serde_json::to_value(PolicyDocument::embedded(city)).expect("a document serialises")
}

fn read(value: &Value) -> PolicyDocument {
    serde_json::from_value(value.clone()).expect("a document reads back")
}

/// Beijing's document with a newer application limit: 20 natural days from 2026-12-01.
fn beijing_with_20_days() -> Value {
    let mut doc = embedded_json(City::Beijing);
    doc["revision"] = json!("test-20-days");
    doc["application_natural_days"]
        .as_array_mut()
        .expect("a list of versions")
        .push(json!({
            "from": "2026-12-01",
            "value": 20,
            "cite": { "source": "DECISIONS.md", "locator": "D37" }
        }));
    doc
}

#[test]
fn every_city_s_document_reads_back_as_it_was_written_and_passes_its_check() {
    for city in City::ALL {
        let json = embedded_json(*city);
        let back = read(&json);
        assert_eq!(
            serde_json::to_value(&back).expect("serialises"),
            json,
            "{city}"
        );
        assert_eq!(back.check(*city), Ok(()), "{city}");
        // The revision is the data file's hash: 16 hex digits.
        assert_eq!(back.revision.len(), 16, "{city}");
        assert!(
            back.revision.chars().all(|c| c.is_ascii_hexdigit()),
            "{city}"
        );
    }
}

/// The installing cases, in order: refusals first, while nothing is installed.
#[test]
fn broken_documents_are_refused_then_a_newer_one_is_installed() {
    a_broken_document_is_refused_with_the_key_that_is_wrong();
    an_installed_document_is_what_every_rule_reads_from_then_on();
}

fn a_broken_document_is_refused_with_the_key_that_is_wrong() {
    struct Case {
        what: &'static str,
        change: fn(&mut Value),
        want: DocumentError,
    }
    let cases = [
        Case {
            what: "another city's document",
            change: |doc| doc["city"] = json!("shanghai"),
            want: DocumentError::WrongCity {
                expected: City::Beijing,
                found: City::Shanghai,
            },
        },
        Case {
            what: "no revision",
            change: |doc| doc["revision"] = json!(""),
            want: DocumentError::BadRevision,
        },
        Case {
            what: "a revision that would break the header's list",
            change: |doc| doc["revision"] = json!("2027,beijing=x"),
            want: DocumentError::BadRevision,
        },
        Case {
            what: "a value dated before the city's first phase",
            change: |doc| doc["data"]["bank_count"][0]["from"] = json!("2023-12-31"),
            want: DocumentError::BeforeStart {
                field: "bank_count",
                from: d(2023, 12, 31),
            },
        },
        Case {
            what: "a hotline withdrawn by an empty number",
            change: |doc| {
                doc["hotline"]
                    .as_array_mut()
                    .expect("versions")
                    .push(json!({
                        "from": "2026-12-01", "value": " ",
                        "cite": { "source": "DECISIONS.md", "locator": "D37" }
                    }))
            },
            want: DocumentError::EmptyValue {
                field: "hotline",
                from: d(2026, 12, 1),
            },
        },
        Case {
            what: "a bank listed twice",
            change: |doc| {
                let first = doc["data"]["banks"][0]["value"][0].clone();
                doc["data"]["banks"][0]["value"]
                    .as_array_mut()
                    .expect("banks")
                    .push(first)
            },
            want: DocumentError::Twice {
                field: "banks",
                from: d(2024, 1, 31),
            },
        },
        Case {
            what: "a seed citation without its words",
            change: |doc| doc["data"]["bank_count"][0]["cite"]["quote"] = json!(""),
            want: DocumentError::Uncited {
                field: "bank_count",
                from: d(2024, 1, 31),
            },
        },
        Case {
            what: "a decision nobody recorded",
            change: |doc| {
                doc["data"]["bank_count"][0]["cite"] =
                    json!({ "source": "DECISIONS.md", "locator": "D999" })
            },
            want: DocumentError::Uncited {
                field: "bank_count",
                from: d(2024, 1, 31),
            },
        },
        Case {
            what: "no phase",
            change: |doc| doc["data"]["phase"] = json!([]),
            want: DocumentError::Missing { field: "phase" },
        },
        Case {
            what: "versions out of date order",
            change: |doc| {
                doc["application_natural_days"]
                    .as_array_mut()
                    .expect("versions")
                    .push(json!({
                        "from": "2025-01-01", "value": 20,
                        "cite": { "source": "DECISIONS.md", "locator": "D4" }
                    }))
            },
            want: DocumentError::OutOfOrder {
                field: "application_natural_days",
                from: d(2025, 1, 1),
            },
        },
        Case {
            what: "a version without its source",
            change: |doc| doc["data"]["bank_count"][0]["cite"]["source"] = json!(""),
            want: DocumentError::Uncited {
                field: "bank_count",
                from: d(2024, 1, 31),
            },
        },
        Case {
            what: "an offer ending before it starts",
            change: |doc| doc["data"]["offers"][0][0]["until"] = json!("2024-01-01"),
            want: DocumentError::EndsBeforeStart {
                from: d(2024, 1, 31),
            },
        },
    ];
    for c in cases {
        let mut doc = embedded_json(City::Beijing);
        (c.change)(&mut doc);
        assert_eq!(
            install(City::Beijing, read(&doc)),
            Err(c.want.clone()),
            "{}",
            c.what
        );
        assert_eq!(
            PolicyDocument::current(City::Beijing).revision,
            PolicyDocument::embedded(City::Beijing).revision,
            "{}: nothing installed",
            c.what
        );
    }
    // A document that is not one at all does not even read.
    assert!(serde_json::from_value::<PolicyDocument>(json!({ "city": "beijing" })).is_err());
}

fn an_installed_document_is_what_every_rule_reads_from_then_on() {
    let embedded = PolicyDocument::embedded(City::Beijing);
    let before = revisions();
    assert_eq!(cities_with_other_revision(&before), Vec::<City>::new());
    assert_eq!(
        application_natural_days(City::Beijing, d(2026, 12, 1))
            .unwrap()
            .map(|p| p.value),
        Some(30),
        "embedded: 30 natural days (000 L17)"
    );

    assert_eq!(
        install(City::Beijing, read(&beijing_with_20_days())),
        Ok(true)
    );
    // The newer version applies from its date; the days before keep the older one.
    let days = |on| {
        application_natural_days(City::Beijing, on)
            .unwrap()
            .map(|p| p.value)
    };
    assert_eq!(
        (days(d(2026, 11, 30)), days(d(2026, 12, 1))),
        (Some(30), Some(20))
    );
    assert_eq!(
        param_u32(
            City::Beijing,
            NumericParam::ApplicationNaturalDays,
            d(2026, 12, 1)
        )
        .unwrap()
        .value,
        20
    );
    assert_eq!(
        policy(City::Beijing, d(2026, 12, 1))
            .unwrap()
            .application_natural_days
            .map(|p| (p.value, p.citation.locator.into_owned())),
        Some((20, "D37".to_owned()))
    );
    // The other cities are untouched; the revisions say which city changed.
    assert_eq!(
        PolicyDocument::current(City::Shanghai).revision,
        PolicyDocument::embedded(City::Shanghai).revision
    );
    assert_eq!(cities_with_other_revision(&before), vec![City::Beijing]);
    assert!(revisions().contains("beijing=test-20-days"));
    assert_ne!(
        PolicyDocument::current(City::Beijing).revision,
        embedded.revision
    );
    // The same revision again changes nothing.
    assert_eq!(
        install(City::Beijing, read(&beijing_with_20_days())),
        Ok(false)
    );
    // A second, different newer document waits for the next process.
    let mut another = beijing_with_20_days();
    another["revision"] = json!("test-25-days");
    assert_eq!(
        install(City::Beijing, read(&another)),
        Err(DocumentError::AlreadyInstalled)
    );
    assert_eq!(
        PolicyDocument::current(City::Beijing).revision,
        "test-20-days"
    );
    // Malformed or unknown parts of a header are ignored, not guessed at.
    assert_eq!(
        cities_with_other_revision("nowhere=1,beijing,=x"),
        Vec::<City>::new()
    );
}

/// The calendar data with 2027 published: the State Council's schedule, as an operator would
/// publish it after the build (here a made-up 2027-01-04 off and 2027-01-09 worked).
fn calendar_with_2027() -> String {
    let mut data: Value = serde_json::from_str(EMBEDDED_CALENDAR_JSON).expect("the embedded data");
    data["years"]["2027"] = json!({
        "published": true,
        "notice": "国务院办公厅关于2027年部分节假日安排的通知（test）",
        "holidays": [
            { "date": "2027-01-01", "name": "元旦" },
            { "date": "2027-01-04", "name": "元旦" }
        ],
        "makeup_workdays": ["2027-01-09"]
    });
    data.to_string()
}

/// Newer calendar data: checked as the embedded data is, then what every count reads.
#[test]
fn newer_calendar_data_is_checked_then_counted_with() {
    let before = revisions();
    assert!(!calendar_differs(&before));
    assert!(!Calendar::current().is_published(2027));
    assert_eq!(calendar_revision().len(), 16);

    // A make-up working day on a Monday is refused; nothing is installed.
    let broken = calendar_with_2027().replace("2027-01-09", "2027-01-11");
    assert_eq!(
        Calendar::install(broken),
        Err(CalendarError::MakeupNotWeekend {
            date: d(2027, 1, 11)
        })
    );
    assert!(!Calendar::current().is_published(2027));
    // The embedded data again changes nothing.
    assert_eq!(
        Calendar::install(EMBEDDED_CALENDAR_JSON.to_owned()),
        Ok(false)
    );

    assert_eq!(Calendar::install(calendar_with_2027()), Ok(true));
    assert!(Calendar::current().is_published(2027));
    assert_eq!(
        Calendar::current().day(d(2027, 1, 4)).kind,
        DayKind::Holiday {
            name: "元旦".to_owned()
        }
    );
    assert_eq!(
        Calendar::current().day(d(2027, 1, 9)).kind,
        DayKind::MakeupWorkday
    );
    assert_eq!(Calendar::current_json(), calendar_with_2027());
    assert!(calendar_differs(&before));
    assert!(revisions().ends_with(&format!("calendar={}", calendar_revision())));
    assert_eq!(
        Calendar::install(calendar_with_2027().replace("（test）", "（again）")),
        Err(CalendarError::AlreadyInstalled)
    );
}

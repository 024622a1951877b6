//! The journey's branching without a browser page: the page after each page and the page "back"
//! returns to, for each actor and answer; whole journeys; which check question a deep link goes
//! to (issue #12: a bookmark must not get a verdict on nothing); and where a guarded page sends
//! someone who is missing an answer or a sign-in.
#![cfg(target_arch = "wasm32")]

use sscard::journey::{
    Answers, DateInput, Step, first_missing_step, first_unanswered_check, next_after,
};
use sscard_rules::wire::GuardianshipProof;
use sscard_rules::{
    Actor, Bank, CardHeld, PickupChoice, Residence, StableId, UninsuredGroup, YesNo,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Answers holding only the given radio answers, as `(field, stored id)`.
fn radio(given: &[(&str, &str)]) -> Answers {
    let mut a = Answers::default();
    for &(field, value) in given {
        // The typed answers, read from their stable ids as the app stores them.
        match field {
            "actor" => {
                a.actor = Some(Actor::from_id(value).expect("an actor id"));
                continue;
            }
            "pickup" => {
                a.pickup = Some(PickupChoice::from_id(value).expect("a pickup id"));
                continue;
            }
            _ => {}
        }
        // Each answer by its stable id, as the radio buttons and saved answers carry it.
        fn id<T: StableId>(field: &str, value: &str) -> Option<T> {
            Some(T::from_id(value).unwrap_or_else(|| panic!("{value:?} is no {field} id")))
        }
        match field {
            "guardian_proof" => a.guardian_proof = id(field, value),
            "card_held" => a.card_held = id(field, value),
            "insured" => a.insured = id(field, value),
            "category" => a.category = id(field, value),
            "residence" => a.residence = id(field, value),
            other => panic!("no radio answer {other}"),
        }
    }
    a
}

/// A complete date as typed.
fn typed(year: &str, month: &str, day: &str) -> DateInput {
    DateInput {
        year: year.to_owned(),
        month: month.to_owned(),
        day: day.to_owned(),
    }
}

/// Every check question answered for `actor` on the way to the result, plus `given`.
fn answered(actor: &str, given: &[(&str, &str)]) -> Answers {
    let mut a = radio(given);
    a.actor = Some(Actor::from_id(actor).expect("an actor id"));
    a.birth = typed("1990", "1", "2");
    if actor == "guardian" {
        a.birth = typed("2016", "5", "1");
        a.guardian_birth = typed("1985", "3", "12");
        a.guardian_proof = Some(YesNo::Yes);
    }
    a.card_held.get_or_insert(CardHeld::None);
    a.insured.get_or_insert(YesNo::Yes);
    a
}

/// A row of the page-after table: on `step`, with these answers, coming from check answers or
/// not, the next page is `next`.
struct Next {
    step: Step,
    given: &'static [(&'static str, &'static str)],
    changing: bool,
    next: Step,
}

const fn next(step: Step, given: &'static [(&'static str, &'static str)], next: Step) -> Next {
    Next {
        step,
        given,
        changing: false,
        next,
    }
}

const fn changing(step: Step, given: &'static [(&'static str, &'static str)], next: Step) -> Next {
    Next {
        step,
        given,
        changing: true,
        next,
    }
}

const SELF: (&str, &str) = ("actor", "self");
const GUARDIAN: (&str, &str) = ("actor", "guardian");
const AGENT: (&str, &str) = ("actor", "agent");

#[rustfmt::skip]
const NEXT: &[Next] = &[
    next(Step::CheckWho, &[SELF], Step::CheckBirth),
    next(Step::CheckWho, &[GUARDIAN], Step::CheckBirth),
    next(Step::CheckBirth, &[SELF], Step::CheckCardHeld),
    next(Step::CheckBirth, &[AGENT], Step::CheckCardHeld),
    // A guardian gives their own birth date and proof after the child's birth date.
    next(Step::CheckBirth, &[GUARDIAN], Step::CheckGuardian),
    next(Step::CheckGuardian, &[GUARDIAN], Step::CheckCardHeld),
    next(Step::CheckCardHeld, &[SELF, ("card_held", "older")], Step::CheckInsured),
    next(Step::CheckInsured, &[("insured", "yes")], Step::CheckResult),
    // Not insured: another category may qualify.
    next(Step::CheckInsured, &[("insured", "no")], Step::CheckCategory),
    // Only a civil-affairs pension asks about hukou or residence permit.
    next(Step::CheckCategory, &[("category", "pension")], Step::CheckResidence),
    next(Step::CheckCategory, &[("category", "support")], Step::CheckResult),
    next(Step::CheckCategory, &[("category", "veteran")], Step::CheckResult),
    next(Step::CheckCategory, &[("category", "other")], Step::CheckResult),
    next(Step::CheckCategory, &[("category", "none")], Step::CheckResult),
    next(Step::CheckResidence, &[("category", "pension"), ("residence", "permit")], Step::CheckResult),
    next(Step::CheckResult, &[SELF], Step::Details),
    next(Step::Details, &[SELF], Step::Verify),
    next(Step::Verify, &[SELF], Step::Bank),
    next(Step::Verify, &[AGENT], Step::Bank),
    // A guardian gives the child's details after signing in.
    next(Step::Verify, &[GUARDIAN], Step::Child),
    next(Step::Child, &[GUARDIAN], Step::Bank),
    next(Step::Bank, &[SELF], Step::Pickup),
    next(Step::Pickup, &[("pickup", "mail")], Step::Address),
    next(Step::Pickup, &[("pickup", "branch")], Step::Branch),
    // On the spot and home visits are done in person, not online.
    next(Step::Pickup, &[("pickup", "on_the_spot")], Step::InPerson),
    next(Step::Pickup, &[("pickup", "door")], Step::InPerson),
    next(Step::Address, &[("pickup", "mail")], Step::CheckAnswers),
    next(Step::Branch, &[("pickup", "branch")], Step::CheckAnswers),
    next(Step::InPerson, &[("pickup", "door")], Step::CheckAnswers),
    next(Step::CheckAnswers, &[SELF], Step::CheckAnswers),
    // Coming from check answers, a changed application answer returns there...
    changing(Step::Child, &[GUARDIAN], Step::CheckAnswers),
    changing(Step::Bank, &[SELF], Step::CheckAnswers),
    changing(Step::Address, &[("pickup", "mail")], Step::CheckAnswers),
    changing(Step::Branch, &[("pickup", "branch")], Step::CheckAnswers),
    // ...unless a new pickup method needs its own page first,
    changing(Step::Pickup, &[("pickup", "mail")], Step::Address),
    changing(Step::Pickup, &[("pickup", "branch")], Step::Branch),
    changing(Step::Pickup, &[("pickup", "on_the_spot")], Step::InPerson),
    // ...and the check questions and the sign-in go their usual way.
    changing(Step::CheckInsured, &[("insured", "no")], Step::CheckCategory),
    changing(Step::CheckCategory, &[("category", "pension")], Step::CheckResidence),
    changing(Step::Details, &[SELF], Step::Verify),
    changing(Step::Verify, &[GUARDIAN], Step::Child),
];

#[wasm_bindgen_test]
fn the_page_after_each_page() {
    for row in NEXT {
        let answers = Answers {
            changing: row.changing,
            ..radio(row.given)
        };
        assert_eq!(
            next_after(row.step, &answers),
            row.next,
            "after {:?} with {:?} (changing: {})",
            row.step,
            row.given,
            row.changing
        );
    }
}

/// A row of the back-link table: on `step`, with these answers, "back" goes to `back`.
struct Back {
    step: Step,
    given: &'static [(&'static str, &'static str)],
    changing: bool,
    back: &'static str,
}

const fn back(
    step: Step,
    given: &'static [(&'static str, &'static str)],
    back: &'static str,
) -> Back {
    Back {
        step,
        given,
        changing: false,
        back,
    }
}

const fn back_changing(
    step: Step,
    given: &'static [(&'static str, &'static str)],
    back: &'static str,
) -> Back {
    Back {
        step,
        given,
        changing: true,
        back,
    }
}

#[rustfmt::skip]
const BACK: &[Back] = &[
    back(Step::CheckWho, &[], "/"),
    back(Step::CheckBirth, &[SELF], "/check"),
    back(Step::CheckGuardian, &[GUARDIAN], "/check/birth-date"),
    back(Step::CheckCardHeld, &[SELF], "/check/birth-date"),
    back(Step::CheckCardHeld, &[AGENT], "/check/birth-date"),
    back(Step::CheckCardHeld, &[GUARDIAN], "/check/guardian"),
    back(Step::CheckInsured, &[SELF], "/check/card"),
    back(Step::CheckCategory, &[("insured", "no")], "/check/insured"),
    back(Step::CheckResidence, &[("category", "pension")], "/check/category"),
    // The result goes back to the last question asked.
    back(Step::CheckResult, &[("insured", "yes")], "/check/insured"),
    back(Step::CheckResult, &[("insured", "no"), ("category", "pension")], "/check/residence"),
    back(Step::CheckResult, &[("insured", "no"), ("category", "support")], "/check/category"),
    back(Step::CheckResult, &[], "/check/insured"),
    back(Step::Details, &[SELF], "/check/result"),
    back(Step::Verify, &[SELF], "/apply/details"),
    back(Step::Child, &[GUARDIAN], "/apply/verify"),
    // Back from the bank skips the one-time code page.
    back(Step::Bank, &[SELF], "/apply/details"),
    back(Step::Bank, &[GUARDIAN], "/apply/child"),
    back(Step::Pickup, &[SELF], "/apply/bank"),
    back(Step::Address, &[("pickup", "mail")], "/apply/pickup"),
    back(Step::Branch, &[("pickup", "branch")], "/apply/pickup"),
    back(Step::InPerson, &[("pickup", "door")], "/apply/pickup"),
    back(Step::CheckAnswers, &[("pickup", "mail")], "/apply/address"),
    back(Step::CheckAnswers, &[("pickup", "branch")], "/apply/branch"),
    back(Step::CheckAnswers, &[("pickup", "on_the_spot")], "/apply/pickup"),
    // Changing an application answer, "back" returns to check answers.
    back_changing(Step::Child, &[GUARDIAN], "/apply/check"),
    back_changing(Step::Bank, &[SELF], "/apply/check"),
    back_changing(Step::Pickup, &[("pickup", "mail")], "/apply/check"),
    back_changing(Step::Address, &[("pickup", "mail")], "/apply/check"),
    back_changing(Step::Branch, &[("pickup", "branch")], "/apply/check"),
    // Not from the sign-in pages, the check questions or check answers itself.
    back_changing(Step::Details, &[SELF], "/check/result"),
    back_changing(Step::Verify, &[SELF], "/apply/details"),
    back_changing(Step::InPerson, &[("pickup", "door")], "/apply/pickup"),
    back_changing(Step::CheckInsured, &[SELF], "/check/card"),
    back_changing(Step::CheckAnswers, &[("pickup", "branch")], "/apply/branch"),
];

#[wasm_bindgen_test]
fn the_page_back_returns_to() {
    for row in BACK {
        let answers = Answers {
            changing: row.changing,
            ..radio(row.given)
        };
        assert_eq!(
            row.step.back(&answers),
            row.back,
            "back from {:?} with {:?} (changing: {})",
            row.step,
            row.given,
            row.changing
        );
    }
}

/// The pages from the first question to check answers, following [`next_after`].
fn walk(answers: &Answers) -> Vec<Step> {
    let mut steps = vec![Step::CheckWho];
    while steps.last() != Some(&Step::CheckAnswers) {
        assert!(steps.len() < 30, "no end: {steps:?}");
        let step = *steps.last().expect("one step");
        steps.push(next_after(step, answers));
    }
    steps
}

#[wasm_bindgen_test]
fn whole_journeys() {
    use Step::*;
    let cases: [(&str, Answers, &[Step]); 4] = [
        (
            "insured, by post",
            answered("self", &[("pickup", "mail")]),
            &[
                CheckWho,
                CheckBirth,
                CheckCardHeld,
                CheckInsured,
                CheckResult,
                Details,
                Verify,
                Bank,
                Pickup,
                Address,
                CheckAnswers,
            ],
        ),
        (
            "a guardian for a child, at a branch",
            answered("guardian", &[("pickup", "branch")]),
            &[
                CheckWho,
                CheckBirth,
                CheckGuardian,
                CheckCardHeld,
                CheckInsured,
                CheckResult,
                Details,
                Verify,
                Child,
                Bank,
                Pickup,
                Branch,
                CheckAnswers,
            ],
        ),
        (
            "not insured, civil-affairs pension, on the spot",
            answered(
                "self",
                &[
                    ("insured", "no"),
                    ("category", "pension"),
                    ("residence", "hukou"),
                    ("pickup", "on_the_spot"),
                ],
            ),
            &[
                CheckWho,
                CheckBirth,
                CheckCardHeld,
                CheckInsured,
                CheckCategory,
                CheckResidence,
                CheckResult,
                Details,
                Verify,
                Bank,
                Pickup,
                InPerson,
                CheckAnswers,
            ],
        ),
        (
            "an agent, not insured, veteran, home visit",
            answered(
                "agent",
                &[
                    ("insured", "no"),
                    ("category", "veteran"),
                    ("pickup", "door"),
                ],
            ),
            &[
                CheckWho,
                CheckBirth,
                CheckCardHeld,
                CheckInsured,
                CheckCategory,
                CheckResult,
                Details,
                Verify,
                Bank,
                Pickup,
                InPerson,
                CheckAnswers,
            ],
        ),
    ];
    for (name, answers, path) in cases {
        assert_eq!(walk(&answers), path, "{name}");
    }
}

#[wasm_bindgen_test]
fn every_step_has_its_own_page() {
    let steps = Step::ALL;
    let mut paths: Vec<&str> = steps.iter().map(|s| s.path()).collect();
    paths.sort_unstable();
    paths.dedup();
    assert_eq!(
        paths.len(),
        steps.len(),
        "two steps share a page: {paths:?}"
    );
}

#[wasm_bindgen_test]
fn first_unanswered_check_follows_the_branches() {
    let not_insured = answered("self", &[("insured", "no")]);
    let cases: Vec<(&str, Answers, Option<Step>)> = vec![
        ("nothing answered", Answers::default(), Some(Step::CheckWho)),
        ("everything for oneself", answered("self", &[]), None),
        ("everything for a child", answered("guardian", &[]), None),
        ("everything for an agent", answered("agent", &[]), None),
        (
            "a guardian still owes their own birth date",
            Answers {
                guardian_birth: DateInput::default(),
                ..answered("guardian", &[])
            },
            Some(Step::CheckGuardian),
        ),
        (
            "a guardian still owes the proof",
            Answers {
                guardian_proof: None,
                ..answered("guardian", &[])
            },
            Some(Step::CheckGuardian),
        ),
        (
            "the card held",
            Answers {
                card_held: None,
                ..answered("self", &[])
            },
            Some(Step::CheckCardHeld),
        ),
        (
            "insured or not",
            Answers {
                insured: None,
                ..answered("self", &[])
            },
            Some(Step::CheckInsured),
        ),
        (
            "not insured: the category",
            not_insured.clone(),
            Some(Step::CheckCategory),
        ),
        (
            "not insured, another category: nothing more",
            answered("self", &[("insured", "no"), ("category", "support")]),
            None,
        ),
        (
            "a civil-affairs pension: the residence",
            answered("self", &[("insured", "no"), ("category", "pension")]),
            Some(Step::CheckResidence),
        ),
        (
            "a civil-affairs pension with its residence",
            answered(
                "self",
                &[
                    ("insured", "no"),
                    ("category", "pension"),
                    ("residence", "neither"),
                ],
            ),
            None,
        ),
        (
            "a birth date half typed",
            Answers {
                birth: typed("1990", "", ""),
                ..answered("self", &[])
            },
            Some(Step::CheckBirth),
        ),
        (
            "coming from check answers changes nothing",
            Answers {
                changing: true,
                ..not_insured
            },
            Some(Step::CheckCategory),
        ),
    ];
    for (name, answers, want) in cases {
        assert_eq!(first_unanswered_check(&answers), want, "{name}");
    }
}

/// Clears the answer of a check question (the result page asks none).
fn without(answers: &Answers, step: Step) -> Answers {
    let mut a = answers.clone();
    match step {
        Step::CheckWho => a.actor = None,
        Step::CheckBirth => a.birth = DateInput::default(),
        Step::CheckGuardian => a.guardian_proof = None,
        Step::CheckCardHeld => a.card_held = None,
        Step::CheckInsured => a.insured = None,
        Step::CheckCategory => a.category = None,
        Step::CheckResidence => a.residence = None,
        other => panic!("{other:?} asks no check question"),
    }
    a
}

/// For every way through the check, leaving any one question on the way open sends a deep link
/// to exactly that question.
#[wasm_bindgen_test]
fn first_unanswered_check_is_the_one_left_open() {
    let journeys = [
        answered("self", &[]),
        answered("guardian", &[]),
        answered("agent", &[("insured", "no"), ("category", "other")]),
        answered(
            "guardian",
            &[
                ("insured", "no"),
                ("category", "pension"),
                ("residence", "permit"),
            ],
        ),
    ];
    for answers in journeys {
        assert_eq!(first_unanswered_check(&answers), None, "{answers:?}");
        let questions = walk(&answers)
            .into_iter()
            .take_while(|s| *s != Step::CheckResult);
        for step in questions {
            assert_eq!(
                first_unanswered_check(&without(&answers, step)),
                Some(step),
                "{step:?} left open in {answers:?}"
            );
        }
    }
}

#[wasm_bindgen_test]
fn a_guarded_page_sends_to_the_first_missing_step() {
    let complete = answered("self", &[]);
    let open = Answers {
        insured: None,
        ..complete.clone()
    };
    let submitted = Answers {
        submitted_id: Some("app_1".to_owned()),
        ..Answers::default()
    };
    // (name, answers, signed out, where to)
    let cases = [
        ("all answered, signed in: stay", &complete, false, None),
        (
            "all answered, signed out: sign in",
            &complete,
            true,
            Some(Step::Details),
        ),
        (
            "an open question first, signed in",
            &open,
            false,
            Some(Step::CheckInsured),
        ),
        (
            "an open question before the sign-in",
            &open,
            true,
            Some(Step::CheckInsured),
        ),
        ("just submitted: stay", &submitted, true, None),
    ];
    for (name, answers, signed_out, want) in cases {
        assert_eq!(first_missing_step(answers, signed_out), want, "{name}");
    }
}

/// Issue #15: `?city=` names a city by its stable id only; anything else names none.
#[wasm_bindgen_test]
fn the_url_names_a_city_by_its_id() {
    use sscard::journey::city_in_query;
    use sscard_rules::City;
    let cases = [
        ("?city=shanghai", Some(City::Shanghai)),
        ("?next=%2Fcheck&city=urumqi", Some(City::Urumqi)),
        ("city=beijing", Some(City::Beijing)),
        ("?city=", None),
        ("?city=Shanghai", None),
        ("?city=guangzhou", None),
        ("?mycity=shanghai", None),
        ("", None),
    ];
    for (search, want) in cases {
        assert_eq!(city_in_query(search), want, "{search:?}");
    }
}

/// Issue #15: switching city keeps what is true anywhere (who applies, birth dates, the card
/// held) and asks again what belongs to the old city (insured there, residence there, its bank,
/// its ways of delivery and branch); each city's check then uses that city's rules.
#[wasm_bindgen_test]
fn another_city_keeps_the_answers_that_still_apply() {
    use sscard::journey::eligibility_input;
    use sscard_rules::City;
    let mut a = radio(&[
        ("actor", "self"),
        ("card_held", "none"),
        ("insured", "no"),
        ("category", "pension"),
        ("residence", "hukou"),
        ("pickup", "mail"),
    ]);
    a.birth = DateInput {
        year: "1980".into(),
        month: "5".into(),
        day: "1".into(),
    };
    a.bank = Some(Bank::Icbc);
    a.branch_id = Some("b1".into());
    let mut moved = a.clone();
    moved.keep_for_other_city();
    assert_eq!(
        (&moved.actor, &moved.birth, &moved.card_held),
        (&a.actor, &a.birth, &a.card_held)
    );
    assert_eq!(
        (
            &moved.insured,
            &moved.category,
            &moved.residence,
            &moved.bank,
            &moved.pickup,
            &moved.branch_id
        ),
        (&None, &None, &None, &None, &None, &None)
    );
    assert_eq!(first_unanswered_check(&moved), Some(Step::CheckInsured));
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    for &city in City::ALL {
        let input = eligibility_input(&a, city, today).unwrap();
        assert_eq!(input.city, city);
    }
}

/// Issue #15: each city asks its own question after "insured" (Shanghai the group, Urumqi
/// whether the holder lives away) and, where it posts the card, has no pickup page.
#[wasm_bindgen_test]
fn each_citys_journey() {
    use Step::*;
    use sscard_rules::{ApplicantGroup, City};
    let in_city = |city: City, a: Answers| Answers {
        city: Some(city),
        ..a
    };
    let mut pupil = in_city(City::Shanghai, answered("guardian", &[("pickup", "mail")]));
    pupil.group = Some(ApplicantGroup::Pupil);
    let mut remote = in_city(
        City::Urumqi,
        answered("self", &[("card_held", "older"), ("pickup", "mail")]),
    );
    remote.lives_elsewhere = Some(true);
    let cases: [(&str, Answers, &[Step]); 2] = [
        (
            "a Shanghai parent for a pupil",
            pupil,
            &[
                CheckWho,
                CheckBirth,
                CheckGuardian,
                CheckCardHeld,
                CheckInsured,
                CheckGroup,
                CheckResult,
                Details,
                Verify,
                Child,
                Bank,
                Address,
                CheckAnswers,
            ],
        ),
        (
            "an Urumqi remote resident",
            remote,
            &[
                CheckWho,
                CheckBirth,
                CheckCardHeld,
                CheckInsured,
                CheckRemote,
                CheckResult,
                Details,
                Verify,
                Bank,
                Address,
                CheckAnswers,
            ],
        ),
    ];
    for (name, answers, path) in cases {
        assert_eq!(walk(&answers), path, "{name}");
        // Back retraces the way, from the end to the start (the one-time code is not asked
        // again: the page after it has its own "back", tested in the table above).
        for pair in path.windows(2).filter(|pair| pair[0] != Verify) {
            assert_eq!(
                pair[1].back(&answers),
                pair[0].path(),
                "{name}: back from {:?}",
                pair[1]
            );
        }
    }
    // Not insured there: straight to the result, which says what the sources cover.
    for city in [City::Shanghai, City::Urumqi] {
        let a = in_city(city, answered("self", &[("insured", "no")]));
        assert_eq!(next_after(CheckInsured, &a), CheckResult, "{city:?}");
        assert_eq!(CheckResult.back(&a), CheckInsured.path(), "{city:?}");
    }
}

/// The flow skips the pickup page exactly where the city's terms offer one way of delivery.
#[wasm_bindgen_test]
fn the_flow_follows_each_citys_terms() {
    use sscard_rules::{City, application_terms};
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    for &city in City::ALL {
        let terms = application_terms(city, today).unwrap().unwrap();
        let a = Answers {
            city: Some(city),
            ..answered("self", &[])
        };
        let choose = terms.pickups.len() > 1;
        assert_eq!(
            next_after(Step::Bank, &a) == Step::Pickup,
            choose,
            "{city:?}: pickups {:?}",
            terms.pickups
        );
    }
}

/// Answers saved before the actor and the pickup were typed (their stable ids as strings) read
/// back as the same answers, and are written the same way: a person's saved answers and the
/// server's draft survive the change (issue #12).
#[wasm_bindgen_test]
fn answers_saved_as_ids_read_back_typed_and_are_written_the_same() {
    let saved = r#"{"city":"beijing","actor":"self","pickup":"door","bank":"icbc"}"#;
    let a: Answers = serde_json::from_str(saved).expect("saved answers read back");
    assert_eq!(
        (a.actor, a.pickup),
        (Some(Actor::Holder), Some(PickupChoice::Door))
    );
    // An id this build does not know (a newer build's choice, a hand-made draft): that answer
    // is asked again, and the others are kept.
    let unknown =
        r#"{"city":"beijing","actor":"robot","pickup":"post","bank":"icbc","name":"张三"}"#;
    let kept: Answers = serde_json::from_str(unknown).expect("the other answers read back");
    assert_eq!(
        (kept.actor, kept.pickup, kept.bank, kept.name.as_str()),
        (None, None, Some(Bank::Icbc), "张三")
    );
    // The check's answers as earlier builds saved them (strings) read into the same enums; an
    // unknown one ("maybe") is asked again.
    let earlier = r#"{"insured":"no","category":"pension","residence":"permit",
        "card_held":"older","guardian_proof":"maybe","child_proof":"birth_certificate"}"#;
    let read: Answers = serde_json::from_str(earlier).expect("earlier answers read back");
    assert_eq!(
        (
            read.insured,
            read.category,
            read.residence,
            read.card_held,
            read.guardian_proof,
            read.child_proof
        ),
        (
            Some(YesNo::No),
            Some(UninsuredGroup::Pension),
            Some(Residence::Permit),
            Some(CardHeld::OlderGeneration),
            None,
            Some(GuardianshipProof::BirthCertificate)
        )
    );
    assert_eq!(
        serde_json::to_string(&read.card_held).ok(),
        Some(r#""older""#.to_owned()),
        "written back as the id it was read from"
    );
    let written = serde_json::to_value(&a).expect("answers serialise");
    assert_eq!(
        (&written["actor"], &written["pickup"]),
        (&serde_json::json!("self"), &serde_json::json!("door"))
    );
}

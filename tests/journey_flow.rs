//! The journey's branching without a browser page: which check question a deep link to the
//! result goes to (issue #12: a bookmark must not get a verdict on nothing).
#![cfg(target_arch = "wasm32")]

use sscard::journey::{Answers, DateInput, Step, first_unanswered_check};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn answered(actor: &str) -> Answers {
    let mut a = Answers {
        actor: Some(actor.to_owned()),
        card_held: Some("none".to_owned()),
        insured: Some("yes".to_owned()),
        ..Answers::default()
    };
    a.birth.year = "1990".to_owned();
    a.birth.month = "1".to_owned();
    a.birth.day = "2".to_owned();
    a
}

#[wasm_bindgen_test]
fn first_unanswered_check_follows_the_branches() {
    let guardian_without_own_birth = answered("guardian");
    let not_insured = Answers {
        insured: Some("no".to_owned()),
        ..answered("self")
    };
    let pension = Answers {
        category: Some("pension".to_owned()),
        ..not_insured.clone()
    };
    let cases: [(&str, Answers, Option<Step>); 6] = [
        ("nothing answered", Answers::default(), Some(Step::CheckWho)),
        ("everything for oneself", answered("self"), None),
        (
            "a guardian still owes their own birth date",
            guardian_without_own_birth,
            Some(Step::CheckGuardian),
        ),
        (
            "not insured: the category",
            not_insured,
            Some(Step::CheckCategory),
        ),
        (
            "a civil-affairs pension: the residence",
            pension,
            Some(Step::CheckResidence),
        ),
        (
            "a birth date half typed",
            Answers {
                birth: DateInput {
                    year: "1990".to_owned(),
                    ..Default::default()
                },
                ..answered("self")
            },
            Some(Step::CheckBirth),
        ),
    ];
    for (name, answers, want) in cases {
        assert_eq!(first_unanswered_check(&answers), want, "{name}");
    }
}

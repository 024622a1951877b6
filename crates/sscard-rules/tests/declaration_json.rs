//! The application's eligibility declaration on the wire: flat, in the order it always had.
//!
//! The server keeps the hash of each application request's JSON as written again from its
//! types, to tell a retry (same `Idempotency-Key`, same request) from a reuse; a declaration
//! that wrote its keys nested or in another order would turn a retry sent across an upgrade into
//! `idempotency_key.reused`. `EligibilityFacts` is shared with the rules' input (issue #12) and
//! flattened first, so the JSON is what it was before it existed.

use sscard_rules::wire::EligibilityDeclaration;
use sscard_rules::{ApplicantGroup, CardHeld, EligibilityFacts};

const WRITTEN: &str = concat!(
    r#"{"insured_in_city":true,"local_hukou":false,"residence_permit":false,"#,
    r#""civil_affairs_pension":false,"civil_affairs_support":false,"veteran_affairs":false,"#,
    r#""other_public_service":false,"card_held":"older","proof_of_guardianship":true,"#,
    r#""group":"pupil","lives_elsewhere":true}"#
);

fn declaration() -> EligibilityDeclaration {
    EligibilityDeclaration {
        facts: EligibilityFacts {
            insured_in_city: true,
            ..EligibilityFacts::default()
        },
        card_held: CardHeld::OlderGeneration,
        proof_of_guardianship: true,
        group: Some(ApplicantGroup::Pupil),
        lives_elsewhere: true,
    }
}

#[test]
fn a_declaration_is_written_flat_in_its_old_order() {
    assert_eq!(
        serde_json::to_string(&declaration()).expect("serializes"),
        WRITTEN
    );
}

#[test]
fn a_declaration_is_read_flat_with_missing_booleans_false() {
    let read: EligibilityDeclaration = serde_json::from_str(WRITTEN).expect("reads");
    assert_eq!(read, declaration());
    let sparse: EligibilityDeclaration =
        serde_json::from_str(r#"{"veteran_affairs":true}"#).expect("reads");
    assert_eq!(
        sparse,
        EligibilityDeclaration {
            facts: EligibilityFacts {
                veteran_affairs: true,
                ..EligibilityFacts::default()
            },
            ..EligibilityDeclaration::default()
        }
    );
}

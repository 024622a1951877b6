//! Online replacement (补领/换领): who, what comes first, what happens to the old card, and when
//! the new card is made (002 Q20, Q22–Q25, Q30, Q38, Q46; DECISIONS.md D33).
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::d;
use sscard_rules::*;

fn card(social: SocialState) -> CardState {
    CardState {
        social,
        financial: FinancialState::Active,
        temp_loss_reported_on: (social == SocialState::TempLost).then(|| d(2026, 3, 2)),
        ..CardState::received(City::Beijing, PickupMethod::Branch, true, false)
    }
}

fn input(social: SocialState, reason: ReplacementReason) -> ReplacementInput {
    ReplacementInput {
        card: card(social),
        reason,
        actor: Actor::Holder,
        upstream_change_done: false,
        pickup: PickupMethod::Mail,
        // Monday 2026-03-02: 4 working days end on Friday 2026-03-06.
        on: d(2026, 3, 2),
    }
}

/// What a case expects: the block, or (old card's social state, made by, notes).
#[derive(Debug, PartialEq)]
enum Want {
    Blocked(ReplacementBlock),
    Planned(SocialState, NaiveDate, Vec<ReplacementNote>),
}

fn outcome(i: &ReplacementInput) -> Want {
    match plan_replacement(i, Calendar::embedded()) {
        Ok(p) => Want::Planned(
            p.result.old_card.social,
            p.result.timeline.production.made_by().expect("a date"),
            p.result.notes,
        ),
        Err(e) => Want::Blocked(e.result),
    }
}

use ReplacementNote as N;
use ReplacementReason as R;
use SocialState as S;
use chrono::NaiveDate;

/// What a reissue's person is told (Q22, Q46, Q26, Q31), in order.
fn lost_notes() -> Vec<ReplacementNote> {
    vec![
        N::OldCardEndsNow,
        N::TransportBalanceLost,
        N::SameBank,
        N::Free,
    ]
}

/// What an exchange of a damaged card's person is told (Q25/D33, Q46, Q26, Q31), in order.
fn damaged_notes() -> Vec<ReplacementNote> {
    vec![
        N::OldCardWorksUntilEnabled,
        N::TransportRefundAtBranch,
        N::SameBank,
        N::Free,
    ]
}

struct Case {
    name: &'static str,
    source: &'static str,
    input: ReplacementInput,
    want: Want,
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn replacement_table() {
    let cases = vec![
        Case {
            name: "a reported loss is reissued; the lost card ends at once",
            source: "002 Q20 L143, Q22 L151, Q30 L197, Q46 L277",
            input: input(S::TempLost, R::Lost),
            want: Want::Planned(S::Replaced, d(2026, 3, 6), lost_notes()),
        },
        Case {
            name: "a formal loss is reissued too",
            source: "002 Q20 L143",
            input: input(S::FormalLost, R::Lost),
            want: Want::Planned(S::Replaced, d(2026, 3, 6), lost_notes()),
        },
        Case {
            name: "a lost card not yet reported: report it first",
            source: "002 Q20 L143; D33",
            input: input(S::Enabled, R::Lost),
            want: Want::Blocked(ReplacementBlock::ReportLossFirst),
        },
        Case {
            name: "a damaged card is exchanged and works until the new one is enabled",
            source: "002 Q23 L155, Q25 L165, Q46 L277; D33",
            input: input(S::Enabled, R::Damaged),
            want: Want::Planned(S::Enabled, d(2026, 3, 6), damaged_notes()),
        },
        Case {
            name: "a posted card never enabled can be exchanged",
            source: "002 Q23 L155; D33",
            input: input(S::NotEnabled, R::Damaged),
            want: Want::Planned(S::NotEnabled, d(2026, 3, 6), damaged_notes()),
        },
        Case {
            name: "a lost card is not exchanged as damaged",
            source: "002 Q22 L151",
            input: input(S::TempLost, R::Damaged),
            want: Want::Blocked(ReplacementBlock::ReportedLost),
        },
        Case {
            name: "a new name without the change at 人社/医保 stops",
            source: "002 Q24 L159",
            input: input(S::Enabled, R::DetailsChanged),
            want: Want::Blocked(ReplacementBlock::UpstreamChangeFirst),
        },
        Case {
            name: "a new name after the change at 人社/医保 is exchanged",
            source: "002 Q24 L159, Q25 L165",
            input: ReplacementInput {
                upstream_change_done: true,
                ..input(S::Enabled, R::DetailsChanged)
            },
            want: Want::Planned(
                S::Enabled,
                d(2026, 3, 6),
                vec![N::OldCardWorksUntilEnabled, N::SameBank, N::Free],
            ),
        },
        Case {
            name: "a card already being replaced cannot be replaced again",
            source: "002 Q22 L151",
            input: ReplacementInput {
                card: CardState {
                    exchange_pending: true,
                    ..card(S::Enabled)
                },
                ..input(S::Enabled, R::Damaged)
            },
            want: Want::Blocked(ReplacementBlock::AlreadyReplaced),
        },
        Case {
            name: "a replaced card cannot be replaced",
            source: "002 Q22 L151",
            input: input(S::Replaced, R::Lost),
            want: Want::Blocked(ReplacementBlock::AlreadyReplaced),
        },
        Case {
            name: "a cancelled card is not replaced",
            source: "002 Q34 L217",
            input: input(S::Cancelled, R::Damaged),
            want: Want::Blocked(ReplacementBlock::Cancelled),
        },
        Case {
            name: "an agent may not ask",
            source: "002 Q38 L237",
            input: ReplacementInput {
                actor: Actor::Agent,
                ..input(S::TempLost, R::Lost)
            },
            want: Want::Blocked(ReplacementBlock::ActorNotAllowed),
        },
        Case {
            name: "a guardian may ask for a child",
            source: "002 Q38 L241; D13",
            input: ReplacementInput {
                actor: Actor::Guardian,
                ..input(S::TempLost, R::Lost)
            },
            want: Want::Planned(S::Replaced, d(2026, 3, 6), lost_notes()),
        },
        Case {
            name: "on the spot is a counter service",
            source: "002 Q10 L91",
            input: ReplacementInput {
                pickup: PickupMethod::OnTheSpot,
                ..input(S::TempLost, R::Lost)
            },
            want: Want::Blocked(ReplacementBlock::PickupNotOnline),
        },
        Case {
            name: "4 working days skip the Qingming holiday (2026-04-04..06)",
            source: "002 Q30 L197; cn-workdays.json 2026",
            input: ReplacementInput {
                on: d(2026, 4, 2),
                ..input(S::TempLost, R::Lost)
            },
            want: Want::Planned(S::Replaced, d(2026, 4, 9), lost_notes()),
        },
    ];
    for c in cases {
        assert_eq!(outcome(&c.input), c.want, "{} ({})", c.name, c.source);
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn q22_and_q25_transitions() {
    let on = CardContext {
        on: d(2026, 3, 2),
        channel: None,
    };
    let online = CardContext {
        on: d(2026, 3, 2),
        channel: Some(online_channel(City::Beijing)),
    };
    // Q22: after a reissue the loss cannot be lifted, through any channel, and the refusal says
    // why (not "go to a counter").
    let reissued = card_transition(&card(S::TempLost), CardAction::Reissue, &on)
        .expect("reissue")
        .result
        .state;
    assert_eq!(reissued.social, S::Replaced, "002 Q22 L151");
    for ctx in [&on, &online] {
        assert_eq!(
            card_transition(&reissued, CardAction::Unfreeze, ctx).map(|e| e.result),
            Err(TransitionError::UnfreezeAfterReissue),
            "002 Q22 L151"
        );
    }
    // Q25 / D33: an exchanged card works until the new card is enabled, then ends.
    let exchanged = card_transition(&card(S::Enabled), CardAction::Exchange, &on)
        .expect("exchange")
        .result;
    assert_eq!(exchanged.state.social, S::Enabled, "D33");
    assert!(
        exchanged
            .effects
            .contains(&Effect::WorksUntilNewCardEnabled)
    );
    assert_eq!(
        card_transition(&exchanged.state, CardAction::Exchange, &on).map(|e| e.result),
        Err(TransitionError::InvalidFromState),
        "one replacement at a time"
    );
    let ended = card_transition(&exchanged.state, CardAction::ReplacementEnabled, &on)
        .expect("new card enabled")
        .result;
    assert_eq!(ended.state.social, S::Replaced, "002 Q25 L165");
    assert_eq!(ended.effects, vec![Effect::ReplacedByNewCard]);
    // Without a replacement there is nothing to end.
    assert_eq!(
        card_transition(&card(S::Enabled), CardAction::ReplacementEnabled, &on).map(|e| e.result),
        Err(TransitionError::InvalidFromState),
        "D33"
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn reasons_have_one_string_form() {
    for r in ReplacementReason::ALL {
        assert_eq!(ReplacementReason::from_id(r.id()), Some(*r));
        assert_eq!(
            serde_json::to_string(r).expect("json"),
            format!("\"{}\"", r.id())
        );
    }
    // By post a fresh code is asked for; at a branch the counter checks the ID (issue #13 review).
    for (pickup, want) in [(PickupMethod::Mail, true), (PickupMethod::Branch, false)] {
        assert_eq!(pickup_needs_fresh_code(pickup), want, "{pickup}");
    }
    assert_eq!(ReplacementReason::Lost.service(), Service::Reissue);
    assert_eq!(ReplacementReason::Damaged.service(), Service::Exchange);
    for b in ReplacementBlock::ALL {
        assert_eq!(b.code(), format!("replacement.{}", b.id()));
        assert_eq!(ReplacementBlock::from_code(b.code()), Some(*b));
    }
}

//! Card and application state machines (catalogue §8; 002 Q15, Q18–Q22, Q25–Q27, Q34–Q36).
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{assert_has, assert_lacks, d};
use sscard_rules::*;

fn ctx(y: i32, m: u32, day: u32) -> CardContext {
    CardContext {
        on: d(y, m, day),
        channel: None,
    }
}

fn apply(
    state: &CardState,
    action: CardAction,
    c: &CardContext,
) -> Result<CardTransition, TransitionError> {
    card_transition(state, action, c).map(|e| e.result)
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn card_guards_table() {
    let mailed = CardState::received(City::Beijing, PickupMethod::Mail, false, true);
    let enabled = CardState {
        social: SocialState::Enabled,
        financial: FinancialState::Active,
        old_card: None,
        ..mailed.clone()
    };
    let temp_lost = CardState {
        social: SocialState::TempLost,
        financial: FinancialState::TempLost,
        temp_loss_reported_on: Some(d(2026, 1, 20)),
        ..enabled.clone()
    };
    let reissued_elsewhere = CardState {
        reissued: true,
        ..temp_lost.clone()
    };
    let cancelled = CardState {
        social: SocialState::Cancelled,
        social_cancelled_on: Some(d(2026, 1, 10)),
        ..enabled.clone()
    };
    let changed_bank = CardState {
        last_bank_change: Some(d(2025, 8, 31)),
        ..enabled.clone()
    };
    let district = CardContext {
        on: d(2026, 3, 2),
        channel: Some(Channel::DistrictStreetPoint),
    };

    use Part::{Effect as Fx, Financial, OldCard, Social};
    let cases = vec![
        Case {
            name: "enable ends the old card's medical function",
            got: apply(&mailed, CardAction::EnableSocial, &ctx(2026, 3, 2)),
            want: Want::Done(vec![
                Social(SocialState::Enabled),
                OldCard(OldCardState::MedicalInvalid),
                Fx(Effect::OldCardMedicalEnds),
            ]),
            source: "002 Q25 L165; D20",
        },
        Case {
            name: "no early unfreeze after a reissue",
            got: apply(&reissued_elsewhere, CardAction::Unfreeze, &ctx(2026, 1, 25)),
            want: Want::Refused(TransitionError::UnfreezeAfterReissue),
            source: "002 Q22 L151",
        },
        Case {
            name: "unfreeze restores both functions",
            got: apply(&temp_lost, CardAction::Unfreeze, &ctx(2026, 1, 25)),
            want: Want::Done(vec![
                Social(SocialState::Enabled),
                Financial(FinancialState::Active),
            ]),
            source: "002 Q19 L139",
        },
        Case {
            name: "district point cannot lift a temporary loss",
            got: apply(&temp_lost, CardAction::Unfreeze, &district),
            want: Want::Refused(TransitionError::FormalLossOnlyHere),
            source: "002 Q7 L61; D11",
        },
        Case {
            name: "auto-lift not before day 15",
            got: apply(&temp_lost, CardAction::AutoLift, &ctx(2026, 2, 3)),
            want: Want::Refused(TransitionError::AutoLiftNotDue {
                lifts_on: d(2026, 2, 4),
            }),
            source: "002 Q18 L135; D18",
        },
        Case {
            name: "auto-lift on day 15, bank side per bank rules",
            got: apply(&temp_lost, CardAction::AutoLift, &ctx(2026, 2, 4)),
            want: Want::Done(vec![
                Social(SocialState::Enabled),
                Financial(FinancialState::TempLost),
                Fx(Effect::FinancialPerBankRules),
            ]),
            source: "002 Q18 L135",
        },
        Case {
            name: "temporary loss freezes both functions",
            got: apply(&enabled, CardAction::ReportTempLoss, &ctx(2026, 1, 20)),
            want: Want::Done(vec![
                Financial(FinancialState::TempLost),
                Fx(Effect::AutoLiftsOn {
                    date: d(2026, 2, 4),
                }),
            ]),
            source: "002 Q18 L135",
        },
        Case {
            name: "temporary loss at a district point: social side only",
            got: apply(&enabled, CardAction::ReportTempLoss, &district),
            want: Want::Done(vec![
                Financial(FinancialState::Active),
                Fx(Effect::ReportFinancialSideAtBank),
            ]),
            source: "002 Q21 L147; D10",
        },
        Case {
            name: "no reissue at a district point",
            got: apply(&temp_lost, CardAction::Reissue, &district),
            want: Want::Refused(TransitionError::ChannelDoesNotOffer {
                service: Service::Reissue,
                channel: Channel::DistrictStreetPoint,
            }),
            source: "002 Q10 L89",
        },
        Case {
            name: "bank cancellation only after social",
            got: apply(&enabled, CardAction::CancelFinancial, &ctx(2026, 3, 2)),
            want: Want::Refused(TransitionError::SocialNotCancelledFirst),
            source: "002 Q36 L229",
        },
        Case {
            name: "bank cancellation after social",
            got: apply(&cancelled, CardAction::CancelFinancial, &ctx(2026, 3, 2)),
            want: Want::Done(vec![Financial(FinancialState::Cancelled)]),
            source: "002 Q34 L219",
        },
        Case {
            name: "bank change inside the cooldown",
            got: apply(&changed_bank, CardAction::ChangeBank, &ctx(2026, 2, 27)),
            want: Want::Refused(TransitionError::BankChangeCooldown {
                allowed_from: d(2026, 2, 28),
            }),
            source: "002 Q27 L185; D2",
        },
        Case {
            name: "bank change after the cooldown recalls the card",
            got: apply(&changed_bank, CardAction::ChangeBank, &ctx(2026, 2, 28)),
            want: Want::Done(vec![
                Fx(Effect::CardRecalled),
                Social(SocialState::Cancelled),
            ]),
            source: "002 Q26 L179",
        },
        Case {
            name: "social cancellation warns of suspension after 6 months",
            got: apply(&enabled, CardAction::CancelSocial, &ctx(2026, 1, 10)),
            want: Want::Done(vec![Fx(Effect::NonCounterMaySuspendFrom {
                date: d(2026, 7, 10),
            })]),
            source: "002 Q35 L225",
        },
        Case {
            name: "suspension not before 6 months",
            got: apply(
                &cancelled,
                CardAction::BankSuspendsNonCounter,
                &ctx(2026, 7, 9),
            ),
            want: Want::Refused(TransitionError::SuspensionNotDue),
            source: "002 Q35 L225; D2",
        },
        Case {
            name: "old card bank function kept until cancelled",
            got: apply(
                &CardState {
                    old_card: Some(OldCardState::MedicalInvalid),
                    ..enabled.clone()
                },
                CardAction::CancelOldCardFinancial,
                &ctx(2026, 3, 2),
            ),
            want: Want::Done(vec![OldCard(OldCardState::FinancialCancelled)]),
            source: "002 Q25 L165",
        },
        Case {
            name: "no bank activation online",
            got: apply(
                &mailed,
                CardAction::ActivateFinancial,
                &CardContext {
                    on: d(2026, 3, 2),
                    channel: Some(Channel::HrssWebsite),
                },
            ),
            want: Want::Refused(TransitionError::ChannelDoesNotOffer {
                service: Service::ActivateFinancial,
                channel: Channel::HrssWebsite,
            }),
            source: "002 Q10 L91",
        },
    ];
    for c in &cases {
        let context = format!("{} ({})", c.name, c.source);
        match (&c.want, &c.got) {
            (Want::Refused(e), got) => {
                assert_eq!(got.as_ref().err(), Some(e), "{context}: got {got:?}");
            }
            (Want::Done(_), Err(e)) => panic!("{context}: refused with {e:?}"),
            (Want::Done(parts), Ok(t)) => {
                for part in parts {
                    assert_part(t, part, &context);
                }
            }
        }
    }
}

/// Fails unless the state after the action has `part`.
#[track_caller]
fn assert_part(t: &CardTransition, part: &Part, context: &str) {
    match part {
        Part::Social(s) => assert_eq!(t.state.social, *s, "{context}: social function"),
        Part::Financial(f) => assert_eq!(t.state.financial, *f, "{context}: financial function"),
        Part::OldCard(o) => assert_eq!(t.state.old_card, Some(*o), "{context}: old card"),
        Part::Effect(e) => assert_has(
            &t.effects,
            std::slice::from_ref(e),
            &format!("{context}: effects"),
        ),
    }
}

/// A card guard case: an action's result and what it should be.
struct Case {
    name: &'static str,
    got: Result<CardTransition, TransitionError>,
    want: Want,
    source: &'static str,
}

/// What a card action should do.
enum Want {
    /// Be refused with this error.
    Refused(TransitionError),
    /// Succeed, leading to a state with each of these parts (others are not checked).
    Done(Vec<Part>),
}

/// A part of the state after an action.
enum Part {
    /// The social-security function's state.
    Social(SocialState),
    /// The financial function's state.
    Financial(FinancialState),
    /// The old card's state (it must have one).
    OldCard(OldCardState),
    /// An effect among those reported.
    Effect(Effect),
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn available_actions() {
    let c = ctx(2026, 3, 2);
    let mailed = CardState::received(City::Beijing, PickupMethod::Mail, false, false);
    let a = available_card_actions(&mailed, &c);
    assert_has(
        &a,
        &[CardAction::EnableSocial, CardAction::ActivateFinancial],
        "a mailed card (002 Q15 L121)",
    );
    assert_lacks(
        &a,
        &[CardAction::Unfreeze, CardAction::CancelFinancial],
        "a mailed card (002 Q36)",
    );
    let branch = CardState::received(City::Beijing, PickupMethod::Branch, true, false);
    let a = available_card_actions(&branch, &c);
    assert_lacks(
        &a,
        &[CardAction::EnableSocial],
        "a card enabled at the branch (002 Q15 L119)",
    );
    assert_has(
        &a,
        &[CardAction::ReportTempLoss],
        "a card enabled at the branch (002 Q15 L119)",
    );
    let replaced = CardState {
        social: SocialState::Replaced,
        reissued: true,
        ..branch
    };
    let a = available_card_actions(&replaced, &c);
    assert_lacks(
        &a,
        &[CardAction::Unfreeze, CardAction::ReportTempLoss],
        "a replaced card (002 Q22 L151)",
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn application_paths() {
    use ApplicationEvent as E;
    use ApplicationState as S;
    let run = |city, pickup, events: &[E]| -> Result<S, TransitionError> {
        let ctx = ApplicationContext { city, pickup };
        events
            .iter()
            .try_fold(S::Draft, |s, e| application_transition(s, *e, &ctx))
    };
    let bj = City::Beijing;
    type Out = Result<S, TransitionError>;
    let cases: &[(&str, Out, Out, &str)] = &[
        (
            "mail",
            run(
                bj,
                PickupMethod::Mail,
                &[
                    E::SubmitIndividual,
                    E::StartProduction,
                    E::FinishProduction,
                    E::Dispatch,
                    E::Receive,
                ],
            ),
            Ok(S::Received),
            "002 Q13 L107; catalogue §8.3 X-A5",
        ),
        (
            "branch",
            run(
                bj,
                PickupMethod::Branch,
                &[
                    E::SubmitIndividual,
                    E::StartProduction,
                    E::FinishProduction,
                    E::ReadyForPickup,
                    E::Receive,
                ],
            ),
            Ok(S::Received),
            "002 Q15 L119; X-A6",
        ),
        (
            "instant",
            run(
                bj,
                PickupMethod::OnTheSpot,
                &[E::SubmitIndividual, E::IssueInstantly],
            ),
            Ok(S::Received),
            "000 ¶ L17; X-A3",
        ),
        (
            "employer returns a card",
            run(
                bj,
                PickupMethod::Employer,
                &[
                    E::SubmitCollective,
                    E::EmployeeConfirms,
                    E::StartProduction,
                    E::FinishProduction,
                    E::HandToEmployer,
                    E::ReturnToBank,
                ],
            ),
            Ok(S::ReturnedToBank),
            "002 Q12 L103, Q14 L113",
        ),
        (
            "posting a branch-pickup card",
            run(
                bj,
                PickupMethod::Branch,
                &[
                    E::SubmitIndividual,
                    E::StartProduction,
                    E::FinishProduction,
                    E::Dispatch,
                ],
            ),
            Err(TransitionError::WrongPickupMethod),
            "002 Q13 L107",
        ),
        (
            "backup point only in Shanghai",
            run(
                bj,
                PickupMethod::Mail,
                &[
                    E::SubmitIndividual,
                    E::StartProduction,
                    E::FinishProduction,
                    E::Dispatch,
                    E::DeliveryFailed,
                ],
            ),
            Err(TransitionError::NotInThisCity),
            "003 便民措施(四) L33",
        ),
        (
            "Shanghai backup point",
            run(
                City::Shanghai,
                PickupMethod::Mail,
                &[
                    E::SubmitIndividual,
                    E::StartProduction,
                    E::FinishProduction,
                    E::Dispatch,
                    E::DeliveryFailed,
                    E::Receive,
                ],
            ),
            Ok(S::Received),
            "003 便民措施(四) L33",
        ),
    ];
    for (name, got, want, source) in cases {
        assert_eq!(got, want, "{name} ({source})");
    }
    let ev = available_application_events(
        S::Produced,
        &ApplicationContext {
            city: bj,
            pickup: PickupMethod::Mail,
        },
    );
    assert_eq!(ev, vec![E::Dispatch], "a produced mail card (X-A5)");
}

fn wire_card(city: City, loss_on: Option<&str>) -> wire::Card {
    wire::Card {
        id: "card_1".into(),
        holder: wire::PersonRef {
            id: "person_1".into(),
            name: "张三".into(),
            id_number_masked: "110101********123X".into(),
        },
        as_guardian: false,
        city,
        bank: Some(Bank::Icbc),
        card_number_masked: "6217********1234".into(),
        social_function: SocialState::TempLost,
        financial_function: FinancialState::TempLost,
        issued_on: "2026-01-10".into(),
        temp_loss_reported_on: loss_on.map(Into::into),
        temp_loss_lifts_on: None,
        application_id: None,
        replacement_id: None,
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn wire_card_to_card_state() {
    let state = wire_card(City::Beijing, Some("2026-03-02")).state();
    assert_eq!(
        state,
        CardState {
            city: City::Beijing,
            social: SocialState::TempLost,
            financial: FinancialState::TempLost,
            old_card: None,
            reissued: false,
            exchange_pending: false,
            temp_loss_reported_on: Some(d(2026, 3, 2)),
            social_cancelled_on: None,
            last_bank_change: None,
        },
        "a Beijing card in temporary loss (wire)"
    );
    // The state drives the machine: a temporary loss lifts on report date + 15 (D18).
    let lifted = card_transition(&state, CardAction::AutoLift, &ctx(2026, 3, 17)).ok();
    assert_eq!(
        lifted.map(|t| t.result.state.social),
        Some(SocialState::Enabled),
        "auto lift from the wire card (DECISIONS.md D18)"
    );
    // A city the rules crate does not know is not a card at all: it does not read.
    let mut paris = serde_json::to_value(wire_card(City::Beijing, None)).expect("a card");
    paris["city"] = serde_json::json!("paris");
    assert!(
        serde_json::from_value::<wire::Card>(paris).is_err(),
        "unknown city"
    );
    let urumqi = wire_card(City::Urumqi, Some("2 March")).state();
    assert_eq!(
        (urumqi.city, urumqi.temp_loss_reported_on),
        (City::Urumqi, None),
        "an unreadable loss date counts as absent"
    );
    // A replacement asked for a card still in use is an exchange whose new card is not enabled
    // yet (D33): the card cannot be replaced again, and its loss is not a 补领's (Q22 is not it).
    let mut pending = wire_card(City::Beijing, Some("2026-03-02"));
    pending.replacement_id = Some("app_1".into());
    let state = pending.state();
    assert_eq!(
        (state.exchange_pending, state.reissued),
        (true, false),
        "D33"
    );
    let ctx = CardContext {
        on: d(2026, 3, 3),
        channel: None,
    };
    assert_eq!(
        apply(&state, CardAction::Unfreeze, &ctx).map(|t| t.state.social),
        Ok(SocialState::Enabled),
        "a pending exchange does not forbid lifting a loss (Q22 is about 补领)"
    );
}

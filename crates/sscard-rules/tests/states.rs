//! Card and application state machines (catalogue §8; 002 Q15, Q18–Q22, Q25–Q27, Q34–Q36).
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{check, d};
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

    type R = Result<CardTransition, TransitionError>;
    type Check<'a> = &'a dyn Fn(&R) -> bool;
    let cases: Vec<(&str, R, Check, &str)> = vec![
        (
            "enable ends the old card's medical function",
            apply(&mailed, CardAction::EnableSocial, &ctx(2026, 3, 2)),
            &|r| {
                matches!(r, Ok(t) if t.state.social == SocialState::Enabled && t.state.old_card == Some(OldCardState::MedicalInvalid)
                && t.effects.contains(&Effect::OldCardMedicalEnds))
            },
            "002 Q25 L165; D20",
        ),
        (
            "no early unfreeze after a reissue",
            apply(&reissued_elsewhere, CardAction::Unfreeze, &ctx(2026, 1, 25)),
            &|r| matches!(r, Err(TransitionError::UnfreezeAfterReissue)),
            "002 Q22 L151",
        ),
        (
            "unfreeze restores both functions",
            apply(&temp_lost, CardAction::Unfreeze, &ctx(2026, 1, 25)),
            &|r| matches!(r, Ok(t) if t.state.social == SocialState::Enabled && t.state.financial == FinancialState::Active),
            "002 Q19 L139",
        ),
        (
            "district point cannot lift a temporary loss",
            apply(&temp_lost, CardAction::Unfreeze, &district),
            &|r| matches!(r, Err(TransitionError::FormalLossOnlyHere)),
            "002 Q7 L61; D11",
        ),
        (
            "auto-lift not before day 15",
            apply(&temp_lost, CardAction::AutoLift, &ctx(2026, 2, 3)),
            &|r| matches!(r, Err(TransitionError::AutoLiftNotDue { lifts_on }) if *lifts_on == d(2026, 2, 4)),
            "002 Q18 L135; D18",
        ),
        (
            "auto-lift on day 15, bank side per bank rules",
            apply(&temp_lost, CardAction::AutoLift, &ctx(2026, 2, 4)),
            &|r| {
                matches!(r, Ok(t) if t.state.social == SocialState::Enabled && t.state.financial == FinancialState::TempLost
                && t.effects.contains(&Effect::FinancialPerBankRules))
            },
            "002 Q18 L135",
        ),
        (
            "temporary loss freezes both functions",
            apply(&enabled, CardAction::ReportTempLoss, &ctx(2026, 1, 20)),
            &|r| {
                matches!(r, Ok(t) if t.state.financial == FinancialState::TempLost
                && t.effects.contains(&Effect::AutoLiftsOn { date: d(2026, 2, 4) }))
            },
            "002 Q18 L135",
        ),
        (
            "temporary loss at a district point: social side only",
            apply(&enabled, CardAction::ReportTempLoss, &district),
            &|r| {
                matches!(r, Ok(t) if t.state.financial == FinancialState::Active
                && t.effects.contains(&Effect::ReportFinancialSideAtBank))
            },
            "002 Q21 L147; D10",
        ),
        (
            "no reissue at a district point",
            apply(&temp_lost, CardAction::Reissue, &district),
            &|r| matches!(r, Err(TransitionError::ChannelDoesNotOffer { .. })),
            "002 Q10 L89",
        ),
        (
            "bank cancellation only after social",
            apply(&enabled, CardAction::CancelFinancial, &ctx(2026, 3, 2)),
            &|r| matches!(r, Err(TransitionError::SocialNotCancelledFirst)),
            "002 Q36 L229",
        ),
        (
            "bank cancellation after social",
            apply(&cancelled, CardAction::CancelFinancial, &ctx(2026, 3, 2)),
            &|r| matches!(r, Ok(t) if t.state.financial == FinancialState::Cancelled),
            "002 Q34 L219",
        ),
        (
            "bank change inside the cooldown",
            apply(&changed_bank, CardAction::ChangeBank, &ctx(2026, 2, 27)),
            &|r| matches!(r, Err(TransitionError::BankChangeCooldown { allowed_from }) if *allowed_from == d(2026, 2, 28)),
            "002 Q27 L185; D2",
        ),
        (
            "bank change after the cooldown recalls the card",
            apply(&changed_bank, CardAction::ChangeBank, &ctx(2026, 2, 28)),
            &|r| matches!(r, Ok(t) if t.effects.contains(&Effect::CardRecalled) && t.state.social == SocialState::Cancelled),
            "002 Q26 L179",
        ),
        (
            "social cancellation warns of suspension after 6 months",
            apply(&enabled, CardAction::CancelSocial, &ctx(2026, 1, 10)),
            &|r| matches!(r, Ok(t) if t.effects.contains(&Effect::NonCounterMaySuspendFrom { date: d(2026, 7, 10) })),
            "002 Q35 L225",
        ),
        (
            "suspension not before 6 months",
            apply(
                &cancelled,
                CardAction::BankSuspendsNonCounter,
                &ctx(2026, 7, 9),
            ),
            &|r| matches!(r, Err(TransitionError::SuspensionNotDue)),
            "002 Q35 L225; D2",
        ),
        (
            "old card bank function kept until cancelled",
            apply(
                &CardState {
                    old_card: Some(OldCardState::MedicalInvalid),
                    ..enabled.clone()
                },
                CardAction::CancelOldCardFinancial,
                &ctx(2026, 3, 2),
            ),
            &|r| matches!(r, Ok(t) if t.state.old_card == Some(OldCardState::FinancialCancelled)),
            "002 Q25 L165",
        ),
        (
            "no bank activation online",
            apply(
                &mailed,
                CardAction::ActivateFinancial,
                &CardContext {
                    on: d(2026, 3, 2),
                    channel: Some(Channel::HrssWebsite),
                },
            ),
            &|r| matches!(r, Err(TransitionError::ChannelDoesNotOffer { .. })),
            "002 Q10 L91",
        ),
    ];
    for (name, got, ok, source) in &cases {
        check(ok(got), source, &format!("{name}: {got:?}"));
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn available_actions() {
    let c = ctx(2026, 3, 2);
    let mailed = CardState::received(City::Beijing, PickupMethod::Mail, false, false);
    let a = available_card_actions(&mailed, &c);
    check(
        a.contains(&CardAction::EnableSocial) && a.contains(&CardAction::ActivateFinancial),
        "002 Q15 L121",
        &format!("{a:?}"),
    );
    check(
        !a.contains(&CardAction::Unfreeze) && !a.contains(&CardAction::CancelFinancial),
        "002 Q36",
        &format!("{a:?}"),
    );
    let branch = CardState::received(City::Beijing, PickupMethod::Branch, true, false);
    let a = available_card_actions(&branch, &c);
    check(
        !a.contains(&CardAction::EnableSocial) && a.contains(&CardAction::ReportTempLoss),
        "002 Q15 L119",
        &format!("{a:?}"),
    );
    let replaced = CardState {
        social: SocialState::Replaced,
        reissued: true,
        ..branch
    };
    let a = available_card_actions(&replaced, &c);
    check(
        !a.contains(&CardAction::Unfreeze) && !a.contains(&CardAction::ReportTempLoss),
        "002 Q22 L151",
        &format!("{a:?}"),
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
        check(got == want, source, &format!("{name}: {got:?}"));
    }
    let ev = available_application_events(
        S::Produced,
        &ApplicationContext {
            city: bj,
            pickup: PickupMethod::Mail,
        },
    );
    check(ev == vec![E::Dispatch], "X-A5", &format!("{ev:?}"));
}

/// The wire card states are the state machine's states, value for value and name for name
/// (the server stores the names; the app and the server convert with `From` and `Card::state`).
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn wire_card_states_are_the_state_machine_states() {
    use sscard_rules::wire::{FinancialFunction as F, SocialFunction as S};
    let social = [
        (S::NotEnabled, SocialState::NotEnabled),
        (S::Enabled, SocialState::Enabled),
        (S::TempLost, SocialState::TempLost),
        (S::FormalLost, SocialState::FormalLost),
        (S::Replaced, SocialState::Replaced),
        (S::Cancelled, SocialState::Cancelled),
    ];
    for (wire, state) in social {
        check(
            SocialState::from(wire) == state,
            "wire",
            &format!("{wire:?}"),
        );
        check(S::from(state) == wire, "wire", &format!("{state:?}"));
        check(
            serde_json::to_value(wire).ok() == serde_json::to_value(state).ok(),
            "wire",
            &format!("name of {state:?}"),
        );
    }
    let financial = [
        (F::NotActivated, FinancialState::NotActivated),
        (F::Active, FinancialState::Active),
        (F::TempLost, FinancialState::TempLost),
        (F::FormalLost, FinancialState::FormalLost),
        (F::NonCounterSuspended, FinancialState::NonCounterSuspended),
        (F::Cancelled, FinancialState::Cancelled),
    ];
    for (wire, state) in financial {
        check(
            FinancialState::from(wire) == state,
            "wire",
            &format!("{wire:?}"),
        );
        check(F::from(state) == wire, "wire", &format!("{state:?}"));
        check(
            serde_json::to_value(wire).ok() == serde_json::to_value(state).ok(),
            "wire",
            &format!("name of {state:?}"),
        );
    }
}

fn wire_card(city: &str, loss_on: Option<&str>) -> wire::Card {
    wire::Card {
        id: "card_1".into(),
        holder: wire::PersonRef {
            id: "person_1".into(),
            name: "张三".into(),
            id_number_masked: "110101********123X".into(),
        },
        as_guardian: false,
        city: city.into(),
        bank: "icbc".into(),
        card_number_masked: "6217********1234".into(),
        social_function: wire::SocialFunction::TempLost,
        financial_function: wire::FinancialFunction::TempLost,
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
    let state = wire_card("beijing", Some("2026-03-02")).state();
    check(
        state
            == Some(CardState {
                city: City::Beijing,
                social: SocialState::TempLost,
                financial: FinancialState::TempLost,
                old_card: None,
                reissued: false,
                exchange_pending: false,
                temp_loss_reported_on: Some(d(2026, 3, 2)),
                social_cancelled_on: None,
                last_bank_change: None,
            }),
        "wire",
        "a Beijing card in temporary loss",
    );
    // The state drives the machine: a temporary loss lifts on report date + 15 (D18).
    let lifted =
        state.and_then(|s| card_transition(&s, CardAction::AutoLift, &ctx(2026, 3, 17)).ok());
    check(
        lifted.is_some_and(|t| t.result.state.social == SocialState::Enabled),
        "DECISIONS.md D18",
        "auto lift from the wire card",
    );
    check(
        wire_card("paris", None).state().is_none(),
        "wire",
        "unknown city",
    );
    check(
        wire_card("urumqi", Some("2 March"))
            .state()
            .is_some_and(|s| s.city == City::Urumqi && s.temp_loss_reported_on.is_none()),
        "wire",
        "an unreadable loss date counts as absent",
    );
    // A replacement asked for a card still in use is an exchange whose new card is not enabled
    // yet (D33): the card cannot be replaced again, and its loss is not a 补领's (Q22 is not it).
    let mut pending = wire_card("beijing", Some("2026-03-02"));
    pending.replacement_id = Some("app_1".into());
    let state = pending.state().expect("state");
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

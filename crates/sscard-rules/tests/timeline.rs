//! Timeline case table (000 L17/L19, 002 Q13/Q14/Q18/Q27/Q30/Q46, 004 L5/L6/L24; D1, D2, D6, D8, D14).
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod common;
use chrono::NaiveDate;
use common::{assert_has, d};
use sscard_rules::*;

fn req(
    city: City,
    business: Business,
    channel: Channel,
    pickup: PickupMethod,
    date: NaiveDate,
) -> TimelineRequest {
    TimelineRequest {
        city,
        business,
        channel,
        pickup,
        date,
        card_held: CardHeld::ThirdGeneration,
        last_bank_change: None,
    }
}

/// What a case expects of the production limit, or the error code instead.
#[derive(Debug, PartialEq)]
enum Want {
    /// Made within natural days, by this date, certain.
    Natural(NaiveDate),
    /// Made within natural days by an estimated date (no case wants it: it shows in failures).
    NaturalEstimate(NaiveDate),
    /// Made within working days, by this date; certain or an estimate.
    Working(NaiveDate, bool),
    /// Made on the spot, in about this many minutes.
    Spot(Option<u32>),
    /// The sources give no production time.
    NotStated,
    /// Refused with this error code.
    Error(&'static str),
}

/// The production limit (or error) of a preview, in the terms of [`Want`].
fn production(got: &Result<Explained<TimelinePreview>, TimelineError>) -> Want {
    let p = match got {
        Ok(t) => &t.result,
        Err(e) => return Want::Error(e.code()),
    };
    let certain = p.certainty.is_certain();
    match &p.production {
        Production::NaturalDays { made_by, .. } if certain => Want::Natural(*made_by),
        Production::NaturalDays { made_by, .. } => Want::NaturalEstimate(*made_by),
        Production::WorkingDays { made_by, .. } => Want::Working(*made_by, certain),
        Production::OnTheSpot { minutes } => Want::Spot(*minutes),
        Production::NotStated => Want::NotStated,
    }
}

struct Case {
    name: &'static str,
    req: TimelineRequest,
    want: Want,
    processed_as: Option<Service>,
    warning: Option<TimelineWarning>,
    step: Option<StepKind>,
    source: &'static str,
}

fn cases() -> Vec<Case> {
    use Business as B;
    use Channel as Ch;
    use PickupMethod as P;
    let bj = City::Beijing;
    let mut v = Vec::new();
    let mut c = |name, req, want, processed_as, warning, step, source| {
        v.push(Case {
            name,
            req,
            want,
            processed_as,
            warning,
            step,
            source,
        });
    };
    c(
        "first application online by post",
        TimelineRequest {
            card_held: CardHeld::OlderGeneration,
            ..req(
                bj,
                B::FirstApplication,
                Ch::HrssWebsite,
                P::Mail,
                d(2026, 3, 2),
            )
        },
        Want::Natural(d(2026, 4, 1)),
        Some(Service::Apply),
        Some(TimelineWarning::PostalTransitNotIncluded),
        Some(StepKind::OldCardMedicalEnds),
        "000 ¶ L17 (30 自然日), L19 (transit); D1, D14",
    );
    c(
        "first application at a district point, branch pickup",
        TimelineRequest {
            card_held: CardHeld::None,
            ..req(
                bj,
                B::FirstApplication,
                Ch::DistrictStreetPoint,
                P::Branch,
                d(2026, 1, 10),
            )
        },
        Want::Natural(d(2026, 2, 9)),
        Some(Service::Apply),
        None,
        Some(StepKind::CollectAtBranch),
        "000 ¶ L13, L17; 002 Q13 L107",
    );
    c(
        "first application reaching 2027 stays certain",
        req(
            bj,
            B::FirstApplication,
            Ch::BeijingHrssApp,
            P::Mail,
            d(2026, 12, 15),
        ),
        Want::Natural(d(2027, 1, 14)),
        None,
        None,
        None,
        "D6: natural days need no calendar",
    );
    c(
        "reissue across the 2026 Spring Festival",
        req(bj, B::ReplaceLost, Ch::HrssWebsite, P::Mail, d(2026, 2, 12)),
        Want::Working(d(2026, 2, 25), true),
        Some(Service::Reissue),
        Some(TimelineWarning::LostCardCannotBeUnfrozen),
        Some(StepKind::EnableSocialFunction),
        "000 ¶ L19 (4 工作日); cn-workdays 2026; 002 Q22",
    );
    c(
        "exchange ending on a make-up Saturday",
        req(
            bj,
            B::ReplaceDamaged,
            Ch::JingtongMiniProgram,
            P::Mail,
            d(2026, 2, 24),
        ),
        Want::Working(d(2026, 2, 28), true),
        Some(Service::Exchange),
        None,
        None,
        "000 ¶ L19; cn-workdays 2026 makeup 02-28",
    );
    c(
        "damaged card at the issuing bank across National Day 2025",
        req(
            bj,
            B::ReplaceDamaged,
            Ch::IssuingBankBranch,
            P::Branch,
            d(2025, 9, 26),
        ),
        Want::Working(d(2025, 10, 9), true),
        None,
        None,
        Some(StepKind::TransportBalanceRefund),
        "000 ¶ L19; 002 Q46 L277; cn-workdays 2025",
    );
    c(
        "reissue across National Day 2026",
        req(bj, B::ReplaceLost, Ch::HrssWebsite, P::Mail, d(2026, 9, 30)),
        Want::Working(d(2026, 10, 12), true),
        None,
        None,
        None,
        "000 ¶ L19; cn-workdays 2026 makeup 10-10",
    );
    c(
        "reissue into 2027 is an estimate",
        req(
            bj,
            B::ReplaceLost,
            Ch::HrssWebsite,
            P::Mail,
            d(2026, 12, 29),
        ),
        Want::Working(d(2027, 1, 5), false),
        None,
        None,
        None,
        "D6, D35 (元旦 2027-01-01); cn-workdays 2027 published=false",
    );
    c(
        "details change online",
        req(
            bj,
            B::ChangeDetails,
            Ch::HrssWebsite,
            P::Mail,
            d(2026, 3, 2),
        ),
        Want::Working(d(2026, 3, 6), true),
        None,
        None,
        Some(StepKind::ChangeKeyDataFirst),
        "002 Q24 L159; 000 ¶ L19",
    );
    c(
        "instant card on the spot",
        req(
            bj,
            B::FirstApplication,
            Ch::InstantBranch,
            P::OnTheSpot,
            d(2026, 3, 2),
        ),
        Want::Spot(Some(10)),
        None,
        None,
        Some(StepKind::CardInHand),
        "000 ¶ L17; 002 Q30 L199",
    );
    c(
        "instant reissue",
        req(
            bj,
            B::ReplaceLost,
            Ch::InstantBranch,
            P::OnTheSpot,
            d(2026, 3, 2),
        ),
        Want::Spot(Some(10)),
        None,
        None,
        None,
        "002 Q30 L199",
    );
    c(
        "older-generation holder: reissue is an application",
        TimelineRequest {
            card_held: CardHeld::OlderGeneration,
            ..req(bj, B::ReplaceLost, Ch::HrssWebsite, P::Mail, d(2026, 3, 2))
        },
        Want::Natural(d(2026, 4, 1)),
        Some(Service::Apply),
        Some(TimelineWarning::ProcessedAsApplication),
        None,
        "002 Q25 L163; catalogue §13 C-11; D14",
    );
    c(
        "reissue at another bank is a bank change",
        req(bj, B::ReplaceLost, Ch::BankBranch, P::Branch, d(2026, 3, 2)),
        Want::Natural(d(2026, 4, 1)),
        Some(Service::Apply),
        Some(TimelineWarning::OtherBankIsBankChange),
        Some(StepKind::CancelAtOldBank),
        "D8; 002 Q26 L177–L181",
    );
    c(
        "bank change inside the cooldown",
        TimelineRequest {
            last_bank_change: Some(d(2025, 8, 31)),
            ..req(bj, B::ChangeBank, Ch::BankBranch, P::Mail, d(2026, 2, 27))
        },
        Want::Natural(d(2026, 3, 29)),
        None,
        Some(TimelineWarning::BankChangeCooldown {
            allowed_from: d(2026, 2, 28),
        }),
        None,
        "002 Q27 L185; D2",
    );
    c(
        "district point does not replace",
        req(
            bj,
            B::ReplaceLost,
            Ch::DistrictStreetPoint,
            P::Mail,
            d(2026, 3, 2),
        ),
        Want::Error("timeline.channel_not_offered"),
        None,
        None,
        None,
        "002 Q10 L89",
    );
    c(
        "no instant card online",
        req(
            bj,
            B::FirstApplication,
            Ch::HrssWebsite,
            P::OnTheSpot,
            d(2026, 3, 2),
        ),
        Want::Error("timeline.pickup_not_available"),
        None,
        None,
        None,
        "002 Q10 L91",
    );
    c(
        "pilot: individual applications closed",
        req(
            bj,
            B::FirstApplication,
            Ch::HrssWebsite,
            P::Mail,
            d(2024, 3, 1),
        ),
        Want::Natural(d(2024, 3, 31)),
        None,
        Some(TimelineWarning::IndividualApplicationClosed),
        None,
        "001 ¶ L13; D4",
    );
    c(
        "pilot: employer pickup",
        req(
            bj,
            B::FirstApplication,
            Ch::HrssWebsite,
            P::Employer,
            d(2024, 3, 1),
        ),
        Want::Natural(d(2024, 3, 31)),
        None,
        Some(TimelineWarning::EmployerChoosesBanks),
        Some(StepKind::ReceiveFromEmployer),
        "002 Q12 L103, Q13 L109, Q14 L113",
    );
    c(
        "before the rules existed",
        req(
            bj,
            B::FirstApplication,
            Ch::HrssWebsite,
            P::Mail,
            d(2023, 6, 1),
        ),
        Want::Error("policy.before_validity"),
        None,
        None,
        None,
        "D4",
    );
    c(
        "Urumqi instant at any bank point",
        req(
            City::Urumqi,
            B::ReplaceLost,
            Ch::BankBranch,
            P::OnTheSpot,
            d(2026, 4, 1),
        ),
        Want::Spot(Some(10)),
        None,
        None,
        Some(StepKind::UpdatePensionAccount),
        "004 ¶ L5; 現場 L33",
    );
    c(
        "Urumqi remote by EMS",
        req(
            City::Urumqi,
            B::ReplaceLost,
            Ch::XinjiangHrssApp,
            P::Mail,
            d(2026, 4, 1),
        ),
        Want::NotStated,
        None,
        Some(TimelineWarning::PostagePaidByRecipient),
        Some(StepKind::SignAndPayPostage),
        "004 Q L23–L26; D15",
    );
    c(
        "Urumqi renewal at a bank point",
        req(
            City::Urumqi,
            B::Renewal,
            Ch::BankBranch,
            P::OnTheSpot,
            d(2026, 4, 1),
        ),
        Want::Spot(Some(10)),
        Some(Service::Renewal),
        None,
        None,
        "004 ¶ L6",
    );
    c(
        "Shanghai instant replacement",
        req(
            City::Shanghai,
            B::ReplaceLost,
            Ch::InstantBranch,
            P::OnTheSpot,
            d(2026, 4, 1),
        ),
        Want::Spot(None),
        None,
        None,
        None,
        "003 便民措施(三) L31",
    );
    c(
        "Shanghai online application",
        req(
            City::Shanghai,
            B::FirstApplication,
            Ch::ShanghaiOnline,
            P::Mail,
            d(2026, 4, 1),
        ),
        Want::NotStated,
        None,
        Some(TimelineWarning::ProductionTimeNotStated),
        None,
        "003 L23; D15",
    );
    v
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn timeline_table() {
    let cal = Calendar::embedded();
    for c in cases() {
        let got = preview_timeline(&c.req, cal);
        let context = format!("{} ({})", c.name, c.source);
        assert_eq!(production(&got), c.want, "{context}: production");
        // An expected error is all a case says; the checks below are about a preview.
        let Ok(t) = got else { continue };
        let p = &t.result;
        if let Some(s) = c.processed_as {
            assert_eq!(p.processed_as, s, "{context}: processed as");
        }
        if let Some(w) = c.warning {
            assert_has(&p.warnings, &[w], &format!("{context}: warning"));
        }
        if let Some(k) = c.step {
            let kinds: Vec<StepKind> = p.steps.iter().map(|s| s.step).collect();
            assert_has(&kinds, &[k], &format!("{context}: step"));
        }
        assert!(!t.trace.steps.is_empty(), "{context}: the trace is empty");
    }
}

/// A dated answer's date, or its error code.
fn date_of(got: Result<Explained<DateAnswer>, TimelineError>) -> Result<NaiveDate, &'static str> {
    got.map(|e| e.result.date).map_err(|e| e.code())
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn dated_answers() {
    let bj = City::Beijing;
    type Row = (
        &'static str,
        Result<NaiveDate, &'static str>,
        Result<NaiveDate, &'static str>,
        &'static str,
    );
    // (name, got, want, source)
    let cases: &[Row] = &[
        (
            "lift 2026-01-20",
            date_of(temp_loss_auto_lift(bj, d(2026, 1, 20))),
            Ok(d(2026, 2, 4)),
            "002 Q18 L135; D1, D18 (across a month end)",
        ),
        (
            "lift 2024-02-20",
            date_of(temp_loss_auto_lift(bj, d(2024, 2, 20))),
            Ok(d(2024, 3, 6)),
            "002 Q18; leap February",
        ),
        (
            "lift 2026-12-25",
            date_of(temp_loss_auto_lift(bj, d(2026, 12, 25))),
            Ok(d(2027, 1, 9)),
            "002 Q18; across a year end",
        ),
        (
            "bank 2025-08-31",
            date_of(bank_change_allowed_from(bj, d(2025, 8, 31))),
            Ok(d(2026, 2, 28)),
            "002 Q27 L185; D2",
        ),
        (
            "bank 2026-03-15",
            date_of(bank_change_allowed_from(bj, d(2026, 3, 15))),
            Ok(d(2026, 9, 15)),
            "002 Q27 L185; D2",
        ),
        (
            "renew 2026-12-31",
            date_of(renewal_window_opens(City::Urumqi, d(2026, 12, 31))),
            Ok(d(2026, 11, 1)),
            "004 ¶ L6; D26",
        ),
        (
            "employer 2026-01-20",
            date_of(employer_return_deadline(bj, d(2026, 1, 20))),
            Ok(d(2026, 2, 19)),
            "002 Q14 L113; D25",
        ),
        (
            "renew Beijing",
            date_of(renewal_window_opens(bj, d(2026, 12, 31))),
            Err("policy.not_defined"),
            "catalogue §13 G-7; D14",
        ),
        (
            "lift Shanghai",
            date_of(temp_loss_auto_lift(City::Shanghai, d(2026, 1, 20))),
            Err("policy.not_defined"),
            "D15",
        ),
        (
            "lift before the rules",
            date_of(temp_loss_auto_lift(bj, d(2023, 1, 20))),
            Err("policy.before_validity"),
            "D4",
        ),
    ];
    for (name, got, want, source) in cases {
        assert_eq!(got, want, "{name} ({source})");
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn full_preview_combines_traces() {
    let r = PreviewRequest {
        eligibility: EligibilityInput {
            city: City::Beijing,
            on: d(2026, 3, 2),
            birth_date: d(1990, 1, 1),
            service: Service::Apply,
            actor: Actor::Holder,
            facts: EligibilityFacts {
                insured_in_city: true,
                ..Default::default()
            },
            guardian: None,
            agent_authorised: false,
            group: None,
            lives_elsewhere: false,
            holds_card: false,
        },
        timeline: req(
            City::Beijing,
            Business::FirstApplication,
            Channel::HrssWebsite,
            PickupMethod::Mail,
            d(2026, 3, 2),
        ),
    };
    let got = preview(&r, Calendar::embedded()).expect("a preview (README preview)");
    assert_eq!(
        (
            got.result.eligibility.outcome,
            got.result.timeline.is_some()
        ),
        (Outcome::Eligible, true),
        "(outcome, has a timeline) (README preview)"
    );
    let rules: Vec<&str> = got.trace.steps.iter().map(|s| &*s.rule_id).collect();
    for prefix in ["timeline.", "bj.eligibility"] {
        assert!(
            rules.iter().any(|r| r.starts_with(prefix)),
            "no {prefix}* step in the combined trace {rules:?} (README preview)"
        );
    }
}

/// A timeline warning's code is the `kind` serde writes: the app looks its words up by it.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn warning_codes_are_their_serde_kinds() {
    use TimelineWarning as W;
    let warnings = [
        W::ProcessedAsApplication,
        W::OtherBankIsBankChange,
        W::BankChangeCooldown {
            allowed_from: d(2026, 2, 28),
        },
        W::IndividualApplicationClosed,
        W::OrganisedByGroup,
        W::PostalTransitNotIncluded,
        W::PostagePaidByRecipient,
        W::OldCardWorksUntilEnabled,
        W::LostCardCannotBeUnfrozen,
        W::TransportBalanceForfeited,
        W::ProductionTimeNotStated,
        W::RemoteBanksOnly,
        W::EmployerChoosesBanks,
    ];
    for w in &warnings {
        let json = serde_json::to_value(w).expect("serializes");
        assert_eq!(json["kind"].as_str(), Some(w.code()), "{w:?}");
    }
}

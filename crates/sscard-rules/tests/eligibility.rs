//! Eligibility case table (002 Q4, Q38; 003 L13; 004 L3; DECISIONS D3, D5, D17, D21).
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod common;
use chrono::NaiveDate;
use common::{assert_has, d};
use sscard_rules::*;

fn base(city: City, on: NaiveDate, birth: NaiveDate) -> EligibilityInput {
    EligibilityInput {
        city,
        on,
        birth_date: birth,
        service: Service::Apply,
        actor: Actor::Holder,
        facts: EligibilityFacts::default(),
        guardian: None,
        agent_authorised: false,
        group: None,
        lives_elsewhere: false,
        holds_card: false,
    }
}

struct Case {
    name: &'static str,
    input: EligibilityInput,
    outcome: Outcome,
    reason: Option<Reason>,
    alternative: Option<Alternative>,
    source: &'static str,
}

fn cases() -> Vec<Case> {
    let on = d(2026, 3, 2);
    let adult = d(1990, 5, 1);
    let elderly = d(1966, 8, 15);
    let child = d(2016, 5, 1);
    let mut v = Vec::new();
    let mut c = |name, input, outcome, reason, alternative, source| {
        v.push(Case {
            name,
            input,
            outcome,
            reason,
            alternative,
            source,
        });
    };
    c(
        "E1 insured",
        EligibilityInput {
            facts: EligibilityFacts {
                insured_in_city: true,
                ..Default::default()
            },
            ..base(City::Beijing, on, adult)
        },
        Outcome::Eligible,
        Some(Reason::Qualifies {
            basis: Basis::E1InsuredInCity,
        }),
        None,
        "002 Q4 L29",
    );
    c(
        "E2 exactly 59y6m",
        EligibilityInput {
            facts: EligibilityFacts {
                civil_affairs_pension: true,
                local_hukou: true,
                ..Default::default()
            },
            ..base(City::Beijing, d(2026, 2, 15), elderly)
        },
        Outcome::Eligible,
        Some(Reason::Qualifies {
            basis: Basis::E2CivilAffairsElderlyHukou,
        }),
        None,
        "002 Q4 L33; D3",
    );
    c(
        "E2 at 59y5m29d",
        EligibilityInput {
            facts: EligibilityFacts {
                civil_affairs_pension: true,
                local_hukou: true,
                ..Default::default()
            },
            ..base(City::Beijing, d(2026, 2, 13), elderly)
        },
        Outcome::NotEligible,
        Some(Reason::ElderlyAgeNotReached {
            reached_on: d(2026, 2, 15),
        }),
        Some(Alternative::WaitUntil {
            date: d(2026, 2, 15),
        }),
        "002 Q4 L33; D3",
    );
    c(
        "E2 born 31 Aug, on 28 Feb",
        EligibilityInput {
            facts: EligibilityFacts {
                civil_affairs_pension: true,
                local_hukou: true,
                ..Default::default()
            },
            ..base(City::Beijing, d(2026, 2, 28), d(1966, 8, 31))
        },
        Outcome::Eligible,
        None,
        None,
        "002 Q4 L33; D3 month end",
    );
    c(
        "E2 well past the threshold",
        EligibilityInput {
            facts: EligibilityFacts {
                civil_affairs_pension: true,
                local_hukou: true,
                ..Default::default()
            },
            ..base(City::Beijing, d(2026, 3, 2), d(1966, 2, 28))
        },
        Outcome::Eligible,
        None,
        None,
        "002 Q4 L33; D3",
    );
    c(
        "E3 with residence permit",
        EligibilityInput {
            facts: EligibilityFacts {
                civil_affairs_pension: true,
                residence_permit: true,
                ..Default::default()
            },
            ..base(City::Beijing, on, d(1950, 1, 1))
        },
        Outcome::Eligible,
        Some(Reason::Qualifies {
            basis: Basis::E3CivilAffairsElderlyResident,
        }),
        None,
        "002 Q4 L35",
    );
    c(
        "E3 without residence permit",
        EligibilityInput {
            facts: EligibilityFacts {
                civil_affairs_pension: true,
                ..Default::default()
            },
            ..base(City::Beijing, on, d(1950, 1, 1))
        },
        Outcome::NotEligible,
        Some(Reason::ResidencePermitMissing),
        Some(Alternative::GetResidencePermit),
        "002 Q4 L35; catalogue §8.5 G14",
    );
    c(
        "E4 civil-affairs support",
        EligibilityInput {
            facts: EligibilityFacts {
                civil_affairs_support: true,
                ..Default::default()
            },
            ..base(City::Beijing, on, adult)
        },
        Outcome::NeedsInPersonCheck,
        Some(Reason::NeedsVerification {
            basis: Basis::E4CivilAffairsSupport,
        }),
        Some(Alternative::AskAtServicePoint),
        "002 Q4 L37; D17",
    );
    c(
        "E5 veterans",
        EligibilityInput {
            facts: EligibilityFacts {
                veteran_affairs: true,
                ..Default::default()
            },
            ..base(City::Beijing, on, adult)
        },
        Outcome::NeedsInPersonCheck,
        Some(Reason::NeedsVerification {
            basis: Basis::E5VeteranAffairs,
        }),
        None,
        "002 Q4 L39; D17",
    );
    c(
        "E6 other",
        EligibilityInput {
            facts: EligibilityFacts {
                other_public_service: true,
                ..Default::default()
            },
            ..base(City::Beijing, on, adult)
        },
        Outcome::NeedsInPersonCheck,
        None,
        Some(Alternative::AskAtServicePoint),
        "002 Q4 L41; D17",
    );
    c(
        "no category",
        base(City::Beijing, on, adult),
        Outcome::NotEligible,
        Some(Reason::NoCategory),
        Some(Alternative::AskAtServicePoint),
        "002 Q4 L43; D17",
    );
    c(
        "too young elderly but veteran",
        EligibilityInput {
            facts: EligibilityFacts {
                civil_affairs_pension: true,
                veteran_affairs: true,
                local_hukou: true,
                ..Default::default()
            },
            ..base(City::Beijing, on, d(1970, 1, 1))
        },
        Outcome::NeedsInPersonCheck,
        Some(Reason::ElderlyAgeNotReached {
            reached_on: d(2029, 7, 1),
        }),
        None,
        "002 Q4 L33, L39; D17",
    );
    c(
        "minor applies alone",
        EligibilityInput {
            facts: EligibilityFacts {
                insured_in_city: true,
                ..Default::default()
            },
            ..base(City::Beijing, on, child)
        },
        Outcome::NotEligible,
        Some(Reason::MinorNeedsGuardian {
            adult_from: d(2034, 5, 1),
        }),
        Some(Alternative::GuardianActs),
        "002 Q38 L241; D21",
    );
    c(
        "guardian with proof",
        EligibilityInput {
            facts: EligibilityFacts {
                insured_in_city: true,
                ..Default::default()
            },
            actor: Actor::Guardian,
            guardian: Some(GuardianFacts {
                birth_date: adult,
                proof_of_guardianship: true,
            }),
            ..base(City::Beijing, on, child)
        },
        Outcome::Eligible,
        None,
        None,
        "002 Q38 L241",
    );
    c(
        "guardian without proof",
        EligibilityInput {
            facts: EligibilityFacts {
                insured_in_city: true,
                ..Default::default()
            },
            actor: Actor::Guardian,
            guardian: Some(GuardianFacts {
                birth_date: adult,
                proof_of_guardianship: false,
            }),
            ..base(City::Beijing, on, child)
        },
        Outcome::NotEligible,
        Some(Reason::GuardianshipProofMissing),
        Some(Alternative::BringGuardianshipProof),
        "002 Q38 L241",
    );
    c(
        "guardian aged 17",
        EligibilityInput {
            facts: EligibilityFacts {
                insured_in_city: true,
                ..Default::default()
            },
            actor: Actor::Guardian,
            guardian: Some(GuardianFacts {
                birth_date: d(2008, 6, 1),
                proof_of_guardianship: true,
            }),
            ..base(City::Beijing, on, child)
        },
        Outcome::NotEligible,
        Some(Reason::GuardianNotAdult {
            adult_from: d(2026, 6, 1),
        }),
        None,
        "002 Q38 L241; D21",
    );
    c(
        "child born 29 Feb turned 18",
        EligibilityInput {
            facts: EligibilityFacts {
                insured_in_city: true,
                ..Default::default()
            },
            actor: Actor::Guardian,
            guardian: Some(GuardianFacts {
                birth_date: d(1980, 1, 1),
                proof_of_guardianship: true,
            }),
            ..base(City::Beijing, d(2026, 2, 28), d(2008, 2, 29))
        },
        Outcome::NotEligible,
        Some(Reason::ChildNotMinor {
            adult_since: d(2026, 2, 28),
        }),
        Some(Alternative::HolderActs),
        "002 Q38 L241; D3",
    );
    c(
        "child born 29 Feb still minor",
        EligibilityInput {
            facts: EligibilityFacts {
                insured_in_city: true,
                ..Default::default()
            },
            actor: Actor::Guardian,
            guardian: Some(GuardianFacts {
                birth_date: d(1980, 1, 1),
                proof_of_guardianship: true,
            }),
            ..base(City::Beijing, d(2026, 2, 27), d(2008, 2, 29))
        },
        Outcome::Eligible,
        None,
        None,
        "002 Q38 L241; D3",
    );
    c(
        "agent cannot apply",
        EligibilityInput {
            facts: EligibilityFacts {
                insured_in_city: true,
                ..Default::default()
            },
            actor: Actor::Agent,
            agent_authorised: true,
            group: None,
            lives_elsewhere: false,
            holds_card: false,
            ..base(City::Beijing, on, adult)
        },
        Outcome::NotEligible,
        Some(Reason::AgentNotAllowed),
        Some(Alternative::HolderActs),
        "002 Q38 L237; D5",
    );
    c(
        "agent temp loss with authorisation",
        EligibilityInput {
            service: Service::TempLoss,
            actor: Actor::Agent,
            agent_authorised: true,
            group: None,
            lives_elsewhere: false,
            holds_card: false,
            ..base(City::Beijing, on, adult)
        },
        Outcome::Eligible,
        None,
        None,
        "002 Q38 L237–L239",
    );
    c(
        "agent without authorisation",
        EligibilityInput {
            service: Service::EnableSocial,
            actor: Actor::Agent,
            ..base(City::Beijing, on, adult)
        },
        Outcome::NotEligible,
        Some(Reason::AgentAuthorisationMissing),
        Some(Alternative::BringWrittenAuthorisation),
        "002 Q38 L239",
    );
    c(
        "agent password reset",
        EligibilityInput {
            service: Service::PasswordReset,
            actor: Actor::Agent,
            agent_authorised: true,
            group: None,
            lives_elsewhere: false,
            holds_card: false,
            ..base(City::Beijing, on, adult)
        },
        Outcome::NotEligible,
        Some(Reason::AgentNotAllowed),
        None,
        "002 Q38 L237; catalogue §13 A-9; D5",
    );
    c(
        "agent cancels after death",
        EligibilityInput {
            service: Service::CancelSocial,
            actor: Actor::Agent,
            agent_authorised: true,
            group: None,
            lives_elsewhere: false,
            holds_card: false,
            ..base(City::Beijing, on, adult)
        },
        Outcome::NeedsInPersonCheck,
        Some(Reason::AgentOnlyAfterDeath),
        None,
        "002 Q34 L217; D5",
    );
    c(
        "employer as individual",
        EligibilityInput {
            facts: EligibilityFacts {
                insured_in_city: true,
                ..Default::default()
            },
            actor: Actor::Employer,
            ..base(City::Beijing, on, adult)
        },
        Outcome::NotEligible,
        Some(Reason::EmployerAppliesCollectively),
        Some(Alternative::EmployerCollectiveApplication),
        "002 Q12 L103",
    );
    c(
        "pilot: individuals closed",
        EligibilityInput {
            facts: EligibilityFacts {
                insured_in_city: true,
                ..Default::default()
            },
            ..base(City::Beijing, d(2024, 3, 1), adult)
        },
        Outcome::NotEligible,
        Some(Reason::IndividualApplicationClosed),
        Some(Alternative::EmployerCollectiveApplication),
        "001 ¶ L13; D4",
    );
    c(
        "mass changeover: by group",
        EligibilityInput {
            facts: EligibilityFacts {
                insured_in_city: true,
                ..Default::default()
            },
            ..base(City::Beijing, d(2024, 7, 1), adult)
        },
        Outcome::Eligible,
        Some(Reason::OrganisedByGroup),
        None,
        "001 问答(八) L103; D4",
    );
    // Shanghai: each group its channel (003 L17–L23, D36).
    let guardian = |birth| GuardianFacts {
        birth_date: birth,
        proof_of_guardianship: true,
    };
    let sh = |group, holds_card, birth| EligibilityInput {
        facts: EligibilityFacts {
            local_hukou: true,
            ..Default::default()
        },
        group: Some(group),
        holds_card,
        ..base(City::Shanghai, on, birth)
    };
    let go = |channel| Some(Alternative::GoTo { channel });
    let for_group = |group| Some(Reason::ChannelForGroup { group });
    c(
        "Shanghai pupil with a card to change, by a parent: online",
        EligibilityInput {
            actor: Actor::Guardian,
            guardian: Some(guardian(adult)),
            ..sh(ApplicantGroup::Pupil, true, child)
        },
        Outcome::Eligible,
        Some(Reason::Qualifies {
            basis: Basis::ShanghaiHukouOrInsured,
        }),
        None,
        "003 换发方式(三) L23; D36",
    );
    c(
        "Shanghai pupil's first card: a community centre",
        EligibilityInput {
            actor: Actor::Guardian,
            guardian: Some(guardian(adult)),
            ..sh(ApplicantGroup::Pupil, false, child)
        },
        Outcome::OtherChannel,
        for_group(ApplicantGroup::Other),
        go(Channel::CommunityCentre),
        "003 换发方式 L17 (社保卡新办人员); D36",
    );
    c(
        "Shanghai pupil applying alone: the platform is the parents'",
        sh(ApplicantGroup::Pupil, true, d(2007, 1, 1)),
        Outcome::OtherChannel,
        for_group(ApplicantGroup::Pupil),
        go(Channel::CommunityCentre),
        "003 换发方式(三) L23 (由家长); D36",
    );
    c(
        "Shanghai retiree: a service bank's branch",
        sh(ApplicantGroup::Retired, true, elderly),
        Outcome::OtherChannel,
        for_group(ApplicantGroup::Retired),
        go(Channel::BankBranch),
        "003 换发方式(一) L19; D36",
    );
    c(
        "Shanghai staff: the employer's batch",
        sh(ApplicantGroup::Employed, true, adult),
        Outcome::OtherChannel,
        for_group(ApplicantGroup::Employed),
        go(Channel::EmployerBatch),
        "003 换发方式(二) L21; D36",
    );
    c(
        "Shanghai, none of the groups, changing a card: not covered",
        sh(ApplicantGroup::Other, true, adult),
        Outcome::NeedsInPersonCheck,
        Some(Reason::NotCoveredBySources),
        Some(Alternative::AskAtServicePoint),
        "003 换发方式 L17–L23; D15, D36",
    );
    c(
        "Shanghai first card: a community centre",
        sh(ApplicantGroup::Other, false, adult),
        Outcome::OtherChannel,
        for_group(ApplicantGroup::Other),
        go(Channel::CommunityCentre),
        "003 换发方式 L17; D36",
    );
    c(
        "Shanghai no group given, no card: a first card at a community centre",
        EligibilityInput {
            facts: EligibilityFacts {
                local_hukou: true,
                ..Default::default()
            },
            ..base(City::Shanghai, on, adult)
        },
        Outcome::OtherChannel,
        for_group(ApplicantGroup::Other),
        go(Channel::CommunityCentre),
        "003 换发方式 L17; D36",
    );
    c(
        "Shanghai not covered",
        EligibilityInput {
            group: Some(ApplicantGroup::Pupil),
            ..base(City::Shanghai, on, adult)
        },
        Outcome::NeedsInPersonCheck,
        Some(Reason::NotCoveredBySources),
        Some(Alternative::AskAtServicePoint),
        "003 L13; D15",
    );
    // Urumqi: online only for remote residents replacing a card (004 L5, L23; D36).
    let ur_on = d(2026, 4, 1);
    c(
        "Urumqi remote resident holding a card: online",
        EligibilityInput {
            facts: EligibilityFacts {
                insured_in_city: true,
                ..Default::default()
            },
            lives_elsewhere: true,
            holds_card: true,
            ..base(City::Urumqi, ur_on, adult)
        },
        Outcome::Eligible,
        Some(Reason::Qualifies {
            basis: Basis::UrumqiInsured,
        }),
        None,
        "004 ¶ L3; Q L23",
    );
    c(
        "Urumqi living in the city: a bank service point",
        EligibilityInput {
            facts: EligibilityFacts {
                insured_in_city: true,
                ..Default::default()
            },
            holds_card: true,
            ..base(City::Urumqi, ur_on, adult)
        },
        Outcome::OtherChannel,
        Some(Reason::OnlineForRemoteResidentsOnly),
        Some(Alternative::GoTo {
            channel: Channel::BankBranch,
        }),
        "004 ¶ L5; Q L23",
    );
    c(
        "Urumqi remote resident without a card: a first card at a bank",
        EligibilityInput {
            facts: EligibilityFacts {
                insured_in_city: true,
                ..Default::default()
            },
            lives_elsewhere: true,
            ..base(City::Urumqi, ur_on, adult)
        },
        Outcome::OtherChannel,
        Some(Reason::RemoteModuleReplacesCards),
        Some(Alternative::GoTo {
            channel: Channel::BankBranch,
        }),
        "004 Q L23; D36",
    );
    c(
        "Urumqi not insured",
        EligibilityInput {
            lives_elsewhere: true,
            holds_card: true,
            ..base(City::Urumqi, ur_on, adult)
        },
        Outcome::NeedsInPersonCheck,
        Some(Reason::NotCoveredBySources),
        Some(Alternative::AskAtServicePoint),
        "004 ¶ L3; D15",
    );
    c(
        "birth after date",
        base(City::Beijing, on, d(2026, 4, 1)),
        Outcome::NotEligible,
        Some(Reason::BirthAfterDate),
        None,
        "validation",
    );
    v
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn eligibility_table() {
    for c in cases() {
        let context = format!("{} ({})", c.name, c.source);
        let r = evaluate_eligibility(&c.input).unwrap_or_else(|e| panic!("{context}: {e:?}"));
        assert_eq!(
            r.result.outcome, c.outcome,
            "{context}: outcome of {:?}",
            r.result
        );
        if let Some(reason) = c.reason {
            assert_has(&r.result.reasons, &[reason], &format!("{context}: reasons"));
        }
        if let Some(alt) = c.alternative {
            assert_has(
                &r.result.alternatives,
                &[alt],
                &format!("{context}: alternatives"),
            );
        }
        assert!(!r.trace.steps.is_empty(), "{context}: the trace is empty");
        assert!(!r.result.citations.is_empty(), "{context}: no citations");
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn before_validity_is_an_error() {
    let input = EligibilityInput {
        facts: EligibilityFacts {
            insured_in_city: true,
            ..Default::default()
        },
        ..base(City::Beijing, d(2023, 12, 1), d(1990, 1, 1))
    };
    let r = evaluate_eligibility(&input).map_err(|e| e.code());
    assert_eq!(
        r.map(|r| r.result.outcome),
        Err("policy.before_validity"),
        "Beijing before 2024-01-31 (D4)"
    );
    let input = EligibilityInput {
        facts: EligibilityFacts {
            insured_in_city: true,
            ..Default::default()
        },
        ..base(City::Urumqi, d(2025, 4, 1), d(1990, 1, 1))
    };
    let r = evaluate_eligibility(&input);
    assert!(r.is_err(), "Urumqi before 2026-03-02 (D16): {r:?}");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn trace_serialises_with_dated_parameters() {
    let input = EligibilityInput {
        facts: EligibilityFacts {
            civil_affairs_pension: true,
            local_hukou: true,
            ..Default::default()
        },
        ..base(City::Beijing, d(2026, 3, 2), d(1960, 1, 1))
    };
    let r = evaluate_eligibility(&input).expect("evaluates (002 Q4)");
    // (value, valid from) of the parameter the trace names
    let param = r
        .trace
        .steps
        .iter()
        .flat_map(|s| &s.parameters)
        .find(|p| p.name == "elderly_age_months")
        .map(|p| (p.value.as_str(), p.valid_from));
    assert_eq!(
        param,
        Some(("714", d(2024, 1, 31))),
        "714 months from 2024-01-31 (002 Q4 L33; D4)"
    );
    let json = serde_json::to_string(&r).unwrap_or_default();
    let back: Result<Explained<Eligibility>, _> = serde_json::from_str(&json);
    assert_eq!(back.ok().as_ref(), Some(&r), "serde round trip of {json}");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn codes_are_the_serde_tags() {
    let day = d(2026, 3, 2);
    let reasons = [
        Reason::Qualifies {
            basis: Basis::E1InsuredInCity,
        },
        Reason::NeedsVerification {
            basis: Basis::E4CivilAffairsSupport,
        },
        Reason::ElderlyAgeNotReached { reached_on: day },
        Reason::ResidencePermitMissing,
        Reason::NoCategory,
        Reason::NotCoveredBySources,
        Reason::BirthAfterDate,
        Reason::MinorNeedsGuardian { adult_from: day },
        Reason::GuardianNotAdult { adult_from: day },
        Reason::ChildNotMinor { adult_since: day },
        Reason::GuardianDetailsMissing,
        Reason::GuardianshipProofMissing,
        Reason::AgentNotAllowed,
        Reason::AgentAuthorisationMissing,
        Reason::AgentOnlyAfterDeath,
        Reason::EmployerAppliesCollectively,
        Reason::CollectiveApplicationClosed,
        Reason::IndividualApplicationClosed,
        Reason::OrganisedByGroup,
        Reason::PermissionNotStated,
    ];
    for r in &reasons {
        let tag = serde_json::to_value(r).ok();
        assert_eq!(
            tag.as_ref().and_then(|t| t["code"].as_str()),
            Some(r.code()),
            "serde tag of {r:?} (stable codes)"
        );
    }
    let informational: Vec<_> = reasons.iter().filter(|r| !r.is_obstacle()).collect();
    assert_eq!(
        informational.len(),
        2,
        "informational reasons: {informational:?}"
    );
    let alternatives = [
        Alternative::AskAtServicePoint,
        Alternative::WaitUntil { date: day },
        Alternative::GetResidencePermit,
        Alternative::GuardianActs,
        Alternative::HolderActs,
        Alternative::BringWrittenAuthorisation,
        Alternative::BringGuardianshipProof,
        Alternative::EmployerCollectiveApplication,
    ];
    for a in &alternatives {
        let tag = serde_json::to_value(a).ok();
        assert_eq!(
            tag.as_ref().and_then(|t| t["code"].as_str()),
            Some(a.code()),
            "serde tag of {a:?} (stable codes)"
        );
    }
    // `Outcome` is a `stable_ids!` enum: tests/stable_ids.rs holds its ids to serde's form.
}

/// The wire declaration of `POST /api/v1/applications` gives the same verdicts as the engine's
/// own input (the server decides with `EligibilityDeclaration::input`, the app previews with it).
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn declarations_from_the_wire() {
    use sscard_rules::wire::EligibilityDeclaration;
    let on = d(2026, 3, 2);
    let adult = d(1990, 5, 1);
    let child = d(2016, 5, 1);
    let none = EligibilityDeclaration::default();
    // (declaration JSON, holder birth, guardian birth, outcome, reason code, source)
    type Row = (
        &'static str,
        NaiveDate,
        Option<NaiveDate>,
        Outcome,
        &'static str,
        &'static str,
    );
    let rows: &[Row] = &[
        (
            r#"{"insured_in_city":true}"#,
            adult,
            None,
            Outcome::Eligible,
            "qualifies",
            "002 Q4 L29",
        ),
        (
            r#"{}"#,
            adult,
            None,
            Outcome::NotEligible,
            "no_category",
            "002 Q4 L43; D17",
        ),
        (
            r#"{"veteran_affairs":true,"card_held":"older"}"#,
            adult,
            None,
            Outcome::NeedsInPersonCheck,
            "needs_verification",
            "002 Q4 L39; D17",
        ),
        (
            r#"{"civil_affairs_pension":true,"local_hukou":true}"#,
            d(1970, 1, 1),
            None,
            Outcome::NotEligible,
            "elderly_age_not_reached",
            "002 Q4 L33; D3",
        ),
        (
            r#"{"insured_in_city":true,"proof_of_guardianship":true}"#,
            child,
            Some(adult),
            Outcome::Eligible,
            "qualifies",
            "002 Q38 L241",
        ),
        (
            r#"{"insured_in_city":true}"#,
            child,
            Some(adult),
            Outcome::NotEligible,
            "guardianship_proof_missing",
            "002 Q38 L241; D21",
        ),
        (
            r#"{"insured_in_city":true}"#,
            child,
            None,
            Outcome::NotEligible,
            "minor_needs_guardian",
            "002 Q38 L241; D21",
        ),
    ];
    for (json, birth, guardian, outcome, reason, source) in rows {
        let decl: EligibilityDeclaration = serde_json::from_str(json)
            .unwrap_or_else(|e| panic!("{json} does not parse ({source}): {e}"));
        let input = decl.input(City::Beijing, on, *birth, *guardian);
        let actor = if guardian.is_some() {
            Actor::Guardian
        } else {
            Actor::Holder
        };
        assert_eq!(
            (input.actor, input.service),
            (actor, Service::Apply),
            "{json}: (actor, service) ({source})"
        );
        let r = evaluate_eligibility(&input)
            .unwrap_or_else(|e| panic!("{json} ({source}): {e:?}"))
            .result;
        assert_eq!(r.outcome, *outcome, "{json}: outcome of {r:?} ({source})");
        let codes: Vec<&str> = r.reasons.iter().map(Reason::code).collect();
        assert_has(
            &codes,
            &[*reason],
            &format!("{json}: reason codes ({source})"),
        );
    }
    assert_eq!(none.card_held, CardHeld::None, "card_held defaults to none");
    let third = serde_json::from_str::<EligibilityDeclaration>(r#"{"card_held":"third"}"#);
    assert_eq!(
        third.map(|d| d.card_held).ok(),
        Some(CardHeld::ThirdGeneration),
        "the wire's `third` is the timeline's CardHeld::ThirdGeneration"
    );
    let second = serde_json::from_str::<EligibilityDeclaration>(r#"{"card_held":"second"}"#);
    assert!(
        second.is_err(),
        "card_held is one of none|older|third: {second:?}"
    );
}

/// A retry sent before the city fields existed must hash as it did then (the server keys
/// idempotency on the serialised request): the fields a Beijing declaration leaves at their
/// default are not written, so its JSON is what it was.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_declaration_without_the_city_fields_serialises_as_before() {
    use sscard_rules::wire::EligibilityDeclaration;
    let before = r#"{"insured_in_city":true,"local_hukou":false,"residence_permit":false,"civil_affairs_pension":false,"civil_affairs_support":false,"veteran_affairs":false,"other_public_service":false,"card_held":"none","proof_of_guardianship":false}"#;
    let declaration: EligibilityDeclaration = serde_json::from_str(before).unwrap();
    assert_eq!(serde_json::to_string(&declaration).unwrap(), before);
}

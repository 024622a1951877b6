//! Every seed quote the engine cites is a verbatim substring of the cited seed line
//! (native only: reads the seeds from ../shared/seeds; skipped with a note if absent).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::NaiveDate;
use sscard_rules::*;

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds")
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN)
}

/// Collects citations from policies, "where" answers, eligibility, timelines and states.
fn all_citations() -> Vec<Citation> {
    let mut out = Vec::new();
    let dates = [d(2024, 2, 1), d(2024, 7, 1), d(2026, 3, 2), d(2026, 4, 1)];
    for city in City::ALL {
        for on in dates {
            if let Ok(p) = policy(*city, on) {
                out.push(p.banks.citation.clone());
                out.extend(p.offers.iter().map(|o| o.citation.clone()));
                out.extend(p.banks.value.iter().map(|b| b.citation.clone()));
                for x in [
                    &p.temp_loss_auto_lift_days,
                    &p.bank_change_cooldown_months,
                    &p.application_natural_days,
                    &p.replacement_working_days,
                    &p.instant_minutes,
                    &p.renewal_window_days,
                    &p.employer_return_days,
                    &p.elderly_age_months,
                ]
                .into_iter()
                .flatten()
                {
                    out.push(x.citation.clone());
                }
                out.push(p.phase.citation.clone());
                out.push(p.minor_age_years.citation.clone());
            }
            // What an online application tells the applicant (the shared photo, the electronic
            // card) cites its own line.
            if let Ok(Some(terms)) = application_terms(*city, on) {
                out.extend(terms.notes.iter().map(|n| n.citation.clone()));
                out.extend(terms.bank_citations.iter().cloned());
                out.extend(terms.delivery_citations.iter().cloned());
            }
            for s in Service::ALL {
                for a in Actor::ALL {
                    if let Ok(w) = where_can(*city, *s, *a, on) {
                        out.extend(w.trace.citations().into_iter().cloned());
                    }
                }
            }
        }
    }
    // Rule traces: eligibility over every flag combination, timelines and card transitions.
    for flags in 0u16..1024 {
        let bit = |i: u16| flags & (1 << i) != 0;
        for actor in Actor::ALL {
            let input = EligibilityInput {
                city: City::Beijing,
                on: d(2026, 3, 2),
                birth_date: if bit(7) { d(2016, 1, 1) } else { d(1950, 1, 1) },
                service: if bit(8) {
                    Service::TempLoss
                } else {
                    Service::Apply
                },
                actor: *actor,
                facts: EligibilityFacts {
                    insured_in_city: bit(0),
                    local_hukou: bit(1),
                    residence_permit: bit(2),
                    civil_affairs_pension: bit(3),
                    civil_affairs_support: bit(4),
                    veteran_affairs: bit(5),
                    other_public_service: bit(6),
                },
                guardian: Some(GuardianFacts {
                    birth_date: d(1980, 1, 1),
                    proof_of_guardianship: bit(9),
                }),
                agent_authorised: bit(9),
                group: None,
                lives_elsewhere: false,
                holds_card: false,
            };
            if let Ok(e) = evaluate_eligibility(&input) {
                out.extend(e.result.citations);
            }
        }
    }
    let businesses = [
        Business::FirstApplication,
        Business::ReplaceLost,
        Business::ReplaceDamaged,
        Business::ChangeDetails,
        Business::ChangeBank,
        Business::Renewal,
    ];
    let held = [
        CardHeld::None,
        CardHeld::OlderGeneration,
        CardHeld::ThirdGeneration,
    ];
    for city in City::ALL {
        for b in businesses {
            for ch in Channel::ALL {
                for p in PickupMethod::ALL {
                    for h in held {
                        let req = TimelineRequest {
                            city: *city,
                            business: b,
                            channel: *ch,
                            pickup: *p,
                            date: d(2026, 4, 1),
                            card_held: h,
                            last_bank_change: Some(d(2026, 1, 1)),
                        };
                        if let Ok(t) = preview_timeline(&req, Calendar::embedded()) {
                            out.extend(t.trace.citations().into_iter().cloned());
                            out.extend(t.result.steps.iter().map(|s| s.citation.clone()));
                        }
                    }
                }
            }
        }
        for f in [
            temp_loss_auto_lift,
            bank_change_allowed_from,
            renewal_window_opens,
            employer_return_deadline,
        ] {
            if let Ok(a) = f(*city, d(2026, 12, 31)) {
                out.extend(a.trace.citations().into_iter().cloned());
            }
        }
        for pickup in PickupMethod::ALL {
            let base = CardState::received(*city, *pickup, true, true);
            let mut states = vec![base.clone()];
            for a in CardAction::ALL {
                if let Ok(t) = card_transition(
                    &base,
                    *a,
                    &CardContext {
                        on: d(2026, 4, 1),
                        channel: None,
                    },
                ) {
                    states.push(t.result.state);
                }
            }
            for s in &states {
                for a in CardAction::ALL {
                    if let Ok(t) = card_transition(
                        s,
                        *a,
                        &CardContext {
                            on: d(2026, 12, 1),
                            channel: None,
                        },
                    ) {
                        out.extend(t.trace.citations().into_iter().cloned());
                    }
                }
            }
        }
    }
    out
}

#[test]
fn quotes_are_verbatim_on_the_cited_line() {
    let dir = seeds_dir();
    if !dir.exists() {
        eprintln!("note: {} not found; quote check skipped", dir.display());
        return;
    }
    let mut checked = BTreeSet::new();
    for c in all_citations() {
        let (Some(line), Some(quote)) = (c.line, c.quote.as_deref()) else {
            continue;
        };
        if !checked.insert((c.source.to_string(), line, quote.to_owned())) {
            continue;
        }
        let text = std::fs::read_to_string(dir.join(c.source.as_ref())).unwrap_or_default();
        let got = text.lines().nth(line as usize - 1).unwrap_or_default();
        assert!(
            got.contains(quote),
            "{c}: quote {quote:?} not on the line {got:?}"
        );
    }
    assert!(checked.len() > 40, "only {} quotes checked", checked.len());
    eprintln!("{} distinct quotes checked", checked.len());
}

#[test]
fn decisions_cited_exist_in_decisions_md() {
    let text = include_str!("../DECISIONS.md");
    let mut ids: BTreeSet<String> = BTreeSet::new();
    for c in all_citations() {
        if c.is_decision() {
            ids.insert(c.locator.to_string());
        }
    }
    for id in &ids {
        assert!(
            text.contains(&format!("**{id} —")),
            "{id} is cited but not in DECISIONS.md"
        );
    }
}

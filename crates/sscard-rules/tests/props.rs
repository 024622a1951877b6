//! Property tests (native only): no panics, monotone working days, ID check digits.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use sscard_rules::*;

fn date() -> impl Strategy<Value = NaiveDate> {
    // 1900..2200 covers every realistic input and crosses published and unpublished years.
    (0u64..110_000).prop_map(|n| {
        NaiveDate::from_ymd_opt(1900, 1, 1)
            .and_then(|d| d.checked_add_days(Days::new(n)))
            .unwrap_or(NaiveDate::MIN)
    })
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![date(), Just(NaiveDate::MIN), Just(NaiveDate::MAX)]
}

fn pick<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    (0..all.len()).prop_map(move |i| all[i])
}

const BUSINESSES: &[Business] = &[
    Business::FirstApplication,
    Business::ReplaceLost,
    Business::ReplaceDamaged,
    Business::ChangeDetails,
    Business::ChangeBank,
    Business::Renewal,
];
const HELD: &[CardHeld] = &[
    CardHeld::None,
    CardHeld::OlderGeneration,
    CardHeld::ThirdGeneration,
];

/// A valid ID number from its parts.
fn valid_id() -> impl Strategy<Value = String> {
    (11u32..=82, 0u32..10_000, 0u64..45_000, 0u32..1000).prop_map(|(prov, rest, days, seq)| {
        let birth = NaiveDate::from_ymd_opt(1901, 1, 1)
            .and_then(|d| d.checked_add_days(Days::new(days)))
            .unwrap_or(NaiveDate::MIN);
        let body = format!("{prov:02}{rest:04}{}{seq:03}", birth.format("%Y%m%d"));
        let check = check_digit(&body).unwrap_or('?');
        format!("{body}{check}")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn validators_never_panic(s in any::<String>(), today in any_date()) {
        let _ = parse_id_number(&s, today);
        let _ = parse_mobile(&s);
        let _ = parse_name(&s);
        let _ = parse_postal_code(&s);
        let _ = Reference::parse(&s);
        let _ = Calendar::from_json(&s);
        let _ = Bank::from_chinese_name(&s);
    }

    #[test]
    fn unicode_heavy_inputs_never_panic(s in "[0-9xX０-９ＸＸ·•・ 张三阿-]{0,40}", today in date()) {
        let _ = parse_id_number(&s, today);
        let _ = parse_name(&s);
        let _ = parse_mobile(&s);
    }

    #[test]
    fn generated_references_parse_back_in_any_typing(random in any::<[u8; REFERENCE_RANDOM_BYTES]>(), lower in any::<bool>(), spaced in any::<bool>()) {
        let r = Reference::generate_from(random);
        let mut typed = if spaced { r.to_string().replace('-', " ") } else { r.as_compact().to_owned() };
        if lower {
            typed = typed.to_lowercase();
        }
        prop_assert_eq!(Reference::parse(&typed), Ok(r));
    }

    #[test]
    fn working_days_never_go_backwards(start in any_date(), n in 0u32..60) {
        let cal = Calendar::embedded();
        if let (Ok(a), Ok(b)) = (cal.add_working_days(start, n), cal.add_working_days(start, n + 1)) {
            prop_assert!(a.end >= start);
            prop_assert!(b.end > a.end);
            prop_assert!(n == 0 || cal.is_working_day(a.end).0);
        }
    }

    #[test]
    fn dates_never_panic(a in any_date(), b in any_date(), m in any::<u32>(), n in any::<u32>()) {
        let _ = add_months(a, m);
        let _ = add_days(a, u64::from(n));
        let _ = age_on(a, b);
        let _ = anniversary(a, m, n);
        let _ = has_reached_age(a, m % 200, n % 12, b);
        let _ = natural_days_between(a, b);
        let _ = Calendar::embedded().working_days_between(a, b);
        let _ = Calendar::embedded().add_working_days(a, n);
        let _ = check_guardianship(a, b, a);
    }

    #[test]
    fn valid_ids_pass_and_every_single_corruption_fails(id in valid_id()) {
        let today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or(NaiveDate::MAX);
        prop_assert!(parse_id_number(&id, today).is_ok(), "{id}");
        let chars: Vec<char> = id.chars().collect();
        for i in 0..chars.len() {
            for c in "0123456789X".chars() {
                if c == chars[i] {
                    continue;
                }
                let mut bad = chars.clone();
                bad[i] = c;
                let bad: String = bad.into_iter().collect();
                prop_assert!(parse_id_number(&bad, today).is_err(), "{bad} passed");
            }
        }
    }

    #[test]
    fn rule_functions_never_panic(
        city in pick(City::ALL), service in pick(Service::ALL), actor in pick(Actor::ALL),
        channel in pick(Channel::ALL), pickup in pick(PickupMethod::ALL),
        business in pick(BUSINESSES), held in pick(HELD),
        on in any_date(), birth in any_date(), other in any_date(), flags in any::<u16>(),
    ) {
        let bit = |i: u16| flags & (1 << i) != 0;
        let _ = policy(city, on);
        let _ = where_can(city, service, actor, on);
        let _ = temp_loss_auto_lift(city, on);
        let _ = bank_change_allowed_from(city, on);
        let _ = renewal_window_opens(city, on);
        let _ = employer_return_deadline(city, on);
        let eligibility = EligibilityInput {
            city, on, birth_date: birth, service, actor,
            facts: EligibilityFacts {
                insured_in_city: bit(0), local_hukou: bit(1), residence_permit: bit(2),
                civil_affairs_pension: bit(3), civil_affairs_support: bit(4), veteran_affairs: bit(5),
                other_public_service: bit(6),
            },
            guardian: bit(7).then_some(GuardianFacts { birth_date: other, proof_of_guardianship: bit(8) }),
            agent_authorised: bit(9),
            group: None,
            lives_elsewhere: false,
            holds_card: false,
        };
        let timeline = TimelineRequest {
            city, business, channel, pickup, date: on, card_held: held,
            last_bank_change: bit(10).then_some(other),
        };
        let _ = evaluate_eligibility(&eligibility);
        let _ = preview_timeline(&timeline, Calendar::embedded());
        if let Ok(p) = preview(&PreviewRequest { eligibility, timeline }, Calendar::embedded()) {
            let json = serde_json::to_string(&p).unwrap_or_default();
            let back: Result<Explained<Preview>, _> = serde_json::from_str(&json);
            prop_assert_eq!(back.ok(), Some(p));
        }
        let card = CardState::received(city, pickup, bit(11), bit(12));
        let ctx = CardContext { on, channel: bit(13).then_some(channel) };
        for a in CardAction::ALL {
            if let Ok(t) = card_transition(&card, *a, &ctx) {
                let _ = available_card_actions(&t.result.state, &ctx);
            }
        }
        let actx = ApplicationContext { city, pickup };
        for s in [ApplicationState::Draft, ApplicationState::Produced, ApplicationState::InTransit] {
            let _ = available_application_events(s, &actx);
        }
    }
}

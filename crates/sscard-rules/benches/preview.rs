//! Prints the time of one full preview (eligibility + timeline + trace). Never asserts on time.
//! Run: `cargo bench -p sscard-rules --bench preview`.

use std::hint::black_box;
use std::time::Instant;

use chrono::NaiveDate;
use sscard_rules::*;

fn main() {
    let on = NaiveDate::from_ymd_opt(2026, 2, 12).unwrap_or(NaiveDate::MIN);
    let request = PreviewRequest {
        eligibility: EligibilityInput {
            city: City::Beijing,
            on,
            birth_date: NaiveDate::from_ymd_opt(1966, 8, 15).unwrap_or(NaiveDate::MIN),
            service: Service::Apply,
            actor: Actor::Holder,
            facts: EligibilityFacts {
                local_hukou: true,
                civil_affairs_pension: true,
                veteran_affairs: true,
                ..EligibilityFacts::default()
            },
            guardian: None,
            agent_authorised: false,
            group: None,
            lives_elsewhere: false,
            holds_card: false,
        },
        timeline: TimelineRequest {
            city: City::Beijing,
            business: Business::ReplaceLost,
            channel: Channel::HrssWebsite,
            pickup: PickupMethod::Mail,
            date: on,
            card_held: CardHeld::ThirdGeneration,
            last_bank_change: None,
        },
    };
    let calendar = Calendar::embedded();
    // Warm up (parses the embedded calendar once).
    for _ in 0..1_000 {
        black_box(preview(black_box(&request), calendar).ok());
    }
    let rounds = 5;
    let iterations = 20_000u32;
    let mut best = f64::MAX;
    for round in 1..=rounds {
        let start = Instant::now();
        for _ in 0..iterations {
            black_box(preview(black_box(&request), calendar).ok());
        }
        let us = start.elapsed().as_secs_f64() * 1e6 / f64::from(iterations);
        best = best.min(us);
        println!("round {round}: {us:.2} µs per full preview (eligibility + timeline + trace)");
    }
    let steps = preview(&request, calendar)
        .map(|p| p.trace.steps.len())
        .unwrap_or(0);
    println!("best: {best:.2} µs per preview ({steps} trace steps; target ≤ 20 µs natively)");
}

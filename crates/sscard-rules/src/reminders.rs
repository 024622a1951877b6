//! When reminders are due: dated here, never by hand, so the server that
//! sends them and the app that explains them agree.

use chrono::NaiveDate;

use crate::dates;

/// Natural days a card may wait at the branch before its holder is reminded to
/// collect it. The seeds set no collection period (DECISIONS D30).
pub const UNCOLLECTED_REMINDER_DAYS: u64 = 14;

/// The day a card waiting at the branch since `at_branch` is still uncollected
/// long enough for a reminder (D30).
pub fn uncollected_reminder_on(at_branch: NaiveDate) -> Option<NaiveDate> {
    dates::add_days(at_branch, UNCOLLECTED_REMINDER_DAYS)
}

/// The day a temporary loss that lifts itself on `lifts_on` is announced:
/// the day before (D30).
pub fn loss_lift_reminder_on(lifts_on: NaiveDate) -> Option<NaiveDate> {
    dates::sub_days(lifts_on, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn reminder_days() {
        // (input, uncollected reminder, loss-lift reminder) — DECISIONS D30.
        let cases = [
            ("2026-03-02", "2026-03-16", "2026-03-01"),
            ("2026-12-25", "2027-01-08", "2026-12-24"),
            ("2026-01-01", "2026-01-15", "2025-12-31"),
        ];
        for (input, uncollected, lift) in cases {
            assert_eq!(
                uncollected_reminder_on(d(input)),
                Some(d(uncollected)),
                "{input}"
            );
            assert_eq!(loss_lift_reminder_on(d(input)), Some(d(lift)), "{input}");
        }
    }
}

//! Today's date in China (UTC+8), which every rule takes as an input. The server's demo clock, when
//! it is ahead, replaces it (see `state::today`).

use chrono::{Duration, NaiveDate};

/// Today in China according to this device's clock.
pub fn device_today_in_china() -> NaiveDate {
    // Date.now() is milliseconds since the Unix epoch in UTC; China has no daylight saving.
    let millis = js_sys::Date::now() as i64 + 8 * 3_600_000;
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_signed(Duration::days(millis.div_euclid(86_400_000))))
        .unwrap_or(NaiveDate::MIN)
}

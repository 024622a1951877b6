//! Calendar reminders as iCalendar (RFC 5545) text, offered as a `data:` link download.
//!
//! A `data:` link needs no Blob URL and no network, so it works offline and inside mini-program
//! web-views; the CSP's `img-src`/`connect-src` rules do not apply to anchors.

use chrono::NaiveDate;

/// One all-day event on `date`, with a reminder at 09:00 the day before.
///
/// `uid` must be unique and stable for the same reminder (a second download then updates the
/// event instead of adding a copy). Keep personal data out of `summary` and `description`:
/// calendars sync to other devices and show on lock screens.
pub fn ics_event(uid: &str, date: NaiveDate, summary: &str, description: &str) -> String {
    let start = sscard_rules::basic_date(date);
    let end = sscard_rules::basic_date(date.succ_opt().unwrap_or(date));
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//sscard//third-generation social security card//ZH".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", escape(uid)),
        format!("DTSTAMP:{}", stamp()),
        format!("DTSTART;VALUE=DATE:{start}"),
        format!("DTEND;VALUE=DATE:{end}"),
        format!("SUMMARY:{}", escape(summary)),
        format!("DESCRIPTION:{}", escape(description)),
        "BEGIN:VALARM".to_owned(),
        "ACTION:DISPLAY".to_owned(),
        format!("DESCRIPTION:{}", escape(summary)),
        // 15 hours before the all-day event starts: 09:00 the day before.
        "TRIGGER:-PT15H".to_owned(),
        "END:VALARM".to_owned(),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    let mut out = String::new();
    for line in lines {
        out.push_str(&fold(&line));
        out.push_str("\r\n");
    }
    out
}

/// A `data:` URL of an .ics text, for `<a href=… download="….ics">`.
pub fn ics_data_href(ics: &str) -> String {
    let encoded: String = js_sys::encode_uri_component(ics).into();
    format!("data:text/calendar;charset=utf-8,{encoded}")
}

/// The creation time in UTC, `YYYYMMDDTHHMMSSZ`.
fn stamp() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    // 2026-11-23T08:15:30.123Z → 20261123T081530Z
    let digits: String = iso
        .chars()
        .take(19)
        .filter(|c| c.is_ascii_digit() || *c == 'T')
        .collect();
    format!("{digits}Z")
}

/// Escapes TEXT values (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            other => out.push(other),
        }
    }
    out
}

/// Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1).
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            // The leading space of a continuation line counts towards its 75 octets.
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out
}

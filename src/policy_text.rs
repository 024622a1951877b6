//! Policy numbers in texts. A text names a value the policy holds by a placeholder
//! (`{instant_minutes}`, `{minor_age_years}`, …), never as a literal, so it says the number of
//! the city it is about and changes with a newer policy (issue #12; tests/locale_texts.rs fails
//! on a literal).
//!
//! The placeholders: one per [`NumericParam`] id; `{elderly_age_years}` and
//! `{elderly_age_extra_months}`, the elderly age as whole years and the months past them; and
//! `{fresh_code_minutes}`, how recent a sign-in code must be ([`FRESH_CODE_MINUTES`]).
//!
//! Two fills, for the size of each page's code: [`fill_common`] knows the values every page's
//! texts name (the minor age, the fresh-code minutes), each read without the city's other
//! tables; [`fill_params`] knows them all and brings the city's policy tables with it, so only
//! the pages that read those tables anyway use it.

use chrono::NaiveDate;
use leptos::prelude::*;
use sscard_rules::{City, FRESH_CODE_MINUTES, NumericParam, param_u32};

use crate::journey::JourneyState;

/// The city a text is filled for when none is known: the journey's own default.
const DEFAULT_CITY: City = City::Beijing;

/// What a text shows for a value the city's policy does not hold: visibly nothing, never
/// another city's number.
const NO_VALUE: &str = "—";

/// A placeholder's value: `Some(None)` when the city's policy has no such value, `None` when
/// the name is no placeholder this lookup knows (another fill's, `{date}`).
type Lookup = fn(&str, City, NaiveDate) -> Option<Option<u32>>;

/// The values [`fill_common`] knows.
fn common_value(name: &str, city: City, on: NaiveDate) -> Option<Option<u32>> {
    match name {
        "minor_age_years" => Some(
            sscard_rules::minor_age_years(city, on)
                .ok()
                .map(|p| p.value),
        ),
        "fresh_code_minutes" => Some(u32::try_from(FRESH_CODE_MINUTES).ok()),
        _ => None,
    }
}

/// Every value.
fn any_value(name: &str, city: City, on: NaiveDate) -> Option<Option<u32>> {
    let param = |p| param_u32(city, p, on).ok().map(|v| v.value);
    let elderly = || param(NumericParam::ElderlyAgeMonths);
    match name {
        "elderly_age_years" => Some(elderly().map(|m| m / 12)),
        "elderly_age_extra_months" => Some(elderly().map(|m| m % 12)),
        other => common_value(other, city, on).or_else(|| NumericParam::from_id(other).map(param)),
    }
}

/// `text` with every policy placeholder filled with `city`'s value on `on`; `None` when it
/// names a value the city's policy does not hold (a text about another city's service).
pub fn try_fill_params(text: &str, city: City, on: NaiveDate) -> Option<String> {
    fill(text, city, on, any_value, None)
}

/// [`try_fill_params`], with "—" where the city's policy holds no value.
pub fn fill_params(text: &str, city: City, on: NaiveDate) -> String {
    fill(text, city, on, any_value, Some(NO_VALUE)).unwrap_or_default()
}

/// `text` with the values every page names filled (`{minor_age_years}`,
/// `{fresh_code_minutes}`) for `city`, or the journey's default city when none is known; "—"
/// where the city's policy holds none; other placeholders stay.
pub fn fill_common(text: &str, city: Option<City>, on: NaiveDate) -> String {
    let city = city.unwrap_or(DEFAULT_CITY);
    fill(text, city, on, common_value, Some(NO_VALUE)).unwrap_or_default()
}

/// Fills the placeholders `lookup` knows; a value the policy does not hold becomes `missing`,
/// or makes the whole text `None`.
fn fill(
    text: &str,
    city: City,
    on: NaiveDate,
    lookup: Lookup,
    missing: Option<&str>,
) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            rest = &rest[open..];
            break;
        };
        let name = &after[..close];
        match lookup(name, city, on) {
            Some(Some(v)) => out.push_str(&v.to_string()),
            Some(None) => out.push_str(missing?),
            // Not ours: kept for the fill that owns it.
            None => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// The city and today the texts on screen are about: `city` if given, else the journey's
/// (read untracked: the views that show a text re-run with their own data), else none; the
/// journey's today, else the device's today in China (a component test without the journey).
pub fn city_and_today(city: Option<City>) -> (Option<City>, NaiveDate) {
    let journey = use_context::<JourneyState>();
    let city = city.or_else(|| journey.map(|j| j.city.get_untracked()));
    let today = journey.map_or_else(crate::clock::device_today_in_china, |j| {
        j.today.get_untracked()
    });
    (city, today)
}

/// [`fill_params`] for the journey's city and today.
pub fn fill_params_here(text: &str) -> String {
    if !text.contains('{') {
        return text.to_owned();
    }
    let (city, today) = city_and_today(None);
    fill_params(text, city.unwrap_or(DEFAULT_CITY), today)
}

/// [`fill_common`] for the journey's city and today.
pub fn fill_common_here(text: &str) -> String {
    if !text.contains('{') {
        return text.to_owned();
    }
    let (city, today) = city_and_today(None);
    fill_common(text, city, today)
}

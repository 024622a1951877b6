//! The official working-day calendar of mainland China (holidays and 调休 make-up days).
//!
//! A working day is Monday–Friday and not an official holiday, or a weekend day declared a
//! make-up working day. The data comes from `data/cn-workdays.json` (a copy of
//! `shared/reference/cn-workdays.json`), embedded at compile time: build.rs writes it out as Rust
//! data, which [`Calendar::embedded`] checks and reads once, without a JSON parser.
//! The server can publish a newer file; `Calendar::from_json` replaces the embedded copy.
//!
//! For a year whose schedule is not published, answers fall back to Monday–Friday less the
//! public holidays whose dates the holiday law fixes (`statutory.rs`, DECISIONS.md D35), with no
//! make-up working days, and are marked [`Certainty::Estimate`] with that assumption stated
//! (DECISIONS.md D6).

mod lunar_dates;
mod statutory;

pub use lunar_dates::STATUTORY_YEARS;
pub use statutory::{StatutoryHoliday, statutory_holidays};

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::certainty::Certainty;
use crate::dates;
use crate::policy::Param;

/// The calendar data embedded in the crate (`data/cn-workdays.json`, the official holiday and
/// make-up-day notices), the text [`Calendar::embedded`] is read from (through the Rust data
/// build.rs writes of it; a test checks both readings agree). The server publishes these
/// bytes at `GET /api/v1/policy/calendar`, so app and server compute with the same data.
pub const EMBEDDED_CALENDAR_JSON: &str = include_str!("../data/cn-workdays.json");

/// Longest working-day span accepted by [`Calendar::add_working_days`] (about 40 years).
pub const MAX_WORKING_DAYS: u32 = 10_000;

/// An error while reading calendar data or computing with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum CalendarError {
    /// The text is not JSON of the expected shape.
    Json {
        /// The parser's message.
        message: String,
    },
    /// A year key is not a number.
    BadYear {
        /// The offending key.
        key: String,
    },
    /// A date is not `YYYY-MM-DD` or not a real date.
    BadDate {
        /// The offending value.
        value: String,
    },
    /// A date is listed under another year.
    WrongYear {
        /// The date.
        date: NaiveDate,
        /// The year it was listed under.
        year: i32,
    },
    /// A make-up working day that is not a Saturday or Sunday.
    MakeupNotWeekend {
        /// The date.
        date: NaiveDate,
    },
    /// A date listed both as a holiday and as a make-up working day.
    Overlap {
        /// The date.
        date: NaiveDate,
    },
    /// A working-day count larger than [`MAX_WORKING_DAYS`].
    TooManyDays {
        /// The requested count.
        requested: u32,
    },
    /// The result would leave the supported date range.
    OutOfRange,
    /// Newer calendar data was installed already in this process.
    AlreadyInstalled,
}

impl CalendarError {
    /// Stable machine-readable code, e.g. `calendar.bad_date`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Json { .. } => "calendar.json",
            Self::BadYear { .. } => "calendar.bad_year",
            Self::BadDate { .. } => "calendar.bad_date",
            Self::WrongYear { .. } => "calendar.wrong_year",
            Self::MakeupNotWeekend { .. } => "calendar.makeup_not_weekend",
            Self::Overlap { .. } => "calendar.overlap",
            Self::TooManyDays { .. } => "calendar.too_many_days",
            Self::OutOfRange => "calendar.out_of_range",
            Self::AlreadyInstalled => "calendar.already_installed",
        }
    }
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Json { message } => write!(f, "calendar data is not valid JSON: {message}"),
            Self::BadYear { key } => write!(f, "calendar year key {key:?} is not a year"),
            Self::BadDate { value } => write!(f, "calendar date {value:?} is not a real date"),
            Self::WrongYear { date, year } => write!(f, "{date} is listed under {year}"),
            Self::MakeupNotWeekend { date } => {
                write!(f, "make-up working day {date} is not a weekend day")
            }
            Self::Overlap { date } => write!(f, "{date} is both a holiday and a working day"),
            Self::TooManyDays { requested } => {
                write!(
                    f,
                    "{requested} working days is more than {MAX_WORKING_DAYS}"
                )
            }
            Self::OutOfRange => write!(f, "date out of the supported range"),
            Self::AlreadyInstalled => {
                f.write_str("newer calendar data is installed already: restart to take this one")
            }
        }
    }
}

impl std::error::Error for CalendarError {}

/// What kind of day a date is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DayKind {
    /// Monday–Friday, no holiday.
    Weekday,
    /// Saturday or Sunday, no make-up working day.
    Weekend,
    /// Part of an official holiday break; in an unpublished year, a day off the holiday law
    /// fixes (the estimate).
    Holiday {
        /// The festival, e.g. 春节.
        name: String,
    },
    /// A weekend day that is an official working day (调休上班).
    MakeupWorkday,
}

/// One day of the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayInfo {
    /// The date.
    pub date: NaiveDate,
    /// Its kind.
    pub kind: DayKind,
    /// Whether it is a working day.
    pub working: bool,
    /// Certain when the year's schedule is published.
    pub certainty: Certainty,
}

/// The result of adding working days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkingDaySpan {
    /// The start date (not counted, DECISIONS.md D1).
    pub start: NaiveDate,
    /// Number of working days added.
    pub working_days: u32,
    /// The last working day of the span.
    pub end: NaiveDate,
    /// Holidays passed over, in order.
    pub holidays_skipped: Vec<NaiveDate>,
    /// Make-up working days counted, in order.
    pub makeup_days_counted: Vec<NaiveDate>,
    /// Estimate when any day of the span lies in an unpublished year.
    pub certainty: Certainty,
}

/// The published schedule of one year.
#[derive(Debug, Clone, PartialEq, Eq)]
struct YearSchedule {
    published: bool,
    notice: String,
    /// Sorted by date.
    holidays: Vec<(NaiveDate, String)>,
    /// Sorted.
    makeup: Vec<NaiveDate>,
}

use crate::policy::EMBEDDED_CALENDAR_REVISION;

/// Newer calendar data installed at run time: the calendar, the JSON text it was read from,
/// and that text's revision.
static INSTALLED: OnceLock<(Calendar, String, String)> = OnceLock::new();

/// The revision of the calendar data read now: the FNV-1a hash of its JSON text (the embedded
/// data's is written by build.rs, an installed one's computed when installed, so checking
/// revisions hashes nothing).
pub fn calendar_revision() -> &'static str {
    INSTALLED
        .get()
        .map_or(EMBEDDED_CALENDAR_REVISION, |(_, _, revision)| revision)
}

/// The working-day calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    source: String,
    years: BTreeMap<i32, YearSchedule>,
}

#[derive(Deserialize)]
struct RawCalendar {
    #[serde(default)]
    source: String,
    years: BTreeMap<String, RawYear>,
}

#[derive(Deserialize)]
struct RawYear {
    published: bool,
    #[serde(default)]
    notice: String,
    #[serde(default)]
    holidays: Vec<RawHoliday>,
    #[serde(default)]
    makeup_workdays: Vec<String>,
}

#[derive(Deserialize)]
struct RawHoliday {
    date: String,
    #[serde(default)]
    name: String,
}

/// Parses `YYYY-MM-DD` strictly.
fn parse_date(value: &str) -> Result<NaiveDate, CalendarError> {
    crate::dates::parse_iso_date(value).ok_or_else(|| CalendarError::BadDate {
        value: value.to_owned(),
    })
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// One year as written in calendar data, borrowed: from parsed JSON ([`Calendar::from_json`]) or
/// from the embedded file, which build.rs writes out as Rust data (`EMBEDDED_YEARS`), so the
/// app reads it without a JSON parser.
#[derive(Clone, Copy)]
struct RawYearRef<'a> {
    key: &'a str,
    published: bool,
    notice: &'a str,
    holidays: &'a [(&'a str, &'a str)],
    makeup_workdays: &'a [&'a str],
}

/// A year's holidays (date, name) and make-up days, borrowed from parsed JSON.
type YearLists<'a> = (Vec<(&'a str, &'a str)>, Vec<&'a str>);

include!(concat!(env!("OUT_DIR"), "/calendar_embedded.rs"));

impl Calendar {
    /// Parses calendar data in the shape of `cn-workdays.json` and checks it.
    pub fn from_json(json: &str) -> Result<Calendar, CalendarError> {
        let raw: RawCalendar = serde_json::from_str(json).map_err(|e| CalendarError::Json {
            message: e.to_string(),
        })?;
        // Each year's lists as borrowed strings, which `RawYearRef` points into.
        let lists: Vec<YearLists<'_>> = raw
            .years
            .values()
            .map(|y| {
                let holidays = y
                    .holidays
                    .iter()
                    .map(|h| (h.date.as_str(), h.name.as_str()));
                let makeup = y.makeup_workdays.iter().map(String::as_str);
                (holidays.collect(), makeup.collect())
            })
            .collect();
        let years = raw
            .years
            .iter()
            .zip(&lists)
            .map(|((key, y), (holidays, makeup))| RawYearRef {
                key,
                published: y.published,
                notice: &y.notice,
                holidays,
                makeup_workdays: makeup,
            });
        Calendar::from_years(&raw.source, years)
    }

    /// Checks calendar data year by year and builds the calendar: every date real and in its
    /// year, make-up days on weekends and never holidays; lists sorted, repeats dropped.
    fn from_years<'a>(
        source: &str,
        raw_years: impl Iterator<Item = RawYearRef<'a>>,
    ) -> Result<Calendar, CalendarError> {
        let mut years = BTreeMap::new();
        for raw_year in raw_years {
            let key = raw_year.key;
            let year: i32 = key.parse().map_err(|_| CalendarError::BadYear {
                key: key.to_owned(),
            })?;
            let mut holidays = Vec::with_capacity(raw_year.holidays.len());
            for (date, name) in raw_year.holidays {
                let date = parse_date(date)?;
                if date.year() != year {
                    return Err(CalendarError::WrongYear { date, year });
                }
                holidays.push((date, (*name).to_owned()));
            }
            holidays.sort_by_key(|(d, _)| *d);
            holidays.dedup_by_key(|(d, _)| *d);
            let mut makeup = Vec::with_capacity(raw_year.makeup_workdays.len());
            for m in raw_year.makeup_workdays {
                let date = parse_date(m)?;
                if date.year() != year {
                    return Err(CalendarError::WrongYear { date, year });
                }
                if !is_weekend(date) {
                    return Err(CalendarError::MakeupNotWeekend { date });
                }
                if holidays.binary_search_by_key(&date, |(d, _)| *d).is_ok() {
                    return Err(CalendarError::Overlap { date });
                }
                makeup.push(date);
            }
            makeup.sort_unstable();
            makeup.dedup();
            years.insert(
                year,
                YearSchedule {
                    published: raw_year.published,
                    notice: raw_year.notice.to_owned(),
                    holidays,
                    makeup,
                },
            );
        }
        Ok(Calendar {
            source: source.to_owned(),
            years,
        })
    }

    /// The calendar embedded in the crate (`data/cn-workdays.json`), read once from the Rust
    /// data build.rs writes of it and checked as [`Calendar::from_json`] checks JSON (a test
    /// shows the two agree).
    ///
    /// The embedded file is checked by the test suite; should it ever fail the checks, this
    /// returns a calendar with no published year, so every answer is marked an estimate
    /// instead of panicking.
    pub fn embedded() -> &'static Calendar {
        static EMBEDDED: OnceLock<Calendar> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            Calendar::from_years(EMBEDDED_SOURCE, EMBEDDED_YEARS.iter().copied()).unwrap_or_else(
                |_| Calendar {
                    source: String::new(),
                    years: BTreeMap::new(),
                },
            )
        })
    }

    /// The calendar the rules count with now: newer data installed with [`Calendar::install`]
    /// (a State Council schedule published after this build), else [`Calendar::embedded`].
    pub fn current() -> &'static Calendar {
        INSTALLED
            .get()
            .map_or_else(Calendar::embedded, |(calendar, _, _)| calendar)
    }

    /// The JSON text of [`Calendar::current`]: what the server serves.
    pub fn current_json() -> &'static str {
        INSTALLED
            .get()
            .map_or(EMBEDDED_CALENDAR_JSON, |(_, json, _)| json.as_str())
    }

    /// Installs newer calendar data (the shape of `cn-workdays.json`), checked as the embedded
    /// data is ([`Calendar::from_json`]); from then on [`Calendar::current`] is it. Data with the
    /// revision already read changes nothing (`Ok(false)`); one newer calendar per process.
    pub fn install(json: String) -> Result<bool, CalendarError> {
        let calendar = Calendar::from_json(&json)?;
        let revision = crate::revision::fnv1a(json.as_bytes());
        if revision == calendar_revision() {
            return Ok(false);
        }
        INSTALLED
            .set((calendar, json, revision))
            .map(|()| true)
            .map_err(|_| CalendarError::AlreadyInstalled)
    }

    /// The `source` note of the data.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Whether the official schedule of `year` is published in this data.
    pub fn is_published(&self, year: i32) -> bool {
        self.years.get(&year).is_some_and(|y| y.published)
    }

    /// The years with a published schedule, ascending.
    pub fn published_years(&self) -> Vec<i32> {
        self.years
            .iter()
            .filter(|(_, y)| y.published)
            .map(|(k, _)| *k)
            .collect()
    }

    /// The State Council notice a published year rests on, if any. An unpublished year rests
    /// on the holiday law instead: [`Calendar::estimate_basis`].
    pub fn notice(&self, year: i32) -> Option<&str> {
        self.years
            .get(&year)
            .filter(|y| y.published)
            .map(|y| y.notice.as_str())
    }

    /// The revision of the holiday law that the estimate for an unpublished `year` rests on,
    /// as a dated parameter (days off a year, valid from, citation). `None` for a published
    /// year, and for a year outside [`STATUTORY_YEARS`], estimated with no holidays at all.
    pub fn estimate_basis(&self, year: i32) -> Option<Param<u32>> {
        if self.is_published(year) {
            None
        } else {
            statutory::law_param(year)
        }
    }

    fn certainty_of(&self, year: i32) -> Certainty {
        if self.is_published(year) {
            Certainty::Certain
        } else if statutory::covers(year) {
            Certainty::unpublished(year)
        } else {
            Certainty::unpublished_without_holidays(year)
        }
    }

    /// Classifies one day.
    pub fn day(&self, date: NaiveDate) -> DayInfo {
        let schedule = self.years.get(&date.year()).filter(|y| y.published);
        let kind = match schedule {
            Some(s) => {
                if let Ok(i) = s.holidays.binary_search_by_key(&date, |(d, _)| *d) {
                    DayKind::Holiday {
                        name: s
                            .holidays
                            .get(i)
                            .map(|(_, n)| n.clone())
                            .unwrap_or_default(),
                    }
                } else if s.makeup.binary_search(&date).is_ok() {
                    DayKind::MakeupWorkday
                } else if is_weekend(date) {
                    DayKind::Weekend
                } else {
                    DayKind::Weekday
                }
            }
            // Unpublished: the law's days off are known, make-up working days are not.
            None => match statutory::holiday_name(date) {
                Some(name) => DayKind::Holiday {
                    name: name.into_owned(),
                },
                None if is_weekend(date) => DayKind::Weekend,
                None => DayKind::Weekday,
            },
        };
        let working = matches!(kind, DayKind::Weekday | DayKind::MakeupWorkday);
        DayInfo {
            date,
            kind,
            working,
            certainty: self.certainty_of(date.year()),
        }
    }

    /// Whether `date` is an official working day, and how certain that is.
    pub fn is_working_day(&self, date: NaiveDate) -> (bool, Certainty) {
        let (working, _) = self.classify_fast(date);
        (working, self.certainty_of(date.year()))
    }

    /// Working-day test without allocating: `(working, kind)` where kind is
    /// 0 weekday, 1 weekend, 2 holiday, 3 make-up day.
    fn classify_fast(&self, date: NaiveDate) -> (bool, u8) {
        match self.years.get(&date.year()).filter(|y| y.published) {
            Some(s) if s.holidays.binary_search_by_key(&date, |(d, _)| *d).is_ok() => (false, 2),
            Some(s) if s.makeup.binary_search(&date).is_ok() => (true, 3),
            // Unpublished: the law's days off are known, make-up working days never invented.
            None if statutory::is_holiday(date) => (false, 2),
            _ if is_weekend(date) => (false, 1),
            _ => (true, 0),
        }
    }

    /// The `n`-th working day after `start` (DECISIONS.md D1: `start` itself is not counted,
    /// whatever kind of day it is). `n = 0` returns `start`.
    pub fn add_working_days(
        &self,
        start: NaiveDate,
        n: u32,
    ) -> Result<WorkingDaySpan, CalendarError> {
        if n > MAX_WORKING_DAYS {
            return Err(CalendarError::TooManyDays { requested: n });
        }
        let mut certainty = Certainty::Certain;
        let mut holidays_skipped = Vec::new();
        let mut makeup_days_counted = Vec::new();
        let mut date = start;
        let mut counted = 0;
        let mut last_year_checked = None;
        while counted < n {
            date = dates::add_days(date, 1).ok_or(CalendarError::OutOfRange)?;
            if last_year_checked != Some(date.year()) {
                last_year_checked = Some(date.year());
                certainty = certainty.and(self.certainty_of(date.year()));
            }
            let (working, kind) = self.classify_fast(date);
            match kind {
                2 => holidays_skipped.push(date),
                3 => makeup_days_counted.push(date),
                _ => {}
            }
            if working {
                counted += 1;
            }
        }
        Ok(WorkingDaySpan {
            start,
            working_days: n,
            end: date,
            holidays_skipped,
            makeup_days_counted,
            certainty,
        })
    }

    /// Working days strictly after `from` up to and including `to` (0 when `to <= from`),
    /// with the certainty of the years crossed. Spans longer than about 40 years are refused.
    pub fn working_days_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<(u32, Certainty), CalendarError> {
        let span = dates::natural_days_between(from, to);
        if span > i64::from(MAX_WORKING_DAYS) * 2 {
            return Err(CalendarError::TooManyDays {
                requested: u32::try_from(span).unwrap_or(u32::MAX),
            });
        }
        let mut certainty = Certainty::Certain;
        let mut count: u32 = 0;
        let mut date = from;
        let mut last_year = None;
        while date < to {
            let Some(next) = dates::add_days(date, 1) else {
                break;
            };
            date = next;
            if last_year != Some(date.year()) {
                last_year = Some(date.year());
                certainty = certainty.and(self.certainty_of(date.year()));
            }
            if self.classify_fast(date).0 {
                count = count.saturating_add(1);
            }
        }
        Ok((count, certainty))
    }
}

impl Default for Calendar {
    /// The embedded calendar.
    fn default() -> Self {
        Calendar::embedded().clone()
    }
}

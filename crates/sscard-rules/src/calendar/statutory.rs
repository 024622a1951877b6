//! The public holidays whose dates the holiday law fixes: what an estimate still knows about a
//! year whose State Council schedule is not published (DECISIONS.md D35).
//!
//! Article 2 of 《全国年节及纪念日放假办法》 names the days off of all citizens, by Gregorian date
//! (元旦, 劳动节, 国庆节) or by the Chinese calendar (春节, 清明节, 端午节, 中秋节). Each revision
//! is kept as a dated version from the 1 January it took effect, like the city policies:
//! - 2013 revision (国务院令第644号), from 2014-01-01: 11 days; 春节 is 正月初一 to 初三, 劳动节
//!   1 May only. The embedded 2024 schedule was made under it (除夕 2024-02-09 was a working day).
//! - 2024 revision (国务院令第795号), from 2025-01-01: 13 days; 除夕 and 2 May added.
//!
//! What the law leaves to the yearly notice is not guessed: the make-up working days (调休),
//! the substitute day off when a holiday falls on a weekend (补假), the bridge days that join a
//! holiday to a weekend, and the extra day when 中秋 falls inside 国庆节.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::lunar_dates::LunarFestival as L;
use super::lunar_dates::{LunarYear, lunar_year};
use crate::citation::Citation;
use crate::dates;
use crate::policy::{Param, Version, ymd};

/// A holiday of article 2. Kept as a one-byte tag in the tables below (the wasm app pays
/// for every byte); [`Holiday::name`] gives its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holiday {
    NewYearsDay,
    SpringFestival,
    Qingming,
    LabourDay,
    DragonBoat,
    MidAutumn,
    NationalDay,
}

impl Holiday {
    /// The name the State Council's notices and `cn-workdays.json` use.
    fn name(self) -> &'static str {
        match self {
            Self::NewYearsDay => "元旦",
            Self::SpringFestival => "春节",
            Self::Qingming => "清明节",
            Self::LabourDay => "劳动节",
            Self::DragonBoat => "端午节",
            Self::MidAutumn => "中秋节",
            Self::NationalDay => "国庆节",
        }
    }
}

/// How article 2 fixes one day off.
#[derive(Debug, Clone, Copy)]
enum Rule {
    /// A Gregorian month and day.
    Solar { month: u8, day: u8 },
    /// A lunar festival, moved by `offset` days: 除夕 is 正月初一 − 1, 初三 is 正月初一 + 2
    /// (a lunar month has at least 29 days, so the offsets never leave the month).
    Lunar { date: L, offset: i8 },
}

/// One day off of article 2.
#[derive(Debug, Clone, Copy)]
struct LawDay {
    holiday: Holiday,
    rule: Rule,
}

impl LawDay {
    /// Its date in `year`, whose lunar festivals are `lunar`.
    fn date(&self, year: i32, lunar: &LunarYear) -> Option<NaiveDate> {
        match self.rule {
            Rule::Solar { month, day } => {
                NaiveDate::from_ymd_opt(year, u32::from(month), u32::from(day))
            }
            Rule::Lunar { date, offset } => {
                let day = lunar.date(year, date)?;
                let by = u64::from(offset.unsigned_abs());
                if offset < 0 {
                    dates::sub_days(day, by)
                } else {
                    dates::add_days(day, by)
                }
            }
        }
    }
}

const fn solar(holiday: Holiday, month: u8, day: u8) -> LawDay {
    LawDay {
        holiday,
        rule: Rule::Solar { month, day },
    }
}

const fn lunar(holiday: Holiday, date: L, offset: i8) -> LawDay {
    LawDay {
        holiday,
        rule: Rule::Lunar { date, offset },
    }
}

use Holiday as H;

// The article lists 中秋节 before 国庆节; here 国庆节 comes first so that a day both share
// reads "国庆节、中秋节", as the notices name such a break.

/// Article 2 as revised in 2013: 11 days.
const ARTICLE_2_2013: &[LawDay] = &[
    solar(H::NewYearsDay, 1, 1),
    lunar(H::SpringFestival, L::NewYear, 0),
    lunar(H::SpringFestival, L::NewYear, 1),
    lunar(H::SpringFestival, L::NewYear, 2),
    lunar(H::Qingming, L::Qingming, 0),
    solar(H::LabourDay, 5, 1),
    lunar(H::DragonBoat, L::DragonBoat, 0),
    solar(H::NationalDay, 10, 1),
    solar(H::NationalDay, 10, 2),
    solar(H::NationalDay, 10, 3),
    lunar(H::MidAutumn, L::MidAutumn, 0),
];

/// Article 2 as revised in 2024: 13 days (除夕 and 2 May added).
const ARTICLE_2_2024: &[LawDay] = &[
    solar(H::NewYearsDay, 1, 1),
    lunar(H::SpringFestival, L::NewYear, -1),
    lunar(H::SpringFestival, L::NewYear, 0),
    lunar(H::SpringFestival, L::NewYear, 1),
    lunar(H::SpringFestival, L::NewYear, 2),
    lunar(H::Qingming, L::Qingming, 0),
    solar(H::LabourDay, 5, 1),
    solar(H::LabourDay, 5, 2),
    lunar(H::DragonBoat, L::DragonBoat, 0),
    solar(H::NationalDay, 10, 1),
    solar(H::NationalDay, 10, 2),
    solar(H::NationalDay, 10, 3),
    lunar(H::MidAutumn, L::MidAutumn, 0),
];

/// The revisions of article 2, oldest first, each from the day it took effect.
const ARTICLE_2: &[Version<&[LawDay]>] = &[
    Version {
        from: ymd(2014, 1, 1),
        value: ARTICLE_2_2013,
        cite: Citation::holiday_law("第二条（2013年修订，国务院令第644号）"),
    },
    Version {
        from: ymd(2025, 1, 1),
        value: ARTICLE_2_2024,
        cite: Citation::holiday_law("第二条（2024年修订，国务院令第795号）"),
    },
];

/// The revision in force in `year` and the year's lunar dates, when both are known. Every
/// revision took effect on 1 January, so one revision holds for a whole year.
fn rules_for(year: i32) -> Option<(&'static Version<&'static [LawDay]>, &'static LunarYear)> {
    let start = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let law = ARTICLE_2.iter().rev().find(|v| v.from <= start)?;
    Some((law, lunar_year(year)?))
}

/// Whether an estimate for `year` knows its statutory holidays.
pub(crate) fn covers(year: i32) -> bool {
    rules_for(year).is_some()
}

/// The festival `date` is a statutory day off of, if any. When two festivals share the day
/// (中秋 on 1–3 October) both are named, joined by "、" as the notices do ("国庆节、中秋节").
pub(crate) fn holiday_name(date: NaiveDate) -> Option<Cow<'static, str>> {
    let (law, lunar) = rules_for(date.year())?;
    let mut names = law
        .value
        .iter()
        .filter(|d| d.date(date.year(), lunar) == Some(date))
        .map(|d| d.holiday.name());
    let first = names.next()?;
    Some(names.fold(Cow::Borrowed(first), |all, next| {
        Cow::Owned(format!("{all}、{next}"))
    }))
}

/// Whether `date` is a statutory day off (without building its name).
pub(crate) fn is_holiday(date: NaiveDate) -> bool {
    rules_for(date.year()).is_some_and(|(law, lunar)| {
        law.value
            .iter()
            .any(|d| d.date(date.year(), lunar) == Some(date))
    })
}

/// The revision of article 2 an estimate for `year` rests on, as a dated parameter: its value
/// is the number of days off a year, with the revision's date and citation (for the trace).
pub(crate) fn law_param(year: i32) -> Option<Param<u32>> {
    let (law, _) = rules_for(year)?;
    Some(Param {
        value: u32::try_from(law.value.len()).unwrap_or(u32::MAX),
        valid_from: law.from,
        citation: law.cite.clone(),
    })
}

/// A day off that the holiday law fixes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatutoryHoliday {
    /// The date.
    pub date: NaiveDate,
    /// The festival, e.g. 春节; two joined by "、" when they share the day.
    pub name: String,
}

/// The days off that 《全国年节及纪念日放假办法》 article 2 fixes in `year`, in date order, under
/// the revision in force that year (DECISIONS.md D35). These are only the law's days: the
/// State Council's notice for the year adds the make-up working days, substitute days and
/// bridge days. `None` for a year before the 2013 revision took effect or outside
/// [`STATUTORY_YEARS`](crate::STATUTORY_YEARS), the years whose lunar dates are embedded.
pub fn statutory_holidays(year: i32) -> Option<Vec<StatutoryHoliday>> {
    let (law, lunar) = rules_for(year)?;
    let mut dates: Vec<NaiveDate> = law
        .value
        .iter()
        .filter_map(|d| d.date(year, lunar))
        .collect();
    dates.sort_unstable();
    dates.dedup();
    Some(
        dates
            .into_iter()
            .filter_map(|date| {
                holiday_name(date).map(|name| StatutoryHoliday {
                    date,
                    name: name.into_owned(),
                })
            })
            .collect(),
    )
}

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A memorable date typed in three fields (年 / 月 / 日), as GOV.UK asks for dates of birth.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DateInput {
    /// Year as typed.
    pub year: String,
    /// Month as typed.
    pub month: String,
    /// Day as typed.
    pub day: String,
}

/// Why a typed date was not accepted; each has its own message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// All three fields are empty.
    Empty,
    /// Some but not all fields are filled in.
    Incomplete,
    /// A field holds something other than digits, or the year is not four digits.
    Format,
    /// The fields do not make a real date (e.g. 30 February).
    NotReal,
    /// The date is after today.
    InFuture,
}

impl DateInput {
    /// Parses the three fields; spaces and full-width digits are accepted.
    pub fn parse(&self, today: NaiveDate) -> Result<NaiveDate, DateError> {
        let parts = [&self.year, &self.month, &self.day].map(|s| normalise_digits(s));
        if parts.iter().all(String::is_empty) {
            return Err(DateError::Empty);
        }
        if parts.iter().any(String::is_empty) {
            return Err(DateError::Incomplete);
        }
        if parts
            .iter()
            .any(|p| !p.chars().all(|c| c.is_ascii_digit()) || p.len() > 4)
            || parts[0].len() != 4
        {
            return Err(DateError::Format);
        }
        let year: i32 = parts[0].parse().map_err(|_| DateError::Format)?;
        let month: u32 = parts[1].parse().map_err(|_| DateError::Format)?;
        let day: u32 = parts[2].parse().map_err(|_| DateError::Format)?;
        let date = NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::NotReal)?;
        if year < 1900 {
            return Err(DateError::NotReal);
        }
        if date > today {
            return Err(DateError::InFuture);
        }
        Ok(date)
    }
}

/// Trims and turns full-width digits (０-９) into ASCII, as phone keyboards sometimes type them.
fn normalise_digits(input: &str) -> String {
    input
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

//! A city's whole dated policy as one document: what the server serves, and what an app built
//! with older data installs so its previews follow the newer rules.
//!
//! The functions of this crate read the embedded tables (generated from `policy/<city>.toml`)
//! unless a newer document of the city was [`install`]ed. Installing is the only state in the
//! crate: the server installs at start (`SSCARD_POLICY_DIR`), the app when the server's
//! revision differs from its own. An installed document is checked first and kept for the rest
//! of the process (its tables are leaked into `'static`, as the embedded ones are); one per city
//! and process.

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::de::{Deserialize, Deserializer};
use serde::{Deserialize as DeserializeDerive, Serialize};

use super::{CityData, CourierFee, Version};
use crate::calendar::calendar_revision;
use crate::channels::OfferRow;
use crate::citation::Citation;
use crate::ids::City;

/// One city's whole dated policy: every value with its versions and citations, and the channel
/// offers. Serialised as JSON by the server (`GET /api/v1/policy/{city}/document`); its fields
/// are this crate's own, so a change goes through the data file or the JSON, never the app.
#[derive(Debug, Clone, Serialize, DeserializeDerive)]
pub struct PolicyDocument {
    /// The city.
    pub city: City,
    /// Identifies the data: the FNV-1a hash of the data file for the embedded tables, or
    /// whatever the publisher of a newer document chose. Two documents with the same revision
    /// are taken to be the same.
    pub revision: Cow<'static, str>,
    pub(crate) data: CityData,
    #[serde(deserialize_with = "leak_versions")]
    pub(crate) hotline: &'static [Version<&'static str>],
    #[serde(deserialize_with = "leak_versions")]
    pub(crate) application_natural_days: &'static [Version<u32>],
    #[serde(deserialize_with = "leak_versions")]
    pub(crate) courier_fee: &'static [Version<CourierFee>],
    #[serde(deserialize_with = "leak_versions")]
    pub(crate) minor_age_years: &'static [Version<u32>],
}

/// Why a document cannot be installed. The field names the document's key, as in the JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentError {
    /// The document is another city's.
    WrongCity {
        /// The city it was installed for.
        expected: City,
        /// The city it says it is.
        found: City,
    },
    /// The revision is empty, longer than 64 characters, or holds other characters than
    /// letters, digits, `.`, `_` and `-` (it travels in a header and a list split on `,`/`=`).
    BadRevision,
    /// A value every city has (`phase`, `bank_count`, …) has no version.
    Missing {
        /// The key.
        field: &'static str,
    },
    /// Versions are not in strictly increasing date order.
    OutOfOrder {
        /// The key.
        field: &'static str,
        /// The first version out of order.
        from: NaiveDate,
    },
    /// A version or an offer without its source.
    Uncited {
        /// The key.
        field: &'static str,
        /// The version's or the offer's first date.
        from: NaiveDate,
    },
    /// An entry dated before the city's first phase.
    BeforeStart {
        /// The key.
        field: &'static str,
        /// The entry's first date.
        from: NaiveDate,
    },
    /// A value that must say something is empty (a hotline).
    EmptyValue {
        /// The key.
        field: &'static str,
        /// The version's first date.
        from: NaiveDate,
    },
    /// A bank or a condition listed twice in one entry.
    Twice {
        /// The key.
        field: &'static str,
        /// The entry's first date.
        from: NaiveDate,
    },
    /// An offer that ends on or before it starts.
    EndsBeforeStart {
        /// The offer's first date.
        from: NaiveDate,
    },
    /// Another newer document of the city was installed already in this process.
    AlreadyInstalled,
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::WrongCity { expected, found } => {
                write!(f, "the document is {found}'s, not {expected}'s")
            }
            Self::BadRevision => f.write_str("revision: 1 to 64 letters, digits, `.`, `_` or `-`"),
            Self::BeforeStart { field, from } => {
                write!(
                    f,
                    "{field}: the entry from {from} is before the city's first phase"
                )
            }
            Self::EmptyValue { field, from } => {
                write!(f, "{field}: the version from {from} is empty")
            }
            Self::Twice { field, from } => {
                write!(f, "{field}: the entry from {from} lists the same id twice")
            }
            Self::Missing { field } => write!(f, "{field}: no version"),
            Self::OutOfOrder { field, from } => {
                write!(
                    f,
                    "{field}: the version from {from} is not after the one before"
                )
            }
            Self::Uncited { field, from } => write!(
                f,
                "{field}: the entry from {from} cites no seed line with its words nor a recorded decision"
            ),
            Self::EndsBeforeStart { from } => {
                write!(f, "offers: the offer from {from} ends before it starts")
            }
            Self::AlreadyInstalled => {
                f.write_str("another newer document is installed already: restart to take this one")
            }
        }
    }
}

impl std::error::Error for DocumentError {}

impl PolicyDocument {
    /// The document of the data this crate was built with.
    pub fn embedded(city: City) -> Self {
        Self {
            city,
            revision: Cow::Borrowed(super::embedded_revision(city)),
            data: *super::embedded_city_data(city),
            hotline: super::embedded_hotline_versions(city),
            application_natural_days: super::embedded_application_natural_days_versions(city),
            courier_fee: super::embedded_courier_fee_versions(city),
            minor_age_years: super::embedded_minor_age_years_versions(city),
        }
    }

    /// The document the crate's functions read now for `city`: the installed one, else the
    /// embedded one. (Copies the tables' references; to compare revisions, [`current_revision`]
    /// reads nothing else.)
    pub fn current(city: City) -> Self {
        installed(city)
            .cloned()
            .unwrap_or_else(|| Self::embedded(city))
    }

    /// Checks a document as the build checks a data file, as far as a document can still be
    /// wrong: the city; a revision of letters, digits, `.`, `_` and `-`; the values every city
    /// has present; every version and offer cited (a seed line with its quote, or a recorded
    /// decision), in strictly increasing date order and not before the city's first phase; no
    /// empty hotline; no bank or condition listed twice; offers that end after they start.
    pub fn check(&self, city: City) -> Result<(), DocumentError> {
        if self.city != city {
            return Err(DocumentError::WrongCity {
                expected: city,
                found: self.city,
            });
        }
        let revision_ok = (1..=REVISION_MAX).contains(&self.revision.len())
            && self
                .revision
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
        if !revision_ok {
            return Err(DocumentError::BadRevision);
        }
        let d = &self.data;
        let start = d
            .phase
            .first()
            .ok_or(DocumentError::Missing { field: "phase" })?
            .from;
        let c = Checker { start };
        c.required("phase", d.phase)?;
        c.required("banks", d.banks)?;
        c.required("bank_count", d.bank_count)?;
        c.required("individual_application_open", d.individual_application_open)?;
        c.required("collective_application", d.collective_application)?;
        c.required("minor_age_years", self.minor_age_years)?;
        c.versions("replacement_working_days", d.replacement_working_days)?;
        c.versions("instant_minutes", d.instant_minutes)?;
        c.versions("transit_included", d.transit_included)?;
        c.versions("temp_loss_auto_lift_days", d.temp_loss_auto_lift_days)?;
        c.versions("bank_change_cooldown_months", d.bank_change_cooldown_months)?;
        c.versions("renewal_window_days", d.renewal_window_days)?;
        c.versions("employer_return_days", d.employer_return_days)?;
        c.versions("elderly_age_months", d.elderly_age_months)?;
        c.versions("hotline", self.hotline)?;
        c.versions("application_natural_days", self.application_natural_days)?;
        c.versions("courier_fee", self.courier_fee)?;
        if let Some(v) = self.hotline.iter().find(|v| v.value.trim().is_empty()) {
            return Err(DocumentError::EmptyValue {
                field: "hotline",
                from: v.from,
            });
        }
        if let Some(v) = d
            .banks
            .iter()
            .find(|v| has_twice(v.value.iter().map(|b| b.bank)))
        {
            return Err(DocumentError::Twice {
                field: "banks",
                from: v.from,
            });
        }
        for row in d.offers.iter().flat_map(|part| part.iter()) {
            c.dated("offers", row.from, &row.cite)?;
            if row.until.is_some_and(|until| until <= row.from) {
                return Err(DocumentError::EndsBeforeStart { from: row.from });
            }
            if has_twice(row.conditions.iter().copied()) {
                return Err(DocumentError::Twice {
                    field: "offers",
                    from: row.from,
                });
            }
        }
        Ok(())
    }
}

/// Longest revision accepted: a hash is 16 characters; a publisher's label may say more.
const REVISION_MAX: usize = 64;

fn has_twice<T: PartialEq>(items: impl Iterator<Item = T>) -> bool {
    let items: Vec<T> = items.collect();
    items
        .iter()
        .enumerate()
        .any(|(i, item)| items[..i].contains(item))
}

/// The checks of one dated entry, with the city's first date.
struct Checker {
    start: NaiveDate,
}

impl Checker {
    /// [`Checker::versions`] of a value every city has: at least one version.
    fn required<T>(
        &self,
        field: &'static str,
        versions: &[Version<T>],
    ) -> Result<(), DocumentError> {
        if versions.is_empty() {
            return Err(DocumentError::Missing { field });
        }
        self.versions(field, versions)
    }

    fn versions<T>(
        &self,
        field: &'static str,
        versions: &[Version<T>],
    ) -> Result<(), DocumentError> {
        for v in versions {
            self.dated(field, v.from, &v.cite)?;
        }
        match versions
            .windows(2)
            .find(|pair| pair[1].from <= pair[0].from)
        {
            Some(pair) => Err(DocumentError::OutOfOrder {
                field,
                from: pair[1].from,
            }),
            None => Ok(()),
        }
    }

    fn dated(
        &self,
        field: &'static str,
        from: NaiveDate,
        cite: &Citation,
    ) -> Result<(), DocumentError> {
        if from < self.start {
            return Err(DocumentError::BeforeStart { field, from });
        }
        if !cited(cite) {
            return Err(DocumentError::Uncited { field, from });
        }
        Ok(())
    }
}

/// A citation the app can show and a reader can follow: a seed line with its words, or a
/// decision recorded in `DECISIONS.md`.
fn cited(cite: &Citation) -> bool {
    if cite.source == crate::citation::DECISIONS {
        return crate::decisions::DECISION_LIST
            .iter()
            .any(|d| d.id == cite.locator);
    }
    !cite.source.trim().is_empty()
        && !cite.locator.trim().is_empty()
        && cite.line.is_some_and(|line| line > 0)
        && cite.quote.as_ref().is_some_and(|q| !q.trim().is_empty())
}

/// The installed documents, one slot per city in `City::ALL` order. Set once: a process
/// takes one newer document per city (the server at start, the app when it sees the server's
/// revision), and a `OnceLock` costs every rule one load to check, nothing more.
static INSTALLED: [OnceLock<PolicyDocument>; City::ALL.len()] =
    [const { OnceLock::new() }; City::ALL.len()];

fn slot(city: City) -> &'static OnceLock<PolicyDocument> {
    &INSTALLED[City::ALL.iter().position(|c| *c == city).unwrap_or(0)]
}

/// The installed document of `city`, if any.
pub(crate) fn installed(city: City) -> Option<&'static PolicyDocument> {
    slot(city).get()
}

/// The revision of the data `city`'s rules read now. Reads no table, so an app checking the
/// server's revisions does not carry every city's data for it.
pub fn current_revision(city: City) -> Cow<'static, str> {
    installed(city).map_or(Cow::Borrowed(super::embedded_revision(city)), |doc| {
        doc.revision.clone()
    })
}

/// Installs `document` as `city`'s policy from now on, after [`PolicyDocument::check`]. A
/// document with the revision already read is left as it is (`Ok(false)`); a city takes one
/// newer document per process ([`DocumentError::AlreadyInstalled`] after that: a restart, or
/// a reload of the app, takes the next).
pub fn install(city: City, document: PolicyDocument) -> Result<bool, DocumentError> {
    document.check(city)?;
    if current_revision(city) == document.revision {
        return Ok(false);
    }
    slot(city)
        .set(document)
        .map(|()| true)
        .map_err(|_| DocumentError::AlreadyInstalled)
}

include!(concat!(env!("OUT_DIR"), "/revisions.rs"));

/// The key of the calendar data in [`revisions`].
const CALENDAR: &str = "calendar";

/// The revision of every city's current data and of the calendar,
/// `beijing=…,shanghai=…,urumqi=…,calendar=…`: the server sends it with each answer, so an app
/// built with other data knows to ask for the newer documents.
pub fn revisions() -> String {
    City::ALL
        .iter()
        .map(|city| format!("{}={}", city.id(), current_revision(*city)))
        .chain([format!("{CALENDAR}={}", calendar_revision())])
        .collect::<Vec<_>>()
        .join(",")
}

/// The `(key, revision)` pairs of a [`revisions`] text; malformed parts are skipped. (No
/// trimming: the server writes no spaces, and the app carries this on every page.)
fn pairs(header: &str) -> impl Iterator<Item = (&str, &str)> {
    header.split(',').filter_map(|part| part.split_once('='))
}

/// Whether `header` (as [`revisions`] writes it) names other calendar data than is read now.
pub fn calendar_differs(header: &str) -> bool {
    pairs(header).any(|(key, revision)| key == CALENDAR && calendar_revision() != revision)
}

/// The cities whose revision in `header` (as [`revisions`] writes it) differs from the data
/// read now. Unknown cities and malformed parts are ignored.
pub fn cities_with_other_revision(header: &str) -> Vec<City> {
    pairs(header)
        .filter_map(|(id, revision)| City::from_id(id).map(|city| (city, revision)))
        .filter(|(city, revision)| current_revision(*city) != *revision)
        .map(|(city, _)| city)
        .collect()
}

// ---- Deserialising into `'static` tables, as the embedded ones are ----

pub(crate) fn leak_slice<'de, D, T>(d: D) -> Result<&'static [T], D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Vec::<T>::deserialize(d).map(|v| &*Vec::leak(v))
}

pub(crate) fn leak_versions<'de, D, T>(d: D) -> Result<&'static [Version<T>], D::Error>
where
    D: Deserializer<'de>,
    Version<T>: Deserialize<'de>,
{
    leak_slice(d)
}

pub(crate) fn leak_offers<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<&'static [&'static [OfferRow]], D::Error> {
    let parts = Vec::<Vec<OfferRow>>::deserialize(d)?;
    Ok(Vec::leak(
        parts.into_iter().map(|part| &*Vec::leak(part)).collect(),
    ))
}

//! Policy as dated data: one policy per city, every value with its citation and the date it
//! is valid from.
//!
//! Asking for a date before a value existed is an error ([`PolicyError::BeforeValidity`]),
//! never a guess. A value the seeds do not give for a city is `None` in [`Policy`] and
//! [`PolicyError::NotDefined`] from the single-value accessors.
//!
//! The data itself is one file per city, `policy/<city>.toml` (values, citations, valid-from
//! dates, channel offers); build.rs checks it and turns it into the `CityData` tables below.
//! See the crate README, "Policy data files".

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

mod document;

pub use document::{
    DocumentError, EMBEDDED_REVISIONS, PolicyDocument, calendar_differs,
    cities_with_other_revision, current_revision, install, revisions,
};
pub(crate) use document::{EMBEDDED_CALENDAR_REVISION, leak_slice};

use crate::channels::{ChannelOffer, OfferRow};
use crate::citation::Citation;
use crate::ids::{Bank, City};

/// A policy value with its source and the date from which it applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Param<T> {
    /// The value.
    pub value: T,
    /// The first date on which the value applies.
    pub valid_from: NaiveDate,
    /// Where it comes from.
    pub citation: Citation,
}

crate::ids::stable_ids! {
    /// The phase of a city's changeover programme (catalogue §2.3).
    pub enum Phase {
        /// Beijing pilot, 2024-01-31 to 2024-05-31: collective applications only.
        Pilot = "pilot",
        /// Beijing group-by-group mass changeover from June 2024.
        MassChangeover = "mass_changeover",
        /// Beijing normalised issuance from 2026-01-04: individuals apply online or offline.
        Normalised = "normalised",
        /// Shanghai and Urumqi: the changeover their article describes.
        Changeover = "changeover",
    }
}

crate::ids::stable_ids! {
    /// Who pays for posting the card.
    pub enum CourierFee {
        /// Free (Beijing, 002 Q31).
        Free = "free",
        /// The recipient pays on delivery, 收件到付 (Urumqi remote replacement).
        PaidByRecipient = "paid_by_recipient",
    }
}

/// A cooperating bank as offered in a city.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankInfo {
    /// Stable id.
    pub bank: Bank,
    /// Chinese name.
    pub name_zh: Cow<'static, str>,
    /// English name.
    pub name_en: Cow<'static, str>,
    /// Whether a card of this bank can be sent by post in this city.
    pub posts_cards: bool,
    /// Urumqi: whether the bank is offered for remote (异地) replacement by post.
    pub remote_replacement: bool,
    /// Where the bank list comes from.
    pub citation: Citation,
}

/// The resolved policy of one city on one date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Policy {
    /// The city.
    pub city: City,
    /// The date the policy was resolved for.
    pub as_of: NaiveDate,
    /// Programme phase.
    pub phase: Param<Phase>,
    /// Named cooperating banks (empty when the seeds give only a count, as for Shanghai).
    pub banks: Param<Vec<BankInfo>>,
    /// Number of cooperating banks (11 for Shanghai, whose banks are not named).
    pub bank_count: Param<u32>,
    /// Whether individuals may apply on their own in this phase.
    pub individual_application_open: Param<bool>,
    /// Whether employers may apply for their staff (collective application / batch changeover).
    pub collective_application: Param<bool>,
    /// Production limit for an application (申领), natural days.
    pub application_natural_days: Option<Param<u32>>,
    /// Production limit for a reissue or exchange (补领/换领), working days.
    pub replacement_working_days: Option<Param<u32>>,
    /// Approximate minutes for instant card making.
    pub instant_minutes: Option<Param<u32>>,
    /// Whether the production limits include postal transit (Beijing: no).
    pub transit_included_in_production: Option<Param<bool>>,
    /// Who pays postage.
    pub courier_fee: Option<Param<CourierFee>>,
    /// Days after which a temporary loss of the social function lifts automatically.
    pub temp_loss_auto_lift_days: Option<Param<u32>>,
    /// Months before the bank may be changed again.
    pub bank_change_cooldown_months: Option<Param<u32>>,
    /// Days before expiry from which a card may be renewed.
    pub renewal_window_days: Option<Param<u32>>,
    /// Days within which an employer must return undistributed cards.
    pub employer_return_days: Option<Param<u32>>,
    /// Age in months for the civil-affairs elderly categories (714 = 59 years 6 months).
    pub elderly_age_months: Option<Param<u32>>,
    /// Age under which a guardian acts for the holder.
    pub minor_age_years: Param<u32>,
    /// Service hotline, if the seeds name one.
    pub hotline: Option<Param<Cow<'static, str>>>,
    /// Which channels offer which service on this date, with conditions.
    pub offers: Vec<ChannelOffer>,
}

/// An error when resolving policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum PolicyError {
    /// The date is before the value existed.
    BeforeValidity {
        /// The city.
        city: City,
        /// The parameter asked for.
        parameter: Cow<'static, str>,
        /// The date asked for.
        requested: NaiveDate,
        /// The first date with a value.
        valid_from: NaiveDate,
    },
    /// The seeds give no value for this city.
    NotDefined {
        /// The city.
        city: City,
        /// The parameter asked for.
        parameter: Cow<'static, str>,
    },
}

impl PolicyError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::BeforeValidity { .. } => "policy.before_validity",
            Self::NotDefined { .. } => "policy.not_defined",
        }
    }
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BeforeValidity {
                city,
                parameter,
                requested,
                valid_from,
            } => write!(
                f,
                "{city}: {parameter} is known only from {valid_from}, not on {requested}"
            ),
            Self::NotDefined { city, parameter } => {
                write!(f, "{city}: the sources give no value for {parameter}")
            }
        }
    }
}

impl std::error::Error for PolicyError {}

/// One dated version of a value (static data, or an installed [`PolicyDocument`]).
#[derive(Debug, Serialize)]
pub(crate) struct Version<T: 'static> {
    pub from: NaiveDate,
    pub value: T,
    pub cite: Citation,
}

/// A value of the tables that a document can hold: read from JSON as `Owned`, kept `'static`.
pub(crate) trait TableValue: Sized {
    /// What the JSON holds.
    type Owned;
    /// Kept for the rest of the process, as the embedded tables are.
    fn keep(owned: Self::Owned) -> Self;
}

macro_rules! plain_table_values {
    ($($t:ty),*) => {$(
        impl TableValue for $t {
            type Owned = $t;
            fn keep(owned: $t) -> $t {
                owned
            }
        }
    )*};
}
plain_table_values!(u32, bool, Phase, CourierFee);

impl TableValue for &'static str {
    type Owned = String;
    fn keep(owned: String) -> Self {
        Box::leak(owned.into_boxed_str())
    }
}

impl TableValue for &'static [BankEntry] {
    type Owned = Vec<BankEntry>;
    fn keep(owned: Vec<BankEntry>) -> Self {
        Vec::leak(owned)
    }
}

impl<'de, T> Deserialize<'de> for Version<T>
where
    T: TableValue,
    T::Owned: Deserialize<'de>,
{
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Read<V> {
            from: NaiveDate,
            value: V,
            cite: Citation,
        }
        let read = Read::<T::Owned>::deserialize(d)?;
        Ok(Version {
            from: read.from,
            value: T::keep(read.value),
            cite: read.cite,
        })
    }
}

/// A cooperating bank entry in the static tables.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub(crate) struct BankEntry {
    pub bank: Bank,
    pub posts_cards: bool,
    pub remote: bool,
}

/// All dated data of one city. An empty slice means the seeds give no value. Read from JSON
/// (a [`PolicyDocument`]) into leaked `'static` tables, like the embedded ones.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub(crate) struct CityData {
    #[serde(deserialize_with = "document::leak_slice")]
    pub phase: &'static [Version<Phase>],
    #[serde(deserialize_with = "document::leak_slice")]
    pub banks: &'static [Version<&'static [BankEntry]>],
    #[serde(deserialize_with = "document::leak_slice")]
    pub bank_count: &'static [Version<u32>],
    #[serde(deserialize_with = "document::leak_slice")]
    pub individual_application_open: &'static [Version<bool>],
    #[serde(deserialize_with = "document::leak_slice")]
    pub collective_application: &'static [Version<bool>],
    #[serde(deserialize_with = "document::leak_slice")]
    pub replacement_working_days: &'static [Version<u32>],
    #[serde(deserialize_with = "document::leak_slice")]
    pub instant_minutes: &'static [Version<u32>],
    #[serde(deserialize_with = "document::leak_slice")]
    pub transit_included: &'static [Version<bool>],
    #[serde(deserialize_with = "document::leak_slice")]
    pub temp_loss_auto_lift_days: &'static [Version<u32>],
    #[serde(deserialize_with = "document::leak_slice")]
    pub bank_change_cooldown_months: &'static [Version<u32>],
    #[serde(deserialize_with = "document::leak_slice")]
    pub renewal_window_days: &'static [Version<u32>],
    #[serde(deserialize_with = "document::leak_slice")]
    pub employer_return_days: &'static [Version<u32>],
    #[serde(deserialize_with = "document::leak_slice")]
    pub elderly_age_months: &'static [Version<u32>],
    #[serde(deserialize_with = "document::leak_offers")]
    pub offers: &'static [&'static [OfferRow]],
}

/// `NaiveDate` from constant parts, usable in statics. The tables only use real dates;
/// an impossible one would show up as `NaiveDate::MIN` in the tests, never as a panic.
pub(crate) const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => NaiveDate::MIN,
    }
}

// One module per city with its `static DATA: CityData`, and `city_data(City)`: generated by
// build.rs from the data files `policy/<city>.toml` (checked there: every value cited, versions
// in date order). Generated consts, not a parser, so the app's wasm carries only the tables.
include!(concat!(env!("OUT_DIR"), "/policy_cities.rs"));

/// The data the rules read for a city: an installed newer document's, else the embedded.
pub(crate) fn city_data(city: City) -> &'static CityData {
    document::installed(city).map_or_else(|| embedded_city_data(city), |doc| &doc.data)
}

fn hotline_versions(city: City) -> &'static [Version<&'static str>] {
    document::installed(city).map_or_else(|| embedded_hotline_versions(city), |doc| doc.hotline)
}

fn application_natural_days_versions(city: City) -> &'static [Version<u32>] {
    document::installed(city).map_or_else(
        || embedded_application_natural_days_versions(city),
        |doc| doc.application_natural_days,
    )
}

fn minor_age_years_versions(city: City) -> &'static [Version<u32>] {
    document::installed(city).map_or_else(
        || embedded_minor_age_years_versions(city),
        |doc| doc.minor_age_years,
    )
}

fn courier_fee_versions(city: City) -> &'static [Version<CourierFee>] {
    document::installed(city).map_or_else(
        || embedded_courier_fee_versions(city),
        |doc| doc.courier_fee,
    )
}

/// Resolves one dated value: the latest version whose `from` is on or before `on`.
pub(crate) fn resolve<T: Clone>(
    city: City,
    name: &'static str,
    versions: &'static [Version<T>],
    on: NaiveDate,
) -> Result<Param<T>, PolicyError> {
    let first = versions.first().ok_or(PolicyError::NotDefined {
        city,
        parameter: Cow::Borrowed(name),
    })?;
    versions
        .iter()
        .rev()
        .find(|v| v.from <= on)
        .map(|v| Param {
            value: v.value.clone(),
            valid_from: v.from,
            citation: v.cite.clone(),
        })
        .ok_or(PolicyError::BeforeValidity {
            city,
            parameter: Cow::Borrowed(name),
            requested: on,
            valid_from: first.from,
        })
}

/// Like [`resolve`] but a value the seeds do not give is `Ok(None)`.
fn resolve_opt<T: Clone>(
    city: City,
    name: &'static str,
    versions: &'static [Version<T>],
    on: NaiveDate,
) -> Result<Option<Param<T>>, PolicyError> {
    match resolve(city, name, versions, on) {
        Ok(p) => Ok(Some(p)),
        Err(PolicyError::NotDefined { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

crate::ids::stable_ids! {
    /// Names of the single-value parameters, for [`param_u32`]. The id is the parameter's name
    /// in the policy files, the traces and the API, and a text's placeholder for its value.
    pub enum NumericParam {
        /// [`Policy::application_natural_days`].
        ApplicationNaturalDays = "application_natural_days",
        /// [`Policy::replacement_working_days`].
        ReplacementWorkingDays = "replacement_working_days",
        /// [`Policy::instant_minutes`].
        InstantMinutes = "instant_minutes",
        /// [`Policy::temp_loss_auto_lift_days`].
        TempLossAutoLiftDays = "temp_loss_auto_lift_days",
        /// [`Policy::bank_change_cooldown_months`].
        BankChangeCooldownMonths = "bank_change_cooldown_months",
        /// [`Policy::renewal_window_days`].
        RenewalWindowDays = "renewal_window_days",
        /// [`Policy::employer_return_days`].
        EmployerReturnDays = "employer_return_days",
        /// [`Policy::elderly_age_months`].
        ElderlyAgeMonths = "elderly_age_months",
        /// [`Policy::minor_age_years`].
        MinorAgeYears = "minor_age_years",
    }
}

/// A value of a city's [`Policy`] that a row of a table shows (the rules explorer lists them
/// all, [`PolicyParam::ALL`]), each with its label in every locale. The numeric ones are
/// [`NumericParam`]s, so every id is written once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyParam {
    /// [`Policy::phase`].
    Phase,
    /// [`Policy::bank_count`].
    BankCount,
    /// [`Policy::individual_application_open`].
    IndividualApplicationOpen,
    /// [`Policy::collective_application`].
    CollectiveApplication,
    /// [`Policy::transit_included_in_production`].
    TransitIncludedInProduction,
    /// A numeric value.
    Number(NumericParam),
}

impl PolicyParam {
    /// Every value a table shows, in its order.
    pub const ALL: [PolicyParam; 14] = [
        Self::Phase,
        Self::BankCount,
        Self::IndividualApplicationOpen,
        Self::CollectiveApplication,
        Self::Number(NumericParam::ApplicationNaturalDays),
        Self::Number(NumericParam::ReplacementWorkingDays),
        Self::Number(NumericParam::InstantMinutes),
        Self::TransitIncludedInProduction,
        Self::Number(NumericParam::TempLossAutoLiftDays),
        Self::Number(NumericParam::BankChangeCooldownMonths),
        Self::Number(NumericParam::RenewalWindowDays),
        Self::Number(NumericParam::EmployerReturnDays),
        Self::Number(NumericParam::ElderlyAgeMonths),
        Self::Number(NumericParam::MinorAgeYears),
    ];

    /// The parameter's name in the policy files, the traces, the API and the texts' tables.
    pub const fn id(self) -> &'static str {
        match self {
            Self::Phase => "phase",
            Self::BankCount => "bank_count",
            Self::IndividualApplicationOpen => "individual_application_open",
            Self::CollectiveApplication => "collective_application",
            Self::TransitIncludedInProduction => "transit_included_in_production",
            Self::Number(n) => n.id(),
        }
    }
}

/// A policy value as a table shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamValue {
    /// A count, a limit or an age.
    Number(u32),
    /// Yes or no.
    YesNo(bool),
    /// The programme's phase.
    Phase(Phase),
}

impl Policy {
    /// The value of `param` with its source and valid-from date; `None` when the sources give
    /// the city none.
    pub fn value_of(&self, param: PolicyParam) -> Option<Param<ParamValue>> {
        fn shown<T: Clone>(p: &Param<T>, value: impl Fn(T) -> ParamValue) -> Param<ParamValue> {
            Param {
                value: value(p.value.clone()),
                valid_from: p.valid_from,
                citation: p.citation.clone(),
            }
        }
        let number = |p: &Option<Param<u32>>| p.as_ref().map(|p| shown(p, ParamValue::Number));
        match param {
            PolicyParam::Phase => Some(shown(&self.phase, ParamValue::Phase)),
            PolicyParam::BankCount => Some(shown(&self.bank_count, ParamValue::Number)),
            PolicyParam::IndividualApplicationOpen => {
                Some(shown(&self.individual_application_open, ParamValue::YesNo))
            }
            PolicyParam::CollectiveApplication => {
                Some(shown(&self.collective_application, ParamValue::YesNo))
            }
            PolicyParam::TransitIncludedInProduction => self
                .transit_included_in_production
                .as_ref()
                .map(|p| shown(p, ParamValue::YesNo)),
            PolicyParam::Number(n) => match n {
                NumericParam::ApplicationNaturalDays => number(&self.application_natural_days),
                NumericParam::ReplacementWorkingDays => number(&self.replacement_working_days),
                NumericParam::InstantMinutes => number(&self.instant_minutes),
                NumericParam::TempLossAutoLiftDays => number(&self.temp_loss_auto_lift_days),
                NumericParam::BankChangeCooldownMonths => number(&self.bank_change_cooldown_months),
                NumericParam::RenewalWindowDays => number(&self.renewal_window_days),
                NumericParam::EmployerReturnDays => number(&self.employer_return_days),
                NumericParam::ElderlyAgeMonths => number(&self.elderly_age_months),
                NumericParam::MinorAgeYears => {
                    Some(shown(&self.minor_age_years, ParamValue::Number))
                }
            },
        }
    }
}

/// One numeric policy value of a city on a date, without building the whole [`Policy`].
pub fn param_u32(
    city: City,
    which: NumericParam,
    on: NaiveDate,
) -> Result<Param<u32>, PolicyError> {
    let d = city_data(city);
    let versions = match which {
        NumericParam::ApplicationNaturalDays => application_natural_days_versions(city),
        NumericParam::ReplacementWorkingDays => d.replacement_working_days,
        NumericParam::InstantMinutes => d.instant_minutes,
        NumericParam::TempLossAutoLiftDays => d.temp_loss_auto_lift_days,
        NumericParam::BankChangeCooldownMonths => d.bank_change_cooldown_months,
        NumericParam::RenewalWindowDays => d.renewal_window_days,
        NumericParam::EmployerReturnDays => d.employer_return_days,
        NumericParam::ElderlyAgeMonths => d.elderly_age_months,
        NumericParam::MinorAgeYears => minor_age_years_versions(city),
    };
    resolve(city, which.id(), versions, on)
}

/// The programme phase of a city on a date.
pub fn phase(city: City, on: NaiveDate) -> Result<Param<Phase>, PolicyError> {
    resolve(city, PolicyParam::Phase.id(), city_data(city).phase, on)
}

/// Whether individuals may apply on their own on a date.
pub fn individual_application_open(city: City, on: NaiveDate) -> Result<Param<bool>, PolicyError> {
    resolve(
        city,
        PolicyParam::IndividualApplicationOpen.id(),
        city_data(city).individual_application_open,
        on,
    )
}

/// Whether employers may apply for their staff on a date.
pub fn collective_application(city: City, on: NaiveDate) -> Result<Param<bool>, PolicyError> {
    resolve(
        city,
        PolicyParam::CollectiveApplication.id(),
        city_data(city).collective_application,
        on,
    )
}

/// Who pays postage, if the seeds say.
pub fn courier_fee(city: City, on: NaiveDate) -> Result<Option<Param<CourierFee>>, PolicyError> {
    // Not in `CityData` (a static of its own): the app's progress page reads it.
    resolve_opt(city, "courier_fee", courier_fee_versions(city), on)
}

/// The production limit of an application (申领) in natural days, if the seeds give one; the
/// same value as `param_u32(city, NumericParam::ApplicationNaturalDays, on)`, without reading
/// the rest of the city's data.
pub fn application_natural_days(
    city: City,
    on: NaiveDate,
) -> Result<Option<Param<u32>>, PolicyError> {
    resolve_opt(
        city,
        NumericParam::ApplicationNaturalDays.id(),
        application_natural_days_versions(city),
        on,
    )
}

/// The age under which a person is a minor, for whom a guardian acts; the same value as
/// `param_u32(city, NumericParam::MinorAgeYears, on)`, without reading the rest of the city's
/// data (every page's texts name it).
pub fn minor_age_years(city: City, on: NaiveDate) -> Result<Param<u32>, PolicyError> {
    resolve(
        city,
        NumericParam::MinorAgeYears.id(),
        minor_age_years_versions(city),
        on,
    )
}

/// The city's service hotline, if the seeds name one (Shanghai's and Urumqi's do not).
pub fn hotline(city: City, on: NaiveDate) -> Result<Option<Param<&'static str>>, PolicyError> {
    // Not in `CityData` (generated as a static of its own): the app's start page and footer
    // read the hotline, and each city's data as a whole is much larger. The seeds name no
    // hotline for Shanghai (003) or Urumqi (004).
    resolve_opt(city, "hotline", hotline_versions(city), on)
}

/// Whether production limits include postal transit, if the seeds say.
pub fn transit_included(city: City, on: NaiveDate) -> Result<Option<Param<bool>>, PolicyError> {
    resolve_opt(
        city,
        PolicyParam::TransitIncludedInProduction.id(),
        city_data(city).transit_included,
        on,
    )
}

/// The cooperating banks of a city on a date.
pub fn banks(city: City, on: NaiveDate) -> Result<Param<Vec<BankInfo>>, PolicyError> {
    let p = resolve(city, "banks", city_data(city).banks, on)?;
    let list = p
        .value
        .iter()
        .map(|e| BankInfo {
            bank: e.bank,
            name_zh: Cow::Borrowed(e.bank.name_zh()),
            name_en: Cow::Borrowed(e.bank.name_en()),
            posts_cards: e.posts_cards,
            remote_replacement: e.remote,
            citation: p.citation.clone(),
        })
        .collect();
    Ok(Param {
        value: list,
        valid_from: p.valid_from,
        citation: p.citation,
    })
}

/// The channel offers of a city valid on a date.
pub(crate) fn offer_rows(city: City, on: NaiveDate) -> impl Iterator<Item = &'static OfferRow> {
    city_data(city)
        .offers
        .iter()
        .flat_map(|part| part.iter())
        .filter(move |r| r.from <= on && r.until.is_none_or(|u| on < u))
}

/// The full policy of `city` on `on`.
///
/// Fails with [`PolicyError::BeforeValidity`] when `on` is before the city's first known rule.
pub fn policy(city: City, on: NaiveDate) -> Result<Policy, PolicyError> {
    let d = city_data(city);
    let u = |name: NumericParam| -> Result<Option<Param<u32>>, PolicyError> {
        match param_u32(city, name, on) {
            Ok(p) => Ok(Some(p)),
            Err(PolicyError::NotDefined { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    };
    let banks = banks(city, on)?;
    Ok(Policy {
        city,
        as_of: on,
        phase: phase(city, on)?,
        banks,
        bank_count: resolve(city, PolicyParam::BankCount.id(), d.bank_count, on)?,
        individual_application_open: individual_application_open(city, on)?,
        collective_application: collective_application(city, on)?,
        application_natural_days: u(NumericParam::ApplicationNaturalDays)?,
        replacement_working_days: u(NumericParam::ReplacementWorkingDays)?,
        instant_minutes: u(NumericParam::InstantMinutes)?,
        transit_included_in_production: transit_included(city, on)?,
        courier_fee: courier_fee(city, on)?,
        temp_loss_auto_lift_days: u(NumericParam::TempLossAutoLiftDays)?,
        bank_change_cooldown_months: u(NumericParam::BankChangeCooldownMonths)?,
        renewal_window_days: u(NumericParam::RenewalWindowDays)?,
        employer_return_days: u(NumericParam::EmployerReturnDays)?,
        elderly_age_months: u(NumericParam::ElderlyAgeMonths)?,
        minor_age_years: param_u32(city, NumericParam::MinorAgeYears, on)?,
        hotline: hotline(city, on)?.map(|p| Param {
            value: Cow::Borrowed(p.value),
            valid_from: p.valid_from,
            citation: p.citation,
        }),
        offers: offer_rows(city, on).map(OfferRow::to_offer).collect(),
    })
}

/// The first date for which the city has a policy.
pub fn first_valid_date(city: City) -> NaiveDate {
    city_data(city)
        .phase
        .first()
        .map_or(NaiveDate::MAX, |v| v.from)
}

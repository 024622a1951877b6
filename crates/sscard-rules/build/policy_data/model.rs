//! The shape of a city data file, exactly as written (names not yet resolved).
//!
//! `deny_unknown_fields` everywhere: a misspelt key is an error, never a silently missing
//! value.

use std::collections::BTreeMap;

use serde::Deserialize;

/// A whole `policy/<city>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CityFile {
    /// The city id (`City::id()`); must equal the file name.
    pub city: String,
    /// Named dates (`pilot = "2024-01-31"`), so a programme date is written once.
    #[serde(default)]
    pub dates: BTreeMap<String, String>,
    /// Named citations, referred to by name from values and offers.
    #[serde(default)]
    pub citations: BTreeMap<String, CitationSpec>,
    /// The dated parameters.
    pub values: Values,
    /// Which channel offers (or refuses) which service, in the order they are listed.
    #[serde(default)]
    pub offers: Vec<OfferSpec>,
}

/// A citation: a seed line with its quote, or a decision of `DECISIONS.md`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CitationSpec {
    /// Seed file name, e.g. `003_0ffdcf4be2cfbd9c.txt`.
    pub source: Option<String>,
    /// Locator inside the seed (`Q13`, `问答(七)`, `¶`).
    pub locator: Option<String>,
    /// 1-based line of the seed.
    pub line: Option<u32>,
    /// Verbatim excerpt of that line.
    pub quote: Option<String>,
    /// A decision id such as `D3` (then no other key).
    pub decision: Option<String>,
}

/// A `cite` key: the name of a citation of `[citations]`, or a citation written in place.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum CiteRef {
    /// `cite = "BANKS_L19"`.
    Named(String),
    /// `cite = { decision = "D3" }`.
    Inline(CitationSpec),
}

/// One dated version of a value.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VersionSpec<T> {
    /// A date (`2024-01-31`) or the name of one in `[dates]`.
    pub from: String,
    /// The value from that date on.
    pub value: T,
    /// Where it comes from (required: a value without a source is refused).
    pub cite: CiteRef,
}

/// A cooperating bank of the city.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankSpec {
    /// `Bank` id, e.g. `icbc`.
    pub bank: String,
    /// Whether its cards can be posted in this city.
    pub posts_cards: bool,
    /// Whether it is offered for remote replacement by post (Urumqi).
    pub remote_replacement: bool,
}

/// Every dated parameter; an absent key means the sources give no value.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Values {
    #[serde(default)]
    pub phase: Vec<VersionSpec<String>>,
    #[serde(default)]
    pub banks: Vec<VersionSpec<Vec<BankSpec>>>,
    #[serde(default)]
    pub bank_count: Vec<VersionSpec<u32>>,
    #[serde(default)]
    pub individual_application_open: Vec<VersionSpec<bool>>,
    #[serde(default)]
    pub collective_application: Vec<VersionSpec<bool>>,
    #[serde(default)]
    pub application_natural_days: Vec<VersionSpec<u32>>,
    #[serde(default)]
    pub replacement_working_days: Vec<VersionSpec<u32>>,
    #[serde(default)]
    pub instant_minutes: Vec<VersionSpec<u32>>,
    #[serde(default)]
    pub transit_included: Vec<VersionSpec<bool>>,
    #[serde(default)]
    pub courier_fee: Vec<VersionSpec<String>>,
    #[serde(default)]
    pub temp_loss_auto_lift_days: Vec<VersionSpec<u32>>,
    #[serde(default)]
    pub bank_change_cooldown_months: Vec<VersionSpec<u32>>,
    #[serde(default)]
    pub renewal_window_days: Vec<VersionSpec<u32>>,
    #[serde(default)]
    pub employer_return_days: Vec<VersionSpec<u32>>,
    #[serde(default)]
    pub elderly_age_months: Vec<VersionSpec<u32>>,
    #[serde(default)]
    pub minor_age_years: Vec<VersionSpec<u32>>,
    #[serde(default)]
    pub hotline: Vec<VersionSpec<String>>,
}

/// One offer row (or several: one per entry of `channels`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfferSpec {
    /// `Service` id.
    pub service: String,
    /// `Channel` id; exactly one of `channel` and `channels`.
    pub channel: Option<String>,
    /// Several channels with the same offer, expanded in this order.
    pub channels: Option<Vec<String>>,
    /// `false` when the sources say the channel does not offer the service.
    #[serde(default = "yes")]
    pub offered: bool,
    /// `OfferCondition` ids.
    #[serde(default)]
    pub conditions: Vec<String>,
    /// First date of the offer.
    pub from: String,
    /// First date it no longer applies, if it ends.
    pub until: Option<String>,
    /// Where it comes from.
    pub cite: CiteRef,
}

fn yes() -> bool {
    true
}

//! The checks a city data file must pass, and the resolved form they produce.
//!
//! Every problem is collected (not just the first) as `file: key: problem`.

use std::collections::{BTreeMap, BTreeSet};

use super::model::{BankSpec, CitationSpec, CiteRef, CityFile, OfferSpec, VersionSpec};
use super::names::Known;

/// Parameters a [`Policy`](crate::policy::Policy) cannot do without (its non-`Option` fields).
const REQUIRED: &[&str] = &[
    "phase",
    "banks",
    "bank_count",
    "individual_application_open",
    "collective_application",
    "minor_age_years",
];

/// A calendar date, ordered by year, month, day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A checked citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cite {
    /// A seed line: source file, locator, line, quote.
    Seed {
        source: String,
        locator: String,
        line: u32,
        quote: String,
    },
    /// A decision of `DECISIONS.md`.
    Decision(String),
}

/// One checked dated value: `value` is already a Rust expression.
#[derive(Debug, Clone)]
pub struct Version {
    pub from: Date,
    pub value: String,
    /// Index into [`Checked::citations`].
    pub cite: usize,
}

/// One checked offer row (a `channels` list is already expanded).
#[derive(Debug, Clone)]
pub struct Offer {
    pub service: String,
    pub channel: String,
    pub offered: bool,
    pub conditions: Vec<String>,
    pub from: Date,
    pub until: Option<Date>,
    pub cite: usize,
}

/// A data file that passed every check, ready for [`generate`](super::generate).
#[derive(Debug)]
pub struct Checked {
    /// The city id.
    pub city: String,
    /// Citations in first-use order: (name in the file or `inline`, citation).
    pub citations: Vec<(String, Cite)>,
    /// Each parameter by its `CityData` field name, in `CityData` order; empty = not given.
    pub params: Vec<(&'static str, Vec<Version>)>,
    /// Offer rows in file order.
    pub offers: Vec<Offer>,
    /// The FNV-1a hash of the file's text (16 hex digits): the revision of its data.
    pub revision: String,
}

/// Collects problems and resolves names while walking one file.
struct Checker<'a> {
    file: &'a str,
    known: &'a Known,
    dates: BTreeMap<String, Date>,
    named: BTreeMap<String, CitationSpec>,
    used: BTreeSet<String>,
    citations: Vec<(String, Cite)>,
    errors: Vec<String>,
}

/// Checks a parsed file against `known` names; `stem` is the file name without `.toml`.
pub fn check(file: &str, stem: &str, raw: CityFile, known: &Known) -> Result<Checked, Vec<String>> {
    let mut c = Checker {
        file,
        known,
        dates: BTreeMap::new(),
        named: raw.citations.clone(),
        used: BTreeSet::new(),
        citations: Vec::new(),
        errors: Vec::new(),
    };
    if raw.city != stem {
        c.err(
            "city",
            format!("`{}` differs from the file name `{stem}`", raw.city),
        );
    }
    // Whether `City` has this id is build.rs's check (every file a city, every city a file):
    // a fixture city in the tests has none.
    if !is_ident(&raw.city, |ch| ch.is_ascii_lowercase()) {
        c.err(
            "city",
            "a city id is a lowercase word such as `shanghai`".into(),
        );
    }
    for (name, text) in &raw.dates {
        let key = format!("dates.{name}");
        if parse_date(name).is_some() || !is_ident(name, |ch| ch.is_ascii_lowercase()) {
            c.err(
                &key,
                "a date name is a lowercase word such as `pilot`".into(),
            );
        }
        match parse_date(text) {
            Some(d) => {
                c.dates.insert(name.clone(), d);
            }
            None => c.err(&key, format!("`{text}` is not a real date YYYY-MM-DD")),
        }
    }
    for name in raw.citations.keys() {
        if !is_ident(name, |ch| ch.is_ascii_uppercase()) {
            c.err(
                &format!("citations.{name}"),
                "a citation name is UPPER_SNAKE_CASE such as `BANKS_Q6`".into(),
            );
        }
    }

    let v = raw.values;
    let mut params = vec![
        (
            "phase",
            c.versions("phase", &v.phase, |c, k, s| c.enum_id(k, "Phase", s)),
        ),
        (
            "banks",
            c.versions("banks", &v.banks, |c, k, b| c.banks(k, b)),
        ),
        (
            "bank_count",
            c.versions("bank_count", &v.bank_count, u32_expr),
        ),
        (
            "individual_application_open",
            c.versions(
                "individual_application_open",
                &v.individual_application_open,
                bool_expr,
            ),
        ),
        (
            "collective_application",
            c.versions(
                "collective_application",
                &v.collective_application,
                bool_expr,
            ),
        ),
    ];
    for (name, list) in [
        ("application_natural_days", &v.application_natural_days),
        ("replacement_working_days", &v.replacement_working_days),
        ("instant_minutes", &v.instant_minutes),
    ] {
        params.push((name, c.versions(name, list, u32_expr)));
    }
    params.push((
        "transit_included",
        c.versions("transit_included", &v.transit_included, bool_expr),
    ));
    params.push((
        "courier_fee",
        c.versions("courier_fee", &v.courier_fee, |c, k, s| {
            c.enum_id(k, "CourierFee", s)
        }),
    ));
    for (name, list) in [
        ("temp_loss_auto_lift_days", &v.temp_loss_auto_lift_days),
        (
            "bank_change_cooldown_months",
            &v.bank_change_cooldown_months,
        ),
        ("renewal_window_days", &v.renewal_window_days),
        ("employer_return_days", &v.employer_return_days),
        ("elderly_age_months", &v.elderly_age_months),
        ("minor_age_years", &v.minor_age_years),
    ] {
        params.push((name, c.versions(name, list, u32_expr)));
    }
    params.push((
        "hotline",
        c.versions("hotline", &v.hotline, |c, k, s| c.text(k, s)),
    ));

    for (name, list) in &params {
        if list.is_empty() && REQUIRED.contains(name) {
            c.err(&format!("values.{name}"), "required, and missing".into());
        }
    }
    let offers = c.offers(&raw.offers);

    // Nothing may apply before the city's programme starts: `first_valid_date` is the first
    // phase, and a value before it would be unreachable through `policy()`.
    if let Some(start) = params[0].1.first().map(|v| v.from) {
        for (name, list) in &params {
            if let Some(first) = list.first().filter(|v| v.from < start) {
                c.err(
                    &format!("values.{name}[0].from"),
                    format!("{} is before the first phase ({start})", first.from),
                );
            }
        }
        for (i, o) in offers.iter().enumerate() {
            if o.from < start {
                c.err(
                    &format!("offers[{i}].from"),
                    format!("{} is before the first phase ({start})", o.from),
                );
            }
        }
    }
    for name in raw.citations.keys() {
        if !c.used.contains(name) {
            c.err(
                &format!("citations.{name}"),
                "defined but never cited".into(),
            );
        }
    }

    if c.errors.is_empty() {
        Ok(Checked {
            city: raw.city,
            citations: c.citations,
            params,
            offers,
            revision: String::new(),
        })
    } else {
        Err(c.errors)
    }
}

impl Checker<'_> {
    fn err(&mut self, key: &str, problem: String) {
        self.errors.push(format!("{}: {key}: {problem}", self.file));
    }

    /// Checks a list of versions: each date, each value (by `value`), each citation, and
    /// that the dates strictly increase.
    fn versions<T>(
        &mut self,
        name: &str,
        list: &[VersionSpec<T>],
        value: impl Fn(&mut Self, &str, &T) -> String,
    ) -> Vec<Version> {
        let mut out: Vec<Version> = Vec::new();
        for (i, spec) in list.iter().enumerate() {
            let key = format!("values.{name}[{i}]");
            let from = self.date(&format!("{key}.from"), &spec.from);
            let expr = value(self, &format!("{key}.value"), &spec.value);
            let cite = self.cite(&format!("{key}.cite"), &spec.cite);
            if let (Some(prev), Some(from)) = (out.last(), from)
                && from <= prev.from
            {
                self.err(
                    &format!("{key}.from"),
                    format!(
                        "{from} must be after the previous version's {} (values.{name}[{}].from)",
                        prev.from,
                        i - 1
                    ),
                );
            }
            if let (Some(from), Some(cite)) = (from, cite) {
                out.push(Version {
                    from,
                    value: expr,
                    cite,
                });
            }
        }
        out
    }

    fn offers(&mut self, list: &[OfferSpec]) -> Vec<Offer> {
        let mut out = Vec::new();
        for (i, spec) in list.iter().enumerate() {
            let key = format!("offers[{i}]");
            let service = self.enum_id(&format!("{key}.service"), "Service", &spec.service);
            let channels: Vec<&String> = match (&spec.channel, &spec.channels) {
                (Some(one), None) => vec![one],
                (None, Some(many)) if !many.is_empty() => many.iter().collect(),
                _ => {
                    self.err(&key, "give exactly one of `channel` and `channels`".into());
                    Vec::new()
                }
            };
            let mut conditions = Vec::new();
            for (j, id) in spec.conditions.iter().enumerate() {
                if spec.conditions[..j].contains(id) {
                    self.err(&format!("{key}.conditions[{j}]"), format!("`{id}` twice"));
                }
                conditions.push(self.enum_id(
                    &format!("{key}.conditions[{j}]"),
                    "OfferCondition",
                    id,
                ));
            }
            let from = self.date(&format!("{key}.from"), &spec.from);
            let until = spec
                .until
                .as_ref()
                .map(|u| self.date(&format!("{key}.until"), u));
            if let (Some(f), Some(Some(u))) = (from, until)
                && u <= f
            {
                self.err(
                    &format!("{key}.until"),
                    format!("{u} is not after from ({f})"),
                );
            }
            let cite = self.cite(&format!("{key}.cite"), &spec.cite);
            for (j, ch) in channels.into_iter().enumerate() {
                let ch_key = match spec.channels {
                    Some(_) => format!("{key}.channels[{j}]"),
                    None => format!("{key}.channel"),
                };
                let channel = self.enum_id(&ch_key, "Channel", ch);
                if let (Some(from), Some(cite)) = (from, cite) {
                    out.push(Offer {
                        service: service.clone(),
                        channel,
                        offered: spec.offered,
                        conditions: conditions.clone(),
                        from,
                        until: until.flatten(),
                        cite,
                    });
                }
            }
        }
        out
    }

    fn banks(&mut self, key: &str, list: &[BankSpec]) -> String {
        let mut rows = Vec::new();
        for (j, b) in list.iter().enumerate() {
            if list[..j].iter().any(|x| x.bank == b.bank) {
                self.err(&format!("{key}[{j}].bank"), format!("`{}` twice", b.bank));
            }
            let bank = self.enum_id(&format!("{key}[{j}].bank"), "Bank", &b.bank);
            rows.push(format!(
                "crate::policy::BankEntry {{ bank: {bank}, posts_cards: {}, remote: {} }}",
                b.posts_cards, b.remote_replacement
            ));
        }
        format!("&[{}]", rows.join(", "))
    }

    fn text(&mut self, key: &str, s: &str) -> String {
        if s.trim().is_empty() {
            self.err(key, "empty".into());
        }
        format!("{s:?}")
    }

    /// The Rust path of an enum variant, or an error listing the valid ids.
    fn enum_id(&mut self, key: &str, enum_name: &str, id: &str) -> String {
        self.known.variant(enum_name, id).unwrap_or_else(|e| {
            self.err(key, e);
            String::new()
        })
    }

    fn date(&mut self, key: &str, text: &str) -> Option<Date> {
        let d = parse_date(text).or_else(|| self.dates.get(text).copied());
        if d.is_none() {
            self.err(
                key,
                format!("`{text}` is neither a date YYYY-MM-DD nor a name in [dates]"),
            );
        }
        d
    }

    /// Resolves a `cite`, checks the citation is complete, and returns its index.
    fn cite(&mut self, key: &str, r: &CiteRef) -> Option<usize> {
        let (name, spec) = match r {
            CiteRef::Named(name) => match self.named.get(name) {
                Some(spec) => {
                    self.used.insert(name.clone());
                    (name.clone(), spec.clone())
                }
                None => {
                    self.err(key, format!("no citation `{name}` in [citations]"));
                    return None;
                }
            },
            CiteRef::Inline(spec) => (String::from("inline"), spec.clone()),
        };
        if name != "inline"
            && let Some(i) = self.citations.iter().position(|(n, _)| *n == name)
        {
            return Some(i);
        }
        let cite = self.citation(key, &spec)?;
        self.citations.push((name, cite));
        Some(self.citations.len() - 1)
    }

    fn citation(&mut self, key: &str, s: &CitationSpec) -> Option<Cite> {
        match s {
            CitationSpec {
                decision: Some(id),
                source: None,
                locator: None,
                line: None,
                quote: None,
            } => {
                if !self.known.has_decision(id) {
                    self.err(key, format!("decision `{id}` is not in DECISIONS.md"));
                    return None;
                }
                Some(Cite::Decision(id.clone()))
            }
            CitationSpec {
                decision: None,
                source: Some(source),
                locator: Some(locator),
                line: Some(line),
                quote: Some(quote),
            } if *line >= 1
                && source.ends_with(".txt")
                && !locator.trim().is_empty()
                && !quote.trim().is_empty() =>
            {
                Some(Cite::Seed {
                    source: source.clone(),
                    locator: locator.clone(),
                    line: *line,
                    quote: quote.clone(),
                })
            }
            _ => {
                self.err(
                    key,
                    "a citation is either { decision = \"D..\" } or a seed line with all of \
                     source (a .txt seed), locator, line (>= 1) and a non-empty quote"
                        .into(),
                );
                None
            }
        }
    }
}

fn u32_expr(_: &mut Checker<'_>, _: &str, n: &u32) -> String {
    n.to_string()
}

fn bool_expr(_: &mut Checker<'_>, _: &str, b: &bool) -> String {
    b.to_string()
}

fn is_ident(name: &str, case: impl Fn(char) -> bool) -> bool {
    name.starts_with(|ch: char| ch.is_ascii_alphabetic())
        && name
            .chars()
            .all(|ch| ch == '_' || ch.is_ascii_digit() || case(ch))
}

/// `YYYY-MM-DD` of a real calendar day.
fn parse_date(text: &str) -> Option<Date> {
    let mut parts = text.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (year, month, day): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days)
        .contains(&day)
        .then_some(Date { year, month, day })
}

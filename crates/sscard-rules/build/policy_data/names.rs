//! The names a data file may use, read from the crate's own sources.
//!
//! Reading them from `src/` (rather than listing them again here) keeps one place to add a
//! channel or a condition; the data file can then name it, and a misspelt id fails the build
//! with the list of valid ones instead of a compile error in generated code.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Where each enum a data file names is declared: (source file, enum, Rust path).
const ENUMS: &[(&str, &str, &str)] = &[
    ("src/ids.rs", "City", "crate::ids::City"),
    ("src/ids.rs", "Bank", "crate::ids::Bank"),
    ("src/ids.rs", "Channel", "crate::ids::Channel"),
    ("src/ids.rs", "Service", "crate::ids::Service"),
    (
        "src/channels.rs",
        "OfferCondition",
        "crate::channels::OfferCondition",
    ),
    ("src/policy/mod.rs", "Phase", "crate::policy::Phase"),
    (
        "src/policy/mod.rs",
        "CourierFee",
        "crate::policy::CourierFee",
    ),
];

/// The decisions a `decision = "D.."` citation may name.
const DECISIONS_FILE: &str = "DECISIONS.md";

/// Valid ids of the enums and decisions, as declared in the crate.
#[derive(Debug)]
pub struct Known {
    /// Enum name → (stable id → Rust path of the variant).
    enums: BTreeMap<&'static str, BTreeMap<String, String>>,
    /// Decision ids of `DECISIONS.md` (`D1`, `D2`, …).
    decisions: BTreeSet<String>,
}

impl Known {
    /// Reads the enums and decisions of the crate rooted at `crate_dir`.
    pub fn from_crate(crate_dir: &Path) -> Result<Self, String> {
        let mut enums = BTreeMap::new();
        for &(file, name, path) in ENUMS {
            let text = read(&crate_dir.join(file))?;
            let ids = enum_ids(&text, name, path)
                .ok_or_else(|| format!("{file}: no `pub enum {name}` with variants found"))?;
            enums.insert(name, ids);
        }
        let decisions = decision_ids(&read(&crate_dir.join(DECISIONS_FILE))?);
        Ok(Self { enums, decisions })
    }

    /// The files read by [`Known::from_crate`], for `cargo:rerun-if-changed`.
    pub fn sources(crate_dir: &Path) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = ENUMS.iter().map(|e| crate_dir.join(e.0)).collect();
        files.push(crate_dir.join(DECISIONS_FILE));
        files.dedup();
        files
    }

    /// The Rust path of the variant of `enum_name` whose stable id is `id`, or a message
    /// listing the valid ids.
    pub fn variant(&self, enum_name: &str, id: &str) -> Result<String, String> {
        let ids = &self.enums[enum_name];
        ids.get(id).cloned().ok_or_else(|| {
            let valid: Vec<&str> = ids.keys().map(String::as_str).collect();
            format!("unknown {enum_name} `{id}` (one of: {})", valid.join(", "))
        })
    }

    /// Whether `DECISIONS.md` records decision `id`.
    pub fn has_decision(&self, id: &str) -> bool {
        self.decisions.contains(id)
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Variants of `pub enum {name} { … }`: either `Variant = "id",` (the `stable_ids!` enums)
/// or a plain `Variant,` whose id is its snake_case name (serde `rename_all = "snake_case"`).
fn enum_ids(text: &str, name: &str, path: &str) -> Option<BTreeMap<String, String>> {
    let header = format!("pub enum {name} {{");
    let start = text.find(&header)? + header.len();
    let body = &text[start..start + text[start..].find('}')?];
    let mut ids = BTreeMap::new();
    for line in body.lines().map(str::trim) {
        if line.is_empty() || line.starts_with("//") || line.starts_with('#') {
            continue;
        }
        let line = line.trim_end_matches(',');
        let (variant, id) = match line.split_once('=') {
            Some((v, id)) => (v.trim(), id.trim().trim_matches('"').to_owned()),
            None => (line, snake_case(line)),
        };
        if !variant.chars().all(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        ids.insert(id, format!("{path}::{variant}"));
    }
    (!ids.is_empty()).then_some(ids)
}

/// `MassChangeover` → `mass_changeover`, as serde's `rename_all = "snake_case"` does.
fn snake_case(variant: &str) -> String {
    let mut out = String::new();
    for (i, c) in variant.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// Decision ids of `DECISIONS.md`, each opening its paragraph as `**D12 — …`.
fn decision_ids(text: &str) -> BTreeSet<String> {
    text.split("**D")
        .skip(1)
        .filter_map(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            (!digits.is_empty()).then(|| format!("D{digits}"))
        })
        .collect()
}

impl Known {
    /// The stable ids of `enum_name`, e.g. every `City` id.
    pub fn ids(&self, enum_name: &str) -> impl Iterator<Item = &str> {
        self.enums[enum_name].keys().map(String::as_str)
    }
}

//! Newer policy published without a new build: `--policy-dir` holds a `<city>.json` document
//! (as `GET /api/v1/policy/{city}/document` serves it) for each city whose rules changed, and
//! `calendar.json` (the shape of `GET /api/v1/policy/calendar`) when the State Council has
//! published a schedule since the build.
//!
//! Each document is checked by the rules crate and installed before the server answers
//! anything, so the server decides with it, serves it, and tells every app built with older
//! data (the `sscard-policy` header) to take it. A document that does not pass, or a file that
//! names no city, stops the start: rules half-applied would be worse than the old ones.

use std::path::Path;

use sscard_rules::{City, PolicyDocument};

/// The file of newer calendar data in the policy directory.
const CALENDAR_FILE: &str = "calendar.json";

/// Installs the documents in `dir`; returns the cities whose rules changed.
pub fn install_from(dir: &Path) -> Result<Vec<City>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("policy directory {}: {e}", dir.display()))?;
    let mut changed = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| format!("policy directory {}: {e}", dir.display()))?
            .path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        if name == CALENDAR_FILE {
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            sscard_rules::Calendar::install(text)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            continue;
        }
        // A misspelt file name must not leave a city on its old rules unnoticed.
        let city = name
            .strip_suffix(".json")
            .and_then(City::from_id)
            .ok_or_else(|| {
                let known: Vec<String> = City::ALL
                    .iter()
                    .map(|c| format!("{c}.json"))
                    .chain([CALENDAR_FILE.to_owned()])
                    .collect();
                format!(
                    "{}: not a city's policy document (one of: {})",
                    path.display(),
                    known.join(", ")
                )
            })?;
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let document: PolicyDocument =
            serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        let current = PolicyDocument::current(city);
        if current.revision == document.revision && !same_content(&document, &current) {
            // An edited copy of the served document whose revision was not changed: apps
            // compare revisions only, so they would keep the old rules while the server
            // decided with the new ones.
            return Err(format!(
                "{}: other rules under the revision `{}` of the data already read: give the document a new revision",
                path.display(),
                document.revision
            ));
        }
        if sscard_rules::install(city, document).map_err(|e| format!("{}: {e}", path.display()))? {
            changed.push(city);
        }
    }
    changed.sort();
    Ok(changed)
}

/// Whether two documents hold the same data (compared as the JSON they are served as).
fn same_content(a: &PolicyDocument, b: &PolicyDocument) -> bool {
    serde_json::to_value(a).ok() == serde_json::to_value(b).ok()
}

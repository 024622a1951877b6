//! One city's policy data file: read it, check it, write it out as Rust `const` tables.
//!
//! Shared by `build.rs` (every file under `policy/`) and by `tests/policy_data.rs` (a
//! fixture city), so a new city's file goes through exactly the checks the shipped ones do.
//! Nothing here reaches the app: the app links only the generated tables, never a parser.

#[path = "../../src/revision.rs"]
pub mod revision;

mod generate;
mod model;
mod names;
mod validate;

pub use generate::all_cities;
pub use names::Known;
pub use validate::Checked;

/// Reads and checks the text of a data file. `file` names it in messages; `stem` is its
/// file name without `.toml`, the city id the file must declare.
///
/// Every problem is one line naming the file, the key and what is wrong, so a failed build
/// says where to look.
pub fn load(file: &str, stem: &str, text: &str, known: &Known) -> Result<Checked, Vec<String>> {
    let raw: model::CityFile = toml::from_str(text).map_err(|e| {
        // toml's message spans several lines (the offending line and a caret); keep it whole.
        vec![format!("{file}: {e}")]
    })?;
    let mut checked = validate::check(file, stem, raw, known)?;
    checked.revision = revision::fnv1a(text.as_bytes());
    Ok(checked)
}

//! Build step: the city policy data files (`policy/<city>.toml`) become the Rust tables
//! `src/policy/mod.rs` `include!`s (`$OUT_DIR/policy_cities.rs`): one module per city and
//! `city_data`, which maps every `City` to its tables.
//!
//! Why at build time: the app compiles this crate to wasm, and a TOML or JSON parser plus the
//! text would cost first-load bytes; generated `const`s cost what the hand-written ones did.
//! An invalid file fails the build with one line per problem: file, key, what is wrong.

// Shared with tests/policy_data.rs, which uses its own part of it.
#[allow(dead_code)]
#[path = "build/policy_data/mod.rs"]
mod policy_data;

use std::path::{Path, PathBuf};

fn main() {
    let crate_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    let policy_dir = crate_dir.join("policy");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=build");
    println!("cargo::rerun-if-changed={}", policy_dir.display());
    println!("cargo::rerun-if-changed=data/cn-workdays.json");
    println!("cargo::rerun-if-changed=src/revision.rs");
    for f in policy_data::Known::sources(&crate_dir) {
        println!("cargo::rerun-if-changed={}", f.display());
    }

    if let Err(problems) = run(&crate_dir, &policy_dir, &out_dir) {
        let plural = if problems.len() == 1 { "" } else { "s" };
        eprintln!("invalid policy data ({} problem{plural}):", problems.len());
        for p in &problems {
            eprintln!("  {p}");
        }
        std::process::exit(1);
    }
}

/// Checks and generates every city file; all problems of all files at once.
fn run(crate_dir: &Path, policy_dir: &Path, out_dir: &Path) -> Result<(), Vec<String>> {
    let known = policy_data::Known::from_crate(crate_dir).map_err(|e| vec![e])?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(policy_dir)
        .map_err(|e| vec![format!("{}: {e}", policy_dir.display())])?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();

    let cities: Vec<&str> = known.ids("City").collect();
    let mut problems = Vec::new();
    let mut checked = Vec::new();
    for path in &files {
        let shown = path
            .strip_prefix(crate_dir)
            .unwrap_or(path)
            .display()
            .to_string();
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        if !cities.contains(&stem) {
            problems.push(format!(
                "{shown}: no `City` with id `{stem}` in src/ids.rs (add the city there first)"
            ));
            continue;
        }
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                problems.push(format!("{shown}: {e}"));
                continue;
            }
        };
        match policy_data::load(&shown, stem, &text, &known) {
            Ok(c) => {
                let variant = known.variant("City", stem).map_err(|e| vec![e])?;
                checked.push((c, variant));
            }
            Err(mut p) => problems.append(&mut p),
        }
    }
    for city in cities {
        if !files
            .iter()
            .any(|f| f.file_stem().is_some_and(|s| s == city))
        {
            problems.push(format!(
                "policy/{city}.toml: missing; every `City` of src/ids.rs needs its policy data file"
            ));
        }
    }
    // The revisions of the embedded data: the calendar's computed the way an installed
    // calendar's is, and all of them as the server names them (`revisions()`), so an app
    // compares one string on every answer and parses nothing while they agree.
    let calendar = crate_dir.join("data/cn-workdays.json");
    match std::fs::read(&calendar) {
        Ok(bytes) => {
            let calendar_revision = policy_data::revision::fnv1a(&bytes);
            let all: Vec<String> = checked
                .iter()
                .map(|(c, _)| format!("{}={}", c.city, c.revision))
                .chain([format!("calendar={calendar_revision}")])
                .collect();
            let target = out_dir.join("revisions.rs");
            let code = format!(
                "/// The revision of `data/cn-workdays.json` (its FNV-1a hash), written by build.rs.\npub(crate) const EMBEDDED_CALENDAR_REVISION: &str = {calendar_revision:?};\n\n/// The revisions of the embedded data, as [`revisions`] writes them, written by build.rs.\npub const EMBEDDED_REVISIONS: &str = {:?};\n",
                all.join(",")
            );
            if let Err(e) = std::fs::write(&target, code) {
                problems.push(format!("{}: {e}", target.display()));
            }
            let target = out_dir.join("calendar_embedded.rs");
            match calendar_as_rust(&bytes) {
                Ok(code) => {
                    if let Err(e) = std::fs::write(&target, code) {
                        problems.push(format!("{}: {e}", target.display()));
                    }
                }
                Err(e) => problems.push(format!("{}: {e}", calendar.display())),
            }
        }
        Err(e) => problems.push(format!("{}: {e}", calendar.display())),
    }
    if problems.is_empty() {
        let target = out_dir.join("policy_cities.rs");
        std::fs::write(&target, policy_data::all_cities(&checked))
            .map_err(|e| vec![format!("{}: {e}", target.display())])?;
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// `data/cn-workdays.json` as Rust data (`src/calendar.rs` includes it): the app then reads the
/// embedded calendar without a JSON parser, which only a newer calendar fetched at run time
/// needs. Only the shape is read here; `Calendar::from_years` checks the dates, for this data as
/// for a newer one, and a test compares the result with `Calendar::from_json` of the file.
fn calendar_as_rust(bytes: &[u8]) -> Result<String, String> {
    use serde_json::Value;
    let json: Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    let text = |v: Option<&Value>, what: &str| -> Result<String, String> {
        match v {
            // A Rust string literal (absent: empty).
            None => Ok("\"\"".to_owned()),
            Some(Value::String(s)) => Ok(format!("{s:?}")),
            Some(_) => Err(format!("{what} is not a string")),
        }
    };
    let list = |v: Option<&Value>, what: &str| -> Result<Vec<Value>, String> {
        match v {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => Ok(items.clone()),
            Some(_) => Err(format!("{what} is not a list")),
        }
    };
    let source = text(json.get("source"), "source")?;
    let mut out = String::from(
        "// Written by build.rs from data/cn-workdays.json.\n\n/// The embedded data's `source`.\nconst EMBEDDED_SOURCE: &str = ",
    );
    out.push_str(&source);
    out.push_str(";\n\n/// The embedded data's years, as written.\nconst EMBEDDED_YEARS: &[RawYearRef<'static>] = &[\n");
    let years = json
        .get("years")
        .and_then(Value::as_object)
        .ok_or("`years` is not an object")?;
    for (key, year) in years {
        let published = year
            .get("published")
            .and_then(Value::as_bool)
            .ok_or(format!("years.{key}.published is not true or false"))?;
        let notice = text(year.get("notice"), "notice")?;
        let mut holidays = String::new();
        for h in list(year.get("holidays"), "holidays")? {
            // Required, as `Calendar::from_json` requires it.
            let date = match h.get("date") {
                Some(d @ Value::String(_)) => text(Some(d), "a holiday's date")?,
                _ => return Err(format!("years.{key}: a holiday without a date")),
            };
            let name = text(h.get("name"), "a holiday's name")?;
            holidays.push_str(&format!("({date}, {name}), "));
        }
        let mut makeup = String::new();
        for m in list(year.get("makeup_workdays"), "makeup_workdays")? {
            let date = m.as_str().ok_or("a make-up day is not a string")?;
            makeup.push_str(&format!("{date:?}, "));
        }
        out.push_str(&format!(
            "    RawYearRef {{ key: {key:?}, published: {published}, notice: {notice}, holidays: &[{holidays}], makeup_workdays: &[{makeup}] }},\n"
        ));
    }
    out.push_str("];\n");
    Ok(out)
}

//! Writes the app's route table (`$OUT_DIR/pages.rs`, included by src/routes.rs) from
//! src/routes.json, the one list of pages the scripts read too (scripts/app-routes.mjs).

use std::{fmt::Write as _, fs, path::Path};

use serde::Deserialize;

/// The file: a note for readers and the pages.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    #[allow(dead_code)]
    about: String,
    pages: Vec<PageEntry>,
}

/// One page, as src/routes.json writes it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageEntry {
    /// The `Page` variant (CamelCase).
    page: String,
    /// The route, `:name` for a parameter segment.
    path: String,
    /// The component, under `crate::pages`.
    component: String,
    /// The wasm-split point the page's code comes in; none for a page in the main module (only the
    /// start page may be).
    part: Option<String>,
    /// The GETs the page makes as it opens.
    #[serde(default)]
    early: Vec<String>,
}

/// Writes `pages.rs` into `out_dir`; a bad entry stops the build with its reason.
pub fn write(out_dir: &Path) {
    let source = "src/routes.json";
    println!("cargo::rerun-if-changed={source}");
    let text = fs::read_to_string(source).expect("src/routes.json");
    let table: Table = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{source}: {e}"));
    let mut out = String::from("pages! {\n");
    let mut seen = Vec::new();
    for entry in &table.pages {
        check(entry, &seen);
        seen.push((entry.page.clone(), entry.path.clone()));
        let _ = write!(
            out,
            "    /// `{}`.\n    {}({:?}) => crate::pages::{}",
            entry.path, entry.page, entry.path, entry.component
        );
        if let Some(part) = &entry.part {
            let _ = write!(out, ", in {part}::{}_page", snake_case(&entry.page));
        }
        if !entry.early.is_empty() {
            let _ = write!(out, ", early {:?}", entry.early);
        }
        out.push_str(";\n");
    }
    out.push_str("}\n");
    fs::write(out_dir.join("pages.rs"), out).expect("write pages.rs");
}

/// Stops the build on an entry the router or the generated code could not take.
fn check(entry: &PageEntry, seen: &[(String, String)]) {
    let name = &entry.page;
    let ident = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':')
    };
    assert!(
        name.starts_with(|c: char| c.is_ascii_uppercase()) && ident(name) && !name.contains(':'),
        "src/routes.json: page {name:?} is not a CamelCase name"
    );
    assert!(
        ident(&entry.component),
        "src/routes.json: {name}: component {:?}",
        entry.component
    );
    // `/`, then segments of letters, digits and `-`, or `:name` parameters: nothing that could
    // break the generated code or match a page twice.
    let segment_ok = |seg: &str| match seg.strip_prefix(':') {
        Some(param) => ident(param) && !param.contains(':'),
        None => !seg.is_empty() && seg.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
    };
    assert!(
        entry.path == "/"
            || entry
                .path
                .strip_prefix('/')
                .is_some_and(|rest| rest.split('/').all(segment_ok)),
        "src/routes.json: {name}: path {:?} is not /segment/… of letters, digits, - or :name",
        entry.path
    );
    assert!(
        entry.part.is_some() || entry.path == "/",
        "src/routes.json: {name}: only the start page may be in the main module (no part)"
    );
    if let Some(part) = &entry.part {
        assert!(
            ident(part) && !part.contains(':'),
            "src/routes.json: {name}: part {part:?}"
        );
    }
    for path in &entry.early {
        assert!(
            path.starts_with('/'),
            "src/routes.json: {name}: early {path:?}"
        );
    }
    for (page, path) in seen {
        assert!(page != name, "src/routes.json: page {name} is listed twice");
        assert!(
            shape(path) != shape(&entry.path),
            "src/routes.json: {} matches the same paths as {path}",
            entry.path
        );
    }
}

/// A path with every parameter's name dropped: two paths of one shape match the same URLs.
fn shape(path: &str) -> String {
    path.split('/')
        .map(|seg| if seg.starts_with(':') { ":" } else { seg })
        .collect::<Vec<_>>()
        .join("/")
}

/// `PersonDetails` → `person_details`.
fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

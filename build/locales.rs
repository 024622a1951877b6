//! The locale files (src/i18n/locales/<tag>.toml, one per language) become the typed `static`
//! tables the app reads: `$OUT_DIR/i18n/<locale>/<group>.rs` for each locale and top-level table
//! (`texts`, `journey`, `cities`, `confirmation`, `after`), and `$OUT_DIR/i18n/after_sections.rs`,
//! the list of the `after` sections.
//!
//! Why at build time: a parser and the text would cost first-load bytes; generated statics cost
//! only their strings, as the hand-written ones did.
//!
//! zh-Hans is the reference. Another locale must have the same sections, keys, list lengths and
//! table rows, and each text the same `{placeholders}`; anything else stops the build with one line
//! per problem. A key the app's structs do not have, or lack, is then a compile error naming it.
//! A section `where_to` is read as the struct `WhereToTexts` (the top-level `texts` as `Texts`)
//! into a `static WHERE_TO`.

use std::{collections::BTreeSet, fmt::Write as _, fs, path::Path};

/// The folder of the locale files.
const DIR: &str = "src/i18n/locales";

/// One language: its file's tag, the module its tables go to, its `Locale` variant.
struct Language {
    tag: &'static str,
    module: &'static str,
    variant: &'static str,
    /// Its plural forms (CLDR categories): a plural text has exactly these.
    plural_forms: &'static [&'static str],
}

/// Every language, the reference (zh-Hans) first.
const LANGUAGES: [Language; 3] = [
    Language {
        tag: "zh-Hans",
        module: "zh_hans",
        variant: "ZhHans",
        plural_forms: &["other"],
    },
    Language {
        tag: "zh-Hant",
        module: "zh_hant",
        variant: "ZhHant",
        plural_forms: &["other"],
    },
    Language {
        tag: "en",
        module: "en",
        variant: "En",
        plural_forms: &["one", "other"],
    },
];

/// The top-level table whose sub-tables are each a section of their own (one `static` each, so a
/// page links only its own).
const SECTIONED: &str = "after";

/// The tables whose rows are the values of one rules-crate enum, with the enum's ids in its
/// order. Such a table must name every value and nothing else, in every locale, and is written
/// out in the enum's order (`Names<T>`, read at `value.index()`): no string is compared at run
/// time, and reordering an enum cannot mislabel a value.
fn enum_tables() -> Vec<EnumTable> {
    use sscard_rules::StableId;
    fn ids<T: StableId>(all: &[T]) -> Vec<&'static str> {
        all.iter().map(|v| v.id()).collect()
    }
    // The enum is named once per table: its ids order the table, and the generated code names
    // the same type (`Names::<sscard_rules::Bank>::new`), so a struct field of another enum is a
    // compile error instead of names read at the wrong places.
    macro_rules! tables {
        ($($path:literal => $($ty:ident)::+,)*) => {
            vec![$(EnumTable {
                path: $path,
                ty: concat!("sscard_rules::", stringify!($($ty)::+)),
                ids: ids(sscard_rules::$($ty)::+::ALL),
            },)*]
        };
    }
    tables! {
        "journey.insured_title" => City,
        "after.names.cities" => City,
        "after.names.services" => Service,
        "after.names.channels" => Channel,
        "after.names.pickups" => PickupMethod,
        "after.names.banks" => Bank,
        "after.names.social_states" => SocialState,
        "after.progress.financial_states" => FinancialState,
        "after.details.occupations" => wire::Occupation,
        "after.rules.businesses" => Business,
        "after.rules.cards_held" => CardHeld,
        "after.progress.replacement_headings" => ReplacementReason,
        "after.replace.reasons" => ReplacementReason,
        "after.replace.reason_hints" => ReplacementReason,
        "after.replace.notes" => ReplacementNote,
        "after.where_to.permissions" => Permission,
        "after.where_to.actor_conditions" => ActorCondition,
        "after.where_to.offer_conditions" => OfferCondition,
        "after.where_to.notes" => WhereNote,
        "after.rules.steps" => StepKind,
        "after.rules.outcomes" => Outcome,
        "after.rules.phases" => Phase,
    }
}

/// A table of the names of one enum's values ([`enum_tables`]).
pub struct EnumTable {
    /// The table's path in the locale files.
    path: &'static str,
    /// The enum's Rust path, for the generated code.
    ty: &'static str,
    /// The enum's ids, in its order.
    ids: Vec<&'static str>,
}

/// The value of one key.
enum Field {
    /// A text.
    Text(String),
    /// A list of texts (`[&'static str; N]`).
    List(Vec<String>),
    /// A table from an id to its text (`IdTable`), in file order.
    Ids(Vec<(String, String)>),
    /// The names of an enum's values, in the enum's order (`Names<T>` of the enum `ty`; see
    /// [`enum_tables`]).
    Names {
        ty: &'static str,
        texts: Vec<String>,
    },
    /// A text with a number in it, by plural form (`Plural`): a table of only CLDR categories,
    /// `other` among them.
    Plural(Vec<(String, String)>),
}

/// Every CLDR plural category: a table of texts whose keys are all among these, `other` one of
/// them, is a plural text, not a table by id.
const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

impl Field {
    fn kind(&self) -> &'static str {
        match self {
            Field::Text(_) => "a text",
            Field::List(_) => "a list of texts",
            Field::Ids(_) | Field::Names { .. } => "a table of texts",
            Field::Plural(_) => "a plural text",
        }
    }
}

/// One `static`: a section's path (`journey`, `after.progress`) and its keys, in file order.
pub struct Section {
    path: String,
    fields: Vec<(String, Field)>,
}

impl Section {
    /// The top-level table the section belongs to, which names the file it is written to.
    fn group(&self) -> &str {
        self.path.split('.').next().unwrap_or_default()
    }

    fn name(&self) -> &str {
        self.path.rsplit('.').next().unwrap_or_default()
    }

    /// The struct it fills: `progress` → `ProgressTexts`, the top-level `texts` → `Texts`.
    fn type_name(&self) -> String {
        if self.path == "texts" {
            return "Texts".to_owned();
        }
        let mut out = String::new();
        for word in self.name().split('_') {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        }
        out + "Texts"
    }
}

/// Reads, checks and writes every locale; stops the build on any problem.
pub fn write(out_dir: &Path) {
    println!("cargo::rerun-if-changed={DIR}");
    let mut files = Vec::new();
    for language in &LANGUAGES {
        let path = format!("{DIR}/{}.toml", language.tag);
        println!("cargo::rerun-if-changed={path}");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        files.push((path, text));
    }
    let locales = check(&files).unwrap_or_else(|problems| {
        for problem in &problems {
            println!("cargo::warning={problem}");
        }
        panic!(
            "{} problem(s) in the locale files:\n{}",
            problems.len(),
            problems.join("\n")
        )
    });
    let dir = out_dir.join("i18n");
    for (language, sections) in LANGUAGES.iter().zip(&locales) {
        let module_dir = dir.join(language.module);
        fs::create_dir_all(&module_dir).expect("create $OUT_DIR/i18n");
        let mut groups: Vec<&str> = sections.iter().map(Section::group).collect();
        groups.dedup();
        for group in groups {
            let code = rust_of(language, sections.iter().filter(|s| s.group() == group));
            fs::write(module_dir.join(format!("{group}.rs")), code).expect("write a locale table");
        }
    }
    fs::write(dir.join("after_sections.rs"), after_sections(&locales[0])).expect("write");
}

/// Every locale's sections from its file (`(path, text)`, in [`LANGUAGES`] order), or every
/// problem found, one line each: the file, the key, what is wrong.
pub fn check(files: &[(String, String)]) -> Result<Vec<Vec<Section>>, Vec<String>> {
    let mut problems = Vec::new();
    let mut locales = Vec::new();
    let enums = enum_tables();
    for ((path, text), language) in files.iter().zip(&LANGUAGES) {
        match toml::from_str::<toml::Table>(text) {
            Ok(table) => {
                let sections = read(path, &table, &enums, &mut problems);
                check_plural_forms(path, language, &sections, &mut problems);
                locales.push(sections);
            }
            Err(e) => problems.push(format!("{path}: {e}")),
        }
    }
    if problems.is_empty() {
        let (reference, others) = locales.split_first().expect("zh-Hans is read first");
        for ((path, _), sections) in files.iter().skip(1).zip(others) {
            compare(path, reference, sections, &mut problems);
        }
    }
    if problems.is_empty() {
        Ok(locales)
    } else {
        Err(problems)
    }
}

/// Every plural text of `sections` has exactly the forms of `language`.
fn check_plural_forms(
    path: &str,
    language: &Language,
    sections: &[Section],
    problems: &mut Vec<String>,
) {
    for section in sections {
        for (key, field) in &section.fields {
            if let Field::Plural(forms) = field {
                let have: Vec<&str> = forms.iter().map(|(form, _)| form.as_str()).collect();
                let mut sorted = have.clone();
                sorted.sort_unstable();
                let mut want = language.plural_forms.to_vec();
                want.sort_unstable();
                if sorted != want {
                    problems.push(format!(
                        "{path}: `{}.{key}`: {} has the plural forms {}, not {}",
                        section.path,
                        language.tag,
                        language.plural_forms.join(", "),
                        have.join(", ")
                    ));
                }
            }
        }
    }
}

/// The sections of one locale file, each key's kind checked.
fn read(
    path: &str,
    table: &toml::Table,
    enums: &Enums,
    problems: &mut Vec<String>,
) -> Vec<Section> {
    let mut sections = Vec::new();
    for (key, value) in table {
        let Some(inner) = value.as_table() else {
            problems.push(format!("{path}: `{key}` must be a table ([{key}])"));
            continue;
        };
        if key == SECTIONED {
            for (name, value) in inner {
                match value.as_table() {
                    Some(section) => {
                        let at = format!("{key}.{name}");
                        sections.push(section_of(path, &at, section, enums, problems));
                    }
                    None => problems.push(format!("{path}: `{key}.{name}` must be a table")),
                }
            }
        } else {
            sections.push(section_of(path, key, inner, enums, problems));
        }
    }
    sections
}

/// [`enum_tables`]: a table's path and its ids.
type Enums = [EnumTable];

fn section_of(
    file: &str,
    path: &str,
    table: &toml::Table,
    enums: &Enums,
    problems: &mut Vec<String>,
) -> Section {
    let mut fields = Vec::new();
    for (key, value) in table {
        let at = format!("{file}: `{path}.{key}`");
        if !is_identifier(key) {
            problems.push(format!("{at}: a key is lower-case letters, digits and _"));
        }
        check_not_empty(&at, value, problems);
        let field = match value {
            toml::Value::String(text) => Field::Text(text.clone()),
            toml::Value::Array(items) => Field::List(texts_of(&at, items.iter(), problems)),
            toml::Value::Table(rows) => {
                let texts = texts_of(&at, rows.values(), problems);
                let rows: Vec<(String, String)> = rows.keys().cloned().zip(texts).collect();
                let full = format!("{path}.{key}");
                let plural = rows.iter().any(|(k, _)| k == "other")
                    && rows
                        .iter()
                        .all(|(k, _)| PLURAL_CATEGORIES.contains(&k.as_str()));
                match enums.iter().find(|table| table.path == full) {
                    Some(table) => Field::Names {
                        ty: table.ty,
                        texts: in_enum_order(&at, &table.ids, &rows, problems),
                    },
                    None if plural => Field::Plural(rows),
                    None => Field::Ids(rows),
                }
            }
            _ => {
                problems.push(format!("{at}: a text, a list of texts or a table of texts"));
                continue;
            }
        };
        fields.push((key.clone(), field));
    }
    Section {
        path: path.to_owned(),
        fields,
    }
}

/// The texts of `rows` in the order of `ids`; a missing or an unknown id is a problem.
fn in_enum_order(
    at: &str,
    ids: &[&str],
    rows: &[(String, String)],
    problems: &mut Vec<String>,
) -> Vec<String> {
    for (id, _) in rows {
        if !ids.contains(&id.as_str()) {
            problems.push(format!("{at}: row `{id}` is not one of {}", ids.join(", ")));
        }
    }
    ids.iter()
        .map(|id| match rows.iter().find(|(k, _)| k == id) {
            Some((_, text)) => text.clone(),
            None => {
                problems.push(format!("{at}: row `{id}` is missing"));
                String::new()
            }
        })
        .collect()
}

/// Every text of a key has something to show, in every locale (zh-Hans too).
fn check_not_empty(at: &str, value: &toml::Value, problems: &mut Vec<String>) {
    let empty = |v: &toml::Value| v.as_str().is_some_and(|t| t.trim().is_empty());
    match value {
        toml::Value::Array(items) => {
            for (i, _) in items.iter().enumerate().filter(|(_, v)| empty(v)) {
                problems.push(format!("{at} item {i}: empty"));
            }
        }
        toml::Value::Table(rows) => {
            for (id, _) in rows.iter().filter(|(_, v)| empty(v)) {
                problems.push(format!("{at} row `{id}`: empty"));
            }
        }
        text if empty(text) => problems.push(format!("{at}: empty")),
        _ => {}
    }
}

fn texts_of<'a>(
    at: &str,
    items: impl Iterator<Item = &'a toml::Value>,
    problems: &mut Vec<String>,
) -> Vec<String> {
    items
        .map(|item| match item.as_str() {
            Some(text) => text.to_owned(),
            None => {
                problems.push(format!("{at}: every item must be a text"));
                String::new()
            }
        })
        .collect()
}

fn is_identifier(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_lowercase())
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// What `sections` (of `file`) lacks or adds against the reference, and every text whose
/// placeholders differ from the reference's.
fn compare(file: &str, reference: &[Section], sections: &[Section], problems: &mut Vec<String>) {
    for section in reference {
        if !sections.iter().any(|s| s.path == section.path) {
            problems.push(format!("{file}: section [{}] is missing", section.path));
        }
    }
    for section in sections {
        let Some(model) = reference.iter().find(|s| s.path == section.path) else {
            problems.push(format!(
                "{file}: section [{}] is not in zh-Hans",
                section.path
            ));
            continue;
        };
        for (key, _) in &model.fields {
            if !section.fields.iter().any(|(k, _)| k == key) {
                problems.push(format!("{file}: `{}.{key}` is missing", section.path));
            }
        }
        for (key, field) in &section.fields {
            let at = format!("{file}: `{}.{key}`", section.path);
            match model.fields.iter().find(|(k, _)| k == key) {
                None => problems.push(format!("{at} is not in zh-Hans")),
                Some((_, want)) => compare_field(&at, want, field, problems),
            }
        }
    }
}

fn compare_field(at: &str, want: &Field, field: &Field, problems: &mut Vec<String>) {
    match (want, field) {
        (Field::Text(want), Field::Text(text)) => compare_text(at, want, text, problems),
        (Field::List(want), Field::List(items))
        | (Field::Names { texts: want, .. }, Field::Names { texts: items, .. }) => {
            if want.len() != items.len() {
                problems.push(format!(
                    "{at}: {} items, zh-Hans has {}",
                    items.len(),
                    want.len()
                ));
            }
            for (i, (want, item)) in want.iter().zip(items).enumerate() {
                compare_text(&format!("{at} item {i}"), want, item, problems);
            }
        }
        (Field::Ids(want), Field::Ids(rows)) => {
            for (id, want) in want {
                match rows.iter().find(|(k, _)| k == id) {
                    Some((_, text)) => {
                        compare_text(&format!("{at} row `{id}`"), want, text, problems)
                    }
                    None => problems.push(format!("{at}: row `{id}` is missing")),
                }
            }
            for (id, _) in rows {
                if !want.iter().any(|(k, _)| k == id) {
                    problems.push(format!("{at}: row `{id}` is not in zh-Hans"));
                }
            }
        }
        (Field::Plural(want), Field::Plural(forms)) => {
            let other = |forms: &[(String, String)]| {
                forms
                    .iter()
                    .find(|(f, _)| f == "other")
                    .map(|(_, t)| t.clone())
                    .unwrap_or_default()
            };
            let (want_other, other_text) = (other(want), other(forms));
            for (form, text) in forms {
                let at = format!("{at} form `{form}`");
                if form == "other" {
                    compare_text(&at, &want_other, text, problems);
                    continue;
                }
                // Another form may leave out the number ("1 day left"), nothing else: its
                // placeholders are `other`'s, or all but one of them.
                let (have, all) = (placeholders(text), placeholders(&other_text));
                if !have.is_subset(&all) {
                    problems.push(format!("{at}: a placeholder `other` does not have"));
                } else if all.len() - have.len() > 1 {
                    let lost: Vec<&str> = all.difference(&have).copied().collect();
                    problems.push(format!("{at}: leaves out {lost:?}; only the number may go"));
                }
            }
        }
        _ => problems.push(format!(
            "{at}: {}, zh-Hans has {}",
            field.kind(),
            want.kind()
        )),
    }
}

fn compare_text(at: &str, want: &str, text: &str, problems: &mut Vec<String>) {
    let (want, have) = (placeholders(want), placeholders(text));
    if want != have {
        problems.push(format!("{at}: placeholders {have:?}, zh-Hans has {want:?}"));
    }
}

/// The `{name}` placeholders of a text.
fn placeholders(text: &str) -> BTreeSet<&str> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(close) = rest.find('}') {
            let name = &rest[..close];
            if is_identifier(name) {
                out.insert(name);
            }
        }
    }
    out
}

/// The Rust of one locale's sections of one group.
fn rust_of<'a>(language: &Language, sections: impl Iterator<Item = &'a Section>) -> String {
    let mut out = format!(
        "// Written by build.rs from {DIR}/{}.toml: edit that file, not this one.\n",
        language.tag
    );
    for section in sections {
        let ty = section.type_name();
        let _ = writeln!(
            out,
            "\n/// `[{}]` of {}.toml.\npub static {}: {ty} = {ty} {{",
            section.path,
            language.tag,
            section.name().to_uppercase()
        );
        for (key, field) in &section.fields {
            let _ = match field {
                Field::Text(text) => writeln!(out, "    {key}: {text:?},"),
                Field::List(items) => writeln!(out, "    {key}: {items:?},"),
                Field::Ids(rows) => writeln!(out, "    {key}: &{rows:?},"),
                Field::Names { ty, texts } => {
                    writeln!(
                        out,
                        "    {key}: crate::i18n::Names::<{ty}>::new(&{texts:?}),"
                    )
                }
                Field::Plural(forms) => {
                    let form = |name: &str| {
                        forms
                            .iter()
                            .find(|(f, _)| f == name)
                            .map(|(_, t)| t.as_str())
                    };
                    let other = form("other").unwrap_or_default();
                    // A language without `one` (Chinese) says 1 as it says any number.
                    let one = form("one").unwrap_or(other);
                    writeln!(
                        out,
                        "    {key}: crate::i18n::Plural {{ one: {one:?}, other: {other:?} }},"
                    )
                }
            };
        }
        if section.path == "texts" {
            let _ = writeln!(out, "    locale: Locale::{},", language.variant);
        }
        out.push_str("};\n");
    }
    out
}

/// The `after_sections!` invocation: every section of `after`, in the reference's order.
fn after_sections(reference: &[Section]) -> String {
    let mut out = String::from("after_sections! {\n");
    for section in reference.iter().filter(|s| s.group() == SECTIONED) {
        let name = section.name();
        let _ = writeln!(
            out,
            "    /// The `{name}` texts (`[{}]` of the locale files).\n    {name}: {} = {};",
            section.path,
            section.type_name(),
            name.to_uppercase()
        );
    }
    out + "}\n"
}

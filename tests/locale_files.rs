//! The locale files' check (build/locales.rs, which the build runs): a locale that lacks a key,
//! adds one, changes a text's placeholders, or changes a list or table against zh-Hans stops
//! the build with a line naming the file and the key. Each case breaks one copy of the real files.
#![cfg(target_arch = "wasm32")]

#[allow(dead_code)]
#[path = "../build/locales.rs"]
mod locales;

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ZH_HANS: &str = include_str!("../src/i18n/locales/zh-Hans.toml");
const ZH_HANT: &str = include_str!("../src/i18n/locales/zh-Hant.toml");
const EN: &str = include_str!("../src/i18n/locales/en.toml");

/// The three files as `check` takes them, `en.toml` changed by `edit`.
fn files_with_en(edit: impl Fn(&str) -> String) -> Vec<(String, String)> {
    vec![
        ("zh-Hans.toml".to_owned(), ZH_HANS.to_owned()),
        ("zh-Hant.toml".to_owned(), ZH_HANT.to_owned()),
        ("en.toml".to_owned(), edit(EN)),
    ]
}

/// `text` with its one line starting `start` replaced by `line` (removed when empty).
fn with_line(text: &str, start: &str, line: &str) -> String {
    assert_eq!(
        text.lines().filter(|l| l.starts_with(start)).count(),
        1,
        "{start}"
    );
    let mut out: Vec<&str> = Vec::new();
    for l in text.lines() {
        if !l.starts_with(start) {
            out.push(l);
        } else if !line.is_empty() {
            out.push(line);
        }
    }
    out.join("\n") + "\n"
}

fn problems(files: &[(String, String)]) -> Vec<String> {
    locales::check(files).err().unwrap_or_default()
}

#[wasm_bindgen_test]
fn the_real_files_pass_with_every_section() {
    let sections = locales::check(&files_with_en(str::to_owned)).expect("the locale files check");
    assert_eq!(sections.len(), 3);
    // texts, journey, cities, confirmation and the 14 after sections, in every locale.
    assert_eq!(
        sections.iter().map(Vec::len).collect::<Vec<_>>(),
        [18, 18, 18]
    );
}

struct Case {
    what: &'static str,
    line_start: &'static str,
    new_line: &'static str,
    want: &'static [&'static str],
}

#[wasm_bindgen_test]
fn a_broken_locale_names_its_problem() {
    let cases = [
        Case {
            what: "a missing key",
            line_start: "home_title = ",
            new_line: "",
            want: &["en.toml: `texts.home_title` is missing"],
        },
        Case {
            what: "a key zh-Hans does not have",
            line_start: "home_title = ",
            new_line: "home_titel = \"Apply\"",
            want: &[
                "en.toml: `texts.home_title` is missing",
                "en.toml: `texts.home_titel` is not in zh-Hans",
            ],
        },
        Case {
            what: "a renamed placeholder",
            line_start: "hotline_none = ",
            new_line: "hotline_none = \"{town} service hotline: none.\"",
            want: &[
                "en.toml: `texts.hotline_none`: placeholders {\"town\"}, zh-Hans has {\"city\"}",
            ],
        },
        Case {
            what: "a dropped placeholder",
            line_start: "city_current = ",
            new_line: "city_current = \"Your city\"",
            want: &["en.toml: `texts.city_current`: placeholders {}, zh-Hans has {\"city\"}"],
        },
        Case {
            what: "an empty text",
            line_start: "start_button = ",
            new_line: "start_button = \" \"",
            want: &["en.toml: `texts.start_button`: empty"],
        },
        Case {
            what: "a text where zh-Hans has a list",
            line_start: "home_can_do = [",
            new_line: "home_can_do = \"x\"\nignored = [",
            want: &[
                "en.toml: `texts.home_can_do`: a text, zh-Hans has a list of texts",
                "en.toml: `texts.ignored` is not in zh-Hans",
            ],
        },
        Case {
            what: "a row missing from a table of texts",
            line_start: "\"id_number.check_digit\" = ",
            new_line: "",
            want: &["en.toml: `after.common.errors`: row `id_number.check_digit` is missing"],
        },
        Case {
            what: "a bank without its name",
            line_start: "hua_xia = ",
            new_line: "",
            want: &["en.toml: `after.names.banks`: row `hua_xia` is missing"],
        },
        Case {
            what: "a name for a bank the rules do not know",
            line_start: "hua_xia = ",
            new_line: "huaxia = \"Hua Xia Bank\"",
            want: &[
                "en.toml: `after.names.banks`: row `huaxia` is not one of icbc, abc, boc, ccb, bocom, bank_of_beijing, hua_xia, citic, ceb, cmbc, cmb, spdb, bjrcb, psbc, bank_of_urumqi, tianshan_rcb",
                "en.toml: `after.names.banks`: row `hua_xia` is missing",
            ],
        },
        Case {
            what: "a plural text without its `one` form",
            line_start: "days_left = ",
            new_line: "days_left = { other = \"{n} days left\" }",
            want: &[
                "en.toml: `after.common.days_left`: en has the plural forms one, other, not other",
            ],
        },
        Case {
            what: "a `one` form with a placeholder `other` does not have",
            line_start: "days_left = ",
            new_line: "days_left = { one = \"{date}\", other = \"{n} days left\" }",
            want: &[
                "en.toml: `after.common.days_left` form `one`: a placeholder `other` does not have",
            ],
        },
        Case {
            what: "a `one` form that drops the date as well as the number",
            line_start: "made_by = ",
            new_line: "made_by = { one = \"Made within 1 working day\", other = \"Made within {n} working days, by {date}\" }",
            want: &[
                "en.toml: `after.replace.made_by` form `one`: leaves out [\"date\", \"n\"]; only the number may go",
            ],
        },
        Case {
            what: "a plural text where zh-Hans has a text",
            line_start: "start_button = ",
            new_line: "start_button = { one = \"Start\", other = \"Start\" }",
            want: &["en.toml: `texts.start_button`: a plural text, zh-Hans has a text"],
        },
        Case {
            what: "a value that is not a text",
            line_start: "elderly_mode = ",
            new_line: "elderly_mode = 3",
            want: &["en.toml: `texts.elderly_mode`: a text, a list of texts or a table of texts"],
        },
    ];
    for case in cases {
        let files = files_with_en(|en| with_line(en, case.line_start, case.new_line));
        assert_eq!(problems(&files), case.want, "{}", case.what);
    }
}

#[wasm_bindgen_test]
fn chinese_has_one_plural_form() {
    let files = vec![
        ("zh-Hans.toml".to_owned(), ZH_HANS.to_owned()),
        (
            "zh-Hant.toml".to_owned(),
            with_line(
                ZH_HANT,
                "days_left = ",
                "days_left = { one = \"還有 1 天\", other = \"還有 {n} 天\" }",
            ),
        ),
        ("en.toml".to_owned(), EN.to_owned()),
    ];
    assert_eq!(
        problems(&files),
        [
            "zh-Hant.toml: `after.common.days_left`: zh-Hant has the plural forms other, not one, other"
        ]
    );
}

#[wasm_bindgen_test]
fn an_empty_text_in_zh_hans_is_named_too() {
    let files = vec![
        (
            "zh-Hans.toml".to_owned(),
            with_line(ZH_HANS, "start_button = ", "start_button = \"\""),
        ),
        ("zh-Hant.toml".to_owned(), ZH_HANT.to_owned()),
        ("en.toml".to_owned(), EN.to_owned()),
    ];
    assert_eq!(
        problems(&files),
        ["zh-Hans.toml: `texts.start_button`: empty"]
    );
}

#[wasm_bindgen_test]
fn a_list_of_another_length_is_named() {
    let files =
        files_with_en(|en| en.replacen("home_need = [\n", "home_need = [\n    \"More\",\n", 1));
    assert_eq!(
        problems(&files),
        ["en.toml: `texts.home_need`: 4 items, zh-Hans has 3"]
    );
}

#[wasm_bindgen_test]
fn a_missing_section_and_a_file_that_is_not_toml_are_named() {
    let without_notices = files_with_en(|en| {
        let start = en.find("[after.notices]").expect("the section");
        // The next header that is not one of the section's own tables.
        let end = en[start..]
            .match_indices("\n[after.")
            .map(|(i, _)| start + i)
            .find(|&i| !en[i..].starts_with("\n[after.notices"))
            .expect("the next section");
        format!("{}{}", &en[..start], &en[end + 1..])
    });
    assert_eq!(
        problems(&without_notices),
        ["en.toml: section [after.notices] is missing"]
    );
    let not_toml = files_with_en(|en| format!("{en}\nthis is not toml\n"));
    let problems = problems(&not_toml);
    assert_eq!(problems.len(), 1);
    assert!(problems[0].starts_with("en.toml: "), "{problems:?}");
}

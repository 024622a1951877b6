//! Validation case tables (GB 11643; DECISIONS D21–D23; 002 Q38 L241).
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::d;
use sscard_rules::*;

type Ymd = (i32, u32, u32);

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn id_numbers() {
    let today = d(2026, 3, 2);
    let ok: &[(&str, &str, Ymd, Sex)] = &[
        (
            "11010519491231002X",
            "11010519491231002X",
            (1949, 12, 31),
            Sex::Female,
        ),
        (
            "11010519491231002x",
            "11010519491231002X",
            (1949, 12, 31),
            Sex::Female,
        ),
        (
            " 110105 19491231 002x ",
            "11010519491231002X",
            (1949, 12, 31),
            Sex::Female,
        ),
        (
            "１１０１０５１９４９１２３１００２Ｘ",
            "11010519491231002X",
            (1949, 12, 31),
            Sex::Female,
        ),
        (
            "440304200802291234",
            "440304200802291234",
            (2008, 2, 29),
            Sex::Male,
        ),
        (
            "65010219640229001x",
            "65010219640229001X",
            (1964, 2, 29),
            Sex::Male,
        ),
        (
            "110101-19660815-0010",
            "110101196608150010",
            (1966, 8, 15),
            Sex::Male,
        ),
    ];
    for (input, norm, birth, sex) in ok {
        // (normalised number, birth date, sex)
        let got = parse_id_number(input, today).map(|id| (id.number, id.birth_date, id.sex));
        let want = ((*norm).to_owned(), d(birth.0, birth.1, birth.2), *sex);
        assert_eq!(got, Ok(want), "{input:?} (GB 11643-1999; D23)");
    }
    let bad: &[(&str, &str)] = &[
        ("", "id_number.empty"),
        ("   ", "id_number.empty"),
        ("11010519491231002", "id_number.length"),
        ("11010519491231002X1", "id_number.length"),
        ("1101051949123100AX", "id_number.format"),
        ("X10105194912310021", "id_number.format"),
        ("11010519491231002é", "id_number.format"),
        ("110105194902310026", "id_number.birth_date"),
        ("110105189912310026", "id_number.birth_date"),
        ("110101203012310012", "id_number.future_birth_date"),
        ("110105194912310021", "id_number.check_digit"),
    ];
    for (input, code) in bad {
        let got = parse_id_number(input, today)
            .map(|id| id.number)
            .map_err(|e| e.code());
        assert_eq!(got, Err(*code), "{input:?} (GB 11643-1999; D23)");
    }
    assert_eq!(
        parse_id_number("110105194912310021", today),
        Err(IdNumberError::CheckDigit { expected: 'X' }),
        "expected check character reported (GB 11643)"
    );
    assert_eq!(
        check_digit("11010519491231002"),
        Some('X'),
        "check digit (GB 11643)"
    );
    assert_eq!(
        parse_id_number("11010519491231002X", today)
            .as_ref()
            .map(IdNumber::last_six),
        Ok("31002X"),
        "initial service password = last 6 (002 Q17 L131)"
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn mobiles_names_postcodes() {
    let mobiles: &[(&str, Result<&str, &str>)] = &[
        ("13800138000", Ok("13800138000")),
        ("+86 138-0013-8000", Ok("13800138000")),
        ("008613800138000", Ok("13800138000")),
        ("8613800138000", Ok("13800138000")),
        ("１３８００１３８０００", Ok("13800138000")),
        ("19912345678", Ok("19912345678")),
        ("12800138000", Err("mobile.format")),
        ("1380013800", Err("mobile.format")),
        ("010-12345678", Err("mobile.format")),
        ("", Err("mobile.empty")),
    ];
    for (input, want) in mobiles {
        let got = parse_mobile(input).map_err(|e| e.code());
        assert_eq!(
            got.as_deref().map_err(|e| *e),
            *want,
            "{input:?} (mainland numbering plan)"
        );
    }
    let long_cjk: String = "张".repeat(NAME_MAX_CHINESE + 1);
    let long_latin: String = "a".repeat(NAME_MAX_LATIN + 1);
    let names: &[(&str, Result<&str, &str>)] = &[
        ("张三", Ok("张三")),
        ("  张 三 ", Ok("张三")),
        ("阿卜杜•热合曼", Ok("阿卜杜·热合曼")),
        ("阿卜杜・热合曼·买买提", Ok("阿卜杜·热合曼·买买提")),
        ("John  Smith", Ok("John Smith")),
        ("O'Brien-Smith", Ok("O'Brien-Smith")),
        ("·张三", Err("name.characters")),
        ("张三·", Err("name.characters")),
        ("张··三", Err("name.characters")),
        ("张San", Err("name.characters")),
        ("张3", Err("name.characters")),
        ("123", Err("name.characters")),
        ("张", Err("name.too_short")),
        (long_cjk.as_str(), Err("name.too_long")),
        (long_latin.as_str(), Err("name.too_long")),
        ("", Err("name.empty")),
        ("  ", Err("name.empty")),
    ];
    for (input, want) in names {
        let got = parse_name(input).map(|n| n.name).map_err(|e| e.code());
        assert_eq!(
            got.as_deref().map_err(|e| *e),
            *want,
            "{input:?} (DECISIONS D22)"
        );
    }
    let postcodes: &[(&str, Result<&str, &str>)] = &[
        ("100051", Ok("100051")),
        ("１００ ０５１", Ok("100051")),
        ("10005", Err("postal_code.format")),
        ("10005a", Err("postal_code.format")),
        ("", Err("postal_code.empty")),
    ];
    for (input, want) in postcodes {
        let got = parse_postal_code(input).map_err(|e| e.code());
        assert_eq!(
            got.as_deref().map_err(|e| *e),
            *want,
            "{input:?} (6-digit postal codes)"
        );
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn guardians() {
    let on = d(2026, 2, 28);
    let cases: &[(Ymd, Ymd, Result<(), &str>, &str)] = &[
        ((1980, 1, 1), (2016, 5, 1), Ok(()), "002 Q38 L241"),
        (
            (2008, 3, 1),
            (2016, 5, 1),
            Err("guardian.not_adult"),
            "002 Q38 L241; D21",
        ),
        (
            (2008, 2, 29),
            (2016, 5, 1),
            Ok(()),
            "D3: born 29 Feb, adult on 28 Feb",
        ),
        (
            (1980, 1, 1),
            (2008, 2, 29),
            Err("child.not_minor"),
            "D3: 18 on 28 Feb",
        ),
        ((1980, 1, 1), (2008, 3, 1), Ok(()), "D3"),
        (
            (1980, 1, 1),
            (2026, 3, 1),
            Err("guardian.birth_after_date"),
            "validation",
        ),
    ];
    for (g, c, want, source) in cases {
        let got = check_guardianship(d(g.0, g.1, g.2), d(c.0, c.1, c.2), on).map_err(|e| e.code());
        assert_eq!(got, *want, "guardian {g:?} for child {c:?} ({source})");
    }
    let e: ValidationError = GuardianError::BirthAfterDate.into();
    assert_eq!(
        e.code(),
        "guardian.birth_after_date",
        "ValidationError forwards code()"
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn service_passwords() {
    // (new password, ID number, expected, source)
    const ID: &str = "110101198503122012"; // initial value 122012
    const ID_X: &str = "11010519491231002X"; // initial value 31002X: never 6 digits
    let cases: &[(&str, &str, Result<&str, &str>, &str)] = &[
        ("135790", ID, Ok("135790"), "D28"),
        ("012345", ID, Ok("012345"), "D28: a leading 0 is a digit"),
        ("112222", ID, Ok("112222"), "D28: not all the same"),
        ("", ID, Err("password.format"), "D28"),
        ("12345", ID, Err("password.format"), "D28: 6 digits"),
        ("1234567", ID, Err("password.format"), "D28: 6 digits"),
        ("12345a", ID, Err("password.format"), "D28: digits only"),
        (" 13579", ID, Err("password.format"), "D28: not trimmed"),
        (
            "１３５７９０",
            ID,
            Err("password.format"),
            "D28: not normalised",
        ),
        ("000000", ID, Err("password.weak"), "D28"),
        ("999999", ID, Err("password.weak"), "D28"),
        (
            "122012",
            ID,
            Err("password.initial"),
            "002 Q17 L131; catalogue §9",
        ),
        (
            "122012",
            " 110101 19850312 2012 ",
            Err("password.initial"),
            "002 Q17 L131: the ID number is normalised",
        ),
        (
            "122012",
            "",
            Ok("122012"),
            "D28: ID number unknown to the caller",
        ),
        (
            "122012",
            "110101********2012",
            Ok("122012"),
            "D28: masked ID number",
        ),
        (
            "31002X",
            ID_X,
            Err("password.format"),
            "catalogue §9 gap; D28",
        ),
        ("310021", ID_X, Ok("310021"), "catalogue §9 gap; D28"),
        (
            "111111",
            ID_X,
            Err("password.weak"),
            "D28: weak before initial",
        ),
    ];
    for (new, id, want, source) in cases {
        let got = parse_new_service_password(new, id).map_err(|e| e.code());
        assert_eq!(
            got.as_deref().map_err(|e| *e),
            *want,
            "{new:?} with {id:?} ({source})"
        );
    }
    // The initial value the validator refuses is the one IdNumber::last_six gives.
    let id = parse_id_number(ID, d(2026, 3, 2)).expect("a valid ID number");
    assert_eq!(
        parse_new_service_password(id.last_six(), &id.number),
        Err(PasswordError::Initial),
        "the initial value is refused (002 Q17 L131)"
    );
    let e: ValidationError = PasswordError::Weak.into();
    assert_eq!(e.code(), "password.weak", "ValidationError forwards code()");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn addresses_and_one_time_codes() {
    let at_limit = "路".repeat(ADDRESS_MAX_CHARS);
    let over = "路".repeat(ADDRESS_MAX_CHARS + 1);
    let addresses: &[(&str, Result<&str, &str>)] = &[
        (
            "  东城区东华门街道某某胡同 1 号 ",
            Ok("东城区东华门街道某某胡同 1 号"),
        ),
        (at_limit.as_str(), Ok(at_limit.as_str())),
        (over.as_str(), Err("address.too_long")),
        ("   ", Err("address.empty")),
        ("", Err("address.empty")),
    ];
    for (input, want) in addresses {
        let got = parse_address(input).map_err(|e| e.code());
        assert_eq!(
            got.as_deref().map_err(|e| *e),
            *want,
            "{input:?} (DECISIONS D29)"
        );
    }
    let codes: &[(&str, Result<&str, &str>)] = &[
        ("123456", Ok("123456")),
        (" 123 456 ", Ok("123456")),
        ("１２３４５６", Ok("123456")),
        ("12345", Err("code.format")),
        ("1234567", Err("code.format")),
        ("12a456", Err("code.format")),
        ("", Err("code.empty")),
        ("  ", Err("code.empty")),
    ];
    for (input, want) in codes {
        let got = parse_one_time_code(input).map_err(|e| e.code());
        assert_eq!(
            got.as_deref().map_err(|e| *e),
            *want,
            "{input:?} (DECISIONS D29)"
        );
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn postal_addresses() {
    let fields = |a: &wire::PostalAddress| -> Vec<(&str, &str)> {
        check_postal_address(a)
            .iter()
            .map(|e| (e.field, e.error.code()))
            .collect()
    };
    let good = wire::PostalAddress {
        recipient: "王建国".into(),
        mobile: "13800000001".into(),
        address: "北京市东城区示例路1号".into(),
        postal_code: "100010".into(),
    };
    assert_eq!(fields(&good), [], "a right address");
    let bad = wire::PostalAddress {
        recipient: String::new(),
        mobile: "123".into(),
        address: String::new(),
        postal_code: "1000".into(),
    };
    let codes = fields(&bad);
    let order: Vec<&str> = codes.iter().map(|(f, _)| *f).collect();
    assert_eq!(
        order,
        [
            "postal_address.recipient",
            "postal_address.mobile",
            "postal_address.postal_code",
            "postal_address.address"
        ],
        "one problem per field, in the form's order: {codes:?}"
    );
    assert!(codes.iter().all(|(f, code)| {
        let stem = f.trim_start_matches("postal_address.");
        code.starts_with(stem) || (stem == "recipient" && code.starts_with("name."))
    }));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn minors() {
    let on = d(2026, 3, 2);
    let guardian = d(1988, 6, 6);
    let minor = |name: &str, id: &str| wire::MinorApplicant {
        name: name.into(),
        id_number: id.into(),
        guardianship_proof: wire::GuardianshipProof::BirthCertificate,
    };
    let ok = check_minor(&minor("赵小雨", "110108201809153064"), guardian, on)
        .expect("a child of 7 with an adult guardian");
    assert_eq!(ok.name, "赵小雨");
    assert_eq!(ok.id.birth_date, d(2018, 9, 15));
    assert_eq!(ok.proof, wire::GuardianshipProof::BirthCertificate);

    let codes = |m: &wire::MinorApplicant, g| -> Vec<(&str, &str)> {
        check_minor(m, g, on)
            .expect_err("refused")
            .iter()
            .map(|e| (e.field, e.error.code()))
            .collect()
    };
    // An adult "child" (王建国's own ID number): 002 Q38 L241.
    assert_eq!(
        codes(&minor("王建国", "110101198503122012"), guardian),
        [("minor.id_number", "child.not_minor")]
    );
    // A guardian not yet 18 (D3).
    assert_eq!(
        codes(&minor("赵小雨", "110108201809153064"), d(2010, 1, 1)),
        [("minor.id_number", "guardian.not_adult")]
    );
    let both = codes(&minor("", "110108201809153065"), guardian);
    assert_eq!(
        both.iter().map(|(f, _)| *f).collect::<Vec<_>>(),
        ["minor.name", "minor.id_number"],
        "{both:?}"
    );
}

/// Each field error's code and the limit it names (`FieldIssue`), so a message says the rule's
/// own number (issue 12: a text once said 20 while the rule said 30).
#[test]
fn field_issues_name_their_limits() {
    struct Case {
        what: &'static str,
        issue: Box<dyn FieldIssue>,
        code: &'static str,
        limit: Option<u32>,
    }
    let too_long = |s: String| parse_name(&s).expect_err("too long");
    let cases = [
        Case {
            what: "a Chinese name over the limit (DECISIONS D22)",
            issue: Box::new(too_long("张".repeat(NAME_MAX_CHINESE + 1))),
            code: "name.too_long",
            limit: Some(30),
        },
        Case {
            what: "a Latin name over the limit (DECISIONS D22)",
            issue: Box::new(too_long("a".repeat(NAME_MAX_LATIN + 1))),
            code: "name.too_long",
            limit: Some(60),
        },
        Case {
            what: "an address over the limit",
            issue: Box::new(parse_address(&"路".repeat(ADDRESS_MAX_CHARS + 1)).expect_err("long")),
            code: "address.too_long",
            limit: Some(u32::try_from(ADDRESS_MAX_CHARS).expect("small")),
        },
        Case {
            what: "an empty name names no limit",
            issue: Box::new(parse_name("").expect_err("empty")),
            code: "name.empty",
            limit: None,
        },
        Case {
            what: "a wrong mobile names no limit",
            issue: Box::new(parse_mobile("12345").expect_err("short")),
            code: "mobile.format",
            limit: None,
        },
    ];
    for c in cases {
        assert_eq!(c.issue.code(), c.code, "{}", c.what);
        assert_eq!(c.issue.limit(), c.limit, "{}", c.what);
    }
}

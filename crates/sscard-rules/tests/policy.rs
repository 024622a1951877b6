//! Policy as dated data (002 Q6, Q14, Q18, Q27; 003 L19; 004 L4–L6, L26; DECISIONS D4, D7, D16).
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::d;
use sscard_rules::*;

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn beijing_values() {
    let p = policy(City::Beijing, d(2026, 3, 2)).expect("Beijing policy resolves (D4)");
    assert_eq!(
        (p.banks.value.len(), p.bank_count.value),
        (14, 14),
        "14 banks: (listed, count) (002 Q6 L57)"
    );
    let huaxia = p
        .banks
        .value
        .iter()
        .find(|b| b.bank == Bank::HuaXia)
        .map(|b| (b.name_zh.as_ref(), b.posts_cards));
    assert_eq!(
        huaxia,
        Some(("华夏银行", true)),
        "华夏: (name, posts cards) (002 Q6 L57; D7)"
    );
    assert_eq!(
        p.banks.citation.to_string(),
        "002_18b018be9bee0abf.txt Q6 L57",
        "citation display (002 Q6 L57)"
    );
    let num = |o: &Option<Param<u32>>| o.as_ref().map(|p| p.value);
    // (parameter, value, expected, source)
    let numbers = [
        (
            "temp_loss_auto_lift_days",
            num(&p.temp_loss_auto_lift_days),
            Some(15),
            "002 Q18 L135",
        ),
        (
            "bank_change_cooldown_months",
            num(&p.bank_change_cooldown_months),
            Some(6),
            "002 Q27 L185",
        ),
        (
            "application_natural_days",
            num(&p.application_natural_days),
            Some(30),
            "000 ¶ L17",
        ),
        (
            "replacement_working_days",
            num(&p.replacement_working_days),
            Some(4),
            "000 ¶ L19",
        ),
        (
            "employer_return_days",
            num(&p.employer_return_days),
            Some(30),
            "002 Q14 L113",
        ),
        (
            "elderly_age_months (59y6m)",
            num(&p.elderly_age_months),
            Some(714),
            "002 Q4 L33",
        ),
        (
            "renewal_window_days: no Beijing renewal rule",
            num(&p.renewal_window_days),
            None,
            "catalogue §13 G-7",
        ),
    ];
    for (name, got, want, source) in numbers {
        assert_eq!(got, want, "{name} ({source})");
    }
    assert_eq!(
        p.application_natural_days.as_ref().map(|x| x.valid_from),
        Some(d(2026, 1, 4)),
        "normalised wording from 2026-01-04 (000 ¶ L17; D4)"
    );
    assert_eq!(
        p.courier_fee.as_ref().map(|c| c.value),
        Some(CourierFee::Free),
        "free post (002 Q31 L203)"
    );
    assert_eq!(
        p.transit_included_in_production.as_ref().map(|c| c.value),
        Some(false),
        "transit excluded (000 ¶ L19)"
    );
    assert_eq!(p.phase.value, Phase::Normalised, "phase (000 ¶ L8)");
    assert_eq!(
        p.hotline.as_ref().map(|h| h.value.as_ref()),
        Some("96066"),
        "hotline (002 Q40 L249)"
    );
    assert!(!p.offers.is_empty(), "offers (catalogue §4.2)");

    let pilot = policy(City::Beijing, d(2024, 2, 1)).expect("the pilot's policy");
    assert_eq!(
        (
            pilot.phase.value,
            pilot.individual_application_open.value,
            pilot
                .application_natural_days
                .as_ref()
                .map(|x| x.valid_from)
        ),
        (Phase::Pilot, false, Some(d(2024, 1, 31))),
        "pilot: (phase, individual applications open, 30 days valid from) (001 问答(三) L31; 001 ¶ L13)"
    );
    // D4: before the pilot is an error, not a guess.
    let before = policy(City::Beijing, d(2024, 1, 30));
    assert!(
        matches!(before, Err(PolicyError::BeforeValidity { valid_from, .. }) if valid_from == d(2024, 1, 31)),
        "before validity, valid from 2024-01-31 (D4): {before:?}"
    );
    assert_eq!(
        first_valid_date(City::Beijing),
        d(2024, 1, 31),
        "first valid date (D4)"
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn shanghai_and_urumqi_values() {
    let sh = policy(City::Shanghai, d(2026, 3, 2)).expect("Shanghai policy resolves");
    assert_eq!(
        (
            sh.bank_count.value,
            sh.banks.value.len(),
            sh.application_natural_days.is_some(),
            sh.temp_loss_auto_lift_days.is_some()
        ),
        (11, 0, false, false),
        "Shanghai: (bank count, banks listed, natural days?, auto-lift days?) (003 L19; D15)"
    );
    let early = policy(City::Shanghai, d(2023, 2, 15));
    assert!(
        early.is_err(),
        "Shanghai before the article (003 L3; D16): {early:?}"
    );
    let ur = policy(City::Urumqi, d(2026, 3, 2)).expect("Urumqi policy resolves");
    assert_eq!(
        (
            ur.banks.value.len(),
            ur.banks
                .value
                .iter()
                .filter(|b| b.remote_replacement)
                .count(),
            ur.renewal_window_days.as_ref().map(|r| r.value),
            ur.courier_fee.as_ref().map(|c| c.value),
            ur.collective_application.value
        ),
        (9, 4, Some(60), Some(CourierFee::PaidByRecipient), false),
        "Urumqi: (banks, remote replacement banks, renewal window days, courier fee, collective \
         applications) (004 ¶ L4, L6; Q L19, L24, L26)"
    );
    let early = policy(City::Urumqi, d(2026, 3, 1));
    assert!(early.is_err(), "Urumqi before 2026-03-02 (D16): {early:?}");
    assert_eq!(
        param_u32(
            City::Shanghai,
            NumericParam::TempLossAutoLiftDays,
            d(2026, 3, 2),
        )
        .map_err(|e| e.code()),
        Err("policy.not_defined"),
        "not defined (D15)"
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn stable_ids_and_bank_names() {
    assert_eq!(City::Beijing.id(), "beijing", "city id");
    assert_eq!(City::from_id("urumqi"), Some(City::Urumqi), "city from id");
    assert_eq!(
        serde_json::to_string(&Actor::Holder).ok().as_deref(),
        Some("\"self\""),
        "actor self"
    );
    assert_eq!(
        serde_json::to_string(&Channel::DistrictStreetPoint)
            .ok()
            .as_deref(),
        Some("\"district_street_point\""),
        "channel id"
    );
    for s in Service::ALL {
        let json = serde_json::to_string(s).unwrap_or_default();
        assert_eq!(json, format!("\"{}\"", s.id()), "service id of {s:?}");
    }
    let names: &[(&str, Option<Bank>)] = &[
        ("华夏银行", Some(Bank::HuaXia)),
        ("神州银行", None),
        ("建立银行", None),
        ("邮政储备银行", None),
        ("中国工商银行", Some(Bank::Icbc)),
        ("中国银行", Some(Bank::Boc)),
        ("郵儲銀行", Some(Bank::Psbc)),
        ("烏魯木齊銀行", Some(Bank::BankOfUrumqi)),
        ("中国邮政储蓄银行", Some(Bank::Psbc)),
    ];
    for (n, want) in names {
        assert_eq!(
            Bank::from_chinese_name(n),
            *want,
            "{n} (catalogue §13 C-1; D7)"
        );
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn city_names() {
    let rows: &[(City, &str, &str, &str)] = &[
        (City::Beijing, "北京", "Beijing", "002 (北京市)"),
        (City::Shanghai, "上海", "Shanghai", "003 L13 (上海户籍)"),
        (
            City::Urumqi,
            "乌鲁木齐",
            "Urumqi",
            "004 (烏魯木齊, simplified)",
        ),
    ];
    let cities: Vec<City> = rows.iter().map(|row| row.0).collect();
    assert_eq!(cities, City::ALL, "every city has a row, in order");
    for (city, zh, en, source) in rows {
        assert_eq!(
            (city.name_zh(), city.name_en()),
            (*zh, *en),
            "{city} ({source})"
        );
    }
}

/// Each city's online application, from its offers (D36): the banks, the delivery and what
/// delivery asks for.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn application_terms_per_city() {
    struct Case {
        city: City,
        business: Business,
        banks: Vec<Bank>,
        bank_count: u32,
        pickups: Vec<PickupMethod>,
        paid_by_recipient: bool,
        holder_signs: bool,
        backup_centre: bool,
        /// What the application tells the applicant, with the seed line each rests on.
        notes: Vec<(NoteKind, u32)>,
        source: &'static str,
    }
    let on = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let cases = [
        Case {
            city: City::Beijing,
            business: Business::FirstApplication,
            banks: banks(City::Beijing, on)
                .unwrap()
                .value
                .iter()
                .map(|b| b.bank)
                .collect(),
            bank_count: 14,
            pickups: vec![PickupMethod::Mail, PickupMethod::Branch],
            paid_by_recipient: false,
            holder_signs: false,
            backup_centre: false,
            notes: vec![],
            source: "002 Q6 L57; 000 L15",
        },
        Case {
            city: City::Shanghai,
            business: Business::FirstApplication,
            banks: vec![],
            bank_count: 11,
            pickups: vec![PickupMethod::Mail],
            paid_by_recipient: false,
            holder_signs: false,
            backup_centre: true,
            notes: vec![(NoteKind::SharedPhoto, 29)],
            source: "003 换发方式(三) L23; 便民措施(二) L29, (四) L33",
        },
        Case {
            city: City::Urumqi,
            business: Business::Renewal,
            banks: vec![Bank::Icbc, Bank::Abc, Bank::Boc, Bank::Ccb],
            bank_count: 9,
            pickups: vec![PickupMethod::Mail],
            paid_by_recipient: true,
            holder_signs: true,
            backup_centre: false,
            notes: vec![(NoteKind::ElectronicCardFollows, 7)],
            source: "004 Q L23–L26; ¶ L7",
        },
    ];
    for c in cases {
        let t = application_terms(c.city, on).unwrap().unwrap();
        let got: Vec<Bank> = t.banks.iter().map(|b| b.bank).collect();
        assert_eq!(got, c.banks, "{:?} banks ({})", c.city, c.source);
        assert_eq!(
            t.business, c.business,
            "{:?} business ({})",
            c.city, c.source
        );
        assert_eq!(
            t.bank_count, c.bank_count,
            "{:?} bank count ({})",
            c.city, c.source
        );
        assert_eq!(t.pickups, c.pickups, "{:?} pickups ({})", c.city, c.source);
        assert_eq!(
            (t.postage_paid_by_recipient, t.holder_signs, t.backup_centre),
            (c.paid_by_recipient, c.holder_signs, c.backup_centre),
            "{:?} delivery terms ({})",
            c.city,
            c.source
        );
        let notes: Vec<(NoteKind, u32)> = t
            .notes
            .iter()
            .map(|n| (n.kind, n.citation.line.unwrap_or(0)))
            .collect();
        assert_eq!(notes, c.notes, "{:?} notes ({})", c.city, c.source);
        assert!(
            !t.bank_citations.is_empty(),
            "{:?} cites no bank list",
            c.city
        );
        assert_eq!(
            t.delivery_citations.is_empty(),
            c.city == City::Beijing,
            "{:?}: the posted-only cities cite their delivery terms",
            c.city
        );
    }
}

/// What delivery asks for, checked: Shanghai's backup centre, Urumqi's holder as recipient.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn delivery_terms_are_checked() {
    let on = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let address = |recipient: &str| sscard_rules::wire::PostalAddress {
        recipient: recipient.into(),
        mobile: "13800138000".into(),
        address: "某路1号".into(),
        postal_code: "830000".into(),
    };
    let codes = |city, holder: &str, a: &str, centre: Option<&str>| -> Vec<&'static str> {
        let t = application_terms(city, on).unwrap().unwrap();
        check_delivery_terms(&t, holder, Some(&address(a)), centre)
            .iter()
            .map(|e| e.error.code())
            .collect()
    };
    let long = "长".repeat(BACKUP_CENTRE_MAX_CHARS + 1);
    // (city, holder, recipient, backup centre, the codes expected, the source)
    type Case<'a> = (
        City,
        &'a str,
        &'a str,
        Option<&'a str>,
        Vec<&'a str>,
        &'a str,
    );
    let cases: [Case; 7] = [
        (
            City::Urumqi,
            "艾力",
            "艾力",
            None,
            vec![],
            "004 Q L24: 须本人签收",
        ),
        (
            City::Urumqi,
            "艾力",
            " 艾 力 ",
            None,
            vec![],
            "names compared normalised",
        ),
        (
            City::Urumqi,
            "艾力",
            "王芳",
            None,
            vec!["postal_address.recipient_not_holder"],
            "004 Q L24",
        ),
        (
            City::Shanghai,
            "王芳",
            "王芳",
            Some("徐家汇街道社区事务受理服务中心"),
            vec![],
            "003 L33",
        ),
        (
            City::Shanghai,
            "王芳",
            "李雷",
            Some("徐家汇街道"),
            vec![],
            "a parent may receive it",
        ),
        (
            City::Shanghai,
            "王芳",
            "王芳",
            Some("  "),
            vec!["backup_centre.empty"],
            "003 L33; D36",
        ),
        (
            City::Shanghai,
            "王芳",
            "王芳",
            Some(&long),
            vec!["backup_centre.too_long"],
            "D36",
        ),
    ];
    for (city, holder, recipient, centre, want, source) in cases {
        assert_eq!(
            codes(city, holder, recipient, centre),
            want,
            "{city:?} {recipient} {centre:?} ({source})"
        );
    }
}

/// The revisions the build writes are the ones `revisions()` computes from the embedded data,
/// so an app whose page or answers name them parses nothing (D37).
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn the_embedded_revisions_are_what_the_server_names() {
    assert_eq!(revisions(), EMBEDDED_REVISIONS);
    assert!(!calendar_differs(EMBEDDED_REVISIONS));
    assert_eq!(
        cities_with_other_revision(EMBEDDED_REVISIONS),
        Vec::<City>::new()
    );
    assert_eq!(
        EMBEDDED_REVISIONS.split(',').count(),
        City::ALL.len() + 1,
        "every city and the calendar"
    );
}

/// The values a policy table shows are listed once (`PolicyParam::ALL`, issue #12): every
/// numeric value is among them, in its own order, no id twice; each row carries the value, its
/// valid-from date and its source. Beijing in June 2026: normalised issuance (000 ¶ L8), cards
/// made on the spot in about 10 minutes (002 Q30 L199), production limits without the post
/// since the pilot (000 ¶ L19), and no renewal window in the sources.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn policy_table_lists_every_value_once_with_its_source() {
    let numbers: Vec<NumericParam> = PolicyParam::ALL
        .iter()
        .filter_map(|p| match p {
            PolicyParam::Number(n) => Some(*n),
            _ => None,
        })
        .collect();
    assert_eq!(numbers, NumericParam::ALL.to_vec());
    let mut ids: Vec<&str> = PolicyParam::ALL.iter().map(|p| p.id()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), PolicyParam::ALL.len(), "an id used twice");

    let p = policy(City::Beijing, d(2026, 6, 1)).expect("Beijing resolves");
    let row = |param| {
        p.value_of(param)
            .map(|v| (v.value, v.valid_from, v.citation.to_string()))
    };
    let cases = [
        (
            PolicyParam::Phase,
            Some((ParamValue::Phase(Phase::Normalised), d(2026, 1, 4))),
            "000_05912e07b396c381.txt ¶ L8",
        ),
        (
            PolicyParam::Number(NumericParam::InstantMinutes),
            Some((ParamValue::Number(10), d(2024, 1, 31))),
            "002_18b018be9bee0abf.txt Q30 L199",
        ),
        (
            PolicyParam::TransitIncludedInProduction,
            Some((ParamValue::YesNo(false), d(2024, 1, 31))),
            "000_05912e07b396c381.txt ¶ L19",
        ),
        (
            PolicyParam::Number(NumericParam::RenewalWindowDays),
            None,
            "",
        ),
    ];
    for (param, want, source) in cases {
        let got = row(param);
        assert_eq!(
            got.as_ref().map(|(v, from, _)| (*v, *from)),
            want,
            "{}",
            param.id()
        );
        if let Some((_, _, cited)) = got {
            assert!(cited.starts_with(source), "{}: {cited}", param.id());
        }
    }
}

//! Policy as dated data (002 Q6, Q14, Q18, Q27; 003 L19; 004 L4–L6, L26; DECISIONS D4, D7, D16).
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{check, d};
use sscard_rules::*;

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn beijing_values() {
    let Ok(p) = policy(City::Beijing, d(2026, 3, 2)) else {
        check(false, "D4", "Beijing policy resolves");
        return;
    };
    check(
        p.banks.value.len() == 14 && p.bank_count.value == 14,
        "002 Q6 L57",
        "14 banks",
    );
    check(
        p.banks
            .value
            .iter()
            .any(|b| b.bank == Bank::HuaXia && b.name_zh == "华夏银行" && b.posts_cards),
        "002 Q6 L57; D7",
        "华夏",
    );
    check(
        p.banks.citation.to_string() == "002_18b018be9bee0abf.txt Q6 L57",
        "002 Q6 L57",
        "citation display",
    );
    let num = |o: &Option<Param<u32>>| o.as_ref().map(|p| p.value);
    check(
        num(&p.temp_loss_auto_lift_days) == Some(15),
        "002 Q18 L135",
        "15 days",
    );
    check(
        num(&p.bank_change_cooldown_months) == Some(6),
        "002 Q27 L185",
        "6 months",
    );
    check(
        num(&p.application_natural_days) == Some(30),
        "000 ¶ L17",
        "30 natural days",
    );
    check(
        p.application_natural_days
            .as_ref()
            .is_some_and(|x| x.valid_from == d(2026, 1, 4)),
        "000 ¶ L17; D4",
        "normalised wording from 2026-01-04",
    );
    check(
        num(&p.replacement_working_days) == Some(4),
        "000 ¶ L19",
        "4 working days",
    );
    check(
        num(&p.employer_return_days) == Some(30),
        "002 Q14 L113",
        "30 days",
    );
    check(
        num(&p.elderly_age_months) == Some(714),
        "002 Q4 L33",
        "59y6m",
    );
    check(
        p.renewal_window_days.is_none(),
        "catalogue §13 G-7",
        "no Beijing renewal rule",
    );
    check(
        p.courier_fee.as_ref().map(|c| c.value) == Some(CourierFee::Free),
        "002 Q31 L203",
        "free post",
    );
    check(
        p.transit_included_in_production.as_ref().map(|c| c.value) == Some(false),
        "000 ¶ L19",
        "transit excluded",
    );
    check(p.phase.value == Phase::Normalised, "000 ¶ L8", "phase");
    check(
        p.hotline.as_ref().is_some_and(|h| h.value == "96066"),
        "002 Q40 L249",
        "hotline",
    );
    check(!p.offers.is_empty(), "catalogue §4.2", "offers");

    let pilot = policy(City::Beijing, d(2024, 2, 1));
    check(
        pilot.as_ref().is_ok_and(|p| {
            p.phase.value == Phase::Pilot
                && !p.individual_application_open.value
                && p.application_natural_days
                    .as_ref()
                    .is_some_and(|x| x.valid_from == d(2024, 1, 31))
        }),
        "001 问答(三) L31; 001 ¶ L13",
        "pilot",
    );
    check(
        matches!(policy(City::Beijing, d(2024, 1, 30)), Err(PolicyError::BeforeValidity { valid_from, .. }) if valid_from == d(2024, 1, 31)),
        "D4: before the pilot is an error, not a guess",
        "before validity",
    );
    check(
        first_valid_date(City::Beijing) == d(2024, 1, 31),
        "D4",
        "first valid date",
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn shanghai_and_urumqi_values() {
    let sh = policy(City::Shanghai, d(2026, 3, 2));
    check(
        sh.as_ref().is_ok_and(|p| {
            p.bank_count.value == 11
                && p.banks.value.is_empty()
                && p.application_natural_days.is_none()
                && p.temp_loss_auto_lift_days.is_none()
        }),
        "003 L19; D15",
        "Shanghai",
    );
    check(
        policy(City::Shanghai, d(2023, 2, 15)).is_err(),
        "003 L3; D16",
        "Shanghai before the article",
    );
    let ur = policy(City::Urumqi, d(2026, 3, 2));
    check(
        ur.as_ref().is_ok_and(|p| {
            p.banks.value.len() == 9
                && p.banks
                    .value
                    .iter()
                    .filter(|b| b.remote_replacement)
                    .count()
                    == 4
                && p.renewal_window_days
                    .as_ref()
                    .is_some_and(|r| r.value == 60)
                && p.courier_fee
                    .as_ref()
                    .is_some_and(|c| c.value == CourierFee::PaidByRecipient)
                && !p.collective_application.value
        }),
        "004 ¶ L4, L6; Q L19, L24, L26",
        "Urumqi",
    );
    check(
        policy(City::Urumqi, d(2026, 3, 1)).is_err(),
        "D16",
        "Urumqi before 2026-03-02",
    );
    check(
        param_u32(
            City::Shanghai,
            NumericParam::TempLossAutoLiftDays,
            d(2026, 3, 2),
        )
        .map_err(|e| e.code())
            == Err("policy.not_defined"),
        "D15",
        "not defined",
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn stable_ids_and_bank_names() {
    check(
        City::Beijing.id() == "beijing" && City::from_id("urumqi") == Some(City::Urumqi),
        "ids",
        "city ids",
    );
    check(
        serde_json::to_string(&Actor::Holder).ok().as_deref() == Some("\"self\""),
        "ids",
        "actor self",
    );
    check(
        serde_json::to_string(&Channel::DistrictStreetPoint)
            .ok()
            .as_deref()
            == Some("\"district_street_point\""),
        "ids",
        "channel id",
    );
    for s in Service::ALL {
        let json = serde_json::to_string(s).unwrap_or_default();
        check(
            json == format!("\"{}\"", s.id()),
            "ids",
            &format!("service id {json}"),
        );
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
        check(
            Bank::from_chinese_name(n) == *want,
            "catalogue §13 C-1; D7",
            n,
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
    check(rows.len() == City::ALL.len(), "ids", "every city has a row");
    for (city, zh, en, source) in rows {
        check(
            city.name_zh() == *zh && city.name_en() == *en,
            source,
            &format!("{city}: {} / {}", city.name_zh(), city.name_en()),
        );
    }
}

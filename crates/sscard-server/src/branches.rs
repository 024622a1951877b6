//! Sample bank branches.
//!
//! The seed documents name the cooperating banks but no branches, so every
//! branch below is invented for demonstration and is marked `sample_data` in
//! the API (and so in the UI). Addresses are plausible street names only.

use sscard_rules::{Bank, City, wire::Branch};

/// (id, city, bank, name, district, address, hours, on the spot)
type Row = (
    &'static str,
    City,
    Bank,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    bool,
);

const WEEKDAYS: &str = "周一至周五 9:00-17:00";
const ALL_WEEK: &str = "周一至周日 9:00-17:00";

const ROWS: &[Row] = &[
    (
        "bj-icbc-dongcheng",
        City::Beijing,
        Bank::Icbc,
        "工商银行东城示例支行",
        "东城区",
        "示例路1号",
        ALL_WEEK,
        true,
    ),
    (
        "bj-icbc-haidian",
        City::Beijing,
        Bank::Icbc,
        "工商银行海淀示例支行",
        "海淀区",
        "示例大街20号",
        WEEKDAYS,
        false,
    ),
    (
        "bj-abc-chaoyang",
        City::Beijing,
        Bank::Abc,
        "农业银行朝阳示例支行",
        "朝阳区",
        "示例北路3号",
        WEEKDAYS,
        false,
    ),
    (
        "bj-boc-xicheng",
        City::Beijing,
        Bank::Boc,
        "中国银行西城示例支行",
        "西城区",
        "示例胡同8号",
        ALL_WEEK,
        true,
    ),
    (
        "bj-ccb-fengtai",
        City::Beijing,
        Bank::Ccb,
        "建设银行丰台示例支行",
        "丰台区",
        "示例南路15号",
        WEEKDAYS,
        true,
    ),
    (
        "bj-bocom-chaoyang",
        City::Beijing,
        Bank::Bocom,
        "交通银行朝阳示例支行",
        "朝阳区",
        "示例东路6号",
        WEEKDAYS,
        false,
    ),
    (
        "bj-bob-haidian",
        City::Beijing,
        Bank::BankOfBeijing,
        "北京银行海淀示例支行",
        "海淀区",
        "示例西路9号",
        ALL_WEEK,
        true,
    ),
    (
        "bj-bjrcb-tongzhou",
        City::Beijing,
        Bank::Bjrcb,
        "北京农商银行通州示例支行",
        "通州区",
        "示例街道2号",
        WEEKDAYS,
        false,
    ),
    (
        "bj-psbc-changping",
        City::Beijing,
        Bank::Psbc,
        "邮储银行昌平示例支行",
        "昌平区",
        "示例路88号",
        WEEKDAYS,
        false,
    ),
    (
        "bj-cmb-dongcheng",
        City::Beijing,
        Bank::Cmb,
        "招商银行东城示例支行",
        "东城区",
        "示例大街5号",
        WEEKDAYS,
        false,
    ),
    (
        "sh-icbc-huangpu",
        City::Shanghai,
        Bank::Icbc,
        "工商银行黄浦示例支行",
        "黄浦区",
        "示例路100号",
        WEEKDAYS,
        true,
    ),
    (
        "sh-ccb-pudong",
        City::Shanghai,
        Bank::Ccb,
        "建设银行浦东示例支行",
        "浦东新区",
        "示例大道7号",
        WEEKDAYS,
        false,
    ),
    (
        "urc-icbc-tianshan",
        City::Urumqi,
        Bank::Icbc,
        "工商银行天山示例支行",
        "天山区",
        "示例路12号",
        ALL_WEEK,
        true,
    ),
    (
        "urc-ccb-shayibake",
        City::Urumqi,
        Bank::Ccb,
        "建设银行沙依巴克示例支行",
        "沙依巴克区",
        "示例路30号",
        WEEKDAYS,
        true,
    ),
];

/// The sample branches of `city`.
pub fn of_city(city: City) -> impl Iterator<Item = Branch> {
    ROWS.iter().filter(move |r| r.1 == city).map(|r| Branch {
        id: r.0.to_owned(),
        city: r.1.id().to_owned(),
        bank: r.2.id().to_owned(),
        name: r.3.to_owned(),
        district: r.4.to_owned(),
        address: r.5.to_owned(),
        opening_hours: r.6.to_owned(),
        makes_cards_on_the_spot: r.7,
        sample_data: true,
    })
}

/// The city and the bank of branch `id`, when there is such a branch.
pub fn city_and_bank(id: &str) -> Option<(City, Bank)> {
    ROWS.iter().find(|r| r.0 == id).map(|r| (r.1, r.2))
}

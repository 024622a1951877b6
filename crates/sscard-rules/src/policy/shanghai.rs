//! Shanghai policy data, from seed 003 only (an article of 2023-02-16 about the 新版社保卡).
//!
//! The seed never says "third generation" (catalogue §13 A-18) and gives no production
//! times, loss rules or bank names; those values are left undefined (DECISIONS.md D15).
//! Values apply from the article's date, the earliest date the seed vouches for (D16).

use super::{BankEntry, CityData, Phase, Version, ymd};
use crate::channels::{OfferCondition as C, OfferRow};
use crate::citation::{Citation, SEED_003};
use crate::ids::{Channel as Ch, Service as S};

const FROM: chrono::NaiveDate = ymd(2023, 2, 16);

const DATE_L3: Citation = Citation::seed(SEED_003, "header", 3, "2023-02-16 12:04:24");
const WAYS_L17: Citation = Citation::seed(
    SEED_003,
    "换发方式",
    17,
    "服务银行网点换发、服务银行会同单位批量换发以及网上自助换发",
);
const COMMUNITY_L17: Citation = Citation::seed(
    SEED_003,
    "换发方式",
    17,
    "原社保卡遗失需补换人员,以及社保卡新办人员,仍可到社区事务受理中心网点",
);
const BANKS_L19: Citation =
    Citation::seed(SEED_003, "换发方式(一)", 19, "主要通过11家服务银行网点进行");
const BATCH_L21: Citation = Citation::seed(
    SEED_003,
    "换发方式(二)",
    21,
    "主要由相关服务银行会同用人单位通过批量办理的形式集体组织换发",
);
const ONLINE_L23: Citation = Citation::seed(
    SEED_003,
    "换发方式(三)",
    23,
    "主要由家长在收到学校通知后通过网上平台(网站、微信、App)帮助孩子自助办理换发手续",
);
const INSTANT_L31: Citation = Citation::seed(
    SEED_003,
    "便民措施(三)",
    31,
    "持卡人可以到本市指定社区和银行即时补换卡网点,办理即时补换卡业务,实现即到即补、即补即领",
);
const DOOR_L37: Citation = Citation::seed(
    SEED_003,
    "便民措施(五)",
    37,
    "针对高龄、行动不便等特殊人群,服务银行可以提供上门服务",
);
const MINOR_D3: Citation = Citation::decision("D3");

const fn v<T>(from: chrono::NaiveDate, value: T, cite: Citation) -> Version<T> {
    Version { from, value, cite }
}

const fn row(service: S, channel: Ch, conditions: &'static [C], cite: Citation) -> OfferRow {
    OfferRow {
        service,
        channel,
        offered: true,
        conditions,
        from: FROM,
        until: None,
        cite,
    }
}

const NO_BANKS: &[BankEntry] = &[];

const OFFERS: &[OfferRow] = &[
    row(S::Apply, Ch::BankBranch, &[], BANKS_L19),
    row(S::Apply, Ch::ShanghaiOnline, &[], ONLINE_L23),
    row(S::Apply, Ch::CommunityCentre, &[], COMMUNITY_L17),
    row(S::Apply, Ch::DoorService, &[C::ArrangeWithBranch], DOOR_L37),
    row(S::CollectiveApply, Ch::EmployerBatch, &[], BATCH_L21),
    row(S::Reissue, Ch::CommunityCentre, &[], COMMUNITY_L17),
    row(
        S::Reissue,
        Ch::InstantBranch,
        &[C::InstantCapableBranchOnly],
        INSTANT_L31,
    ),
    row(
        S::Exchange,
        Ch::InstantBranch,
        &[C::InstantCapableBranchOnly],
        INSTANT_L31,
    ),
];

/// All Shanghai data.
pub(super) static DATA: CityData = CityData {
    phase: &[v(FROM, Phase::Changeover, DATE_L3)],
    banks: &[v(FROM, NO_BANKS, BANKS_L19)],
    bank_count: &[v(FROM, 11, BANKS_L19)],
    individual_application_open: &[v(FROM, true, WAYS_L17)],
    collective_application: &[v(FROM, true, BATCH_L21)],
    replacement_working_days: &[],
    instant_minutes: &[],
    transit_included: &[],
    courier_fee: &[],
    temp_loss_auto_lift_days: &[],
    bank_change_cooldown_months: &[],
    renewal_window_days: &[],
    employer_return_days: &[],
    elderly_age_months: &[],
    minor_age_years: &[v(FROM, 18, MINOR_D3)],
    offers: &[OFFERS],
};

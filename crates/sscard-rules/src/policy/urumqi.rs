//! Urumqi policy data, from seed 004 (news of 3月2日, year not stated).
//!
//! The year is unknown; values apply from 2026-03-02, the latest 2 March not after the seeds
//! were collected, so no answer is given for a date the rules may not have covered
//! (DECISIONS.md D16). Every bank service point makes cards on the spot (L5).

use super::{BankEntry, CityData, CourierFee, Phase, Version, ymd};
use crate::channels::{OfferCondition as C, OfferRow};
use crate::citation::{Citation, SEED_004};
use crate::ids::{Bank, Channel as Ch, Service as S};

const FROM: chrono::NaiveDate = ymd(2026, 3, 2);

const START_L2: Citation = Citation::seed(
    SEED_004,
    "¶",
    2,
    "即日起,烏魯木齊市開始換領第三代社會保障卡",
);
const WHO_L3: Citation = Citation::seed(
    SEED_004,
    "¶",
    3,
    "可攜帶本人身份證明原件前往銀行辦理第三代社保卡換領業務",
);
const BANKS_L4: Citation = Citation::seed(
    SEED_004,
    "¶",
    4,
    "涉及工商銀行、農業銀行、中國銀行、建設銀行、交通銀行、郵儲銀行、招商銀行、烏魯木齊銀行、天山農商銀行9家銀行",
);
const INSTANT_L5: Citation = Citation::seed(
    SEED_004,
    "¶",
    5,
    "社保卡服務網點辦理補換社保卡業務已實現立等可取",
);
const RENEW_L6: Citation = Citation::seed(
    SEED_004,
    "¶",
    6,
    "在社保卡有效期限屆滿前60天即可辦理換卡業務",
);
const SAME_L18: Citation = Citation::seed(
    SEED_004,
    "Q",
    18,
    "第三代社保卡的申領、激活、補換、挂失(解挂)、注銷等業務流程與第二代社保卡相同",
);
const NO_BATCH_L19: Citation = Citation::seed(SEED_004, "Q", 19, "第三代社保卡換領不組織批量更換");
const BANK_CHANGE_L21: Citation = Citation::seed(
    SEED_004,
    "Q",
    21,
    "可以在挂失第二代社保卡後,前往新選擇的銀行網點辦理補換卡業務",
);
const REMOTE_L23: Citation = Citation::seed(
    SEED_004,
    "Q",
    23,
    "不便于返鄉辦理的,可通過“新疆智慧人社”App或“新疆智慧人社”微信小程序進行線上辦理",
);
const EMS_L24: Citation = Citation::seed(
    SEED_004,
    "Q",
    24,
    "郵寄采取“收件到付”方式送達,郵件須本人簽收",
);
const DOOR_L28: Citation = Citation::seed(
    SEED_004,
    "Q",
    28,
    "比如中國銀行新疆分行持續提供上門及異地見證服務",
);
const TEN_MIN_L33: Citation =
    Citation::seed(SEED_004, "現場", 33, "不到十分鐘辦結換卡變更賬号業務");
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

/// Only the four remote-module banks post cards (by EMS, to remote residents).
const fn bank(b: Bank, remote: bool) -> BankEntry {
    BankEntry {
        bank: b,
        posts_cards: remote,
        remote,
    }
}

const BANKS: &[BankEntry] = &[
    bank(Bank::Icbc, true),
    bank(Bank::Abc, true),
    bank(Bank::Boc, true),
    bank(Bank::Ccb, true),
    bank(Bank::Bocom, false),
    bank(Bank::Psbc, false),
    bank(Bank::Cmb, false),
    bank(Bank::BankOfUrumqi, false),
    bank(Bank::TianshanRcb, false),
];

const REMOTE: &[C] = &[
    C::RemoteResidentsOnly,
    C::RemoteBanksOnly,
    C::PostagePaidByRecipient,
    C::HolderSignsForDelivery,
];

const OFFERS: &[OfferRow] = &[
    row(S::Apply, Ch::BankBranch, &[C::InPersonOnly], WHO_L3),
    row(S::Reissue, Ch::BankBranch, &[C::InPersonOnly], INSTANT_L5),
    row(S::Exchange, Ch::BankBranch, &[C::InPersonOnly], INSTANT_L5),
    row(S::Renewal, Ch::BankBranch, &[C::InPersonOnly], RENEW_L6),
    row(S::Reissue, Ch::XinjiangHrssApp, REMOTE, REMOTE_L23),
    row(S::Exchange, Ch::XinjiangHrssApp, REMOTE, REMOTE_L23),
    row(S::Renewal, Ch::XinjiangHrssApp, REMOTE, REMOTE_L23),
    row(
        S::ChangeBank,
        Ch::BankBranch,
        &[C::InPersonOnly],
        BANK_CHANGE_L21,
    ),
    row(S::EnableSocial, Ch::BankBranch, &[], SAME_L18),
    row(
        S::ActivateFinancial,
        Ch::BankBranch,
        &[C::InPersonOnly],
        SAME_L18,
    ),
    row(S::TempLoss, Ch::BankBranch, &[], SAME_L18),
    row(S::Unfreeze, Ch::BankBranch, &[], SAME_L18),
    row(S::CancelSocial, Ch::BankBranch, &[], SAME_L18),
    row(S::Apply, Ch::DoorService, &[C::ArrangeWithBranch], DOOR_L28),
    row(
        S::Exchange,
        Ch::DoorService,
        &[C::ArrangeWithBranch],
        DOOR_L28,
    ),
];

/// All Urumqi data.
pub(super) static DATA: CityData = CityData {
    phase: &[v(FROM, Phase::Changeover, START_L2)],
    banks: &[v(FROM, BANKS, BANKS_L4)],
    bank_count: &[v(FROM, 9, BANKS_L4)],
    individual_application_open: &[v(FROM, true, WHO_L3)],
    collective_application: &[v(FROM, false, NO_BATCH_L19)],
    replacement_working_days: &[],
    instant_minutes: &[v(FROM, 10, TEN_MIN_L33)],
    transit_included: &[],
    courier_fee: &[v(FROM, CourierFee::PaidByRecipient, EMS_L24)],
    temp_loss_auto_lift_days: &[],
    bank_change_cooldown_months: &[],
    renewal_window_days: &[v(FROM, 60, RENEW_L6)],
    employer_return_days: &[],
    elderly_age_months: &[],
    minor_age_years: &[v(FROM, 18, MINOR_D3)],
    offers: &[OFFERS],
};

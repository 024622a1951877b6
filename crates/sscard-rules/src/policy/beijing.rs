//! Beijing policy data (seeds 000, 001, 002). The most complete city.
//!
//! Dates: the pilot started 2024-01-31 (001 问答(三) L31), the mass changeover in June 2024
//! (001 问答(八) L103; taken as 2024-06-01, D4), normalised issuance on 2026-01-04
//! (000 L8; year from the page metadata, D4). The manual (002) is the pilot-era trial manual
//! (catalogue §13 Q-7), so its values apply from 2024-01-31.

use super::{BankEntry, CityData, CourierFee, Phase, Version, ymd};
use crate::channels::{OfferCondition as C, OfferRow};
use crate::citation::{Citation, SEED_000, SEED_001, SEED_002};
use crate::ids::{Bank, Channel as Ch, Service as S};

const PILOT: chrono::NaiveDate = ymd(2024, 1, 31);
const MASS: chrono::NaiveDate = ymd(2024, 6, 1);
const NORMAL: chrono::NaiveDate = ymd(2026, 1, 4);

const fn q(loc: &'static str, line: u32, quote: &'static str) -> Citation {
    Citation::seed(SEED_002, loc, line, quote)
}

const BANKS_Q6: Citation = q(
    "Q6",
    57,
    "目前,北京市共有14家社会保障卡合作银行,分别是工商银行、农业银行、中国银行、建设银行、交通银行、北京银行、华夏银行、中信银行、光大银行、民生银行、招商银行、浦发银行、北京农商银行、邮政储蓄银行",
);

const fn bank(b: Bank) -> BankEntry {
    // Q13: every applicant chooses mail or self-pickup, whatever the bank.
    BankEntry {
        bank: b,
        posts_cards: true,
        remote: false,
    }
}

const BANKS: &[BankEntry] = &[
    bank(Bank::Icbc),
    bank(Bank::Abc),
    bank(Bank::Boc),
    bank(Bank::Ccb),
    bank(Bank::Bocom),
    bank(Bank::BankOfBeijing),
    bank(Bank::HuaXia),
    bank(Bank::Citic),
    bank(Bank::Ceb),
    bank(Bank::Cmbc),
    bank(Bank::Cmb),
    bank(Bank::Spdb),
    bank(Bank::Bjrcb),
    bank(Bank::Psbc),
];

const APPLY_30_Q13: Citation = q(
    "Q13",
    109,
    "个人或用人单位通过线上或线下渠道申领社会保障卡的,自申领之日起30日内完成制作",
);
const APPLY_30_000: Citation = Citation::seed(
    SEED_000,
    "¶",
    17,
    "个人通过线上渠道或区、街社会保障卡服务网点首次申领第三代社保卡的,自申领之日起30个自然日内完成制作",
);
const REPLACE_4_001: Citation = Citation::seed(
    SEED_001,
    "问答(七)",
    87,
    "试点换发目标到互助银行非即时制卡网点哀求补换第三代社保卡的,自哀求之日起4个事情日内完成制造",
);
const REPLACE_4_000: Citation = Citation::seed(
    SEED_000,
    "¶",
    19,
    "个人通过线上或发卡合作银行非即时制卡网点申请补领、换领社保卡的,自申请之日起4个工作日内完成制作",
);
const INSTANT_Q30: Citation = q("Q30", 199, "即时制卡10分钟左右完成");
const TRANSIT_000: Citation =
    Citation::seed(SEED_000, "¶", 19, "第三代社保卡制作时间不包括邮寄在途时间");
const FREE_Q31: Citation = q(
    "Q31",
    203,
    "社会保障卡的申领、补换,免收工本费和用户发卡快递费",
);
const TEMP_LOSS_Q18: Citation = q(
    "Q18",
    135,
    "社会保障卡社会保障功能临时挂失有效期15天,有效期满后自动解挂,恢复使用",
);
const COOLDOWN_Q27: Citation = q("Q27", 185, "持卡人更换过合作银行后,需6个月后方能再次更换");
const RETURN_Q14: Citation = q(
    "Q14",
    113,
    "用人单位应于领卡后30日内,将未发放的社会保障卡退回社会保障卡合作银行",
);
const ELDERLY_Q4: Citation = q("Q4", 33, "本市户籍年满五十九周岁零六个月及以上老年人");
const MINOR_Q38: Citation = q("Q38", 241, "为18岁以下未成年人代办社会保障卡业务");
const HOTLINE_Q40: Citation = q("Q40", 249, "北京市社会保障卡统一服务热线96066");

const PHASE_PILOT: Citation = Citation::seed(
    SEED_001,
    "问答(三)",
    31,
    "答:自2024年1月31日至2024年5月尾。",
);
const PHASE_MASS: Citation = Citation::seed(
    SEED_001,
    "问答(八)",
    103,
    "2024年6月起,将以参保、户籍地点地为依据",
);
const PHASE_NORMAL: Citation = Citation::seed(
    SEED_000,
    "¶",
    8,
    "即日起进入第三代社保卡常态化换发阶段,开放线下网点办理渠道",
);
const PILOT_CLOSED: Citation =
    Citation::seed(SEED_001, "¶", 13, "本市现在暂未开放一局部申领第三代社保卡");
const COLLECTIVE_Q12: Citation = q(
    "Q12",
    103,
    "用人单位如需集体申领社会保障卡,可以单位用户身份通过线上服务渠道或社会保障卡合作银行网点提交职工个人制卡信息",
);

// ---- channel quotes ----
const ONLINE_Q9: Citation = q(
    "Q9",
    79,
    "北京市人力资源和社会保障局官网、北京人社APP、京通微信小程序提供社会保障卡申领、启用、临时挂失、补换卡、服务密码修改和重置、应用状态查询、个人信息(包括地址、职业等)变更等服务",
);
const ONLINE_000: Citation = Citation::seed(
    SEED_000,
    "¶",
    12,
    "线上渠道有四种:北京市人力资源和社会保障局官网、“北京人社”微信公众号、京通小程序以及北京民生一卡通微信小程序",
);
const MINSHENG_Q5: Citation = q(
    "Q5",
    49,
    "线上可通过北京市人力资源和社会保障局官网、北京人社APP、京通微信小程序、北京民生一卡通微信小程序等渠道办理",
);
const OFFLINE_000: Citation = Citation::seed(
    SEED_000,
    "¶",
    13,
    "线下申领渠道为区、街两级社会保障卡服务网点,以及各社保卡合作银行服务网点",
);
const DISTRICT_Q7: Citation = q(
    "Q7",
    61,
    "区、街两级社会保障卡服务网点可提供社会保障卡申领、启用、临时挂失、社会保障功能正式挂失、社会保障功能解挂(仅正式挂失)、社会保障功能注销、服务密码修改和重置、应用状态查询、个人信息(不含金融账户预留手机号码)变更等服务",
);
const DISTRICT_NO_Q10: Citation = q(
    "Q10",
    89,
    "按照金融监管相关要求,区、街两级社会保障卡服务网点暂不提供社会保障卡补换服务",
);
const DISTRICT_NO_FIN_Q10: Citation = q(
    "Q10",
    89,
    "区、街两级社会保障卡服务网点仅提供人社本领域的社会保障卡相关服务,无法提供涉及金融功能相关挂失、注销等服务,以及依托社会保障卡提供的交通、公园年票等服务",
);
const BANK_Q8: Citation = q(
    "Q8",
    67,
    "社会保障卡申领、启用、临时挂失、正式挂失、解挂、补换卡、注销、服务密码修改和重置、应用状态查询、个人信息变更等",
);
const BANK_PUBLIC_Q8: Citation = q(
    "Q8",
    69,
    "城市交通账户充值、退资,交通优待功能开通、延期,公园年票开通等依托社会保障卡整合的公共服务",
);
const INSTANT_000: Citation = Citation::seed(
    SEED_000,
    "¶",
    17,
    "参保人到社保卡合作银行即时制卡网点申领、补领或换领第三代社保卡的,可现场完成领卡,启用社会保障功能并自愿激活金融功能",
);
const ONLINE_NO_Q10: Citation = q(
    "Q10",
    91,
    "线上服务渠道暂不提供需要本人临柜的服务,如即时制卡、金融账户激活等",
);
const ENABLE_Q15: Citation = q(
    "Q15",
    119,
    "该网点已对您的卡片进行了社会保障功能启用和金融功能激活,可以直接使用",
);
const ACTIVATE_Q15: Citation = q("Q15", 121, "使用金融功能,还需您到发卡合作银行网点柜面办理");
const TEMP_Q18: Citation = q(
    "Q18",
    135,
    "您应第一时间通过线上、线下渠道或拨打96066热线服务电话办理临时挂失",
);
const TEMP_BANK_Q21: Citation = q(
    "Q21",
    147,
    "建议您到发卡合作银行服务网点一并办理。区、街两级社会保障卡服务网点暂无法办理金融账户的挂失和解挂",
);
const FORMAL_Q20: Citation = q(
    "Q20",
    143,
    "可持本人有效身份证件原件到发卡合作银行服务网点办理正式挂失和补领手续",
);
const UNFREEZE_Q19: Citation = q(
    "Q19",
    139,
    "可持本人有效身份证件和社会保障卡原件到发卡合作银行服务网点办理解挂手续",
);
const EXCHANGE_Q23: Citation = q(
    "Q23",
    155,
    "您可以通过线上或持本人有效证件到发卡合作银行服务网点申请换领社会保障卡",
);
const OTHER_BANK_D8: Citation = Citation::decision("D8");
const CHANGE_Q26_OLD: Citation = q(
    "Q26",
    177,
    "持本人有效证件和社会保障卡原件到发卡合作银行服务网点办理,告知银行网点工作人员需更换银行",
);
const CHANGE_Q26_NEW: Citation = q(
    "Q26",
    181,
    "持本人有效证件到需更换合作银行的服务网点办理申领手续,并按照个人需求领卡",
);
const CANCEL_Q34: Citation = q(
    "Q34",
    217,
    "到区、街两级社会保障卡服务网点或合作银行服务网点办理社会保障卡社会保障功能注销手续",
);
const CANCEL_FIN_Q34: Citation = q(
    "Q34",
    219,
    "如需一并办理金融功能注销,持卡人或者代理人可在人社、民政等相关业务办结到发卡合作银行服务网点办理社会保障卡注销手续",
);
const STATUS_Q37: Citation = q(
    "Q37",
    233,
    "个人可通过线上或线下服务渠道、拨打96066或合作银行服务电话等方式查询办卡进度、应用状态等相关信息",
);
const INFO_Q32: Citation = q(
    "Q32",
    207,
    "持卡人可通过线上或线下渠道变更本人地址、职业、手机号码等信息",
);
const PHONE_Q32: Citation = q(
    "Q32",
    209,
    "如果您需要一并变更社会保障卡金融账户预留手机号码,请您务必到发卡合作银行服务网点办理变更",
);
const TOPUP_Q45: Citation = q(
    "Q45",
    273,
    "市民可持卡到全市合作银行服务网点、市政交通一卡通充值网点或者通过北京一卡通APP进行充值",
);
const PARK_Q47: Citation = q(
    "Q47",
    281,
    "持卡人可在我市公园年票发售期内,购买公园游览年票(100元)",
);
const PARK_001: Citation = Citation::seed(
    SEED_001,
    "¶",
    11,
    "到本市公园旅游年票出售网点置办充值后使用",
);
const DOOR_Q39: Citation = q(
    "Q39",
    245,
    "我们鼓励合作银行服务网点主动为行动不便的老年人、残疾人等特殊人群提供社会保障卡业务的上门服务",
);
const CONFIRM_001: Citation = Citation::seed(
    SEED_001,
    "问答(五)",
    53,
    "参保单位登录北京市人力资源和社会保证局官网",
);

const fn row(
    service: S,
    channel: Ch,
    conditions: &'static [C],
    from: chrono::NaiveDate,
    cite: Citation,
) -> OfferRow {
    OfferRow {
        service,
        channel,
        offered: true,
        conditions,
        from,
        until: None,
        cite,
    }
}

const fn no(service: S, channel: Ch, cite: Citation) -> OfferRow {
    OfferRow {
        service,
        channel,
        offered: false,
        conditions: &[],
        from: PILOT,
        until: None,
        cite,
    }
}

const ONLINE3: [Ch; 3] = [Ch::HrssWebsite, Ch::BeijingHrssApp, Ch::JingtongMiniProgram];

/// Builds the three Q9 online rows for one service.
const fn online3(service: S, conditions: &'static [C], from: chrono::NaiveDate) -> [OfferRow; 3] {
    [
        row(service, ONLINE3[0], conditions, from, ONLINE_Q9),
        row(service, ONLINE3[1], conditions, from, ONLINE_Q9),
        row(service, ONLINE3[2], conditions, from, ONLINE_Q9),
    ]
}

// From the pilot: employers applied online then (001 问答(五) L53); individuals only later (D4).
const APPLY_ONLINE: [OfferRow; 3] = online3(S::Apply, &[], PILOT);
const ENABLE_ONLINE: [OfferRow; 3] = online3(S::EnableSocial, &[], PILOT);
const TEMP_ONLINE: [OfferRow; 3] = online3(S::TempLoss, &[], PILOT);
const REISSUE_ONLINE: [OfferRow; 3] = online3(S::Reissue, &[], PILOT);
const EXCHANGE_ONLINE: [OfferRow; 3] = online3(S::Exchange, &[C::KeyDataChangedFirst], PILOT);
const PWC_ONLINE: [OfferRow; 3] = online3(S::PasswordChange, &[], PILOT);
const PWR_ONLINE: [OfferRow; 3] = online3(S::PasswordReset, &[], PILOT);
const STATUS_ONLINE: [OfferRow; 3] = online3(S::StatusQuery, &[], PILOT);
const INFO_ONLINE: [OfferRow; 3] = online3(S::InfoChange, &[], PILOT);

const OFFER_PARTS: &[&[OfferRow]] = &[
    &APPLY_ONLINE,
    &[
        row(S::Apply, Ch::BeijingHrssWechat, &[], NORMAL, ONLINE_000),
        row(
            S::Apply,
            Ch::MinshengMiniProgram,
            &[C::ApplicationOnlyChannel],
            MASS,
            MINSHENG_Q5,
        ),
        row(S::Apply, Ch::DistrictStreetPoint, &[], NORMAL, OFFLINE_000),
        row(S::Apply, Ch::BankBranch, &[], NORMAL, OFFLINE_000),
        row(
            S::Apply,
            Ch::InstantBranch,
            &[C::InstantCapableBranchOnly, C::InPersonOnly],
            NORMAL,
            INSTANT_000,
        ),
        row(
            S::Apply,
            Ch::DoorService,
            &[C::ArrangeWithBranch],
            PILOT,
            DOOR_Q39,
        ),
        row(
            S::CollectiveApply,
            Ch::HrssWebsite,
            &[C::AsEmployerUser],
            PILOT,
            COLLECTIVE_Q12,
        ),
        row(
            S::CollectiveApply,
            Ch::BankBranch,
            &[],
            PILOT,
            COLLECTIVE_Q12,
        ),
        row(
            S::ConfirmCollective,
            Ch::HrssWebsite,
            &[],
            PILOT,
            CONFIRM_001,
        ),
    ],
    &ENABLE_ONLINE,
    &[
        row(
            S::EnableSocial,
            Ch::DistrictStreetPoint,
            &[],
            PILOT,
            DISTRICT_Q7,
        ),
        row(
            S::EnableSocial,
            Ch::BankBranch,
            &[C::AutomaticAtBranchPickup],
            PILOT,
            ENABLE_Q15,
        ),
        row(S::EnableSocial, Ch::InstantBranch, &[], PILOT, INSTANT_000),
        row(
            S::ActivateFinancial,
            Ch::IssuingBankBranch,
            &[C::InPersonOnly, C::Voluntary],
            PILOT,
            ACTIVATE_Q15,
        ),
        row(
            S::ActivateFinancial,
            Ch::InstantBranch,
            &[C::InPersonOnly, C::Voluntary],
            PILOT,
            INSTANT_000,
        ),
        no(S::ActivateFinancial, Ch::HrssWebsite, ONLINE_NO_Q10),
        no(S::ActivateFinancial, Ch::BeijingHrssApp, ONLINE_NO_Q10),
        no(S::ActivateFinancial, Ch::JingtongMiniProgram, ONLINE_NO_Q10),
        no(
            S::ActivateFinancial,
            Ch::DistrictStreetPoint,
            DISTRICT_NO_FIN_Q10,
        ),
    ],
    &TEMP_ONLINE,
    &[
        row(S::TempLoss, Ch::Hotline, &[], PILOT, TEMP_Q18),
        row(
            S::TempLoss,
            Ch::DistrictStreetPoint,
            &[C::SocialFunctionOnly],
            PILOT,
            TEMP_BANK_Q21,
        ),
        row(S::TempLoss, Ch::BankBranch, &[], PILOT, BANK_Q8),
        row(
            S::TempLoss,
            Ch::IssuingBankBranch,
            &[],
            PILOT,
            TEMP_BANK_Q21,
        ),
        row(
            S::FormalLoss,
            Ch::IssuingBankBranch,
            &[C::OriginalIdRequired],
            PILOT,
            FORMAL_Q20,
        ),
        row(
            S::FormalLoss,
            Ch::DistrictStreetPoint,
            &[C::SocialFunctionOnly],
            PILOT,
            DISTRICT_Q7,
        ),
        row(
            S::Unfreeze,
            Ch::IssuingBankBranch,
            &[
                C::OriginalIdRequired,
                C::OriginalCardRequired,
                C::NoReissueDone,
            ],
            PILOT,
            UNFREEZE_Q19,
        ),
        row(
            S::Unfreeze,
            Ch::DistrictStreetPoint,
            &[C::SocialFunctionOnly, C::FormalLossOnly, C::NoReissueDone],
            PILOT,
            DISTRICT_Q7,
        ),
    ],
    &REISSUE_ONLINE,
    &[
        row(
            S::Reissue,
            Ch::IssuingBankBranch,
            &[C::OriginalIdRequired],
            PILOT,
            FORMAL_Q20,
        ),
        row(
            S::Reissue,
            Ch::InstantBranch,
            &[C::InstantCapableBranchOnly, C::InPersonOnly],
            PILOT,
            INSTANT_000,
        ),
        row(
            S::Reissue,
            Ch::BankBranch,
            &[C::OtherBankMeansBankChange],
            PILOT,
            OTHER_BANK_D8,
        ),
        no(S::Reissue, Ch::DistrictStreetPoint, DISTRICT_NO_Q10),
    ],
    &EXCHANGE_ONLINE,
    &[
        row(
            S::Exchange,
            Ch::IssuingBankBranch,
            &[C::KeyDataChangedFirst],
            PILOT,
            EXCHANGE_Q23,
        ),
        row(
            S::Exchange,
            Ch::InstantBranch,
            &[C::InstantCapableBranchOnly, C::InPersonOnly],
            PILOT,
            INSTANT_000,
        ),
        row(
            S::Exchange,
            Ch::BankBranch,
            &[C::OtherBankMeansBankChange],
            PILOT,
            OTHER_BANK_D8,
        ),
        no(S::Exchange, Ch::DistrictStreetPoint, DISTRICT_NO_Q10),
        row(
            S::ChangeBank,
            Ch::IssuingBankBranch,
            &[
                C::OriginalCardRequired,
                C::BankChangeCooldown,
                C::InPersonOnly,
            ],
            PILOT,
            CHANGE_Q26_OLD,
        ),
        row(
            S::ChangeBank,
            Ch::BankBranch,
            &[C::BankChangeCooldown],
            PILOT,
            CHANGE_Q26_NEW,
        ),
        row(
            S::ChangeBank,
            Ch::InstantBranch,
            &[C::BankChangeCooldown, C::InstantCapableBranchOnly],
            PILOT,
            CHANGE_Q26_NEW,
        ),
        no(S::ChangeBank, Ch::DistrictStreetPoint, DISTRICT_NO_Q10),
        row(
            S::CancelSocial,
            Ch::DistrictStreetPoint,
            &[C::FormalitiesFinishedFirst],
            PILOT,
            CANCEL_Q34,
        ),
        row(
            S::CancelSocial,
            Ch::BankBranch,
            &[C::FormalitiesFinishedFirst],
            PILOT,
            CANCEL_Q34,
        ),
        row(
            S::CancelFinancial,
            Ch::IssuingBankBranch,
            &[C::SocialCancelledFirst, C::FormalitiesFinishedFirst],
            PILOT,
            CANCEL_FIN_Q34,
        ),
        no(
            S::CancelFinancial,
            Ch::DistrictStreetPoint,
            DISTRICT_NO_FIN_Q10,
        ),
    ],
    &PWC_ONLINE,
    &PWR_ONLINE,
    &[
        row(
            S::PasswordChange,
            Ch::DistrictStreetPoint,
            &[],
            PILOT,
            DISTRICT_Q7,
        ),
        row(S::PasswordChange, Ch::BankBranch, &[], PILOT, BANK_Q8),
        row(
            S::PasswordReset,
            Ch::DistrictStreetPoint,
            &[],
            PILOT,
            DISTRICT_Q7,
        ),
        row(S::PasswordReset, Ch::BankBranch, &[], PILOT, BANK_Q8),
    ],
    &STATUS_ONLINE,
    &[
        row(
            S::StatusQuery,
            Ch::DistrictStreetPoint,
            &[],
            PILOT,
            DISTRICT_Q7,
        ),
        row(S::StatusQuery, Ch::BankBranch, &[], PILOT, BANK_Q8),
        row(S::StatusQuery, Ch::Hotline, &[], PILOT, STATUS_Q37),
        row(S::StatusQuery, Ch::BankPhone, &[], PILOT, STATUS_Q37),
    ],
    &INFO_ONLINE,
    &[
        row(
            S::InfoChange,
            Ch::DistrictStreetPoint,
            &[],
            PILOT,
            DISTRICT_Q7,
        ),
        row(S::InfoChange, Ch::BankBranch, &[], PILOT, INFO_Q32),
        row(
            S::ReservedPhoneChange,
            Ch::IssuingBankBranch,
            &[],
            PILOT,
            PHONE_Q32,
        ),
        no(S::ReservedPhoneChange, Ch::DistrictStreetPoint, DISTRICT_Q7),
        row(
            S::TransportTopUp,
            Ch::BankBranch,
            &[C::CashOrThatBanksCard],
            PILOT,
            TOPUP_Q45,
        ),
        row(
            S::TransportTopUp,
            Ch::IssuingBankBranch,
            &[],
            PILOT,
            BANK_PUBLIC_Q8,
        ),
        row(
            S::TransportTopUp,
            Ch::TransportCardPoint,
            &[],
            PILOT,
            TOPUP_Q45,
        ),
        no(
            S::TransportTopUp,
            Ch::DistrictStreetPoint,
            DISTRICT_NO_FIN_Q10,
        ),
        row(
            S::ParkPass,
            Ch::BankBranch,
            &[C::DuringSalePeriod],
            PILOT,
            PARK_Q47,
        ),
        row(
            S::ParkPass,
            Ch::ParkPassPoint,
            &[C::DuringSalePeriod],
            PILOT,
            PARK_001,
        ),
        no(S::ParkPass, Ch::DistrictStreetPoint, DISTRICT_NO_FIN_Q10),
        row(
            S::ReturnUndistributed,
            Ch::BankBranch,
            &[],
            PILOT,
            RETURN_Q14,
        ),
    ],
];

const fn v<T>(from: chrono::NaiveDate, value: T, cite: Citation) -> Version<T> {
    Version { from, value, cite }
}

/// All Beijing data.
/// The production limit of an application on its own, like [`HOTLINE`].
pub(super) static APPLICATION_DAYS: &[Version<u32>] =
    &[v(PILOT, 30, APPLY_30_Q13), v(NORMAL, 30, APPLY_30_000)];

/// The hotline on its own, so that reading it ([`super::hotline`]) does not bring the whole
/// [`DATA`] into the app's first download.
pub(super) static HOTLINE: &[Version<&str>] = &[v(PILOT, "96066", HOTLINE_Q40)];

pub(super) static DATA: CityData = CityData {
    phase: &[
        v(PILOT, Phase::Pilot, PHASE_PILOT),
        v(MASS, Phase::MassChangeover, PHASE_MASS),
        v(NORMAL, Phase::Normalised, PHASE_NORMAL),
    ],
    banks: &[v(PILOT, BANKS, BANKS_Q6)],
    bank_count: &[v(PILOT, 14, BANKS_Q6)],
    individual_application_open: &[
        v(PILOT, false, PILOT_CLOSED),
        v(MASS, true, PHASE_MASS),
        v(NORMAL, true, PHASE_NORMAL),
    ],
    collective_application: &[v(PILOT, true, COLLECTIVE_Q12)],
    replacement_working_days: &[v(PILOT, 4, REPLACE_4_001), v(NORMAL, 4, REPLACE_4_000)],
    instant_minutes: &[v(PILOT, 10, INSTANT_Q30)],
    transit_included: &[v(PILOT, false, TRANSIT_000)],
    courier_fee: &[v(PILOT, CourierFee::Free, FREE_Q31)],
    temp_loss_auto_lift_days: &[v(PILOT, 15, TEMP_LOSS_Q18)],
    bank_change_cooldown_months: &[v(PILOT, 6, COOLDOWN_Q27)],
    renewal_window_days: &[],
    employer_return_days: &[v(PILOT, 30, RETURN_Q14)],
    elderly_age_months: &[v(PILOT, 714, ELDERLY_Q4)],
    minor_age_years: &[v(PILOT, 18, MINOR_Q38)],
    offers: OFFER_PARTS,
};

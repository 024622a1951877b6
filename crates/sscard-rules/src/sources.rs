//! Seed citations shared by the rule modules (timeline, eligibility, card states).
//! Quotes are verbatim substrings of the cited line (checked by `tests/citations.rs`).

use crate::citation::{Citation, SEED_000, SEED_002, SEED_003, SEED_004};

const fn q(loc: &'static str, line: u32, quote: &'static str) -> Citation {
    Citation::seed(SEED_002, loc, line, quote)
}

// ---- Beijing eligibility (002 Q4) ----
pub(crate) const Q4_E1: Citation = q(
    "Q4",
    29,
    "只要您在我市行政区域内参加社会保险(包含养老保险、失业保险、工伤保险、医疗保险等)就可以领取",
);
pub(crate) const Q4_NOT_INSURED: Citation = q(
    "Q4",
    31,
    "如您未在我市行政区域内参加社会保险,但符合以下条件",
);
pub(crate) const Q4_E2: Citation = q(
    "Q4",
    33,
    "符合享受市民政局养老待遇的本市户籍年满五十九周岁零六个月及以上老年人",
);
pub(crate) const Q4_E3: Citation = q(
    "Q4",
    35,
    "符合享受市民政局养老待遇的非本市户籍,持有本市有效居住证,年满五十九周岁零六个月及以上的常住外埠老年人",
);
pub(crate) const Q4_E4: Citation = q(
    "Q4",
    37,
    "符合享受市民政局政策性津贴、补贴、救助或者优待的社会救助对象、见义勇为人员、征地超转人员以及市民政局代管的地方退休退职人员",
);
pub(crate) const Q4_E5: Citation = q(
    "Q4",
    39,
    "符合市退役军人事务局规定的烈士遗属、因公牺牲军人遗属、病故军人遗属、残疾军人、伤残人民警察等优抚对象,军休干部以及其他符合条件的发卡人员",
);
pub(crate) const Q4_E6: Citation = q("Q4", 41, "其他政府公共服务领域,适合使用社会保障卡的人员");
pub(crate) const Q4_ASK: Citation = q(
    "Q4",
    43,
    "您也可携带本人有效身份证件直接到社会保障卡服务网点咨询是否可领取社会保障卡",
);
pub(crate) const Q38_GUARDIAN: Citation = q(
    "Q38",
    241,
    "监护人需持双方有效身份证件以及可证明双方监护关系的相关材料(居民户口本、出生医学证明等)办理",
);
pub(crate) const Q38_AGENT: Citation = q(
    "Q38",
    237,
    "持卡人可委托代理人代为办理社会保障卡启用、临时挂失、服务密码修改、应用状态查询业务",
);
pub(crate) const Q38_AGENT_DOCS: Citation = q("Q38", 239, "以及被代理人书面授权委托书");
pub(crate) const Q12_COLLECTIVE: Citation = q(
    "Q12",
    103,
    "用人单位如需集体申领社会保障卡,可以单位用户身份通过线上服务渠道或社会保障卡合作银行网点提交职工个人制卡信息",
);

// ---- Beijing timeline ----
pub(crate) const Q13_PICKUP: Citation = q(
    "Q13",
    107,
    "待社会保障卡制作完成后,按照申领时所选择的领取方式领取",
);
pub(crate) const Q15_BRANCH: Citation = q(
    "Q15",
    119,
    "该网点已对您的卡片进行了社会保障功能启用和金融功能激活,可以直接使用",
);
pub(crate) const Q15_MAIL: Citation = q(
    "Q15",
    121,
    "须通过线上或线下服务渠道启用社会保障功能,方可使用社会保障持卡就医等功能;使用金融功能,还需您到发卡合作银行网点柜面办理",
);
pub(crate) const INSTANT_000: Citation = Citation::seed(
    SEED_000,
    "¶",
    17,
    "可现场完成领卡,启用社会保障功能并自愿激活金融功能",
);
pub(crate) const TRANSIT_000: Citation =
    Citation::seed(SEED_000, "¶", 19, "第三代社保卡制作时间不包括邮寄在途时间");
pub(crate) const EMPLOYER_BANKS_000: Citation = Citation::seed(
    SEED_000,
    "¶",
    15,
    "在职职工如通过线上渠道申领,且所在单位已开通集体申领并选择单位代领的",
);
pub(crate) const OLD_CARD_000: Citation =
    Citation::seed(SEED_000, "¶", 23, "原社保卡不会停用,也不影响本人养老金发放");
pub(crate) const Q25_OLD_CARD: Citation =
    q("Q25", 165, "原卡的就医结算等功能自持卡人启用新卡时失效");
pub(crate) const Q25_UPGRADE: Citation = q(
    "Q25",
    163,
    "故您需通过线上或线下渠道办理社会保障卡申领业务,重新申领第三代社会保障卡",
);
pub(crate) const Q22_NO_UNFREEZE: Citation = q(
    "Q22",
    151,
    "您可能已经通过其他渠道办理了社会保障卡补领业务,按照社会保障卡相关监管要求,您不能再办理该卡的解挂业务",
);
pub(crate) const Q46_TRANSPORT: Citation = q(
    "Q46",
    277,
    "如社会保障卡损坏,可至发卡银行服务网点办理坏卡换卡业务,交通账户余额在2个自然日内退至指定银行账户",
);
pub(crate) const Q46_LOST: Citation = q("Q46", 277, "如社会保障卡丢失,交通账户内余额不退回");
pub(crate) const Q23_EXCHANGE: Citation = q(
    "Q23",
    155,
    "您可以通过线上或持本人有效证件到发卡合作银行服务网点申请换领社会保障卡",
);
pub(crate) const Q24_KEY_DATA: Citation = q(
    "Q24",
    159,
    "建议您在人社、医保等相关业务部门完成关键信息变更后,再办理社会保障卡换领",
);
pub(crate) const Q26_CANCEL_OLD: Citation = q(
    "Q26",
    179,
    "工作人员将协助办理相关注销手续,原社会保障卡回收",
);
pub(crate) const Q26_APPLY_NEW: Citation = q(
    "Q26",
    181,
    "持本人有效证件到需更换合作银行的服务网点办理申领手续",
);
pub(crate) const Q14_RETURN: Citation = q(
    "Q14",
    113,
    "用人单位应于领卡后30日内,将未发放的社会保障卡退回社会保障卡合作银行",
);
pub(crate) const Q18_TEMP: Citation = q(
    "Q18",
    135,
    "临时挂失将一并暂停您持卡就医、金融消费等功能的使用",
);
pub(crate) const Q18_FIN_BANK: Citation = q(
    "Q18",
    135,
    "金融功能的临时挂失有效期按照发卡银行规定执行,不受15天的限制",
);
pub(crate) const Q19_UNFREEZE: Citation = q("Q19", 139, "解挂后,社会保障卡原有功能即时恢复");
pub(crate) const Q20_FORMAL: Citation = q(
    "Q20",
    143,
    "可持本人有效身份证件原件到发卡合作银行服务网点办理正式挂失和补领手续",
);
pub(crate) const Q21_DISTRICT: Citation = q(
    "Q21",
    147,
    "区、街两级社会保障卡服务网点暂无法办理金融账户的挂失和解挂",
);
pub(crate) const Q35_SUSPEND: Citation = q(
    "Q35",
    225,
    "社会保障卡社会保障功能注销6个月后,发卡合作银行可能会暂停该社会保障卡金融账户非柜面业务",
);
pub(crate) const Q36_ORDER: Citation =
    q("Q36", 229, "原则上社会保障功能注销后才注销社保卡金融账户");
pub(crate) const Q34_CANCEL: Citation =
    q("Q34", 217, "持卡人或者代理人应在人社、民政等相关业务办结后");
pub(crate) const Q25_KEEP_FIN: Citation = q(
    "Q25",
    165,
    "原卡如有金融功能可继续使用,由持卡人自行选择是否注销",
);

// ---- Shanghai ----
pub(crate) const SH_HUKOU_OR_INSURED: Citation = Citation::seed(
    SEED_003,
    "换发对象",
    13,
    "上海户籍人员以及依法参加本市社会保险的境内来沪人员,可以申领新版社保卡",
);
pub(crate) const SH_COMMUNITY: Citation = Citation::seed(
    SEED_003,
    "换发方式",
    17,
    "原社保卡遗失需补换人员,以及社保卡新办人员,仍可到社区事务受理中心网点",
);
pub(crate) const SH_RETIRED: Citation = Citation::seed(
    SEED_003,
    "换发方式(一)",
    19,
    "(一)退休人员。主要通过11家服务银行网点进行",
);
pub(crate) const SH_EMPLOYED: Citation = Citation::seed(
    SEED_003,
    "换发方式(二)",
    21,
    "主要由相关服务银行会同用人单位通过批量办理的形式集体组织换发",
);
pub(crate) const SH_PUPIL: Citation = Citation::seed(
    SEED_003,
    "换发方式(三)",
    23,
    "主要由家长在收到学校通知后通过网上平台(网站、微信、App)帮助孩子自助办理换发手续",
);
pub(crate) const SH_PARENT_BANK: Citation = Citation::seed(
    SEED_003,
    "换发方式(三)",
    23,
    "由家长在11家服务银行中选择1家,作为新版社保卡开户银行",
);
pub(crate) const SH_POST: Citation = Citation::seed(
    SEED_003,
    "便民措施(四)",
    33,
    "新版社保卡的发放将通过邮政快递直接点对点发放到申请人手中",
);
pub(crate) const SH_BACKUP_CENTRE: Citation = Citation::seed(
    SEED_003,
    "便民措施(四)",
    33,
    "对于邮政投递不成功的卡,还会发放到申请人登记的备用社区受理网点",
);

pub(crate) const SH_SHARED_PHOTO: Citation = Citation::seed(
    SEED_003,
    "便民措施(二)",
    29,
    "另外增加了共享二代居民身份证照片以及在籍学生的电子学生证照片的照片提供方式",
);

// ---- Urumqi ----
pub(crate) const UR_E_CARD: Citation =
    Citation::seed(SEED_004, "¶", 7, "換領第三代社保卡後,電子社保卡将同步生成");
pub(crate) const UR_REMOTE: Citation = Citation::seed(
    SEED_004,
    "Q",
    23,
    "不便于返鄉辦理的,可通過“新疆智慧人社”App或“新疆智慧人社”微信小程序進行線上辦理",
);
pub(crate) const UR_AT_BANK: Citation = Citation::seed(
    SEED_004,
    "¶",
    5,
    "社保卡服務網點辦理補換社保卡業務已實現立等可取",
);
pub(crate) const UR_PENSION: Citation =
    Citation::seed(SEED_004, "Q", 25, "在收到并激活社保卡銀行賬戶和社保功能後");
pub(crate) const UR_EMS: Citation = Citation::seed(
    SEED_004,
    "Q",
    24,
    "郵寄采取“收件到付”方式送達,郵件須本人簽收",
);
pub(crate) const UR_KIOSK: Citation =
    Citation::seed(SEED_004, "現場", 38, "鄭光榮開通賬戶、設置了取錢密碼");
pub(crate) const UR_INSURED: Citation = Citation::seed(
    SEED_004,
    "¶",
    3,
    "社保卡新申領、到期、丢失等情況需要發卡、換卡的參保人員",
);
pub(crate) const UR_REMOTE_BANKS: Citation = Citation::seed(
    SEED_004,
    "Q",
    26,
    "目前,異地居住人員社保卡補換模塊僅可選擇工商銀行、農業銀行、中國銀行、建設銀行",
);

//! Stable identifiers that go on the wire and into SQLite.
//!
//! Every enum serialises as a `snake_case` string; `id()` returns the same string.
//! Never rename a variant's id: stored rows and API clients depend on it.

macro_rules! stable_ids {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $id:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ::serde::Serialize, ::serde::Deserialize)]
        // The id is serde's snake_case form of the variant's name, or the variant's own
        // `#[serde(rename)]` (not generated from `$id`: the OpenAPI derive would not see it).
        // tests/stable_ids.rs holds every enum to `id() == serde form`.
        #[serde(rename_all = "snake_case")]
        pub enum $name { $( $(#[$vmeta])* $variant ),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable id (the same string serde writes).
            pub const fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            /// Looks a value up by its stable id.
            pub fn from_id(id: &str) -> Option<Self> {
                match id { $($id => Some($name::$variant),)+ _ => None }
            }

            /// The value's position in [`Self::ALL`] (declaration order).
            pub const fn index(self) -> usize {
                self as usize
            }
        }

        impl $crate::ids::StableId for $name {
            fn id(self) -> &'static str {
                $name::id(self)
            }

            fn from_id(id: &str) -> Option<Self> {
                $name::from_id(id)
            }

            fn index(self) -> usize {
                $name::index(self)
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.id())
            }
        }
    };
}
pub(crate) use stable_ids;

/// An enum with one stable string id per value (the `stable_ids!` enums): the one mapping that
/// serde, SQL, URLs and texts use.
pub trait StableId: Sized + Copy {
    /// The stable id (the same string serde writes).
    fn id(self) -> &'static str;
    /// The value with this id, if any.
    fn from_id(id: &str) -> Option<Self>;
    /// The value's position in the enum's `ALL` (declaration order): a table written in that
    /// order (the app's `Names`) is read at it.
    fn index(self) -> usize;
}

stable_ids! {
    /// A city with its own card policy.
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub enum City {
        /// 北京.
        Beijing = "beijing",
        /// 上海 (seed 003 only; thin).
        Shanghai = "shanghai",
        /// 乌鲁木齐 (seed 004).
        Urumqi = "urumqi",
    }
}

stable_ids! {
    /// A bank that issues social security cards in at least one city (catalogue §5).
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub enum Bank {
        /// 工商银行.
        Icbc = "icbc",
        /// 农业银行.
        Abc = "abc",
        /// 中国银行.
        Boc = "boc",
        /// 建设银行.
        Ccb = "ccb",
        /// 交通银行.
        Bocom = "bocom",
        /// 北京银行.
        BankOfBeijing = "bank_of_beijing",
        /// 华夏银行 (seed 001 spells it 神州银行, a spin artefact: DECISIONS.md D7).
        HuaXia = "hua_xia",
        /// 中信银行.
        Citic = "citic",
        /// 光大银行.
        Ceb = "ceb",
        /// 民生银行.
        Cmbc = "cmbc",
        /// 招商银行.
        Cmb = "cmb",
        /// 浦发银行.
        Spdb = "spdb",
        /// 北京农商银行.
        Bjrcb = "bjrcb",
        /// 邮政储蓄银行 (邮储银行).
        Psbc = "psbc",
        /// 乌鲁木齐银行.
        BankOfUrumqi = "bank_of_urumqi",
        /// 天山农商银行.
        TianshanRcb = "tianshan_rcb",
    }
}

impl City {
    /// Chinese name (simplified), as the seeds write it (002, 003, 004 in simplified form).
    pub const fn name_zh(self) -> &'static str {
        match self {
            City::Beijing => "北京",
            City::Shanghai => "上海",
            City::Urumqi => "乌鲁木齐",
        }
    }

    /// English name.
    pub const fn name_en(self) -> &'static str {
        match self {
            City::Beijing => "Beijing",
            City::Shanghai => "Shanghai",
            City::Urumqi => "Urumqi",
        }
    }
}

impl Bank {
    /// Chinese name (simplified).
    pub const fn name_zh(self) -> &'static str {
        match self {
            Bank::Icbc => "工商银行",
            Bank::Abc => "农业银行",
            Bank::Boc => "中国银行",
            Bank::Ccb => "建设银行",
            Bank::Bocom => "交通银行",
            Bank::BankOfBeijing => "北京银行",
            Bank::HuaXia => "华夏银行",
            Bank::Citic => "中信银行",
            Bank::Ceb => "光大银行",
            Bank::Cmbc => "民生银行",
            Bank::Cmb => "招商银行",
            Bank::Spdb => "浦发银行",
            Bank::Bjrcb => "北京农商银行",
            Bank::Psbc => "邮政储蓄银行",
            Bank::BankOfUrumqi => "乌鲁木齐银行",
            Bank::TianshanRcb => "天山农商银行",
        }
    }

    /// English name.
    pub const fn name_en(self) -> &'static str {
        match self {
            Bank::Icbc => "Industrial and Commercial Bank of China",
            Bank::Abc => "Agricultural Bank of China",
            Bank::Boc => "Bank of China",
            Bank::Ccb => "China Construction Bank",
            Bank::Bocom => "Bank of Communications",
            Bank::BankOfBeijing => "Bank of Beijing",
            Bank::HuaXia => "Hua Xia Bank",
            Bank::Citic => "China CITIC Bank",
            Bank::Ceb => "China Everbright Bank",
            Bank::Cmbc => "China Minsheng Bank",
            Bank::Cmb => "China Merchants Bank",
            Bank::Spdb => "Shanghai Pudong Development Bank",
            Bank::Bjrcb => "Beijing Rural Commercial Bank",
            Bank::Psbc => "Postal Savings Bank of China",
            Bank::BankOfUrumqi => "Bank of Urumqi",
            Bank::TianshanRcb => "Tianshan Rural Commercial Bank",
        }
    }

    /// Recognises a bank by a Chinese name as users type or seeds print it: simplified or
    /// traditional, long or short form. The corrupted spellings of seed 001 (神州银行,
    /// 建立银行, 邮政储备银行) are **not** accepted (DECISIONS.md D7).
    pub fn from_chinese_name(name: &str) -> Option<Bank> {
        let n: String = name
            .trim()
            .chars()
            .map(|c| match c {
                '銀' => '银',
                '農' => '农',
                '國' => '国',
                '設' => '设',
                '業' => '业',
                '郵' => '邮',
                '儲' => '储',
                '齊' => '齐',
                '烏' => '乌',
                '魯' => '鲁',
                '產' => '产',
                '發' => '发',
                '華' => '华',
                other => other,
            })
            .collect();
        let n = n
            .strip_prefix("中国")
            .filter(|r| *r != "银行")
            .unwrap_or(&n);
        Some(match n {
            "工商银行" => Bank::Icbc,
            "农业银行" => Bank::Abc,
            "中国银行" => Bank::Boc,
            "建设银行" => Bank::Ccb,
            "交通银行" => Bank::Bocom,
            "北京银行" => Bank::BankOfBeijing,
            "华夏银行" => Bank::HuaXia,
            "中信银行" => Bank::Citic,
            "光大银行" => Bank::Ceb,
            "民生银行" => Bank::Cmbc,
            "招商银行" => Bank::Cmb,
            "浦发银行" | "上海浦东发展银行" => Bank::Spdb,
            "北京农商银行" | "北京农村商业银行" => Bank::Bjrcb,
            "邮政储蓄银行" | "邮储银行" => Bank::Psbc,
            "乌鲁木齐银行" => Bank::BankOfUrumqi,
            "天山农商银行" => Bank::TianshanRcb,
            _ => return None,
        })
    }
}

stable_ids! {
    /// A place or medium where a card service is done (catalogue §4.1).
    pub enum Channel {
        /// 北京市人力资源和社会保障局官网 (BJ-WEB).
        HrssWebsite = "hrss_website",
        /// 北京人社APP (BJ-RS; 002 Q5).
        BeijingHrssApp = "beijing_hrss_app",
        /// "北京人社"微信公众号 (BJ-RS as named by 000; DECISIONS.md D9).
        BeijingHrssWechat = "beijing_hrss_wechat",
        /// 京通(微信)小程序 (BJ-JT).
        JingtongMiniProgram = "jingtong_mini_program",
        /// 北京民生一卡通微信小程序 (BJ-MS), named for application only.
        MinshengMiniProgram = "minsheng_mini_program",
        /// 区、街两级社会保障卡服务网点 (BJ-DS).
        DistrictStreetPoint = "district_street_point",
        /// Any cooperating-bank branch (BJ-BK; Shanghai service banks; Urumqi's 306 points).
        BankBranch = "bank_branch",
        /// The branch of the bank that issued this card (BJ-IB).
        IssuingBankBranch = "issuing_bank_branch",
        /// A branch that makes cards on the spot (BJ-IN; Shanghai designated instant points).
        InstantBranch = "instant_branch",
        /// Hotline 96066 (BJ-HL).
        Hotline = "hotline",
        /// A cooperating bank's telephone service (BJ-BP).
        BankPhone = "bank_phone",
        /// 市政交通一卡通 top-up points and the 北京一卡通APP (BJ-TC).
        TransportCardPoint = "transport_card_point",
        /// Park annual-pass sale points (BJ-PK).
        ParkPassPoint = "park_pass_point",
        /// Self-service kiosks (BJ-SS).
        SelfServiceKiosk = "self_service_kiosk",
        /// Bank door-to-door service for people with limited mobility (encouraged, not guaranteed).
        DoorService = "door_service",
        /// Shanghai online platform (网站、微信、App).
        ShanghaiOnline = "shanghai_online",
        /// Shanghai 社区事务受理中心网点.
        CommunityCentre = "community_centre",
        /// Shanghai batch changeover run by a service bank with an employer.
        EmployerBatch = "employer_batch",
        /// 新疆智慧人社 App or mini-program (Urumqi, remote residents).
        XinjiangHrssApp = "xinjiang_hrss_app",
    }
}

impl Channel {
    /// Whether the channel is online (no counter visit).
    pub const fn is_online(self) -> bool {
        matches!(
            self,
            Channel::HrssWebsite
                | Channel::BeijingHrssApp
                | Channel::BeijingHrssWechat
                | Channel::JingtongMiniProgram
                | Channel::MinshengMiniProgram
                | Channel::ShanghaiOnline
                | Channel::XinjiangHrssApp
        )
    }
}

stable_ids! {
    /// A card service (catalogue §4.2 and Appendix B).
    pub enum Service {
        /// 申领: first application, including an upgrade from a 1st/2nd-generation card.
        Apply = "apply",
        /// 集体申领: an employer applies for its staff.
        CollectiveApply = "collective_apply",
        /// Employee confirms the data the employer submitted.
        ConfirmCollective = "confirm_collective",
        /// 补领: new card after a loss.
        Reissue = "reissue",
        /// 换领: new card for a damaged card or changed identity data.
        Exchange = "exchange",
        /// Change of cooperating bank.
        ChangeBank = "change_bank",
        /// 启用: enable the social-security function.
        EnableSocial = "enable_social",
        /// 激活: activate the financial (bank) function.
        ActivateFinancial = "activate_financial",
        /// 临时挂失: temporary loss report.
        TempLoss = "temp_loss",
        /// 正式挂失: formal loss report.
        FormalLoss = "formal_loss",
        /// 解挂: lift a loss report.
        Unfreeze = "unfreeze",
        /// 注销 of the social-security function.
        CancelSocial = "cancel_social",
        /// 注销 of the financial function.
        CancelFinancial = "cancel_financial",
        /// 服务密码修改.
        PasswordChange = "password_change",
        /// 服务密码重置.
        PasswordReset = "password_reset",
        /// 应用状态 / 制卡进度 query.
        StatusQuery = "status_query",
        /// Change of address, occupation or phone.
        InfoChange = "info_change",
        /// Change of the bank account's reserved phone number.
        ReservedPhoneChange = "reserved_phone_change",
        /// Transport account top-up.
        TransportTopUp = "transport_top_up",
        /// Park annual pass.
        ParkPass = "park_pass",
        /// Renewal of a card close to expiry (Urumqi).
        Renewal = "renewal",
        /// Employer returns undistributed cards to the bank.
        ReturnUndistributed = "return_undistributed",
    }
}

stable_ids! {
    /// Who performs a service.
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub enum Actor {
        /// The cardholder (or applicant) in person.
        #[serde(rename = "self")]
        Holder = "self",
        /// The guardian of a minor under 18 (002 Q38 L241).
        Guardian = "guardian",
        /// An agent with the holder's written authorisation (002 Q38 L237–L239).
        Agent = "agent",
        /// An employer acting for its staff (002 Q12, Q14).
        Employer = "employer",
    }
}

stable_ids! {
    /// Who the card holder is, where a city organises its changeover by group (Shanghai,
    /// 003 换发方式(一)–(三)): each group has its own channel.
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub enum ApplicantGroup {
        /// 退休人员: at a service bank's branch (003 L19).
        Retired = "retired",
        /// 在职人员: through the employer's batch with a service bank (003 L21).
        Employed = "employed",
        /// 中小幼人员: pupils and pre-school children, online by a parent (003 L23).
        Pupil = "pupil",
        /// None of these (a new card, a lost old card): a community centre (003 L17).
        Other = "other",
    }
}

stable_ids! {
    /// How the card reaches the holder (catalogue §6).
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub enum PickupMethod {
        /// 邮寄: by post.
        Mail = "mail",
        /// 自取: at the branch chosen at application.
        Branch = "branch",
        /// 即时制卡: made on the spot at an instant branch.
        OnTheSpot = "on_the_spot",
        /// 单位代领: collected by the employer.
        Employer = "employer",
    }
}

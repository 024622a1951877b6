//! Where can I do this: channels offering a service, their conditions, and who may act.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::citation::Citation;
use crate::ids::{Actor, Channel, City, PickupMethod, Service, stable_ids};
use crate::policy::{self, Phase, PolicyError};
use crate::trace::{Explained, Trace, TraceStep};

stable_ids! {
    /// A condition attached to a channel's offer of a service. Stable snake_case ids for i18n.
    pub enum OfferCondition {
        /// Handles the social-security side only; the bank side needs the bank or the hotline
        /// (Q21, D10).
        SocialFunctionOnly = "social_function_only",
        /// Only at the branch of the bank that issued the card.
        IssuingBankOnly = "issuing_bank_only",
        /// The holder must be present in person (Q10 L91).
        InPersonOnly = "in_person_only",
        /// Only at branches able to make cards on the spot (Q8 L73).
        InstantCapableBranchOnly = "instant_capable_branch_only",
        /// Only for a formal loss report (Q7 L61, D11).
        FormalLossOnly = "formal_loss_only",
        /// Bring the original card (Q19 L139).
        OriginalCardRequired = "original_card_required",
        /// Bring the original ID document (Q20 L143).
        OriginalIdRequired = "original_id_required",
        /// Refused once a replacement card was made for this card (Q22 L151).
        NoReissueDone = "no_reissue_done",
        /// Done automatically when the card is collected at the branch (Q15 L119).
        AutomaticAtBranchPickup = "automatic_at_branch_pickup",
        /// Voluntary (000 L17).
        Voluntary = "voluntary",
        /// Organised group by group during the mass changeover (001 L103).
        OrganisedByGroup = "organised_by_group",
        /// Only for people living long-term outside Urumqi (004 L23).
        RemoteResidentsOnly = "remote_residents_only",
        /// Only the four banks of the remote module (004 L26).
        RemoteBanksOnly = "remote_banks_only",
        /// The recipient pays postage on delivery (004 L24).
        PostagePaidByRecipient = "postage_paid_by_recipient",
        /// The holder signs for the parcel in person (004 L24).
        HolderSignsForDelivery = "holder_signs_for_delivery",
        /// Posted straight to the applicant (点对点发放, 003 L33).
        PostedToApplicant = "posted_to_applicant",
        /// A backup community centre, chosen at application, receives a card the post could not
        /// deliver (003 L33).
        BackupCommunityCentre = "backup_community_centre",
        /// The photo is shared from the second-generation ID card or a pupil's electronic
        /// student card, so nobody goes to a centre to be photographed (003 L29).
        SharedPhoto = "shared_photo",
        /// The electronic social-security card is made with the new card; one held already
        /// switches over without a new application (004 L7).
        ElectronicCardFollows = "electronic_card_follows",
        /// Logged in as an employer user (Q12 L103).
        AsEmployerUser = "as_employer_user",
        /// Change key identity data at the HR and medical-insurance departments first (Q24 L159).
        KeyDataChangedFirst = "key_data_changed_first",
        /// The social function must be cancelled first (Q36 L229).
        SocialCancelledFirst = "social_cancelled_first",
        /// HR / civil-affairs formalities (e.g. after a death) must be finished first (Q34 L217).
        FormalitiesFinishedFirst = "formalities_finished_first",
        /// Six months must have passed since the last bank change (Q27 L185).
        BankChangeCooldown = "bank_change_cooldown",
        /// At another bank than the issuing one, top up with cash or that bank's card (Q45 L273).
        CashOrThatBanksCard = "cash_or_that_banks_card",
        /// Only during the park-pass sale period (Q47 L281).
        DuringSalePeriod = "during_sale_period",
        /// Encouraged, not guaranteed: arrange it with the branch (Q39 L245).
        ArrangeWithBranch = "arrange_with_branch",
        /// At a bank other than the issuing bank this becomes a change of bank (D8).
        OtherBankMeansBankChange = "other_bank_means_bank_change",
        /// Online: the card cannot be made instantly and the bank function cannot be activated (Q10 L91).
        NoCounterOnlyServices = "no_counter_only_services",
        /// Named for application only (D9).
        ApplicationOnlyChannel = "application_only_channel",
    }
}

/// A channel's offer (or explicit refusal) of a service on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelOffer {
    /// The service.
    pub service: Service,
    /// The channel.
    pub channel: Channel,
    /// `false` when the sources say the channel does **not** offer the service.
    pub offered: bool,
    /// Conditions and limits.
    pub conditions: Vec<OfferCondition>,
    /// First date of this offer.
    pub valid_from: NaiveDate,
    /// Source.
    pub citation: Citation,
}

/// A row of the static offer tables (or of an installed policy document).
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct OfferRow {
    pub service: Service,
    pub channel: Channel,
    pub offered: bool,
    #[serde(deserialize_with = "crate::policy::leak_slice")]
    pub conditions: &'static [OfferCondition],
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
    pub cite: Citation,
}

impl OfferRow {
    pub(crate) fn to_offer(&self) -> ChannelOffer {
        ChannelOffer {
            service: self.service,
            channel: self.channel,
            offered: self.offered,
            conditions: self.conditions.to_vec(),
            valid_from: self.from,
            citation: self.cite.clone(),
        }
    }
}

crate::ids::stable_ids! {
    /// Whether an actor may perform a service.
    pub enum Permission {
        /// Allowed (possibly with documents, see the conditions).
        Allowed = "allowed",
        /// Allowed only under the listed conditions.
        Conditional = "conditional",
        /// Not allowed.
        NotAllowed = "not_allowed",
        /// The sources say nothing; treat as "ask at a counter".
        NotStated = "not_stated",
    }
}

crate::ids::stable_ids! {
    /// A condition on an actor's permission. Stable snake_case ids for i18n.
    pub enum ActorCondition {
        /// The holder's written authorisation (书面授权委托书, Q38 L239).
        WrittenAuthorisation = "written_authorisation",
        /// Originals of both the agent's and the holder's card or ID (Q38 L239).
        OriginalIdsOfBoth = "original_ids_of_both",
        /// Only after the holder's death, with the proxy documents (Q34 L217, D5).
        HolderDeceased = "holder_deceased",
        /// The holder is under 18 on the date of the service (Q38 L241, D3).
        ChildUnder18 = "child_under18",
        /// Proof of guardianship such as the household register or birth certificate (Q38 L241).
        GuardianshipProof = "guardianship_proof",
        /// Valid ID documents of both guardian and child (Q38 L241).
        IdsOfBoth = "ids_of_both",
        /// The holder in person.
        HolderInPerson = "holder_in_person",
        /// As an employer user online or at a cooperating bank (Q12 L103).
        AsEmployerUser = "as_employer_user",
        /// Each employee confirms the data (Q12 L103).
        EmployeeConfirms = "employee_confirms",
        /// Return within the employer return period (Q14 L113).
        WithinReturnPeriod = "within_return_period",
    }
}

/// The answer to "may this actor do this service".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorPermission {
    /// The service.
    pub service: Service,
    /// The actor.
    pub actor: Actor,
    /// The verdict.
    pub permission: Permission,
    /// Conditions (documents, circumstances).
    pub conditions: Vec<ActorCondition>,
    /// Sources.
    pub citations: Vec<Citation>,
}

crate::ids::stable_ids! {
    /// A note on the "where" answer. Stable snake_case ids for i18n.
    pub enum WhereNote {
        /// Individual applications are closed in this phase (Beijing pilot, 001 L13).
        IndividualApplicationClosed = "individual_application_closed",
        /// Individuals are served group by group in this phase (001 L103).
        OrganisedByGroup = "organised_by_group",
        /// Agents and guardians act at counters with their documents, not online (D12).
        ActsAtCounters = "acts_at_counters",
        /// Other channels may be announced later (Q5 L53, Q9 L81).
        MoreChannelsMayBeAnnounced = "more_channels_may_be_announced",
        /// The actor may not do this; the holder (or a guardian) must.
        ActorNotAllowed = "actor_not_allowed",
        /// The sources say nothing for this actor; ask at a counter.
        ActorNotStated = "actor_not_stated",
    }
}

/// Channels for one service and one actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhereAnswer {
    /// The city.
    pub city: City,
    /// The service.
    pub service: Service,
    /// The actor.
    pub actor: Actor,
    /// Whether and how the actor may act.
    pub permission: ActorPermission,
    /// Channels offering the service to this actor, with conditions.
    pub channels: Vec<ChannelOffer>,
    /// Channels the sources say do **not** offer it (so the app can warn).
    pub not_offered: Vec<ChannelOffer>,
    /// Notes.
    pub notes: Vec<WhereNote>,
}

/// May `actor` perform `service` in `city` on `on`?
pub fn actor_permission(
    city: City,
    service: Service,
    actor: Actor,
    on: NaiveDate,
) -> Result<ActorPermission, PolicyError> {
    // Resolving the phase also rejects dates before the city's first known rule.
    let phase = policy::phase(city, on)?.value;
    let (permission, conditions, citations) = match city {
        City::Beijing => beijing_permission(service, actor, phase),
        City::Shanghai => shanghai_permission(service, actor),
        City::Urumqi => urumqi_permission(service, actor),
    };
    Ok(ActorPermission {
        service,
        actor,
        permission,
        conditions: conditions.to_vec(),
        citations,
    })
}

const Q38_AGENT: Citation = Citation::seed(
    crate::citation::SEED_002,
    "Q38",
    237,
    "持卡人可委托代理人代为办理社会保障卡启用、临时挂失、服务密码修改、应用状态查询业务",
);
const Q38_AGENT_DOCS: Citation = Citation::seed(
    crate::citation::SEED_002,
    "Q38",
    239,
    "应当提交代理人和被代理人的社会保障卡或有效身份证件原件,以及被代理人书面授权委托书",
);
const Q38_GUARDIAN: Citation = Citation::seed(
    crate::citation::SEED_002,
    "Q38",
    241,
    "为18岁以下未成年人代办社会保障卡业务,监护人需持双方有效身份证件以及可证明双方监护关系的相关材料(居民户口本、出生医学证明等)办理",
);
const Q34_AGENT: Citation = Citation::seed(
    crate::citation::SEED_002,
    "Q34",
    217,
    "持卡人或者代理人应在人社、民政等相关业务办结后",
);
const Q12_EMPLOYER: Citation = Citation::seed(
    crate::citation::SEED_002,
    "Q12",
    103,
    "可以单位用户身份通过线上服务渠道或社会保障卡合作银行网点提交职工个人制卡信息,并经职工本人确认后,申请办理",
);
const Q14_EMPLOYER: Citation = Citation::seed(
    crate::citation::SEED_002,
    "Q14",
    113,
    "用人单位应于领卡后30日内,将未发放的社会保障卡退回社会保障卡合作银行",
);
const Q10_COUNTER: Citation = Citation::seed(
    crate::citation::SEED_002,
    "Q10",
    91,
    "线上服务渠道暂不提供需要本人临柜的服务,如即时制卡、金融账户激活等",
);
const PILOT_CLOSED: Citation = Citation::seed(
    crate::citation::SEED_001,
    "¶",
    13,
    "本市现在暂未开放一局部申领第三代社保卡",
);

fn beijing_permission(
    service: Service,
    actor: Actor,
    phase: Phase,
) -> (Permission, &'static [ActorCondition], Vec<Citation>) {
    use ActorCondition as C;
    use Service as S;
    match actor {
        Actor::Holder => match service {
            S::CollectiveApply | S::ReturnUndistributed => {
                (Permission::NotAllowed, &[], vec![Q12_EMPLOYER])
            }
            S::Apply if phase == Phase::Pilot => (Permission::NotAllowed, &[], vec![PILOT_CLOSED]),
            S::ActivateFinancial | S::ChangeBank | S::FormalLoss | S::Unfreeze => {
                (Permission::Allowed, &[C::HolderInPerson], vec![Q10_COUNTER])
            }
            S::ConfirmCollective => (
                Permission::Allowed,
                &[C::EmployeeConfirms],
                vec![Q12_EMPLOYER],
            ),
            S::Renewal => (Permission::NotStated, &[], vec![Citation::decision("D14")]),
            _ => (Permission::Allowed, &[], vec![Citation::decision("D12")]),
        },
        Actor::Agent => match service {
            S::EnableSocial | S::TempLoss | S::PasswordChange | S::StatusQuery => (
                Permission::Allowed,
                &[C::WrittenAuthorisation, C::OriginalIdsOfBoth],
                vec![Q38_AGENT, Q38_AGENT_DOCS],
            ),
            S::CancelSocial | S::CancelFinancial => (
                Permission::Conditional,
                &[C::HolderDeceased],
                vec![Q34_AGENT, Q38_AGENT, Citation::decision("D5")],
            ),
            _ => (
                Permission::NotAllowed,
                &[],
                vec![Q38_AGENT, Citation::decision("D5")],
            ),
        },
        Actor::Guardian => match service {
            S::CollectiveApply | S::ReturnUndistributed | S::ConfirmCollective => {
                (Permission::NotAllowed, &[], vec![Q12_EMPLOYER])
            }
            S::Apply if phase == Phase::Pilot => (Permission::NotAllowed, &[], vec![PILOT_CLOSED]),
            // The seeds are silent on a minor's bank account (catalogue §13 G-11).
            S::ActivateFinancial | S::ChangeBank | S::Renewal => (
                Permission::NotStated,
                &[C::ChildUnder18, C::GuardianshipProof, C::IdsOfBoth],
                vec![Q38_GUARDIAN, Citation::decision("D13")],
            ),
            _ => (
                Permission::Conditional,
                &[C::ChildUnder18, C::GuardianshipProof, C::IdsOfBoth],
                vec![Q38_GUARDIAN, Citation::decision("D13")],
            ),
        },
        Actor::Employer => match service {
            S::CollectiveApply => (
                Permission::Allowed,
                &[C::AsEmployerUser, C::EmployeeConfirms],
                vec![Q12_EMPLOYER],
            ),
            S::ReturnUndistributed => (
                Permission::Allowed,
                &[C::WithinReturnPeriod],
                vec![Q14_EMPLOYER],
            ),
            _ => (Permission::NotStated, &[], vec![Citation::decision("D12")]),
        },
    }
}

const SH_PARENTS: Citation = Citation::seed(
    crate::citation::SEED_003,
    "换发方式(三)",
    23,
    "主要由家长在收到学校通知后通过网上平台(网站、微信、App)帮助孩子自助办理换发手续",
);
const SH_EMPLOYER: Citation = Citation::seed(
    crate::citation::SEED_003,
    "换发方式(二)",
    21,
    "主要由相关服务银行会同用人单位通过批量办理的形式集体组织换发",
);
const SH_WHO: Citation = Citation::seed(
    crate::citation::SEED_003,
    "换发对象",
    13,
    "上海户籍人员以及依法参加本市社会保险的境内来沪人员,可以申领新版社保卡",
);

fn shanghai_permission(
    service: Service,
    actor: Actor,
) -> (Permission, &'static [ActorCondition], Vec<Citation>) {
    use Service as S;
    match (actor, service) {
        (Actor::Holder, S::Apply | S::Reissue | S::Exchange) => {
            (Permission::Allowed, &[], vec![SH_WHO])
        }
        (Actor::Guardian, S::Apply) => (
            Permission::Allowed,
            &[ActorCondition::ChildUnder18],
            vec![SH_PARENTS],
        ),
        (Actor::Employer, S::CollectiveApply) => (Permission::Allowed, &[], vec![SH_EMPLOYER]),
        _ => (Permission::NotStated, &[], vec![Citation::decision("D15")]),
    }
}

const UR_WHO: Citation = Citation::seed(
    crate::citation::SEED_004,
    "¶",
    3,
    "可攜帶本人身份證明原件前往銀行辦理第三代社保卡換領業務",
);
const UR_NO_BATCH: Citation = Citation::seed(
    crate::citation::SEED_004,
    "Q",
    19,
    "第三代社保卡換領不組織批量更換",
);

fn urumqi_permission(
    service: Service,
    actor: Actor,
) -> (Permission, &'static [ActorCondition], Vec<Citation>) {
    use Service as S;
    match (actor, service) {
        (Actor::Employer, S::CollectiveApply) => (Permission::NotAllowed, &[], vec![UR_NO_BATCH]),
        (Actor::Holder, S::CollectiveApply | S::ConfirmCollective | S::ReturnUndistributed) => {
            (Permission::NotAllowed, &[], vec![UR_NO_BATCH])
        }
        (Actor::Holder, _) => (
            Permission::Allowed,
            &[ActorCondition::HolderInPerson],
            vec![UR_WHO],
        ),
        _ => (Permission::NotStated, &[], vec![Citation::decision("D15")]),
    }
}

/// Where can `actor` do `service` in `city` on `on`: the channels that offer it, with their
/// conditions, the channels that explicitly do not, and the actor's permission.
pub fn where_can(
    city: City,
    service: Service,
    actor: Actor,
    on: NaiveDate,
) -> Result<Explained<WhereAnswer>, PolicyError> {
    let phase = policy::phase(city, on)?;
    let permission = actor_permission(city, service, actor, on)?;
    let mut notes = Vec::new();
    let mut trace = Trace::new();
    trace.push(
        TraceStep::new("where.phase", "Programme phase on the date")
            .input("city", city)
            .input("date", on)
            .param("phase", &phase)
            .outcome(format!("phase {}", phase.value)),
    );
    let mut perm_step = TraceStep::new("where.actor_permission", "Who may perform the service")
        .input("service", service)
        .input("actor", actor)
        .outcome(format!("{:?}", permission.permission));
    for c in &permission.citations {
        perm_step = perm_step.cite(c.clone());
    }
    trace.push(perm_step);

    let individual_apply = service == Service::Apply && actor != Actor::Employer;
    if individual_apply && phase.value == Phase::Pilot {
        notes.push(WhereNote::IndividualApplicationClosed);
    }
    if individual_apply && phase.value == Phase::MassChangeover {
        notes.push(WhereNote::OrganisedByGroup);
    }
    let blocked = match permission.permission {
        Permission::NotAllowed => {
            notes.push(WhereNote::ActorNotAllowed);
            true
        }
        Permission::NotStated => {
            notes.push(WhereNote::ActorNotStated);
            false
        }
        _ => false,
    };
    // D12: agents and (in Beijing) guardians bring documents to a counter; online channels
    // are the holder's own account. The hotline takes temporary loss reports from anyone.
    let counters_only =
        matches!(actor, Actor::Agent) || (actor == Actor::Guardian && city == City::Beijing);
    if counters_only && !blocked {
        notes.push(WhereNote::ActsAtCounters);
    }
    let mut channels = Vec::new();
    let mut not_offered = Vec::new();
    for row in policy::offer_rows(city, on).filter(|r| r.service == service) {
        if !row.offered {
            not_offered.push(row.to_offer());
        } else if !(blocked || counters_only && row.channel.is_online()) {
            channels.push(row.to_offer());
        }
    }
    if city == City::Beijing && !channels.is_empty() {
        notes.push(WhereNote::MoreChannelsMayBeAnnounced);
    }
    let mut offers_step = TraceStep::new("where.channels", "Channels offering the service")
        .input("service", service)
        .outcome(format!(
            "{} channel(s) offer it, {} explicitly do not",
            channels.len(),
            not_offered.len()
        ));
    for o in channels.iter().chain(not_offered.iter()) {
        if !offers_step.citations.contains(&o.citation) {
            offers_step = offers_step.cite(o.citation.clone());
        }
    }
    if counters_only {
        offers_step = offers_step.cite(Citation::decision("D12"));
    }
    trace.push(offers_step);
    Ok(Explained {
        result: WhereAnswer {
            city,
            service,
            actor,
            permission,
            channels,
            not_offered,
            notes,
        },
        trace,
    })
}

/// The city's official online channel, the one an online service such as this one stands for:
/// what the city's online channel may do, the service may do, and what only a counter can do
/// is refused as on that channel.
///
/// - Beijing: 北京人社APP, one of the three online channels offering every post-application
///   service (002 Q9 L79, "北京市人力资源和社会保障局官网、北京人社APP、京通微信小程序提供…";
///   named as an application channel in 002 Q5 L49; DECISIONS.md D9).
/// - Shanghai: the online platform, "网上平台(网站、微信、App)" (003 换发方式(三) L23).
/// - Urumqi: 新疆智慧人社 App or mini-program, "可通過“新疆智慧人社”App或“新疆智慧人社”微信小程序
///   進行線上辦理" (004 L23).
pub const fn online_channel(city: City) -> Channel {
    match city {
        City::Beijing => Channel::BeijingHrssApp,
        City::Shanghai => Channel::ShanghaiOnline,
        City::Urumqi => Channel::XinjiangHrssApp,
    }
}

stable_ids! {
    /// The applicant's answer to "how do you want to get the card" (the journey's pickup
    /// question): a way to collect the card through a channel. A home visit is not a
    /// [`PickupMethod`] of its own: a branch arranges it, and the card is collected as there.
    pub enum PickupChoice {
        /// Posted (free in Beijing, 002 Q31).
        Mail = "mail",
        /// Collected at the bank branch chosen in the application.
        Branch = "branch",
        /// Made on the spot at a branch that makes cards (002 Q8; 000 L17), in person.
        OnTheSpot = "on_the_spot",
        /// A home visit arranged with a branch, for people who cannot go (002 Q39).
        Door = "door",
    }
}

impl PickupChoice {
    /// The channel that serves this choice in `city` and how the card is then collected: the
    /// city's online channel for the card posted or collected at the chosen branch, a branch
    /// that makes cards for one made on the spot, the door service for a home visit.
    pub const fn channel_and_method(self, city: City) -> (Channel, PickupMethod) {
        match self {
            PickupChoice::Mail => (online_channel(city), PickupMethod::Mail),
            PickupChoice::Branch => (online_channel(city), PickupMethod::Branch),
            PickupChoice::OnTheSpot => (Channel::InstantBranch, PickupMethod::OnTheSpot),
            PickupChoice::Door => (Channel::DoorService, PickupMethod::Branch),
        }
    }

    /// Whether the online application files this choice (the others are done in person).
    pub const fn is_online(self) -> bool {
        matches!(self, PickupChoice::Mail | PickupChoice::Branch)
    }

    /// The choice that stands for `method` where a city offers only that one (Shanghai and
    /// Urumqi post every card); `None` for a method nobody chooses in the journey.
    pub const fn of_method(method: PickupMethod) -> Option<Self> {
        match method {
            PickupMethod::Mail => Some(PickupChoice::Mail),
            PickupMethod::Branch => Some(PickupChoice::Branch),
            PickupMethod::OnTheSpot => Some(PickupChoice::OnTheSpot),
            PickupMethod::Employer => None,
        }
    }
}

/// Whether `channel` offers `service` in `city` on `on` (explicit refusals count as no).
pub fn channel_offers(
    city: City,
    service: Service,
    channel: Channel,
    on: NaiveDate,
) -> Option<ChannelOffer> {
    policy::offer_rows(city, on)
        .find(|r| r.service == service && r.channel == channel && r.offered)
        .map(OfferRow::to_offer)
}

//! Timeline previews: when the card must be made by, and the steps after it.
//!
//! Production limits (DECISIONS.md D14): an application (申领) is made within 30 natural days;
//! a reissue or exchange (补领/换领) by a third-generation holder within 4 working days on the
//! official calendar; at an instant branch on the spot (about 10 minutes). Postal transit is
//! not included. Periods are counted per D1 (the application day is not counted).

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, CalendarError};
use crate::certainty::Certainty;
use crate::channels;
use crate::citation::Citation;
use crate::dates;
use crate::ids::{Channel, City, PickupMethod, Service};
use crate::policy::{self, CourierFee, NumericParam, Param, Phase, PolicyError};
use crate::sources as src;
use crate::trace::{Explained, Trace, TraceStep};

crate::ids::stable_ids! {
    /// What the person asks for.
    pub enum Business {
        /// First application (申领), including an upgrade from a 1st/2nd-generation card.
        FirstApplication = "first_application",
        /// New card after a loss (补领).
        ReplaceLost = "replace_lost",
        /// New card for a damaged card (换领).
        ReplaceDamaged = "replace_damaged",
        /// New card after a change of name or ID number (换领).
        ChangeDetails = "change_details",
        /// Change of cooperating bank.
        ChangeBank = "change_bank",
        /// Renewal of a card close to expiry (Urumqi).
        Renewal = "renewal",
    }
}

impl Business {
    /// The service this business is filed under.
    pub const fn service(self) -> Service {
        match self {
            Business::FirstApplication => Service::Apply,
            Business::ReplaceLost => Service::Reissue,
            Business::ReplaceDamaged | Business::ChangeDetails => Service::Exchange,
            Business::ChangeBank => Service::ChangeBank,
            Business::Renewal => Service::Renewal,
        }
    }

    const fn is_replacement(self) -> bool {
        matches!(
            self,
            Business::ReplaceLost | Business::ReplaceDamaged | Business::ChangeDetails
        )
    }
}

crate::ids::stable_ids! {
    /// The card the person (the child, for a guardian) holds now: an answer of the check, and
    /// part of an application's eligibility declaration.
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub enum CardHeld {
        /// No card.
        None = "none",
        /// A first- or second-generation card.
        #[serde(rename = "older")]
        OlderGeneration = "older",
        /// A third-generation card.
        #[serde(rename = "third")]
        ThirdGeneration = "third",
    }
}

impl Default for CardHeld {
    /// No card: what a declaration that does not say means.
    fn default() -> Self {
        CardHeld::None
    }
}

/// Input of [`preview_timeline`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineRequest {
    /// The city.
    pub city: City,
    /// What is asked for.
    pub business: Business,
    /// Where it is filed.
    pub channel: Channel,
    /// How the card is collected.
    pub pickup: PickupMethod,
    /// The application date (today, or a planned date).
    pub date: NaiveDate,
    /// The card held now.
    pub card_held: CardHeld,
    /// The date of the last change of bank, if any (for the 6-month cooldown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_bank_change: Option<NaiveDate>,
}

/// How long production takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Production {
    /// Made on the spot, during the visit.
    OnTheSpot {
        /// Approximate minutes, when the sources give a figure.
        minutes: Option<u32>,
    },
    /// Made within a number of natural days.
    NaturalDays {
        /// The limit.
        days: u32,
        /// The last day of the limit: the card must be made by this date.
        made_by: NaiveDate,
    },
    /// Made within a number of working days.
    WorkingDays {
        /// The limit.
        days: u32,
        /// The last working day of the limit.
        made_by: NaiveDate,
        /// Holidays passed over.
        holidays_skipped: Vec<NaiveDate>,
        /// Make-up working days counted.
        makeup_days_counted: Vec<NaiveDate>,
    },
    /// The sources give no production time for this city and channel.
    NotStated,
}

impl Production {
    /// The date the card must be made by, if known.
    pub fn made_by(&self) -> Option<NaiveDate> {
        match self {
            Production::NaturalDays { made_by, .. } | Production::WorkingDays { made_by, .. } => {
                Some(*made_by)
            }
            Production::OnTheSpot { .. } | Production::NotStated => None,
        }
    }
}

crate::ids::stable_ids! {
    /// A step after production. Stable snake_case ids for i18n.
    pub enum StepKind {
        /// Take the old card to the issuing bank, which cancels and keeps it (bank change).
        CancelAtOldBank = "cancel_at_old_bank",
        /// Change name or ID number at the HR and medical-insurance departments first.
        ChangeKeyDataFirst = "change_key_data_first",
        /// Wait for the post (transit time not included in the production limit).
        WaitForPost = "wait_for_post",
        /// Sign for the parcel in person and pay the postage (Urumqi remote).
        SignAndPayPostage = "sign_and_pay_postage",
        /// Collect the card at the branch chosen at application.
        CollectAtBranch = "collect_at_branch",
        /// Receive the card from the employer.
        ReceiveFromEmployer = "receive_from_employer",
        /// The card is handed over during the visit.
        CardInHand = "card_in_hand",
        /// Enable the social-security function.
        EnableSocialFunction = "enable_social_function",
        /// Activate the bank function at the issuing bank's counter (voluntary).
        ActivateBankFunction = "activate_bank_function",
        /// The old card's medical function stops when the new card is enabled.
        OldCardMedicalEnds = "old_card_medical_ends",
        /// Move the pension payment account to the new card (Urumqi, if paid to the card).
        UpdatePensionAccount = "update_pension_account",
        /// Transport balance of the damaged card is refunded to the designated account.
        TransportBalanceRefund = "transport_balance_refund",
    }
}

/// One step with where it is done and its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextStep {
    /// What to do.
    pub step: StepKind,
    /// Where it can be done (empty when nothing is to be done by the person).
    pub channels: Vec<Channel>,
    /// Whether it is optional.
    pub optional: bool,
    /// Whether staff do it at collection, so the person has nothing to do.
    pub done_at_collection: bool,
    /// A date the step is due by, when one follows from the rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<NaiveDate>,
    /// Source.
    pub citation: Citation,
}

/// Something the person should know about this timeline. Stable snake_case ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TimelineWarning {
    /// The holder of a 1st/2nd-generation card applies anew (30 days), D14.
    ProcessedAsApplication,
    /// Replacing at a bank other than the issuing bank is a change of bank, D8.
    OtherBankIsBankChange,
    /// The bank may not be changed before this date (Q27). Blocking.
    BankChangeCooldown {
        /// First allowed date (D2).
        allowed_from: NaiveDate,
    },
    /// Individual applications are closed in this phase (Beijing pilot). Blocking.
    IndividualApplicationClosed,
    /// Individuals are served group by group in this phase.
    OrganisedByGroup,
    /// Postal transit is not included in the production limit.
    PostalTransitNotIncluded,
    /// The recipient pays postage on delivery.
    PostagePaidByRecipient,
    /// The old card keeps working until the new one is enabled.
    OldCardWorksUntilEnabled,
    /// A card reported lost can never be unfrozen once a new card is made (Q22).
    LostCardCannotBeUnfrozen,
    /// The transport balance of a lost card is not refunded (Q46).
    TransportBalanceForfeited,
    /// The sources give no production time here.
    ProductionTimeNotStated,
    /// Only the four remote-module banks can be chosen (Urumqi).
    RemoteBanksOnly,
    /// An employee whose employer collects the cards chooses among the employer's banks.
    EmployerChoosesBanks,
}

impl TimelineWarning {
    /// Stable snake_case code: the `kind` serde writes (tests/timeline.rs keeps them equal).
    pub const fn code(&self) -> &'static str {
        match self {
            Self::ProcessedAsApplication => "processed_as_application",
            Self::OtherBankIsBankChange => "other_bank_is_bank_change",
            Self::BankChangeCooldown { .. } => "bank_change_cooldown",
            Self::IndividualApplicationClosed => "individual_application_closed",
            Self::OrganisedByGroup => "organised_by_group",
            Self::PostalTransitNotIncluded => "postal_transit_not_included",
            Self::PostagePaidByRecipient => "postage_paid_by_recipient",
            Self::OldCardWorksUntilEnabled => "old_card_works_until_enabled",
            Self::LostCardCannotBeUnfrozen => "lost_card_cannot_be_unfrozen",
            Self::TransportBalanceForfeited => "transport_balance_forfeited",
            Self::ProductionTimeNotStated => "production_time_not_stated",
            Self::RemoteBanksOnly => "remote_banks_only",
            Self::EmployerChoosesBanks => "employer_chooses_banks",
        }
    }
}

/// The preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelinePreview {
    /// The city.
    pub city: City,
    /// What was asked for.
    pub business: Business,
    /// The service it is processed as (an older-generation replacement is an application).
    pub processed_as: Service,
    /// The channel.
    pub channel: Channel,
    /// The pickup method.
    pub pickup: PickupMethod,
    /// The application date.
    pub application_date: NaiveDate,
    /// The production limit.
    pub production: Production,
    /// Certain, or an estimate when the working days reach an unpublished year.
    pub certainty: Certainty,
    /// Whether the production limit includes postal transit (`Some(false)` in Beijing).
    pub postal_transit_included: Option<bool>,
    /// Who pays postage, when the card is posted and the sources say.
    pub courier_fee: Option<CourierFee>,
    /// What happens after production, in order.
    pub steps: Vec<NextStep>,
    /// Things to know.
    pub warnings: Vec<TimelineWarning>,
}

/// Why a timeline cannot be computed.
///
/// Adjacently tagged (`{"kind": "calendar", "detail": {"code": "out_of_range"}}`) because the
/// wrapped errors carry their own `code` tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum TimelineError {
    /// Policy lookup failed (e.g. a date before the rules existed).
    Policy(PolicyError),
    /// Calendar computation failed.
    Calendar(CalendarError),
    /// The channel does not offer this service.
    ChannelNotOffered {
        /// The service.
        service: Service,
        /// The channel.
        channel: Channel,
    },
    /// This pickup method is not possible with this channel or business.
    PickupNotAvailable {
        /// The pickup method.
        pickup: PickupMethod,
        /// The channel.
        channel: Channel,
    },
    /// The result would leave the supported date range.
    DateOutOfRange,
}

impl TimelineError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Policy(e) => e.code(),
            Self::Calendar(e) => e.code(),
            Self::ChannelNotOffered { .. } => "timeline.channel_not_offered",
            Self::PickupNotAvailable { .. } => "timeline.pickup_not_available",
            Self::DateOutOfRange => "timeline.date_out_of_range",
        }
    }
}

impl fmt::Display for TimelineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Policy(e) => e.fmt(f),
            Self::Calendar(e) => e.fmt(f),
            Self::ChannelNotOffered { service, channel } => {
                write!(f, "{channel} does not offer {service}")
            }
            Self::PickupNotAvailable { pickup, channel } => {
                write!(f, "pickup {pickup} is not possible through {channel}")
            }
            Self::DateOutOfRange => f.write_str("date out of the supported range"),
        }
    }
}

impl std::error::Error for TimelineError {}

impl From<PolicyError> for TimelineError {
    fn from(e: PolicyError) -> Self {
        Self::Policy(e)
    }
}

impl From<CalendarError> for TimelineError {
    fn from(e: CalendarError) -> Self {
        Self::Calendar(e)
    }
}

/// Whether cards are made on the spot through this channel in this city.
fn instant_capable(city: City, channel: Channel) -> bool {
    match city {
        // Urumqi: every service point hands the card over at once (004 L5).
        City::Urumqi => matches!(channel, Channel::BankBranch | Channel::InstantBranch),
        City::Beijing | City::Shanghai => channel == Channel::InstantBranch,
    }
}

fn step(step: StepKind, channels: &[Channel], citation: Citation) -> NextStep {
    NextStep {
        step,
        channels: channels.to_vec(),
        optional: false,
        done_at_collection: false,
        by: None,
        citation,
    }
}

const ENABLE_CHANNELS: &[Channel] = &[
    Channel::HrssWebsite,
    Channel::BeijingHrssApp,
    Channel::JingtongMiniProgram,
    Channel::DistrictStreetPoint,
    Channel::BankBranch,
];

/// Previews the timeline of an application or replacement.
pub fn preview_timeline(
    req: &TimelineRequest,
    calendar: &Calendar,
) -> Result<Explained<TimelinePreview>, TimelineError> {
    let mut trace = Trace::new();
    let mut warnings = Vec::new();
    let city = req.city;
    let phase = policy::phase(city, req.date)?;

    // 1. What the request is processed as (D8, D14).
    let mut effective = req.business;
    if city == City::Beijing && req.business.is_replacement() && req.channel == Channel::BankBranch
    {
        effective = Business::ChangeBank;
        warnings.push(TimelineWarning::OtherBankIsBankChange);
    }
    let older_gen_upgrade = city == City::Beijing
        && req.business != Business::FirstApplication
        && req.card_held != CardHeld::ThirdGeneration;
    let processed_as = if effective == Business::FirstApplication
        || effective == Business::ChangeBank && city == City::Beijing
        || older_gen_upgrade
    {
        Service::Apply
    } else {
        effective.service()
    };
    if older_gen_upgrade && req.business.is_replacement() {
        warnings.push(TimelineWarning::ProcessedAsApplication);
    }
    let mut kind_step = TraceStep::new("timeline.processed_as", "What the request is processed as")
        .input("business", format!("{:?}", req.business))
        .input("card_held", format!("{:?}", req.card_held))
        .input("channel", req.channel)
        .outcome(format!("processed as {processed_as}"));
    if effective != req.business {
        kind_step = kind_step.cite(Citation::decision("D8"));
    }
    if older_gen_upgrade {
        kind_step = kind_step
            .cite(src::Q25_UPGRADE)
            .cite(Citation::decision("D14"));
    }
    if effective == Business::ChangeBank && city == City::Beijing {
        kind_step = kind_step.cite(src::Q26_APPLY_NEW);
    }
    trace.push(kind_step);

    // 2. The channel must offer the service (either as asked or as processed).
    let offer = channels::channel_offers(city, req.business.service(), req.channel, req.date)
        .or_else(|| channels::channel_offers(city, processed_as, req.channel, req.date))
        .or_else(|| {
            // Employer pickup means the employer filed a collective application (Q12).
            (req.pickup == PickupMethod::Employer)
                .then(|| {
                    channels::channel_offers(city, Service::CollectiveApply, req.channel, req.date)
                })
                .flatten()
        })
        .ok_or(TimelineError::ChannelNotOffered {
            service: req.business.service(),
            channel: req.channel,
        })?;
    trace.push(
        TraceStep::new("timeline.channel", "The channel offers the service")
            .input("channel", req.channel)
            .input("service", req.business.service())
            .cite(offer.citation.clone())
            .outcome("offered"),
    );

    // 3. Phase limits on individual applications (Beijing pilot / mass changeover).
    if processed_as == Service::Apply && req.pickup != PickupMethod::Employer {
        let open = policy::individual_application_open(city, req.date)?;
        if !open.value {
            warnings.push(TimelineWarning::IndividualApplicationClosed);
        } else if phase.value == Phase::MassChangeover {
            warnings.push(TimelineWarning::OrganisedByGroup);
        }
        trace.push(
            TraceStep::new("timeline.phase", "Individual applications in this phase")
                .param("phase", &phase)
                .param("individual_application_open", &open)
                .outcome(if open.value { "open" } else { "closed" }),
        );
    }

    // 4. Pickup method against channel and business.
    let instant = instant_capable(city, req.channel);
    let pickup_ok = match req.pickup {
        PickupMethod::OnTheSpot => instant,
        _ if instant => false,
        PickupMethod::Employer => {
            req.business == Business::FirstApplication
                && policy::collective_application(city, req.date)?.value
        }
        PickupMethod::Mail => city != City::Urumqi || req.channel == Channel::XinjiangHrssApp,
        PickupMethod::Branch => req.channel != Channel::XinjiangHrssApp,
    };
    if !pickup_ok {
        return Err(TimelineError::PickupNotAvailable {
            pickup: req.pickup,
            channel: req.channel,
        });
    }

    // 5. Bank-change cooldown (Q27, D2).
    if effective == Business::ChangeBank
        && let Some(last) = req.last_bank_change
    {
        let explained = bank_change_allowed_from(city, last)?;
        let allowed_from = explained.result.date;
        trace.extend(explained.trace);
        if req.date < allowed_from {
            warnings.push(TimelineWarning::BankChangeCooldown { allowed_from });
        }
    }

    // 6. Production limit.
    let mut certainty = Certainty::Certain;
    let production = if req.pickup == PickupMethod::OnTheSpot {
        let minutes = opt_param(city, NumericParam::InstantMinutes, req.date)?;
        let mut s = TraceStep::new("timeline.production.instant", "Card made on the spot")
            .input("channel", req.channel)
            .cite(offer.citation.clone());
        if let Some(m) = &minutes {
            s = s.param("instant_minutes", m);
        }
        trace.push(s.outcome("made during the visit"));
        Production::OnTheSpot {
            minutes: minutes.map(|m| m.value),
        }
    } else if processed_as == Service::Apply {
        match opt_param(city, NumericParam::ApplicationNaturalDays, req.date)? {
            Some(days) => {
                let made_by = dates::days_period_end(req.date, days.value)
                    .ok_or(TimelineError::DateOutOfRange)?;
                trace.push(
                    TraceStep::new(
                        "timeline.production.application",
                        "Application: made within N natural days",
                    )
                    .input("application_date", req.date)
                    .param("application_natural_days", &days)
                    .cite(Citation::decision("D1"))
                    .cite(Citation::decision("D14"))
                    .outcome(format!("made by {made_by}")),
                );
                Production::NaturalDays {
                    days: days.value,
                    made_by,
                }
            }
            None => Production::NotStated,
        }
    } else {
        match opt_param(city, NumericParam::ReplacementWorkingDays, req.date)? {
            Some(days) => {
                let span = calendar.add_working_days(req.date, days.value)?;
                certainty = span.certainty.clone();
                let mut s = TraceStep::new(
                    "timeline.production.replacement",
                    "Replacement: made within N working days",
                )
                .input("application_date", req.date)
                .param("replacement_working_days", &days)
                .cite(Citation::decision("D1"))
                .cite(Citation::decision("D14"));
                let mut law_revisions: Vec<NaiveDate> = Vec::new();
                for y in year_range(req.date, span.end) {
                    s = s.cite(Citation::calendar(y));
                    // An unpublished year is estimated from the holiday law: name the revision
                    // used (its days off a year, valid from, citation), once per revision.
                    if let Some(law) = calendar.estimate_basis(y)
                        && !law_revisions.contains(&law.valid_from)
                    {
                        law_revisions.push(law.valid_from);
                        s = s.param("statutory_holiday_days", &law);
                    }
                }
                if !certainty.is_certain() {
                    s = s
                        .cite(Citation::decision("D6"))
                        .cite(Citation::decision("D35"));
                }
                trace.push(s.outcome(format!(
                    "made by {} (holidays skipped: {}, make-up days counted: {})",
                    span.end,
                    span.holidays_skipped.len(),
                    span.makeup_days_counted.len()
                )));
                Production::WorkingDays {
                    days: days.value,
                    made_by: span.end,
                    holidays_skipped: span.holidays_skipped,
                    makeup_days_counted: span.makeup_days_counted,
                }
            }
            None => Production::NotStated,
        }
    };
    if production == Production::NotStated {
        warnings.push(TimelineWarning::ProductionTimeNotStated);
        trace.push(
            TraceStep::new(
                "timeline.production.not_stated",
                "No production time in the sources",
            )
            .input("city", city)
            .cite(Citation::decision("D15"))
            .outcome("not stated"),
        );
    }

    // 7. Postage.
    let (postal_transit_included, courier_fee) = if req.pickup == PickupMethod::Mail {
        let transit = policy::transit_included(city, req.date)?;
        let fee = policy::courier_fee(city, req.date)?;
        if transit.as_ref().is_some_and(|t| !t.value) {
            warnings.push(TimelineWarning::PostalTransitNotIncluded);
        }
        if fee
            .as_ref()
            .is_some_and(|f| f.value == CourierFee::PaidByRecipient)
        {
            warnings.push(TimelineWarning::PostagePaidByRecipient);
        }
        let mut s = TraceStep::new("timeline.postage", "Postage and transit");
        if let Some(t) = &transit {
            s = s.param("transit_included_in_production", t);
        }
        if let Some(f) = &fee {
            s = s.param("courier_fee", f);
        }
        trace.push(s.outcome("postal transit comes on top of the production limit"));
        (transit.map(|t| t.value), fee.map(|f| f.value))
    } else {
        (None, None)
    };

    // 8. Steps after production.
    let steps = next_steps(req, effective, &mut warnings, processed_as)?;
    let mut steps_step = TraceStep::new("timeline.steps", "Steps after production")
        .input("pickup", req.pickup)
        .cite(src::Q13_PICKUP);
    for w in &warnings {
        let cite = match w {
            TimelineWarning::OldCardWorksUntilEnabled => Some(src::OLD_CARD_000),
            TimelineWarning::EmployerChoosesBanks => Some(src::EMPLOYER_BANKS_000),
            TimelineWarning::RemoteBanksOnly => Some(src::UR_REMOTE_BANKS),
            TimelineWarning::LostCardCannotBeUnfrozen => Some(src::Q22_NO_UNFREEZE),
            TimelineWarning::TransportBalanceForfeited => Some(src::Q46_LOST),
            _ => None,
        };
        if let Some(c) = cite {
            steps_step = steps_step.cite(c);
        }
    }
    trace.push(steps_step.outcome(format!("{} step(s)", steps.len())));

    Ok(Explained {
        result: TimelinePreview {
            city,
            business: req.business,
            processed_as,
            channel: req.channel,
            pickup: req.pickup,
            application_date: req.date,
            production,
            certainty,
            postal_transit_included,
            courier_fee,
            steps,
            warnings,
        },
        trace,
    })
}

fn year_range(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = i32> {
    use chrono::Datelike;
    from.year()..=to.year()
}

fn opt_param(
    city: City,
    which: NumericParam,
    on: NaiveDate,
) -> Result<Option<Param<u32>>, TimelineError> {
    match policy::param_u32(city, which, on) {
        Ok(p) => Ok(Some(p)),
        Err(PolicyError::NotDefined { .. }) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

fn next_steps(
    req: &TimelineRequest,
    effective: Business,
    warnings: &mut Vec<TimelineWarning>,
    processed_as: Service,
) -> Result<Vec<NextStep>, TimelineError> {
    let mut steps = Vec::new();
    let beijing = req.city == City::Beijing;
    let urumqi = req.city == City::Urumqi;
    if beijing {
        match effective {
            Business::ChangeBank if req.card_held == CardHeld::ThirdGeneration => steps.push(step(
                StepKind::CancelAtOldBank,
                &[Channel::IssuingBankBranch],
                src::Q26_CANCEL_OLD,
            )),
            Business::ChangeDetails => {
                steps.push(step(StepKind::ChangeKeyDataFirst, &[], src::Q24_KEY_DATA))
            }
            _ => {}
        }
        if req.business == Business::ReplaceLost {
            warnings.push(TimelineWarning::LostCardCannotBeUnfrozen);
            warnings.push(TimelineWarning::TransportBalanceForfeited);
        }
        if req.pickup == PickupMethod::Employer {
            warnings.push(TimelineWarning::EmployerChoosesBanks);
        }
    }
    if urumqi && req.channel == Channel::XinjiangHrssApp {
        warnings.push(TimelineWarning::RemoteBanksOnly);
    }
    match req.pickup {
        PickupMethod::Mail => {
            steps.push(step(
                StepKind::WaitForPost,
                &[],
                if urumqi {
                    src::UR_EMS
                } else {
                    src::TRANSIT_000
                },
            ));
            if urumqi {
                steps.push(step(StepKind::SignAndPayPostage, &[], src::UR_EMS));
            }
        }
        PickupMethod::Branch => {
            let mut s = step(
                StepKind::CollectAtBranch,
                &[Channel::BankBranch],
                src::Q13_PICKUP,
            );
            s.by = None;
            steps.push(s);
        }
        PickupMethod::Employer => {
            steps.push(step(StepKind::ReceiveFromEmployer, &[], src::Q14_RETURN));
        }
        PickupMethod::OnTheSpot => {
            steps.push(step(
                StepKind::CardInHand,
                &[req.channel],
                if urumqi {
                    src::UR_KIOSK
                } else {
                    src::INSTANT_000
                },
            ));
        }
    }
    // Enabling the social function and activating the bank function (Q15, 000 L17, D19).
    let collected_at_counter = matches!(req.pickup, PickupMethod::Branch | PickupMethod::OnTheSpot);
    let mut enable = step(
        StepKind::EnableSocialFunction,
        if urumqi {
            &[Channel::BankBranch]
        } else {
            ENABLE_CHANNELS
        },
        if collected_at_counter {
            if req.pickup == PickupMethod::Branch {
                src::Q15_BRANCH
            } else {
                src::INSTANT_000
            }
        } else if urumqi {
            src::UR_PENSION
        } else {
            src::Q15_MAIL
        },
    );
    enable.done_at_collection = collected_at_counter;
    steps.push(enable);
    let mut activate = step(
        StepKind::ActivateBankFunction,
        if urumqi {
            &[Channel::BankBranch]
        } else {
            &[Channel::IssuingBankBranch]
        },
        if collected_at_counter && req.pickup == PickupMethod::Branch {
            src::Q15_BRANCH
        } else if collected_at_counter {
            src::INSTANT_000
        } else if urumqi {
            src::UR_PENSION
        } else {
            src::Q15_MAIL
        },
    );
    activate.optional = true;
    activate.done_at_collection = req.pickup == PickupMethod::Branch && beijing;
    steps.push(activate);
    if beijing
        && (req.card_held == CardHeld::OlderGeneration
            || processed_as == Service::Apply && req.card_held != CardHeld::None)
    {
        warnings.push(TimelineWarning::OldCardWorksUntilEnabled);
        steps.push(step(StepKind::OldCardMedicalEnds, &[], src::Q25_OLD_CARD));
    }
    if urumqi {
        let mut s = step(
            StepKind::UpdatePensionAccount,
            &[Channel::XinjiangHrssApp, Channel::BankBranch],
            src::UR_PENSION,
        );
        s.optional = true;
        steps.push(s);
    }
    if beijing
        && req.business == Business::ReplaceDamaged
        && matches!(
            req.channel,
            Channel::IssuingBankBranch | Channel::InstantBranch
        )
    {
        let mut s = step(StepKind::TransportBalanceRefund, &[], src::Q46_TRANSPORT);
        s.by = Some(dates::days_period_end(req.date, 2).ok_or(TimelineError::DateOutOfRange)?);
        steps.push(s);
    }
    Ok(steps)
}

/// A date answer with its certainty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateAnswer {
    /// The date.
    pub date: NaiveDate,
    /// Certain unless it rests on an unpublished calendar year.
    pub certainty: Certainty,
}

/// The names a dated answer's trace step uses.
struct DatedRule {
    id: &'static str,
    title: &'static str,
    input: &'static str,
    param: &'static str,
    decision: &'static str,
}

fn natural_answer(
    rule: &DatedRule,
    input: NaiveDate,
    param: &Param<u32>,
    date: Option<NaiveDate>,
) -> Result<Explained<DateAnswer>, TimelineError> {
    let date = date.ok_or(TimelineError::DateOutOfRange)?;
    let mut trace = Trace::new();
    trace.push(
        TraceStep::new(rule.id, rule.title)
            .input(rule.input, input)
            .param(rule.param, param)
            .cite(Citation::decision(rule.decision))
            .outcome(date.to_string()),
    );
    Ok(Explained {
        result: DateAnswer {
            date,
            certainty: Certainty::Certain,
        },
        trace,
    })
}

/// The date a temporary loss of the social function lifts by itself: report date + 15
/// natural days in Beijing (002 Q18; D1, D18). The bank side follows the bank's own rules.
pub fn temp_loss_auto_lift(
    city: City,
    reported_on: NaiveDate,
) -> Result<Explained<DateAnswer>, TimelineError> {
    let days = policy::param_u32(city, NumericParam::TempLossAutoLiftDays, reported_on)?;
    let date = dates::days_period_end(reported_on, days.value);
    let mut out = natural_answer(
        &DatedRule {
            id: "timeline.temp_loss_auto_lift",
            title: "Temporary loss lifts automatically after N days",
            input: "reported_on",
            param: "temp_loss_auto_lift_days",
            decision: "D18",
        },
        reported_on,
        &days,
        date,
    )?;
    if let Some(s) = out.trace.steps.last_mut() {
        s.citations.push(src::Q18_FIN_BANK);
    }
    Ok(out)
}

/// The first date the bank can be changed again after a change on `last_change`
/// (002 Q27: 6 months; D2: 31 August + 6 months = end of February).
pub fn bank_change_allowed_from(
    city: City,
    last_change: NaiveDate,
) -> Result<Explained<DateAnswer>, TimelineError> {
    let months = policy::param_u32(city, NumericParam::BankChangeCooldownMonths, last_change)?;
    natural_answer(
        &DatedRule {
            id: "timeline.bank_change_cooldown",
            title: "Bank may be changed again after N months",
            input: "last_bank_change",
            param: "bank_change_cooldown_months",
            decision: "D2",
        },
        last_change,
        &months,
        dates::months_period_end(last_change, months.value),
    )
}

/// The first date a card expiring on `expiry` may be renewed (Urumqi: 60 days before; D26).
pub fn renewal_window_opens(
    city: City,
    expiry: NaiveDate,
) -> Result<Explained<DateAnswer>, TimelineError> {
    let days = policy::param_u32(city, NumericParam::RenewalWindowDays, expiry)?;
    natural_answer(
        &DatedRule {
            id: "timeline.renewal_window",
            title: "Renewal possible from N days before expiry",
            input: "expiry",
            param: "renewal_window_days",
            decision: "D26",
        },
        expiry,
        &days,
        dates::sub_days(expiry, u64::from(days.value)),
    )
}

/// The last date an employer may return undistributed cards it collected on `collected_on`
/// (002 Q14: within 30 days; D1, D25).
pub fn employer_return_deadline(
    city: City,
    collected_on: NaiveDate,
) -> Result<Explained<DateAnswer>, TimelineError> {
    let days = policy::param_u32(city, NumericParam::EmployerReturnDays, collected_on)?;
    natural_answer(
        &DatedRule {
            id: "timeline.employer_return",
            title: "Employer returns undistributed cards within N days",
            input: "collected_on",
            param: "employer_return_days",
            decision: "D25",
        },
        collected_on,
        &days,
        dates::days_period_end(collected_on, days.value),
    )
}

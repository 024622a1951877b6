//! Card states: the application and the card's social-security and bank functions as state
//! machines with guarded transitions (catalogue §8). Names are this crate's (the seeds
//! define no official status codes, §13 A-20); guards and effects are cited.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::channels;
use crate::citation::Citation;
use crate::dates;
use crate::ids::{Channel, City, PickupMethod, Service};
use crate::policy::{self, NumericParam};
use crate::sources as src;
use crate::trace::{Explained, Trace, TraceStep};

// ===================== application =====================

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationState {
    /// Data held by the app before submission.
    Draft,
    /// The employer submitted; the employee must confirm (Q12).
    PendingEmployeeConfirm,
    /// Accepted.
    Submitted,
    /// Being made.
    InProduction,
    /// Made; hand-over follows the pickup method.
    Produced,
    /// In the post.
    InTransit,
    /// Shanghai: delivery failed, card at the backup community centre.
    AtBackupPoint,
    /// Waiting at the chosen branch.
    ReadyAtBranch,
    /// Collected by the employer, not yet handed out.
    WithEmployer,
    /// In the holder's hands.
    Received,
    /// Returned to the bank by the employer (Q14).
    ReturnedToBank,
}

/// An event on an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationEvent {
    /// The holder or guardian submits.
    SubmitIndividual,
    /// The employer submits for staff.
    SubmitCollective,
    /// The employee confirms the employer's data.
    EmployeeConfirms,
    /// The card is made on the spot and handed over.
    IssueInstantly,
    /// Production starts.
    StartProduction,
    /// Production ends.
    FinishProduction,
    /// The card is posted.
    Dispatch,
    /// Delivery failed (Shanghai backup point).
    DeliveryFailed,
    /// The card is ready at the branch.
    ReadyForPickup,
    /// The employer collects the cards.
    HandToEmployer,
    /// The holder gets the card (delivered, collected or handed out).
    Receive,
    /// The employer returns an undistributed card.
    ReturnToBank,
}

impl ApplicationEvent {
    /// Every event.
    pub const ALL: &'static [ApplicationEvent] = &[
        Self::SubmitIndividual,
        Self::SubmitCollective,
        Self::EmployeeConfirms,
        Self::IssueInstantly,
        Self::StartProduction,
        Self::FinishProduction,
        Self::Dispatch,
        Self::DeliveryFailed,
        Self::ReadyForPickup,
        Self::HandToEmployer,
        Self::Receive,
        Self::ReturnToBank,
    ];
}

/// The facts an application's guards need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationContext {
    /// The city.
    pub city: City,
    /// The pickup method chosen at application.
    pub pickup: PickupMethod,
}

/// Why a transition is refused. Stable snake_case codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum TransitionError {
    /// The action does not apply in the current state.
    InvalidFromState,
    /// The chosen pickup method does not lead here.
    WrongPickupMethod,
    /// Only in another city.
    NotInThisCity,
    /// A loss report cannot be lifted once a replacement card was made (Q22).
    UnfreezeAfterReissue,
    /// The financial function is cancelled only after the social function (Q36).
    SocialNotCancelledFirst,
    /// The bank may not be changed yet (Q27).
    BankChangeCooldown {
        /// First allowed date.
        allowed_from: NaiveDate,
    },
    /// The temporary loss has not lapsed yet (Q18).
    AutoLiftNotDue {
        /// The day it lifts.
        lifts_on: NaiveDate,
    },
    /// District and street points lift formal losses only (Q7, D11).
    FormalLossOnlyHere,
    /// The channel does not offer this service.
    ChannelDoesNotOffer {
        /// The service.
        service: Service,
        /// The channel.
        channel: Channel,
    },
    /// The bank may suspend non-counter services only 6 months after social cancellation (Q35).
    SuspensionNotDue,
    /// A date computation left the supported range, or a needed value is missing.
    Unavailable,
}

impl TransitionError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidFromState => "state.invalid_from_state",
            Self::WrongPickupMethod => "state.wrong_pickup_method",
            Self::NotInThisCity => "state.not_in_this_city",
            Self::UnfreezeAfterReissue => "state.unfreeze_after_reissue",
            Self::SocialNotCancelledFirst => "state.social_not_cancelled_first",
            Self::BankChangeCooldown { .. } => "state.bank_change_cooldown",
            Self::AutoLiftNotDue { .. } => "state.auto_lift_not_due",
            Self::FormalLossOnlyHere => "state.formal_loss_only_here",
            Self::ChannelDoesNotOffer { .. } => "state.channel_does_not_offer",
            Self::SuspensionNotDue => "state.suspension_not_due",
            Self::Unavailable => "state.unavailable",
        }
    }
}

impl TransitionError {
    /// The source of a refusal that a rule states (the "why" a person is shown).
    pub fn citation(&self) -> Option<Citation> {
        match self {
            Self::UnfreezeAfterReissue => Some(src::Q22_NO_UNFREEZE),
            Self::SocialNotCancelledFirst => Some(src::Q36_ORDER),
            Self::AutoLiftNotDue { .. } => Some(src::Q18_TEMP),
            Self::SuspensionNotDue => Some(src::Q35_SUSPEND),
            _ => None,
        }
    }
}

impl fmt::Display for TransitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for TransitionError {}

/// Applies an event to an application.
pub fn application_transition(
    state: ApplicationState,
    event: ApplicationEvent,
    ctx: &ApplicationContext,
) -> Result<ApplicationState, TransitionError> {
    use ApplicationEvent as E;
    use ApplicationState as S;
    use PickupMethod as P;
    let need = |p: P| {
        if ctx.pickup == p {
            Ok(())
        } else {
            Err(TransitionError::WrongPickupMethod)
        }
    };
    match (state, event) {
        (S::Draft, E::SubmitIndividual) => Ok(S::Submitted),
        (S::Draft, E::SubmitCollective) => Ok(S::PendingEmployeeConfirm),
        (S::PendingEmployeeConfirm, E::EmployeeConfirms) => Ok(S::Submitted),
        (S::Draft | S::Submitted, E::IssueInstantly) => need(P::OnTheSpot).map(|()| S::Received),
        (S::Submitted, E::StartProduction) => {
            if ctx.pickup == P::OnTheSpot {
                Err(TransitionError::WrongPickupMethod)
            } else {
                Ok(S::InProduction)
            }
        }
        (S::InProduction, E::FinishProduction) => Ok(S::Produced),
        (S::Produced, E::Dispatch) => need(P::Mail).map(|()| S::InTransit),
        (S::InTransit, E::DeliveryFailed) => {
            if ctx.city == City::Shanghai {
                Ok(S::AtBackupPoint)
            } else {
                Err(TransitionError::NotInThisCity)
            }
        }
        (S::Produced, E::ReadyForPickup) => need(P::Branch).map(|()| S::ReadyAtBranch),
        (S::Produced, E::HandToEmployer) => need(P::Employer).map(|()| S::WithEmployer),
        (S::InTransit | S::AtBackupPoint | S::ReadyAtBranch | S::WithEmployer, E::Receive) => {
            Ok(S::Received)
        }
        (S::WithEmployer, E::ReturnToBank) => Ok(S::ReturnedToBank),
        _ => Err(TransitionError::InvalidFromState),
    }
}

/// The events possible from an application state.
pub fn available_application_events(
    state: ApplicationState,
    ctx: &ApplicationContext,
) -> Vec<ApplicationEvent> {
    ApplicationEvent::ALL
        .iter()
        .copied()
        .filter(|e| application_transition(state, *e, ctx).is_ok())
        .collect()
}

// ===================== card =====================

crate::ids::stable_ids! {
    /// The social-security function of a card: the state machine's and the wire's (`Card`).
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub enum SocialState {
        /// Received by post, not enabled yet (Q15 L121).
        NotEnabled = "not_enabled",
        /// In use.
        Enabled = "enabled",
        /// Temporary loss report (Q18); lifts itself on the card's `temp_loss_lifts_on`.
        TempLost = "temp_lost",
        /// Formal loss report (Q20), at a counter.
        FormalLost = "formal_lost",
        /// A replacement was made; this card is finished (Q22).
        Replaced = "replaced",
        /// Cancelled (Q34, or bank change Q26).
        Cancelled = "cancelled",
    }
}

crate::ids::stable_ids! {
    /// The financial (bank) function of a card: the state machine's and the wire's (`Card`).
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub enum FinancialState {
        /// Not activated: activation is done in person at the issuing bank.
        NotActivated = "not_activated",
        /// Active.
        Active = "active",
        /// Temporary loss, together with the social function's; the bank's own rules apply.
        TempLost = "temp_lost",
        /// Formal loss (bank rules).
        FormalLost = "formal_lost",
        /// Non-counter services suspended by the bank (Q35).
        NonCounterSuspended = "non_counter_suspended",
        /// Cancelled.
        Cancelled = "cancelled",
    }
}

/// A 1st/2nd-generation card the holder still has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OldCardState {
    /// Fully usable (000 L23).
    Active,
    /// Medical settlement ended when the new card was enabled (Q25 L165).
    MedicalInvalid,
    /// The holder cancelled its bank function (Q25 L165).
    FinancialCancelled,
}

/// The state of one card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardState {
    /// The city.
    pub city: City,
    /// Social-security function.
    pub social: SocialState,
    /// Bank function.
    pub financial: FinancialState,
    /// The holder's older-generation card, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_card: Option<OldCardState>,
    /// Whether a replacement card was made for this card after a loss (补领) through any
    /// channel (Q22): its loss can never be lifted.
    #[serde(default)]
    pub reissued: bool,
    /// Whether an exchange (换领) was ordered and its new card is not enabled yet: this card
    /// keeps working until then ([`CardAction::ReplacementEnabled`], Q25, D33).
    #[serde(default)]
    pub exchange_pending: bool,
    /// Day of the current temporary loss report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temp_loss_reported_on: Option<NaiveDate>,
    /// Day the social function was cancelled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub social_cancelled_on: Option<NaiveDate>,
    /// Day of the last change of bank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_bank_change: Option<NaiveDate>,
}

impl CardState {
    /// A card as received: by post it arrives not enabled; at a branch or on the spot it is
    /// enabled (Q15 L119, 000 L17) and the bank function is as the holder chose (D19).
    pub fn received(
        city: City,
        pickup: PickupMethod,
        bank_activated: bool,
        old_card: bool,
    ) -> Self {
        let at_counter = matches!(pickup, PickupMethod::Branch | PickupMethod::OnTheSpot);
        CardState {
            city,
            social: if at_counter {
                SocialState::Enabled
            } else {
                SocialState::NotEnabled
            },
            financial: if bank_activated && at_counter {
                FinancialState::Active
            } else {
                FinancialState::NotActivated
            },
            old_card: old_card.then_some(if at_counter {
                OldCardState::MedicalInvalid
            } else {
                OldCardState::Active
            }),
            reissued: false,
            exchange_pending: false,
            temp_loss_reported_on: None,
            social_cancelled_on: None,
            last_bank_change: None,
        }
    }
}

/// An action on a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardAction {
    /// 启用 the social function.
    EnableSocial,
    /// 激活 the bank function.
    ActivateFinancial,
    /// 临时挂失.
    ReportTempLoss,
    /// 正式挂失.
    ReportFormalLoss,
    /// 解挂 (early, before the automatic lift).
    Unfreeze,
    /// The automatic lift of a temporary loss after 15 days.
    AutoLift,
    /// 补领: a new card after a loss.
    Reissue,
    /// 换领: a new card for damage or changed data.
    Exchange,
    /// The replacement card was enabled: this (old) card's medical use ends (Q25, D33).
    ReplacementEnabled,
    /// Change of bank: the card is cancelled and recalled (Q26).
    ChangeBank,
    /// 注销 of the social function.
    CancelSocial,
    /// 注销 of the bank function.
    CancelFinancial,
    /// The holder cancels the old card's bank function.
    CancelOldCardFinancial,
    /// The bank suspends non-counter services (possible 6 months after social cancellation).
    BankSuspendsNonCounter,
}

impl CardAction {
    /// Every action.
    pub const ALL: &'static [CardAction] = &[
        Self::EnableSocial,
        Self::ActivateFinancial,
        Self::ReportTempLoss,
        Self::ReportFormalLoss,
        Self::Unfreeze,
        Self::AutoLift,
        Self::Reissue,
        Self::Exchange,
        Self::ReplacementEnabled,
        Self::ChangeBank,
        Self::CancelSocial,
        Self::CancelFinancial,
        Self::CancelOldCardFinancial,
        Self::BankSuspendsNonCounter,
    ];

    /// The service the action is filed under, if it is a service someone asks for.
    pub const fn service(self) -> Option<Service> {
        Some(match self {
            Self::EnableSocial => Service::EnableSocial,
            Self::ActivateFinancial => Service::ActivateFinancial,
            Self::ReportTempLoss => Service::TempLoss,
            Self::ReportFormalLoss => Service::FormalLoss,
            Self::Unfreeze => Service::Unfreeze,
            Self::Reissue => Service::Reissue,
            Self::Exchange => Service::Exchange,
            Self::ChangeBank => Service::ChangeBank,
            Self::CancelSocial => Service::CancelSocial,
            Self::CancelFinancial => Service::CancelFinancial,
            Self::AutoLift
            | Self::ReplacementEnabled
            | Self::CancelOldCardFinancial
            | Self::BankSuspendsNonCounter => {
                return None;
            }
        })
    }
}

/// Facts a card transition's guards need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardContext {
    /// The date of the action.
    pub on: NaiveDate,
    /// The channel used, when known (some guards depend on it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
}

/// A side effect of a transition. Stable snake_case ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Effect {
    /// The old card's medical settlement ended (Q25 L165).
    OldCardMedicalEnds,
    /// Medical and bank use are both suspended (Q18).
    FinancialSuspendedToo,
    /// Only the social side was frozen: report the bank side to the bank or 96066 (D10).
    ReportFinancialSideAtBank,
    /// The bank side follows the bank's own rules (Q18).
    FinancialPerBankRules,
    /// Functions are restored at once (Q19).
    FunctionsRestored,
    /// A new card is being made.
    NewCardApplication,
    /// This card keeps working until the new card is enabled (Q25, D33).
    WorksUntilNewCardEnabled,
    /// This card's medical use ended: its replacement was enabled (Q25, D33).
    ReplacedByNewCard,
    /// The card is taken back by the bank (Q26 L179).
    CardRecalled,
    /// The bank may suspend non-counter services from this date (Q35).
    NonCounterMaySuspendFrom {
        /// The date.
        date: NaiveDate,
    },
    /// Lifts by itself on this date unless acted on (Q18).
    AutoLiftsOn {
        /// The date.
        date: NaiveDate,
    },
}

/// The result of a card transition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardTransition {
    /// The new state.
    pub state: CardState,
    /// Side effects.
    pub effects: Vec<Effect>,
}

fn lift_date(city: City, reported: NaiveDate) -> Option<NaiveDate> {
    let days = policy::param_u32(city, NumericParam::TempLossAutoLiftDays, reported).ok()?;
    dates::days_period_end(reported, days.value)
}

/// Applies an action to a card, checking its guards.
pub fn card_transition(
    state: &CardState,
    action: CardAction,
    ctx: &CardContext,
) -> Result<Explained<CardTransition>, TransitionError> {
    use FinancialState as F;
    use SocialState as S;
    let mut next = state.clone();
    let mut effects = Vec::new();
    let mut cites: Vec<Citation> = Vec::new();
    let live = !matches!(state.social, S::Replaced | S::Cancelled);
    let district = ctx.channel == Some(Channel::DistrictStreetPoint);

    // Q22 comes before any channel: once a replacement was ordered, no channel can lift the
    // loss, so the person hears why rather than "go to a counter".
    if action == CardAction::Unfreeze && (state.reissued || state.social == S::Replaced) {
        return Err(TransitionError::UnfreezeAfterReissue);
    }
    if let (Some(service), Some(channel)) = (action.service(), ctx.channel)
        && channels::channel_offers(state.city, service, channel, ctx.on).is_none()
    {
        return Err(TransitionError::ChannelDoesNotOffer { service, channel });
    }
    match action {
        CardAction::EnableSocial => {
            if state.social != S::NotEnabled {
                return Err(TransitionError::InvalidFromState);
            }
            next.social = S::Enabled;
            if state.old_card == Some(OldCardState::Active) {
                next.old_card = Some(OldCardState::MedicalInvalid);
                effects.push(Effect::OldCardMedicalEnds);
            }
            cites.extend([src::Q15_MAIL, src::Q25_OLD_CARD, Citation::decision("D20")]);
        }
        CardAction::ActivateFinancial => {
            if !live || state.financial != F::NotActivated {
                return Err(TransitionError::InvalidFromState);
            }
            next.financial = F::Active;
            cites.push(src::Q15_MAIL);
        }
        CardAction::ReportTempLoss => {
            if !matches!(state.social, S::Enabled | S::NotEnabled) {
                return Err(TransitionError::InvalidFromState);
            }
            next.social = S::TempLost;
            next.temp_loss_reported_on = Some(ctx.on);
            if district {
                effects.push(Effect::ReportFinancialSideAtBank);
                cites.extend([src::Q21_DISTRICT, Citation::decision("D10")]);
            } else if state.financial == F::Active {
                next.financial = F::TempLost;
                effects.push(Effect::FinancialSuspendedToo);
            }
            if let Some(date) = lift_date(state.city, ctx.on) {
                effects.push(Effect::AutoLiftsOn { date });
            }
            cites.extend([src::Q18_TEMP, Citation::decision("D27")]);
        }
        CardAction::ReportFormalLoss => {
            if !matches!(state.social, S::Enabled | S::NotEnabled | S::TempLost) {
                return Err(TransitionError::InvalidFromState);
            }
            next.social = S::FormalLost;
            next.temp_loss_reported_on = None;
            if district {
                effects.push(Effect::ReportFinancialSideAtBank);
                cites.push(src::Q21_DISTRICT);
            } else if matches!(state.financial, F::Active | F::TempLost) {
                next.financial = F::FormalLost;
            }
            cites.push(src::Q20_FORMAL);
        }
        CardAction::Unfreeze => {
            // Q22: once a replacement was made (through any channel) this card stays lost.
            if state.reissued || state.social == S::Replaced {
                return Err(TransitionError::UnfreezeAfterReissue);
            }
            if !matches!(state.social, S::TempLost | S::FormalLost) {
                return Err(TransitionError::InvalidFromState);
            }
            if district && state.social != S::FormalLost {
                return Err(TransitionError::FormalLossOnlyHere);
            }
            next.social = S::Enabled;
            next.temp_loss_reported_on = None;
            if !district && matches!(state.financial, F::TempLost | F::FormalLost) {
                next.financial = F::Active;
            }
            effects.push(Effect::FunctionsRestored);
            cites.extend([src::Q19_UNFREEZE, src::Q22_NO_UNFREEZE]);
        }
        CardAction::AutoLift => {
            if state.social != S::TempLost {
                return Err(TransitionError::InvalidFromState);
            }
            let reported = state
                .temp_loss_reported_on
                .ok_or(TransitionError::Unavailable)?;
            let lifts_on = lift_date(state.city, reported).ok_or(TransitionError::Unavailable)?;
            if ctx.on < lifts_on {
                return Err(TransitionError::AutoLiftNotDue { lifts_on });
            }
            next.social = S::Enabled;
            next.temp_loss_reported_on = None;
            effects.push(Effect::FinancialPerBankRules);
            cites.extend([src::Q18_FIN_BANK, Citation::decision("D18")]);
        }
        CardAction::Reissue => {
            // One new card at a time: not while an exchange is pending.
            if state.reissued
                || state.exchange_pending
                || !matches!(state.social, S::TempLost | S::FormalLost)
            {
                return Err(TransitionError::InvalidFromState);
            }
            next.social = S::Replaced;
            next.reissued = true;
            next.temp_loss_reported_on = None;
            effects.push(Effect::NewCardApplication);
            cites.extend([src::Q20_FORMAL, src::Q22_NO_UNFREEZE, src::Q46_LOST]);
        }
        CardAction::Exchange => {
            if state.reissued
                || state.exchange_pending
                || !matches!(state.social, S::Enabled | S::NotEnabled)
            {
                return Err(TransitionError::InvalidFromState);
            }
            // D33: a damaged card that still reads, or a card with the old name, keeps working
            // until the new card is enabled, as an older card does (Q25).
            next.exchange_pending = true;
            effects.extend([Effect::NewCardApplication, Effect::WorksUntilNewCardEnabled]);
            cites.extend([
                src::Q23_EXCHANGE,
                src::Q24_KEY_DATA,
                src::Q25_OLD_CARD,
                Citation::decision("D33"),
            ]);
        }
        CardAction::ReplacementEnabled => {
            if !state.exchange_pending || !live {
                return Err(TransitionError::InvalidFromState);
            }
            next.social = S::Replaced;
            next.exchange_pending = false;
            next.temp_loss_reported_on = None;
            effects.push(Effect::ReplacedByNewCard);
            cites.extend([src::Q25_OLD_CARD, Citation::decision("D33")]);
        }
        CardAction::ChangeBank => {
            if !live || state.social == S::FormalLost {
                return Err(TransitionError::InvalidFromState);
            }
            if let Some(last) = state.last_bank_change {
                let months =
                    policy::param_u32(state.city, NumericParam::BankChangeCooldownMonths, ctx.on)
                        .map_err(|_| TransitionError::Unavailable)?;
                let allowed_from = dates::months_period_end(last, months.value)
                    .ok_or(TransitionError::Unavailable)?;
                if ctx.on < allowed_from {
                    return Err(TransitionError::BankChangeCooldown { allowed_from });
                }
            }
            next.social = S::Cancelled;
            next.financial = F::Cancelled;
            next.social_cancelled_on = Some(ctx.on);
            next.last_bank_change = Some(ctx.on);
            effects.extend([Effect::CardRecalled, Effect::NewCardApplication]);
            cites.extend([
                src::Q26_CANCEL_OLD,
                src::Q26_APPLY_NEW,
                Citation::decision("D2"),
            ]);
        }
        CardAction::CancelSocial => {
            if !live {
                return Err(TransitionError::InvalidFromState);
            }
            next.social = S::Cancelled;
            next.social_cancelled_on = Some(ctx.on);
            if let Some(date) = dates::months_period_end(ctx.on, 6)
                && matches!(state.financial, F::Active | F::TempLost | F::FormalLost)
            {
                effects.push(Effect::NonCounterMaySuspendFrom { date });
            }
            cites.extend([src::Q34_CANCEL, src::Q35_SUSPEND]);
        }
        CardAction::CancelFinancial => {
            if matches!(state.financial, F::Cancelled | F::NotActivated) {
                return Err(TransitionError::InvalidFromState);
            }
            if state.social != S::Cancelled {
                return Err(TransitionError::SocialNotCancelledFirst);
            }
            next.financial = F::Cancelled;
            cites.push(src::Q36_ORDER);
        }
        CardAction::CancelOldCardFinancial => {
            if state.old_card != Some(OldCardState::MedicalInvalid) {
                return Err(TransitionError::InvalidFromState);
            }
            next.old_card = Some(OldCardState::FinancialCancelled);
            cites.push(src::Q25_KEEP_FIN);
        }
        CardAction::BankSuspendsNonCounter => {
            if state.social != S::Cancelled || state.financial != F::Active {
                return Err(TransitionError::InvalidFromState);
            }
            let cancelled = state
                .social_cancelled_on
                .ok_or(TransitionError::Unavailable)?;
            let from =
                dates::months_period_end(cancelled, 6).ok_or(TransitionError::Unavailable)?;
            if ctx.on < from {
                return Err(TransitionError::SuspensionNotDue);
            }
            next.financial = F::NonCounterSuspended;
            cites.push(src::Q35_SUSPEND);
        }
    }
    let mut step = TraceStep::new("card.transition", "Card state transition")
        .input("action", format!("{action:?}"))
        .input("social", format!("{:?}", state.social))
        .input("financial", format!("{:?}", state.financial))
        .input("on", ctx.on)
        .outcome(format!("{:?} / {:?}", next.social, next.financial));
    for c in cites {
        step = step.cite(c);
    }
    let mut trace = Trace::new();
    trace.push(step);
    Ok(Explained {
        result: CardTransition {
            state: next,
            effects,
        },
        trace,
    })
}

/// The actions possible on a card on a date (through `ctx.channel`, when given).
pub fn available_card_actions(state: &CardState, ctx: &CardContext) -> Vec<CardAction> {
    CardAction::ALL
        .iter()
        .copied()
        .filter(|a| card_transition(state, *a, ctx).is_ok())
        .collect()
}

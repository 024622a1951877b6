//! Replacing a third-generation card online: 补领 after a loss, 换领 after damage or after a
//! change of name or ID number (catalogue §8.3 X-R1 to X-R3, guards G1, G5, G6).
//!
//! [`plan_replacement`] is the one decision: the app previews with it and the server decides
//! with it. It checks who asks (Q38), what must come first (a loss report, Q20; the change at
//! 人社/医保, Q24), the old card's state machine (Q22, Q25) and the production timeline (Q30).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::channels::{self, Permission};
use crate::citation::Citation;
use crate::ids::{Actor, PickupMethod, Service, stable_ids};
use crate::policy::{self, NumericParam};
use crate::sources as src;
use crate::states::{CardAction, CardContext, CardState, SocialState, card_transition};
use crate::timeline::{Business, CardHeld, TimelinePreview, TimelineRequest, preview_timeline};
use crate::trace::{Explained, Trace, TraceStep};

stable_ids! {
    /// Why a card is replaced.
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub enum ReplacementReason {
        /// Lost: 补领, after a loss report (Q20, Q22).
        Lost = "lost",
        /// Damaged, or no longer read by card readers: 换领 (Q23).
        Damaged = "damaged",
        /// The name or ID number changed: 换领 once 人社/医保 hold the new details (Q24).
        DetailsChanged = "details_changed",
    }
}

impl ReplacementReason {
    /// The timeline's business for this reason.
    pub const fn business(self) -> Business {
        match self {
            Self::Lost => Business::ReplaceLost,
            Self::Damaged => Business::ReplaceDamaged,
            Self::DetailsChanged => Business::ChangeDetails,
        }
    }

    /// The card action on the old card: 补领 or 换领.
    pub const fn action(self) -> CardAction {
        match self {
            Self::Lost => CardAction::Reissue,
            Self::Damaged | Self::DetailsChanged => CardAction::Exchange,
        }
    }

    /// The service it is filed under.
    pub const fn service(self) -> Service {
        self.business().service()
    }
}

/// Minutes after a sign-in with a code to the mobile on record during which that code still
/// proves the person holds the phone: what resetting the password, changing the mobile and
/// sending a new card by post ask for (a design decision of this service; the seeds set none).
pub const FRESH_CODE_MINUTES: i64 = 10;

/// Whether a new card collected this way needs that fresh proof: by post it goes wherever the
/// request says, so a session alone (a stolen one, a learnt password) must not be enough; at a
/// branch the counter checks the holder's ID.
pub const fn pickup_needs_fresh_code(pickup: PickupMethod) -> bool {
    matches!(pickup, PickupMethod::Mail)
}

/// What a replacement request states, with the old card as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplacementInput {
    /// The card to replace.
    pub card: CardState,
    /// Why.
    pub reason: ReplacementReason,
    /// Who asks: the holder, or a guardian for a minor.
    pub actor: Actor,
    /// For [`ReplacementReason::DetailsChanged`]: the change at 人社/医保 is done (Q24).
    pub upstream_change_done: bool,
    /// How the new card is collected: [`PickupMethod::Mail`] or [`PickupMethod::Branch`].
    pub pickup: PickupMethod,
    /// The day of the request.
    pub on: NaiveDate,
}

stable_ids! {
    /// Why a replacement cannot be asked for online now.
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub enum ReplacementBlock {
        /// An agent may not ask for a replacement (Q38 lists what an agent may do).
        ActorNotAllowed = "actor_not_allowed",
        /// The city's online channel does not offer it (go to a counter).
        NotOnline = "not_online",
        /// A lost card must be reported lost first (Q20); the flow offers a temporary loss.
        ReportLossFirst = "report_loss_first",
        /// The change of name or ID number must be made at 人社/医保 first (Q24).
        UpstreamChangeFirst = "upstream_change_first",
        /// A replacement for this card was already ordered (Q22).
        AlreadyReplaced = "already_replaced",
        /// A card reported lost is replaced as lost (补领), not exchanged.
        ReportedLost = "reported_lost",
        /// The card is cancelled: a new card is an application.
        Cancelled = "cancelled",
        /// Only collection by post or at the issuing bank's branch is possible online.
        PickupNotOnline = "pickup_not_online",
        /// The rules have no production time for this city and date.
        NoTimeline = "no_timeline",
    }
}

impl ReplacementBlock {
    /// The problem code on the wire: `replacement.` and the id (a test keeps them equal).
    pub const fn code(self) -> &'static str {
        match self {
            Self::ActorNotAllowed => "replacement.actor_not_allowed",
            Self::NotOnline => "replacement.not_online",
            Self::ReportLossFirst => "replacement.report_loss_first",
            Self::UpstreamChangeFirst => "replacement.upstream_change_first",
            Self::AlreadyReplaced => "replacement.already_replaced",
            Self::ReportedLost => "replacement.reported_lost",
            Self::Cancelled => "replacement.cancelled",
            Self::PickupNotOnline => "replacement.pickup_not_online",
            Self::NoTimeline => "replacement.no_timeline",
        }
    }

    /// The block a problem code names, if it is one.
    pub fn from_code(code: &str) -> Option<Self> {
        code.strip_prefix("replacement.").and_then(Self::from_id)
    }
}

stable_ids! {
    /// Something the person should know before asking, each with its source.
    pub enum ReplacementNote {
        /// The lost card can never be used again, not even if found (Q22).
        OldCardEndsNow = "old_card_ends_now",
        /// The transport account's balance on a lost card is not refunded (Q46).
        TransportBalanceLost = "transport_balance_lost",
        /// A damaged card's transport balance is refunded only by a bad-card exchange at the
        /// issuing bank's branch, within 2 natural days (Q46).
        TransportRefundAtBranch = "transport_refund_at_branch",
        /// The old card keeps working until the new card is enabled (Q25, D33).
        OldCardWorksUntilEnabled = "old_card_works_until_enabled",
        /// The new card is issued by the same bank; a change of bank is a counter service with
        /// a cooldown (Q26, Q27).
        SameBank = "same_bank",
        /// Making and posting the card is free (Q31).
        Free = "free",
    }
}

/// What an allowed replacement does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReplacementPlan {
    /// Why.
    pub reason: ReplacementReason,
    /// The service (补领 or 换领).
    pub service: Service,
    /// The old card after the request.
    pub old_card: CardState,
    /// The new card's production timeline (4 working days, postage excluded, Q30).
    pub timeline: TimelinePreview,
    /// What to know, in order.
    pub notes: Vec<ReplacementNote>,
}

/// Decides an online replacement: the plan, or the first reason it cannot be done online.
///
/// Errors carry the trace that led to them, so "why not" is explained like "why".
pub fn plan_replacement(
    input: &ReplacementInput,
    calendar: &Calendar,
) -> Result<Explained<ReplacementPlan>, Explained<ReplacementBlock>> {
    let mut trace = Trace::new();
    let refuse = |trace: Trace, block: ReplacementBlock| {
        Err(Explained {
            result: block,
            trace,
        })
    };
    let (card, reason, on) = (&input.card, input.reason, input.on);
    let service = reason.service();

    // Who: the holder or a guardian; an agent is not in Q38's list.
    let permission = channels::actor_permission(card.city, service, input.actor, on);
    let mut who = TraceStep::new("replacement.actor", "Who may ask for a replacement")
        .input("actor", input.actor)
        .input("service", service);
    let allowed = match &permission {
        Ok(p) => {
            for c in &p.citations {
                who = who.cite(c.clone());
            }
            matches!(p.permission, Permission::Allowed | Permission::Conditional)
        }
        Err(_) => false,
    };
    trace.push(who.outcome(if allowed { "allowed" } else { "not allowed" }));
    if !allowed {
        return refuse(trace, ReplacementBlock::ActorNotAllowed);
    }

    // The old card: what state it is in, and what must come first.
    let first = TraceStep::new("replacement.old_card", "What the old card's state allows")
        .input("reason", reason)
        .input("social", format!("{:?}", card.social))
        .input(
            "replacement_ordered",
            card.reissued || card.exchange_pending,
        );
    let lost = matches!(card.social, SocialState::TempLost | SocialState::FormalLost);
    let blocked = if card.reissued || card.exchange_pending || card.social == SocialState::Replaced
    {
        Some((ReplacementBlock::AlreadyReplaced, src::Q22_NO_UNFREEZE))
    } else if card.social == SocialState::Cancelled {
        Some((ReplacementBlock::Cancelled, src::Q34_CANCEL))
    } else if reason == ReplacementReason::Lost && !lost {
        Some((ReplacementBlock::ReportLossFirst, src::Q20_FORMAL))
    } else if reason != ReplacementReason::Lost && lost {
        Some((ReplacementBlock::ReportedLost, src::Q22_NO_UNFREEZE))
    } else if reason == ReplacementReason::DetailsChanged && !input.upstream_change_done {
        Some((ReplacementBlock::UpstreamChangeFirst, src::Q24_KEY_DATA))
    } else {
        None
    };
    if let Some((block, cite)) = blocked {
        trace.push(first.cite(cite).outcome(block.id()));
        return refuse(trace, block);
    }
    trace.push(first.outcome("may be replaced"));

    if !matches!(input.pickup, PickupMethod::Mail | PickupMethod::Branch) {
        return refuse(trace, ReplacementBlock::PickupNotOnline);
    }
    let channel = channels::online_channel(card.city);
    let ctx = CardContext {
        on,
        channel: Some(channel),
    };
    let Ok(transition) = card_transition(card, reason.action(), &ctx) else {
        return refuse(trace, ReplacementBlock::NotOnline);
    };
    trace.extend(transition.trace);

    let request = TimelineRequest {
        city: card.city,
        business: reason.business(),
        channel,
        pickup: input.pickup,
        date: on,
        card_held: CardHeld::ThirdGeneration,
        last_bank_change: None,
    };
    let Ok(timeline) = preview_timeline(&request, calendar) else {
        return refuse(trace, ReplacementBlock::NoTimeline);
    };
    if timeline.result.production.made_by().is_none() {
        return refuse(trace, ReplacementBlock::NoTimeline);
    }
    trace.extend(timeline.trace);

    let mut notes = Vec::new();
    let mut step = TraceStep::new("replacement.notes", "What to know before asking");
    if reason == ReplacementReason::Lost {
        notes.extend([
            ReplacementNote::OldCardEndsNow,
            ReplacementNote::TransportBalanceLost,
        ]);
        step = step.cite(src::Q22_NO_UNFREEZE).cite(src::Q46_LOST);
    } else {
        notes.push(ReplacementNote::OldCardWorksUntilEnabled);
        step = step.cite(src::Q25_OLD_CARD).cite(Citation::decision("D33"));
        if reason == ReplacementReason::Damaged {
            notes.push(ReplacementNote::TransportRefundAtBranch);
            step = step.cite(src::Q46_TRANSPORT);
        }
    }
    notes.push(ReplacementNote::SameBank);
    step = step.cite(src::Q26_CANCEL_OLD);
    if let Ok(months) = policy::param_u32(card.city, NumericParam::BankChangeCooldownMonths, on) {
        step = step.param("bank_change_cooldown_months", &months);
    }
    if let Ok(p) = policy::policy(card.city, on)
        && let Some(fee) = &p.courier_fee
        && fee.value == policy::CourierFee::Free
    {
        notes.push(ReplacementNote::Free);
        step = step.cite(fee.citation.clone());
    }
    trace.push(step.outcome(format!("{} notes", notes.len())));

    Ok(Explained {
        result: ReplacementPlan {
            reason,
            service,
            old_card: transition.result.state,
            timeline: timeline.result,
            notes,
        },
        trace,
    })
}

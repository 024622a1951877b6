//! Card state in SQLite ⇄ the rules crate's card state machine.
//!
//! Every change of a card's state is a `sscard_rules::card_transition`: the
//! server loads the stored state, asks the rules crate, and stores the result.
//! The channel is the city's online channel, so what the sources say only a
//! counter can do comes back as `ChannelDoesNotOffer`.

use crate::{db::Conn, params};
use chrono::NaiveDate;
use sscard_rules::ProblemCode;
use sscard_rules::{
    CardAction, CardContext, CardState, Effect, SocialState, TransitionError, card_transition,
};

use crate::{
    domain,
    problem::{ApiError, ApiResult},
};

/// Loads the rules-crate state of card row `id`.
pub fn load(c: &Conn<'_>, id: i64) -> ApiResult<CardState> {
    Ok(c.query_row(
        "SELECT city, social_state, financial_state, temp_loss_on, replaced_by FROM cards WHERE id = ?1",
        params![id],
        |r| {
            let social: SocialState = r.get(1)?;
            Ok(CardState {
                city: r.get(0)?,
                social,
                financial: r.get(2)?,
                old_card: None,
                // The service stores one replacement per card: after a 补领 the card is
                // `replaced`; otherwise it is an exchange whose new card is not enabled yet.
                reissued: false,
                exchange_pending: r.get::<_, Option<i64>>(4)?.is_some()
                    && social != SocialState::Replaced,
                temp_loss_reported_on: r.get(3)?,
                social_cancelled_on: None,
                last_bank_change: None,
            })
        },
    )?)
}

/// Stores a new state; `lifts_on` is the auto-lift date of a temporary loss.
pub fn store(c: &Conn<'_>, id: i64, s: &CardState, lifts_on: Option<NaiveDate>) -> ApiResult<()> {
    c.execute(
        "UPDATE cards SET social_state = ?2, financial_state = ?3, temp_loss_on = ?4, temp_loss_lift_on = ?5
         WHERE id = ?1",
        params![
            id,
            s.social,
            s.financial,
            s.temp_loss_reported_on,
            lifts_on.filter(|_| s.social == SocialState::TempLost),
        ],
    )?;
    Ok(())
}

/// The auto-lift date among a transition's effects.
pub fn lift_date(effects: &[Effect]) -> Option<NaiveDate> {
    effects.iter().find_map(|e| match e {
        Effect::AutoLiftsOn { date } => Some(*date),
        _ => None,
    })
}

/// After the card of application `app` was enabled on `on`: the card that
/// application replaces, if it is still in use (a 换领), ends now (Q25, D33).
pub fn end_replaced_card(c: &Conn<'_>, app: i64, on: NaiveDate) -> ApiResult<()> {
    let old: Option<i64> = c.query_row(
        "SELECT replaces_card_id FROM applications WHERE id = ?1",
        params![app],
        |r| r.get(0),
    )?;
    let Some(old) = old else {
        return Ok(());
    };
    let state = load(c, old)?;
    let ctx = CardContext { on, channel: None };
    // A 补领's lost card is already replaced: nothing to end.
    if let Ok(t) = card_transition(&state, CardAction::ReplacementEnabled, &ctx) {
        store(c, old, &t.result.state, None)?;
    }
    Ok(())
}

/// Applies `action` asked for online on `on`; answers the transition or the
/// problem the app shows.
pub fn apply_online(
    state: &CardState,
    action: CardAction,
    on: NaiveDate,
    what: &str,
) -> ApiResult<sscard_rules::CardTransition> {
    let ctx = CardContext {
        on,
        channel: Some(sscard_rules::online_channel(state.city)),
    };
    card_transition(state, action, &ctx)
        .map(|e| e.result)
        .map_err(|e| refusal(state, action, on, what, &e))
}

fn refusal(
    state: &CardState,
    action: CardAction,
    on: NaiveDate,
    what: &str,
    e: &TransitionError,
) -> ApiError {
    match e {
        TransitionError::ChannelDoesNotOffer { service, .. } => {
            domain::counter_only(state.city, *service, on, what)
        }
        TransitionError::InvalidFromState => {
            let (code, title) = match (action, state.social) {
                (CardAction::EnableSocial, SocialState::Enabled) => {
                    (ProblemCode::CardAlreadyEnabled, "社会保障功能已经启用")
                }
                (_, SocialState::NotEnabled) => (ProblemCode::CardNotEnabled, "卡片尚未启用"),
                (_, SocialState::Enabled) => {
                    (ProblemCode::CardStateInvalid, "卡片当前状态不能办理该业务")
                }
                (_, SocialState::TempLost) => (ProblemCode::CardTempLost, "卡片处于临时挂失状态"),
                (_, SocialState::FormalLost) => (ProblemCode::CardFormalLost, "卡片已正式挂失"),
                (_, SocialState::Replaced) => (ProblemCode::CardReplaced, "卡片已补换，不能再使用"),
                (_, SocialState::Cancelled) => (ProblemCode::CardCancelled, "卡片已注销"),
            };
            ApiError::conflict(code.id(), title).detail(format!("{what}：{e}"))
        }
        other => ApiError::conflict(other.code(), format!("{what}不能办理")),
    }
}

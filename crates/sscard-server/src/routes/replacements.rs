//! Replacing a card online (补领/换领): `POST /api/v1/cards/{id}/replacement`.
//!
//! The rules crate's `plan_replacement` decides, on the stored card state; the
//! replacement is stored as an application for a new card (same bank, same
//! production simulation) that names the card it replaces.

use axum::{
    extract::{Path, State},
    http::{HeaderMap, StatusCode},
    response::Response,
};
use chrono::NaiveDate;
use sscard_rules::ProblemCode;
use sscard_rules::{
    Actor, Calendar, FRESH_CODE_MINUTES, ReplacementBlock, ReplacementInput, check_guardianship,
    pickup_needs_fresh_code, plan_replacement,
    wire::{Application, ReplacementRequest},
};

use crate::{
    auth::Signed,
    cardstate,
    db::Conn,
    delivery, ids,
    json::Body,
    notices::Notices,
    problem::{ApiError, ApiResult, FieldErrors},
    routes::applications::{created, idempotency_key, replay_answer},
    security_events::{self, SecurityEvent},
    state::AppState,
    store::{
        applications::{self, NewApplication, Prior},
        cards::{self, Holding},
        persons,
    },
};

/// The card to replace, and who asks for it.
struct OldCard {
    /// Its row and holder.
    card: Holding,
    /// The holder, or a guardian for a minor.
    actor: Actor,
}

/// Requests a new card for a lost, damaged or outdated one.
#[utoipa::path(post, path = "/api/v1/cards/{id}/replacement", tag = "cards",
    params(
        ("id" = String, Path, description = "The card to replace"),
        ("Idempotency-Key" = String, Header, description = "Client-chosen unique key (1–128 visible ASCII characters). A retry with the same key and body returns the same replacement; the same key with another body is refused."),
    ),
    request_body = ReplacementRequest,
    responses(
        (status = 201, description = "Requested: the replacement, as an application for a new card", body = Application, headers(("Location" = String, description = "URL of the application"))),
        (status = 200, description = "A retry: the replacement created earlier with this key", body = Application),
        (status = 400, description = "`validation_failed` (`pickup.*`, `branch_id.*`, `postal_address.*`), `idempotency_key.missing`, `idempotency_key.invalid`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 403, description = "`replacement.actor_not_allowed`: a guardian whose child has turned 18 (Q38); `replacement.needs_code`: by post, the session must have been opened with a code to the mobile on record in the last 10 minutes", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found` (also another person's card)", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 409, description = "`replacement.report_loss_first` (a lost card is reported first, Q20), `replacement.upstream_change_first` (Q24), `replacement.already_replaced` (Q22), `replacement.reported_lost`, `replacement.cancelled`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`idempotency_key.reused`, `replacement.not_online`, `replacement.no_timeline`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn create(
    State(state): State<AppState>,
    me: Signed,
    Path(card_id): Path<String>,
    headers: HeaderMap,
    Body(req): Body<ReplacementRequest>,
) -> ApiResult<Response> {
    let key = idempotency_key(&headers)?;
    let today = state.clock.today();
    let request_hash =
        ids::sha256_hex(&serde_json::to_vec(&(&card_id, &req)).map_err(ApiError::internal)?);
    let (me_id, lookup) = (me.person_id, key.clone());
    // A retry answers its first result, even if the card or the child's age would refuse it now.
    let found = state
        .db
        .read(
            move |c| match applications::by_idempotency_key(c, me_id, &lookup)? {
                Some(prior) => Ok(Err(prior)),
                None => Ok(Ok(old_card(c, &card_id, me_id, today)?)),
            },
        )
        .await?;
    let old = match found {
        Err(prior) => return replay_answer(&state, prior, &request_hash).await,
        Ok(old) => old.ok_or_else(ApiError::not_found)?,
    };
    // The rules crate says which collections need a fresh code to the mobile on record.
    if pickup_needs_fresh_code(req.pickup) && !me.fresh_code(FRESH_CODE_MINUTES) {
        return Err(needs_code());
    }
    let mut errors = FieldErrors::default();
    let (branch_id, address) = (req.branch_id.as_deref(), req.postal_address.as_ref());
    let (city, bank, pickup) = (Some(old.card.city), old.card.bank, Some(req.pickup));
    delivery::check(&mut errors, city, bank, pickup, branch_id, address);
    errors.finish()?;
    let new = old.application(me_id, &req, today, key, request_hash.clone());
    let outcome = state.db.write(move |tx| order(tx, &old, &req, new)).await?;
    match outcome {
        Ok(app) => {
            tracing::info!(application = %app.id, "replacement stored");
            created(app)
        }
        Err(prior) => replay_answer(&state, prior, &request_hash).await,
    }
}

impl OldCard {
    /// The row of the application for its new card, asked for by `applicant`.
    fn application(
        &self,
        applicant: i64,
        req: &ReplacementRequest,
        submitted_on: NaiveDate,
        idempotency_key: String,
        request_hash: String,
    ) -> NewApplication {
        NewApplication {
            applicant,
            subject: self.card.holder,
            actor: self.actor,
            guardianship_proof: None,
            city: self.card.city,
            bank: self.card.bank,
            pickup: req.pickup,
            branch_id: req.branch_id.clone(),
            postal_address: req.postal_address.clone(),
            submitted_on,
            // The rules' plan, made on the card's state inside the transaction, sets it.
            production_deadline: Some(submitted_on),
            backup_centre: None,
            idempotency_key,
            request_hash,
            replaces: Some((self.card.row, req.reason)),
        }
    }
}

/// `403 replacement.needs_code`: a card by post needs a fresh code to the mobile on record.
fn needs_code() -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        ProblemCode::ReplacementNeedsCode.id(),
        "邮寄新卡前，先用发送到登记手机号码的验证码确认是本人",
    )
    .detail(format!(
        "验证码登录后 {FRESH_CODE_MINUTES} 分钟内可以申请邮寄新卡；到网点领卡不需要"
    ))
}

/// Orders the new card, in one write transaction: the key is checked again (concurrent
/// retries insert once), the rules crate plans the replacement on the card's stored state
/// (its production deadline goes into `new`), and the old card, the new application and the
/// security notices are stored together. `Err` is the application a concurrent retry stored.
fn order(
    tx: &Conn<'_>,
    old: &OldCard,
    req: &ReplacementRequest,
    mut new: NewApplication,
) -> ApiResult<Result<Application, Prior>> {
    if let Some(prior) = applications::by_idempotency_key(tx, new.applicant, &new.idempotency_key)?
    {
        return Ok(Err(prior));
    }
    let input = ReplacementInput {
        card: cardstate::load(tx, old.card.row)?,
        reason: req.reason,
        actor: old.actor,
        upstream_change_done: req.upstream_change_done,
        pickup: req.pickup,
        on: new.submitted_on,
    };
    let plan = plan_replacement(&input, Calendar::current())
        .map_err(|e| refusal(e.result))?
        .result;
    new.production_deadline = Some(
        plan.timeline
            .production
            .made_by()
            .ok_or_else(|| refusal(ReplacementBlock::NoTimeline))?,
    );
    let row = applications::insert(tx, &new, Notices::Record).map_err(|e| {
        if e.is_unique_violation() {
            // The database's one-replacement-per-card index: another request won.
            refusal(ReplacementBlock::AlreadyReplaced)
        } else {
            ApiError::from(e)
        }
    })?;
    tracing::info!(reason = %req.reason, card = %old.card.public_id, "replacement requested");
    cardstate::store(tx, old.card.row, &plan.old_card, None)?;
    cards::set_replaced_by(tx, old.card.row, row)?;
    let app = applications::load(tx, row)?;
    // The holder hears of it on the number on record (and the guardian who asked): a
    // session alone must not order someone's card to a new address unseen.
    let mut people = vec![old.card.holder];
    if new.applicant != old.card.holder {
        people.push(new.applicant);
    }
    for person in people {
        let (event, today) = (SecurityEvent::ReplacementRequested, new.submitted_on);
        security_events::record(tx, person, event, &app.id, today, today)?;
    }
    Ok(Ok(app))
}

/// The card `person` may replace, with who they are to it; `None` is a `404`.
fn old_card(
    c: &Conn<'_>,
    public_id: &str,
    person: i64,
    today: NaiveDate,
) -> ApiResult<Option<OldCard>> {
    let Some(row) = cards::visible_to(c, public_id, person)? else {
        return Ok(None);
    };
    let card = cards::holding(c, row)?;
    let actor = if card.holder == person {
        Actor::Holder
    } else {
        // A guardian acts for a minor only (Q38): a child who has turned 18 acts alone.
        let me = persons::get(c, person)?;
        if check_guardianship(me.birth_date, card.holder_birth, today).is_err() {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                ProblemCode::ReplacementActorNotAllowed.id(),
                "持卡人已年满18周岁，须本人办理",
            ));
        }
        Actor::Guardian
    };
    Ok(Some(OldCard { card, actor }))
}

/// A rules-crate refusal as a problem: what must happen first is a conflict
/// with the card's state (`409`); what the service cannot do online is `422`.
fn refusal(block: ReplacementBlock) -> ApiError {
    use ReplacementBlock as B;
    let title = match block {
        B::ActorNotAllowed => "代理人不能在网上办理补换卡",
        B::NotOnline => "该城市不能在网上办理补换卡",
        B::ReportLossFirst => "补领前须先挂失",
        B::UpstreamChangeFirst => "须先在人社、医保部门完成姓名或身份证号变更",
        B::AlreadyReplaced => "这张卡已经申请补换",
        B::ReportedLost => "已挂失的卡须办理补领",
        B::Cancelled => "这张卡已注销，须重新申领",
        B::PickupNotOnline => "网上补换只能邮寄或到网点领取",
        B::NoTimeline => "该城市没有公布补换卡制卡时限",
    };
    let status = match block {
        B::ActorNotAllowed => StatusCode::FORBIDDEN,
        B::NotOnline | B::NoTimeline | B::PickupNotOnline => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::CONFLICT,
    };
    ApiError::new(status, block.code(), title)
}

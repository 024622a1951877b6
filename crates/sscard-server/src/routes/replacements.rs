//! Replacing a card online (补领/换领): `POST /api/v1/cards/{id}/replacement`.
//!
//! The rules crate's `plan_replacement` decides, on the stored card state; the
//! replacement is stored as an application for a new card (same bank, same
//! production simulation) that names the card it replaces.

use crate::{
    db::{Conn, OptionalExt},
    params,
};
use axum::{
    extract::{Path, State},
    http::{HeaderMap, StatusCode},
    response::Response,
};
use chrono::{NaiveDate, Utc};
use sscard_rules::{
    Actor, Bank, Calendar, City, FRESH_CODE_MINUTES, PickupMethod, ReplacementBlock,
    ReplacementInput, check_guardianship, pickup_needs_fresh_code, plan_replacement,
    wire::{Application, ApplicationStatus, ReplacementRequest},
};

use crate::{
    auth::Signed,
    cardstate, delivery, ids,
    json::Body,
    notices::Notices,
    problem::{ApiError, ApiResult, FieldErrors},
    routes::applications::{created, idempotency_key, replay_answer},
    security_events::{self, SecurityEvent},
    state::AppState,
    store,
};

/// The card as the replacement needs it.
struct OldCard {
    row: i64,
    public_id: String,
    holder: i64,
    city: City,
    bank: Bank,
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
    let me_id = me.person_id;
    let found = {
        let (key, card_id) = (key.clone(), card_id.clone());
        state
            .db
            .read(move |c| {
                // A retry answers its first result, even if the card or the child's age
                // would refuse it now.
                if let Some(replay) = find_replay(c, me_id, &key)? {
                    return Ok((Some(replay), None));
                }
                Ok((None, old_card(c, &card_id, me_id, today)?))
            })
            .await?
    };
    // A retry answers the first result even if the card has changed since.
    if let (Some((id, hash)), _) = &found {
        return replay_answer(&state, *id, hash, &request_hash).await;
    }
    let old = found.1.ok_or_else(ApiError::not_found)?;
    // The rules crate says which collections need a fresh code to the mobile on record.
    if pickup_needs_fresh_code(req.pickup) && !me.fresh_code(FRESH_CODE_MINUTES) {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "replacement.needs_code",
            "邮寄新卡前，先用发送到登记手机号码的验证码确认是本人",
        )
        .detail(format!(
            "验证码登录后 {FRESH_CODE_MINUTES} 分钟内可以申请邮寄新卡；到网点领卡不需要"
        )));
    }

    let mut errors = FieldErrors::default();
    delivery::check(
        &mut errors,
        Some(old.city),
        Some(old.bank),
        Some(req.pickup),
        req.branch_id.as_deref(),
        req.postal_address.as_ref(),
    );
    errors.finish()?;

    let hash_for_replay = request_hash.clone();
    let outcome = state
        .db
        .write(move |tx| {
            // Checked again in the write transaction: concurrent retries insert once.
            if let Some(found) = find_replay(tx, me_id, &key)? {
                return Ok(Err(found));
            }
            let input = ReplacementInput {
                card: cardstate::load(tx, old.row)?,
                reason: req.reason,
                actor: old.actor,
                upstream_change_done: req.upstream_change_done,
                pickup: req.pickup,
                on: today,
            };
            let plan = plan_replacement(&input, Calendar::embedded())
                .map_err(|e| refusal(e.result))?
                .result;
            let made_by = plan
                .timeline
                .production
                .made_by()
                .ok_or_else(|| refusal(ReplacementBlock::NoTimeline))?;
            let app = insert(tx, &old, &req, me_id, made_by, &key, &request_hash, today)?;
            tracing::info!(reason = %req.reason, "replacement requested");
            cardstate::store(tx, old.row, &plan.old_card, None)?;
            tx.execute(
                "UPDATE cards SET replaced_by = ?2 WHERE id = ?1",
                params![old.row, app],
            )?;
            store::add_event(
                tx,
                app,
                ApplicationStatus::Submitted,
                today,
                Notices::Record,
            )?;
            let reference: String = tx.query_row(
                "SELECT public_id FROM applications WHERE id = ?1",
                params![app],
                |r| r.get(0),
            )?;
            // The holder hears of it on the number on record (and the guardian who
            // asked): a session alone must not order someone's card to a new address unseen.
            let mut people = vec![old.holder];
            if me_id != old.holder {
                people.push(me_id);
            }
            for person in people {
                security_events::record(
                    tx,
                    person,
                    SecurityEvent::ReplacementRequested,
                    &reference,
                    today,
                    today,
                )?;
            }
            Ok(Ok(store::load_application(tx, app)?))
        })
        .await?;
    match outcome {
        Ok(app) => {
            tracing::info!(application = %app.id, "replacement stored");
            created(app)
        }
        Err((id, hash)) => replay_answer(&state, id, &hash, &hash_for_replay).await,
    }
}

fn find_replay(c: &Conn<'_>, person: i64, key: &str) -> crate::db::DbResult<Option<(i64, String)>> {
    c.query_row(
        "SELECT id, request_hash FROM applications WHERE applicant_id = ?1 AND idempotency_key = ?2",
        params![person, key],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
}

/// The card `person` may replace, with who they are to it; `None` is a `404`.
fn old_card(
    c: &Conn<'_>,
    public_id: &str,
    person: i64,
    today: NaiveDate,
) -> ApiResult<Option<OldCard>> {
    let Some(row) = store::card_for(c, public_id, person)? else {
        return Ok(None);
    };
    let (holder, city, bank, holder_birth, my_birth): (i64, City, Bank, NaiveDate, NaiveDate) = c
        .query_row(
        "SELECT c.holder_id, c.city, c.bank, h.birth_date,
                    (SELECT birth_date FROM persons WHERE id = ?2)
             FROM cards c JOIN persons h ON h.id = c.holder_id WHERE c.id = ?1",
        params![row, person],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )?;
    let actor = if holder == person {
        Actor::Holder
    } else {
        // A guardian acts for a minor only (Q38): a child who has turned 18 acts alone.
        if check_guardianship(my_birth, holder_birth, today).is_err() {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "replacement.actor_not_allowed",
                "持卡人已年满18周岁，须本人办理",
            ));
        }
        Actor::Guardian
    };
    Ok(Some(OldCard {
        row,
        public_id: public_id.to_owned(),
        holder,
        city,
        bank,
        actor,
    }))
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

#[allow(clippy::too_many_arguments)]
fn insert(
    tx: &Conn<'_>,
    old: &OldCard,
    req: &ReplacementRequest,
    me: i64,
    made_by: NaiveDate,
    key: &str,
    request_hash: &str,
    today: NaiveDate,
) -> ApiResult<i64> {
    let id: i64 = tx.query_row(
        "INSERT INTO applications (public_id, applicant_id, subject_id, actor, city, bank, pickup,
            branch_id, postal_address, status, submitted_on, production_deadline, idempotency_key,
            request_hash, created_at, replaces_card_id, replacement_reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
         RETURNING id",
        params![
            ids::public_id("app"),
            me,
            old.holder,
            old.actor,
            old.city,
            old.bank,
            req.pickup,
            req.branch_id
                .as_deref()
                .filter(|_| req.pickup == PickupMethod::Branch),
            req.postal_address
                .as_ref()
                .filter(|_| req.pickup == PickupMethod::Mail)
                .map(|a| serde_json::to_string(a).unwrap_or_default()),
            ApplicationStatus::Submitted,
            today,
            made_by,
            key,
            request_hash,
            Utc::now().to_rfc3339(),
            old.row,
            req.reason,
        ],
        |r| r.get(0),
    )
    .map_err(|e| {
        if e.is_unique_violation() {
            // The database's one-replacement-per-card index: another request won.
            refusal(ReplacementBlock::AlreadyReplaced)
        } else {
            ApiError::from(e)
        }
    })?;
    store::assign_reference(tx, id, ids::reference)?;
    tracing::debug!(card = %old.public_id, "replacement row inserted");
    Ok(id)
}

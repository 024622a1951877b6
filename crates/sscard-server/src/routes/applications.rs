//! Card applications: create (idempotent), read one, list mine.

use crate::{db::OptionalExt, params};
use axum::{
    Json,
    extract::{Path, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use chrono::{NaiveDate, Utc};
use sscard_rules::{
    Actor, PickupMethod, check_guardianship, evaluate_eligibility, parse_id_number, parse_name,
    wire::{Application, ApplicationRequest, ApplicationStatus, HeldCard},
};

use crate::{
    auth::Signed,
    delivery, domain, ids,
    json::Body,
    notices::Notices,
    problem::{ApiError, ApiResult, FieldErrors},
    registry::IdentityCheck,
    routes::auth::insert_person,
    state::AppState,
    store,
    throttle::{self, Bucket},
};

/// Header carrying the client's idempotency key.
pub const IDEMPOTENCY_KEY: &str = "idempotency-key";

pub(crate) fn idempotency_key(headers: &HeaderMap) -> ApiResult<String> {
    let Some(v) = headers.get(IDEMPOTENCY_KEY) else {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "idempotency_key.missing",
            "缺少 Idempotency-Key 请求头",
        ));
    };
    match v.to_str() {
        Ok(k) if (1..=128).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_graphic()) => {
            Ok(k.to_owned())
        }
        _ => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "idempotency_key.invalid",
            "Idempotency-Key 须为 1 到 128 个可见 ASCII 字符",
        )),
    }
}

/// Creates an application for oneself or, as guardian, for a minor.
#[utoipa::path(post, path = "/api/v1/applications", tag = "applications",
    request_body = ApplicationRequest,
    params(("Idempotency-Key" = String, Header, description = "Client-chosen unique key (1–128 visible ASCII characters). A retry with the same key and body returns the same application; the same key with another body is refused.")),
    responses(
        (status = 201, description = "Created", body = Application, headers(("Location" = String, description = "URL of the application"))),
        (status = 200, description = "A retry: the application created earlier with this key", body = Application),
        (status = 400, description = "`validation_failed` (field codes from the rules crate), `idempotency_key.missing`, `idempotency_key.invalid`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 409, description = "`application.exists`, or `card.exists` (a stored card, or `eligibility.card_held` is `third`)", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`eligibility.not_eligible` or `eligibility.needs_in_person_check` (the rules crate's `evaluate_eligibility` on the declaration and the ID numbers' birth dates; `errors` has one entry per reason with `field` = `eligibility` and the reason's code, `where_to_go` the counters when the rules give alternatives), `idempotency_key.reused`, or a rules-crate timeline code", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn create(
    State(state): State<AppState>,
    me: Signed,
    headers: HeaderMap,
    Body(req): Body<ApplicationRequest>,
) -> ApiResult<Response> {
    let key = idempotency_key(&headers)?;
    let today = state.clock.today();
    let request_hash = ids::sha256_hex(&serde_json::to_vec(&req).map_err(ApiError::internal)?);

    // A retry must answer the first result even if today's rules would now
    // refuse the body, so the key is looked up before validating.
    let replay = {
        let (key, pid) = (key.clone(), me.person_id);
        state
            .db
            .read(move |c| {
                Ok(c.query_row(
                    "SELECT id, request_hash FROM applications WHERE applicant_id = ?1 AND idempotency_key = ?2",
                    params![pid, key],
                    |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
                )
                .optional()?)
            })
            .await?
    };
    if let Some((id, hash)) = replay {
        return replay_answer(&state, id, &hash, &request_hash).await;
    }

    let mut errors = FieldErrors::default();
    let city = domain::parse_city(&mut errors, "city", &req.city);
    let mut bank = None;
    if let Some(c) = city {
        let open = sscard_rules::policy(c, today)
            .map(|p| p.individual_application_open.value)
            .map_err(domain::policy_error)?;
        if !open {
            errors.push(
                "city",
                "city.applications_closed",
                "individual applications are not open in this city",
            );
        }
        bank = domain::bank_in_city(c, &req.bank, today)?;
        if bank.is_none() {
            errors.push(
                "bank",
                "bank.not_in_city",
                "this bank does not issue cards in this city",
            );
        }
    }
    let pickup = match PickupMethod::from_id(&req.pickup) {
        Some(p) => Some(p),
        None => {
            errors.push("pickup", "pickup.unknown", "choose mail or branch");
            None
        }
    };
    delivery::check(
        &mut errors,
        city,
        sscard_rules::Bank::from_id(&req.bank),
        pickup,
        req.branch_id.as_deref(),
        req.postal_address.as_ref(),
    );
    let pickup = pickup.filter(|p| matches!(p, PickupMethod::Mail | PickupMethod::Branch));
    // The signed-in person's ID number and birth date (taken from the ID number when stored).
    let (my_number, my_birth): (String, NaiveDate) = {
        let pid = me.person_id;
        let (number, birth): (String, String) = state
            .db
            .read(move |c| {
                Ok(c.query_row(
                    "SELECT id_number, birth_date FROM persons WHERE id = ?1",
                    params![pid],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?)
            })
            .await?;
        (number, birth.parse().map_err(ApiError::internal)?)
    };
    // The guardian case: the child's data, and the ages of both (rules crate).
    let mut minor = None;
    if let Some(m) = &req.minor {
        let name = errors.check("minor.name", parse_name(&m.name), |e| e.code());
        let id = errors.check(
            "minor.id_number",
            parse_id_number(&m.id_number, today),
            |e| e.code(),
        );
        if let Some(id) = &id {
            errors.check(
                "minor.id_number",
                check_guardianship(my_birth, id.birth_date, today),
                |e| e.code(),
            );
        }
        if let (Some(n), Some(i)) = (name, id) {
            minor = Some((n.name, i, m.guardianship_proof));
        }
    }
    errors.finish()?;
    let (city, bank, pickup) = (
        city.expect("checked"),
        bank.expect("checked"),
        pickup.expect("checked"),
    );
    // Eligibility is decided here, by the rules crate, on what the applicant declares and the
    // birth dates of the ID numbers (the holder's, and the guardian's for a minor).
    let declared = &req.eligibility;
    if declared.card_held == HeldCard::Third {
        return Err(card_exists());
    }
    let (holder_birth, guardian_birth, actor) = match &minor {
        Some((_, id, _)) => (id.birth_date, Some(my_birth), Actor::Guardian),
        None => (my_birth, None, Actor::Holder),
    };
    let verdict = evaluate_eligibility(&declared.input(city, today, holder_birth, guardian_birth))
        .map_err(domain::policy_error)?;
    domain::require_eligible(city, actor, &verdict.result, today)?;
    let (deadline, _) =
        domain::first_application_timeline(city, pickup, declared.card_held.into(), today)?;

    // The registry must confirm the child's name and that the applicant is the
    // child's guardian: otherwise anyone could fix a child's name, apply for
    // someone else's child, or learn who is whose. Guesses are throttled.
    if let Some((name, id, _)) = &minor {
        confirm_guardian(&state, &my_number, name, &id.number).await?;
    }
    let me_id = me.person_id;
    let hash_for_replay = request_hash.clone();
    let outcome = state
        .db
        .write(move |tx| {
            // Checked again inside the write transaction: two concurrent
            // retries cannot both insert (the writer is serialised).
            if let Some((id, hash)) = tx
                .query_row(
                    "SELECT id, request_hash FROM applications WHERE applicant_id = ?1 AND idempotency_key = ?2",
                    params![me_id, key],
                    |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
                )
                .optional()?
            {
                return Ok(Err((id, hash)));
            }
            let (subject, actor, proof) = match &minor {
                None => (me_id, Actor::Holder, None),
                Some((name, id, proof)) => {
                    let existing = tx
                        .query_row(
                            "SELECT id, name FROM persons WHERE id_number = ?1",
                            params![id.number],
                            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
                        )
                        .optional()?;
                    let pid = match existing {
                        Some((pid, stored)) if stored == *name => pid,
                        None => insert_person(tx, &id.number, name, None, &id.birth_date.to_string())?,
                        _ => {
                            return Err(ApiError::validation(vec![]).field(
                                "minor.name",
                                "identity_mismatch",
                                "the name does not match the ID number",
                            ));
                        }
                    };
                    if pid == me_id {
                        return Err(ApiError::validation(vec![]).field(
                            "minor.id_number",
                            "minor.is_self",
                            "apply for yourself without the minor section",
                        ));
                    }
                    (pid, Actor::Guardian, Some(*proof))
                }
            };
            let open: Option<String> = tx
                .query_row(
                    "SELECT COALESCE(reference, public_id) FROM applications WHERE subject_id = ?1 AND status <> ?2",
                    params![subject, ApplicationStatus::Enabled],
                    |r| r.get(0),
                )
                .optional()?;
            // People quote the reference, so the detail names it (grouped) rather than the id.
            let open = open.map(|o| sscard_rules::Reference::parse(&o).map_or(o, |r| r.to_string()));
            if let Some(open) = open {
                return Err(ApiError::conflict("application.exists", "已有正在办理的申请")
                    .detail(format!("申请 {open} 尚未完成")));
            }
            let has_card: bool = tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM cards WHERE holder_id = ?1)",
                params![subject],
                |r| r.get(0),
            )?;
            if has_card {
                return Err(card_exists());
            }
            let id: i64 = tx.query_row(
                "INSERT INTO applications (public_id, applicant_id, subject_id, actor, guardianship_proof, city, bank,
                    pickup, branch_id, postal_address, status, submitted_on, production_deadline, idempotency_key,
                    request_hash, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) RETURNING id",
                params![
                    ids::public_id("app"),
                    me_id,
                    subject,
                    actor,
                    proof,
                    city,
                    bank,
                    pickup,
                    req.branch_id.filter(|_| pickup == PickupMethod::Branch),
                    req.postal_address
                        .filter(|_| pickup == PickupMethod::Mail)
                        .map(|a| serde_json::to_string(&a).unwrap_or_default()),
                    ApplicationStatus::Submitted,
                    today,
                    deadline,
                    key,
                    request_hash,
                    Utc::now().to_rfc3339(),
                ],
 |r| r.get(0),
)?;
            store::assign_reference(tx, id, ids::reference)?;
            store::add_event(tx, id, ApplicationStatus::Submitted, today, Notices::Record)?;
            Ok(Ok(store::load_application(tx, id)?))
        })
        .await?;
    match outcome {
        Ok(app) => {
            tracing::info!(application = %app.id, "application submitted");
            created(app)
        }
        // A concurrent retry with the same key won the race: answer what it stored.
        Err((id, hash)) => replay_answer(&state, id, &hash, &hash_for_replay).await,
    }
}

/// `201 Created` with the application and its `Location`.
pub(crate) fn created(app: Application) -> ApiResult<Response> {
    let location = HeaderValue::from_str(&format!("/api/v1/applications/{}", app.id))
        .map_err(ApiError::internal)?;
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(app),
    )
        .into_response())
}

/// `409 card.exists`: the holder has a third-generation card (stored here, or declared).
fn card_exists() -> ApiError {
    ApiError::conflict("card.exists", "已持有第三代社保卡，无需申领")
        .detail("如卡片丢失或损坏，请办理补领或换领")
}

pub(crate) async fn replay_answer(
    state: &AppState,
    id: i64,
    stored: &str,
    now: &str,
) -> ApiResult<Response> {
    if stored != now {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency_key.reused",
            "该 Idempotency-Key 已用于另一份申请",
        ));
    }
    let app = state
        .db
        .read(move |c| store::load_application(c, id))
        .await?;
    Ok((StatusCode::OK, Json(app)).into_response())
}

/// One application (own, or a minor's one I submitted as guardian).
#[utoipa::path(get, path = "/api/v1/applications/{id}", tag = "applications",
    params(("id" = String, Path, description = "Application id (`app_…`), or its hotline reference in any typing: case, spaces and hyphens do not matter (`K7M-2Q9-XD4F`, `k7m2q9xd4f`)")),
    responses(
        (status = 200, description = "The application with its history", body = Application),
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such id or reference, a reference with a mistyped character (the check symbol fails), or another person's application. Clients parse a typed reference with the rules crate's `Reference::parse` first to tell the person what is wrong", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_one(
    State(state): State<AppState>,
    me: Signed,
    Path(id): Path<String>,
) -> ApiResult<Json<Application>> {
    let app = state
        .db
        .read(
            move |c| match store::application_for(c, &id, me.person_id)? {
                Some(row) => store::load_application(c, row).map(Some),
                None => Ok(None),
            },
        )
        .await?;
    app.map(Json).ok_or_else(ApiError::not_found)
}

/// My applications and those I submitted for minors, newest first.
#[utoipa::path(get, path = "/api/v1/applications", tag = "applications",
    responses(
        (status = 200, description = "Applications", body = [Application]),
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn list(State(state): State<AppState>, me: Signed) -> ApiResult<Json<Vec<Application>>> {
    Ok(Json(
        state
            .db
            .read(move |c| store::list_applications(c, me.person_id))
            .await?,
    ))
}

/// Refuses a child the identity registry does not confirm with this guardian;
/// each refusal counts against the applicant, with growing delays.
async fn confirm_guardian(
    state: &AppState,
    guardian: &str,
    child_name: &str,
    child_number: &str,
) -> ApiResult<()> {
    let bucket = Bucket::new(&state.key, throttle::MINOR_CHECK_PER_PERSON, &[guardian]);
    let held_back = bucket.clone();
    let wait = state
        .db
        .write(move |tx| {
            Ok(throttle::wait(
                tx,
                &[&held_back],
                chrono::Utc::now().timestamp(),
            )?)
        })
        .await?;
    if wait > 0 {
        // Held back: not even the registry is asked (each query costs, in a real deployment).
        return Err(ApiError::rate_limited(u64::try_from(wait).unwrap_or(1)));
    }
    let confirmed = state
        .registry
        .check_guardian(child_name, child_number, guardian)
        == IdentityCheck::Confirmed;
    if !confirmed {
        state
            .db
            .write(move |tx| {
                Ok(throttle::count(
                    tx,
                    &bucket,
                    chrono::Utc::now().timestamp(),
                )?)
            })
            .await?;
    }
    if !confirmed {
        return Err(ApiError::validation(vec![]).field(
            "minor.name",
            "identity_mismatch",
            "the household register does not list this child (name and ID number) with you as guardian",
        ));
    }
    Ok(())
}

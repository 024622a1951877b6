//! Card applications: create (idempotent), read one, list mine.

use axum::{
    Json,
    extract::{Path, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use chrono::NaiveDate;
use sscard_rules::ProblemCode;
use sscard_rules::{
    Actor, ApplicationTerms, Bank, CardHeld, City, PickupMethod, ValidMinor, application_terms,
    check_delivery_terms, check_minor, evaluate_eligibility,
    wire::{Application, ApplicationRequest, EligibilityDeclaration},
};

use crate::{
    auth::Signed,
    db::Conn,
    delivery, domain, ids,
    json::Body,
    notices::Notices,
    problem::{ApiError, ApiResult, FieldErrors},
    registry::IdentityCheck,
    state::AppState,
    store::{
        applications::{self, NewApplication, Prior},
        cards, persons,
    },
    throttle::{self, Bucket},
};

/// Header carrying the client's idempotency key.
pub const IDEMPOTENCY_KEY: &str = "idempotency-key";

pub(crate) fn idempotency_key(headers: &HeaderMap) -> ApiResult<String> {
    let Some(v) = headers.get(IDEMPOTENCY_KEY) else {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            ProblemCode::IdempotencyKeyMissing.id(),
            "缺少 Idempotency-Key 请求头",
        ));
    };
    match v.to_str() {
        Ok(k) if (1..=128).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_graphic()) => {
            Ok(k.to_owned())
        }
        _ => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            ProblemCode::IdempotencyKeyInvalid.id(),
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
    let (pid, lookup) = (me.person_id, key.clone());
    let (prior, me_on_record) = state
        .db
        .read(move |c| {
            Ok((
                applications::by_idempotency_key(c, pid, &lookup)?,
                persons::get(c, pid)?,
            ))
        })
        .await?;
    if let Some(prior) = prior {
        return replay_answer(&state, prior, &request_hash).await;
    }
    let choice = validate(&req, &me_on_record, today)?;
    let deadline = decide(&choice, &req.eligibility, me_on_record.birth_date, today)?;
    // The registry must confirm the child's name and that the applicant is the
    // child's guardian: otherwise anyone could fix a child's name, apply for
    // someone else's child, or learn who is whose. Guesses are throttled.
    if let Some(minor) = &choice.minor {
        confirm_guardian(&state, &me_on_record.id_number, minor).await?;
    }
    let new = choice.application(
        me.person_id,
        req,
        today,
        deadline,
        key,
        request_hash.clone(),
    );
    let outcome = state
        .db
        .write(move |tx| submit(tx, new, choice.minor))
        .await?;
    match outcome {
        Ok(app) => {
            tracing::info!(application = %app.id, "application submitted");
            created(app)
        }
        // A concurrent retry with the same key won the race: answer what it stored.
        Err(prior) => replay_answer(&state, prior, &request_hash).await,
    }
}

/// What a valid application asks for.
struct Choice {
    city: City,
    /// The city's online application the request was checked against.
    terms: ApplicationTerms,
    /// `None` where the sources name no banks (Shanghai).
    bank: Option<Bank>,
    pickup: PickupMethod,
    /// The minor of a guardian's application.
    minor: Option<ValidMinor>,
}

impl Choice {
    /// The row of an application for the applicant's own card (for a minor's, the
    /// transaction sets whose card it is).
    fn application(
        &self,
        applicant: i64,
        req: ApplicationRequest,
        submitted_on: NaiveDate,
        production_deadline: Option<NaiveDate>,
        idempotency_key: String,
        request_hash: String,
    ) -> NewApplication {
        NewApplication {
            applicant,
            subject: applicant,
            actor: Actor::Holder,
            guardianship_proof: None,
            city: self.city,
            bank: self.bank,
            pickup: self.pickup,
            branch_id: req.branch_id,
            postal_address: req.postal_address,
            // Kept only where the city's terms ask for one (checked there).
            backup_centre: req
                .backup_centre
                .filter(|_| self.terms.backup_centre)
                .map(|c| c.trim().to_owned()),
            submitted_on,
            production_deadline,
            idempotency_key,
            request_hash,
            replaces: None,
        }
    }
}

/// The request's fields, checked with the rules crate: the terms of the city's online
/// application (`application_terms`: its banks, pickups and what delivery asks for), the
/// delivery, the minor; `400 validation_failed` lists every mistake.
fn validate(req: &ApplicationRequest, me: &persons::Record, today: NaiveDate) -> ApiResult<Choice> {
    let mut errors = FieldErrors::default();
    let city = domain::parse_city(&mut errors, "city", &req.city);
    let mut terms = None;
    if let Some(c) = city {
        let open = sscard_rules::policy(c, today)
            .map(|p| p.individual_application_open.value)
            .map_err(domain::policy_error)?;
        terms = application_terms(c, today).map_err(domain::policy_error)?;
        if !open || terms.is_none() {
            errors.push(
                "city",
                "city.applications_closed",
                "individual applications are not open in this city",
            );
        }
    }
    let bank = terms
        .as_ref()
        .and_then(|t| chosen_bank(&mut errors, t, req.bank.as_deref()));
    let pickup = PickupMethod::from_id(&req.pickup);
    match (pickup, &terms) {
        (None, _) => errors.push("pickup", "pickup.unknown", "choose mail or branch"),
        (Some(p), Some(t)) if !t.pickups.contains(&p) => errors.push(
            "pickup",
            "pickup.not_offered",
            "this city's online application does not deliver the card this way",
        ),
        _ => {}
    }
    let (branch_id, address) = (req.branch_id.as_deref(), req.postal_address.as_ref());
    delivery::check(&mut errors, city, bank, pickup, branch_id, address);
    let minor = req
        .minor
        .as_ref()
        .and_then(|m| errors.part(check_minor(m, me.birth_date, today)));
    if let Some(t) = &terms {
        // The holder signs for the parcel where the terms say so: the child, for a guardian.
        let holder = req
            .minor
            .as_ref()
            .map_or(me.name.as_str(), |m| m.name.as_str());
        errors.add(check_delivery_terms(
            t,
            holder,
            address,
            req.backup_centre.as_deref(),
        ));
    }
    errors.finish()?;
    match (city, terms, pickup) {
        (Some(city), Some(terms), Some(pickup)) => Ok(Choice {
            city,
            terms,
            bank,
            pickup,
            minor,
        }),
        _ => Err(ApiError::internal("a checked application lacks a choice")),
    }
}

/// The bank asked for, checked against the terms: one of their banks where the sources name
/// them, none where they do not (Shanghai counts 11 service banks and names none, D36).
fn chosen_bank(
    errors: &mut FieldErrors,
    terms: &ApplicationTerms,
    bank: Option<&str>,
) -> Option<Bank> {
    match bank {
        None if terms.banks_named() => {
            errors.push("bank", "bank.missing", "choose a bank");
            None
        }
        None => None,
        Some(_) if !terms.banks_named() => {
            errors.push(
                "bank",
                "bank.not_named",
                "the sources name no banks for this city: leave the bank out",
            );
            None
        }
        Some(id) => {
            let found = Bank::from_id(id).filter(|b| terms.banks.iter().any(|i| i.bank == *b));
            if found.is_none() {
                errors.push(
                    "bank",
                    "bank.not_in_city",
                    "this bank is not one of the banks of this city's online application",
                );
            }
            found
        }
    }
}

/// The rules' decision, on what the applicant declares and the birth dates of the ID numbers
/// (the holder's, and the guardian's for a minor): eligible, and the production deadline.
fn decide(
    choice: &Choice,
    declared: &EligibilityDeclaration,
    my_birth: NaiveDate,
    today: NaiveDate,
) -> ApiResult<Option<NaiveDate>> {
    if declared.card_held == CardHeld::ThirdGeneration {
        return Err(card_exists());
    }
    let (holder_birth, guardian_birth, actor) = match &choice.minor {
        Some(minor) => (minor.id.birth_date, Some(my_birth), Actor::Guardian),
        None => (my_birth, None, Actor::Holder),
    };
    let input = declared.input(choice.city, today, holder_birth, guardian_birth);
    let verdict = evaluate_eligibility(&input).map_err(domain::policy_error)?;
    domain::require_eligible(choice.city, actor, &verdict.result, today)?;
    let card_held = declared.card_held;
    Ok(domain::online_application_timeline(
        choice.city,
        choice.terms.business,
        choice.pickup,
        card_held,
        today,
    )?
    .0)
}

/// Stores the application, in one write transaction: the key is checked again (two
/// concurrent retries cannot both insert), then whose card it is, then that they have no
/// unfinished application and no card. `Err` is the application a concurrent retry stored.
fn submit(
    tx: &Conn<'_>,
    mut new: NewApplication,
    minor: Option<ValidMinor>,
) -> ApiResult<Result<Application, Prior>> {
    if let Some(prior) = applications::by_idempotency_key(tx, new.applicant, &new.idempotency_key)?
    {
        return Ok(Err(prior));
    }
    if let Some(minor) = minor {
        new.subject = child_record(tx, &minor, new.applicant)?;
        new.actor = Actor::Guardian;
        new.guardianship_proof = Some(minor.proof);
    }
    // People quote the reference, so the detail names it rather than the id.
    if let Some(open) = applications::unfinished_for(tx, new.subject)? {
        return Err(
            ApiError::conflict(ProblemCode::ApplicationExists.id(), "已有正在办理的申请")
                .detail(format!("申请 {open} 尚未完成")),
        );
    }
    if cards::held_by(tx, new.subject)? {
        return Err(card_exists());
    }
    let id = applications::insert(tx, &new, Notices::Record)?;
    Ok(Ok(applications::load(tx, id)?))
}

/// The record of the child a guardian applies for: found by ID number with the same name, or
/// created; never the applicant.
fn child_record(tx: &Conn<'_>, minor: &ValidMinor, applicant: i64) -> ApiResult<i64> {
    let child = match persons::by_id_number(tx, &minor.id.number)? {
        Some(found) if found.name == minor.name => found.id,
        None => persons::insert(tx, &minor.id.number, &minor.name, None, minor.id.birth_date)?,
        Some(_) => {
            return Err(ApiError::validation(vec![]).field(
                "minor.name",
                "identity_mismatch",
                "the name does not match the ID number",
            ));
        }
    };
    if child == applicant {
        return Err(ApiError::validation(vec![]).field(
            "minor.id_number",
            "minor.is_self",
            "apply for yourself without the minor section",
        ));
    }
    Ok(child)
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
    ApiError::conflict(ProblemCode::CardExists.id(), "已持有第三代社保卡，无需申领")
        .detail("如卡片丢失或损坏，请办理补领或换领")
}

/// The answer to a retry: the application stored under its key, or `422
/// idempotency_key.reused` when the key came with another request.
pub(crate) async fn replay_answer(
    state: &AppState,
    prior: Prior,
    request_hash: &str,
) -> ApiResult<Response> {
    if prior.request_hash != request_hash {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ProblemCode::IdempotencyKeyReused.id(),
            "该 Idempotency-Key 已用于另一份申请",
        ));
    }
    let app = state
        .db
        .read(move |c| applications::load(c, prior.id))
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
            move |c| match applications::visible_to(c, &id, me.person_id)? {
                Some(row) => applications::load(c, row).map(Some),
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
            .read(move |c| applications::list(c, me.person_id))
            .await?,
    ))
}

/// Refuses a child the identity registry does not confirm with this guardian;
/// each refusal counts against the applicant, with growing delays.
async fn confirm_guardian(state: &AppState, guardian: &str, child: &ValidMinor) -> ApiResult<()> {
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
        .check_guardian(&child.name, &child.id.number, guardian)
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

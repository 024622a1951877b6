//! Changing one's details online (manual Q9 L79, Q32 L207: 个人信息变更): the
//! residential address and the occupation on record, for the signed-in holder
//! and for a guardian on behalf of a minor in their care (Q38 L241; an agent
//! may not, Q38 L237 does not list it). Any session will do: unlike the mobile
//! on record (routes::contact), these details do not open the account.
//!
//! A `PUT` replaces both values, so it is idempotent by nature: sending the same
//! again changes nothing and tells nobody. A real change records a security
//! event whose notice goes to the person (and to the guardian who made it).
//!
//! A change never alters an application already submitted: the card centre
//! works from what was submitted (D32). The answer lists the applications whose
//! card is still on its way by post, with the city's hotline to call.

use crate::{
    db::{Conn, OptionalExt},
    params,
};
use axum::{
    Json,
    extract::{Query, State},
};
use chrono::{NaiveDate, Utc};
use sscard_rules::ProblemCode;
use sscard_rules::{
    Actor, Bank, City, PickupMethod, has_reached_age, keeps_submitted_postal_address,
    parse_address, parse_occupation,
    wire::{
        ApplicationStatus, Occupation, PersonDetails, PersonDetailsQuery, PersonDetailsUpdate,
        PersonRef, PostalApplication, ReservedPhone,
    },
};

use crate::{
    auth::Signed,
    json::Body,
    problem::{ApiError, ApiResult, FieldErrors},
    routes::auth::mask_mobile,
    security_events::{self, SecurityEvent},
    state::AppState,
    store,
};

/// Age from which a person acts for themselves (002 Q38 L241: 「18岁以下未成年人」).
const ADULT_YEARS: u32 = 18;

/// The minors in `guardian`'s care on `today`: children they applied for as
/// guardian or whose card names them as guardian, still under 18.
fn minors_of(c: &Conn<'_>, guardian: i64, today: NaiveDate) -> ApiResult<Vec<i64>> {
    let rows: Vec<(i64, NaiveDate)> = c
        .prepare_cached(
            "SELECT DISTINCT p.id, p.birth_date FROM persons p
             WHERE p.id != ?1 AND (
                 EXISTS(SELECT 1 FROM cards WHERE holder_id = p.id AND guardian_id = ?1)
                 OR EXISTS(SELECT 1 FROM applications WHERE subject_id = p.id
                           AND applicant_id = ?1 AND actor = ?2))
             ORDER BY p.id",
        )?
        .query_map(params![guardian, Actor::Guardian], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows
        .into_iter()
        .filter(|&(_, birth)| !has_reached_age(birth, ADULT_YEARS, 0, today))
        .map(|(id, _)| id)
        .collect())
}

/// Whose details `me` asks for: their own, or a minor's in their care (else
/// `404`, which does not tell whether the person exists).
fn subject(
    c: &Conn<'_>,
    me: i64,
    person: Option<&str>,
    today: NaiveDate,
) -> ApiResult<(i64, bool)> {
    let Some(public) = person else {
        return Ok((me, false));
    };
    let id: Option<i64> = c
        .query_row(
            "SELECT id FROM persons WHERE public_id = ?1",
            params![public],
            |r| r.get(0),
        )
        .optional()?;
    match id {
        Some(id) if id == me => Ok((me, false)),
        Some(id) if minors_of(c, me, today)?.contains(&id) => Ok((id, true)),
        _ => Err(ApiError::not_found().detail("没有可以修改的这个人的信息")),
    }
}

/// Loads the details of `person` as `viewer` sees them.
fn load(c: &Conn<'_>, person: i64, viewer: i64, today: NaiveDate) -> ApiResult<PersonDetails> {
    let (mobile, address, occupation, updated_at): (
        Option<String>,
        Option<String>,
        Option<Occupation>,
        Option<String>,
    ) = c.query_row(
        "SELECT mobile, address, occupation, details_updated_at FROM persons WHERE id = ?1",
        params![person],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    // The issuing banks of the person's cards, to name where the reserved phone changes. A
    // card may name none (Shanghai's sources name no bank, D36): it adds no bank to the list.
    let cards: Vec<(City, Option<Bank>)> = c
        .prepare_cached("SELECT city, bank FROM cards WHERE holder_id = ?1 GROUP BY city, bank ORDER BY MIN(id)")?
        .query_map(params![person], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let city = cards.first().map_or(City::Beijing, |&(city, _)| city);
    let offer = sscard_rules::reserved_phone_change(city, today)
        .or_else(|| sscard_rules::reserved_phone_change(City::Beijing, today))
        .ok_or_else(|| ApiError::internal("no reserved-phone offer in the policy"))?;
    let mut banks: Vec<String> = cards
        .into_iter()
        .filter_map(|(_, bank)| bank.map(|bank| bank.id().to_owned()))
        .collect();
    banks.dedup();
    let postal_applications = c
        .prepare_cached(
            "SELECT public_id, status, pickup, city, reference FROM applications WHERE subject_id = ?1 ORDER BY id",
        )?
        .query_map(params![person], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, ApplicationStatus>(1)?,
                r.get::<_, PickupMethod>(2)?,
                r.get::<_, City>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .filter_map(|(id, status, pickup, city, reference)| {
            keeps_submitted_postal_address(status, pickup).then(|| PostalApplication {
                id,
                reference: store::references::grouped(reference),
                status,
                // The hotline is a city parameter, never written here.
                hotline: sscard_rules::policy(city, today)
                    .ok()
                    .and_then(|p| p.hotline)
                    .map(|h| h.value.into_owned()),
            })
        })
        .collect();
    let minors = if person == viewer {
        minors_of(c, viewer, today)?
            .into_iter()
            .map(|id| Ok(store::persons::person_ref(c, id)?))
            .collect::<ApiResult<Vec<PersonRef>>>()?
    } else {
        Vec::new()
    };
    Ok(PersonDetails {
        person: store::persons::person_ref(c, person)?,
        as_guardian: person != viewer,
        address,
        occupation,
        mobile_masked: mobile.as_deref().map(mask_mobile),
        updated_at,
        minors,
        reserved_phone: ReservedPhone {
            channel: offer.channel.id().to_owned(),
            banks,
            citation: offer.citation,
        },
        postal_applications,
    })
}

/// My details on record (or a minor's in my care).
#[utoipa::path(get, path = "/api/v1/me/details", tag = "details",
    params(PersonDetailsQuery),
    responses(
        (status = 200, description = "The address, occupation and masked mobile on record; where the bank account's reserved phone is changed; applications still on their way by post", body = PersonDetails),
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: `person` is not a minor in the signed-in person's care", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_details(
    State(state): State<AppState>,
    me: Signed,
    Query(q): Query<PersonDetailsQuery>,
) -> ApiResult<Json<PersonDetails>> {
    let today = state.clock.today();
    let details = state
        .db
        .read(move |c| {
            let (person, _) = subject(c, me.person_id, q.person.as_deref(), today)?;
            load(c, person, me.person_id, today)
        })
        .await?;
    Ok(Json(details))
}

/// Changes the address and occupation on record.
#[utoipa::path(put, path = "/api/v1/me/details", tag = "details",
    request_body = PersonDetailsUpdate,
    responses(
        (status = 200, description = "The details as now on record. A real change sends a security notice; submitted applications keep their postal address (listed in `postal_applications`)", body = PersonDetails),
        (status = 400, description = "`validation_failed`: `address.empty`, `address.too_long`, `occupation.empty`, `occupation.unknown`; nothing is changed", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 401, description = "`unauthenticated`", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: `person` is not a minor in the signed-in person's care", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
        (status = 409, description = "`details.changed_since`: `based_on` is not the record's `updated_at` any more (changed elsewhere); nothing is changed", body = sscard_rules::wire::Problem, content_type = "application/problem+json"),
    ))]
pub async fn put_details(
    State(state): State<AppState>,
    me: Signed,
    Body(req): Body<PersonDetailsUpdate>,
) -> ApiResult<Json<PersonDetails>> {
    let mut errors = FieldErrors::default();
    let address = errors.check("address", parse_address(&req.address));
    let occupation = errors.check("occupation", parse_occupation(&req.occupation));
    errors.finish()?;
    let (Some(address), Some(occupation)) = (address, occupation) else {
        return Err(ApiError::internal("checked details missing"));
    };
    let today = state.clock.today();
    let details = state
        .db
        .write(move |tx| {
            let (person, as_guardian) = subject(tx, me.person_id, req.person.as_deref(), today)?;
            if let Some(based_on) = &req.based_on {
                let now: Option<String> = tx.query_row(
                    "SELECT details_updated_at FROM persons WHERE id = ?1",
                    params![person],
                    |r| r.get(0),
                )?;
                if now.as_deref().unwrap_or_default() != based_on {
                    return Err(ApiError::conflict(
                        ProblemCode::DetailsChangedSince.id(),
                        "这些信息刚在别处修改过，核对现在登记的信息后再保存",
                    ));
                }
            }
            let changed = tx.execute(
                "UPDATE persons SET address = ?2, occupation = ?3, details_updated_at = ?4
                 WHERE id = ?1 AND (address IS DISTINCT FROM ?2 OR occupation IS DISTINCT FROM ?3)",
                params![person, address, occupation, Utc::now().to_rfc3339()],
            )? > 0;
            if changed {
                security_events::record_account(tx, person, SecurityEvent::DetailsChanged, today)?;
                if as_guardian {
                    // The guardian who made it is told too (a child often has no mobile).
                    let about: String = tx.query_row(
                        "SELECT public_id FROM persons WHERE id = ?1",
                        params![person],
                        |r| r.get(0),
                    )?;
                    security_events::record(
                        tx,
                        me.person_id,
                        SecurityEvent::DetailsChanged,
                        &about,
                        today,
                        today,
                    )?;
                }
            }
            load(tx, person, me.person_id, today)
        })
        .await?;
    Ok(Json(details))
}

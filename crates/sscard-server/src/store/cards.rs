//! Cards: who may see one, and the card as the wire shows it.

use chrono::NaiveDate;
use sscard_rules::{
    Bank, City, FinancialState, SocialState,
    wire::{Card, PersonRef},
};

use crate::{
    db::{Conn, DbResult, OptionalExt},
    params,
    problem::ApiResult,
};

fn placeholder() -> PersonRef {
    PersonRef {
        id: String::new(),
        name: String::new(),
        id_number_masked: String::new(),
    }
}

/// The row id of card `public_id` if `person` holds it or is its guardian.
pub fn visible_to(c: &Conn<'_>, public_id: &str, person: i64) -> ApiResult<Option<i64>> {
    Ok(c.query_row(
        "SELECT id FROM cards WHERE public_id = ?1 AND (holder_id = ?2 OR guardian_id = ?2)",
        params![public_id, person],
        |r| r.get(0),
    )
    .optional()?)
}

/// A card with its holder: what a replacement starts from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holding {
    /// Row id.
    pub row: i64,
    /// Public id.
    pub public_id: String,
    /// The holder's row id.
    pub holder: i64,
    /// The holder's birth date.
    pub holder_birth: NaiveDate,
    /// The city.
    pub city: City,
    /// The issuing bank; `None` where the sources name none (Shanghai, D36).
    pub bank: Option<Bank>,
}

/// Card row `row` with its holder.
pub fn holding(c: &Conn<'_>, row: i64) -> DbResult<Holding> {
    c.query_row(
        "SELECT c.public_id, c.holder_id, h.birth_date, c.city, c.bank
         FROM cards c JOIN persons h ON h.id = c.holder_id WHERE c.id = ?1",
        params![row],
        |r| {
            Ok(Holding {
                row,
                public_id: r.get(0)?,
                holder: r.get(1)?,
                holder_birth: r.get(2)?,
                city: r.get(3)?,
                bank: r.get(4)?,
            })
        },
    )
}

/// Records that card row `card` is replaced by the card of application row `application`.
pub fn set_replaced_by(tx: &Conn<'_>, card: i64, application: i64) -> DbResult<()> {
    tx.execute(
        "UPDATE cards SET replaced_by = ?2 WHERE id = ?1",
        params![card, application],
    )?;
    Ok(())
}

/// Whether `person` holds a card.
pub fn held_by(c: &Conn<'_>, person: i64) -> DbResult<bool> {
    c.query_row(
        "SELECT EXISTS(SELECT 1 FROM cards WHERE holder_id = ?1)",
        params![person],
        |r| r.get(0),
    )
}

fn mask_card(n: &str) -> String {
    let len = n.chars().count();
    n.chars()
        .enumerate()
        .map(|(i, ch)| if i < 4 || i + 4 >= len { ch } else { '*' })
        .collect()
}

/// Loads one card as seen by `viewer`.
pub fn load(c: &Conn<'_>, id: i64, viewer: i64) -> ApiResult<Card> {
    let (mut card, holder) = c.query_row(
        "SELECT c.public_id, c.holder_id, c.guardian_id, c.city, c.bank, c.card_number, c.social_state,
                c.financial_state, c.issued_on, c.temp_loss_on, c.temp_loss_lift_on,
                (SELECT public_id FROM applications WHERE id = c.application_id),
                (SELECT public_id FROM applications WHERE id = c.replaced_by)
         FROM cards c WHERE c.id = ?1",
        params![id],
        |r| {
            let holder: i64 = r.get(1)?;
            Ok((
                Card {
                    id: r.get(0)?,
                    holder: placeholder(),
                    as_guardian: holder != viewer && r.get::<_, Option<i64>>(2)? == Some(viewer),
                    city: r.get::<_, City>(3)?,
                    bank: r.get::<_, Option<Bank>>(4)?,
                    card_number_masked: mask_card(&r.get::<_, String>(5)?),
                    // The columns hold the state machine's states (`cardstate::store`), which
                    // are the wire's too.
                    social_function: r.get::<_, SocialState>(6)?,
                    financial_function: r.get::<_, FinancialState>(7)?,
                    issued_on: r.get(8)?,
                    temp_loss_reported_on: r.get(9)?,
                    temp_loss_lifts_on: r.get(10)?,
                    application_id: r.get(11)?,
                    replacement_id: r.get(12)?,
                },
                holder,
            ))
        },
    )?;
    card.holder = super::persons::person_ref(c, holder)?;
    Ok(card)
}

/// Every card `person` holds or is guardian of.
pub fn list(c: &Conn<'_>, person: i64) -> ApiResult<Vec<Card>> {
    let ids: Vec<i64> = c
        .prepare_cached(
            "SELECT id FROM cards WHERE holder_id = ?1 OR guardian_id = ?1 ORDER BY id",
        )?
        .query_map(params![person], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    ids.into_iter().map(|id| load(c, id, person)).collect()
}

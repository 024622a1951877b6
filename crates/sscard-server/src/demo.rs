//! Demo mode: fictitious people whose cards are in different states, seeded
//! at start (once; the data then lives in the database like any other).
//!
//! Every ID number is fictitious with a valid check digit. The initial
//! service password is the last 6 characters of the ID number (manual Q17).

use crate::{db::OptionalExt, params};
use chrono::NaiveDate;
use sscard_rules::{
    Actor, Bank, Business, CardHeld, City, PickupMethod, SocialState, parse_id_number,
    wire::{ApplicationStatus, DemoPerson, GuardianshipProof, PostalAddress},
};

use crate::{
    db::Db,
    domain, ids,
    notices::Notices,
    problem::{ApiError, ApiResult},
    production,
    store::{
        applications::{self, NewApplication},
        persons,
    },
};

/// A demo person and what they let you try.
pub struct Demo {
    /// Name.
    pub name: &'static str,
    /// ID number (valid check digit, fictitious).
    pub id_number: &'static str,
    /// Mobile.
    pub mobile: &'static str,
    /// Whether they hold a card (then they sign in with the password).
    pub holder: bool,
    /// Whether the service has a record of them at start (a new applicant has none).
    pub seeded: bool,
    /// Whether they changed their password and forgot it (the list shows none: they reset it).
    pub forgot_password: bool,
    /// What to try.
    pub story: &'static str,
}

/// The demo people, in the order the README lists them.
pub const PEOPLE: &[Demo] = &[
    Demo {
        name: "王建国",
        id_number: "110101198503122012",
        mobile: "13800000001",
        holder: true,
        seeded: true,
        forgot_password: false,
        story: "卡片已启用：可试临时挂失、修改或重置服务密码、把登记的手机号码改为 13900000011（也以他的身份证登记），以及只能在柜台办理的业务（提前解挂、金融功能激活、正式挂失）",
    },
    Demo {
        name: "李秀英",
        id_number: "110102199007183028",
        mobile: "13800000002",
        holder: true,
        seeded: true,
        forgot_password: false,
        story: "卡片已邮寄送达但尚未启用：可试在线启用社会保障功能；刚搬了家：可试在网上修改居住地址和职业（金融账户预留手机号只能到发卡银行网点修改）",
    },
    Demo {
        name: "陈卫东",
        id_number: "110105197801014037",
        mobile: "13800000003",
        holder: true,
        seeded: true,
        forgot_password: false,
        story: "卡片丢了，已临时挂失：可看自动解挂日期，可在网上补领新卡（补领后旧卡不能再解挂）；拨快演示时钟可看到自动解挂",
    },
    Demo {
        name: "刘芳",
        id_number: "11010619921120504X",
        mobile: "13800000004",
        holder: false,
        seeded: true,
        forgot_password: false,
        story: "申请正在制卡（网点领卡）：用验证码登录查看进度；拨快演示时钟可看到制成、到网点、领卡",
    },
    Demo {
        name: "赵磊",
        id_number: "110108198806066059",
        mobile: "13800000005",
        holder: true,
        seeded: true,
        forgot_password: false,
        story: "监护人：本人卡片已启用；为未成年子女赵小雨（110108201809153064）申领的卡已邮寄送达，可代为启用",
    },
    Demo {
        name: "孙悦",
        id_number: "110112199505057078",
        mobile: "13800000006",
        holder: false,
        seeded: false,
        forgot_password: false,
        story: "新申请人，系统中没有记录：用验证码登录，走完整的申领流程",
    },
    Demo {
        name: "周敏",
        id_number: "110105198808088025",
        mobile: "13800000007",
        holder: true,
        seeded: true,
        forgot_password: false,
        story: "卡片已启用，但坏了、读卡机读不出：可试网上换领，选网点领卡；新卡启用前旧卡照常使用",
    },
    Demo {
        name: "吴强",
        id_number: "11010719760315703X",
        mobile: "13800000008",
        holder: true,
        seeded: true,
        forgot_password: true,
        story: "改过服务密码后忘了：用验证码登录，在网上重置服务密码",
    },
];

/// Demo children (name, ID number, guardian's ID number): they hold a card
/// their guardian applied for.
pub const CHILDREN: &[(&str, &str, &str)] =
    &[("赵小雨", "110108201809153064", "110108198806066059")];

/// The demo people as the API lists them.
pub fn people() -> Vec<DemoPerson> {
    PEOPLE
        .iter()
        .map(|p| DemoPerson {
            name: p.name.to_owned(),
            id_number: p.id_number.to_owned(),
            mobile: p.mobile.to_owned(),
            password: (p.holder && !p.forgot_password).then(|| p.id_number[12..].to_owned()),
            story: p.story.to_owned(),
        })
        .collect()
}

fn days_ago(today: NaiveDate, n: u64) -> NaiveDate {
    sscard_rules::sub_days(today, n).unwrap_or(today)
}

/// (applicant index, minor?, submitted days ago, pickup, branch id)
type SeedApplication = (
    usize,
    Option<usize>,
    u64,
    PickupMethod,
    Option<&'static str>,
);

/// Seeds the demo data unless it is there already.
pub async fn seed(db: &Db, today: NaiveDate) -> ApiResult<()> {
    // Deadlines come from the rules crate, computed before the transaction.
    let plan: Vec<SeedApplication> = vec![
        // (applicant, minor, submitted days ago, pickup, branch)
        (0, None, 70, PickupMethod::Mail, None),
        (1, None, 36, PickupMethod::Mail, None),
        (2, None, 70, PickupMethod::Mail, None),
        (3, None, 10, PickupMethod::Branch, Some("bj-icbc-dongcheng")),
        (4, None, 90, PickupMethod::Branch, Some("bj-icbc-dongcheng")),
        (4, Some(0), 40, PickupMethod::Mail, None),
        (
            6,
            None,
            100,
            PickupMethod::Branch,
            Some("bj-icbc-dongcheng"),
        ),
        (7, None, 80, PickupMethod::Mail, None),
    ];
    let mut deadlines = Vec::new();
    for (_, _, ago, pickup, _) in &plan {
        let on = days_ago(today, *ago);
        deadlines.push(
            domain::online_application_timeline(
                City::Beijing,
                Business::FirstApplication,
                *pickup,
                CardHeld::None,
                on,
            )?
            .0
            .ok_or_else(|| ApiError::internal("Beijing states a production time"))?,
        );
    }
    let loss_on = days_ago(today, 5);
    let lift = domain::temp_loss_lift(City::Beijing, loss_on)?;
    // A password nobody knows, hashed before the transaction (Argon2id is slow).
    let forgotten = crate::password::hash_async(ids::token()).await;
    db.write(move |tx| {
        if persons::by_id_number(tx, PEOPLE[0].id_number)?.is_some() {
            return Ok(());
        }
        let birth = |id_number: &str| {
            parse_id_number(id_number, today)
                .map(|id| id.birth_date)
                .map_err(ApiError::internal)
        };
        // Indexed like PEOPLE; 0 for someone the service has no record of.
        let mut pid = Vec::new();
        for p in PEOPLE {
            pid.push(if p.seeded {
                persons::insert(tx, p.id_number, p.name, Some(p.mobile), birth(p.id_number)?)?
            } else {
                0
            });
            if p.forgot_password {
                tx.execute(
                    "UPDATE persons SET password_hash = ?2, password_is_initial = 0 WHERE id = ?1",
                    params![pid[pid.len() - 1], forgotten],
                )?;
            }
        }
        let (child_name, child_id, _) = CHILDREN[0];
        let child = persons::insert(tx, child_id, child_name, None, birth(child_id)?)?;
        for (n, ((applicant, minor, ago, pickup, branch), deadline)) in plan.iter().zip(&deadlines).enumerate() {
            let who = &PEOPLE[*applicant];
            let new = NewApplication {
                applicant: pid[*applicant],
                subject: if minor.is_some() { child } else { pid[*applicant] },
                actor: if minor.is_some() { Actor::Guardian } else { Actor::Holder },
                guardianship_proof: minor.map(|_| GuardianshipProof::HouseholdRegister),
                city: City::Beijing,
                bank: Some(Bank::Icbc),
                pickup: *pickup,
                branch_id: branch.map(str::to_owned),
                postal_address: Some(PostalAddress {
                    recipient: who.name.to_owned(),
                    mobile: who.mobile.to_owned(),
                    address: "北京市东城区示例路1号".to_owned(),
                    postal_code: "100010".to_owned(),
                }),
                submitted_on: days_ago(today, *ago),
                production_deadline: Some(*deadline),
                backup_centre: None,
                idempotency_key: format!("demo-seed-{n}"),
                request_hash: String::new(),
                replaces: None,
            };
            applications::insert(tx, &new, Notices::Withhold)?;
        }
        production::advance_tx(tx, today, Notices::Withhold)?;
        // 王建国, 陈卫东 and 吴强 enabled their posted cards the day they arrived.
        for who in [pid[0], pid[2], pid[7]] {
            let (card, app, issued): (i64, i64, NaiveDate) = tx.query_row(
                "SELECT id, application_id, issued_on FROM cards WHERE holder_id = ?1",
                params![who],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            tx.execute("UPDATE cards SET social_state = ?2 WHERE id = ?1", params![card, SocialState::Enabled])?;
            applications::add_event(tx, app, ApplicationStatus::Enabled, issued, Notices::Withhold)?;
        }
        // 陈卫东 reported a temporary loss 5 days ago.
        tx.execute(
            "UPDATE cards SET social_state = ?4, temp_loss_on = ?2, temp_loss_lift_on = ?3 WHERE holder_id = ?1",
            params![pid[2], loss_on, lift, SocialState::TempLost],
        )?;
        tracing::info!("demo people seeded");
        Ok(())
    })
    .await
}

/// Loads the persisted demo clock offset.
pub async fn load_offset(db: &Db) -> ApiResult<i64> {
    db.read(|c| {
        Ok(c.query_row(
            "SELECT value FROM settings WHERE key = 'demo_offset_days'",
            params![],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
    })
    .await
}

/// Moves the stored demo clock offset `days` forward and returns it: an increment in the
/// database, so two instances advancing at once both count, and every instance follows it
/// ([`follow_offset`]).
pub async fn advance_offset(db: &Db, days: i64) -> ApiResult<i64> {
    db.write(move |tx| {
        let stored: Option<String> = tx
            .query_row(
                "SELECT value FROM settings WHERE key = 'demo_offset_days'",
                params![],
                |r| r.get(0),
            )
            .optional()?;
        let offset = stored.and_then(|v| v.parse::<i64>().ok()).unwrap_or(0) + days;
        tx.execute(
            "INSERT INTO settings (key, value) VALUES ('demo_offset_days', ?1)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![offset.to_string()],
        )?;
        Ok(offset)
    })
    .await
}

/// Keeps `clock` on the stored demo offset, which another instance may move (demo mode).
pub async fn follow_offset(db: Db, clock: std::sync::Arc<crate::clock::Clock>) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if let Ok(offset) = load_offset(&db).await {
            clock.set_offset(offset);
        }
    }
}

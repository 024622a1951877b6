//! sscard-rules: the pure domain model, rule engine, validation and API wire types.
//!
//! No I/O, no clock (today is always an input), no UI framework. Builds natively and for wasm32.
//! See `README.md` for the entry points and `DECISIONS.md` for every choice the seeds left open.

mod calendar;
mod certainty;
mod channels;
mod citation;
mod dates;
mod ids;
mod policy;
mod trace;

pub mod wire;

pub use calendar::{Calendar, CalendarError, DayInfo, DayKind, MAX_WORKING_DAYS, WorkingDaySpan};
pub use certainty::{Certainty, UNPUBLISHED_YEAR_ASSUMPTION};
pub use channels::{
    ActorCondition, ActorPermission, ChannelOffer, OfferCondition, Permission, WhereAnswer,
    WhereNote, actor_permission, channel_offers, where_can,
};
pub use citation::{CALENDAR_DATA, Citation, DECISIONS, SEED_000, SEED_001, SEED_002, SEED_003, SEED_004};
pub use dates::{
    Age, add_days, add_months, age_on, anniversary, days_period_end, has_reached_age,
    months_period_end, natural_days_between, sub_days,
};
pub use ids::{Actor, Bank, Channel, City, PickupMethod, Service};
pub use policy::{
    BankInfo, CourierFee, NumericParam, Param, Phase, Policy, PolicyError, banks, first_valid_date,
    param_u32, phase, policy,
};
pub use trace::{Explained, Trace, TraceParam, TraceStep, TraceValue};

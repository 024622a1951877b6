//! sscard-rules: the pure domain model, rule engine, validation and API wire types.
//!
//! No I/O, no clock (today is always an input), no UI framework. Builds natively and for wasm32.
//! See `README.md` for the entry points and `DECISIONS.md` for every choice the seeds left open.

mod application_terms;
mod calendar;
mod certainty;
mod channels;
mod check_answers;
mod citation;
mod dates;
mod decisions;
mod details;
mod eligibility;
mod ids;
mod policy;
mod preview;
mod problem_code;
mod reference;
mod reminders;
mod replacement;
mod revision;
pub use revision::fnv1a as revision_of;
mod sources;
mod states;
mod timeline;
mod trace;
mod validate;

pub mod wire;

pub use reminders::{UNCOLLECTED_REMINDER_DAYS, loss_lift_reminder_on, uncollected_reminder_on};
pub use replacement::{
    FRESH_CODE_MINUTES, ReplacementBlock, ReplacementInput, ReplacementNote, ReplacementPlan,
    ReplacementReason, pickup_needs_fresh_code, plan_replacement,
};

pub use application_terms::{
    ApplicationTerms, NoteKind, TermNote, application_terms, check_delivery_terms,
};
pub use calendar::{
    Calendar, CalendarError, DayInfo, DayKind, EMBEDDED_CALENDAR_JSON, MAX_WORKING_DAYS,
    STATUTORY_YEARS, StatutoryHoliday, WorkingDaySpan, calendar_revision, statutory_holidays,
};
pub use certainty::{
    Certainty, UNPUBLISHED_YEAR_ASSUMPTION, UNPUBLISHED_YEAR_NO_HOLIDAYS_ASSUMPTION,
};
pub use channels::{
    ActorCondition, ActorPermission, ChannelOffer, OfferCondition, Permission, PickupChoice,
    WhereAnswer, WhereNote, actor_permission, channel_offers, online_channel, where_can,
};
pub use check_answers::{Residence, UninsuredGroup, YesNo};
pub use citation::{
    CALENDAR_DATA, Citation, DECISIONS, HOLIDAY_LAW, SEED_000, SEED_001, SEED_002, SEED_003,
    SEED_004,
};
pub use dates::{
    Age, add_days, add_months, age_on, anniversary, basic_date, days_period_end, has_reached_age,
    months_period_end, natural_days_between, parse_iso_date, parse_ymd_loose, sub_days,
};
pub use decisions::{DECISION_LIST, Decision};
pub use details::{POSTAL_ADDRESS_KEPT, keeps_submitted_postal_address, reserved_phone_change};
pub use eligibility::{
    Alternative, Basis, Eligibility, EligibilityFacts, EligibilityInput, GuardianFacts, Outcome,
    Reason, evaluate_eligibility,
};
pub use ids::{Actor, ApplicantGroup, Bank, Channel, City, PickupMethod, Service, StableId};
pub use policy::{
    BankInfo, CourierFee, DocumentError, EMBEDDED_REVISIONS, NumericParam, Param, ParamValue,
    Phase, Policy, PolicyDocument, PolicyError, PolicyParam, application_natural_days, banks,
    calendar_differs, cities_with_other_revision, courier_fee, current_revision, first_valid_date,
    hotline, install, minor_age_years, param_u32, phase, policy, revisions,
};
pub use preview::{Preview, PreviewRequest, preview};
pub use problem_code::ProblemCode;
pub use reference::{
    REFERENCE_ALPHABET, REFERENCE_LEN, REFERENCE_RANDOM_BYTES, Reference, ReferenceError,
    parse_reference,
};
pub use states::{
    ApplicationContext, ApplicationEvent, ApplicationState, CardAction, CardContext, CardState,
    CardTransition, Effect, FinancialState, OldCardState, SocialState, TransitionError,
    application_transition, available_application_events, available_card_actions, card_transition,
};
pub use timeline::{
    Business, CardHeld, DateAnswer, NextStep, Production, StepKind, TimelineError, TimelinePreview,
    TimelineRequest, TimelineWarning, bank_change_allowed_from, employer_return_deadline,
    preview_timeline, renewal_window_opens, temp_loss_auto_lift,
};
pub use trace::{Explained, Trace, TraceParam, TraceStep, TraceValue};
pub use validate::{
    ADDRESS_MAX_CHARS, AddressError, BACKUP_CENTRE_MAX_CHARS, DeliveryError, FieldError,
    FieldIssue, GuardianError, IdNumber, IdNumberError, MobileError, NAME_MAX_CHINESE,
    NAME_MAX_LATIN, NameError, NameScript, ONE_TIME_CODE_LEN, OccupationError, OneTimeCodeError,
    PasswordError, PostalCodeError, SERVICE_PASSWORD_LEN, Sex, ValidMinor, ValidName,
    ValidationError, check_digit, check_guardianship, check_minor, check_postal_address,
    parse_address, parse_backup_centre, parse_id_number, parse_mobile, parse_name,
    parse_new_service_password, parse_occupation, parse_one_time_code, parse_postal_code,
    recipient_is_holder,
};

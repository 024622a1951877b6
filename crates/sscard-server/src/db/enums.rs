//! Enums as column values: each is stored as text under its one string mapping, its serde
//! name. That is the name the wire carries, and for the rules crate's `stable_ids!` enums it
//! is also their `id()` (the macro keeps the two equal). So a row reads a typed enum
//! (`r.get::<_, PickupMethod>(4)?`), a parameter binds one (`params![status]`), and a stored
//! name this build does not know is an error, never a default.

use serde::{
    Serialize,
    de::{DeserializeOwned, IntoDeserializer, value::Error as NameError},
};

use super::{DbError, FromValue, ToValue, Value};

/// The serde name of a unit variant.
fn name_of<T: Serialize>(v: &T) -> Value {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(name)) => Value::Text(name),
        // Only unit enums are listed below, and they serialise as their name; NULL would make
        // the database refuse a required column rather than store a made-up name.
        _ => Value::Null,
    }
}

/// The unit variant named `name`.
fn by_name<T: DeserializeOwned>(v: Value) -> Result<T, DbError> {
    let name = String::from_value(v)?;
    T::deserialize(IntoDeserializer::<NameError>::into_deserializer(
        name.as_str(),
    ))
    .map_err(|_| DbError::Conversion(format!("unknown stored name {name:?}")))
}

macro_rules! stored_by_name {
    ($($t:ty),+ $(,)?) => {$(
        impl ToValue for $t {
            fn to_value(&self) -> Value {
                name_of(self)
            }
        }
        impl FromValue for $t {
            fn from_value(v: Value) -> Result<Self, DbError> {
                by_name(v)
            }
        }
    )+};
}

stored_by_name!(
    sscard_rules::Actor,
    sscard_rules::Bank,
    sscard_rules::City,
    sscard_rules::FinancialState,
    sscard_rules::PickupMethod,
    sscard_rules::ReplacementReason,
    sscard_rules::SocialState,
    sscard_rules::wire::ApplicationStatus,
    sscard_rules::wire::GuardianshipProof,
    sscard_rules::wire::NoticeKind,
    sscard_rules::wire::NoticeLanguage,
    sscard_rules::wire::Occupation,
    sscard_rules::wire::SessionKind,
    crate::notices::NoticeState,
    crate::security_events::SecurityEvent,
);

#[cfg(test)]
mod tests {
    use sscard_rules::{
        Actor, Bank, City, FinancialState, PickupMethod, ReplacementReason, SocialState,
        wire::{
            ApplicationStatus, GuardianshipProof, NoticeKind, NoticeLanguage, Occupation,
            SessionKind,
        },
    };

    use super::*;

    #[track_caller]
    fn stored<T: ToValue + FromValue + PartialEq + std::fmt::Debug>(v: T, name: &str) {
        assert_eq!(
            v.to_value(),
            Value::Text(name.to_owned()),
            "{v:?} is stored as"
        );
        assert_eq!(
            T::from_value(Value::Text(name.to_owned())).expect("known name"),
            v,
            "{name:?} reads back as"
        );
    }

    #[test]
    fn stored_names_are_the_ones_in_existing_rows() {
        // Rows written before this mapping carry these names: they must read the same.
        let statuses = [
            (ApplicationStatus::Submitted, "submitted"),
            (ApplicationStatus::Accepted, "accepted"),
            (ApplicationStatus::InProduction, "in_production"),
            (ApplicationStatus::Made, "made"),
            (ApplicationStatus::SentByPost, "sent_by_post"),
            (ApplicationStatus::AtBranch, "at_branch"),
            (ApplicationStatus::Collected, "collected"),
            (ApplicationStatus::Enabled, "enabled"),
        ];
        for (s, name) in statuses {
            stored(s, name);
        }
        stored(GuardianshipProof::HouseholdRegister, "household_register");
        stored(GuardianshipProof::BirthCertificate, "birth_certificate");
        stored(
            GuardianshipProof::GuardianshipDocument,
            "guardianship_document",
        );
        stored(Actor::Holder, "self");
        stored(Actor::Guardian, "guardian");
        stored(SocialState::TempLost, "temp_lost");
        stored(SocialState::NotEnabled, "not_enabled");
        stored(FinancialState::NotActivated, "not_activated");
        stored(SessionKind::Password, "password");
        stored(SessionKind::Code, "code");
        stored(crate::notices::NoticeState::Pending, "pending");
        stored(
            crate::security_events::SecurityEvent::NewDeviceSignIn,
            "new_device_sign_in",
        );
    }

    #[track_caller]
    fn each_stored_as_its_id<T>(all: &[T], id: fn(T) -> &'static str)
    where
        T: Copy + ToValue + FromValue + PartialEq + std::fmt::Debug,
    {
        for &v in all {
            stored(v, id(v));
        }
    }

    #[test]
    fn stable_ids_are_stored_as_their_id() {
        each_stored_as_its_id(City::ALL, City::id);
        each_stored_as_its_id(Bank::ALL, Bank::id);
        each_stored_as_its_id(PickupMethod::ALL, PickupMethod::id);
        each_stored_as_its_id(Actor::ALL, Actor::id);
        each_stored_as_its_id(ReplacementReason::ALL, ReplacementReason::id);
        each_stored_as_its_id(NoticeKind::ALL, NoticeKind::id);
        each_stored_as_its_id(NoticeLanguage::ALL, NoticeLanguage::id);
        each_stored_as_its_id(Occupation::ALL, Occupation::id);
    }

    #[test]
    fn an_unknown_name_is_an_error_not_a_default() {
        assert!(ApplicationStatus::from_value(Value::Text("shipped".into())).is_err());
        assert!(PickupMethod::from_value(Value::Text("Mail".into())).is_err());
        assert!(City::from_value(Value::Null).is_err());
        assert_eq!(
            Option::<GuardianshipProof>::from_value(Value::Null).expect("NULL"),
            None
        );
    }
}

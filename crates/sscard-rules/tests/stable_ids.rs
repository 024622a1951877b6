//! Every `stable_ids!` enum has one string form: the id `id()` gives and `from_id` reads is
//! exactly what serde writes and reads, so a saved answer, a URL, an SQL column and a JSON body
//! never disagree. (A variant renamed for serde but not for its id, or the other way round,
//! fails here.)

use serde::{Serialize, de::DeserializeOwned};
use sscard_rules::wire::{
    GuardianshipProof, NoticeCategory, NoticeKind, NoticeLanguage, Occupation,
};
use sscard_rules::{
    Actor, ActorCondition, ApplicantGroup, Bank, Business, CardHeld, Channel, City, CourierFee,
    FinancialState, NumericParam, OfferCondition, Outcome, Permission, Phase, PickupChoice,
    PickupMethod, ProblemCode, ReplacementBlock, ReplacementNote, ReplacementReason, Residence,
    Service, SocialState, StableId, StepKind, UninsuredGroup, WhereNote, YesNo,
};

/// Checks every value of `all`: serde's JSON string is `"id"`, reading `"id"` gives the value,
/// `from_id(id)` gives the value, and no two values share an id.
fn one_string_form<T>(name: &str, all: &[T])
where
    T: StableId + Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let mut ids = Vec::new();
    for &value in all {
        let id = value.id();
        assert_eq!(
            serde_json::to_string(&value).ok(),
            Some(format!("\"{id}\"")),
            "{name}::{value:?}: serde writes its id"
        );
        assert_eq!(
            serde_json::from_str::<T>(&format!("\"{id}\"")).ok(),
            Some(value),
            "{name}::{value:?}: serde reads its id"
        );
        assert_eq!(
            T::from_id(id),
            Some(value),
            "{name}::{value:?}: from_id reads its id"
        );
        assert_eq!(
            value.index(),
            ids.len(),
            "{name}::{value:?}: its place in ALL"
        );
        assert!(!ids.contains(&id), "{name}: id {id:?} used twice");
        ids.push(id);
    }
    assert_eq!(
        T::from_id("no-such-id"),
        None,
        "{name}: an unknown id is none"
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn every_stable_id_is_its_serde_form() {
    one_string_form("City", City::ALL);
    one_string_form("Bank", Bank::ALL);
    one_string_form("Business", Business::ALL);
    one_string_form("Channel", Channel::ALL);
    one_string_form("Service", Service::ALL);
    one_string_form("Actor", Actor::ALL);
    one_string_form("ApplicantGroup", ApplicantGroup::ALL);
    one_string_form("PickupMethod", PickupMethod::ALL);
    one_string_form("PickupChoice", PickupChoice::ALL);
    one_string_form("OfferCondition", OfferCondition::ALL);
    one_string_form("ReplacementReason", ReplacementReason::ALL);
    one_string_form("ReplacementBlock", ReplacementBlock::ALL);
    one_string_form("ReplacementNote", ReplacementNote::ALL);
    one_string_form("NoticeKind", NoticeKind::ALL);
    one_string_form("NoticeCategory", NoticeCategory::ALL);
    one_string_form("NoticeLanguage", NoticeLanguage::ALL);
    one_string_form("Occupation", Occupation::ALL);
    one_string_form("CardHeld", CardHeld::ALL);
    one_string_form("GuardianshipProof", GuardianshipProof::ALL);
    one_string_form("YesNo", YesNo::ALL);
    one_string_form("UninsuredGroup", UninsuredGroup::ALL);
    one_string_form("Residence", Residence::ALL);
    one_string_form("ProblemCode", ProblemCode::ALL);
    one_string_form("NumericParam", NumericParam::ALL);
    one_string_form("SocialState", SocialState::ALL);
    one_string_form("FinancialState", FinancialState::ALL);
    one_string_form("Outcome", Outcome::ALL);
    one_string_form("Phase", Phase::ALL);
    one_string_form("CourierFee", CourierFee::ALL);
    one_string_form("Permission", Permission::ALL);
    one_string_form("ActorCondition", ActorCondition::ALL);
    one_string_form("WhereNote", WhereNote::ALL);
    one_string_form("StepKind", StepKind::ALL);
}

//! Words for the rule engine's eligibility codes. The engine decides; this only says it.

use sscard_rules::{Alternative, ApplicantGroup, Basis, Channel, Reason};

use crate::format;
use crate::i18n::Fill;
use crate::i18n::{Locale, Texts};
use crate::policy_text::fill_params_here;

/// The name of an eligibility category.
pub fn basis(t: &'static Texts, basis: Basis) -> String {
    let j = t.journey();
    let name = match basis {
        Basis::E1InsuredInCity => j.basis_e1,
        Basis::E2CivilAffairsElderlyHukou => j.basis_e2,
        Basis::E3CivilAffairsElderlyResident => j.basis_e3,
        Basis::E4CivilAffairsSupport => j.basis_e4,
        Basis::E5VeteranAffairs => j.basis_e5,
        Basis::E6OtherPublicService => j.basis_e6,
        Basis::ShanghaiHukouOrInsured => j.basis_shanghai,
        Basis::UrumqiInsured => j.basis_urumqi,
    };
    fill_params_here(name)
}

/// One reason in plain words, with the policy's ages filled for the journey's city.
pub fn reason(t: &'static Texts, locale: Locale, reason: &Reason) -> String {
    fill_params_here(&reason_words(t, locale, reason))
}

/// [`reason`] before its policy placeholders are filled.
fn reason_words(t: &'static Texts, locale: Locale, reason: &Reason) -> String {
    let j = t.journey();
    let c = t.cities();
    let date = |d| format::date(locale, d);
    match reason {
        Reason::Qualifies { basis: b } => j.reason_qualifies.fill("basis", &basis(t, *b)),
        Reason::NeedsVerification { basis: b } => {
            j.reason_needs_verification.fill("basis", &basis(t, *b))
        }
        Reason::ElderlyAgeNotReached { reached_on } => {
            j.reason_elderly_age.fill("date", &date(*reached_on))
        }
        Reason::ResidencePermitMissing => j.reason_permit_missing.into(),
        Reason::NoCategory => j.reason_no_category.into(),
        Reason::NotCoveredBySources => j.reason_not_covered.into(),
        Reason::BirthAfterDate => j.reason_birth_after.into(),
        Reason::MinorNeedsGuardian { adult_from } => {
            j.reason_minor.fill("date", &date(*adult_from))
        }
        Reason::GuardianNotAdult { adult_from } => {
            j.reason_guardian_not_adult.fill("date", &date(*adult_from))
        }
        Reason::ChildNotMinor { adult_since } => {
            j.reason_child_not_minor.fill("date", &date(*adult_since))
        }
        Reason::GuardianDetailsMissing => j.reason_guardian_missing.into(),
        Reason::GuardianshipProofMissing => j.reason_proof_missing.into(),
        Reason::AgentNotAllowed => j.reason_agent_not_allowed.into(),
        Reason::AgentAuthorisationMissing => j.reason_agent_authorisation.into(),
        Reason::AgentOnlyAfterDeath => j.reason_agent_after_death.into(),
        Reason::EmployerAppliesCollectively => j.reason_employer.into(),
        Reason::CollectiveApplicationClosed => j.reason_collective_closed.into(),
        Reason::IndividualApplicationClosed => j.reason_individual_closed.into(),
        Reason::OrganisedByGroup => j.reason_by_group.into(),
        Reason::PermissionNotStated => j.reason_not_stated.into(),
        Reason::ChannelForGroup { group } => match group {
            ApplicantGroup::Retired => c.reason_group_retired,
            ApplicantGroup::Employed => c.reason_group_employed,
            ApplicantGroup::Pupil => c.reason_group_pupil,
            ApplicantGroup::Other => c.reason_group_other,
        }
        .into(),
        Reason::OnlineForRemoteResidentsOnly => c.reason_remote_only.into(),
        Reason::RemoteModuleReplacesCards => c.reason_remote_card.into(),
    }
}

/// One thing the person can do instead, in plain words.
pub fn alternative(t: &'static Texts, locale: Locale, alternative: &Alternative) -> String {
    let j = t.journey();
    let c = t.cities();
    match alternative {
        Alternative::AskAtServicePoint => j.alt_ask.into(),
        Alternative::WaitUntil { date } => j.alt_wait.fill("date", &format::date(locale, *date)),
        Alternative::GetResidencePermit => j.alt_permit.into(),
        Alternative::GuardianActs => j.alt_guardian.into(),
        Alternative::HolderActs => j.alt_holder.into(),
        Alternative::BringWrittenAuthorisation => j.alt_authorisation.into(),
        Alternative::BringGuardianshipProof => j.alt_proof.into(),
        Alternative::EmployerCollectiveApplication => j.alt_employer.into(),
        Alternative::GoTo { channel } => match channel {
            Channel::BankBranch | Channel::InstantBranch => c.alt_go_bank,
            Channel::EmployerBatch => j.alt_employer,
            Channel::CommunityCentre => c.alt_go_community,
            _ => j.alt_ask,
        }
        .into(),
    }
}

//! Eligibility: may this person get a card, and may this actor act for them?
//!
//! Beijing follows the categories of 002 Q4 (E1 insured; E2/E3 civil-affairs elderly from
//! 59 years 6 months, E3 with a residence permit; E4 assistance, E5 veterans, E6 other), with
//! minors acting through a guardian (Q38 L241) and agents limited to the Q38 list (D5).
//! Outcomes (D17): E1–E3 are `Eligible` on the person's own declaration; E4–E6 depend on
//! another agency's records and give `NeedsInPersonCheck`; no category gives `NotEligible`
//! with the Q4 L43 advice to ask at a service point. Ages are taken on the application date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::channels::{self, Permission};
use crate::citation::Citation;
use crate::dates;
use crate::ids::{Actor, ApplicantGroup, Channel, City, Service};
use crate::policy::{self, NumericParam, Phase, PolicyError};
use crate::sources as src;
use crate::trace::{Explained, Trace, TraceStep};
use crate::validate::{GuardianError, check_guardianship};

/// Facts about the guardian when a guardian acts for a minor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuardianFacts {
    /// The guardian's birth date (from their ID number).
    pub birth_date: NaiveDate,
    /// Whether proof of guardianship (household register, birth certificate…) is at hand.
    #[serde(default)]
    pub proof_of_guardianship: bool,
}

/// What a person declares about the card holder's insurance, registration and group (002 Q4,
/// catalogue E1–E6): the part of [`EligibilityInput`] the application's wire declaration
/// (`wire::EligibilityDeclaration`) carries as it is. Every boolean defaults to `false`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EligibilityFacts {
    /// Insured in the city (E1, Q4 L29; Shanghai and Urumqi too).
    #[serde(default)]
    pub insured_in_city: bool,
    /// Holds the city's household registration (户籍, E2).
    #[serde(default)]
    pub local_hukou: bool,
    /// Holds a valid residence permit of the city (居住证, E3).
    #[serde(default)]
    pub residence_permit: bool,
    /// Receives civil-affairs old-age benefits (E2/E3, Q4 L33–L35).
    #[serde(default)]
    pub civil_affairs_pension: bool,
    /// Belongs to a civil-affairs allowance, subsidy, assistance or preferential group (E4).
    #[serde(default)]
    pub civil_affairs_support: bool,
    /// Belongs to a veterans'-affairs group (E5).
    #[serde(default)]
    pub veteran_affairs: bool,
    /// Another public-service group (E6).
    #[serde(default)]
    pub other_public_service: bool,
}

/// What the person declares. Booleans default to `false` in JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EligibilityInput {
    /// The city.
    pub city: City,
    /// The application date; ages are taken on it.
    pub on: NaiveDate,
    /// The card holder's (applicant's) birth date.
    pub birth_date: NaiveDate,
    /// The service asked for (usually [`Service::Apply`]).
    pub service: Service,
    /// Who acts.
    pub actor: Actor,
    /// Insured, registered or in a group: what the person declares (E1–E6).
    #[serde(flatten)]
    pub facts: EligibilityFacts,
    /// The guardian, when `actor` is [`Actor::Guardian`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guardian: Option<GuardianFacts>,
    /// Whether an agent holds the holder's written authorisation.
    #[serde(default)]
    pub agent_authorised: bool,
    /// The holder's group, where the city serves each group on its own channel (Shanghai).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<ApplicantGroup>,
    /// Lives long-term away from the city (Urumqi: outside Xinjiang or elsewhere in it).
    #[serde(default)]
    pub lives_elsewhere: bool,
    /// Holds a social security card of an earlier generation (what a replacement replaces).
    #[serde(default)]
    pub holds_card: bool,
}

crate::ids::stable_ids! {
    /// The verdict.
    pub enum Outcome {
        /// Not eligible (with what to do instead).
        NotEligible = "not_eligible",
        /// Only a service point can decide.
        NeedsInPersonCheck = "needs_in_person_check",
        /// Eligible, on another channel than this online application (the city's rule for
        /// this person; [`Alternative::GoTo`] names it).
        OtherChannel = "other_channel",
        /// Eligible, and may apply online here.
        Eligible = "eligible",
    }
}

/// The category that makes the person eligible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// E1: insured in Beijing (Q4 L29).
    E1InsuredInCity,
    /// E2: Beijing-hukou elderly with civil-affairs old-age benefits (Q4 L33).
    E2CivilAffairsElderlyHukou,
    /// E3: non-hukou elderly with a residence permit (Q4 L35).
    E3CivilAffairsElderlyResident,
    /// E4: civil-affairs support groups (Q4 L37).
    E4CivilAffairsSupport,
    /// E5: veterans'-affairs groups (Q4 L39).
    E5VeteranAffairs,
    /// E6: other public-service groups (Q4 L41).
    E6OtherPublicService,
    /// Shanghai: hukou, or insured and from inside mainland China (003 L13).
    ShanghaiHukouOrInsured,
    /// Urumqi: insured (004 L3).
    UrumqiInsured,
}

/// A reason behind the verdict. Stable snake_case codes for i18n.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Reason {
    /// Qualifies under a category.
    Qualifies {
        /// The category.
        basis: Basis,
    },
    /// Declared a category only another agency can confirm.
    NeedsVerification {
        /// The category.
        basis: Basis,
    },
    /// Civil-affairs elderly: 59 years 6 months not reached yet.
    ElderlyAgeNotReached {
        /// The day the age is reached (D3).
        reached_on: NaiveDate,
    },
    /// Non-hukou elderly without a valid residence permit (E3).
    ResidencePermitMissing,
    /// No category declared.
    NoCategory,
    /// Not covered by the city's published rules.
    NotCoveredBySources,
    /// The birth date is after the application date.
    BirthAfterDate,
    /// The holder is under 18: a guardian acts (Q38 L241, D21).
    MinorNeedsGuardian {
        /// The day the holder turns 18.
        adult_from: NaiveDate,
    },
    /// The guardian is under 18.
    GuardianNotAdult {
        /// The day the guardian turns 18.
        adult_from: NaiveDate,
    },
    /// The child is 18 or older and acts alone.
    ChildNotMinor {
        /// The day the child turned 18.
        adult_since: NaiveDate,
    },
    /// The guardian's details are missing.
    GuardianDetailsMissing,
    /// No proof of guardianship.
    GuardianshipProofMissing,
    /// An agent may not do this service (Q38 L237, D5).
    AgentNotAllowed,
    /// An agent needs the holder's written authorisation (Q38 L239).
    AgentAuthorisationMissing,
    /// An agent may cancel only after the holder's death (Q34, D5).
    AgentOnlyAfterDeath,
    /// An employer applies collectively, not as an individual (Q12).
    EmployerAppliesCollectively,
    /// Employers do not apply in this city (Urumqi: no batch changeover).
    CollectiveApplicationClosed,
    /// Individual applications are closed in this phase (Beijing pilot).
    IndividualApplicationClosed,
    /// Individuals are served group by group in this phase.
    OrganisedByGroup,
    /// The sources do not say whether this actor may do this.
    PermissionNotStated,
    /// The city serves this group on its own channel (Shanghai, 003 L17–L23).
    ChannelForGroup {
        /// The group.
        group: ApplicantGroup,
    },
    /// The city's online application serves only people living away from it (Urumqi, 004 L23).
    OnlineForRemoteResidentsOnly,
    /// The remote online module replaces a card; a first card is made at a bank (004 L23, D36).
    RemoteModuleReplacesCards,
}

impl Reason {
    /// Stable snake_case code (the `code` tag serde writes), e.g. `no_category`.
    pub const fn code(&self) -> &'static str {
        match self {
            Self::Qualifies { .. } => "qualifies",
            Self::NeedsVerification { .. } => "needs_verification",
            Self::ElderlyAgeNotReached { .. } => "elderly_age_not_reached",
            Self::ResidencePermitMissing => "residence_permit_missing",
            Self::NoCategory => "no_category",
            Self::NotCoveredBySources => "not_covered_by_sources",
            Self::BirthAfterDate => "birth_after_date",
            Self::MinorNeedsGuardian { .. } => "minor_needs_guardian",
            Self::GuardianNotAdult { .. } => "guardian_not_adult",
            Self::ChildNotMinor { .. } => "child_not_minor",
            Self::GuardianDetailsMissing => "guardian_details_missing",
            Self::GuardianshipProofMissing => "guardianship_proof_missing",
            Self::AgentNotAllowed => "agent_not_allowed",
            Self::AgentAuthorisationMissing => "agent_authorisation_missing",
            Self::AgentOnlyAfterDeath => "agent_only_after_death",
            Self::EmployerAppliesCollectively => "employer_applies_collectively",
            Self::CollectiveApplicationClosed => "collective_application_closed",
            Self::IndividualApplicationClosed => "individual_application_closed",
            Self::OrganisedByGroup => "organised_by_group",
            Self::PermissionNotStated => "permission_not_stated",
            Self::ChannelForGroup { .. } => "channel_for_group",
            Self::OnlineForRemoteResidentsOnly => "online_for_remote_residents_only",
            Self::RemoteModuleReplacesCards => "remote_module_replaces_cards",
        }
    }

    /// Whether the reason stands in the way (or needs a check), as opposed to the informational
    /// [`Reason::Qualifies`] and [`Reason::OrganisedByGroup`].
    pub const fn is_obstacle(&self) -> bool {
        !matches!(self, Self::Qualifies { .. } | Self::OrganisedByGroup)
    }
}

/// What the person can do instead. Stable snake_case codes for i18n.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Alternative {
    /// Ask at a card service point with an ID document (Q4 L43).
    AskAtServicePoint,
    /// Apply from this date.
    WaitUntil {
        /// The date.
        date: NaiveDate,
    },
    /// Obtain a residence permit of the city.
    GetResidencePermit,
    /// A guardian applies with proof of guardianship.
    GuardianActs,
    /// The holder acts in person.
    HolderActs,
    /// Bring the holder's written authorisation and both original IDs.
    BringWrittenAuthorisation,
    /// Bring proof of guardianship and both IDs.
    BringGuardianshipProof,
    /// The employer files a collective application.
    EmployerCollectiveApplication,
    /// Go to this channel, which serves this person (see the reasons for why).
    GoTo {
        /// The channel.
        channel: Channel,
    },
}

impl Alternative {
    /// Stable snake_case code (the `code` tag serde writes), e.g. `ask_at_service_point`.
    pub const fn code(&self) -> &'static str {
        match self {
            Self::AskAtServicePoint => "ask_at_service_point",
            Self::WaitUntil { .. } => "wait_until",
            Self::GetResidencePermit => "get_residence_permit",
            Self::GuardianActs => "guardian_acts",
            Self::HolderActs => "holder_acts",
            Self::BringWrittenAuthorisation => "bring_written_authorisation",
            Self::BringGuardianshipProof => "bring_guardianship_proof",
            Self::EmployerCollectiveApplication => "employer_collective_application",
            Self::GoTo { .. } => "go_to",
        }
    }
}

/// The eligibility verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Eligibility {
    /// The verdict.
    pub outcome: Outcome,
    /// The category that qualifies, if any.
    pub basis: Option<Basis>,
    /// Reasons, in evaluation order.
    pub reasons: Vec<Reason>,
    /// What to do instead (or as well).
    pub alternatives: Vec<Alternative>,
    /// Every source used.
    pub citations: Vec<Citation>,
}

struct Acc {
    outcome: Outcome,
    basis: Option<Basis>,
    reasons: Vec<Reason>,
    alternatives: Vec<Alternative>,
    citations: Vec<Citation>,
    trace: Trace,
}

impl Acc {
    fn cap(&mut self, o: Outcome) {
        self.outcome = self.outcome.min(o);
    }
    fn alt(&mut self, a: Alternative) {
        if !self.alternatives.contains(&a) {
            self.alternatives.push(a);
        }
    }
    fn step(&mut self, step: TraceStep) {
        for c in &step.citations {
            if !self.citations.contains(c) {
                self.citations.push(c.clone());
            }
        }
        self.trace.push(step);
    }
}

/// Evaluates eligibility, with a trace.
///
/// Fails only when the date is before the city's rules existed.
pub fn evaluate_eligibility(
    input: &EligibilityInput,
) -> Result<Explained<Eligibility>, PolicyError> {
    let mut acc = Acc {
        outcome: Outcome::Eligible,
        basis: None,
        reasons: Vec::new(),
        alternatives: Vec::new(),
        citations: Vec::new(),
        trace: Trace::new(),
    };
    let phase = policy::phase(input.city, input.on)?;
    if input.birth_date > input.on {
        acc.cap(Outcome::NotEligible);
        acc.reasons.push(Reason::BirthAfterDate);
        acc.step(
            TraceStep::new(
                "eligibility.birth_date",
                "Birth date not after the application date",
            )
            .input("birth_date", input.birth_date)
            .input("on", input.on)
            .cite(Citation::decision("D21"))
            .outcome("birth date is after the application date"),
        );
        return Ok(finish(acc));
    }
    check_actor(input, &mut acc)?;
    if matches!(input.service, Service::Apply | Service::CollectiveApply) {
        check_phase(input, phase.value, &mut acc)?;
        match input.city {
            City::Beijing => beijing_categories(input, &mut acc)?,
            City::Shanghai => {
                let qualifies = simple_city(
                    &mut acc,
                    input.facts.local_hukou || input.facts.insured_in_city,
                    Basis::ShanghaiHukouOrInsured,
                    src::SH_HUKOU_OR_INSURED,
                );
                if qualifies {
                    shanghai_channel(input, &mut acc);
                }
            }
            City::Urumqi => {
                let qualifies = simple_city(
                    &mut acc,
                    input.facts.insured_in_city,
                    Basis::UrumqiInsured,
                    src::UR_INSURED,
                );
                if qualifies {
                    urumqi_channel(input, &mut acc);
                }
            }
        }
    }
    Ok(finish(acc))
}

fn finish(acc: Acc) -> Explained<Eligibility> {
    Explained {
        result: Eligibility {
            outcome: acc.outcome,
            basis: acc.basis,
            reasons: acc.reasons,
            alternatives: acc.alternatives,
            citations: acc.citations,
        },
        trace: acc.trace,
    }
}

fn check_actor(input: &EligibilityInput, acc: &mut Acc) -> Result<(), PolicyError> {
    let minor_years = policy::param_u32(input.city, NumericParam::MinorAgeYears, input.on)?;
    let adult_from = dates::anniversary(input.birth_date, minor_years.value, 0);
    let is_minor = adult_from.is_none_or(|a| input.on < a);
    let permission = channels::actor_permission(input.city, input.service, input.actor, input.on)?;
    let mut step = TraceStep::new("eligibility.actor", "Who acts for the holder")
        .input("actor", input.actor)
        .input("service", input.service)
        .input("birth_date", input.birth_date)
        .param("minor_age_years", &minor_years);
    for c in &permission.citations {
        step = step.cite(c.clone());
    }
    match input.actor {
        Actor::Holder if is_minor && input.service == Service::Apply => {
            acc.cap(Outcome::NotEligible);
            acc.reasons.push(Reason::MinorNeedsGuardian {
                adult_from: adult_from.unwrap_or(NaiveDate::MAX),
            });
            acc.alt(Alternative::GuardianActs);
            step = step
                .cite(src::Q38_GUARDIAN)
                .cite(Citation::decision("D21"))
                .outcome("holder under 18: a guardian applies");
        }
        Actor::Guardian => match &input.guardian {
            None => {
                acc.cap(Outcome::NotEligible);
                acc.reasons.push(Reason::GuardianDetailsMissing);
                acc.alt(Alternative::BringGuardianshipProof);
                step = step.outcome("guardian details missing");
            }
            Some(g) => {
                step = step
                    .input("guardian_birth_date", g.birth_date)
                    .input("proof_of_guardianship", g.proof_of_guardianship)
                    .cite(src::Q38_GUARDIAN)
                    .cite(Citation::decision("D21"));
                match check_guardianship(g.birth_date, input.birth_date, input.on) {
                    Ok(()) => {}
                    Err(GuardianError::NotAdult { adult_from }) => {
                        acc.cap(Outcome::NotEligible);
                        acc.reasons.push(Reason::GuardianNotAdult { adult_from });
                    }
                    Err(GuardianError::ChildNotMinor { adult_since }) => {
                        acc.cap(Outcome::NotEligible);
                        acc.reasons.push(Reason::ChildNotMinor { adult_since });
                        acc.alt(Alternative::HolderActs);
                    }
                    Err(GuardianError::BirthAfterDate) => {
                        acc.cap(Outcome::NotEligible);
                        acc.reasons.push(Reason::BirthAfterDate);
                    }
                }
                if !g.proof_of_guardianship {
                    acc.cap(Outcome::NotEligible);
                    acc.reasons.push(Reason::GuardianshipProofMissing);
                    acc.alt(Alternative::BringGuardianshipProof);
                }
                step = step.outcome(format!("guardian checks: {:?}", acc.outcome));
            }
        },
        Actor::Agent => match permission.permission {
            Permission::NotAllowed => {
                acc.cap(Outcome::NotEligible);
                acc.reasons.push(Reason::AgentNotAllowed);
                acc.alt(if is_minor {
                    Alternative::GuardianActs
                } else {
                    Alternative::HolderActs
                });
                step = step
                    .cite(src::Q38_AGENT)
                    .cite(Citation::decision("D5"))
                    .outcome("agent may not do this service");
            }
            Permission::Conditional => {
                acc.cap(Outcome::NeedsInPersonCheck);
                acc.reasons.push(Reason::AgentOnlyAfterDeath);
                step = step.outcome("agent only after the holder's death");
            }
            Permission::NotStated => {
                acc.cap(Outcome::NeedsInPersonCheck);
                acc.reasons.push(Reason::PermissionNotStated);
                acc.alt(Alternative::AskAtServicePoint);
                step = step.outcome("not stated");
            }
            Permission::Allowed if !input.agent_authorised => {
                acc.cap(Outcome::NotEligible);
                acc.reasons.push(Reason::AgentAuthorisationMissing);
                acc.alt(Alternative::BringWrittenAuthorisation);
                step = step
                    .cite(src::Q38_AGENT_DOCS)
                    .outcome("agent needs written authorisation");
            }
            Permission::Allowed => step = step.outcome("agent allowed"),
        },
        Actor::Employer => match (input.service, permission.permission) {
            (Service::Apply, _) => {
                acc.cap(Outcome::NotEligible);
                acc.reasons.push(Reason::EmployerAppliesCollectively);
                acc.alt(Alternative::EmployerCollectiveApplication);
                step = step
                    .cite(src::Q12_COLLECTIVE)
                    .outcome("employers apply collectively");
            }
            (_, Permission::NotAllowed) => {
                acc.cap(Outcome::NotEligible);
                acc.reasons.push(Reason::CollectiveApplicationClosed);
                step = step.outcome("employer may not");
            }
            (_, Permission::NotStated) => {
                acc.cap(Outcome::NeedsInPersonCheck);
                acc.reasons.push(Reason::PermissionNotStated);
                step = step.outcome("not stated");
            }
            _ => step = step.outcome("employer allowed"),
        },
        Actor::Holder => match permission.permission {
            Permission::NotAllowed if input.service != Service::Apply => {
                acc.cap(Outcome::NotEligible);
                acc.reasons.push(Reason::EmployerAppliesCollectively);
                step = step.outcome("not a holder's service");
            }
            Permission::NotStated => {
                acc.cap(Outcome::NeedsInPersonCheck);
                acc.reasons.push(Reason::PermissionNotStated);
                acc.alt(Alternative::AskAtServicePoint);
                step = step.outcome("not stated");
            }
            _ => step = step.outcome("holder acts"),
        },
    }
    acc.step(step);
    Ok(())
}

fn check_phase(input: &EligibilityInput, phase: Phase, acc: &mut Acc) -> Result<(), PolicyError> {
    if input.actor == Actor::Employer || input.service != Service::Apply {
        return Ok(());
    }
    let open = policy::individual_application_open(input.city, input.on)?;
    let mut step = TraceStep::new("eligibility.phase", "Individual applications in this phase")
        .input("on", input.on)
        .param("individual_application_open", &open);
    if !open.value {
        acc.cap(Outcome::NotEligible);
        acc.reasons.push(Reason::IndividualApplicationClosed);
        acc.alt(Alternative::EmployerCollectiveApplication);
        step = step.outcome("closed to individuals");
    } else if phase == Phase::MassChangeover {
        acc.reasons.push(Reason::OrganisedByGroup);
        step = step.outcome("open, organised group by group");
    } else {
        step = step.outcome("open");
    }
    acc.step(step);
    Ok(())
}

/// The city's eligibility rule where it has one category; whether the person qualifies.
fn simple_city(acc: &mut Acc, qualifies: bool, basis: Basis, cite: Citation) -> bool {
    let step = TraceStep::new("eligibility.city", "City eligibility rule").cite(cite);
    if qualifies {
        acc.basis = Some(basis);
        acc.reasons.push(Reason::Qualifies { basis });
        acc.step(step.outcome("qualifies"));
    } else {
        // The seeds do not cover anyone else (catalogue §3.2–3.3): only a counter can say.
        acc.cap(Outcome::NeedsInPersonCheck);
        acc.reasons.push(Reason::NotCoveredBySources);
        acc.alt(Alternative::AskAtServicePoint);
        acc.step(
            step.cite(Citation::decision("D15"))
                .outcome("not covered by the published rules"),
        );
    }
    qualifies
}

/// Sends the person to another channel: eligible, but not for this online application.
fn other_channel(acc: &mut Acc, reason: Reason, channel: Channel, step: TraceStep) {
    acc.cap(Outcome::OtherChannel);
    acc.reasons.push(reason);
    acc.alt(Alternative::GoTo { channel });
    acc.step(step.outcome(format!("apply at {channel}")));
}

/// Shanghai serves each group on its own channel during the changeover (003 L17–L23, D36): the
/// online platform is for parents changing a pupil's or young child's card (L23); a first card,
/// or a lost one, is made at a community centre (L17); retirees go to a service bank's branch
/// (L19) and staff through their employer (L21). No group given counts as none of these: with a
/// card to change, the sources do not cover them; without one, it is a first card.
fn shanghai_channel(input: &EligibilityInput, acc: &mut Acc) {
    let group = input.group.unwrap_or(ApplicantGroup::Other);
    let step = TraceStep::new("sh.eligibility.group", "Shanghai: each group its channel")
        .input("group", group)
        .input("actor", input.actor)
        .input("holds_card", input.holds_card)
        .cite(Citation::decision("D36"));
    let first_card = || {
        (
            Reason::ChannelForGroup {
                group: ApplicantGroup::Other,
            },
            Channel::CommunityCentre,
            src::SH_COMMUNITY,
        )
    };
    let (reason, channel, cite) = match group {
        _ if !input.holds_card => first_card(),
        ApplicantGroup::Pupil if input.actor == Actor::Guardian => {
            acc.step(step.cite(src::SH_PUPIL).outcome("online, by a parent"));
            return;
        }
        // A pupil applying alone: the platform is the parents'; a counter decides.
        ApplicantGroup::Pupil => (
            Reason::ChannelForGroup { group },
            Channel::CommunityCentre,
            src::SH_PUPIL,
        ),
        ApplicantGroup::Retired => (
            Reason::ChannelForGroup { group },
            Channel::BankBranch,
            src::SH_RETIRED,
        ),
        ApplicantGroup::Employed => (
            Reason::ChannelForGroup { group },
            Channel::EmployerBatch,
            src::SH_EMPLOYED,
        ),
        ApplicantGroup::Other => {
            acc.cap(Outcome::NeedsInPersonCheck);
            acc.reasons.push(Reason::NotCoveredBySources);
            acc.alt(Alternative::AskAtServicePoint);
            acc.step(
                step.cite(src::SH_COMMUNITY)
                    .cite(Citation::decision("D15"))
                    .outcome("changing a card outside the three groups: not covered"),
            );
            return;
        }
    };
    other_channel(acc, reason, channel, step.cite(cite));
}

/// Urumqi makes cards at its bank service points on the spot (004 L5); its online module
/// replaces the card of people living away, sent by EMS (L23–L24). A first card is made at a
/// bank (D36).
fn urumqi_channel(input: &EligibilityInput, acc: &mut Acc) {
    let step = TraceStep::new(
        "ur.eligibility.remote",
        "Urumqi: online for remote residents",
    )
    .input("lives_elsewhere", input.lives_elsewhere)
    .input("holds_card", input.holds_card)
    .cite(src::UR_REMOTE)
    .cite(src::UR_AT_BANK);
    if !input.lives_elsewhere {
        other_channel(
            acc,
            Reason::OnlineForRemoteResidentsOnly,
            Channel::BankBranch,
            step,
        );
    } else if !input.holds_card {
        other_channel(
            acc,
            Reason::RemoteModuleReplacesCards,
            Channel::BankBranch,
            step.cite(Citation::decision("D36")),
        );
    } else {
        acc.step(step.outcome("online, remote resident replacing a card"));
    }
}

fn beijing_categories(input: &EligibilityInput, acc: &mut Acc) -> Result<(), PolicyError> {
    // The best category wins; the others' reasons are kept for the explanation.
    let mut best = Outcome::NotEligible;
    let mut basis = None;
    let e1 = TraceStep::new("bj.eligibility.e1", "E1: insured in Beijing")
        .input("insured_in_city", input.facts.insured_in_city)
        .cite(src::Q4_E1);
    if input.facts.insured_in_city {
        best = Outcome::Eligible;
        basis = Some(Basis::E1InsuredInCity);
        acc.reasons.push(Reason::Qualifies {
            basis: Basis::E1InsuredInCity,
        });
        acc.step(e1.outcome("eligible"));
    } else {
        acc.step(
            e1.cite(src::Q4_NOT_INSURED)
                .outcome("not insured: other categories apply"),
        );
    }
    if !input.facts.insured_in_city && input.facts.civil_affairs_pension {
        let months = policy::param_u32(City::Beijing, NumericParam::ElderlyAgeMonths, input.on)?;
        let reached_on = dates::add_months(input.birth_date, months.value);
        let reached = reached_on.is_some_and(|r| input.on >= r);
        let age = dates::age_on(input.birth_date, input.on);
        let mut step = TraceStep::new(
            "bj.eligibility.e2_e3",
            "E2/E3: civil-affairs elderly from 59 years 6 months",
        )
        .input("birth_date", input.birth_date)
        .input("on", input.on)
        .input("age", age.map_or_else(|| "-".to_owned(), |a| a.to_string()))
        .input("local_hukou", input.facts.local_hukou)
        .input("residence_permit", input.facts.residence_permit)
        .param("elderly_age_months", &months)
        .cite(src::Q4_E2)
        .cite(src::Q4_E3)
        .cite(Citation::decision("D3"));
        if !reached {
            let date = reached_on.unwrap_or(NaiveDate::MAX);
            acc.reasons
                .push(Reason::ElderlyAgeNotReached { reached_on: date });
            acc.alt(Alternative::WaitUntil { date });
            step = step.outcome(format!("age not reached; reached on {date}"));
        } else if input.facts.local_hukou {
            best = Outcome::Eligible;
            basis = basis.or(Some(Basis::E2CivilAffairsElderlyHukou));
            acc.reasons.push(Reason::Qualifies {
                basis: Basis::E2CivilAffairsElderlyHukou,
            });
            step = step.outcome("eligible under E2");
        } else if input.facts.residence_permit {
            best = Outcome::Eligible;
            basis = basis.or(Some(Basis::E3CivilAffairsElderlyResident));
            acc.reasons.push(Reason::Qualifies {
                basis: Basis::E3CivilAffairsElderlyResident,
            });
            step = step.outcome("eligible under E3");
        } else {
            acc.reasons.push(Reason::ResidencePermitMissing);
            acc.alt(Alternative::GetResidencePermit);
            step = step.outcome("E3 needs a valid Beijing residence permit");
        }
        acc.step(step);
    }
    if !input.facts.insured_in_city {
        let declared = [
            (
                input.facts.civil_affairs_support,
                Basis::E4CivilAffairsSupport,
                src::Q4_E4,
            ),
            (
                input.facts.veteran_affairs,
                Basis::E5VeteranAffairs,
                src::Q4_E5,
            ),
            (
                input.facts.other_public_service,
                Basis::E6OtherPublicService,
                src::Q4_E6,
            ),
        ];
        for (flag, b, cite) in declared {
            if flag {
                best = best.max(Outcome::NeedsInPersonCheck);
                if best == Outcome::NeedsInPersonCheck {
                    basis = basis.or(Some(b));
                }
                acc.reasons.push(Reason::NeedsVerification { basis: b });
                acc.alt(Alternative::AskAtServicePoint);
                acc.step(
                    TraceStep::new(
                        "bj.eligibility.e4_e6",
                        "E4–E6: status set by another agency",
                    )
                    .input("category", format!("{b:?}"))
                    .cite(cite)
                    .cite(Citation::decision("D17"))
                    .outcome("confirmed at a service point"),
                );
            }
        }
    }
    if best == Outcome::NotEligible {
        if !acc.reasons.iter().any(|r| {
            matches!(
                r,
                Reason::ElderlyAgeNotReached { .. } | Reason::ResidencePermitMissing
            )
        }) {
            acc.reasons.push(Reason::NoCategory);
        }
        acc.alt(Alternative::AskAtServicePoint);
        acc.step(
            TraceStep::new("bj.eligibility.none", "No category applies")
                .cite(src::Q4_ASK)
                .cite(Citation::decision("D17"))
                .outcome("not eligible; ask at a service point"),
        );
    }
    if best == Outcome::Eligible {
        // Eligible on its own merits: a category that needs checking does not weaken it.
        acc.alternatives
            .retain(|a| *a != Alternative::AskAtServicePoint);
    }
    acc.basis = if best == Outcome::NotEligible {
        None
    } else {
        basis
    };
    acc.cap(best);
    Ok(())
}

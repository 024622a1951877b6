//! Texts of the application journey, one `static` per locale.

locale_modules!("journey");

pub use en::JOURNEY as EN;
pub use zh_hans::JOURNEY as ZH_HANS;
pub use zh_hant::JOURNEY as ZH_HANT;

use serde::Serialize;

use super::{Locale, Texts};

impl Texts {
    /// The journey's texts in this locale. Only the journey's pages (and components they alone
    /// show) call this, so the zh-Hans texts travel with those pages' wasm parts instead of every
    /// first load; the other locales' come with their own part (see `parts.rs`).
    pub fn journey(&self) -> &'static JourneyTexts {
        match self.locale {
            Locale::ZhHans => &ZH_HANS,
            other => super::parts::loaded(other).map_or(&ZH_HANS, |tables| tables.journey),
        }
    }
}

/// Every visible text of the application journey in one language. `{n}`, `{date}`, `{basis}`,
/// `{mobile}`, `{code}`, `{sex}`, `{hours}` and `{years}` are replaced when shown. (`Serialize`:
/// see [`Texts`](super::Texts).)
#[derive(Debug, Serialize)]
pub struct JourneyTexts {
    /// The Continue button of every question page.
    pub continue_button: &'static str,
    /// Yes.
    pub yes: &'static str,
    /// No.
    pub no: &'static str,
    /// Summary of the expandable explanation.
    pub why_summary: &'static str,
    /// Label before a citation.
    pub source_label: &'static str,
    /// A line of a source file.
    pub line_label: &'static str,
    /// A citation of DECISIONS.md.
    pub decision_label: &'static str,
    /// Year field label.
    pub date_year: &'static str,
    /// Month field label.
    pub date_month: &'static str,
    /// Day field label.
    pub date_day: &'static str,
    /// Hint under a date of birth.
    pub date_hint: &'static str,
    /// Date: nothing typed.
    pub date_empty: &'static str,
    /// Date: a field missing.
    pub date_incomplete: &'static str,
    /// Date: not digits.
    pub date_format: &'static str,
    /// Date: e.g. 30 February.
    pub date_not_real: &'static str,
    /// Date: in the future.
    pub date_in_future: &'static str,
    /// Who-is-applying question.
    pub who_title: &'static str,
    /// Choice: oneself.
    pub who_self: &'static str,
    /// Choice: guardian.
    pub who_guardian: &'static str,
    /// Hint for the guardian choice.
    pub who_guardian_hint: &'static str,
    /// Choice: agent.
    pub who_agent: &'static str,
    /// Hint for the agent choice.
    pub who_agent_hint: &'static str,
    /// Who: nothing chosen.
    pub who_error: &'static str,
    /// Birth date question, oneself.
    pub birth_title_self: &'static str,
    /// Birth date question, guardian.
    pub birth_title_child: &'static str,
    /// Birth date question, agent.
    pub birth_title_agent: &'static str,
    /// Guardian page heading.
    pub guardian_title: &'static str,
    /// Guardian's birth date legend.
    pub guardian_birth_legend: &'static str,
    /// Guardianship proof question.
    pub guardian_proof_legend: &'static str,
    /// Hint for the proof question.
    pub guardian_proof_hint: &'static str,
    /// Proof: nothing chosen.
    pub guardian_proof_error: &'static str,
    /// Card held question.
    pub card_title: &'static str,
    /// Choice: none.
    pub card_none: &'static str,
    /// Choice: older card.
    pub card_older: &'static str,
    /// Hint for the older card.
    pub card_older_hint: &'static str,
    /// Choice: third generation.
    pub card_third: &'static str,
    /// Card: nothing chosen.
    pub card_error: &'static str,
    /// Insured question, by `City` id.
    pub insured_title: super::Names<sscard_rules::City>,
    /// Insured hint.
    pub insured_hint: &'static str,
    /// Insured: nothing chosen (`{city}`).
    pub insured_error: &'static str,
    /// Category question.
    pub category_title: &'static str,
    /// Category E2/E3.
    pub category_pension: &'static str,
    /// Category E4.
    pub category_support: &'static str,
    /// Category E5.
    pub category_veteran: &'static str,
    /// Category E6.
    pub category_other: &'static str,
    /// Category: none.
    pub category_none: &'static str,
    /// Category: nothing chosen.
    pub category_error: &'static str,
    /// Residence question.
    pub residence_title: &'static str,
    /// Choice: hukou (`{city}`).
    pub residence_hukou: &'static str,
    /// Choice: permit (`{city}`).
    pub residence_permit: &'static str,
    /// Choice: neither.
    pub residence_neither: &'static str,
    /// Residence: nothing chosen.
    pub residence_error: &'static str,
    /// Result: eligible.
    pub result_eligible_title: &'static str,
    /// Result: in-person check.
    pub result_check_title: &'static str,
    /// Result: not eligible.
    pub result_not_title: &'static str,
    /// Result: reasons heading.
    pub result_reasons_heading: &'static str,
    /// Result: alternatives heading.
    pub result_alternatives_heading: &'static str,
    /// Result: continue into the application.
    pub result_apply_button: &'static str,
    /// Result: start the check again.
    pub result_restart: &'static str,
    /// Result note: already holds a 3rd-generation card.
    pub result_third_card: &'static str,
    /// After `result_third_card`, where the city's policy gives them: how long a replacement
    /// takes (`{replacement_working_days}`).
    pub result_third_card_times: &'static str,
    /// Basis E1.
    pub basis_e1: &'static str,
    /// Basis E2.
    pub basis_e2: &'static str,
    /// Basis E3.
    pub basis_e3: &'static str,
    /// Basis E4.
    pub basis_e4: &'static str,
    /// Basis E5.
    pub basis_e5: &'static str,
    /// Basis E6.
    pub basis_e6: &'static str,
    /// Basis Shanghai.
    pub basis_shanghai: &'static str,
    /// Basis Urumqi.
    pub basis_urumqi: &'static str,
    /// Reason: qualifies.
    pub reason_qualifies: &'static str,
    /// Reason: needs verification.
    pub reason_needs_verification: &'static str,
    /// Reason: elderly age not reached.
    pub reason_elderly_age: &'static str,
    /// Reason: residence permit missing.
    pub reason_permit_missing: &'static str,
    /// Reason: no category.
    pub reason_no_category: &'static str,
    /// Reason: not covered.
    pub reason_not_covered: &'static str,
    /// Reason: birth after date.
    pub reason_birth_after: &'static str,
    /// Reason: minor needs guardian.
    pub reason_minor: &'static str,
    /// Reason: guardian not adult.
    pub reason_guardian_not_adult: &'static str,
    /// Reason: child not minor.
    pub reason_child_not_minor: &'static str,
    /// Reason: guardian details missing.
    pub reason_guardian_missing: &'static str,
    /// Reason: proof missing.
    pub reason_proof_missing: &'static str,
    /// Reason: agent not allowed.
    pub reason_agent_not_allowed: &'static str,
    /// Reason: authorisation missing.
    pub reason_agent_authorisation: &'static str,
    /// Reason: agent only after death.
    pub reason_agent_after_death: &'static str,
    /// Reason: employer applies collectively.
    pub reason_employer: &'static str,
    /// Reason: collective closed.
    pub reason_collective_closed: &'static str,
    /// Reason: individual closed.
    pub reason_individual_closed: &'static str,
    /// Reason: organised by group.
    pub reason_by_group: &'static str,
    /// Reason: permission not stated.
    pub reason_not_stated: &'static str,
    /// Alternative: ask at a service point.
    pub alt_ask: &'static str,
    /// Alternative: wait until.
    pub alt_wait: &'static str,
    /// Alternative: get a residence permit.
    pub alt_permit: &'static str,
    /// Alternative: guardian acts.
    pub alt_guardian: &'static str,
    /// Alternative: holder acts.
    pub alt_holder: &'static str,
    /// Alternative: written authorisation.
    pub alt_authorisation: &'static str,
    /// Alternative: guardianship proof.
    pub alt_proof: &'static str,
    /// Alternative: employer.
    pub alt_employer: &'static str,
    /// Details heading, oneself.
    pub details_title_self: &'static str,
    /// Details heading, guardian.
    pub details_title_guardian: &'static str,
    /// Details lead.
    pub details_lead: &'static str,
    /// Name label.
    pub name_label: &'static str,
    /// Name hint.
    pub name_hint: &'static str,
    /// ID label.
    pub id_label: &'static str,
    /// ID hint.
    pub id_hint: &'static str,
    /// Mobile label.
    pub mobile_label: &'static str,
    /// The birth date and sex read from the ID number.
    pub id_derived: &'static str,
    /// Male.
    pub sex_male: &'static str,
    /// Female.
    pub sex_female: &'static str,
    /// name.empty
    pub e_name_empty: &'static str,
    /// name.too_short
    pub e_name_short: &'static str,
    /// name.too_long
    pub e_name_long: super::Plural,
    /// name.characters
    pub e_name_chars: &'static str,
    /// id_number.empty
    pub e_id_empty: &'static str,
    /// id_number.length
    pub e_id_length: &'static str,
    /// id_number.format
    pub e_id_format: &'static str,
    /// id_number.birth_date
    pub e_id_birth: &'static str,
    /// id_number.future_birth_date
    pub e_id_future: &'static str,
    /// id_number.check_digit
    pub e_id_check: &'static str,
    /// mobile.empty
    pub e_mobile_empty: &'static str,
    /// mobile.format
    pub e_mobile_format: &'static str,
    /// postal_code.empty
    pub e_postal_empty: &'static str,
    /// postal_code.format
    pub e_postal_format: &'static str,
    /// Session missing or expired.
    pub e_signed_out: &'static str,
    /// Any other server problem.
    pub e_server: &'static str,
    /// Verify heading.
    pub verify_title: &'static str,
    /// Verify lead.
    pub verify_sent: &'static str,
    /// Demo code notice.
    pub verify_demo: &'static str,
    /// Demo notice when no code was sent (the details did not match the records).
    pub verify_demo_not_sent: &'static str,
    /// Code label.
    pub code_label: &'static str,
    /// code.empty
    pub e_code_empty: &'static str,
    /// code.format
    pub e_code_format: &'static str,
    /// code.wrong
    pub e_code_wrong: &'static str,
    /// code.expired
    pub e_code_expired: &'static str,
    /// What to do when no code arrives (the mobile must be the one on record).
    pub verify_help: &'static str,
    /// Resend link.
    pub verify_resend: &'static str,
    /// Child heading.
    pub child_title: &'static str,
    /// Child name label.
    pub child_name_label: &'static str,
    /// Child ID label.
    pub child_id_label: &'static str,
    /// Child ID hint.
    pub child_id_hint: &'static str,
    /// Proof question.
    pub proof_legend: &'static str,
    /// Proof: household register.
    pub proof_household: &'static str,
    /// Proof: birth certificate.
    pub proof_birth: &'static str,
    /// Proof: other document.
    pub proof_document: &'static str,
    /// Proof: nothing chosen.
    pub proof_error: &'static str,
    /// child.not_minor
    pub e_child_not_minor: &'static str,
    /// identity_mismatch on the child: the registry does not confirm the child with this guardian.
    pub e_child_identity: &'static str,
    /// guardian.not_adult
    pub e_guardian_not_adult: &'static str,
    /// Bank heading.
    pub bank_title: &'static str,
    /// Bank lead.
    pub bank_lead: &'static str,
    /// Bank can post cards.
    pub bank_posts: &'static str,
    /// Instant branches count.
    pub bank_instant: super::Plural,
    /// Bank: nothing chosen.
    pub bank_error: &'static str,
    /// Bank list source label.
    pub bank_source: &'static str,
    /// Pickup heading.
    pub pickup_title: &'static str,
    /// Pickup: mail.
    pub pickup_mail: &'static str,
    /// Mail hint.
    pub pickup_mail_hint: &'static str,
    /// Pickup: branch.
    pub pickup_branch: &'static str,
    /// Branch hint.
    pub pickup_branch_hint: &'static str,
    /// Pickup: on the spot.
    pub pickup_instant: &'static str,
    /// On-the-spot hint.
    pub pickup_instant_hint: &'static str,
    /// Pickup: door.
    pub pickup_door: &'static str,
    /// Door hint.
    pub pickup_door_hint: &'static str,
    /// Pickup: nothing chosen.
    pub pickup_error: &'static str,
    /// Minor restriction note.
    pub pickup_minor_note: &'static str,
    /// Address heading.
    pub address_title: &'static str,
    /// Recipient label.
    pub recipient_label: &'static str,
    /// Recipient mobile label.
    pub recipient_mobile_label: &'static str,
    /// Address label.
    pub address_label: &'static str,
    /// Address hint.
    pub address_hint: &'static str,
    /// Postal code label.
    pub postal_label: &'static str,
    /// address.empty
    pub e_address_empty: &'static str,
    /// address.too_long
    pub e_address_long: super::Plural,
    /// Branch heading.
    pub branch_title: &'static str,
    /// Sample data notice.
    pub branch_sample: &'static str,
    /// District filter label.
    pub district_label: &'static str,
    /// District: all.
    pub district_all: &'static str,
    /// Instant filter label.
    pub on_the_spot_only: &'static str,
    /// No branch.
    pub branch_none: &'static str,
    /// Instant badge.
    pub branch_instant_badge: &'static str,
    /// Branch: nothing chosen.
    pub branch_error: &'static str,
    /// In person: instant heading.
    pub in_person_instant_title: &'static str,
    /// In person: instant body.
    pub in_person_instant_body: &'static str,
    /// In person: door heading.
    pub in_person_door_title: &'static str,
    /// In person: door body.
    pub in_person_door_body: &'static str,
    /// In person: branch list heading.
    pub in_person_branches: &'static str,
    /// In person: back to pickup.
    pub in_person_change: &'static str,
    /// Check answers heading.
    pub check_title: &'static str,
    /// Change link.
    pub change: &'static str,
    /// Row: who.
    pub row_who: &'static str,
    /// Row: name.
    pub row_name: &'static str,
    /// Row: ID.
    pub row_id: &'static str,
    /// Row: mobile.
    pub row_mobile: &'static str,
    /// Row: child name.
    pub row_child_name: &'static str,
    /// Row: child ID.
    pub row_child_id: &'static str,
    /// Row: proof.
    pub row_proof: &'static str,
    /// Row: bank.
    pub row_bank: &'static str,
    /// Row: pickup.
    pub row_pickup: &'static str,
    /// Row: address.
    pub row_address: &'static str,
    /// Row: branch.
    pub row_branch: &'static str,
    /// Declaration heading.
    pub declaration_heading: &'static str,
    /// Declaration.
    pub declaration: &'static str,
    /// Submit button.
    pub submit: &'static str,
    /// Submit in progress.
    pub submitting: &'static str,
    /// Timeline heading.
    pub tl_heading: &'static str,
    /// Production: on the spot.
    pub tl_on_the_spot: super::Plural,
    /// Estimate notice.
    pub tl_estimate: &'static str,
    /// Timeline before a pickup is chosen.
    pub tl_choose_pickup: &'static str,
    /// Timeline error.
    pub tl_unavailable: &'static str,
    /// Step.
    pub step_in_hand: &'static str,
    /// Step.
    pub step_enable: &'static str,
    /// Step.
    pub step_activate: &'static str,
    /// Step.
    pub step_old_card: &'static str,
    /// Timeline step: the old bank cancels and keeps the card.
    pub step_cancel_old: &'static str,
    /// Timeline step: change name or ID number first.
    pub step_key_data_first: &'static str,
    /// Timeline step: sign for the parcel and pay the postage.
    pub step_sign_and_pay: &'static str,
    /// Timeline step: the employer hands the card over.
    pub step_from_employer: &'static str,
    /// Timeline step: move the pension account to the new card.
    pub step_pension_account: &'static str,
    /// Timeline step: the transport balance is refunded.
    pub step_transport_refund: &'static str,
    /// Step note.
    pub step_done_at_collection: &'static str,
    /// Row value.
    pub actor_self: &'static str,
    /// Row value.
    pub actor_guardian: &'static str,
    /// Row value.
    pub actor_agent: &'static str,
    /// application.exists
    pub e_application_exists: &'static str,
    /// card.exists
    pub e_card_exists: &'static str,
    /// eligibility.* refusal from the server.
    pub e_not_eligible: &'static str,
}

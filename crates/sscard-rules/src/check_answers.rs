//! The values a person picks in the eligibility check's questions that have no other domain
//! type: each a `stable_ids!` enum, so the app keeps typed answers and reads saved ones with the
//! one string mapping every enum uses. How they become an [`EligibilityDeclaration`]
//! (`wire`) is the app's `Answers::eligibility_declaration`.
//!
//! [`EligibilityDeclaration`]: crate::wire::EligibilityDeclaration

use crate::ids::stable_ids;

stable_ids! {
    /// A yes-or-no answer (insured in the city; proof of guardianship at hand).
    pub enum YesNo {
        /// Yes.
        Yes = "yes",
        /// No.
        No = "no",
    }
}

impl YesNo {
    /// `Yes` as `true`.
    pub const fn is_yes(self) -> bool {
        matches!(self, YesNo::Yes)
    }

    /// `true` as `Yes`.
    pub const fn of(yes: bool) -> Self {
        if yes { YesNo::Yes } else { YesNo::No }
    }
}

stable_ids! {
    /// For someone not insured in the city: the group that still makes them eligible (Beijing,
    /// 002 Q4; catalogue E2–E6, as `EligibilityDeclaration` names them).
    pub enum UninsuredGroup {
        /// Receives civil-affairs old-age benefits (E2/E3): eligible with the city's hukou or
        /// residence permit, asked next.
        Pension = "pension",
        /// A civil-affairs allowance, subsidy, assistance or preferential group (E4).
        Support = "support",
        /// A veterans'-affairs group (E5).
        Veteran = "veteran",
        /// Another public-service group (E6).
        Other = "other",
        /// None of these.
        #[serde(rename = "none")]
        NoneOfThese = "none",
    }
}

stable_ids! {
    /// For a civil-affairs pensioner: what ties them to the city (E2, E3).
    pub enum Residence {
        /// The city's household registration (户籍).
        Hukou = "hukou",
        /// A valid residence permit of the city (居住证).
        Permit = "permit",
        /// Neither.
        Neither = "neither",
    }
}

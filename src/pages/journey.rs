//! The application journey: eligibility check, then the application, one question per page.

mod address;
mod bank;
mod branch;
mod check_answers;
mod check_birth;
mod check_guardian;
mod check_questions;
mod check_result;
mod child;
mod confirmation;
mod date_error;
mod details;
mod field_messages;
mod in_person;
mod pickup;
mod radio_step;
mod verify;

pub use address::AddressPage;
pub use bank::BankPage;
pub use branch::BranchPage;
pub use check_answers::CheckAnswersPage;
pub use check_birth::CheckBirthPage;
pub use check_guardian::CheckGuardianPage;
pub use check_questions::{
    CheckCardHeldPage, CheckCategoryPage, CheckGroupPage, CheckInsuredPage, CheckRemotePage,
    CheckResidencePage, CheckWhoPage,
};
pub use check_result::CheckResultPage;
pub use child::ChildPage;
pub use confirmation::ConfirmationPage;
pub use details::DetailsPage;
pub use in_person::InPersonPage;
pub use pickup::PickupPage;
pub use verify::VerifyPage;

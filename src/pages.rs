//! One module per route.

pub mod after;
mod help;
mod home;
pub mod journey;
mod not_found;

pub use after::{
    ConfirmPage, ContactPage, DetailsPage, EnablePage, LossPage, NoticesPage, PasswordPage,
    ProgressPage, ReplacePage, ResetPage, RulesPage, SignInPage, WherePage,
};
pub use help::HelpPage;
pub use home::HomePage;
pub use not_found::NotFoundPage;

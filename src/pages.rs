//! One module per route.

mod help;
mod home;
mod not_found;

pub use help::HelpPage;
pub use home::HomePage;
pub use not_found::NotFoundPage;

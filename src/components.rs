//! Reusable components of the shell and the pages.

mod back_link;
mod error_summary;
mod footer;
mod header;
mod language_switch;
mod page_meta;
mod radio_group;
mod skip_link;
mod text_field;

pub use back_link::BackLink;
pub use error_summary::{ErrorSummary, FieldError};
pub use footer::Footer;
pub use header::Header;
pub use language_switch::LanguageSwitch;
pub use page_meta::{use_page_meta, use_page_meta_with_errors};
pub use radio_group::{RadioGroup, RadioOption};
pub use skip_link::SkipLink;
pub use text_field::TextField;

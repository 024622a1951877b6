//! Reusable components of the shell and the pages.

pub mod after;
mod back_link;
mod date_fields;
mod demo_banner;
mod elderly_switch;
mod error_summary;
mod footer;
mod form_errors;
mod header;
mod language_switch;
mod page_load_failed;
mod page_meta;
mod qr_code;
mod radio_group;
mod skip_link;
mod text_field;
mod timeline_panel;
mod why_details;

pub use back_link::BackLink;
pub use date_fields::DateFields;
pub use demo_banner::DemoBanner;
pub use elderly_switch::ElderlySwitch;
pub use error_summary::{ErrorSummary, FieldError};
pub use footer::Footer;
pub use form_errors::{FormErrors, Msg, msg, msg_with};
pub use header::Header;
pub use language_switch::LanguageSwitch;
pub use page_load_failed::PageLoadFailed;
pub use page_meta::{use_page_meta, use_page_meta_with_errors, use_page_title};
pub use qr_code::{QrCodeImage, qr_svg};
pub use radio_group::{RadioGroup, RadioOption};
pub use skip_link::SkipLink;
pub use text_field::TextField;
pub use timeline_panel::TimelinePanel;
pub use why_details::WhyDetails;

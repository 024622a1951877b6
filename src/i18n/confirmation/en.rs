//! The confirmation texts in English.

use super::ConfirmationTexts;

/// The confirmation texts in English.
pub static EN: ConfirmationTexts = ConfirmationTexts {
    conf_title: "Application sent",
    conf_reference: "Your reference number",
    conf_help: "Quote this number when you ask about your application or call the service hotline.",
    conf_qr: "QR code of the reference number, to show at the branch",
    conf_next: "What happens next",
    conf_not_found: "This application could not be found. Sign in to see all your applications under \"Track your application\".",
    conf_track: "Track your application",
    conf_bring: "Bring your identity card when you collect the card.",
    conf_bring_guardian: "Bring both identity documents and the proof of guardianship when you collect the card.",
    conf_enable: "When the card arrives, enable its social-security function before using it: the progress page says where. The bank function is activated in person at the issuing bank.",
    conf_print: "Print or save this page",
    conf_ics: "Add to calendar",
    ics_summary: "Social security card ready by",
    loading: "Loading…",
    branch_hours: "Opening hours: {hours}",
    step_collect: "Collect the card at the chosen branch",
    step_wait_for_post: "Wait for the post (postage time is not part of the production time)",
    tl_natural_days: "Made within {n} calendar days of applying: by {date}",
    tl_working_days: "Made within {n} working days of applying: by {date}",
    tl_not_stated: "The published rules give no production time",
};

//! Newer rules from the server, taken at run time.
//!
//! Every API answer names the revision of each city's policy and of the working-day calendar
//! the server decides with (the `sscard-policy` header: `beijing=…,shanghai=…,urumqi=…,
//! calendar=…`; the page it serves carries the same on `<html data-policy>`). When one differs
//! from the data this app was built with (a tab left open across a new release, or rules
//! published with the server's `--policy-dir`), the app fetches that document once and installs
//! it (`sscard_rules::install`, `Calendar::install`), so its previews follow the rules the
//! server decides with, without a reload. The pages that preview then re-run ([`on_installed`]).
//!
//! Reading and checking a document needs the deserialisers of every policy table: with the
//! `split` feature they are in a wasm part of their own (`policy_update`), fetched only when a
//! document is.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::wasm_split::SplitLoaderError;
use sscard_rules::{Calendar, City};

use super::{BASE, early};

/// The header every API answer carries (the server's `app::POLICY_REVISIONS`).
const HEADER: &str = "sscard-policy";

thread_local! {
    /// Documents asked for in this visit: each at most once.
    static ASKED: RefCell<Vec<Document>> = const { RefCell::new(Vec::new()) };
    /// What to do once a document is installed.
    static ON_INSTALLED: RefCell<Option<Rc<dyn Fn()>>> = const { RefCell::new(None) };
}

/// Sets what runs after a newer document is installed: the journey makes its previews re-run.
pub fn on_installed(run: impl Fn() + 'static) {
    ON_INSTALLED.with(|slot| *slot.borrow_mut() = Some(Rc::new(run)));
}

/// Reads an answer's `sscard-policy` header (see [`notice_revisions`]).
pub fn notice(headers: &gloo_net::http::Headers) {
    if let Some(revisions) = headers.get(HEADER) {
        notice_revisions(&revisions);
    }
}

/// Reads the revisions the server's page was served with (`<html data-policy>`), so an app
/// built with other data takes the newer rules before it asks the API anything.
pub fn notice_page() {
    if let Some(revisions) = crate::dom::html_attribute("data-policy") {
        notice_revisions(&revisions);
    }
}

/// A document the server may hold newer than this app: a city's policy, or the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Document {
    Policy(City),
    Calendar,
}

/// Starts fetching each document whose revision in `revisions` (as the server writes them)
/// differs from the data read now; each once per visit.
pub fn notice_revisions(revisions: &str) {
    let calendar = sscard_rules::calendar_differs(revisions).then_some(Document::Calendar);
    let policies = sscard_rules::cities_with_other_revision(revisions)
        .into_iter()
        .map(Document::Policy);
    for document in policies.chain(calendar) {
        let first_time = ASKED.with(|asked| {
            let mut asked = asked.borrow_mut();
            let first = !asked.contains(&document);
            if first {
                asked.push(document);
            }
            first
        });
        if first_time {
            wasm_bindgen_futures::spawn_local(update(document));
        }
    }
}

async fn update(document: Document) {
    let url = match document {
        Document::Policy(city) => format!("{BASE}/policy/{}/document", city.id()),
        Document::Calendar => format!("{BASE}/policy/calendar"),
    };
    let Some((200, body)) = early::fetch(&url).await else {
        return;
    };
    #[cfg(feature = "split")]
    let installed = install_document(document, body).await;
    #[cfg(not(feature = "split"))]
    let installed = install_document(document, body);
    match installed {
        Ok(Ok(true)) => {
            if let Some(run) = ON_INSTALLED.with(|slot| slot.borrow().clone()) {
                run();
            }
        }
        // The same revision after all: nothing changes.
        Ok(Ok(false)) => {}
        // A document that does not pass its check is not used; the built-in rules stay, and
        // the server, which decides, says so in its answers if they differ.
        Ok(Err(problem)) => {
            leptos::logging::warn!("{document:?} from the server refused: {problem}")
        }
        // The part could not be fetched (a dropped connection): the next visit tries again.
        Err(_) => {}
    }
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(policy_update, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn install_document(
    document: Document,
    body: String,
) -> Result<Result<bool, String>, SplitLoaderError> {
    Ok(match document {
        Document::Policy(city) => serde_json::from_str(&body)
            .map_err(|e| e.to_string())
            .and_then(|policy| sscard_rules::install(city, policy).map_err(|e| e.to_string())),
        Document::Calendar => Calendar::install(body).map_err(|e| e.to_string()),
    })
}

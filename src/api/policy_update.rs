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

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use leptos::wasm_split::SplitLoaderError;
use sscard_rules::{Calendar, City};

use super::{BASE, early};

/// Failed fetches of documents after which a visit stops asking.
const MAX_FAILED: u8 = 3;

/// The header every API answer carries (the server's `app::POLICY_REVISIONS`).
const HEADER: &str = "sscard-policy";

thread_local! {
    /// The last revisions handed to the part, so each answer naming them again costs nothing.
    static LAST: RefCell<String> = const { RefCell::new(String::new()) };
    /// Fetches of a document that failed in this visit.
    static FAILED: Cell<u8> = const { Cell::new(0) };
    /// Documents asked for in this visit: each at most once, unless its fetch failed.
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

/// Hands `revisions` (as the server writes them) to the part that fetches what differs. Every
/// page runs this on every answer, so it only compares strings: the server normally names
/// exactly the revisions this app was built with.
pub fn notice_revisions(revisions: &str) {
    if revisions == sscard_rules::EMBEDDED_REVISIONS {
        return;
    }
    let new = LAST.with(|last| {
        let mut last = last.borrow_mut();
        let new = *last != revisions;
        if new {
            revisions.clone_into(&mut last);
        }
        new
    });
    if !new {
        return;
    }
    let revisions = revisions.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        #[cfg(feature = "split")]
        let update = update(revisions).await;
        #[cfg(not(feature = "split"))]
        let update = update(revisions);
        // The part could not be fetched (a dropped connection): a later answer tries again;
        // until then the built-in rules stay.
        match update {
            Ok(update) => update.await,
            Err(_) => LAST.with(|last| last.borrow_mut().clear()),
        }
    });
}

/// A document the server may hold newer than this app: a city's policy, or the calendar.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Document {
    Policy(City),
    Calendar,
}

/// The work of [`fetch_and_install`], in a part of its own: every page can call it, so no page
/// carries the reading of revisions, nor the fetching, reading and checking of documents, until
/// the server names other revisions. (A split function cannot be `async`: the future it returns
/// is built, and its code kept, in the part.)
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(policy_update, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn update(revisions: String) -> Result<Pin<Box<dyn Future<Output = ()>>>, SplitLoaderError> {
    Ok(Box::pin(fetch_and_install(revisions)))
}

/// Fetches each document whose revision in `revisions` differs from the data read now (each
/// once per visit), installs it and lets the previews re-run.
async fn fetch_and_install(revisions: String) {
    let calendar = sscard_rules::calendar_differs(&revisions).then_some(Document::Calendar);
    let policies = sscard_rules::cities_with_other_revision(&revisions)
        .into_iter()
        .map(Document::Policy);
    let wanted: Vec<Document> = policies
        .chain(calendar)
        .filter(|document| {
            ASKED.with(|asked| {
                let mut asked = asked.borrow_mut();
                let first = !asked.contains(document);
                if first {
                    asked.push(*document);
                }
                first
            })
        })
        .collect();
    for document in wanted {
        let url = match document {
            Document::Policy(city) => format!("{BASE}/policy/{}/document", city.id()),
            Document::Calendar => format!("{BASE}/policy/calendar"),
        };
        let Some((200, body)) = early::fetch(&url).await else {
            // Not there now (a release rolling out, a dropped connection): asked again with a
            // later answer that names other revisions, meanwhile the built-in rules stay.
            // At most a few times a visit, so a server that keeps failing is not asked on every
            // answer.
            let retry = FAILED.with(|failed| {
                failed.set(failed.get() + 1);
                failed.get() < MAX_FAILED
            });
            if retry {
                ASKED.with(|asked| asked.borrow_mut().retain(|d| *d != document));
                LAST.with(|last| last.borrow_mut().clear());
            }
            leptos::logging::warn!("newer rules named by the server, but {url} could not be read");
            continue;
        };
        let installed = match document {
            Document::Policy(city) => serde_json::from_str(&body)
                .map_err(|e| e.to_string())
                .and_then(|policy| sscard_rules::install(city, policy).map_err(|e| e.to_string())),
            Document::Calendar => Calendar::install(body).map_err(|e| e.to_string()),
        };
        match installed {
            Ok(true) => {
                if let Some(run) = ON_INSTALLED.with(|slot| slot.borrow().clone()) {
                    run();
                }
            }
            // The same revision after all: nothing changes.
            Ok(false) => {}
            // A document that does not pass its check is not used: the built-in rules stay,
            // and the server, which decides, says so in its answers where they differ.
            Err(problem) => leptos::logging::warn!("newer rules from {url} refused: {problem}"),
        }
    }
}

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use sscard_rules::City;
use sscard_rules::wire::SessionInfo;

use super::Answers;
use crate::api;
use crate::{clock, dom};

/// Key of the "this browser has signed in" hint. The session cookie is HttpOnly, so the app
/// cannot see it; without the hint every anonymous visit would ask the server and get a 401.
const SIGNED_IN_KEY: &str = "sscard.signed_in";

/// Why the server gave no session, as much as a page needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoSession {
    /// Nobody is signed in (`unauthenticated`): the page sends the person to sign in.
    SignedOut,
    /// The server could not be reached or answered something else: nothing to conclude.
    NoAnswer,
}

/// The journey context: the answers, who is signed in, today's date and whether the server runs
/// in demo mode.
#[derive(Debug, Clone, Copy)]
pub struct JourneyState {
    /// The answers so far. A page of the journey reads them with
    /// [`use_journey_answers`](super::use_journey_answers), which first reads the ones saved
    /// before and then saves every change.
    pub answers: RwSignal<Answers>,
    /// Whether the saved answers have been read.
    pub(super) answers_read: StoredValue<bool>,
    /// Whether the session and the demo clock have been asked for ([`use_journey_with_session`]).
    server_asked: StoredValue<bool>,
    /// Whether a page asks who is signed in whatever the stored hint says ([`use_fresh_session`]).
    page_asks_session: StoredValue<bool>,
    /// Whether the answers are as complete as they will get: the ones saved in this browser
    /// read, and, when there were none and someone is signed in, the server's draft asked for.
    /// Until then a page must not conclude that an answer is missing.
    pub answers_settled: RwSignal<bool>,
    /// The app's reactive owner, which keeps the saving of the answers alive across pages.
    pub(super) owner: StoredValue<Owner>,
    /// The signed-in person, once the server confirmed it. Read it; change it with
    /// [`JourneyState::signed_in`] and [`JourneyState::signed_out`].
    pub session: RwSignal<Option<SessionInfo>>,
    /// Why the last answer about the session gave none: signed out, or no answer at all (then
    /// [`session`](Self::session) keeps what was known). Set with the session, by
    /// [`JourneyState::signed_in`], [`JourneyState::signed_out`] and the server's answers.
    no_session: RwSignal<Option<NoSession>>,
    /// Counts the changes of the session, so that an answer to an older question (asked before a
    /// sign-in, say) is dropped instead of overwriting a newer state.
    session_turn: StoredValue<u32>,
    /// Whether [`session`](Self::session) is known (the server was asked, or this browser has
    /// not signed in), so "nobody signed in" can be told from "not known yet".
    pub session_known: RwSignal<bool>,
    /// Today in China: the device's date, or the server's demo clock when it runs in demo mode.
    pub today: RwSignal<NaiveDate>,
    /// Whether the server runs in demo mode (a banner says so; one-time codes are shown): the
    /// server marks the page it serves with `data-demo` on `<html>`.
    pub demo: bool,
    /// The one-time code, shown only in demo mode.
    pub demo_code: RwSignal<Option<String>>,
    /// The city whose rules apply: from `?city=`, else chosen before in this browser
    /// ([`super::city`]). Change it with [`JourneyState::choose_city`].
    pub city: RwSignal<City>,
}

impl JourneyState {
    /// Today as the service counts it, once known: the device's date in China, or in demo mode
    /// the server's demo clock, which [`use_journey_with_session`] asks for before it says the
    /// session is known. `None` until then. The one "today" of every page.
    pub fn known_today(&self) -> Option<NaiveDate> {
        (!self.demo || self.session_known.get_untracked()).then(|| self.today.get_untracked())
    }

    /// Someone signed in (or the server said who is): the one way the session is set.
    pub fn signed_in(&self, session: SessionInfo) {
        self.next_session_turn();
        self.session.set(Some(session));
        self.no_session.set(None);
    }

    /// The person signed out (the page moves on to the sign-in page itself).
    pub fn signed_out(&self) {
        self.next_session_turn();
        self.session.set(None);
        self.no_session.set(None);
    }

    fn next_session_turn(&self) -> u32 {
        let turn = self.session_turn.get_value().wrapping_add(1);
        self.session_turn.set_value(turn);
        turn
    }

    /// Asks the server's demo clock and keeps it as today: the date, if the server gave one.
    pub async fn take_demo_clock(self) -> Option<NaiveDate> {
        let clock = api::demo_clock().await.ok()?;
        let today = sscard_rules::parse_iso_date(&clock.today)?;
        self.today.set(today);
        Some(today)
    }

    /// Switches to `city` and remembers it; the answers that belong to the old city are asked
    /// again ([`Answers::keep_for_other_city`]), every other answer is kept. The server's copy of
    /// the answers follows with the next answer saved (this runs on the start page, whose
    /// download stays small without the draft upload).
    pub fn choose_city(&self, city: City) {
        super::city::remember_city(city);
        if self.city.get_untracked() != city {
            self.city.set(city);
            self.answers.update(|a| {
                a.keep_for_other_city();
                a.city = Some(city);
            });
        }
    }
}

/// Provides the journey context. It asks the server nothing: the pages loaded on demand ask for
/// the session and the demo clock ([`use_journey_with_session`]), and the journey's pages read
/// the saved answers ([`super::use_journey_answers`]).
pub fn provide_journey() {
    let state = JourneyState {
        answers: RwSignal::new(Answers::default()),
        answers_read: StoredValue::new(false),
        server_asked: StoredValue::new(false),
        page_asks_session: StoredValue::new(false),
        answers_settled: RwSignal::new(false),
        owner: StoredValue::new(Owner::current().expect("provide_journey runs inside the app")),
        session: RwSignal::new(None),
        no_session: RwSignal::new(None),
        session_turn: StoredValue::new(0),
        session_known: RwSignal::new(false),
        today: RwSignal::new(clock::device_today_in_china()),
        demo: dom::html_has_attribute("data-demo"),
        demo_code: RwSignal::new(None),
        city: RwSignal::new(super::city::initial_city()),
    };
    // Keep the hint in step with the session: set on sign-in, cleared on sign-out or expiry
    // (the first run is the initial "unknown", which says nothing).
    Effect::new(move |first: Option<()>| {
        let signed_in = state.session.with(Option::is_some);
        if first.is_some() || signed_in {
            dom::store(SIGNED_IN_KEY, if signed_in { "1" } else { "0" });
        }
    });
    provide_context(state);
}

/// The journey context provided by [`provide_journey`], as the shell and the start page use it:
/// the city, the demo flag and the device's date. Pages that need who is signed in or the demo
/// clock use [`use_journey_with_session`].
pub fn use_journey() -> JourneyState {
    expect_context::<JourneyState>()
}

/// The journey context with the session and the demo clock asked of the server (once per
/// visit). Only the pages loaded on demand call this, so the API client and its JSON code are
/// not part of every first load (18 KB brotli of the main module): the start page shows the
/// device's date and knows demo mode from the page itself (`data-demo`, set by the server).
pub fn use_journey_with_session() -> JourneyState {
    let state = use_journey();
    if !state.server_asked.get_value() {
        state.server_asked.set_value(true);
        // When the server decides with newer rules than this app was built with, their
        // document is installed (`api::policy_update`); every preview reads `today`, so
        // notifying it makes them all follow the newer rules at once.
        api::policy_update::on_installed(move || state.today.update(|_| {}));
        api::policy_update::notice_page();
        // Decided now, not in the task: a page that asks for itself has said so before.
        let ask_session =
            state.page_asks_session.get_value() || dom::load(SIGNED_IN_KEY).as_deref() == Some("1");
        ask_server(state, ask_session);
    }
    state
}

/// Asks for the demo clock and the session at once (the page's header must not wait for the
/// clock: it would appear late and push the page down), and says the session is known once
/// both have answered.
fn ask_server(state: JourneyState, ask_session: bool) {
    let waiting = std::rc::Rc::new(std::cell::Cell::new(1 + u8::from(ask_session)));
    let answered = move |waiting: std::rc::Rc<std::cell::Cell<u8>>| {
        waiting.set(waiting.get() - 1);
        if waiting.get() == 0 {
            state.session_known.set(true);
        }
    };
    let clock = waiting.clone();
    spawn_local(async move {
        if state.demo {
            state.take_demo_clock().await;
        }
        answered(clock);
    });
    if ask_session {
        spawn_local(async move {
            refresh_session(state).await;
            answered(waiting);
        });
    }
}

/// Asks the server who is signed in and keeps the answer, and why there is none. A failure to
/// get an answer changes nothing known (the person is not signed out by a dropped request); an
/// answer to a question older than the last change of the session is dropped.
async fn refresh_session(state: JourneyState) {
    let turn = state.next_session_turn();
    let answer = api::session().await;
    if state.session_turn.get_value() != turn {
        return;
    }
    match answer {
        Ok(session) => state.signed_in(session),
        // A 401 to this GET is `unauthenticated` (the status, not the code: comparing the code
        // would link every problem code's string into each page that asks).
        Err(api::ApiError::Problem(p)) if p.status == 401 => {
            state.session.set(None);
            state.no_session.set(Some(NoSession::SignedOut));
        }
        Err(_) => state.no_session.set(Some(NoSession::NoAnswer)),
    }
}

/// Who is signed in, for a signed-in page: asked of the server as the page opens, whatever the
/// stored hint says, because what a page acts on changes during a visit (`fresh_code`,
/// `password_is_initial`). The answer is the journey state's, so the page, its header and the
/// journey share one request and one answer (they asked twice before). `None` until it is here.
pub fn use_fresh_session() -> Signal<Option<Result<SessionInfo, NoSession>>> {
    let state = use_journey();
    // The first page of the visit asks along with the demo clock (use_journey_with_session);
    // a later one asks again for itself.
    let first = !state.server_asked.get_value();
    state.page_asks_session.set_value(true);
    use_journey_with_session();
    let answered = RwSignal::new(false);
    if !first {
        spawn_local(async move {
            refresh_session(state).await;
            answered.set(true);
        });
    }
    Signal::derive(move || {
        // The first page's answer is here once the server answered about the session, not
        // when the demo clock has too (`session_known`): the header must not wait for the clock.
        let here = if first {
            state.session.with(Option::is_some) || state.no_session.with(Option::is_some)
        } else {
            answered.get()
        };
        if !here {
            return None;
        }
        match (state.session.get(), state.no_session.get()) {
            // This page's question went unanswered: it acts on no older session.
            (_, Some(NoSession::NoAnswer)) => Some(Err(NoSession::NoAnswer)),
            (Some(session), _) => Some(Ok(session)),
            (None, Some(why)) => Some(Err(why)),
            // Signed out on this page: the sign-out moves on to the sign-in page.
            (None, None) => None,
        }
    })
}

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use sscard_rules::City;
use sscard_rules::wire::{Draft, SessionInfo};

use super::Answers;
use crate::{api, clock, dom};

/// Key of the answers in `localStorage`.
const STORAGE_KEY: &str = "sscard.journey";

/// Key of the "this browser has signed in" hint. The session cookie is HttpOnly, so the app
/// cannot see it; without the hint every anonymous visit would ask the server and get a 401.
const SIGNED_IN_KEY: &str = "sscard.signed_in";

/// The journey context: the answers, who is signed in, today's date and whether the server runs
/// in demo mode.
#[derive(Debug, Clone, Copy)]
pub struct JourneyState {
    /// The answers so far; every change is saved in this browser.
    pub answers: RwSignal<Answers>,
    /// The signed-in person, once the server confirmed it.
    pub session: RwSignal<Option<SessionInfo>>,
    /// Whether [`session`](Self::session) is known (the server was asked, or this browser has
    /// not signed in), so "nobody signed in" can be told from "not known yet".
    pub session_known: RwSignal<bool>,
    /// Today in China: the device's date, or the server's demo clock when it runs in demo mode.
    pub today: RwSignal<NaiveDate>,
    /// Whether the server runs in demo mode (a banner says so; one-time codes are shown).
    pub demo: RwSignal<bool>,
    /// The one-time code, shown only in demo mode.
    pub demo_code: RwSignal<Option<String>>,
    /// The city whose rules apply: from `?city=`, else chosen before in this browser
    /// ([`super::city`]). Change it with [`JourneyState::choose_city`].
    pub city: RwSignal<City>,
}

impl JourneyState {
    /// Switches to `city` and remembers it; the answers that belong to the old city are asked
    /// again ([`Answers::keep_for_other_city`]), every other answer is kept. The server's copy of
    /// the answers follows with the next answer saved (this runs on the start page, whose
    /// download stays small without the draft upload).
    pub fn choose_city(&self, city: City) {
        super::city::remember_city(city);
        if self.city.get_untracked() != city {
            self.city.set(city);
            self.answers.update(Answers::keep_for_other_city);
        }
    }

    /// Replaces the answers with the result of `update` and saves them: in this browser at once,
    /// and on the server when signed in (web-view storage can be wiped when a mini-program closes).
    pub fn save(&self, update: impl FnOnce(&mut Answers)) {
        self.answers.update(update);
        if self.session.get_untracked().is_some() {
            self.save_to_server();
        }
    }

    /// Sends the answers to the server's draft store; a failure is harmless (the local copy stays).
    pub fn save_to_server(&self) {
        let answers = self.answers.get_untracked();
        spawn_local(async move {
            if let Ok(data) = serde_json::value::to_raw_value(&answers) {
                let _ = api::put_draft(&Draft {
                    data,
                    updated_at: None,
                })
                .await;
            }
        });
    }
}

/// Provides the journey context: restores the answers from this browser, then asks the server
/// for the demo flag, the demo clock and the session (and the server draft when this browser
/// has none).
pub fn provide_journey() {
    let restored = dom::load(STORAGE_KEY)
        .and_then(|json| serde_json::from_str::<Answers>(&json).ok())
        .unwrap_or_default();
    let state = JourneyState {
        answers: RwSignal::new(restored),
        session: RwSignal::new(None),
        session_known: RwSignal::new(false),
        today: RwSignal::new(clock::device_today_in_china()),
        demo: RwSignal::new(false),
        demo_code: RwSignal::new(None),
        city: RwSignal::new(super::city::initial_city()),
    };
    Effect::new(move |_| {
        if let Ok(json) = serde_json::to_string(&state.answers.get()) {
            dom::store(STORAGE_KEY, &json);
        }
    });
    // Keep the hint in step with the session: set on sign-in, cleared on sign-out or expiry
    // (the first run is the initial "unknown", which says nothing).
    Effect::new(move |first: Option<()>| {
        let signed_in = state.session.with(Option::is_some);
        if first.is_some() || signed_in {
            dom::store(SIGNED_IN_KEY, if signed_in { "1" } else { "0" });
        }
    });
    let maybe_signed_in = dom::load(SIGNED_IN_KEY).as_deref() == Some("1");
    spawn_local(async move {
        if let Ok(health) = api::health().await {
            state.demo.set(health.demo);
            if health.demo
                && let Ok(clock) = api::demo_clock().await
                && let Some(today) = sscard_rules::parse_iso_date(&clock.today)
            {
                state.today.set(today);
            }
        }
        if !maybe_signed_in {
            state.session_known.set(true);
            return;
        }
        match api::session().await {
            Err(_) => {
                state.session.set(None);
                state.session_known.set(true);
            }
            Ok(session) => {
                state.session.set(Some(session));
                state.session_known.set(true);
                if state.answers.get_untracked() == Answers::default()
                    && let Ok(draft) = api::get_draft().await
                    && let Ok(answers) = serde_json::from_str::<Answers>(draft.data.get())
                {
                    state.answers.set(answers);
                }
            }
        }
    });
    provide_context(state);
}

/// The journey context provided by [`provide_journey`].
pub fn use_journey() -> JourneyState {
    expect_context::<JourneyState>()
}

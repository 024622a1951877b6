//! The answers saved in this browser, and the server's draft: read when the first page of the
//! journey opens, then saved on every change.
//!
//! Only the journey's pages call [`use_journey_answers`], so the JSON code this needs travels
//! with their wasm parts instead of every first load (7 KB brotli of the main module). The start
//! page and the after-applying pages never read the answers.

use leptos::prelude::*;
use leptos::task::spawn_local;
use sscard_rules::City;
use sscard_rules::wire::Draft;

use super::{Answers, JourneyState, use_journey_with_session};
use crate::{api, dom};

/// Key of the answers in `localStorage`.
const STORAGE_KEY: &str = "sscard.journey";

/// The journey context for a page of the journey: the answers saved before are read first (once
/// per visit), and from then on every change is saved.
pub fn use_journey_answers() -> JourneyState {
    let journey = use_journey_with_session();
    if !journey.answers_read.get_value() {
        journey.answers_read.set_value(true);
        read_and_keep_saved(journey);
    }
    journey
}

fn read_and_keep_saved(state: JourneyState) {
    if let Some(mut saved) =
        dom::load(STORAGE_KEY).and_then(|json| serde_json::from_str::<Answers>(&json).ok())
    {
        saved.follow_city(state.city.get_untracked());
        state.answers.set(saved);
        state.answers_settled.set(true);
    } else {
        // Nothing saved: the answers to come are this city's (the flow branches on it).
        let city = state.city.get_untracked();
        state.answers.update(|a| a.city = Some(city));
    }
    // Owned by the app, not by this page: the answers are saved after it is left, too.
    state.owner.with_value(|owner| {
        owner.with(|| {
            Effect::new(move |_| {
                let mut answers = state.answers.get();
                answers.city = Some(state.city.get());
                if let Ok(json) = serde_json::to_string(&answers) {
                    dom::store(STORAGE_KEY, &json);
                }
            });
            // A browser with no answers of its own (a mini-program's storage is wiped when it
            // closes) takes the server's draft, once the server says who is signed in.
            Effect::new(move |asked: Option<bool>| {
                if asked == Some(true) || !state.session_known.get() {
                    return asked == Some(true);
                }
                let fresh = state.answers.with_untracked(Answers::is_blank);
                if fresh && state.session.with_untracked(Option::is_some) {
                    spawn_local(take_server_draft(state));
                } else {
                    state.answers_settled.set(true);
                }
                true
            });
        })
    });
}

async fn take_server_draft(state: JourneyState) {
    if let Ok(Some(draft)) = api::get_draft().await
        && let Ok(mut answers) = serde_json::from_str::<Answers>(draft.data.get())
        && state.answers.with_untracked(Answers::is_blank)
    {
        answers.follow_city(state.city.get_untracked());
        state.answers.set(answers);
    }
    // With or without a draft (none saved, the server unreachable): what is here now is all.
    state.answers_settled.set(true);
}

impl JourneyState {
    /// Replaces the answers with the result of `update` and saves them: in this browser at once,
    /// and on the server when signed in (web-view storage can be wiped when a mini-program closes).
    pub fn save(&self, update: impl FnOnce(&mut Answers)) {
        let city = self.city.get_untracked();
        self.answers.update(|a| {
            update(a);
            // The answers are this city's: the flow and a later visit read it from them.
            a.city = Some(city);
        });
        if self.session.get_untracked().is_some() {
            self.save_to_server();
        }
    }

    /// Sends the answers to the server's draft store; a failure is harmless (the local copy stays).
    pub fn save_to_server(&self) {
        let mut answers = self.answers.get_untracked();
        answers.city = Some(self.city.get_untracked());
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

impl Answers {
    /// Fits answers read back (saved in this browser or on the server) to the chosen `city`:
    /// answers given for another city keep only what still applies here.
    pub fn follow_city(&mut self, city: City) {
        if self.city.is_some_and(|given_for| given_for != city) {
            self.keep_for_other_city();
        }
        self.city = Some(city);
    }
}

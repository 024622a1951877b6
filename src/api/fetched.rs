//! An API answer a page asks for as it opens (or again when what it asks about changes): a
//! signal that is `None` while the answer is on its way, which the page's view matches on. The
//! after-applying pages use this instead of `LocalResource` and `<Suspense>`, whose machinery
//! (async-derived signals, transitions, async locks) is about 8 KB brotli in every page file
//! that carries it, for what these pages need: ask, show "loading", show the answer.

use std::future::Future;
use std::rc::Rc;

use leptos::prelude::*;

/// What [`fetch_once`], [`fetch_for`] and [`fetch_for_again`] give: `None` until the answer has
/// come.
pub type Fetched<T> = ReadSignal<Option<T>>;

/// Starts `fetch` now and keeps its answer. A page closed before the answer comes drops it.
pub fn fetch_once<T, Fut>(fetch: impl FnOnce() -> Fut + 'static) -> Fetched<T>
where
    T: Send + Sync + 'static,
    Fut: Future<Output = T> + 'static,
{
    let (answer, set_answer) = signal(None);
    leptos::task::spawn_local(async move {
        // `try_set`: the page (and its signal) may be gone by now, which is no error.
        let _ = set_answer.try_set(Some(fetch().await));
    });
    answer
}

/// Like [`fetch_once`], asking again whenever `question` changes (a page's route parameter):
/// the signal is `None` again while the new answer is on its way, and an answer to an older
/// question is dropped, so the page never shows one thing under another's address.
pub fn fetch_for<Q, T, Fut>(
    question: impl Fn() -> Q + 'static,
    fetch: impl Fn(Q) -> Fut + 'static,
) -> Fetched<T>
where
    Q: 'static,
    T: Send + Sync + 'static,
    Fut: Future<Output = T> + 'static,
{
    fetch_for_again(question, Trigger::new(), fetch)
}

/// Like [`fetch_for`], also asking the same question again when `again` is notified (the list
/// is out of date after a change the page made). Then the answer shown stays until the new one
/// comes, so the page does not fall back to "loading" (and its title to the first step).
pub fn fetch_for_again<Q, T, Fut>(
    question: impl Fn() -> Q + 'static,
    again: Trigger,
    fetch: impl Fn(Q) -> Fut + 'static,
) -> Fetched<T>
where
    Q: 'static,
    T: Send + Sync + 'static,
    Fut: Future<Output = T> + 'static,
{
    let (answer, set_answer) = signal(None);
    let asked = StoredValue::new(0_u32);
    // Asks `q`; `anew` (a new question) clears the answer shown. Only the answer to the latest
    // asking is kept.
    let ask = Rc::new(move |q: Q, anew: bool| {
        let pending = fetch(q);
        let this = asked.get_value().wrapping_add(1);
        asked.set_value(this);
        if anew {
            let _ = set_answer.try_set(None);
        }
        leptos::task::spawn_local(async move {
            let got = pending.await;
            if asked.try_get_value() == Some(this) {
                let _ = set_answer.try_set(Some(got));
            }
        });
    });
    let question = Rc::new(question);
    {
        let (ask, question) = (Rc::clone(&ask), Rc::clone(&question));
        Effect::new(move |_| ask(question(), true));
    }
    // Not on its first run: the effect above has just asked.
    Effect::new(move |first: Option<()>| {
        again.track();
        if first.is_some() {
            ask(untrack(|| question()), false);
        }
    });
    answer
}

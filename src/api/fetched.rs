//! An API answer a page asks for once, as it opens: a signal that is `None` while the answer is
//! on its way. For a page that neither asks again nor waits in a `<Suspense>`, this is all a
//! `LocalResource` would do, without its machinery (async-derived signals, transitions, async
//! locks), which is about 8 KB brotli in the file of a page that uses nothing else of it.

use std::future::Future;

use leptos::prelude::*;

/// What [`fetch_once`] gives: `None` until the answer has come.
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

//! Requests a page makes when it opens, started before its code has arrived.
//!
//! A deep-linked page that lives in a lazily loaded wasm part would otherwise ask the API
//! only once that part is downloaded and running: two round trips one after the other on a
//! slow phone network. The route's `ChooseView::choose` (src/routes.rs), which runs as
//! soon as the route matches, calls [`start`] for the GETs the page is known to make; the
//! page's own call then takes the answer ([`take`]) instead of asking again.
//!
//! An early answer is used once, and only within [`FRESH_MS`] of its request, so a later
//! read (after a change the person made) always goes to the server.

use std::{
    cell::RefCell,
    future::Future,
    pin::Pin,
    rc::Rc,
    task::{Context, Poll, Waker},
};

use gloo_net::http::Request;

/// How long an early answer may stand in for a request of the page.
const FRESH_MS: f64 = 10_000.0;

/// An answer as it came: the HTTP status and the body, or `None` when nothing came back.
pub type Answer = Option<(u16, String)>;

#[derive(Default)]
struct Slot {
    answer: Option<Answer>,
    waiting: Vec<Waker>,
    started_ms: f64,
}

thread_local! {
    // A handful at most (one page's requests): a list, not a map, costs fewer wasm bytes.
    static EARLY: RefCell<Vec<(String, Rc<RefCell<Slot>>)>> = const { RefCell::new(Vec::new()) };
}

fn remove(list: &mut Vec<(String, Rc<RefCell<Slot>>)>, url: &str) -> Option<Rc<RefCell<Slot>>> {
    let i = list.iter().position(|(u, _)| u == url)?;
    Some(list.swap_remove(i).1)
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Starts `GET {url}` now, unless an early request for it is already on its way.
pub fn start(url: String) {
    let fresh = EARLY.with(|e| {
        e.borrow()
            .iter()
            .any(|(u, s)| *u == url && now_ms() - s.borrow().started_ms < FRESH_MS)
    });
    if fresh {
        return;
    }
    let slot = Rc::new(RefCell::new(Slot {
        started_ms: now_ms(),
        ..Slot::default()
    }));
    EARLY.with(|e| {
        let mut list = e.borrow_mut();
        remove(&mut list, &url);
        list.push((url.clone(), slot.clone()));
    });
    wasm_bindgen_futures::spawn_local(async move {
        let answer = fetch(&url).await;
        let waiting = {
            let mut s = slot.borrow_mut();
            s.answer = Some(answer);
            std::mem::take(&mut s.waiting)
        };
        waiting.into_iter().for_each(Waker::wake);
    });
}

/// The early answer for `url`, waiting for it if it is on its way; `None` when there is no
/// fresh one (the caller asks the server itself). Each early answer is taken once.
pub async fn take(url: &str) -> Option<Answer> {
    let slot = EARLY.with(|e| remove(&mut e.borrow_mut(), url))?;
    if now_ms() - slot.borrow().started_ms >= FRESH_MS {
        return None;
    }
    Some(Arrival(slot).await)
}

/// `GET url`, as status and body text (the one way the client reads a GET).
pub async fn fetch(url: &str) -> Answer {
    let response = Request::get(url).send().await.ok()?;
    super::policy_update::notice(&response.headers());
    let status = response.status();
    response.text().await.ok().map(|body| (status, body))
}

/// Resolves when the slot's answer is there.
struct Arrival(Rc<RefCell<Slot>>);

impl Future for Arrival {
    type Output = Answer;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Answer> {
        let mut s = self.0.borrow_mut();
        match s.answer.take() {
            Some(answer) => Poll::Ready(answer),
            None => {
                s.waiting.push(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

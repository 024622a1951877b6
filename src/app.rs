//! The root component: context providers, the shell (header, main, footer) and the routes.

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

use crate::components::{Footer, Header, SkipLink};
use crate::i18n::provide_i18n;
use crate::pages::{HelpPage, HomePage, NotFoundPage};

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    view! {
        <Router>
            <SkipLink />
            <Header />
            <main id="main" class="page">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/help") view=HelpPage />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}

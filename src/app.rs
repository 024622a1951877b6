//! The root component: context providers, the shell (header, main, footer) and the routes.

use leptos::children::ToChildren;
use leptos::prelude::*;
use leptos_router::components::{RouteChildren, Router, Routes, RoutesProps};

use crate::components::{DemoBanner, Footer, Header, RouteProgress, SkipLink};
use crate::i18n::provide_i18n;
use crate::journey::{CityFromUrl, provide_journey};
use crate::pages::NotFoundPage;
use crate::routes::page_routes;

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    provide_journey();
    let (is_routing, set_is_routing) = signal(false);
    view! {
        <Router set_is_routing>
            <CityFromUrl />
            <RouteProgress is_routing />
            <SkipLink />
            <Header />
            <DemoBanner />
            <main id="main" class="page">
                // Every page, from the one table in src/routes.rs (a built list, which the
                // `<Routes>` tag's children cannot be).
                {Routes(RoutesProps {
                    fallback: NotFoundPage,
                    transition: false,
                    children: RouteChildren::to_children(page_routes),
                })}
            </main>
            <Footer />
        </Router>
    }
}

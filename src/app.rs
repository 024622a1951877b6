//! The root component: context providers, the shell (header, main, footer) and the routes.

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

use crate::components::{DemoBanner, Footer, Header, RouteProgress, SkipLink};
use crate::i18n::provide_i18n;
use crate::journey::{CityFromUrl, provide_journey};
use crate::lazy_routes::*;
use crate::pages::{HomePage, NotFoundPage};
use leptos_router::Lazy;

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
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/help") view={Lazy::<HelpRoute>::new()} />
                    // The eligibility check (no personal data).
                    <Route path=path!("/check") view={Lazy::<CheckWhoRoute>::new()} />
                    <Route path=path!("/check/birth-date") view={Lazy::<CheckBirthRoute>::new()} />
                    <Route path=path!("/check/guardian") view={Lazy::<CheckGuardianRoute>::new()} />
                    <Route path=path!("/check/card") view={Lazy::<CheckCardHeldRoute>::new()} />
                    <Route path=path!("/check/insured") view={Lazy::<CheckInsuredRoute>::new()} />
                    <Route path=path!("/check/category") view={Lazy::<CheckCategoryRoute>::new()} />
                    <Route path=path!("/check/residence") view={Lazy::<CheckResidenceRoute>::new()} />
                    <Route path=path!("/check/group") view={Lazy::<CheckGroupRoute>::new()} />
                    <Route path=path!("/check/living-away") view={Lazy::<CheckRemoteRoute>::new()} />
                    <Route path=path!("/check/result") view={Lazy::<CheckResultRoute>::new()} />
                    // The application.
                    <Route path=path!("/apply/details") view={Lazy::<DetailsRoute>::new()} />
                    <Route path=path!("/apply/verify") view={Lazy::<VerifyRoute>::new()} />
                    <Route path=path!("/apply/child") view={Lazy::<ChildRoute>::new()} />
                    <Route path=path!("/apply/bank") view={Lazy::<BankRoute>::new()} />
                    <Route path=path!("/apply/pickup") view={Lazy::<PickupRoute>::new()} />
                    <Route path=path!("/apply/address") view={Lazy::<AddressRoute>::new()} />
                    <Route path=path!("/apply/branch") view={Lazy::<BranchRoute>::new()} />
                    <Route path=path!("/apply/in-person") view={Lazy::<InPersonRoute>::new()} />
                    <Route path=path!("/apply/check") view={Lazy::<CheckAnswersRoute>::new()} />
                    <Route path=path!("/apply/confirmation/:id") view={Lazy::<ConfirmationRoute>::new()} />
                    // After applying (issue 6).
                    <Route path=path!("/sign-in") view={Lazy::<SignInRoute>::new()} />
                    <Route path=path!("/progress") view={Lazy::<ProgressRoute>::new()} />
                    <Route path=path!("/cards/:id/enable") view={Lazy::<EnableRoute>::new()} />
                    <Route path=path!("/loss") view={Lazy::<LossRoute>::new()} />
                    <Route path=path!("/password") view={Lazy::<PasswordRoute>::new()} />
                    <Route path=path!("/password/reset") view={Lazy::<ResetRoute>::new()} />
                    <Route path=path!("/contact") view={Lazy::<ContactRoute>::new()} />
                    <Route path=path!("/replace") view={Lazy::<ReplaceRoute>::new()} />
                    <Route path=path!("/confirm") view={Lazy::<ConfirmRoute>::new()} />
                    <Route path=path!("/details") view={Lazy::<PersonDetailsRoute>::new()} />
                    <Route path=path!("/where") view={Lazy::<WhereRoute>::new()} />
                    <Route path=path!("/notices") view={Lazy::<NoticesRoute>::new()} />
                    <Route path=path!("/rules") view={Lazy::<RulesRoute>::new()} />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}

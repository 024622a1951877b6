//! The root component: context providers, the shell (header, main, footer) and the routes.

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

use crate::components::{DemoBanner, Footer, Header, SkipLink};
use crate::i18n::provide_i18n;
use crate::journey::provide_journey;
use crate::pages::journey::{
    AddressPage, BankPage, BranchPage, CheckAnswersPage, CheckBirthPage, CheckCardHeldPage,
    CheckCategoryPage, CheckGuardianPage, CheckInsuredPage, CheckResidencePage, CheckResultPage,
    CheckWhoPage, ChildPage, ConfirmationPage, DetailsPage, InPersonPage, PickupPage, VerifyPage,
};
use crate::pages::{
    EnablePage, LossPage, PasswordPage, ProgressPage, RulesPage, SignInPage, WherePage,
};
use crate::pages::{HelpPage, HomePage, NotFoundPage};

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    provide_journey();
    view! {
        <Router>
            <SkipLink />
            <Header />
            <DemoBanner />
            <main id="main" class="page">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/help") view=HelpPage />
                    // The eligibility check (no personal data).
                    <Route path=path!("/check") view=CheckWhoPage />
                    <Route path=path!("/check/birth-date") view=CheckBirthPage />
                    <Route path=path!("/check/guardian") view=CheckGuardianPage />
                    <Route path=path!("/check/card") view=CheckCardHeldPage />
                    <Route path=path!("/check/insured") view=CheckInsuredPage />
                    <Route path=path!("/check/category") view=CheckCategoryPage />
                    <Route path=path!("/check/residence") view=CheckResidencePage />
                    <Route path=path!("/check/result") view=CheckResultPage />
                    // The application.
                    <Route path=path!("/apply/details") view=DetailsPage />
                    <Route path=path!("/apply/verify") view=VerifyPage />
                    <Route path=path!("/apply/child") view=ChildPage />
                    <Route path=path!("/apply/bank") view=BankPage />
                    <Route path=path!("/apply/pickup") view=PickupPage />
                    <Route path=path!("/apply/address") view=AddressPage />
                    <Route path=path!("/apply/branch") view=BranchPage />
                    <Route path=path!("/apply/in-person") view=InPersonPage />
                    <Route path=path!("/apply/check") view=CheckAnswersPage />
                    <Route path=path!("/apply/confirmation/:id") view=ConfirmationPage />
                    // After applying (issue 6).
                    <Route path=path!("/sign-in") view=SignInPage />
                    <Route path=path!("/progress") view=ProgressPage />
                    <Route path=path!("/cards/:id/enable") view=EnablePage />
                    <Route path=path!("/loss") view=LossPage />
                    <Route path=path!("/password") view=PasswordPage />
                    <Route path=path!("/where") view=WherePage />
                    <Route path=path!("/rules") view=RulesPage />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}

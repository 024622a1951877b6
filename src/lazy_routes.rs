//! Pages whose code is loaded when they are first shown.
//!
//! With the `split` feature (the release build, scripts/build-wasm.sh) each page's view is a
//! wasm-split point, so the first load carries the start page and what every page shares, and
//! a page's code comes when the router first goes to it. scripts/merge-parts.mjs then puts all
//! the code a split point needs into its one file (`$module` below). The journey's pages are
//! grouped by step (`question`, `checks`, `apply`): they are visited one after another, so one
//! file serves the next page too. The pages a citizen opens on their own (from a bookmark, a
//! WeChat menu, a letter) are split points of their own, so each fetches only its code. Without
//! the feature (browser tests, `cargo check`) the same routes render directly, so the app behaves
//! the same either way.
//!
//! A page whose file cannot be fetched (a dropped connection) shows [`PageLoadFailed`] instead
//! of stopping the app; the next visit tries again.

use leptos::prelude::*;
use leptos_router::LazyRoute;

use crate::components::PageLoadFailed;

/// Declares, for each page, a route type whose view is the page loaded on demand. Pages with the
/// same `$module` share one wasm file.
///
/// `early [paths]` names the GETs the page makes as it opens: `data()`, which runs as soon as
/// the route matches, starts them while the page's code is still on its way (`api::early`).
macro_rules! lazy_routes {
    ($($(#[$doc:meta])* $route:ident($module:ident::$chunk:ident) => $page:path
        $(, early [$($path:literal),* $(,)?])?;)*) => {$(
        $(#[$doc])*
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $($(crate::api::start_early($path);)*)?
                // Newer rules than this build's, named on the page the server sent: fetched
                // while the page's code loads (one string compared when there are none).
                crate::api::policy_update::notice_page();
                $route
            }

            async fn view(_: Self) -> AnyView {
                #[cfg_attr(
                    feature = "split",
                    leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)
                )]
                fn $chunk() -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
                    Ok(view! { <$page /> }.into_any())
                }
                #[cfg(feature = "split")]
                let view = $chunk().await;
                #[cfg(not(feature = "split"))]
                let view = $chunk();
                view.unwrap_or_else(|_| view! { <PageLoadFailed /> }.into_any())
            }
        }
    )*};
}

lazy_routes! {
    /// `/help`.
    HelpRoute(help::help) => crate::pages::HelpPage;
    /// `/check`.
    CheckWhoRoute(question::check_who) => crate::pages::journey::CheckWhoPage;
    /// `/check/birth-date`.
    CheckBirthRoute(checks::check_birth) => crate::pages::journey::CheckBirthPage;
    /// `/check/guardian`.
    CheckGuardianRoute(checks::check_guardian) => crate::pages::journey::CheckGuardianPage;
    /// `/check/card`.
    CheckCardHeldRoute(checks::check_card_held) => crate::pages::journey::CheckCardHeldPage;
    /// `/check/insured`.
    CheckInsuredRoute(checks::check_insured) => crate::pages::journey::CheckInsuredPage;
    /// `/check/category`.
    CheckCategoryRoute(checks::check_category) => crate::pages::journey::CheckCategoryPage;
    /// `/check/residence`.
    CheckResidenceRoute(checks::check_residence) => crate::pages::journey::CheckResidencePage;
    /// `/check/group`.
    CheckGroupRoute(checks::check_group) => crate::pages::journey::CheckGroupPage;
    /// `/check/living-away`.
    CheckRemoteRoute(checks::check_remote) => crate::pages::journey::CheckRemotePage;
    /// `/check/result`.
    CheckResultRoute(checks::check_result) => crate::pages::journey::CheckResultPage;
    /// `/apply/details`.
    DetailsRoute(apply::details) => crate::pages::journey::DetailsPage;
    /// `/apply/verify`.
    VerifyRoute(apply::verify) => crate::pages::journey::VerifyPage;
    /// `/apply/child`.
    ChildRoute(apply::child) => crate::pages::journey::ChildPage;
    /// `/apply/bank`.
    BankRoute(apply::bank) => crate::pages::journey::BankPage;
    /// `/apply/pickup`.
    PickupRoute(apply::pickup) => crate::pages::journey::PickupPage;
    /// `/apply/address`.
    AddressRoute(apply::address) => crate::pages::journey::AddressPage;
    /// `/apply/branch`.
    BranchRoute(apply::branch) => crate::pages::journey::BranchPage;
    /// `/apply/in-person`.
    InPersonRoute(apply::in_person) => crate::pages::journey::InPersonPage;
    /// `/apply/check`.
    CheckAnswersRoute(apply::check_answers) => crate::pages::journey::CheckAnswersPage;
    /// `/apply/confirmation/:id`.
    ConfirmationRoute(confirmation::confirmation) => crate::pages::journey::ConfirmationPage;
    /// `/sign-in`.
    SignInRoute(sign_in::sign_in) => crate::pages::SignInPage;
    /// `/progress`.
    ProgressRoute(progress::progress) => crate::pages::ProgressPage,
        early ["/auth/session", "/applications", "/cards"];
    /// `/cards/:id/enable`.
    EnableRoute(enable::enable) => crate::pages::EnablePage, early ["/auth/session", "/cards"];
    /// `/loss`.
    LossRoute(loss::loss) => crate::pages::LossPage, early ["/auth/session", "/cards"];
    /// `/password`.
    PasswordRoute(password::password) => crate::pages::PasswordPage;
    /// `/where`.
    WhereRoute(where_to::where_to) => crate::pages::WherePage;
    /// `/password/reset`.
    ResetRoute(reset::reset) => crate::pages::ResetPage;
    /// `/contact`.
    ContactRoute(contact::contact) => crate::pages::ContactPage;
    /// `/details`.
    PersonDetailsRoute(details::details) => crate::pages::DetailsPage;
    /// `/notices`.
    NoticesRoute(notices::notices) => crate::pages::NoticesPage,
        early ["/auth/session", "/notices", "/notices/settings"];
    /// `/replace`.
    ReplaceRoute(replace::replace) => crate::pages::ReplacePage;
    /// `/confirm`.
    ConfirmRoute(confirm::confirm) => crate::pages::ConfirmPage;
    /// `/rules`.
    RulesRoute(rules::rules) => crate::pages::RulesPage;
}

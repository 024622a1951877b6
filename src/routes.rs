//! The app's pages, declared once in src/routes.json: each page's path, its component, the wasm
//! file its code comes in and the GETs it makes as it opens. build.rs writes that list out as a
//! [`Page`] enum (through `pages!` below); the router's table ([`page_routes`]), the journey's
//! steps (`Step::page`), the page loader's prefetch table and the size report
//! (scripts/app-routes.mjs) all come from it.
//!
//! Every route has the same type: its path is a [`PagePath`] and its view a [`Page`]. The
//! router's matching and view-choosing code is generic over the route's type, so with one type
//! per page it was compiled 35 times into the first load of every page; with one type it is
//! compiled once.
//!
//! With the `split` feature (the release build, scripts/build-wasm.sh) every page, the start page
//! too, is a wasm-split point, so the first load carries what every page shares and the page's
//! own code, and another page's code comes when the router first goes to it. (The start page
//! was in the main module until 2026-11-30: as a part of its own it costs `/` 3.0 KB and saves
//! every other route 1.5 to 3.4 KB.) scripts/merge-parts.mjs
//! then puts all the code a split point needs into its one file (`$module` below). The journey's
//! pages are grouped by step (`question`, `checks`, `apply`): they are visited one after another,
//! so one file serves the next page too. The pages a citizen opens on their own (from a bookmark,
//! a WeChat menu, a letter) are split points of their own, so each fetches only its code.
//! Without the feature (browser tests, `cargo check`) the same routes render directly, so the
//! app behaves the same either way.
//!
//! A page whose file cannot be fetched (a dropped connection) shows [`PageLoadFailed`] instead
//! of stopping the app; the next visit tries again.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::view::iterators::StaticVec;
use leptos_router::{ChooseView, MatchNestedRoutes, NestedRoute, PossibleRouteMatch, path};

use crate::components::PageLoadFailed;

/// A route's path, whatever its segments: one type for every page's path.
pub type PagePath = Arc<dyn PossibleRouteMatch + Send + Sync>;

/// A page's view: the component itself for a page without a part (none now; routes.json may
/// leave only the start page's out), else the component loaded from its wasm-split point
/// `$module` (the split function is named `$chunk`).
macro_rules! page_view {
    ($component:path) => {
        view! { <$component /> }.into_any()
    };
    ($component:path, $module:ident::$chunk:ident) => {{
        #[cfg_attr(
            feature = "split",
            leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)
        )]
        fn $chunk() -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
            Ok(view! { <$component /> }.into_any())
        }
        #[cfg(feature = "split")]
        let view = $chunk().await;
        #[cfg(not(feature = "split"))]
        let view = $chunk();
        view.unwrap_or_else(|_| view! { <PageLoadFailed /> }.into_any())
    }};
}

/// Declares [`Page`]: for each page its path, its component, the wasm-split point its code
/// comes in (`in module::chunk`; only the start page may have none, to be in the main module) and
/// `early [paths]`, the GETs it makes as it opens. Those start as soon as the route matches,
/// while the page's code is still on its way (`api::early`).
macro_rules! pages {
    ($($(#[$doc:meta])* $page:ident($path:tt) => $component:path
        $(, in $module:ident::$chunk:ident)?
        $(, early [$($early:literal),* $(,)?])?;)*) => {
        /// Every page of the app.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Page {
            $($(#[$doc])* $page,)*
        }

        impl Page {
            /// Every page, in the router's order.
            pub const ALL: &[Page] = &[$(Page::$page),*];

            /// The path as written in the route table (`/apply/confirmation/:id`).
            pub const fn pattern(self) -> &'static str {
                match self {
                    $(Page::$page => $path,)*
                }
            }

            /// The router's matcher for [`Page::pattern`].
            fn path(self) -> PagePath {
                match self {
                    $(Page::$page => Arc::new(path!($path)),)*
                }
            }

            /// The GETs (paths under the API's base) the page makes as it opens.
            pub const fn early(self) -> &'static [&'static str] {
                match self {
                    $(Page::$page => &[$($($early),*)?],)*
                }
            }

            /// The page's view, once its code is loaded.
            async fn view(self) -> AnyView {
                match self {
                    $(Page::$page => page_view!($component $(, $module::$chunk)?),)*
                }
            }
        }
    };
}

// The table itself: src/routes.json, written out as a `pages!` invocation by build.rs.
include!(concat!(env!("OUT_DIR"), "/pages.rs"));

/// The router's view for a page. `choose` runs as soon as the route matches: it starts the
/// page's early GETs and, if the page the server sent names newer rules than this build's,
/// their download, before it waits for the page's code.
impl ChooseView for Page {
    async fn choose(self) -> AnyView {
        for path in self.early() {
            crate::api::start_early(path);
        }
        // Not on the start page, which stays light: the next page checks.
        if self != Page::Home {
            crate::api::policy_update::notice_page();
        }
        self.view().await
    }

    async fn preload(&self) {}
}

/// The router's route definitions, one per [`Page`], all of one type.
pub fn page_routes() -> impl MatchNestedRoutes + Clone + Send + 'static {
    let routes: Vec<_> = Page::ALL
        .iter()
        .map(|&page| NestedRoute::new(page.path(), page))
        .collect();
    StaticVec::from(routes)
}

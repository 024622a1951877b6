//! The city whose rules the journey follows. The rules crate knows several (`City::ALL`); the
//! person chooses one, and the choice is kept as the typed [`City`]: its string (`City::id`)
//! appears only in the URL (`?city=shanghai`) and in this browser's storage.

use leptos::prelude::*;
use sscard_rules::City;

use super::Answers;
use crate::dom;

/// Key of the chosen city in `localStorage`.
const STORAGE_KEY: &str = "sscard.city";

/// The city asked for by a `?city=` in this URL, if it names a city the rules crate knows.
pub fn city_in_url() -> Option<City> {
    let search = web_sys::window()?.location().search().ok()?;
    city_in_query(&search)
}

/// The city named by `city=` in a query string (`?a=b&city=urumqi`).
pub fn city_in_query(search: &str) -> Option<City> {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("city="))
        .and_then(City::from_id)
}

/// The city to start with: the URL's, else the one chosen before in this browser, else Beijing,
/// the city whose online application the seeds describe in full.
pub fn initial_city() -> City {
    city_in_url()
        .or_else(|| dom::load(STORAGE_KEY).and_then(|id| City::from_id(&id)))
        .unwrap_or(City::Beijing)
}

/// Remembers the chosen city in this browser.
pub fn remember_city(city: City) {
    dom::store(STORAGE_KEY, city.id());
}

impl Answers {
    /// Keeps the answers that still apply in another city: who applies, the birth dates, the
    /// guardianship proof, the card held and the personal details. Being insured or resident
    /// "in the city", the city's own questions (the group, living away), the bank, the pickup,
    /// the branch and the backup centre belong to the old city, so they are asked again.
    pub fn keep_for_other_city(&mut self) {
        self.insured = None;
        self.category = None;
        self.residence = None;
        self.group = None;
        self.lives_elsewhere = None;
        self.bank = None;
        self.pickup = None;
        self.branch_id = None;
        self.backup_centre.clear();
        self.district.clear();
        self.changing = false;
    }
}

/// Watches the URL for `?city=`: a link (or a mini-program menu) that opens a city switches to
/// it, keeping the answers that still apply.
#[component]
pub fn CityFromUrl() -> impl IntoView {
    let journey = super::use_journey();
    let search = leptos_router::hooks::use_location().search;
    Effect::new(move |_| {
        if let Some(city) = search.with(|s| city_in_query(s)) {
            journey.choose_city(city);
        }
    });
}

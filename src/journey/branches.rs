use sscard_rules::wire::{Branch, BranchQuery};

use crate::api;
use sscard_rules::{Bank, City};

/// `city`'s branches of `bank` (all banks when `None`), optionally only those that make cards
/// on the spot, loaded from the server once. Sample data: the seeds name no branches. A failed
/// load gives an empty list, which the pages present as "no branch matches".
pub fn branches_of(
    city: City,
    bank: Option<Bank>,
    on_the_spot_only: bool,
) -> api::Fetched<Vec<Branch>> {
    api::fetch_once(move || {
        let query = BranchQuery {
            bank: bank.map(|b| b.id().to_owned()),
            on_the_spot: on_the_spot_only.then_some(true),
            ..Default::default()
        };
        async move { api::branches(city.id(), &query).await.unwrap_or_default() }
    })
}

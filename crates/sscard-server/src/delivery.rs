//! Where a new card goes: a branch of the issuing bank, or a postal address. One check for
//! first applications and replacements, with the rules crate's check of an address.

use sscard_rules::{Bank, City, PickupMethod, check_postal_address, wire::PostalAddress};

use crate::{branches, problem::FieldErrors};

/// Checks the branch (when `pickup` is a branch) or the postal address (when by post) of a
/// card of `bank` in `city` (`None`: not a known one); pushes one field problem per mistake.
pub fn check(
    errors: &mut FieldErrors,
    city: Option<City>,
    bank: Option<Bank>,
    pickup: Option<PickupMethod>,
    branch_id: Option<&str>,
    postal_address: Option<&PostalAddress>,
) {
    match pickup {
        Some(PickupMethod::Branch) => match branch_id.map(branches::city_and_bank) {
            None => errors.push("branch_id", "branch_id.missing", "choose a branch"),
            Some(None) => errors.push("branch_id", "branch_id.unknown", "unknown branch"),
            Some(Some(at)) if Some(at) != city.zip(bank) => errors.push(
                "branch_id",
                "branch_id.wrong_bank",
                "the branch belongs to another bank or city",
            ),
            Some(Some(_)) => {}
        },
        Some(PickupMethod::Mail) => match postal_address {
            None => errors.push(
                "postal_address",
                "postal_address.missing",
                "enter the postal address",
            ),
            Some(a) => errors.add(check_postal_address(a)),
        },
        Some(PickupMethod::OnTheSpot | PickupMethod::Employer) => errors.push(
            "pickup",
            "pickup.not_online",
            "this pickup method cannot be chosen online",
        ),
        None => {}
    }
}

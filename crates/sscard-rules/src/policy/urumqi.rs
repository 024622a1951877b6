//! Urumqi policy data: the tables build.rs generates from `policy/urumqi.toml`
//! (seed 004; see that file for the dating of its values).

include!(concat!(env!("OUT_DIR"), "/policy_urumqi.rs"));

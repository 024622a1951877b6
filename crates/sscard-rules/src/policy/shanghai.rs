//! Shanghai policy data: the tables build.rs generates from `policy/shanghai.toml`
//! (seed 003 only; see that file for the sources and what is left undefined).

include!(concat!(env!("OUT_DIR"), "/policy_shanghai.rs"));

//! Beijing policy data: the tables build.rs generates from `policy/beijing.toml`
//! (seeds 000, 001, 002; see that file for how the programme dates were fixed).

include!(concat!(env!("OUT_DIR"), "/policy_beijing.rs"));

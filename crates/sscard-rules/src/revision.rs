//! The revision of a data file: the FNV-1a hash (64 bits) of its bytes, as 16 hex digits.
//!
//! Shared with build.rs (`#[path]`), which writes the embedded data's revisions, so the server
//! and the app compare revisions computed the one way.

/// FNV-1a, 64 bits, of `bytes`, as 16 lowercase hex digits: changes with any byte.
pub fn fnv1a(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

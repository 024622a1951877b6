//! Opaque public identifiers and random secrets.
//!
//! Rows have integer keys internally; URLs and JSON only ever carry random
//! public ids, so ids cannot be guessed or enumerated.

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// `len` random bytes from the operating system.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).expect("operating system random number generator");
    b
}

/// A public id like `app_3kq9x0c2m1r7` (prefix + 16 lowercase hex digits).
pub fn public_id(prefix: &str) -> String {
    let b = random_bytes::<8>();
    let mut s = String::with_capacity(prefix.len() + 17);
    s.push_str(prefix);
    s.push('_');
    for x in b {
        s.push_str(&format!("{x:02x}"));
    }
    s
}

/// A new hotline reference number (rules crate DECISIONS D34) from operating-system randomness.
pub fn reference() -> sscard_rules::Reference {
    sscard_rules::Reference::generate_from(random_bytes())
}

/// A session token (256 bits, URL-safe base64).
pub fn token() -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(random_bytes::<32>())
}

/// A 6-digit one-time code.
pub fn six_digit_code() -> String {
    let b = random_bytes::<4>();
    format!("{:06}", u32::from_le_bytes(b) % 1_000_000)
}

/// Hex sha256, used to store tokens and codes without storing them.
pub fn sha256_hex(data: &[u8]) -> String {
    Sha256::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

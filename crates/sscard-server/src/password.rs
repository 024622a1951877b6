//! Service-password hashing (PBKDF2-HMAC-SHA256, per-person salt).
//!
//! Stored as `pbkdf2-sha256$<rounds>$<salt hex>$<hash hex>` so the cost can be
//! raised later without invalidating stored hashes.

use sha2::Sha256;

/// Rounds for new hashes. Debug builds (tests) use fewer: the property tested
/// is the format and the comparison, not the cost.
const ROUNDS: u32 = if cfg!(debug_assertions) {
    1_000
} else {
    100_000
};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Hashes a password with a fresh salt.
pub fn hash(password: &str) -> String {
    let salt = crate::ids::random_bytes::<16>();
    let mut out = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<Sha256>(password.as_bytes(), &salt, ROUNDS, &mut out);
    format!("pbkdf2-sha256${ROUNDS}${}${}", hex(&salt), hex(&out))
}

/// Checks a password against a stored hash in constant time.
pub fn verify(password: &str, stored: &str) -> bool {
    let mut parts = stored.split('$');
    let (Some("pbkdf2-sha256"), Some(rounds), Some(salt), Some(expected), None) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return false;
    };
    let (Ok(rounds), Some(salt), Some(expected)) =
        (rounds.parse::<u32>(), unhex(salt), unhex(expected))
    else {
        return false;
    };
    let mut out = vec![0u8; expected.len()];
    pbkdf2::pbkdf2_hmac::<Sha256>(password.as_bytes(), &salt, rounds, &mut out);
    // Constant-time comparison: no early exit on the first differing byte.
    out.len() == expected.len()
        && out
            .iter()
            .zip(&expected)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let h = hash("123456");
        assert!(verify("123456", &h));
        assert!(!verify("123457", &h));
        assert!(!verify("123456", "garbage"));
    }
}

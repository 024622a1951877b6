//! Service passwords (服务密码): Argon2id hashes, checked off the database
//! writer and with the same work whether or not a password exists.
//!
//! * New hashes are Argon2id with OWASP's first-choice parameters (19 MiB,
//!   2 passes, 1 lane), stored as PHC strings (`$argon2id$v=19$m=19456,t=2,p=1$…`),
//!   so the cost can be raised later without invalidating stored hashes.
//! * Hashes written before (`pbkdf2-sha256$…`) still verify and are replaced by
//!   an Argon2id hash at the next successful sign-in.
//! * The initial password of a new card is the last 6 characters of the ID
//!   number (manual Q17): it is not stored at all (the ID number already says
//!   it) until the holder changes it.
//! * Every check costs one Argon2id computation, also for an unknown ID number,
//!   a person without a card or an initial password: the time of an answer must
//!   not tell whether an ID number is on record.
//! * At most [`CONCURRENT_HASHES`] computations run at once (each takes 19 MiB),
//!   on the blocking pool, never while the writer connection is held.

use std::sync::OnceLock;

use argon2::{
    Argon2,
    password_hash::{PasswordHasher, PasswordVerifier},
};
use sha2::Sha256;
use tokio::sync::Semaphore;

/// Argon2id computations allowed at the same time (memory: 19 MiB each).
pub const CONCURRENT_HASHES: usize = 4;

/// What is on record for the person whose password is checked.
#[derive(Debug, Clone)]
pub enum Stored {
    /// A hash (Argon2id, or a legacy PBKDF2 one).
    Hash(String),
    /// The card's initial password, not changed yet: the ID number's last 6 characters.
    Initial(String),
    /// No password: unknown ID number, or a person who holds no card.
    Nothing,
}

impl Stored {
    /// The stored hash, if there is one.
    pub fn hash(&self) -> Option<&str> {
        match self {
            Stored::Hash(h) => Some(h),
            _ => None,
        }
    }
}

/// The outcome of a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checked {
    /// The password is right.
    pub ok: bool,
    /// The stored hash is of an older kind and should be replaced.
    pub needs_rehash: bool,
}

fn semaphore() -> &'static Semaphore {
    static S: OnceLock<Semaphore> = OnceLock::new();
    S.get_or_init(|| Semaphore::new(CONCURRENT_HASHES))
}

/// A hash of nothing anybody knows, verified when there is no hash to verify.
fn dummy_hash() -> &'static str {
    static D: OnceLock<String> = OnceLock::new();
    D.get_or_init(|| hash(&crate::ids::token()))
}

/// Hashes a password (Argon2id, fresh salt). Blocking: call [`hash_async`] from handlers.
pub fn hash(password: &str) -> String {
    Argon2::default()
        .hash_password(password.as_bytes())
        .expect("Argon2id with default parameters")
        .to_string()
}

/// [`hash`] on the blocking pool, within the concurrency limit.
pub async fn hash_async(password: String) -> String {
    let _permit = semaphore().acquire().await.expect("never closed");
    tokio::task::spawn_blocking(move || hash(&password))
        .await
        .expect("hashing does not panic")
}

/// Checks `password` against what is stored. Blocking: call [`check_async`] from handlers.
pub fn check(password: &str, stored: &Stored) -> Checked {
    match stored {
        Stored::Hash(h) if h.starts_with("pbkdf2-sha256$") => {
            // The legacy hash is cheaper than Argon2id: add one so the time matches.
            let ok = verify_pbkdf2(password, h);
            verify_argon2(password, dummy_hash());
            Checked {
                ok,
                needs_rehash: true,
            }
        }
        Stored::Hash(h) => Checked {
            ok: verify_argon2(password, h),
            needs_rehash: false,
        },
        Stored::Initial(initial) => {
            verify_argon2(password, dummy_hash());
            Checked {
                ok: crate::secret::constant_time_eq(password, initial),
                needs_rehash: false,
            }
        }
        Stored::Nothing => {
            verify_argon2(password, dummy_hash());
            Checked {
                ok: false,
                needs_rehash: false,
            }
        }
    }
}

/// [`check`] on the blocking pool, within the concurrency limit.
pub async fn check_async(password: String, stored: Stored) -> Checked {
    let _permit = semaphore().acquire().await.expect("never closed");
    tokio::task::spawn_blocking(move || check(&password, &stored))
        .await
        .expect("checking does not panic")
}

fn verify_argon2(password: &str, phc: &str) -> bool {
    Argon2::default()
        .verify_password(password.as_bytes(), phc)
        .is_ok()
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

/// `pbkdf2-sha256$<rounds>$<salt hex>$<hash hex>`, the format before Argon2id.
fn verify_pbkdf2(password: &str, stored: &str) -> bool {
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
    fn argon2id_round_trip_with_owasp_parameters() {
        let h = hash("635241");
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        let stored = Stored::Hash(h);
        assert_eq!(
            check("635241", &stored),
            Checked {
                ok: true,
                needs_rehash: false
            }
        );
        assert!(!check("635242", &stored).ok);
        assert!(!check("635241", &Stored::Hash("garbage".into())).ok);
    }

    #[test]
    fn initial_and_missing_passwords() {
        assert!(check("122012", &Stored::Initial("122012".into())).ok);
        assert!(!check("122013", &Stored::Initial("122012".into())).ok);
        assert!(!check("122012", &Stored::Nothing).ok);
    }

    #[test]
    fn legacy_pbkdf2_hash_verifies_and_asks_for_a_rehash() {
        // pbkdf2-sha256, 1000 rounds, salt 00..0f, password "123456" (written by the old code).
        let salt: Vec<u8> = (0u8..16).collect();
        let mut out = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<Sha256>(b"123456", &salt, 1000, &mut out);
        let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        let stored = Stored::Hash(format!("pbkdf2-sha256$1000${}${}", hex(&salt), hex(&out)));
        assert_eq!(
            check("123456", &stored),
            Checked {
                ok: true,
                needs_rehash: true
            }
        );
        assert!(!check("123457", &stored).ok);
    }
}

//! The server key: a 256-bit secret for keyed MACs of one-time codes and of
//! throttling keys.
//!
//! A copy of the database alone then reveals neither a code (a 6-digit code
//! under a plain hash falls to a brute force in about a second) nor which ID
//! numbers were tried. The key comes from `SSCARD_SECRET_KEY` (64 hex digits;
//! every instance of one deployment must share it) or, when that is unset,
//! from `<data-dir>/server.key`, created 0600 on first start.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use std::path::Path;

/// The server key.
#[derive(Clone)]
pub struct ServerKey([u8; 32]);

impl std::fmt::Debug for ServerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never printed, not even in a debug dump of the state.
        f.write_str("ServerKey(..)")
    }
}

/// What a MAC is for: the same input under two purposes gives unrelated MACs.
#[derive(Debug, Clone, Copy)]
pub enum Purpose {
    /// A one-time code, bound to its challenge.
    OneTimeCode,
    /// A throttling bucket.
    Throttle,
    /// A code sent to a new mobile, bound to its change.
    MobileChange,
    /// The value that tells whether two instances share one key ([`key_check`]).
    KeyCheck,
}

impl Purpose {
    fn label(self) -> &'static [u8] {
        match self {
            Purpose::OneTimeCode => b"sscard one-time code\0",
            Purpose::Throttle => b"sscard throttle\0",
            Purpose::MobileChange => b"sscard mobile change\0",
            Purpose::KeyCheck => b"sscard key check\0",
        }
    }
}

impl ServerKey {
    /// From `SSCARD_SECRET_KEY` (`env_value`) when given, else from (or into)
    /// `<data_dir>/server.key`.
    pub fn load(env_value: Option<&str>, data_dir: &Path) -> Result<Self, String> {
        if let Some(hex) = env_value {
            return Self::from_hex(hex.trim())
                .ok_or_else(|| "SSCARD_SECRET_KEY must be 64 hexadecimal digits".to_owned());
        }
        let path = data_dir.join("server.key");
        if path.exists() {
            crate::private_files::private_file(&path, false)?;
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            return Self::from_hex(text.trim())
                .ok_or_else(|| format!("{} is not 64 hexadecimal digits", path.display()));
        }
        let key = Self(crate::ids::random_bytes::<32>());
        crate::private_files::private_file(&path, true)?;
        std::fs::write(&path, key.to_hex())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        Ok(key)
    }

    fn from_hex(s: &str) -> Option<Self> {
        if s.len() != 64 {
            return None;
        }
        let mut out = [0u8; 32];
        for (i, b) in out.iter_mut().enumerate() {
            *b = u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        Some(Self(out))
    }

    fn to_hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Hex HMAC-SHA256 of `parts` (each length-prefixed, so `("ab","c")` and
    /// `("a","bc")` differ) under `purpose`.
    pub fn mac(&self, purpose: Purpose, parts: &[&str]) -> String {
        let mut m = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.0).expect("any key length");
        m.update(purpose.label());
        for p in parts {
            m.update(&(p.len() as u64).to_be_bytes());
            m.update(p.as_bytes());
        }
        m.finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// Refuses a key other than the one the database was first used with: the MAC of a fixed
/// text under the key is stored on the first start (it reveals nothing of the key). With
/// another key every pending code would fail, and every instance would count throttling in
/// buckets of its own: N instances, N times the guesses.
pub async fn key_check(db: &crate::db::Db, key: &ServerKey) -> Result<(), String> {
    let check = key.mac(Purpose::KeyCheck, &["sscard"]);
    let stored = db
        .write(move |tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES ('key_check', ?1)
                 ON CONFLICT (key) DO NOTHING",
                crate::params![check],
            )?;
            Ok(tx.query_row(
                "SELECT value FROM settings WHERE key = 'key_check'",
                crate::params![],
                |r| r.get::<_, String>(0),
            )?)
        })
        .await
        .map_err(|e| format!("cannot check the server key: {}", e.title))?;
    if constant_time_eq(&stored, &key.mac(Purpose::KeyCheck, &["sscard"])) {
        Ok(())
    } else {
        Err(
            "the server key differs from the one this database was first used with: \
             every instance must be given the same --secret-key (SSCARD_SECRET_KEY)"
                .to_owned(),
        )
    }
}

/// Compares two strings in time that depends only on their lengths.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn macs_differ_by_key_purpose_and_split() {
        let k1 = ServerKey([1; 32]);
        let k2 = ServerKey([2; 32]);
        let a = k1.mac(Purpose::OneTimeCode, &["otp_1", "123456"]);
        assert_eq!(a.len(), 64);
        assert_eq!(a, k1.mac(Purpose::OneTimeCode, &["otp_1", "123456"]));
        assert_ne!(a, k2.mac(Purpose::OneTimeCode, &["otp_1", "123456"]));
        assert_ne!(a, k1.mac(Purpose::Throttle, &["otp_1", "123456"]));
        assert_ne!(a, k1.mac(Purpose::OneTimeCode, &["otp_11", "23456"]));
    }

    #[test]
    fn key_file_is_created_private_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let k = ServerKey::load(None, dir.path()).unwrap();
        let again = ServerKey::load(None, dir.path()).unwrap();
        assert_eq!(k.0, again.0);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("server.key"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(ServerKey::load(Some("zz"), dir.path()).is_err());
        let hex = "ab".repeat(32);
        assert_eq!(
            ServerKey::load(Some(&hex), dir.path()).unwrap().0,
            [0xab; 32]
        );
    }
}

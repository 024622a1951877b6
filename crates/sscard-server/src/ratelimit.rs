//! In-memory fixed-window limiting of failed sign-in attempts.
//!
//! Keys are the client address and the ID number (or code challenge) tried,
//! so neither one machine nor many machines can guess one person's password
//! quickly. Only failures count (and every code request, since each would
//! send an SMS), so people who sign in correctly are never slowed down; once a
//! key is over its limit every attempt with it is refused until the window
//! ends. The per-person lockout after repeated wrong passwords is separate and
//! stored in the database (it survives a restart).

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

/// Allows `max` recorded hits per key per `window`.
#[derive(Debug)]
pub struct RateLimiter {
    max: u32,
    window: Duration,
    hits: Mutex<HashMap<String, (Instant, u32)>>,
}

impl RateLimiter {
    /// A limiter allowing `max` recorded hits per `window` per key.
    pub fn new(max: u32, window: Duration) -> Self {
        Self {
            max,
            window,
            hits: Mutex::new(HashMap::new()),
        }
    }

    /// `Err(seconds to wait)` when `key` is over its limit.
    pub fn check(&self, key: &str) -> Result<(), u64> {
        let now = Instant::now();
        let map = self.hits.lock().unwrap_or_else(|p| p.into_inner());
        match map.get(key) {
            Some((start, n)) if *n >= self.max && now.duration_since(*start) < self.window => {
                let left = self.window.saturating_sub(now.duration_since(*start));
                Err(left.as_secs().max(1))
            }
            _ => Ok(()),
        }
    }

    /// Records one hit on `key`.
    pub fn record(&self, key: &str) {
        let now = Instant::now();
        let mut map = self.hits.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() > 100_000 {
            // Bounded memory: forget expired windows.
            map.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        }
        let entry = map.entry(key.to_owned()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 = entry.1.saturating_add(1);
    }
}

/// The two limiters of sign-in: per client address (looser: many people may
/// share one address) and per person or challenge.
#[derive(Debug)]
pub struct SignInLimits {
    per_address: RateLimiter,
    per_subject: RateLimiter,
}

impl SignInLimits {
    /// `attempts` per subject and 10 × `attempts` per address, per `window`.
    pub fn new(attempts: u32, window: Duration) -> Self {
        Self {
            per_address: RateLimiter::new(attempts.saturating_mul(10), window),
            per_subject: RateLimiter::new(attempts, window),
        }
    }

    /// `Err(seconds to wait)` when the address or the subject is over its limit.
    pub fn check(&self, address: &str, subject: &str) -> Result<(), u64> {
        self.per_address.check(address)?;
        self.per_subject.check(subject)
    }

    /// Records a failed (or costly) attempt.
    pub fn record(&self, address: &str, subject: &str) {
        self.per_address.record(address);
        self.per_subject.record(subject);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_key_after_recorded_failures() {
        let l = RateLimiter::new(2, Duration::from_secs(60));
        assert!(l.check("a").is_ok());
        l.record("a");
        assert!(l.check("a").is_ok());
        l.record("a");
        assert!(l.check("a").is_err());
        assert!(l.check("b").is_ok());
    }

    #[test]
    fn address_limit_is_looser() {
        let l = SignInLimits::new(1, Duration::from_secs(60));
        l.record("ip", "p1");
        assert!(l.check("ip", "p1").is_err());
        assert!(l.check("ip", "p2").is_ok());
    }
}

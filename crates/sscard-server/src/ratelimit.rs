//! In-memory fixed-window rate limiting of sign-in attempts.
//!
//! Keys are the client address and the ID number tried, so neither one
//! machine nor many machines can guess one person's password quickly. The
//! per-person lockout after repeated wrong passwords is separate and stored
//! in the database (it survives a restart).

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

/// Allows `max` hits per key per `window`.
#[derive(Debug)]
pub struct RateLimiter {
    max: u32,
    window: Duration,
    hits: Mutex<HashMap<String, (Instant, u32)>>,
}

impl RateLimiter {
    /// A limiter allowing `max` hits per `window` per key.
    pub fn new(max: u32, window: Duration) -> Self {
        Self {
            max,
            window,
            hits: Mutex::new(HashMap::new()),
        }
    }

    /// Records a hit on every key; `Err(seconds to wait)` when any key is over its limit.
    pub fn hit(&self, keys: &[String]) -> Result<(), u64> {
        let now = Instant::now();
        let mut map = self.hits.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() > 100_000 {
            // Bounded memory: forget expired windows.
            map.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        }
        let mut wait = 0;
        for key in keys {
            let entry = map.entry(key.clone()).or_insert((now, 0));
            if now.duration_since(entry.0) >= self.window {
                *entry = (now, 0);
            }
            entry.1 += 1;
            if entry.1 > self.max {
                let left = self.window.saturating_sub(now.duration_since(entry.0));
                wait = wait.max(left.as_secs().max(1));
            }
        }
        if wait > 0 { Err(wait) } else { Ok(()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_key() {
        let l = RateLimiter::new(2, Duration::from_secs(60));
        let k = vec!["a".to_owned()];
        assert!(l.hit(&k).is_ok());
        assert!(l.hit(&k).is_ok());
        assert!(l.hit(&k).is_err());
        assert!(l.hit(&["b".to_owned()]).is_ok());
    }
}

-- The clean-ups that run inside sign-ins and code requests (expired sessions, trusted
-- browsers, challenges, mobile changes; idle throttle buckets) look rows up by time instead
-- of scanning their tables while every other write waits (issue 16: one write at a time
-- across all instances).
CREATE INDEX sessions_expiry ON sessions(expires_at);
CREATE INDEX trusted_devices_expiry ON trusted_devices(expires_at);
CREATE INDEX otp_challenges_expiry ON otp_challenges(expires_at);
CREATE INDEX mobile_changes_expiry ON mobile_changes(expires_at);
CREATE INDEX throttle_idle ON throttle(last_at);

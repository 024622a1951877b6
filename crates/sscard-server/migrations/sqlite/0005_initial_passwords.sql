-- Initial service passwords are no longer stored (password::Stored::Initial):
-- the ID number's last 6 characters, which anyone holding the ID number knows,
-- must go through the second step (a code to the mobile on record). Hashes the
-- earlier code stored for them would skip it, so they go. A changed password
-- has password_is_initial = 0 and stays.
UPDATE persons SET password_hash = NULL WHERE password_is_initial = 1;

-- A challenge sent as the second step of an initial-password sign-in: its
-- verification takes back the password attempt that led to it.
ALTER TABLE otp_challenges ADD COLUMN after_password INTEGER NOT NULL DEFAULT 0;

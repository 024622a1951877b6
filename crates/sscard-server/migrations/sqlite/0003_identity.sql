-- Identity hardening (issue 11).

-- Sign-in throttling, persisted so it survives a restart and is shared by every
-- instance. `bucket` is a keyed MAC of what is limited (an ID number, a client
-- address, or both), so ID numbers of people without a record are not stored.
CREATE TABLE throttle (
    bucket        TEXT PRIMARY KEY,
    failures      INTEGER NOT NULL,
    last_at       INTEGER NOT NULL,  -- Unix seconds of the last counted attempt
    blocked_until INTEGER            -- Unix seconds; no attempt is evaluated before it
);

-- Browsers a person has signed in from (the `sscard_device` cookie, stored as
-- its sha256). A known browser is not held back by throttling that strangers
-- trigger for the same ID number.
CREATE TABLE trusted_devices (
    token_hash  TEXT NOT NULL,
    person_id   INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    PRIMARY KEY (token_hash, person_id)
);

-- Security-relevant events the person must be told about through their channel
-- on record (delivered by the notification outbox; recorded here in the same
-- transaction as the change).
CREATE TABLE security_events (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,       -- security_events::SecurityEvent::as_str
    occurred_at TEXT NOT NULL
);
CREATE INDEX security_events_person ON security_events(person_id);

-- A challenge is now issued for every well-formed request (the answer must not
-- tell whether the details matched); `delivered` says whether a code was sent,
-- `person_id` names the record it was sent for (NULL: a new person confirmed by
-- the identity registry). Undelivered challenges keep no personal data.
ALTER TABLE otp_challenges ADD COLUMN delivered INTEGER NOT NULL DEFAULT 1;
ALTER TABLE otp_challenges ADD COLUMN person_id INTEGER REFERENCES persons(id) ON DELETE CASCADE;

-- `persons.failed_attempts` and `persons.locked_until` are no longer used: a hard
-- per-account lock let anyone lock a citizen out (see `throttle`).
UPDATE persons SET failed_attempts = 0, locked_until = NULL;

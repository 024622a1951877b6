-- Changing the mobile on record (issue 13's contact change): a code goes to the
-- new number, and only its verification changes the record.
CREATE TABLE mobile_changes (
    id          TEXT PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    old_mobile  TEXT,                       -- the record it changes (none: the record moved on)
    new_mobile  TEXT NOT NULL,
    code_hash   TEXT NOT NULL,              -- HMAC under the server key
    attempts    INTEGER NOT NULL DEFAULT 0,
    used        INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);

-- A template parameter of a notice (the new number's last 4 digits).
ALTER TABLE notices ADD COLUMN detail TEXT;

-- Notices (issue 14): a transactional outbox. A notice is inserted in the same
-- transaction as the event that causes it, so it is never lost and never sent
-- for an event that was rolled back; a worker delivers it.

CREATE TABLE notices (
    id            INTEGER PRIMARY KEY,
    message_id    TEXT NOT NULL UNIQUE,          -- stable across delivery attempts (gateway de-duplication)
    dedupe_key    TEXT NOT NULL UNIQUE,          -- one notice per event, e.g. 'card_made:app_…'
    person_id     INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,                 -- sscard_rules::wire::NoticeKind
    about         TEXT NOT NULL,                 -- the application or card it is about (public id)
    on_date       TEXT NOT NULL,                 -- the (service) day of the event, or the date it names
    due_on        TEXT NOT NULL,                 -- the (service) day it may be sent
    state         TEXT NOT NULL DEFAULT 'pending', -- pending | sent | expired | skipped | failed
    attempts      INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,                        -- RFC 3339 (real time): backoff after a failed attempt
    to_mobile     TEXT,                          -- fixed at the first attempt
    language      TEXT,                          -- fixed at the first attempt
    text          TEXT,                          -- fixed at the first attempt: every retry sends the same text
    sent_on       TEXT,                          -- the (service) day it was handed to the gateway
    created_at    TEXT NOT NULL
);
CREATE INDEX notices_due ON notices(state, due_on);
CREATE INDEX notices_person ON notices(person_id, state);

-- Which optional notices a person gets, and in which language (no row: the defaults).
CREATE TABLE notice_settings (
    person_id      INTEGER PRIMARY KEY REFERENCES persons(id) ON DELETE CASCADE,
    language       TEXT NOT NULL,
    status_notices INTEGER NOT NULL,
    reminders      INTEGER NOT NULL
);

-- sscard reference server: initial schema.
-- Dates are ISO 8601 text (YYYY-MM-DD), times RFC 3339 text in UTC.

CREATE TABLE persons (
    id              INTEGER PRIMARY KEY,
    public_id       TEXT NOT NULL UNIQUE,          -- opaque id used in URLs and JSON
    id_number       TEXT NOT NULL UNIQUE,          -- 18-character citizen ID (社会保障号码)
    name            TEXT NOT NULL,
    mobile          TEXT,
    birth_date      TEXT NOT NULL,
    -- Service password (服务密码): NULL until the person holds a card.
    password_hash   TEXT,
    password_is_initial INTEGER NOT NULL DEFAULT 1,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT,
    created_at      TEXT NOT NULL
);

CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,                  -- sha256 of the cookie value; the token itself is never stored
    person_id   INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,                     -- 'holder' (password) or 'applicant' (one-time code)
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);
CREATE INDEX sessions_person ON sessions(person_id);

CREATE TABLE otp_challenges (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    id_number   TEXT NOT NULL,
    mobile      TEXT NOT NULL,
    code_hash   TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    used        INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);

CREATE TABLE drafts (
    person_id   INTEGER PRIMARY KEY REFERENCES persons(id) ON DELETE CASCADE,
    data        TEXT NOT NULL,                     -- the app's form state, JSON
    updated_at  TEXT NOT NULL
);

CREATE TABLE applications (
    id                  INTEGER PRIMARY KEY,
    public_id           TEXT NOT NULL UNIQUE,
    applicant_id        INTEGER NOT NULL REFERENCES persons(id),  -- who submitted (self or guardian)
    subject_id          INTEGER NOT NULL REFERENCES persons(id),  -- whose card it is
    actor               TEXT NOT NULL,                            -- 'self' or 'guardian'
    guardianship_proof  TEXT,
    city                TEXT NOT NULL,
    bank                TEXT NOT NULL,
    pickup              TEXT NOT NULL,
    branch_id           TEXT,
    postal_address      TEXT,                                     -- JSON when pickup = mail
    status              TEXT NOT NULL,
    submitted_on        TEXT NOT NULL,
    production_deadline TEXT NOT NULL,
    idempotency_key     TEXT NOT NULL,
    request_hash        TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    UNIQUE (applicant_id, idempotency_key)
);
CREATE INDEX applications_subject ON applications(subject_id);
CREATE INDEX applications_open ON applications(status);

CREATE TABLE application_events (
    id              INTEGER PRIMARY KEY,
    application_id  INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    on_date         TEXT NOT NULL,                 -- the (possibly demo) day it happened
    recorded_at     TEXT NOT NULL
);
CREATE INDEX application_events_app ON application_events(application_id);

CREATE TABLE cards (
    id              INTEGER PRIMARY KEY,
    public_id       TEXT NOT NULL UNIQUE,
    holder_id       INTEGER NOT NULL REFERENCES persons(id),
    guardian_id     INTEGER REFERENCES persons(id),  -- set when a guardian applied for a minor
    application_id  INTEGER REFERENCES applications(id),
    city            TEXT NOT NULL,
    bank            TEXT NOT NULL,
    card_number     TEXT NOT NULL,
    social_state    TEXT NOT NULL,                 -- not_enabled | enabled | temp_lost
    financial_state TEXT NOT NULL,                 -- not_activated | active
    issued_on       TEXT NOT NULL,
    temp_loss_on    TEXT,
    temp_loss_lift_on TEXT,
    created_at      TEXT NOT NULL
);
CREATE INDEX cards_holder ON cards(holder_id);
CREATE INDEX cards_guardian ON cards(guardian_id);

-- Server settings that must survive a restart (the demo clock offset).
CREATE TABLE settings (
    key     TEXT PRIMARY KEY,
    value   TEXT NOT NULL
);

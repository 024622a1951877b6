-- sscard: rebuilds tables
-- Each city's online application (DECISIONS D36): Shanghai's sources name no banks, so an
-- application and its card may have no bank; Shanghai and Urumqi state no production time, so
-- an application may have no deadline; Shanghai asks for a backup community centre.
-- SQLite cannot drop NOT NULL, so the two tables are rebuilt as its manual says
-- (https://sqlite.org/lang_altertable.html#otheralter): the runner turns foreign keys off for
-- this file and checks them before it commits.
CREATE TABLE applications_new (
    id                  INTEGER PRIMARY KEY,
    public_id           TEXT NOT NULL UNIQUE,
    applicant_id        INTEGER NOT NULL REFERENCES persons(id),  -- who submitted (self or guardian)
    subject_id          INTEGER NOT NULL REFERENCES persons(id),  -- whose card it is
    actor               TEXT NOT NULL,                            -- 'self' or 'guardian'
    guardianship_proof  TEXT,
    city                TEXT NOT NULL,
    bank                TEXT,                                     -- NULL: the sources name none
    pickup              TEXT NOT NULL,
    branch_id           TEXT,
    postal_address      TEXT,                                     -- JSON when pickup = mail
    status              TEXT NOT NULL,
    submitted_on        TEXT NOT NULL,
    production_deadline TEXT,                                     -- NULL: the sources state none
    idempotency_key     TEXT NOT NULL,
    request_hash        TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    next_due_on         TEXT,
    replaces_card_id    INTEGER,
    replacement_reason  TEXT,
    reference           TEXT,
    backup_centre       TEXT,                                     -- Shanghai: for a failed delivery
    UNIQUE (applicant_id, idempotency_key)
);
INSERT INTO applications_new (id, public_id, applicant_id, subject_id, actor, guardianship_proof,
    city, bank, pickup, branch_id, postal_address, status, submitted_on, production_deadline,
    idempotency_key, request_hash, created_at, next_due_on, replaces_card_id, replacement_reason,
    reference)
SELECT id, public_id, applicant_id, subject_id, actor, guardianship_proof,
    city, bank, pickup, branch_id, postal_address, status, submitted_on, production_deadline,
    idempotency_key, request_hash, created_at, next_due_on, replaces_card_id, replacement_reason,
    reference
FROM applications;
DROP TABLE applications;
ALTER TABLE applications_new RENAME TO applications;
CREATE INDEX applications_subject ON applications(subject_id);
CREATE INDEX applications_open ON applications(status);
CREATE INDEX applications_next_due ON applications(next_due_on);
CREATE UNIQUE INDEX applications_replaces ON applications(replaces_card_id)
    WHERE replaces_card_id IS NOT NULL;
CREATE UNIQUE INDEX applications_reference ON applications (reference);

CREATE TABLE cards_new (
    id              INTEGER PRIMARY KEY,
    public_id       TEXT NOT NULL UNIQUE,
    holder_id       INTEGER NOT NULL REFERENCES persons(id),
    guardian_id     INTEGER REFERENCES persons(id),  -- set when a guardian applied for a minor
    application_id  INTEGER REFERENCES applications(id),
    city            TEXT NOT NULL,
    bank            TEXT,                          -- NULL: the sources name none
    card_number     TEXT NOT NULL,
    social_state    TEXT NOT NULL,                 -- not_enabled | enabled | temp_lost
    financial_state TEXT NOT NULL,                 -- not_activated | active
    issued_on       TEXT NOT NULL,
    temp_loss_on    TEXT,
    temp_loss_lift_on TEXT,
    created_at      TEXT NOT NULL,
    replaced_by     INTEGER
);
INSERT INTO cards_new (id, public_id, holder_id, guardian_id, application_id, city, bank,
    card_number, social_state, financial_state, issued_on, temp_loss_on, temp_loss_lift_on,
    created_at, replaced_by)
SELECT id, public_id, holder_id, guardian_id, application_id, city, bank,
    card_number, social_state, financial_state, issued_on, temp_loss_on, temp_loss_lift_on,
    created_at, replaced_by
FROM cards;
DROP TABLE cards;
ALTER TABLE cards_new RENAME TO cards;
CREATE INDEX cards_holder ON cards(holder_id);
CREATE INDEX cards_guardian ON cards(guardian_id);

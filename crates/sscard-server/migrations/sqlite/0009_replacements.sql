-- Replacements (补领/换领) are applications for a new card that replace an existing one.
-- (Plain integers, no REFERENCES clause: SQLite cannot drop a column that has one, and the
-- upgrade test rewinds migrations.)
ALTER TABLE applications ADD COLUMN replaces_card_id INTEGER;              -- cards.id
ALTER TABLE applications ADD COLUMN replacement_reason TEXT;   -- lost | damaged | details_changed
-- One replacement per card, enforced by the database (two instances, two requests).
CREATE UNIQUE INDEX applications_replaces ON applications(replaces_card_id)
    WHERE replaces_card_id IS NOT NULL;
-- The replacement ordered for this card (Q22: its loss can never be lifted afterwards).
ALTER TABLE cards ADD COLUMN replaced_by INTEGER;                          -- applications.id

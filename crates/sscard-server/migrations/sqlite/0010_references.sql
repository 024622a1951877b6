-- Reference numbers people quote to the 96066 hotline (issue 13; rules crate DECISIONS D31),
-- stored compact (`K7M2Q9XD4F`). Replacements are rows of this table, so they get one too.
-- Rows created before this migration get theirs at start-up, right after the migrations
-- (`db::backfill_references`): SQL cannot compute the check symbol.
ALTER TABLE applications ADD COLUMN reference TEXT;
CREATE UNIQUE INDEX applications_reference ON applications (reference);

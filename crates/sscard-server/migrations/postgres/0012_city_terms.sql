-- Each city's online application (DECISIONS D36): an application and its card may have no
-- bank (Shanghai's sources name none), an application no production deadline (Shanghai and
-- Urumqi state none); Shanghai asks for a backup community centre.
ALTER TABLE applications ALTER COLUMN bank DROP NOT NULL;
ALTER TABLE applications ALTER COLUMN production_deadline DROP NOT NULL;
ALTER TABLE applications ADD COLUMN backup_centre TEXT COLLATE "C";
ALTER TABLE cards ALTER COLUMN bank DROP NOT NULL;

-- Personal details changed online (issue 13, 个人信息变更: manual Q9, Q32): the
-- residential address and the occupation on record. The mobile on record is
-- `persons.mobile` (0006); the bank account's reserved phone is the bank's.
ALTER TABLE persons ADD COLUMN address TEXT;
ALTER TABLE persons ADD COLUMN occupation TEXT;          -- sscard_rules::wire::Occupation id
ALTER TABLE persons ADD COLUMN details_updated_at TEXT;  -- RFC 3339, the last online change

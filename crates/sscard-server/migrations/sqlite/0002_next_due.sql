-- The day the next simulated production step of an application is due, so the
-- production tick only touches applications with something to do.
-- NULL: not computed yet (the next tick computes it).
ALTER TABLE applications ADD COLUMN next_due_on TEXT;
CREATE INDEX applications_next_due ON applications(next_due_on);

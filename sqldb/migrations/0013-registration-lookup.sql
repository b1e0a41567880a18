-- A learner's own registrations (LearnerRegistrations, the wallet's "My registrations")
-- are found by user_id or by the e-mail address (stored lower-cased, as users.email is):
-- without these indexes every wallet view read the whole registrations table. The
-- existing (offering_id, email) index does not serve a lookup by address alone.
CREATE INDEX registrations_email ON registrations (email);
CREATE INDEX registrations_user ON registrations (user_id);

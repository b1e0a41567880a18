-- Delivery: offerings (toteutukset) of published POK versions, registrations with a
-- waitlist, assessments per learner and learning outcome, batch issuing and the issued
-- credentials.

CREATE TABLE offerings (
	id           {{id}},
	org_id       {{int}} NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	mc_id        {{int}} NOT NULL REFERENCES microcredentials (id) ON DELETE CASCADE,
	version      INTEGER NOT NULL,
	starts_on    TEXT NOT NULL,            -- YYYY-MM-DD, Europe/Helsinki
	ends_on      TEXT NOT NULL,
	schedule     TEXT NOT NULL DEFAULT '{}', -- JSON pokot.Text
	place        TEXT NOT NULL DEFAULT '{}', -- JSON pokot.Text
	online       {{bool}} NOT NULL DEFAULT {{false}},
	language     TEXT NOT NULL,
	capacity     INTEGER NOT NULL CHECK (capacity > 0),
	reg_opens    {{time}} NOT NULL,
	reg_closes   {{time}} NOT NULL,
	price_cents  INTEGER NOT NULL DEFAULT 0 CHECK (price_cents >= 0),
	jotpa_case   TEXT NOT NULL DEFAULT '',
	auto_issue   {{bool}} NOT NULL DEFAULT {{false}},
	created_by  {{int}} REFERENCES users (id) ON DELETE SET NULL,
	created_at   {{time}} NOT NULL,
	updated_at   {{time}} NOT NULL
);
CREATE INDEX offerings_mc ON offerings (org_id, mc_id);

CREATE TABLE offering_assessors (
	offering_id {{int}} NOT NULL REFERENCES offerings (id) ON DELETE CASCADE,
	user_id     {{int}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	PRIMARY KEY (offering_id, user_id)
);

CREATE TABLE registrations (
	id           {{id}},
	org_id       {{int}} NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	offering_id  {{int}} NOT NULL REFERENCES offerings (id) ON DELETE CASCADE,
	user_id      {{int}} REFERENCES users (id) ON DELETE SET NULL,
	email        TEXT NOT NULL CHECK (email = lower(email)),
	name         TEXT NOT NULL,
	lang         TEXT NOT NULL DEFAULT 'fi',
	status       TEXT NOT NULL CHECK (status IN ('registered', 'waitlisted', 'cancelled')),
	confirm_hash TEXT NOT NULL UNIQUE,
	cancel_hash  TEXT NOT NULL UNIQUE,
	confirmed_at {{time}},
	cancelled_at {{time}},
	created_at   {{time}} NOT NULL
);
-- A learner holds at most one live registration per offering.
CREATE UNIQUE INDEX registrations_live ON registrations (offering_id, email) WHERE status <> 'cancelled';
CREATE INDEX registrations_offering ON registrations (offering_id, status, id);

CREATE TABLE assessments (
	id              {{id}},
	org_id          {{int}} NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	offering_id     {{int}} NOT NULL REFERENCES offerings (id) ON DELETE CASCADE,
	registration_id {{int}} NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
	outcome         INTEGER NOT NULL CHECK (outcome >= 0),
	result          TEXT NOT NULL,
	passed          {{bool}} NOT NULL,
	assessed_on     TEXT NOT NULL,         -- YYYY-MM-DD
	assessor_id     {{int}} REFERENCES users (id) ON DELETE SET NULL,
	evidence        TEXT NOT NULL DEFAULT '[]', -- JSON array of URLs
	supervision     TEXT NOT NULL DEFAULT '',
	updated_at      {{time}} NOT NULL,
	UNIQUE (registration_id, outcome)
);
CREATE INDEX assessments_offering ON assessments (offering_id);

CREATE TABLE issue_batches (
	id          {{id}},
	org_id      {{int}} NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	offering_id {{int}} NOT NULL REFERENCES offerings (id) ON DELETE CASCADE,
	job_id      {{int}} NOT NULL DEFAULT 0,
	total       INTEGER NOT NULL DEFAULT 0,
	done        INTEGER NOT NULL DEFAULT 0,
	failed      INTEGER NOT NULL DEFAULT 0,
	status      TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
	last_error  TEXT NOT NULL DEFAULT '',
	created_by  {{int}} REFERENCES users (id) ON DELETE SET NULL,
	created_at  {{time}} NOT NULL,
	finished_at {{time}}
);
CREATE INDEX issue_batches_offering ON issue_batches (offering_id, id);

CREATE TABLE issued_credentials (
	id              {{id}},
	org_id          {{int}} NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	offering_id     {{int}} NOT NULL REFERENCES offerings (id) ON DELETE CASCADE,
	registration_id {{int}} REFERENCES registrations (id) ON DELETE SET NULL,
	batch_id        {{int}} REFERENCES issue_batches (id) ON DELETE SET NULL,
	email           TEXT NOT NULL,
	name            TEXT NOT NULL DEFAULT '',
	lang            TEXT NOT NULL DEFAULT 'fi',
	credential_id   TEXT NOT NULL UNIQUE,  -- urn:uuid:…, fixed at reservation
	identity_hash   TEXT NOT NULL,         -- sha256$… of the e-mail with salt
	salt            TEXT NOT NULL,
	grade           TEXT NOT NULL DEFAULT '',
	assessed_on     TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD of the last assessment
	status_list     INTEGER NOT NULL,
	status_idx      INTEGER NOT NULL,
	state           TEXT NOT NULL CHECK (state IN ('pending', 'issued')),
	signed          TEXT,
	reserved_at     {{time}} NOT NULL,
	issued_at       {{time}},
	revoked_at      {{time}},
	suspended_at    {{time}},
	status_reason   TEXT NOT NULL DEFAULT '',
	-- Exactly once: one credential per learner and offering, whatever happens.
	UNIQUE (offering_id, email)
);
CREATE INDEX issued_credentials_pending ON issued_credentials (offering_id, state);
CREATE INDEX issued_credentials_registration ON issued_credentials (offering_id, registration_id);
CREATE INDEX issued_credentials_email ON issued_credentials (email);

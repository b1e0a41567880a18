-- The platform foundation: organisations, users, sign-in, API tokens, mail and job queues,
-- placeholder content. Keep in step with 0001-foundation-sqlite.sql: the same tables and
-- columns, with TIMESTAMPTZ where SQLite has TEXT timestamps and identity columns where it
-- has INTEGER PRIMARY KEY.

CREATE TABLE organisations (
	id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	slug        TEXT NOT NULL CONSTRAINT organisations_slug_key UNIQUE,
	name        TEXT NOT NULL, -- JSON language map {"fi": …, "sv": …, "en": …}
	business_id TEXT NOT NULL DEFAULT '',
	country     TEXT NOT NULL DEFAULT '',
	region      TEXT NOT NULL DEFAULT '',
	homepage    TEXT NOT NULL DEFAULT '',
	logo_url    TEXT NOT NULL DEFAULT '',
	created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE users (
	id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	email         TEXT NOT NULL CONSTRAINT users_email_key UNIQUE CHECK (email = lower(email)),
	name          TEXT NOT NULL DEFAULT '',
	password_hash TEXT NOT NULL DEFAULT '',
	admin         BOOLEAN NOT NULL DEFAULT FALSE,
	lang          TEXT NOT NULL DEFAULT 'fi',
	created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE memberships (
	org_id     BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	role       TEXT NOT NULL CHECK (role IN ('orgadmin', 'designer', 'assessor', 'partner', 'learner')),
	created_at TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (org_id, user_id, role)
);
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE invitations (
	id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	org_id      BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	email       TEXT NOT NULL,
	role        TEXT NOT NULL CHECK (role IN ('orgadmin', 'designer', 'assessor', 'partner', 'learner')),
	invited_by  BIGINT REFERENCES users (id) ON DELETE SET NULL,
	token_hash  TEXT NOT NULL UNIQUE,
	expires_at  TIMESTAMPTZ NOT NULL,
	accepted_at TIMESTAMPTZ,
	created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX invitations_org ON invitations (org_id);

CREATE TABLE login_tokens (
	id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	purpose    TEXT NOT NULL,
	token_hash TEXT NOT NULL UNIQUE,
	expires_at TIMESTAMPTZ NOT NULL,
	used_at    TIMESTAMPTZ,
	created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_tokens_user ON login_tokens (user_id);

CREATE TABLE user_identities (
	provider   TEXT NOT NULL,
	subject    TEXT NOT NULL,
	user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	created_at TIMESTAMPTZ NOT NULL,
	CONSTRAINT user_identities_pkey PRIMARY KEY (provider, subject)
);
CREATE INDEX user_identities_user ON user_identities (user_id);

CREATE TABLE sessions (
	id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	token_hash  TEXT NOT NULL UNIQUE,
	csrf_secret TEXT NOT NULL,
	created_at  TIMESTAMPTZ NOT NULL,
	last_seen   TIMESTAMPTZ NOT NULL,
	expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- One fixed-window counter per key (e.g. "signin:ip:192.0.2.1").
CREATE TABLE throttle (
	key          TEXT PRIMARY KEY,
	window_start TIMESTAMPTZ NOT NULL,
	count        INTEGER NOT NULL
);

CREATE TABLE api_tokens (
	id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	name       TEXT NOT NULL,
	prefix     TEXT NOT NULL,
	token_hash TEXT NOT NULL UNIQUE,
	scopes     TEXT NOT NULL, -- space-separated
	created_at TIMESTAMPTZ NOT NULL,
	last_used  TIMESTAMPTZ,
	expires_at TIMESTAMPTZ,
	revoked_at TIMESTAMPTZ
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE mails (
	id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	to_addr      TEXT NOT NULL,
	subject      TEXT NOT NULL,
	text_body    TEXT NOT NULL,
	html_body    TEXT NOT NULL DEFAULT '',
	status       TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'outbox')),
	attempts     INTEGER NOT NULL DEFAULT 0,
	next_attempt TIMESTAMPTZ NOT NULL,
	lease_until  TIMESTAMPTZ,
	last_error   TEXT NOT NULL DEFAULT '',
	created_at   TIMESTAMPTZ NOT NULL,
	sent_at      TIMESTAMPTZ
);
CREATE INDEX mails_due ON mails (status, next_attempt);
CREATE INDEX mails_created ON mails (created_at);

CREATE TABLE jobs (
	id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kind        TEXT NOT NULL,
	payload     BYTEA NOT NULL,
	status      TEXT NOT NULL CHECK (status IN ('queued', 'done', 'failed')),
	attempts    INTEGER NOT NULL DEFAULT 0,
	run_at      TIMESTAMPTZ NOT NULL,
	lease_until TIMESTAMPTZ,
	worker      TEXT NOT NULL DEFAULT '',
	last_error  TEXT NOT NULL DEFAULT '',
	created_at  TIMESTAMPTZ NOT NULL,
	done_at     TIMESTAMPTZ
);
CREATE INDEX jobs_due ON jobs (status, kind, run_at);

CREATE TABLE events (
	id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	org_id      BIGINT REFERENCES organisations (id) ON DELETE SET NULL,
	title       TEXT NOT NULL, -- JSON language map
	description TEXT NOT NULL, -- JSON language map
	starts_at   TIMESTAMPTZ NOT NULL,
	ends_at     TIMESTAMPTZ NOT NULL,
	place       TEXT NOT NULL DEFAULT '',
	online      BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX events_starts ON events (starts_at);

CREATE TABLE publications (
	id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	org_id       BIGINT REFERENCES organisations (id) ON DELETE SET NULL,
	title        TEXT NOT NULL, -- JSON language map
	summary      TEXT NOT NULL, -- JSON language map
	url          TEXT NOT NULL DEFAULT '',
	published_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX publications_published ON publications (published_at);

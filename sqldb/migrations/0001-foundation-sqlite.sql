-- The platform foundation: organisations, users, sign-in, API tokens, mail and job queues,
-- placeholder content. Keep in step with 0001-foundation-postgres.sql: the same tables and
-- columns, with TEXT timestamps (fixed-width RFC 3339 UTC, see sqldb/time.go) where
-- PostgreSQL has TEXT, INTEGER 0/1 for INTEGER, BLOB for BLOB and
-- INTEGER PRIMARY KEY AUTOINCREMENT (ids never reused) for identity columns.

CREATE TABLE organisations (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	slug        TEXT NOT NULL UNIQUE,
	name        TEXT NOT NULL, -- JSON language map {"fi": …, "sv": …, "en": …}
	business_id TEXT NOT NULL DEFAULT '',
	country     TEXT NOT NULL DEFAULT '',
	region      TEXT NOT NULL DEFAULT '',
	homepage    TEXT NOT NULL DEFAULT '',
	logo_url    TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL
);

CREATE TABLE users (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	email         TEXT NOT NULL UNIQUE CHECK (email = lower(email)),
	name          TEXT NOT NULL DEFAULT '',
	password_hash TEXT NOT NULL DEFAULT '',
	admin         INTEGER NOT NULL DEFAULT 0,
	lang          TEXT NOT NULL DEFAULT 'fi',
	created_at    TEXT NOT NULL
);

CREATE TABLE memberships (
	org_id     INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	role       TEXT NOT NULL CHECK (role IN ('orgadmin', 'designer', 'assessor', 'partner', 'learner')),
	created_at TEXT NOT NULL,
	PRIMARY KEY (org_id, user_id, role)
);
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE invitations (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	org_id      INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	email       TEXT NOT NULL,
	role        TEXT NOT NULL CHECK (role IN ('orgadmin', 'designer', 'assessor', 'partner', 'learner')),
	invited_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
	token_hash  TEXT NOT NULL UNIQUE,
	expires_at  TEXT NOT NULL,
	accepted_at TEXT,
	created_at  TEXT NOT NULL
);
CREATE INDEX invitations_org ON invitations (org_id);

CREATE TABLE login_tokens (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	purpose    TEXT NOT NULL,
	token_hash TEXT NOT NULL UNIQUE,
	expires_at TEXT NOT NULL,
	used_at    TEXT,
	created_at TEXT NOT NULL
);
CREATE INDEX login_tokens_user ON login_tokens (user_id);

CREATE TABLE user_identities (
	provider   TEXT NOT NULL,
	subject    TEXT NOT NULL,
	user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	created_at TEXT NOT NULL,
	PRIMARY KEY (provider, subject)
);
CREATE INDEX user_identities_user ON user_identities (user_id);

CREATE TABLE sessions (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	token_hash  TEXT NOT NULL UNIQUE,
	csrf_secret TEXT NOT NULL,
	created_at  TEXT NOT NULL,
	last_seen   TEXT NOT NULL,
	expires_at  TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- One fixed-window counter per key (e.g. "signin:ip:192.0.2.1").
CREATE TABLE throttle (
	key          TEXT PRIMARY KEY,
	window_start TEXT NOT NULL,
	count        INTEGER NOT NULL
);

CREATE TABLE api_tokens (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	name       TEXT NOT NULL,
	prefix     TEXT NOT NULL,
	token_hash TEXT NOT NULL UNIQUE,
	scopes     TEXT NOT NULL, -- space-separated
	created_at TEXT NOT NULL,
	last_used  TEXT,
	expires_at TEXT,
	revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE mails (
	id           INTEGER PRIMARY KEY AUTOINCREMENT,
	to_addr      TEXT NOT NULL,
	subject      TEXT NOT NULL,
	text_body    TEXT NOT NULL,
	html_body    TEXT NOT NULL DEFAULT '',
	status       TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'outbox')),
	attempts     INTEGER NOT NULL DEFAULT 0,
	next_attempt TEXT NOT NULL,
	lease_until  TEXT,
	last_error   TEXT NOT NULL DEFAULT '',
	created_at   TEXT NOT NULL,
	sent_at      TEXT
);
CREATE INDEX mails_due ON mails (status, next_attempt);
CREATE INDEX mails_created ON mails (created_at);

CREATE TABLE jobs (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	kind        TEXT NOT NULL,
	payload     BLOB NOT NULL,
	status      TEXT NOT NULL CHECK (status IN ('queued', 'done', 'failed')),
	attempts    INTEGER NOT NULL DEFAULT 0,
	run_at      TEXT NOT NULL,
	lease_until TEXT,
	worker      TEXT NOT NULL DEFAULT '',
	last_error  TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL,
	done_at     TEXT
);
CREATE INDEX jobs_due ON jobs (status, kind, run_at);

CREATE TABLE events (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	org_id      INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
	title       TEXT NOT NULL, -- JSON language map
	description TEXT NOT NULL, -- JSON language map
	starts_at   TEXT NOT NULL,
	ends_at     TEXT NOT NULL,
	place       TEXT NOT NULL DEFAULT '',
	online      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_starts ON events (starts_at);

CREATE TABLE publications (
	id           INTEGER PRIMARY KEY AUTOINCREMENT,
	org_id       INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
	title        TEXT NOT NULL, -- JSON language map
	summary      TEXT NOT NULL, -- JSON language map
	url          TEXT NOT NULL DEFAULT '',
	published_at TEXT NOT NULL
);
CREATE INDEX publications_published ON publications (published_at);

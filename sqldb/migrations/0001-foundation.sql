-- The platform foundation: organisations, users, sign-in, API tokens, mail and job queues,
-- placeholder content. Written once for both engines: the type placeholders ({{id}},
-- {{time}} …) are listed in sqldb/migrate.go. PostgreSQL names the unique constraints that
-- sqldb/errors.go turns into error codes.

CREATE TABLE organisations (
	id          {{id}},
	slug        TEXT NOT NULL {{postgres:CONSTRAINT organisations_slug_key}} UNIQUE,
	name        TEXT NOT NULL, -- JSON language map {"fi": …, "sv": …, "en": …}
	business_id TEXT NOT NULL DEFAULT '',
	country     TEXT NOT NULL DEFAULT '',
	region      TEXT NOT NULL DEFAULT '',
	homepage    TEXT NOT NULL DEFAULT '',
	logo_url    TEXT NOT NULL DEFAULT '',
	created_at  {{time}} NOT NULL
);

CREATE TABLE users (
	id            {{id}},
	email         TEXT NOT NULL {{postgres:CONSTRAINT users_email_key}} UNIQUE CHECK (email = lower(email)),
	name          TEXT NOT NULL DEFAULT '',
	password_hash TEXT NOT NULL DEFAULT '',
	admin         {{bool}} NOT NULL DEFAULT {{false}},
	lang          TEXT NOT NULL DEFAULT 'fi',
	created_at    {{time}} NOT NULL
);

CREATE TABLE memberships (
	org_id     {{int}} NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	user_id    {{int}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	role       TEXT NOT NULL CHECK (role IN ('orgadmin', 'designer', 'assessor', 'partner', 'learner')),
	created_at {{time}} NOT NULL,
	PRIMARY KEY (org_id, user_id, role)
);
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE invitations (
	id          {{id}},
	org_id      {{int}} NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	email       TEXT NOT NULL,
	role        TEXT NOT NULL CHECK (role IN ('orgadmin', 'designer', 'assessor', 'partner', 'learner')),
	invited_by  {{int}} REFERENCES users (id) ON DELETE SET NULL,
	token_hash  TEXT NOT NULL UNIQUE,
	expires_at  {{time}} NOT NULL,
	accepted_at {{time}},
	created_at  {{time}} NOT NULL
);
CREATE INDEX invitations_org ON invitations (org_id);

CREATE TABLE login_tokens (
	id         {{id}},
	user_id    {{int}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	purpose    TEXT NOT NULL,
	token_hash TEXT NOT NULL UNIQUE,
	expires_at {{time}} NOT NULL,
	used_at    {{time}},
	created_at {{time}} NOT NULL
);
CREATE INDEX login_tokens_user ON login_tokens (user_id);

CREATE TABLE user_identities (
	provider   TEXT NOT NULL,
	subject    TEXT NOT NULL,
	user_id    {{int}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	created_at {{time}} NOT NULL,
	{{postgres:CONSTRAINT user_identities_pkey}} PRIMARY KEY (provider, subject)
);
CREATE INDEX user_identities_user ON user_identities (user_id);

CREATE TABLE sessions (
	id          {{id}},
	user_id     {{int}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	token_hash  TEXT NOT NULL UNIQUE,
	csrf_secret TEXT NOT NULL,
	created_at  {{time}} NOT NULL,
	last_seen   {{time}} NOT NULL,
	expires_at  {{time}} NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- One fixed-window counter per key (e.g. "signin:ip:192.0.2.1").
CREATE TABLE throttle (
	key          TEXT PRIMARY KEY,
	window_start {{time}} NOT NULL,
	count        INTEGER NOT NULL
);

CREATE TABLE api_tokens (
	id         {{id}},
	user_id    {{int}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	name       TEXT NOT NULL,
	prefix     TEXT NOT NULL,
	token_hash TEXT NOT NULL UNIQUE,
	scopes     TEXT NOT NULL, -- space-separated
	created_at {{time}} NOT NULL,
	last_used  {{time}},
	expires_at {{time}},
	revoked_at {{time}}
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE mails (
	id           {{id}},
	to_addr      TEXT NOT NULL,
	subject      TEXT NOT NULL,
	text_body    TEXT NOT NULL,
	html_body    TEXT NOT NULL DEFAULT '',
	status       TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'outbox')),
	attempts     INTEGER NOT NULL DEFAULT 0,
	next_attempt {{time}} NOT NULL,
	lease_until  {{time}},
	last_error   TEXT NOT NULL DEFAULT '',
	created_at   {{time}} NOT NULL,
	sent_at      {{time}}
);
CREATE INDEX mails_due ON mails (status, next_attempt);
CREATE INDEX mails_created ON mails (created_at);

CREATE TABLE jobs (
	id          {{id}},
	kind        TEXT NOT NULL,
	payload     {{bytes}} NOT NULL,
	status      TEXT NOT NULL CHECK (status IN ('queued', 'done', 'failed')),
	attempts    INTEGER NOT NULL DEFAULT 0,
	run_at      {{time}} NOT NULL,
	lease_until {{time}},
	worker      TEXT NOT NULL DEFAULT '',
	last_error  TEXT NOT NULL DEFAULT '',
	created_at  {{time}} NOT NULL,
	done_at     {{time}}
);
CREATE INDEX jobs_due ON jobs (status, kind, run_at);

CREATE TABLE events (
	id          {{id}},
	org_id      {{int}} REFERENCES organisations (id) ON DELETE SET NULL,
	title       TEXT NOT NULL, -- JSON language map
	description TEXT NOT NULL, -- JSON language map
	starts_at   {{time}} NOT NULL,
	ends_at     {{time}} NOT NULL,
	place       TEXT NOT NULL DEFAULT '',
	online      {{bool}} NOT NULL DEFAULT {{false}}
);
CREATE INDEX events_starts ON events (starts_at);

CREATE TABLE publications (
	id           {{id}},
	org_id       {{int}} REFERENCES organisations (id) ON DELETE SET NULL,
	title        TEXT NOT NULL, -- JSON language map
	summary      TEXT NOT NULL, -- JSON language map
	url          TEXT NOT NULL DEFAULT '',
	published_at {{time}} NOT NULL
);
CREATE INDEX publications_published ON publications (published_at);

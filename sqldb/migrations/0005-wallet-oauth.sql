-- Learners' wallets and the OAuth 2.0 authorization server of the Open Badges 3.0 API:
-- registered clients, authorization codes and tokens (only hashes of secrets).

CREATE TABLE wallet_credentials (
	id            {{id}},
	user_id       {{int}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	credential_id TEXT NOT NULL CHECK (credential_id <> ''),
	format        TEXT NOT NULL CHECK (format IN ('json', 'jwt')),
	body          TEXT NOT NULL,
	source        TEXT NOT NULL CHECK (source IN ('upload', 'api')),
	client_id     TEXT NOT NULL DEFAULT '',
	created_at    {{time}} NOT NULL,
	updated_at    {{time}} NOT NULL,
	UNIQUE (user_id, credential_id)
);
CREATE INDEX wallet_credentials_user ON wallet_credentials (user_id, created_at);

CREATE TABLE oauth_clients (
	client_id     TEXT PRIMARY KEY,
	secret_hash   TEXT NOT NULL,
	name          TEXT NOT NULL,
	redirect_uris TEXT NOT NULL, -- space-separated
	scopes        TEXT NOT NULL, -- space-separated
	client_uri    TEXT NOT NULL DEFAULT '',
	logo_uri      TEXT NOT NULL DEFAULT '',
	tos_uri       TEXT NOT NULL DEFAULT '',
	policy_uri    TEXT NOT NULL DEFAULT '',
	created_at    {{time}} NOT NULL
);

CREATE TABLE oauth_codes (
	id           {{id}},
	code_hash    TEXT NOT NULL UNIQUE,
	client_id    TEXT NOT NULL REFERENCES oauth_clients (client_id) ON DELETE CASCADE,
	user_id      {{int}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	redirect_uri TEXT NOT NULL,
	scopes       TEXT NOT NULL,
	challenge    TEXT NOT NULL,
	created_at   {{time}} NOT NULL,
	expires_at   {{time}} NOT NULL,
	used_at      {{time}}
);

CREATE TABLE oauth_tokens (
	id              {{id}},
	client_id       TEXT NOT NULL REFERENCES oauth_clients (client_id) ON DELETE CASCADE,
	user_id         {{int}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	code_id         {{int}} REFERENCES oauth_codes (id) ON DELETE SET NULL,
	access_hash     TEXT NOT NULL UNIQUE,
	refresh_hash    TEXT NOT NULL UNIQUE,
	scopes          TEXT NOT NULL,
	created_at      {{time}} NOT NULL,
	access_expires  {{time}} NOT NULL,
	refresh_expires {{time}} NOT NULL,
	revoked_at      {{time}}
);
CREATE INDEX oauth_tokens_code ON oauth_tokens (code_id);

-- The learner's wallet (issue 5): public share links of credentials, which the learner can
-- switch off, and pending e-mail address changes waiting for the new address to confirm.
-- Keep in step with 0006-share-links-postgres.sql.

CREATE TABLE share_links (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	credential_id TEXT NOT NULL CHECK (credential_id <> ''),
	token         TEXT NOT NULL UNIQUE, -- public by design: it is the URL the learner shares
	created_at    TEXT NOT NULL,
	disabled_at   TEXT
);
CREATE INDEX share_links_user ON share_links (user_id, credential_id);

CREATE TABLE email_changes (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	new_email  TEXT NOT NULL CHECK (new_email = lower(new_email)),
	token_hash TEXT NOT NULL UNIQUE,
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL,
	used_at    TEXT
);
CREATE INDEX email_changes_user ON email_changes (user_id);

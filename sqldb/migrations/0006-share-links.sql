-- The learner's wallet (issue 5): public share links of credentials, which the learner can
-- switch off, and pending e-mail address changes waiting for the new address to confirm.

CREATE TABLE share_links (
	id            {{id}},
	user_id       {{int}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	credential_id TEXT NOT NULL CHECK (credential_id <> ''),
	token         TEXT NOT NULL UNIQUE, -- public by design: it is the URL the learner shares
	created_at    {{time}} NOT NULL,
	disabled_at   {{time}}
);
CREATE INDEX share_links_user ON share_links (user_id, credential_id);

CREATE TABLE email_changes (
	id         {{id}},
	user_id    {{int}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	new_email  TEXT NOT NULL CHECK (new_email = lower(new_email)),
	token_hash TEXT NOT NULL UNIQUE,
	created_at {{time}} NOT NULL,
	expires_at {{time}} NOT NULL,
	used_at    {{time}}
);
CREATE INDEX email_changes_user ON email_changes (user_id);

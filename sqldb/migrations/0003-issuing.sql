-- Issuing: organisations' signing keys (sealed with the installation's master key) and
-- Bitstring Status Lists.

CREATE TABLE org_keys (
	id         {{id}},
	org_id     {{int}} NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	key_id     TEXT NOT NULL,          -- DID URL fragment, the Multikey "z6Mk…"
	public_key {{bytes}} NOT NULL,         -- 32-byte Ed25519 public key
	sealed     {{bytes}} NOT NULL,         -- AES-256-GCM sealed seed, see issuer/seal.go
	created_at {{time}} NOT NULL,
	retired_at {{time}},
	UNIQUE (org_id, key_id)
);
-- At most one active key per organisation.
CREATE UNIQUE INDEX org_keys_active ON org_keys (org_id) WHERE retired_at IS NULL;

CREATE TABLE status_lists (
	org_id         {{int}} NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	purpose        TEXT NOT NULL CHECK (purpose IN ('revocation', 'suspension')),
	list_no        INTEGER NOT NULL CHECK (list_no > 0),
	size           INTEGER NOT NULL CHECK (size >= 131072),
	used           INTEGER NOT NULL DEFAULT 0,
	version        {{int}} NOT NULL DEFAULT 1,
	signed         TEXT,               -- the signed BitstringStatusListCredential of signed_version
	signed_version {{int}} NOT NULL DEFAULT 0,
	created_at     {{time}} NOT NULL,
	PRIMARY KEY (org_id, purpose, list_no)
);

CREATE TABLE status_entries (
	org_id        {{int}} NOT NULL,
	purpose       TEXT NOT NULL,
	list_no       INTEGER NOT NULL,
	idx           INTEGER NOT NULL CHECK (idx >= 0),
	credential_id TEXT NOT NULL DEFAULT '',
	is_set        {{bool}} NOT NULL DEFAULT {{false}},
	reason        TEXT NOT NULL DEFAULT '',
	changed_at    {{time}},
	created_at    {{time}} NOT NULL,
	PRIMARY KEY (org_id, purpose, list_no, idx),
	FOREIGN KEY (org_id, purpose, list_no) REFERENCES status_lists (org_id, purpose, list_no) ON DELETE CASCADE
);
CREATE INDEX status_entries_credential ON status_entries (org_id, credential_id);
CREATE INDEX status_entries_set ON status_entries (org_id, purpose, list_no) WHERE is_set{{sqlite: = TRUE}};

-- Two-bit "message" status lists (Bitstring Status List statusPurpose "message"): one
-- credentialStatus entry per Open Badge that carries both suspension and revocation
-- (0 valid, 1 suspended, 2 revoked). status_lists gains the purpose 'message' and
-- status_entries the value of such an entry (is_set stays "value is not 0").
--
-- SQLite cannot change a CHECK constraint, so both engines rebuild the two tables. The old
-- tables are renamed first (SQLite then points status_entries' foreign key at the renamed
-- parent) — on PostgreSQL with their primary-key indexes, whose names it keeps
-- schema-wide — and dropped child first, so that no ON DELETE CASCADE fires on the copied
-- rows.

ALTER TABLE status_entries RENAME TO status_entries_0010;
{{postgres:ALTER INDEX status_entries_pkey RENAME TO status_entries_0010_pkey;}}
ALTER TABLE status_lists RENAME TO status_lists_0010;
{{postgres:ALTER INDEX status_lists_pkey RENAME TO status_lists_0010_pkey;}}

CREATE TABLE status_lists (
	org_id         {{int}} NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	purpose        TEXT NOT NULL CHECK (purpose IN ('revocation', 'suspension', 'message')),
	list_no        INTEGER NOT NULL CHECK (list_no > 0),
	size           INTEGER NOT NULL CHECK (size >= 131072),
	used           INTEGER NOT NULL DEFAULT 0,
	version        {{int}} NOT NULL DEFAULT 1,
	signed         TEXT,               -- the signed BitstringStatusListCredential of signed_version
	signed_version {{int}} NOT NULL DEFAULT 0,
	created_at     {{time}} NOT NULL,
	PRIMARY KEY (org_id, purpose, list_no)
);
INSERT INTO status_lists (org_id, purpose, list_no, size, used, version, signed, signed_version, created_at)
	SELECT org_id, purpose, list_no, size, used, version, signed, signed_version, created_at FROM status_lists_0010;

CREATE TABLE status_entries (
	org_id        {{int}} NOT NULL,
	purpose       TEXT NOT NULL,
	list_no       INTEGER NOT NULL,
	idx           INTEGER NOT NULL CHECK (idx >= 0),
	credential_id TEXT NOT NULL DEFAULT '',
	is_set        {{bool}} NOT NULL DEFAULT {{false}},
	status_value  {{smallint}} NOT NULL DEFAULT 0 CHECK (status_value BETWEEN 0 AND 3),
	reason        TEXT NOT NULL DEFAULT '',
	changed_at    {{time}},
	created_at    {{time}} NOT NULL,
	PRIMARY KEY (org_id, purpose, list_no, idx),
	FOREIGN KEY (org_id, purpose, list_no) REFERENCES status_lists (org_id, purpose, list_no) ON DELETE CASCADE
);
INSERT INTO status_entries (org_id, purpose, list_no, idx, credential_id, is_set, status_value, reason, changed_at, created_at)
	SELECT org_id, purpose, list_no, idx, credential_id, is_set, CASE WHEN is_set THEN 1 ELSE 0 END, reason, changed_at, created_at
	FROM status_entries_0010;

DROP TABLE status_entries_0010;
DROP TABLE status_lists_0010;

CREATE INDEX status_entries_credential ON status_entries (org_id, credential_id);
CREATE INDEX status_entries_set ON status_entries (org_id, purpose, list_no) WHERE is_set{{sqlite: = TRUE}};

-- POKs (pienet osaamiskokonaisuudet): numbered versions with workflow, audit history,
-- co-design with working-life partners, and the public catalogue with its search index.
-- Keep in step with 0002-microcredentials-sqlite.sql.

CREATE TABLE microcredentials (
	id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	org_id            BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	slug              TEXT NOT NULL,
	current_version   INTEGER NOT NULL DEFAULT 1,
	published_version INTEGER NOT NULL DEFAULT 0,
	created_by        BIGINT REFERENCES users (id) ON DELETE SET NULL,
	created_at        TIMESTAMPTZ NOT NULL,
	updated_at        TIMESTAMPTZ NOT NULL,
	CONSTRAINT microcredentials_org_slug_key UNIQUE (org_id, slug)
);

CREATE TABLE mc_versions (
	id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	mc_id        BIGINT NOT NULL REFERENCES microcredentials (id) ON DELETE CASCADE,
	org_id       BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	number       INTEGER NOT NULL,
	status       TEXT NOT NULL CHECK (status IN ('draft', 'review', 'approved', 'published', 'archived')),
	content      TEXT NOT NULL, -- JSON pokot.MicrocredentialContent without image bytes
	image        BYTEA,
	revision     INTEGER NOT NULL DEFAULT 1,
	created_by   BIGINT REFERENCES users (id) ON DELETE SET NULL,
	created_at   TIMESTAMPTZ NOT NULL,
	updated_by   BIGINT REFERENCES users (id) ON DELETE SET NULL,
	updated_at   TIMESTAMPTZ NOT NULL,
	approved_by  BIGINT REFERENCES users (id) ON DELETE SET NULL,
	approved_at  TIMESTAMPTZ,
	published_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
	published_at TIMESTAMPTZ,
	archived_at  TIMESTAMPTZ,
	UNIQUE (mc_id, number)
);

CREATE TABLE mc_history (
	id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	org_id     BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	mc_id      BIGINT NOT NULL REFERENCES microcredentials (id) ON DELETE CASCADE,
	version    INTEGER NOT NULL DEFAULT 0,
	user_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
	action     TEXT NOT NULL,
	note       TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX mc_history_mc ON mc_history (mc_id, id);

CREATE TABLE mc_partners (
	id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	org_id     BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	mc_id      BIGINT NOT NULL REFERENCES microcredentials (id) ON DELETE CASCADE,
	email      TEXT NOT NULL CHECK (email = lower(email)),
	invited_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
	created_at TIMESTAMPTZ NOT NULL,
	CONSTRAINT mc_partners_mc_email_key UNIQUE (mc_id, email)
);
CREATE INDEX mc_partners_email ON mc_partners (email);

CREATE TABLE mc_comments (
	id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	org_id      BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	mc_id       BIGINT NOT NULL REFERENCES microcredentials (id) ON DELETE CASCADE,
	version     INTEGER NOT NULL,
	parent_id   BIGINT REFERENCES mc_comments (id) ON DELETE CASCADE,
	anchor      TEXT NOT NULL DEFAULT '',
	author_id   BIGINT REFERENCES users (id) ON DELETE SET NULL,
	body        TEXT NOT NULL,
	mentions    TEXT NOT NULL DEFAULT '[]', -- JSON array of user ids
	resolved_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
	resolved_at TIMESTAMPTZ,
	created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX mc_comments_mc ON mc_comments (mc_id, id);

CREATE TABLE mc_signoffs (
	id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	org_id     BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	mc_id      BIGINT NOT NULL REFERENCES microcredentials (id) ON DELETE CASCADE,
	version    INTEGER NOT NULL,
	user_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
	note       TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMPTZ NOT NULL,
	CONSTRAINT mc_signoffs_key UNIQUE (mc_id, version, user_id)
);

-- The public catalogue: one narrow row per POK with a published version, for filtering,
-- sorting and facet counting (held in memory by each process, see sqldb/search_snapshot.go);
-- the listing content and the search text live in catalog_docs. sig packs the facet values
-- of the row ("L4|F09|Uosp|O3|J|lfi|ponline|s…").
CREATE TABLE catalog (
	mc_id        BIGINT PRIMARY KEY REFERENCES microcredentials (id) ON DELETE CASCADE,
	version_id   BIGINT NOT NULL REFERENCES mc_versions (id) ON DELETE CASCADE,
	org_id       BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	slug         TEXT NOT NULL,
	version      INTEGER NOT NULL,
	published_at TIMESTAMPTZ NOT NULL,
	sort_fi      TEXT NOT NULL DEFAULT '', -- lower-case title for sorting, falling back to Finnish
	sort_sv      TEXT NOT NULL DEFAULT '',
	sort_en      TEXT NOT NULL DEFAULT '',
	level        INTEGER NOT NULL DEFAULT 0,
	field        TEXT NOT NULL DEFAULT '', -- ISCED-F code as given (2–4 digits)
	field_narrow TEXT NOT NULL DEFAULT '', -- its first three digits
	field_broad  TEXT NOT NULL DEFAULT '', -- its first two digits
	unit         TEXT NOT NULL DEFAULT '',
	workload     DOUBLE PRECISION NOT NULL DEFAULT 0,
	jotpa        BOOLEAN NOT NULL DEFAULT FALSE,
	stackable    BOOLEAN NOT NULL DEFAULT FALSE,
	sig          TEXT NOT NULL DEFAULT '',
	search_title TEXT NOT NULL DEFAULT '' -- stemmed title, all languages: ranks title hits first
);

-- The catalogue's change counter (name 'generation'), incremented by every publication and
-- withdrawal, so that every process knows when its in-memory snapshot is out of date.
CREATE TABLE catalog_state (
	name TEXT PRIMARY KEY,
	n    BIGINT NOT NULL
);

-- Which POK each recent generation changed, so that a snapshot can be patched.
CREATE TABLE catalog_changes (
	gen   BIGINT PRIMARY KEY,
	mc_id BIGINT NOT NULL
);

-- The listing content (JSON, without image bytes) and the stemmed body text of all three
-- languages (package stem).
CREATE TABLE catalog_docs (
	mc_id        BIGINT PRIMARY KEY REFERENCES catalog (mc_id) ON DELETE CASCADE,
	content      TEXT NOT NULL,
	search_body  TEXT NOT NULL DEFAULT ''
);

-- PostgreSQL only: every suffix of every stemmed word (see sqldb/search_index.go) as a
-- tsvector, so that a prefix query ('roboti':*) finds the stem inside compounds
-- ("hoivarobotiik"), and the whole words for two-letter terms; GIN indexes serve the prefix
-- match. The table is narrow (the vectors go to TOAST: toast_tuple_target) so that reading
-- the ids of thousands of hits touches few pages.
/* engine-specific, not in the SQLite half */ CREATE TABLE catalog_terms (mc_id BIGINT PRIMARY KEY REFERENCES catalog (mc_id) ON DELETE CASCADE) WITH (toast_tuple_target = 128);
ALTER TABLE catalog_terms ADD COLUMN terms TSVECTOR NOT NULL;
ALTER TABLE catalog_terms ADD COLUMN words TSVECTOR NOT NULL;
CREATE INDEX catalog_terms_terms ON catalog_terms USING gin (terms);
CREATE INDEX catalog_terms_words ON catalog_terms USING gin (words);

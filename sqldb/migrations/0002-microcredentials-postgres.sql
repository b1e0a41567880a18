-- POKs (pienet osaamiskokonaisuudet): numbered versions with workflow, audit history,
-- co-design with working-life partners, and the public catalogue with its search index.
-- Keep in step with 0002-microcredentials-sqlite.sql.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

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

-- The public catalogue: one row per POK with a published version, denormalised for
-- filtering, sorting and search. search_title and search_body hold stemmed text of all
-- three languages (package stem); search_text is both, for the trigram index.
CREATE TABLE catalog (
	mc_id        BIGINT PRIMARY KEY REFERENCES microcredentials (id) ON DELETE CASCADE,
	version_id   BIGINT NOT NULL REFERENCES mc_versions (id) ON DELETE CASCADE,
	org_id       BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	slug         TEXT NOT NULL,
	version      INTEGER NOT NULL,
	published_at TIMESTAMPTZ NOT NULL,
	title_fi     TEXT NOT NULL DEFAULT '',
	title_sv     TEXT NOT NULL DEFAULT '',
	title_en     TEXT NOT NULL DEFAULT '',
	level        INTEGER NOT NULL DEFAULT 0,
	field        TEXT NOT NULL DEFAULT '', -- ISCED-F code as given (2–4 digits)
	field_narrow TEXT NOT NULL DEFAULT '', -- its first three digits
	field_broad  TEXT NOT NULL DEFAULT '', -- its first two digits
	unit         TEXT NOT NULL DEFAULT '',
	workload     DOUBLE PRECISION NOT NULL DEFAULT 0,
	jotpa        BOOLEAN NOT NULL DEFAULT FALSE,
	stackable    BOOLEAN NOT NULL DEFAULT FALSE,
	content      TEXT NOT NULL,
	search_title TEXT NOT NULL DEFAULT '',
	search_body  TEXT NOT NULL DEFAULT '',
	search_text  TEXT NOT NULL DEFAULT ''
);
-- PostgreSQL only: the weighted finnish/swedish/english text search vector for ranking.
ALTER TABLE catalog ADD COLUMN tsv TSVECTOR NOT NULL;
CREATE INDEX catalog_published ON catalog (published_at DESC, mc_id DESC);
CREATE INDEX catalog_level ON catalog (level);
CREATE INDEX catalog_field ON catalog (field);
CREATE INDEX catalog_field_narrow ON catalog (field_narrow);
CREATE INDEX catalog_field_broad ON catalog (field_broad);
CREATE INDEX catalog_unit ON catalog (unit, workload);
CREATE INDEX catalog_org ON catalog (org_id);
CREATE INDEX catalog_trgm ON catalog USING gin (search_text gin_trgm_ops);
CREATE INDEX catalog_title_trgm ON catalog USING gin (search_title gin_trgm_ops);
CREATE INDEX catalog_tsv ON catalog USING gin (tsv);

-- Multi-valued filters: language of instruction, form of participation, ESCO skill.
CREATE TABLE catalog_facets (
	mc_id BIGINT NOT NULL REFERENCES catalog (mc_id) ON DELETE CASCADE,
	facet TEXT NOT NULL,
	value TEXT NOT NULL,
	PRIMARY KEY (mc_id, facet, value)
);
CREATE INDEX catalog_facets_value ON catalog_facets (facet, value, mc_id);

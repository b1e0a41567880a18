-- POKs (pienet osaamiskokonaisuudet): numbered versions with workflow, audit history,
-- co-design with working-life partners, and the public catalogue with its search index.

CREATE TABLE microcredentials (
	id                {{id}},
	org_id            {{int}} NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	slug              TEXT NOT NULL,
	current_version   INTEGER NOT NULL DEFAULT 1,
	published_version INTEGER NOT NULL DEFAULT 0,
	created_by        {{int}} REFERENCES users (id) ON DELETE SET NULL,
	created_at        {{time}} NOT NULL,
	updated_at        {{time}} NOT NULL,
	{{postgres:CONSTRAINT microcredentials_org_slug_key}} UNIQUE (org_id, slug)
);

CREATE TABLE mc_versions (
	id           {{id}},
	mc_id        {{int}} NOT NULL REFERENCES microcredentials (id) ON DELETE CASCADE,
	org_id       {{int}} NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	number       INTEGER NOT NULL,
	status       TEXT NOT NULL CHECK (status IN ('draft', 'review', 'approved', 'published', 'archived')),
	content      TEXT NOT NULL, -- JSON pokot.MicrocredentialContent without image bytes
	image        {{bytes}},
	revision     INTEGER NOT NULL DEFAULT 1,
	created_by   {{int}} REFERENCES users (id) ON DELETE SET NULL,
	created_at   {{time}} NOT NULL,
	updated_by   {{int}} REFERENCES users (id) ON DELETE SET NULL,
	updated_at   {{time}} NOT NULL,
	approved_by  {{int}} REFERENCES users (id) ON DELETE SET NULL,
	approved_at  {{time}},
	published_by {{int}} REFERENCES users (id) ON DELETE SET NULL,
	published_at {{time}},
	archived_at  {{time}},
	UNIQUE (mc_id, number)
);

CREATE TABLE mc_history (
	id         {{id}},
	org_id     {{int}} NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	mc_id      {{int}} NOT NULL REFERENCES microcredentials (id) ON DELETE CASCADE,
	version    INTEGER NOT NULL DEFAULT 0,
	user_id    {{int}} REFERENCES users (id) ON DELETE SET NULL,
	action     TEXT NOT NULL,
	note       TEXT NOT NULL DEFAULT '',
	created_at {{time}} NOT NULL
);
CREATE INDEX mc_history_mc ON mc_history (mc_id, id);

CREATE TABLE mc_partners (
	id         {{id}},
	org_id     {{int}} NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	mc_id      {{int}} NOT NULL REFERENCES microcredentials (id) ON DELETE CASCADE,
	email      TEXT NOT NULL CHECK (email = lower(email)),
	invited_by {{int}} REFERENCES users (id) ON DELETE SET NULL,
	created_at {{time}} NOT NULL,
	{{postgres:CONSTRAINT mc_partners_mc_email_key}} UNIQUE (mc_id, email)
);
CREATE INDEX mc_partners_email ON mc_partners (email);

CREATE TABLE mc_comments (
	id          {{id}},
	org_id      {{int}} NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	mc_id       {{int}} NOT NULL REFERENCES microcredentials (id) ON DELETE CASCADE,
	version     INTEGER NOT NULL,
	parent_id   {{int}} REFERENCES mc_comments (id) ON DELETE CASCADE,
	anchor      TEXT NOT NULL DEFAULT '',
	author_id   {{int}} REFERENCES users (id) ON DELETE SET NULL,
	body        TEXT NOT NULL,
	mentions    TEXT NOT NULL DEFAULT '[]', -- JSON array of user ids
	resolved_by {{int}} REFERENCES users (id) ON DELETE SET NULL,
	resolved_at {{time}},
	created_at  {{time}} NOT NULL
);
CREATE INDEX mc_comments_mc ON mc_comments (mc_id, id);

CREATE TABLE mc_signoffs (
	id         {{id}},
	org_id     {{int}} NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	mc_id      {{int}} NOT NULL REFERENCES microcredentials (id) ON DELETE CASCADE,
	version    INTEGER NOT NULL,
	user_id    {{int}} REFERENCES users (id) ON DELETE SET NULL,
	note       TEXT NOT NULL DEFAULT '',
	created_at {{time}} NOT NULL,
	{{postgres:CONSTRAINT mc_signoffs_key}} UNIQUE (mc_id, version, user_id)
);

-- The public catalogue: one narrow row per POK with a published version, for filtering,
-- sorting and facet counting (held in memory by each process, see sqldb/search_snapshot.go);
-- the listing content and the search text live in catalog_docs. sig packs the facet values
-- of the row ("L4|F09|Uosp|O3|J|lfi|ponline|s…").
CREATE TABLE catalog (
	mc_id        {{int}} PRIMARY KEY REFERENCES microcredentials (id) ON DELETE CASCADE,
	version_id   {{int}} NOT NULL REFERENCES mc_versions (id) ON DELETE CASCADE,
	org_id       {{int}} NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	slug         TEXT NOT NULL,
	version      INTEGER NOT NULL,
	published_at {{time}} NOT NULL,
	sort_fi      TEXT NOT NULL DEFAULT '', -- lower-case title for sorting, falling back to Finnish
	sort_sv      TEXT NOT NULL DEFAULT '',
	sort_en      TEXT NOT NULL DEFAULT '',
	level        INTEGER NOT NULL DEFAULT 0,
	field        TEXT NOT NULL DEFAULT '', -- ISCED-F code as given (2–4 digits)
	field_narrow TEXT NOT NULL DEFAULT '', -- its first three digits
	field_broad  TEXT NOT NULL DEFAULT '', -- its first two digits
	unit         TEXT NOT NULL DEFAULT '',
	workload     {{float}} NOT NULL DEFAULT 0,
	jotpa        {{bool}} NOT NULL DEFAULT {{false}},
	stackable    {{bool}} NOT NULL DEFAULT {{false}},
	sig          TEXT NOT NULL DEFAULT '',
	search_title TEXT NOT NULL DEFAULT '' -- stemmed title, all languages: ranks title hits first
);

-- The catalogue's change counter (name 'generation'), incremented by every publication and
-- withdrawal, so that every process knows when its in-memory snapshot is out of date.
CREATE TABLE catalog_state (
	name TEXT PRIMARY KEY,
	n    {{int}} NOT NULL
);

-- Which POK each recent generation changed, so that a snapshot can be patched.
CREATE TABLE catalog_changes (
	gen   {{int}} PRIMARY KEY,
	mc_id {{int}} NOT NULL
);

-- The listing content (JSON, without image bytes) and the stemmed body text of all three
-- languages (package stem).
CREATE TABLE catalog_docs (
	mc_id        {{int}} PRIMARY KEY REFERENCES catalog (mc_id) ON DELETE CASCADE,
	content      TEXT NOT NULL,
	search_body  TEXT NOT NULL DEFAULT ''
);

-- The search terms, one table per engine (both dropped by 0012, which matches words in
-- memory).
{{postgres:
-- PostgreSQL: every suffix of every stemmed word (see sqldb/search_index.go) as a
-- tsvector, so that a prefix query ('roboti':*) finds the stem inside compounds
-- ("hoivarobotiik"), and the whole words for two-letter terms; GIN indexes serve the prefix
-- match. The table is narrow (the vectors go to TOAST: toast_tuple_target) so that reading
-- the ids of thousands of hits touches few pages.
CREATE TABLE catalog_terms (mc_id BIGINT PRIMARY KEY REFERENCES catalog (mc_id) ON DELETE CASCADE) WITH (toast_tuple_target = 128);
ALTER TABLE catalog_terms ADD COLUMN terms TSVECTOR NOT NULL;
ALTER TABLE catalog_terms ADD COLUMN words TSVECTOR NOT NULL;
CREATE INDEX catalog_terms_terms ON catalog_terms USING gin (terms);
CREATE INDEX catalog_terms_words ON catalog_terms USING gin (words);
}}{{sqlite:
-- SQLite: every suffix of every stemmed word (see sqldb/search_index.go) in an FTS5
-- table (rowid = catalog.mc_id) whose prefix queries ("roboti"*) find stems inside
-- compounds; detail=column keeps the title/body distinction for ranking without storing
-- positions. words holds the whole stemmed words, for terms of two letters, which match
-- only at the start of a word.
CREATE VIRTUAL TABLE catalog_fts USING fts5 (terms, words, tokenize = 'unicode61 remove_diacritics 0', detail = 'column', prefix = '2 3');
}}
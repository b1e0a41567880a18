-- Stackable pathways (issue 5): POKs of an organisation that together cover a target (e.g. a
-- qualification unit), and the pathway credentials issued, once, to learners who complete one.

CREATE TABLE pathways (
	id          {{id}},
	org_id      {{int}} NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	name        TEXT NOT NULL DEFAULT '{}', -- JSON pokot.Text
	description TEXT NOT NULL DEFAULT '{}', -- JSON pokot.Text
	target      TEXT NOT NULL DEFAULT '{}', -- JSON pokot.QualificationUnit
	required    INTEGER NOT NULL DEFAULT 0 CHECK (required >= 0), -- 0: all members
	created_by  {{int}} REFERENCES users (id) ON DELETE SET NULL,
	created_at  {{time}} NOT NULL,
	updated_at  {{time}} NOT NULL
);
CREATE INDEX pathways_org ON pathways (org_id);

CREATE TABLE pathway_members (
	pathway_id {{int}} NOT NULL REFERENCES pathways (id) ON DELETE CASCADE,
	mc_id      {{int}} NOT NULL REFERENCES microcredentials (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	PRIMARY KEY (pathway_id, mc_id)
);
CREATE INDEX pathway_members_mc ON pathway_members (mc_id);

CREATE TABLE pathway_credentials (
	id            {{id}},
	pathway_id    {{int}} NOT NULL REFERENCES pathways (id) ON DELETE CASCADE,
	org_id        {{int}} NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	email         TEXT NOT NULL,
	credential_id TEXT NOT NULL UNIQUE, -- urn:uuid:…, fixed at reservation
	stacked       TEXT NOT NULL DEFAULT '[]', -- JSON ids of the POK credentials it stacks
	state         TEXT NOT NULL CHECK (state IN ('pending', 'issued')),
	signed        TEXT,
	reserved_at   {{time}} NOT NULL,
	issued_at     {{time}},
	-- Exactly once: one pathway credential per learner and pathway, whatever happens.
	UNIQUE (pathway_id, email)
);
CREATE INDEX pathway_credentials_email ON pathway_credentials (email);

package sqldb

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestReadMigrations(t *testing.T) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	tests := []struct {
		name    string
		files   fstest.MapFS
		dialect string
		want    string // names joined, or "error"
		sql     string // SQL of the first migration
	}{
		{"sorted and expanded for sqlite", fstest.MapFS{
			"migrations/0002-b.sql": file("SELECT 2"),
			"migrations/0001-a.sql": file("CREATE TABLE t (id {{id}}, at {{time}})"),
		}, SQLite, "0001-a 0002-b", "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT)"},
		{"expanded for postgres", fstest.MapFS{
			"migrations/0001-a.sql": file("CREATE TABLE t (id {{id}}, at {{time}})"),
		}, Postgres, "0001-a", "CREATE TABLE t (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at TIMESTAMPTZ)"},
		{"unknown placeholder", fstest.MapFS{
			"migrations/0001-a.sql": file("SELECT 1"),
			"migrations/0002-b.sql": file("CREATE TABLE t (n {{integer}})"),
		}, SQLite, "error", ""},
		{"unknown placeholder in a comment", fstest.MapFS{
			"migrations/0001-a.sql": file("-- {{jsonb}}\nSELECT 1"),
		}, Postgres, "error", ""},
		{"old engine pair file", fstest.MapFS{
			"migrations/0001-a-sqlite.sql":   file("SELECT 1"),
			"migrations/0001-a-postgres.sql": file("SELECT 1"),
		}, SQLite, "error", ""},
		{"engine file beside the common one", fstest.MapFS{
			"migrations/0001-a.sql":          file("SELECT 1"),
			"migrations/0001-a-postgres.sql": file("SELECT 1"),
		}, SQLite, "error", ""},
		{"empty", fstest.MapFS{}, SQLite, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			names, sqls, err := readMigrations(tt.files, tt.dialect)
			if tt.want == "error" {
				if err == nil {
					t.Fatalf("no error, got %v", names)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(names, " "); got != tt.want {
				t.Fatalf("names %q, want %q", got, tt.want)
			}
			if len(names) > 0 && sqls[names[0]] != tt.sql {
				t.Fatalf("sql %q, want %q", sqls[names[0]], tt.sql)
			}
		})
	}
}

func TestExpandMigration(t *testing.T) {
	tests := []struct {
		name, src        string
		postgres, sqlite string // "" with err set
		err              string // part of the error, for both engines
	}{
		{"plain SQL", "SELECT 'a{b}c' -- {x}", "SELECT 'a{b}c' -- {x}", "SELECT 'a{b}c' -- {x}", ""},
		{"types", "{{int}} {{smallint}} {{float}} {{bool}} DEFAULT {{false}} {{time}} {{bytes}}",
			"BIGINT SMALLINT DOUBLE PRECISION BOOLEAN DEFAULT FALSE TIMESTAMPTZ BYTEA",
			"INTEGER INTEGER REAL INTEGER DEFAULT 0 TEXT BLOB", ""},
		{"identity", "id {{id}},",
			"id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,",
			"id INTEGER PRIMARY KEY AUTOINCREMENT,", ""},
		{"inline engine-only text", "slug TEXT {{postgres:CONSTRAINT t_slug_key}} UNIQUE WHERE b{{sqlite: = TRUE}};",
			"slug TEXT CONSTRAINT t_slug_key UNIQUE WHERE b;",
			"slug TEXT  UNIQUE WHERE b = TRUE;", ""},
		{"engine-only block over lines", "A;\n{{postgres:\nB: x;\nC;\n}}{{sqlite:\nD;\n}}\nE;",
			"A;\n\nB: x;\nC;\n\nE;", "A;\n\nD;\n\nE;", ""},
		{"unknown placeholder", "a\nb {{timestamp}}", "", "", "line 2: unknown placeholder {{timestamp}}"},
		{"placeholder is case-sensitive", "{{ID}}", "", "", "unknown placeholder {{ID}}"},
		{"no spaces inside", "{{ id }}", "", "", "unknown placeholder"},
		{"empty placeholder", "{{}}", "", "", "unknown placeholder"},
		{"unknown engine", "{{mysql:SELECT 1}}", "", "", `unknown engine "mysql"`},
		{"engine name case", "{{Postgres:SELECT 1}}", "", "", "unknown engine"},
		{"unclosed", "a\n\n{{int", "", "", "line 3: {{ without }}"},
		{"stray close", "a}}", "", "", "}} without {{"},
		{"close before open", "}} {{int}}", "", "", "}} without {{"},
		{"nested", "{{postgres: {{int}} }}", "", "", "{{ inside {{…}}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, d := range []struct{ dialect, want string }{{Postgres, tt.postgres}, {SQLite, tt.sqlite}} {
				got, err := expandMigration(tt.src, d.dialect)
				if tt.err != "" {
					if err == nil || !strings.Contains(err.Error(), tt.err) {
						t.Errorf("%s: err %v, want one with %q (got %q)", d.dialect, err, tt.err, got)
					}
					continue
				}
				if err != nil {
					t.Errorf("%s: %v", d.dialect, err)
				} else if got != d.want {
					t.Errorf("%s: got %q, want %q", d.dialect, got, d.want)
				}
			}
		})
	}
}

// TestEmbeddedMigrations checks the real migration files: they expand for both engines,
// into the same list, leaving no marks, and the engine-only statements reach only their
// engine.
func TestEmbeddedMigrations(t *testing.T) {
	liteNames, lite, err := migrations(SQLite)
	if err != nil {
		t.Fatal(err)
	}
	pgNames, pg, err := migrations(Postgres)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := strings.Join(liteNames, " "), strings.Join(pgNames, " "); a != b || !strings.HasPrefix(a, "0001-foundation ") {
		t.Fatalf("migrations: sqlite %q, postgres %q", a, b)
	}
	// Databases record these names; a renamed file would run again under its new name.
	for _, n := range []string{"0001-foundation", "0002-microcredentials", "0003-issuing", "0004-delivery",
		"0005-wallet-oauth", "0006-share-links", "0007-pathways", "0011-status-message", "0012-catalog-text-in-memory"} {
		if _, ok := lite[n]; !ok {
			t.Errorf("migration %s is gone", n)
		}
	}
	for _, n := range liteNames {
		for d, sql := range map[string]string{SQLite: lite[n], Postgres: pg[n]} {
			if strings.Contains(sql, "{{") || strings.Contains(sql, "}}") || strings.TrimSpace(sql) == "" {
				t.Errorf("%s for %s: %q", n, d, sql)
			}
		}
	}
	for _, c := range []struct {
		migration, sqliteOnly, postgresOnly string
	}{
		{"0001-foundation", "INTEGER PRIMARY KEY AUTOINCREMENT", "CONSTRAINT users_email_key UNIQUE"},
		{"0002-microcredentials", "CREATE VIRTUAL TABLE catalog_fts", "CREATE TABLE catalog_terms"},
		{"0003-issuing", "WHERE is_set = TRUE;", "TIMESTAMPTZ"},
		{"0011-status-message", "WHERE is_set = TRUE;", "ALTER INDEX status_lists_pkey"},
	} {
		if !strings.Contains(lite[c.migration], c.sqliteOnly) || strings.Contains(pg[c.migration], c.sqliteOnly) {
			t.Errorf("%s: %q is not SQLite's alone", c.migration, c.sqliteOnly)
		}
		if !strings.Contains(pg[c.migration], c.postgresOnly) || strings.Contains(lite[c.migration], c.postgresOnly) {
			t.Errorf("%s: %q is not PostgreSQL's alone", c.migration, c.postgresOnly)
		}
	}
}

package sqldb

import (
	"regexp"
	"sort"
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
		{"common and pair", fstest.MapFS{
			"migrations/0002-b.sql":          file("common"),
			"migrations/0001-a-sqlite.sql":   file("lite"),
			"migrations/0001-a-postgres.sql": file("pg"),
		}, SQLite, "0001-a 0002-b", "lite"},
		{"postgres half", fstest.MapFS{
			"migrations/0001-a-sqlite.sql":   file("lite"),
			"migrations/0001-a-postgres.sql": file("pg"),
		}, Postgres, "0001-a", "pg"},
		{"pair without postgres", fstest.MapFS{"migrations/0001-a-sqlite.sql": file("lite")}, Postgres, "error", ""},
		{"common and specific", fstest.MapFS{
			"migrations/0001-a.sql":        file("x"),
			"migrations/0001-a-sqlite.sql": file("y"),
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

// TestMigrationPairsAgree checks that the SQLite and PostgreSQL halves of every migration
// create the same tables, and, for the foundation, the same columns and indexes. A line
// that belongs to one engine only (e.g. a full-text search column) carries the comment
// "-- only postgres" or "-- only sqlite".
func TestMigrationPairsAgree(t *testing.T) {
	names, liteSQL, err := migrations(SQLite)
	if err != nil {
		t.Fatal(err)
	}
	_, pgSQL, err := migrations(Postgres)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		full := name == "0001-foundation"
		a, b := schemaOutline(liteSQL[name], full), schemaOutline(pgSQL[name], full)
		if a == "" {
			t.Errorf("migration %s: empty outline", name)
		}
		if full && (!strings.Contains(a, "table users") || !strings.Contains(a, "users.email")) {
			t.Errorf("migration %s: outline %q misses the users table", name, a)
		}
		if a != b {
			t.Errorf("migration %s differs between the engines:\nsqlite:   %s\npostgres: %s", name, a, b)
		}
	}
}

var (
	createTableRE = regexp.MustCompile(`(?i)^CREATE TABLE (?:IF NOT EXISTS )?(\w+)`)
	dropTableRE   = regexp.MustCompile(`(?i)^DROP TABLE (?:IF EXISTS )?(\w+)`)
	createIndexRE = regexp.MustCompile(`(?i)^CREATE (?:UNIQUE )?INDEX (?:IF NOT EXISTS )?(\w+) ON (\w+)`)
	columnRE      = regexp.MustCompile(`^\s+(\w+)\s+[A-Z]`)
	notColumn     = map[string]bool{"PRIMARY": true, "CONSTRAINT": true, "FOREIGN": true, "UNIQUE": true, "CHECK": true}
)

// schemaOutline lists the tables of a migration (created or dropped) and, when full, their columns and indexes,
// sorted.
func schemaOutline(sql string, full bool) string {
	var out []string
	table := ""
	for _, line := range strings.Split(sql, "\n") {
		if strings.Contains(line, "-- only postgres") || strings.Contains(line, "-- only sqlite") {
			continue
		}
		if m := createTableRE.FindStringSubmatch(line); m != nil {
			table = m[1]
			out = append(out, "table "+table)
			continue
		}
		if m := dropTableRE.FindStringSubmatch(line); m != nil {
			out = append(out, "drop "+m[1])
			continue
		}
		if !full {
			continue
		}
		if m := createIndexRE.FindStringSubmatch(line); m != nil {
			out = append(out, "index "+m[1]+" on "+m[2])
			continue
		}
		if m := columnRE.FindStringSubmatch(line); m != nil && table != "" && !notColumn[m[1]] {
			out = append(out, table+"."+m[1])
		}
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

package sqldb

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"
)

// migrationFS holds the schema as ordered files migrations/NNNN-name.sql, one per
// migration and written once for both engines. The name recorded in schema_migrations is
// "NNNN-name". A file is SQL with two kinds of {{…}} marks, expanded by expandMigration
// before it runs:
//
//   - a type placeholder from the table placeholders below, such as {{id}} or {{time}},
//     which becomes the engine's own words;
//   - {{postgres:text}} or {{sqlite:text}}: text, which may span lines, that only that
//     engine runs; the other gets nothing. It holds the engine's own SQL (no placeholders),
//     e.g. PostgreSQL's constraint names, which sqldb/errors.go maps to error codes, or
//     a statement that exists on one engine only.
//
// Anything else between {{ and }}, an unclosed {{ or a stray }}, even inside a comment or
// a string, is an error when the program starts (Open migrates), before any SQL runs.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

// placeholders maps each type placeholder to its PostgreSQL and SQLite words. SQLite keeps
// timestamps as fixed-width RFC 3339 UTC text (see time.go), booleans as 0/1, and an
// INTEGER PRIMARY KEY is the rowid (AUTOINCREMENT: ids are never reused).
var placeholders = map[string]struct{ postgres, sqlite string }{
	"id":       {"BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "INTEGER PRIMARY KEY AUTOINCREMENT"},
	"int":      {"BIGINT", "INTEGER"},
	"smallint": {"SMALLINT", "INTEGER"},
	"float":    {"DOUBLE PRECISION", "REAL"},
	"bool":     {"BOOLEAN", "INTEGER"},
	"false":    {"FALSE", "0"},
	"time":     {"TIMESTAMPTZ", "TEXT"},
	"bytes":    {"BYTEA", "BLOB"},
}

// Migration is one schema step and whether it has been applied.
type Migration struct {
	Name    string     // e.g. "0001-foundation"
	Applied *time.Time // nil while pending
}

// pgMigrationLock is the pg_advisory_xact_lock key that serialises migrating processes.
const pgMigrationLock = 0x706f6b6f74 // "pokot"

// migrations returns the migration names and SQL for the dialect, in order.
func migrations(dialect string) (names []string, sqls map[string]string, err error) {
	return readMigrations(migrationFS, dialect)
}

func readMigrations(fsys fs.FS, dialect string) ([]string, map[string]string, error) {
	files, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, nil, err
	}
	names := make([]string, 0, len(files))
	sqls := map[string]string{}
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(f, "migrations/"), ".sql")
		if strings.HasSuffix(name, "-"+SQLite) || strings.HasSuffix(name, "-"+Postgres) {
			// Its name would be recorded with the suffix and the migration run again.
			return nil, nil, fmt.Errorf("sqldb: %s: one file serves both engines; mark engine-only SQL with {{postgres:…}} or {{sqlite:…}}", f)
		}
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, nil, err
		}
		sql, err := expandMigration(string(b), dialect)
		if err != nil {
			return nil, nil, fmt.Errorf("sqldb: %s: %w", f, err)
		}
		names = append(names, name)
		sqls[name] = sql
	}
	sort.Strings(names)
	return names, sqls, nil
}

// expandMigration replaces the {{…}} marks of a migration file (see migrationFS) with the
// dialect's SQL.
func expandMigration(src, dialect string) (string, error) {
	var b strings.Builder
	at := 0 // offset of src in the file, for line numbers
	line := func(off int) int { return 1 + strings.Count(src[:off], "\n") }
	for {
		open, end := strings.Index(src[at:], "{{"), strings.Index(src[at:], "}}")
		switch {
		case open < 0 && end < 0:
			b.WriteString(src[at:])
			return b.String(), nil
		case end < 0:
			return "", fmt.Errorf("line %d: {{ without }}", line(at+open))
		case open < 0 || end < open:
			return "", fmt.Errorf("line %d: }} without {{", line(at+end))
		}
		inner := src[at+open+2 : at+end]
		if i := strings.Index(inner, "{{"); i >= 0 {
			return "", fmt.Errorf("line %d: {{ inside {{…}}", line(at+open+2+i))
		}
		b.WriteString(src[at : at+open])
		if engine, text, ok := strings.Cut(inner, ":"); ok {
			if engine != SQLite && engine != Postgres {
				return "", fmt.Errorf("line %d: unknown engine %q in {{%s:…}}", line(at+open), engine, engine)
			}
			if engine == dialect {
				b.WriteString(text)
			}
		} else if w, ok := placeholders[inner]; ok {
			if dialect == Postgres {
				b.WriteString(w.postgres)
			} else {
				b.WriteString(w.sqlite)
			}
		} else {
			return "", fmt.Errorf("line %d: unknown placeholder {{%s}}", line(at+open), inner)
		}
		at += end + 2
	}
}

func (db *DB) createMigrationsTable() string {
	if db.dialect == Postgres {
		return `CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)`
	}
	return `CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`
}

// Migrate applies the pending migrations, each in its own transaction, and returns the
// names it applied. Processes that start at once against one database take turns (an
// advisory lock on PostgreSQL, the write lock on SQLite), so each migration runs once.
func (db *DB) Migrate(ctx context.Context) ([]string, error) {
	names, sqls, err := migrations(db.dialect)
	if err != nil {
		return nil, err
	}
	var done []string
	known := map[string]bool{}
	for _, n := range names {
		known[n] = true
	}
	warned := false
	for {
		var applied string
		err := db.tx(ctx, func(tx *sql.Tx) error {
			have, err := db.appliedMigrations(ctx, tx)
			if err != nil {
				return err
			}
			for n := range have {
				if !known[n] && !warned {
					db.log.Warn("the database has a migration this program does not know; is an older version running against a newer schema?", "migration", n)
					warned = true
				}
			}
			for _, n := range names {
				if _, ok := have[n]; ok {
					continue
				}
				if _, err := tx.ExecContext(ctx, sqls[n]); err != nil {
					return fmt.Errorf("sqldb: migration %s: %w", n, err)
				}
				if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)`, n, db.ts(db.now())); err != nil {
					return err
				}
				applied = n
				return nil
			}
			return nil
		})
		if err != nil {
			return done, err
		}
		if applied == "" {
			return done, nil
		}
		db.log.Info("database migrated", "dialect", db.dialect, "migration", applied)
		done = append(done, applied)
	}
}

// Migrations lists every known migration in order with the time it was applied.
func (db *DB) Migrations(ctx context.Context) ([]Migration, error) {
	names, _, err := migrations(db.dialect)
	if err != nil {
		return nil, err
	}
	have := map[string]time.Time{}
	err = db.tx(ctx, func(tx *sql.Tx) error {
		have, err = db.appliedMigrations(ctx, tx)
		return err
	})
	if err != nil {
		return nil, err
	}
	ms := make([]Migration, len(names))
	for i, n := range names {
		ms[i].Name = n
		if t, ok := have[n]; ok {
			ms[i].Applied = &t
		}
	}
	return ms, nil
}

// appliedMigrations takes the migration lock, creates schema_migrations when missing and
// reads it.
func (db *DB) appliedMigrations(ctx context.Context, tx *sql.Tx) (map[string]time.Time, error) {
	if db.dialect == Postgres {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, pgMigrationLock); err != nil {
			return nil, err
		}
	}
	if _, err := tx.ExecContext(ctx, db.createMigrationsTable()); err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT version, applied_at FROM schema_migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	have := map[string]time.Time{}
	for rows.Next() {
		var n string
		var t time.Time
		if err := rows.Scan(&n, timeCol{&t}); err != nil {
			return nil, err
		}
		have[n] = t
	}
	return have, rows.Err()
}

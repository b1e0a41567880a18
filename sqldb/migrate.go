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

// migrationFS holds the schema as ordered .sql files: NNNN-name.sql for SQL that both
// engines run, or a pair NNNN-name-sqlite.sql and NNNN-name-postgres.sql where they differ.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

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
	sqls := map[string]string{}
	kinds := map[string]string{} // name → "common" or "pair"
	for _, f := range files {
		base := strings.TrimSuffix(strings.TrimPrefix(f, "migrations/"), ".sql")
		name, kind := base, "common"
		for _, d := range []string{SQLite, Postgres} {
			if strings.HasSuffix(base, "-"+d) {
				name, kind = strings.TrimSuffix(base, "-"+d), d
			}
		}
		if k, ok := kinds[name]; ok && (k == "common") != (kind == "common") {
			return nil, nil, fmt.Errorf("sqldb: migration %s is both common and engine-specific", name)
		}
		if kind == "common" {
			kinds[name] = "common"
		} else {
			kinds[name] = "pair"
		}
		if kind != "common" && kind != dialect {
			continue
		}
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, nil, err
		}
		sqls[name] = string(b)
	}
	names := make([]string, 0, len(kinds))
	for n := range kinds {
		if _, ok := sqls[n]; !ok {
			return nil, nil, fmt.Errorf("sqldb: migration %s has no %s file", n, dialect)
		}
		names = append(names, n)
	}
	sort.Strings(names)
	return names, sqls, nil
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

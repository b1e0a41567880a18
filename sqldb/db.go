// Package sqldb implements the storage interfaces of package pokot on SQLite (the
// zero-configuration default, through the pure-Go modernc.org/sqlite driver) and on
// PostgreSQL (through pgx), with the same code and the same SQL. The DSN picks the engine.
//
// Conventions: one file per aggregate with the SQL next to its Scan; $1 placeholders
// numbered in order of appearance; timestamps go through DB.ts and timeCol (time.go);
// secrets are 32 random bytes in base64url of which only the SHA-256 is stored (token.go);
// every error leaves through mapErr (errors.go) as a *pokot.Error; a method that writes
// more than one row runs in DB.tx. Where the engines differ, a small method of DB says so
// (forUpdate, skipLocked). The schema lives in migrations/ (see migrate.go).
package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "modernc.org/sqlite"             // registers "sqlite"

	"github.com/pokot/pokot"
)

// The dialects returned by DB.Dialect.
const (
	SQLite   = "sqlite"
	Postgres = "postgres"
)

// DB is a connection pool to one POKOT database. It implements pokot.Store and
// pokot.JobService and is safe for concurrent use.
type DB struct {
	dialect string
	// w runs every transaction and write. On SQLite it holds a single connection, so writers
	// of this process queue in Go instead of spinning on SQLITE_BUSY; r serves reads in
	// parallel (WAL). On PostgreSQL both are the same pool.
	w, r *sql.DB
	log  *slog.Logger
	now  func() time.Time
}

var (
	_ pokot.Store      = (*DB)(nil)
	_ pokot.JobService = (*DB)(nil)
)

// Open connects to the database named by dsn and applies pending migrations.
// "postgres://…" and "postgresql://…" select PostgreSQL; anything else is a SQLite file
// path or "file:" URI, created when missing. A nil logger discards logs.
func Open(ctx context.Context, dsn string, logger *slog.Logger) (*DB, error) {
	db, err := Connect(ctx, dsn, logger)
	if err != nil {
		return nil, err
	}
	if _, err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Connect is Open without migrating, for tools that report the migration status.
func Connect(ctx context.Context, dsn string, logger *slog.Logger) (*DB, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	db := &DB{log: logger, now: time.Now}
	if isPostgres(dsn) {
		db.dialect = Postgres
		p, err := sql.Open("pgx", dsn)
		if err != nil {
			return nil, fmt.Errorf("sqldb: %w", err)
		}
		p.SetMaxOpenConns(25)
		p.SetMaxIdleConns(10)
		p.SetConnMaxIdleTime(5 * time.Minute)
		db.w, db.r = p, p
	} else {
		db.dialect = SQLite
		if strings.TrimSpace(dsn) == "" || strings.Contains(dsn, ":memory:") || strings.Contains(dsn, "mode=memory") {
			return nil, fmt.Errorf("sqldb: %q: an in-memory SQLite database is not supported, name a file", dsn)
		}
		w, err := sql.Open("sqlite", sqliteDSN(dsn, true))
		if err != nil {
			return nil, fmt.Errorf("sqldb: %w", err)
		}
		w.SetMaxOpenConns(1)
		w.SetMaxIdleConns(1)
		w.SetConnMaxLifetime(0)
		r, err := sql.Open("sqlite", sqliteDSN(dsn, false))
		if err != nil {
			w.Close()
			return nil, fmt.Errorf("sqldb: %w", err)
		}
		r.SetMaxOpenConns(8)
		r.SetMaxIdleConns(8)
		r.SetConnMaxIdleTime(5 * time.Minute)
		db.w, db.r = w, r
	}
	if err := db.Ping(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqldb: connect %s: %w", db.dialect, err)
	}
	return db, nil
}

func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// sqliteDSN adds the connection settings that every SQLite connection needs. They are
// DSN parameters so that the driver applies them to each new connection of the pool.
// The writer begins its transactions IMMEDIATE: a transaction that reads and then writes
// would otherwise fail with SQLITE_BUSY when another process wrote in between.
func sqliteDSN(dsn string, writer bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	if writer {
		q.Set("_txlock", "immediate")
	}
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	return dsn + sep + q.Encode()
}

// Close closes the connection pools.
func (db *DB) Close() error {
	err := db.w.Close()
	if db.r != db.w {
		if err2 := db.r.Close(); err == nil {
			err = err2
		}
	}
	return err
}

// Ping reports whether the database is reachable.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.w.PingContext(ctx); err != nil {
		return mapErr(err)
	}
	if db.r != db.w {
		if err := db.r.PingContext(ctx); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

// Stats reports the connection pool statistics (summed over both pools on SQLite), for
// metrics.
func (db *DB) Stats() sql.DBStats {
	s := db.w.Stats()
	if db.r == db.w {
		return s
	}
	r := db.r.Stats()
	s.MaxOpenConnections += r.MaxOpenConnections
	s.OpenConnections += r.OpenConnections
	s.InUse += r.InUse
	s.Idle += r.Idle
	s.WaitCount += r.WaitCount
	s.WaitDuration += r.WaitDuration
	s.MaxIdleClosed += r.MaxIdleClosed
	s.MaxIdleTimeClosed += r.MaxIdleTimeClosed
	s.MaxLifetimeClosed += r.MaxLifetimeClosed
	return s
}

// Dialect returns "sqlite" or "postgres".
func (db *DB) Dialect() string { return db.dialect }

// querier is what *sql.DB and *sql.Tx have in common.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// tx runs fn in one transaction on the writer pool and commits when fn returns nil.
// Errors come back mapped to *pokot.Error.
func (db *DB) tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return mapErr(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return mapErr(err)
	}
	return mapErr(tx.Commit())
}

// forUpdate locks the selected rows until the end of the transaction on PostgreSQL. SQLite
// needs no row locks: its writer transactions begin IMMEDIATE and so run one at a time.
func (db *DB) forUpdate() string {
	if db.dialect == Postgres {
		return " FOR UPDATE"
	}
	return ""
}

// skipLocked is forUpdate for queues: concurrent claimers pass over each other's rows.
func (db *DB) skipLocked() string {
	if db.dialect == Postgres {
		return " FOR UPDATE SKIP LOCKED"
	}
	return ""
}

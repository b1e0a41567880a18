// Package sqldbtest gives tests a fresh, migrated POKOT database: a SQLite file in the
// test's temporary directory by default, or, when the environment variable
// POKOT_TEST_POSTGRES holds a PostgreSQL superuser DSN, a new database on that server that
// is dropped when the test ends.
package sqldbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"

	"github.com/pokot/pokot/sqldb"
)

// EnvPostgres names the environment variable with the PostgreSQL superuser DSN.
const EnvPostgres = "POKOT_TEST_POSTGRES"

// New returns a fresh migrated database that is closed (and on PostgreSQL dropped) when
// the test ends.
func New(t testing.TB) *sqldb.DB {
	t.Helper()
	db, err := sqldb.Open(context.Background(), DSN(t), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatalf("sqldbtest: open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// DSN returns the DSN of a fresh, empty database (not migrated) for tests that open it
// themselves, e.g. by starting the pokot binary. On PostgreSQL the database is dropped when
// the test ends, after the cleanups registered later (which close the connections).
func DSN(t testing.TB) string {
	t.Helper()
	admin := os.Getenv(EnvPostgres)
	if admin == "" {
		return filepath.Join(t.TempDir(), "pokot.db")
	}
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatalf("sqldbtest: %s: %v", EnvPostgres, err)
	}
	b := make([]byte, 8)
	rand.Read(b)
	name := "pokot_t_" + hex.EncodeToString(b)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatalf("sqldbtest: %v", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		t.Fatalf("sqldbtest: create database: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		conn, err := sql.Open("pgx", admin)
		if err != nil {
			t.Errorf("sqldbtest: %v", err)
			return
		}
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
			t.Errorf("sqldbtest: drop database %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	return u.String()
}

package sqldb_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

func TestOpen(t *testing.T) {
	t.Parallel()
	db := sqldbtest.New(t)
	want := sqldb.SQLite
	if os.Getenv(sqldbtest.EnvPostgres) != "" {
		want = sqldb.Postgres
	}
	if db.Dialect() != want {
		t.Fatalf("Dialect = %q, want %q", db.Dialect(), want)
	}
	must(t, db.Ping(ctx))
	if s := db.Stats(); s.MaxOpenConnections < 2 || s.OpenConnections < 1 {
		t.Fatalf("Stats = %+v", s)
	}
	db.Close()
	if err := db.Ping(ctx); err == nil {
		t.Fatal("Ping after Close succeeded")
	}
}

func TestOpenSQLiteDSNs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tests := []struct {
		name, dsn string
		ok        bool
	}{
		{"plain path", filepath.Join(dir, "a.db"), true},
		{"file URI", "file:" + filepath.Join(dir, "b.db"), true},
		{"file URI with parameters", "file:" + filepath.Join(dir, "c.db") + "?cache=private", true},
		{"memory", ":memory:", false},
		{"memory URI", "file:x?mode=memory", false},
		{"empty", "", false},
		{"missing directory", filepath.Join(dir, "no", "such", "dir.db"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := sqldb.Open(ctx, tt.dsn, nil)
			if !tt.ok {
				if err == nil {
					db.Close()
					t.Fatalf("Open(%q) succeeded", tt.dsn)
				}
				return
			}
			must(t, err)
			defer db.Close()
			if db.Dialect() != sqldb.SQLite {
				t.Fatalf("Dialect = %q", db.Dialect())
			}
			newUser(t, db, "x")
			if tt.name == "plain path" {
				if _, err := os.Stat(tt.dsn + "-wal"); err != nil {
					t.Errorf("no write-ahead log next to the database: %v", err)
				}
			}
		})
	}
}

func TestOpenPostgresUnreachable(t *testing.T) {
	t.Parallel()
	ctx, cancel := contextWithTimeout(10 * time.Second)
	defer cancel()
	for _, dsn := range []string{
		"postgres://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=5",
		"postgresql://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=5",
	} {
		db, err := sqldb.Open(ctx, dsn, nil)
		if err == nil {
			db.Close()
			t.Fatalf("Open(%q) succeeded", dsn)
		}
	}
}

// TestConcurrentTransactions runs read-then-write transactions from many goroutines
// through two handles on one database (two processes). On SQLite this fails with
// SQLITE_BUSY unless writers take the write lock when the transaction begins.
func TestConcurrentTransactions(t *testing.T) {
	t.Parallel()
	dbs := openTwice(t)
	org := newOrg(t, dbs[0], "omnia")
	const n = 40
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db := dbs[i%2]
			_, err := db.CreateInvitation(ctx, &pokot.Invitation{OrgID: org.ID, Email: fmt.Sprintf("p%d@example.fi", i),
				Role: pokot.RoleLearner, Expires: t0.Add(time.Hour)})
			if err == nil {
				_, err = db.Hit(ctx, "k", n, time.Hour, t0)
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		must(t, err)
	}
	list, err := dbs[1].Invitations(ctx, org.ID, t0)
	must(t, err)
	if len(list) != n {
		t.Fatalf("%d invitations, want %d", len(list), n)
	}
}

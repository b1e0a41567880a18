package sqldbtest_test

import (
	"context"
	"database/sql"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

func TestNewIsolated(t *testing.T) {
	ctx := context.Background()
	a, b := sqldbtest.New(t), sqldbtest.New(t)
	if err := a.CreateUser(ctx, &pokot.User{Email: "a@example.fi"}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.UserByEmail(ctx, "a@example.fi"); pokot.ErrorCode(err) != pokot.ENOTFOUND {
		t.Fatalf("the second database sees the first one's user: %v", err)
	}
	ms, err := b.Migrations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Applied == nil {
			t.Fatalf("migration %s pending", m.Name)
		}
	}
}

// TestDSNCleanup checks that the throwaway database is gone after its test.
func TestDSNCleanup(t *testing.T) {
	var dsn string
	t.Run("inner", func(t *testing.T) {
		dsn = sqldbtest.DSN(t)
		db := sqldbtest.New(t) // another database, to check that cleanups compose
		if db.Dialect() == "" {
			t.Fatal("no dialect")
		}
	})
	admin := os.Getenv(sqldbtest.EnvPostgres)
	if admin == "" {
		if !strings.HasSuffix(dsn, "pokot.db") {
			t.Fatalf("DSN = %q", dsn)
		}
		if _, err := os.Stat(filepath.Dir(dsn)); !os.IsNotExist(err) {
			t.Fatalf("temporary directory of %s left behind: %v", dsn, err)
		}
		return
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	name := strings.TrimPrefix(u.Path, "/")
	if !strings.HasPrefix(name, "pokot_t_") {
		t.Fatalf("database name %q", name)
	}
	conn, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRow(`SELECT COUNT(*) FROM pg_database WHERE datname = $1`, name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatalf("database %s was not dropped", name)
	}
}

package sqldb

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// TestSQLitePragmas checks the settings on several connections of both pools at once, so
// that connections opened later by the pool have them too.
func TestSQLitePragmas(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "p.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	check := func(name string, c *sql.Conn) {
		t.Helper()
		want := map[string]string{"foreign_keys": "1", "journal_mode": "wal", "synchronous": "1", "busy_timeout": "10000"}
		for p, v := range want {
			var got string
			if err := c.QueryRowContext(ctx, "PRAGMA "+p).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != v {
				t.Errorf("%s: PRAGMA %s = %s, want %s", name, p, got, v)
			}
		}
	}
	var conns []*sql.Conn
	for i := 0; i < 4; i++ {
		c, err := db.r.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		check("reader", c)
	}
	c, err := db.w.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	check("writer", c)
	for _, c := range append(conns, c) {
		c.Close()
	}
	if s := db.Stats(); s.OpenConnections < 5 {
		t.Errorf("Stats().OpenConnections = %d, want at least 5", s.OpenConnections)
	}
}

func TestSQLiteDSN(t *testing.T) {
	for _, tt := range []struct{ in, prefix string }{
		{"pokot.db", "pokot.db?_pragma="},
		{"file:pokot.db?cache=private", "file:pokot.db?cache=private&_pragma="},
	} {
		got := sqliteDSN(tt.in, true)
		if len(got) < len(tt.prefix) || got[:len(tt.prefix)] != tt.prefix {
			t.Errorf("sqliteDSN(%q) = %q", tt.in, got)
		}
	}
}

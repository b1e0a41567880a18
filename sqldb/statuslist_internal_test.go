package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pokot/pokot"
)

// fillList marks every index of list 1 but free as used, in one statement.
func fillList(t *testing.T, db *DB, orgID int64, purpose string, free int) {
	t.Helper()
	ctx := context.Background()
	err := db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO status_entries (org_id, purpose, list_no, idx, created_at)
			WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < 131071)
			SELECT $1, $2, 1, i, $3 FROM s WHERE i <> $4`, orgID, purpose, db.ts(db.now()), free); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE status_lists SET used = 131071 WHERE org_id = $1 AND purpose = $2 AND list_no = 1`, orgID, purpose)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestStatusAllocateFull fills a list to its last free index: the allocator must find it
// (random probes fail there) and then open list 2.
func TestStatusAllocateFull(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	org := &pokot.Organisation{Slug: "full", Name: pokot.Text{pokot.Finnish: "Täysi"}}
	if err := db.CreateOrg(ctx, org); err != nil {
		t.Fatal(err)
	}
	first, err := db.AllocateStatus(ctx, org.ID, pokot.StatusRevocation, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	const free = 77777
	if first.Index == free {
		t.Skip("the first random index hit the one kept free")
	}
	if _, err := db.w.ExecContext(ctx, `DELETE FROM status_entries WHERE org_id = $1`, org.ID); err != nil {
		t.Fatal(err)
	}
	fillList(t, db, org.ID, pokot.StatusRevocation, free)
	e, err := db.AllocateStatus(ctx, org.ID, pokot.StatusRevocation, "last", 0)
	if err != nil {
		t.Fatal(err)
	}
	if e.List != 1 || e.Index != free {
		t.Fatalf("allocated %d/%d, want the last free index 1/%d", e.List, e.Index, free)
	}
	e, err = db.AllocateStatus(ctx, org.ID, pokot.StatusRevocation, "next", 0)
	if err != nil {
		t.Fatal(err)
	}
	if e.List != 2 {
		t.Fatalf("allocation after a full list went to list %d, want 2", e.List)
	}
	l, err := db.StatusList(ctx, org.ID, pokot.StatusRevocation, 1)
	if err != nil {
		t.Fatal(err)
	}
	if l.Used != l.Size {
		t.Fatalf("list 1 used %d of %d", l.Used, l.Size)
	}
}

// newTestDB opens a fresh database for internal tests (package sqldbtest imports this
// package, so it cannot be used here): SQLite in a temporary folder, or a throwaway
// database on the server of POKOT_TEST_POSTGRES.
func newTestDB(t *testing.T) *DB {
	t.Helper()
	ctx := context.Background()
	dsn := filepath.Join(t.TempDir(), "pokot.db")
	if admin := os.Getenv("POKOT_TEST_POSTGRES"); admin != "" {
		u, err := url.Parse(admin)
		if err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("pokot_ti_%d", time.Now().UnixNano())
		conn, err := sql.Open("pgx", admin)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			conn, err := sql.Open("pgx", admin)
			if err != nil {
				return
			}
			defer conn.Close()
			conn.ExecContext(context.Background(), `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`)
		})
		u.Path = "/" + name
		dsn = u.String()
	}
	db, err := Open(ctx, dsn, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

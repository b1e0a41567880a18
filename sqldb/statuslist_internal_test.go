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
func fillList(t *testing.T, db *DB, orgID int64, purpose string, free ...int) {
	t.Helper()
	ctx := context.Background()
	err := db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO status_entries (org_id, purpose, list_no, idx, created_at)
			WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < 131071)
			SELECT $1, $2, 1, i, $3 FROM s`, orgID, purpose, db.ts(db.now())); err != nil {
			return err
		}
		for _, f := range free {
			if _, err := tx.ExecContext(ctx, `DELETE FROM status_entries WHERE org_id = $1 AND purpose = $2 AND list_no = 1 AND idx = $3`, orgID, purpose, f); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `UPDATE status_lists SET used = $1 WHERE org_id = $2 AND purpose = $3 AND list_no = 1`, 131072-len(free), orgID, purpose)
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
	// The index kept free is never the one just handed out, so the test always runs.
	free := 77777
	if first.Index == free {
		free++
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

	// A batch that spans two lists: the three free indices of list 1, then list 2.
	if _, err := db.w.ExecContext(ctx, `DELETE FROM status_entries WHERE org_id = $1`, org.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.w.ExecContext(ctx, `DELETE FROM status_lists WHERE org_id = $1 AND list_no = 2`, org.ID); err != nil {
		t.Fatal(err)
	}
	fillList(t, db, org.ID, pokot.StatusRevocation, 5, 70000, 131071)
	ids := []string{"a", "b", "c", "d", "e"}
	es, err := db.AllocateStatuses(ctx, org.ID, pokot.StatusRevocation, ids, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := map[int]bool{}
	for i, e := range es {
		if e.CredentialID != ids[i] {
			t.Fatalf("entry %d is for %q, want %q", i, e.CredentialID, ids[i])
		}
		if i < 3 {
			if e.List != 1 {
				t.Fatalf("entry %d in list %d, want 1", i, e.List)
			}
			got[e.Index] = true
		} else if e.List != 2 {
			t.Fatalf("entry %d in list %d, want 2", i, e.List)
		}
	}
	if !got[5] || !got[70000] || !got[131071] {
		t.Fatalf("list 1 indices %v, want the free 5, 70000, 131071", got)
	}
	for i, e := range es {
		back, err := db.StatusEntriesOf(ctx, org.ID, ids[i])
		if err != nil || len(back) != 1 || back[0].List != e.List || back[0].Index != e.Index {
			t.Fatalf("stored entry of %s: %v %v, want %d/%d", ids[i], back, err, e.List, e.Index)
		}
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

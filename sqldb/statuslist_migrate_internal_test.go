package sqldb

import (
	"context"
	"testing"

	"github.com/pokot/pokot"
)

// TestStatusMessageMigrationKeepsRows applies 0011-status-message again over existing
// lists and entries, as an upgrade does: the rebuilt tables keep every row, a set bit
// becomes status value 1 with is_set kept, the primary key and the foreign key (with its
// cascade) still hold.
func TestStatusMessageMigrationKeepsRows(t *testing.T) {
	ctx := context.Background()
	db := newTestDB(t)
	org := &pokot.Organisation{Slug: "omnia", Name: pokot.Text{pokot.Finnish: "Omnia"}, Country: "FI"}
	if err := db.CreateOrg(ctx, org); err != nil {
		t.Fatal(err)
	}
	rev, err := db.AllocateStatus(ctx, org.ID, pokot.StatusRevocation, "urn:uuid:r", 0)
	if err != nil {
		t.Fatal(err)
	}
	sus, err := db.AllocateStatus(ctx, org.ID, pokot.StatusSuspension, "urn:uuid:s", 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SetStatus(ctx, org.ID, pokot.StatusRevocation, rev.List, rev.Index, true, "väärä arvosana"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.w.ExecContext(ctx, `DELETE FROM schema_migrations WHERE version = '0011-status-message'`); err != nil {
		t.Fatal(err)
	}
	applied, err := db.Migrate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(applied) != 1 || applied[0] != "0011-status-message" {
		t.Fatalf("applied %v", applied)
	}
	e, err := db.StatusEntry(ctx, org.ID, pokot.StatusRevocation, rev.List, rev.Index)
	if err != nil {
		t.Fatal(err)
	}
	if !e.Set || e.Reason != "väärä arvosana" || e.CredentialID != "urn:uuid:r" || e.Changed == nil {
		t.Fatalf("revocation entry after the rebuild: %+v", e)
	}
	var v int
	if err := db.r.QueryRowContext(ctx, `SELECT status_value FROM status_entries WHERE org_id = $1 AND purpose = 'revocation'`, org.ID).Scan(&v); err != nil || v != 1 {
		t.Fatalf("status_value of the set bit = %d, %v", v, err)
	}
	if bits, err := db.StatusListBits(ctx, org.ID, pokot.StatusRevocation, rev.List); err != nil || len(bits) != 1 || bits[0] != rev.Index {
		t.Fatalf("bits %v, %v", bits, err)
	}
	if _, err := db.StatusEntry(ctx, org.ID, pokot.StatusSuspension, sus.List, sus.Index); err != nil {
		t.Fatal(err)
	}
	// The primary key still refuses a second holder of an index.
	_, err = db.w.ExecContext(ctx, `INSERT INTO status_entries (org_id, purpose, list_no, idx, created_at) VALUES ($1, 'revocation', $2, $3, $4)`,
		org.ID, rev.List, rev.Index, db.ts(db.now()))
	if err == nil {
		t.Fatal("a duplicate index was accepted after the rebuild")
	}
	// The foreign key still refuses an entry of a list that does not exist.
	_, err = db.w.ExecContext(ctx, `INSERT INTO status_entries (org_id, purpose, list_no, idx, created_at) VALUES ($1, 'message', 7, 1, $2)`,
		org.ID, db.ts(db.now()))
	if err == nil {
		t.Fatal("an entry of a missing list was accepted after the rebuild")
	}
	// And the new purpose is allowed.
	if _, err := db.AllocateStatus(ctx, org.ID, pokot.StatusMessage, "urn:uuid:m", 0); err != nil {
		t.Fatal(err)
	}
}

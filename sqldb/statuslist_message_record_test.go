package sqldb_test

import (
	"database/sql"
	"log/slog"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// TestStatusValueRecordsIssued: a change of a message entry is recorded on the issued
// credential it belongs to in the same call (and so the same transaction) — suspended,
// lifted, revoked, each with its reason — so that two concurrent changes cannot leave the
// organisation's record saying something else than the list. Another credential's record
// is untouched, and a refused change records nothing.
func TestStatusValueRecordsIssued(t *testing.T) {
	dsn := sqldbtest.DSN(t)
	db, err := sqldb.Open(ctx, dsn, slog.New(slog.DiscardHandler))
	must(t, err)
	t.Cleanup(func() { db.Close() })
	w := newDeliveryWorld(t, db, pokot.GradePassFail, false)
	o := w.newOffering(t, 5)
	ids := []string{"urn:uuid:rec-a", "urn:uuid:rec-b"}
	es, err := db.AllocateStatuses(ctx, w.org.ID, pokot.StatusMessage, ids, 0)
	must(t, err)
	driver := "sqlite"
	if db.Dialect() == sqldb.Postgres {
		driver = "pgx"
	}
	raw, err := sql.Open(driver, dsn)
	must(t, err)
	defer raw.Close()
	ts := "2026-01-02T10:00:00.000000Z"
	for i, id := range ids {
		_, err = raw.ExecContext(ctx, `INSERT INTO issued_credentials (org_id, offering_id, email, credential_id,
			identity_hash, salt, status_list, status_idx, state, signed, reserved_at, issued_at)
			VALUES ($1, $2, $3, $4, 'sha256$x', 's', $5, $6, 'issued', '{}', $7, $7)`,
			w.org.ID, o.ID, "oppija"+string(rune('a'+i))+"@example.fi", id, es[i].List, es[i].Index, ts)
		must(t, err)
	}
	a := es[0]
	check := func(step string, suspended, revoked bool, reason string) {
		t.Helper()
		c, err := db.IssuedCredential(ctx, w.org.ID, ids[0])
		must(t, err)
		if (c.SuspendedAt != nil) != suspended || (c.RevokedAt != nil) != revoked || c.StatusReason != reason {
			t.Fatalf("%s: recorded suspended %v revoked %v reason %q", step, c.SuspendedAt, c.RevokedAt, c.StatusReason)
		}
		b, err := db.IssuedCredential(ctx, w.org.ID, ids[1])
		must(t, err)
		if b.SuspendedAt != nil || b.RevokedAt != nil || b.StatusReason != "" {
			t.Fatalf("%s: another credential's record changed: %+v", step, b)
		}
	}
	_, _, err = db.SetStatusValue(ctx, w.org.ID, a.List, a.Index, pokot.StatusValueSuspended, "tarkistetaan")
	must(t, err)
	check("suspended", true, false, "tarkistetaan")
	_, _, err = db.SetStatusValue(ctx, w.org.ID, a.List, a.Index, pokot.StatusValueValid, "kunnossa")
	must(t, err)
	check("lifted", false, false, "kunnossa")
	_, _, err = db.SetStatusValue(ctx, w.org.ID, a.List, a.Index, pokot.StatusValueValid, "uudelleen")
	wantCode(t, err, pokot.ECONFLICT, "err.status_not_suspended")
	check("refused", false, false, "kunnossa")
	_, _, err = db.SetStatusValue(ctx, w.org.ID, a.List, a.Index, pokot.StatusValueRevoked, "virhe")
	must(t, err)
	check("revoked", false, true, "virhe")
}

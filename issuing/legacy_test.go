package issuing_test

import (
	"database/sql"
	"strings"
	"testing"

	"github.com/pokot/pokot"
)

// TestLegacyRevocationEntry: a reservation made before message lists existed holds a
// revocation index. Signed after the upgrade it must keep that entry (its index in the
// message lists was never allocated); it can be revoked but not suspended, and says so.
func TestLegacyRevocationEntry(t *testing.T) {
	e := newEnv(t, 2)
	b, err := e.db.StartIssueBatch(ctx, e.org.ID, e.offering.ID, e.assessor.ID)
	must(t, err)
	_, pending, err := e.db.ReserveIssuance(ctx, e.org.ID, b.ID, 10)
	must(t, err)
	if len(pending) != 2 {
		t.Fatalf("%d reservations", len(pending))
	}
	// Rewrite the first reservation as the old code made it: a revocation index, no
	// message entry.
	driver := "sqlite"
	if strings.HasPrefix(e.dsn, "postgres") {
		driver = "pgx"
	}
	raw, err := sql.Open(driver, e.dsn)
	must(t, err)
	defer raw.Close()
	old := pending[0]
	rev, err := e.db.AllocateStatus(ctx, e.org.ID, pokot.StatusRevocation, old.CredentialID, 0)
	must(t, err)
	_, err = raw.ExecContext(ctx, `DELETE FROM status_entries WHERE org_id = $1 AND purpose = 'message' AND credential_id = $2`, e.org.ID, old.CredentialID)
	must(t, err)
	_, err = raw.ExecContext(ctx, `UPDATE issued_credentials SET status_list = $1, status_idx = $2 WHERE credential_id = $3`, rev.List, rev.Index, old.CredentialID)
	must(t, err)

	s := e.service(nil, "w", 0)
	_, err = s.RunOnce(ctx)
	must(t, err)
	cs := checkExactlyOnce(t, e, e.offering, e.learners, true)
	var legacy, current *pokot.IssuedCredential
	for _, c := range cs {
		if c.CredentialID == old.CredentialID {
			legacy = c
		} else {
			current = c
		}
	}
	if !strings.Contains(string(legacy.Signed), `"statusPurpose":"revocation"`) || !strings.Contains(string(current.Signed), `"statusPurpose":"message"`) {
		t.Fatalf("entries: legacy %s…, current %s…", legacy.Signed[:80], current.Signed[:80])
	}
	if ok, err := s.CanSuspend(ctx, e.org, legacy.CredentialID); err != nil || ok {
		t.Fatalf("CanSuspend(legacy) = %v, %v", ok, err)
	}
	wantCode(t, s.Suspend(ctx, e.org, legacy.CredentialID, "tarkistus"), pokot.ECONFLICT, "err.issue.suspension_unavailable")
	wantCode(t, s.Reinstate(ctx, e.org, legacy.CredentialID, "tarkistus"), pokot.ECONFLICT, "err.status_not_suspended")
	must(t, s.Revoke(ctx, e.org, legacy.CredentialID, "väärä henkilö"))
	wantCode(t, s.Revoke(ctx, e.org, legacy.CredentialID, "taas"), pokot.ECONFLICT, "err.status_already_revoked")
	v := e.verifier(t)
	if r := v.Verify(ctx, "legacy", legacy.Signed); r.Verified {
		t.Fatal("a revoked legacy credential verifies")
	}
	if r := v.Verify(ctx, "current", current.Signed); !r.Verified {
		t.Fatalf("the other credential: %+v", r.Failed())
	}
}

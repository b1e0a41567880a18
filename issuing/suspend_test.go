package issuing_test

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
)

// TestSuspendReinstateRevoke issues Open Badges through a batch and walks one through
// suspend → reinstate → suspend → revoke, verifying each time with the organisation's
// published documents only: suspended fails as suspended, reinstated verifies, revoked
// fails as revoked; the issued credential records each change; the credential is
// OB 3.0 schema-valid with its one message entry; the others stay valid throughout.
func TestSuspendReinstateRevoke(t *testing.T) {
	e := newEnv(t, 3)
	s, cs := e.issueAll(t)
	c := cs[0]

	var doc map[string]any
	must(t, json.Unmarshal(c.Signed, &doc))
	st := doc["credentialStatus"].(map[string]any)
	if st["statusPurpose"] != "message" || st["statusSize"] != 2.0 || st["statusListIndex"] != strconv.Itoa(c.StatusIndex) {
		t.Fatalf("credentialStatus %v", st)
	}
	if err := credential.ValidateSchema(doc); err != nil {
		t.Fatalf("not OB 3.0 schema-valid: %v", err)
	}
	ok, err := s.CanSuspend(ctx, e.org, c.CredentialID)
	if err != nil || !ok {
		t.Fatalf("CanSuspend = %v, %v", ok, err)
	}

	expect := func(step, wantKey string, suspended, revoked bool) {
		t.Helper()
		v := e.verifier(t)
		r := v.Verify(ctx, step, c.Signed)
		var status credential.Check
		for _, ch := range r.Checks {
			if ch.Name == "status" {
				status = ch
			} else if !ch.OK {
				t.Fatalf("%s: check %s failed: %+v", step, ch.Name, ch)
			}
		}
		if status.Key != wantKey || r.Verified != (wantKey == "verify.status.ok") {
			t.Fatalf("%s: status %+v, verified %v", step, status, r.Verified)
		}
		for _, o := range cs[1:] {
			if r := v.Verify(ctx, "other", o.Signed); !r.Verified {
				t.Fatalf("%s: another credential fails: %+v", step, r.Failed())
			}
		}
		got, err := e.db.IssuedCredential(ctx, e.org.ID, c.CredentialID)
		must(t, err)
		if (got.SuspendedAt != nil) != suspended || (got.RevokedAt != nil) != revoked {
			t.Fatalf("%s: recorded suspended %v revoked %v", step, got.SuspendedAt, got.RevokedAt)
		}
	}
	expect("issued", "verify.status.ok", false, false)
	wantCode(t, s.Reinstate(ctx, e.org, c.CredentialID, "ei ole keskeytetty"), pokot.ECONFLICT, "err.status_not_suspended")
	wantCode(t, s.Suspend(ctx, e.org, c.CredentialID, " "), pokot.EINVALID, "err.issue.reason_required")

	must(t, s.Suspend(ctx, e.org, c.CredentialID, "Näyttö tarkistetaan"))
	expect("suspended", "verify.status.suspended", true, false)
	wantCode(t, s.Suspend(ctx, e.org, c.CredentialID, "uudelleen"), pokot.ECONFLICT, "err.status_already_suspended")

	must(t, s.Reinstate(ctx, e.org, c.CredentialID, "Näyttö oli kunnossa"))
	expect("reinstated", "verify.status.ok", false, false)
	got, _ := e.db.IssuedCredential(ctx, e.org.ID, c.CredentialID)
	if got.StatusReason != "Näyttö oli kunnossa" {
		t.Fatalf("reason %q", got.StatusReason)
	}

	must(t, s.Suspend(ctx, e.org, c.CredentialID, "Uusi selvitys"))
	must(t, s.Revoke(ctx, e.org, c.CredentialID, "Näyttö oli puutteellinen"))
	expect("revoked", "verify.status.revoked", true, true)
	wantCode(t, s.Revoke(ctx, e.org, c.CredentialID, "taas"), pokot.ECONFLICT, "err.status_already_revoked")
	wantCode(t, s.Suspend(ctx, e.org, c.CredentialID, "x"), pokot.ECONFLICT, "err.status_revoked_final")
	wantCode(t, s.Reinstate(ctx, e.org, c.CredentialID, "x"), pokot.ECONFLICT, "err.status_revoked_final")
	expect("after refused changes", "verify.status.revoked", true, true)

	// Another organisation cannot touch it.
	other := &pokot.Organisation{Slug: "tamk", Name: pokot.Text{"fi": "TAMK"}, Country: "FI"}
	must(t, e.db.CreateOrg(ctx, other))
	if err := s.Suspend(ctx, other, cs[1].CredentialID, "not ours"); pokot.ErrorCode(err) != pokot.ENOTFOUND {
		t.Fatalf("another organisation suspended a credential: %v", err)
	}
}

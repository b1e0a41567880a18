package pathway_test

import (
	"testing"
)

// TestSuspendedMemberCredentialDoesNotCount: an Open Badge suspended through the issuing
// service (its two-bit message status entry) stops counting toward a pathway, and counts
// again once the suspension is lifted.
func TestSuspendedMemberCredentialDoesNotCount(t *testing.T) {
	e := newEnv(t, 2)
	p := e.define(t, 0, e.mcs...)
	const l = "sanna@example.fi"
	c0, _ := e.after(t, e.mcs[0], l)
	org, err := e.db.OrgByID(ctx, e.org.ID)
	must(t, err)
	must(t, e.issuing.Suspend(ctx, org, c0.CredentialID, "näyttö tarkistetaan"))
	if pr := progress(t, e, p, l); len(pr.Held) != 0 {
		t.Fatalf("a suspended credential counted: %+v", pr.Held)
	}
	c1, got := e.after(t, e.mcs[1], l)
	if len(got) != 0 {
		t.Fatalf("the pathway was completed with a suspended member: %+v", got)
	}
	must(t, e.issuing.Reinstate(ctx, org, c0.CredentialID, "näyttö kunnossa"))
	if pr := progress(t, e, p, l); len(pr.Held) != 2 {
		t.Fatalf("after lifting the suspension: %+v", pr.Held)
	}
	c0, err = e.db.IssuedCredential(ctx, e.org.ID, c0.CredentialID)
	must(t, err)
	if got, err := e.pathways.AfterIssued(ctx, c0); err != nil || len(got) != 1 {
		t.Fatalf("hook after lifting: %v %+v (member %s)", err, got, c1.CredentialID)
	}
}

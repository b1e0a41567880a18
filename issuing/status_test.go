package issuing_test

import (
	"testing"
	"time"

	"github.com/pokot/pokot"
)

func TestRevoke(t *testing.T) {
	e := newEnv(t, 3)
	s, cs := e.issueAll(t)
	c := cs[0]

	wantCode(t, s.Revoke(ctx, e.org, c.CredentialID, "  "), pokot.EINVALID, "err.issue.reason_required")
	must(t, s.Revoke(ctx, e.org, c.CredentialID, "Arviointi tehtiin väärälle henkilölle"))
	wantCode(t, s.Revoke(ctx, e.org, c.CredentialID, "again"), pokot.ECONFLICT, "err.status_already_revoked")
	wantCode(t, s.Suspend(ctx, e.org, c.CredentialID, "tarkistus"), pokot.ECONFLICT, "err.status_revoked_final")
	wantCode(t, s.Reinstate(ctx, e.org, c.CredentialID, "tarkistus"), pokot.ECONFLICT, "err.status_revoked_final")

	other := &pokot.Organisation{Slug: "tamk", Name: pokot.Text{"fi": "TAMK"}, Country: "FI"}
	must(t, e.db.CreateOrg(ctx, other))
	if err := s.Revoke(ctx, other, cs[1].CredentialID, "not ours"); pokot.ErrorCode(err) != pokot.ENOTFOUND {
		t.Fatalf("another organisation revoked a credential: %v", err)
	}

	// The published status list changed at once: the revoked credential fails, the others pass.
	v := e.verifier(t)
	if r := v.Verify(ctx, "revoked", c.Signed); r.Verified {
		t.Fatal("a revoked credential verifies")
	}
	for _, o := range cs[1:] {
		if r := v.Verify(ctx, "other", o.Signed); !r.Verified {
			t.Fatalf("%s fails after another was revoked: %+v", o.CredentialID, r.Failed())
		}
	}
	got, err := e.db.IssuedCredential(ctx, e.org.ID, c.CredentialID)
	must(t, err)
	if got.RevokedAt == nil || got.StatusReason != "Arviointi tehtiin väärälle henkilölle" {
		t.Fatalf("revocation not recorded: %+v", got)
	}
}

// TestAutoIssue: an offering that issues automatically queues a batch as soon as a learner
// has passed every outcome.
func TestAutoIssue(t *testing.T) {
	e := newEnv(t, 0)
	o := e.offering
	o.AutoIssue = true
	must(t, e.db.UpdateOffering(ctx, o, e.admin.ID))
	r := &pokot.Registration{OfferingID: o.ID, Email: "auto@example.fi", Name: "Auto Oppija"}
	_, err := e.db.Register(ctx, r, time.Now())
	must(t, err)
	save := func(outcome int, result string) {
		must(t, e.db.SaveAssessment(ctx, &pokot.Assessment{OrgID: e.org.ID, OfferingID: o.ID, RegistrationID: r.ID, Outcome: outcome,
			Result: result, AssessedOn: time.Date(2026, 10, 20, 0, 0, 0, 0, time.UTC)}, e.assessor.ID))
	}
	save(0, "pass")
	save(1, "fail")
	bs, err := e.db.IssueBatches(ctx, e.org.ID, o.ID)
	must(t, err)
	if len(bs) != 0 {
		t.Fatalf("a batch before the learner passed: %+v", bs[0])
	}
	save(1, "pass")
	bs, err = e.db.IssueBatches(ctx, e.org.ID, o.ID)
	must(t, err)
	if len(bs) != 1 || bs[0].Total != 1 {
		t.Fatalf("batches %+v", bs)
	}
	s := e.service(nil, "w", 0)
	ran, err := s.RunOnce(ctx)
	must(t, err)
	if !ran {
		t.Fatal("no job")
	}
	checkExactlyOnce(t, e, o, []string{"auto@example.fi"}, true)
	save(1, "pass") // assessing again issues nothing new
	bs, err = e.db.IssueBatches(ctx, e.org.ID, o.ID)
	must(t, err)
	if len(bs) != 1 {
		t.Fatalf("a second batch for nobody: %d", len(bs))
	}
}

// TestLatePasser: a learner registered first who passes only after the others got their
// credentials is found by the next batch (the reservation cursor looks back when it runs dry).
func TestLatePasser(t *testing.T) {
	e := newEnv(t, 4)
	ps, err := e.db.Participants(ctx, e.org.ID, e.offering.ID, false)
	must(t, err)
	first := ps[0]
	set := func(result string) {
		must(t, e.db.SaveAssessment(ctx, &pokot.Assessment{OrgID: e.org.ID, OfferingID: e.offering.ID, RegistrationID: first.ID,
			Outcome: 1, Result: result, AssessedOn: time.Date(2026, 10, 22, 0, 0, 0, 0, time.UTC)}, e.assessor.ID))
	}
	set("fail")
	s := e.service(nil, "w", 2)
	for round, want := range []int{3, 1} {
		b, err := e.db.StartIssueBatch(ctx, e.org.ID, e.offering.ID, e.assessor.ID)
		must(t, err)
		if b.Total != want {
			t.Fatalf("round %d: batch of %d, want %d", round, b.Total, want)
		}
		_, err = s.RunOnce(ctx)
		must(t, err)
		set("pass")
	}
	checkExactlyOnce(t, e, e.offering, e.learners, true)
}

package issuingtest_test

import (
	"bytes"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/issuing"
	"github.com/pokot/pokot/issuing/issuingtest"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// The fixture's steps end in credentials for exactly the learners who passed, and they
// verify against what the platform publishes.
func TestFixtureIssuesToThosePassed(t *testing.T) {
	db := sqldbtest.New(t)
	org := issuingtest.NewOrg(t, db, "omnia")
	if org.Admin.Email != "admin@omnia.example.fi" || org.Assessor.Name != "assessor" || org.Org.ID == 0 {
		t.Fatalf("org %+v, admin %+v, assessor %+v", org.Org, org.Admin, org.Assessor)
	}
	mc := org.Publish(t, issuingtest.Content())
	if mc.PublishedVersion != 1 {
		t.Fatalf("POK %+v", mc)
	}
	off := org.Offer(t, mc.ID, 3, func(o *pokot.Offering) { o.PriceCents = 12000 })
	if off.ID == 0 || off.PriceCents != 12000 || off.Capacity != 3 || off.Assessors[0] != org.Assessor.ID {
		t.Fatalf("offering %+v", off)
	}
	ls := issuingtest.Learners("oppija", 3)
	if ls[2] != "oppija00002@example.fi" {
		t.Fatalf("learners %v", ls)
	}
	org.Register(t, off, ls...)
	org.Pass(t, off, ls[:2]...)

	iss, master := issuingtest.Issuer(t, db)
	if len(master) == 0 || bytes.Equal(master, make([]byte, len(master))) {
		t.Fatal("no master key")
	}
	cs := org.Issue(t, issuing.New(db, iss, issuing.Options{BaseURL: issuingtest.BaseURL, Worker: "t"}), off)
	if len(cs) != 2 {
		t.Fatalf("%d credentials for 2 who passed", len(cs))
	}
	v := org.Verifier(t, iss)
	for _, c := range cs {
		if c.Email != ls[0] && c.Email != ls[1] {
			t.Errorf("credential for %s, who did not pass", c.Email)
		}
		if res := v.Verify(t.Context(), c.Email, c.Signed); !res.Verified {
			t.Errorf("%s does not verify: %+v", c.Email, res.Failed())
		}
	}
	forged := bytes.Replace(cs[0].Signed, []byte(cs[0].CredentialID), []byte("urn:uuid:00000000-0000-4000-8000-000000000000"), 1)
	if bytes.Equal(forged, cs[0].Signed) {
		t.Fatal("the credential does not contain its id")
	}
	if res := v.Verify(t.Context(), "forged", forged); res.Verified {
		t.Error("a changed credential verified")
	}
}

// A learner who was not registered cannot be passed: the fixture fails rather than
// issuing nothing silently.
func TestPassNeedsRegistration(t *testing.T) {
	db := sqldbtest.New(t)
	org := issuingtest.NewOrg(t, db, "omnia")
	off := org.Offer(t, org.Publish(t, issuingtest.Content()).ID, 1)
	ft := &fatalT{TB: t}
	func() {
		defer func() { recover() }()
		org.Pass(ft, off, "nobody@example.fi")
	}()
	if !ft.failed {
		t.Fatal("passing an unregistered learner did not fail")
	}
}

// fatalT records a Fatalf instead of ending the test.
type fatalT struct {
	testing.TB
	failed bool
}

func (f *fatalT) Fatalf(format string, args ...any) {
	f.failed = true
	panic("fatal")
}

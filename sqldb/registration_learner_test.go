package sqldb_test

import (
	"strings"
	"testing"

	"github.com/pokot/pokot"
)

// TestLearnerRegistrations: a learner's list holds the registrations made as the user and
// those made on the public form with the user's address, in every organisation, and none
// of another learner's.
func TestLearnerRegistrations(t *testing.T) {
	db := testDB(t)
	w := newDeliveryWorld(t, db, pokot.GradePassFail, false)
	o1 := w.newOffering(t, 1)
	o2 := w.newOffering(t, 5)
	// An offering of another organisation.
	mc2 := w.publish(t, w.other.ID, mcContent("Ensiapu", "Första hjälpen", "First aid"))
	o3 := w.offering(5)
	o3.OrgID, o3.MicrocredentialID, o3.Assessors = w.other.ID, mc2.ID, []int64{w.olli.ID}
	must(t, db.AddMember(ctx, w.other.ID, w.olli.ID, pokot.RoleDesigner))
	must(t, db.CreateOffering(ctx, o3, w.olli.ID))

	leo, other := newUser(t, db, "Leo Oppija"), newUser(t, db, "Muu Oppija")
	// As the signed-in user.
	asUser := &pokot.Registration{OfferingID: o1.ID, UserID: &leo.ID, Email: leo.Email, Name: leo.Name}
	_, err := db.Register(ctx, asUser, t0)
	must(t, err)
	// On the public form with Leo's address (any case), in the other organisation.
	byMail := &pokot.Registration{OfferingID: o3.ID, Email: "  " + strings.ToUpper(leo.Email), Name: "Leo"}
	_, err = db.Register(ctx, byMail, t0)
	must(t, err)
	// Cancelled ones are listed too.
	cancelled, _ := register(t, w, o2, leo.Email)
	_, _, err = db.CancelRegistration(ctx, w.org.ID, cancelled.ID, t0)
	must(t, err)
	// Another learner's, in the same offerings: never Leo's; one waits behind Leo.
	theirs, _ := register(t, w, o1, other.Email)
	register(t, w, o3, "someone@example.fi")

	got, err := db.LearnerRegistrations(ctx, leo.ID)
	must(t, err)
	var ids []int64
	for _, r := range got {
		ids = append(ids, r.ID)
		if r.Email != leo.Email {
			t.Errorf("Leo's list holds %s's registration", r.Email)
		}
	}
	if len(got) != 3 || ids[0] != cancelled.ID || ids[1] != byMail.ID || ids[2] != asUser.ID {
		t.Fatalf("Leo's registrations %v, want %v (newest first)", ids, []int64{cancelled.ID, byMail.ID, asUser.ID})
	}
	if got[0].Status != pokot.RegCancelled || got[1].OrgID != w.other.ID || got[2].Status != pokot.RegRegistered {
		t.Fatalf("states: %+v %+v %+v", got[0], got[1], got[2])
	}
	theirList, err := db.LearnerRegistrations(ctx, other.ID)
	must(t, err)
	if len(theirList) != 1 || theirList[0].ID != theirs.ID || theirList[0].Status != pokot.RegWaitlisted || theirList[0].Position != 1 {
		t.Fatalf("the other learner's list: %+v", theirList)
	}
	if none, err := db.LearnerRegistrations(ctx, other.ID+1000); err != nil || len(none) != 0 {
		t.Fatalf("an unknown user's list: %v %v", none, err)
	}
}

// TestReissueRegistrationLinks: the live registration of an address gets new links and the
// old ones stop working; a cancelled registration or an unknown address gets nothing, and
// nothing is stored twice.
func TestReissueRegistrationLinks(t *testing.T) {
	db := testDB(t)
	w := newDeliveryWorld(t, db, pokot.GradePassFail, false)
	o := w.newOffering(t, 1)
	a, old := register(t, w, o, "aino@example.fi")
	b, _ := register(t, w, o, "bertta@example.fi")

	r, toks, err := db.ReissueRegistrationLinks(ctx, o.ID, "Aino@Example.FI")
	must(t, err)
	if r.ID != a.ID || r.Status != pokot.RegRegistered || toks.Cancel == "" || toks.Confirm == "" || toks.Cancel == old.Cancel || toks.Confirm == old.Confirm {
		t.Fatalf("reissued %+v %+v", r, toks)
	}
	w2, _, err := db.ReissueRegistrationLinks(ctx, o.ID, b.Email)
	must(t, err)
	if w2.Status != pokot.RegWaitlisted || w2.Position != 1 {
		t.Fatalf("the waitlisted registration: %+v", w2)
	}
	_, _, err = db.CancelRegistrationByToken(ctx, old.Cancel, t0)
	wantCode(t, err, pokot.ENOTFOUND, "err.reg.token")
	_, err = db.ConfirmRegistration(ctx, old.Confirm, t0)
	wantCode(t, err, pokot.ENOTFOUND, "err.reg.token")
	if _, err := db.ConfirmRegistration(ctx, toks.Confirm, t0); err != nil {
		t.Fatal(err)
	}
	c, _, err := db.CancelRegistrationByToken(ctx, toks.Cancel, t0)
	must(t, err)
	if c.ID != a.ID {
		t.Fatalf("the new link cancelled %d", c.ID)
	}
	_, _, err = db.ReissueRegistrationLinks(ctx, o.ID, a.Email)
	wantCode(t, err, pokot.ENOTFOUND)
	_, _, err = db.ReissueRegistrationLinks(ctx, o.ID, "nobody@example.fi")
	wantCode(t, err, pokot.ENOTFOUND)
	_, _, err = db.ReissueRegistrationLinks(ctx, o.ID, "not an address")
	wantCode(t, err, pokot.EINVALID)
	all, err := db.Participants(ctx, w.org.ID, o.ID, true)
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d registrations, want 2", len(all))
	}
}

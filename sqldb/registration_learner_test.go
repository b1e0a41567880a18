package sqldb_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb"
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

// reissue reissues the links of email in offering o and queues the message carrying them;
// it returns the registration, the new tokens and the message.
func reissue(t *testing.T, db *sqldb.DB, o *pokot.Offering, email string) (*pokot.Registration, *pokot.RegistrationTokens, *pokot.Mail, error) {
	t.Helper()
	var toks *pokot.RegistrationTokens
	var m *pokot.Mail
	r, err := db.ReissueRegistrationLinks(ctx, o.ID, email, true, func(r *pokot.Registration, tk *pokot.RegistrationTokens) (*pokot.Mail, error) {
		toks = tk
		m = &pokot.Mail{To: r.Email, Subject: "links", Text: tk.Confirm + " " + tk.Cancel}
		return m, nil
	})
	return r, toks, m, err
}

// TestReissueRegistrationLinks: the live registration of an address gets new links, queued
// in a message in the same transaction, and the old ones stop working; a cancelled
// registration or an unknown address gets nothing, and nothing is stored twice.
func TestReissueRegistrationLinks(t *testing.T) {
	db := testDB(t)
	w := newDeliveryWorld(t, db, pokot.GradePassFail, false)
	o := w.newOffering(t, 1)
	a, old := register(t, w, o, "aino@example.fi")
	b, _ := register(t, w, o, "bertta@example.fi")

	r, toks, m, err := reissue(t, db, o, "Aino@Example.FI")
	must(t, err)
	if r.ID != a.ID || r.Status != pokot.RegRegistered || toks.Cancel == "" || toks.Confirm == "" || toks.Cancel == old.Cancel || toks.Confirm == old.Confirm {
		t.Fatalf("reissued %+v %+v", r, toks)
	}
	if m.ID == 0 {
		t.Fatal("the message with the new links was not queued")
	}
	if q, err := db.MailByID(ctx, m.ID); err != nil || q.Text != toks.Confirm+" "+toks.Cancel || q.Status != pokot.MailOutbox {
		t.Fatalf("queued message %+v %v", q, err)
	}
	w2, _, _, err := reissue(t, db, o, b.Email)
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
	_, _, _, err = reissue(t, db, o, a.Email)
	wantCode(t, err, pokot.ENOTFOUND)
	_, _, _, err = reissue(t, db, o, "nobody@example.fi")
	wantCode(t, err, pokot.ENOTFOUND)
	_, _, _, err = reissue(t, db, o, "not an address")
	wantCode(t, err, pokot.EINVALID)
	all, err := db.Participants(ctx, w.org.ID, o.ID, true)
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d registrations, want 2", len(all))
	}
}

// TestReissueRegistrationLinksNoMail: when the message cannot be made (an error) or is not
// to be sent (nil), the links stay as they were and nothing is queued.
func TestReissueRegistrationLinksNoMail(t *testing.T) {
	db := testDB(t)
	w := newDeliveryWorld(t, db, pokot.GradePassFail, false)
	o := w.newOffering(t, 1)
	_, old := register(t, w, o, "aino@example.fi")
	depth := func() int {
		_, n, err := db.Outbox(ctx, 1, 0)
		must(t, err)
		return n
	}
	before := depth()
	boom := errors.New("boom")
	_, err := db.ReissueRegistrationLinks(ctx, o.ID, "aino@example.fi", true, func(*pokot.Registration, *pokot.RegistrationTokens) (*pokot.Mail, error) {
		return nil, boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("compose error: %v", err)
	}
	r, err := db.ReissueRegistrationLinks(ctx, o.ID, "aino@example.fi", true, func(*pokot.Registration, *pokot.RegistrationTokens) (*pokot.Mail, error) {
		return nil, nil
	})
	if r != nil || err != nil {
		t.Fatalf("nil message: %v %v", r, err)
	}
	if n := depth(); n != before {
		t.Fatalf("%d messages queued", n-before)
	}
	if _, err := db.ConfirmRegistration(ctx, old.Confirm, t0); err != nil {
		t.Fatalf("the old link stopped working: %v", err)
	}
}

// TestCancelCompletedRegistration: a registration whose credential is being issued (or
// has been) cannot be cancelled, by the learner's link or by id; nothing changes.
func TestCancelCompletedRegistration(t *testing.T) {
	db := testDB(t)
	w := newDeliveryWorld(t, db, pokot.GradePassFail, false)
	o := w.newOffering(t, 1)
	a, toks := register(t, w, o, "aino@example.fi")
	register(t, w, o, "bertta@example.fi") // waits
	rows, err := pokot.ReadAssessmentCSV(strings.NewReader("email,outcome,result,assessedOn\n" +
		"aino@example.fi,1,pass,20.10.2026\naino@example.fi,2,pass,21.10.2026\n"))
	must(t, err)
	must(t, db.ImportAssessments(ctx, w.org.ID, o.ID, w.ville.ID, rows))
	b, err := db.StartIssueBatch(ctx, w.org.ID, o.ID, w.ville.ID)
	must(t, err)
	_, reserved, err := db.ReserveIssuance(ctx, w.org.ID, b.ID, 10)
	must(t, err)
	if len(reserved) != 1 || reserved[0].RegistrationID != a.ID {
		t.Fatalf("reserved %+v", reserved)
	}
	_, _, err = db.CancelRegistrationByToken(ctx, toks.Cancel, t0)
	wantCode(t, err, pokot.ECONFLICT, "err.reg.completed")
	_, _, err = db.CancelRegistration(ctx, w.org.ID, a.ID, t0)
	wantCode(t, err, pokot.ECONFLICT, "err.reg.completed")
	regs, err := db.Participants(ctx, w.org.ID, o.ID, false)
	must(t, err)
	if len(regs) != 2 || regs[0].ID != a.ID || regs[0].Status != pokot.RegRegistered || regs[1].Status != pokot.RegWaitlisted {
		t.Fatalf("after refused cancels: %+v %+v", regs[0], regs[1])
	}
}

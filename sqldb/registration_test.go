package sqldb_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
)

func register(t *testing.T, w *deliveryWorld, o *pokot.Offering, email string) (*pokot.Registration, *pokot.RegistrationTokens) {
	t.Helper()
	r := &pokot.Registration{OfferingID: o.ID, Email: email, Name: "Learner " + email, Lang: pokot.Finnish}
	toks, err := w.db.Register(ctx, r, t0)
	must(t, err)
	return r, toks
}

func TestRegistrationWaitlistMovesUp(t *testing.T) {
	db := testDB(t)
	w := newDeliveryWorld(t, db, pokot.GradePassFail, false)
	o := w.newOffering(t, 2)
	a, at := register(t, w, o, "Aino@Example.fi")
	b, _ := register(t, w, o, "bertta@example.fi")
	c, _ := register(t, w, o, "cecilia@example.fi")
	d, _ := register(t, w, o, "daniel@example.fi")
	if a.Email != "aino@example.fi" || a.Status != pokot.RegRegistered || b.Status != pokot.RegRegistered {
		t.Fatalf("first two: %+v %+v", a, b)
	}
	if c.Status != pokot.RegWaitlisted || c.Position != 1 || d.Status != pokot.RegWaitlisted || d.Position != 2 {
		t.Fatalf("over capacity: %+v %+v", c, d)
	}
	got, err := db.Offering(ctx, w.org.ID, o.ID)
	must(t, err)
	if got.Registered != 2 || got.Waitlisted != 2 || got.FreeSeats() != 0 {
		t.Fatalf("seats %+v", got)
	}

	// Confirmation by link, idempotent; a wrong token changes nothing.
	r, err := db.ConfirmRegistration(ctx, at.Confirm, t0)
	must(t, err)
	if r.ID != a.ID || r.ConfirmedAt == nil {
		t.Fatalf("confirmed %+v", r)
	}
	_, err = db.ConfirmRegistration(ctx, at.Confirm, t0.Add(time.Hour))
	must(t, err)
	_, err = db.ConfirmRegistration(ctx, at.Cancel, t0)
	wantCode(t, err, pokot.ENOTFOUND, "err.reg.token")

	// Cancelling a seat moves the first in the waitlist up, in the same transaction.
	cancelled, promoted, err := db.CancelRegistrationByToken(ctx, at.Cancel, t0)
	must(t, err)
	if cancelled.ID != a.ID || cancelled.Status != pokot.RegCancelled || promoted == nil || promoted.ID != c.ID || promoted.Status != pokot.RegRegistered {
		t.Fatalf("cancel: %+v promoted %+v", cancelled, promoted)
	}
	_, _, err = db.CancelRegistrationByToken(ctx, at.Cancel, t0)
	wantCode(t, err, pokot.ECONFLICT, "err.reg.cancelled")
	_, err = db.ConfirmRegistration(ctx, at.Confirm, t0)
	wantCode(t, err, pokot.ECONFLICT, "err.reg.cancelled")
	ps, err := db.Participants(ctx, w.org.ID, o.ID, false)
	must(t, err)
	var order []string
	for _, p := range ps {
		order = append(order, p.Email+":"+p.Status)
	}
	if strings.Join(order, " ") != "bertta@example.fi:registered cecilia@example.fi:registered daniel@example.fi:waitlisted" {
		t.Fatalf("participants %v", order)
	}
	if ps[2].Position != 1 {
		t.Fatalf("daniel's position %d", ps[2].Position)
	}

	// Cancelling a waiting learner moves nobody.
	_, promoted, err = db.CancelRegistration(ctx, w.org.ID, d.ID, t0)
	must(t, err)
	if promoted != nil {
		t.Fatalf("promoted %+v", promoted)
	}
	_, _, err = db.CancelRegistration(ctx, w.other.ID, b.ID, t0)
	wantCode(t, err, pokot.ENOTFOUND)

	// Registering again after cancelling is allowed.
	again, _ := register(t, w, o, "aino@example.fi")
	if again.Status != pokot.RegWaitlisted {
		t.Fatalf("re-registration %+v", again)
	}
}

func TestRegistrationBadInput(t *testing.T) {
	db := testDB(t)
	w := newDeliveryWorld(t, db, pokot.GradePassFail, false)
	o := w.newOffering(t, 5)
	register(t, w, o, "aino@example.fi")
	uid := w.admin.ID
	_, err := db.Register(ctx, &pokot.Registration{OfferingID: o.ID, Email: "admin@example.fi", Name: "Admin", UserID: &uid}, t0)
	must(t, err)
	for _, tc := range []struct {
		name      string
		r         pokot.Registration
		at        time.Time
		code, key string
	}{
		{"twice", pokot.Registration{OfferingID: o.ID, Email: " AINO@example.fi ", Name: "Aino"}, t0, pokot.ECONFLICT, "err.reg.duplicate"},
		{"the same user under another address", pokot.Registration{OfferingID: o.ID, Email: "other@example.fi", Name: "Admin", UserID: &uid}, t0, pokot.ECONFLICT, "err.reg.duplicate"},
		{"after the window", pokot.Registration{OfferingID: o.ID, Email: "late@example.fi", Name: "Late"}, o.RegistrationCloses.Add(time.Second), pokot.ECONFLICT, "err.reg.closed"},
		{"before the window", pokot.Registration{OfferingID: o.ID, Email: "early@example.fi", Name: "Early"}, o.RegistrationOpens.Add(-time.Second), pokot.ECONFLICT, "err.reg.not_open"},
		{"bad address", pokot.Registration{OfferingID: o.ID, Email: "not-an-address", Name: "X"}, t0, pokot.EINVALID, "err.email_invalid"},
		{"no name", pokot.Registration{OfferingID: o.ID, Email: "noname@example.fi", Name: "  "}, t0, pokot.EINVALID, "err.reg.name_required"},
		{"unknown offering", pokot.Registration{OfferingID: o.ID + 100, Email: "x@example.fi", Name: "X"}, t0, pokot.ENOTFOUND, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.r
			_, err := db.Register(ctx, &r, tc.at)
			if tc.key == "" {
				wantCode(t, err, tc.code)
			} else {
				wantCode(t, err, tc.code, tc.key)
			}
		})
	}
	ps, err := db.Participants(ctx, w.org.ID, o.ID, true)
	must(t, err)
	if len(ps) != 2 {
		t.Fatalf("refused registrations changed something: %d participants", len(ps))
	}
	mine, err := db.RegistrationsOf(ctx, uid)
	must(t, err)
	if len(mine) != 1 {
		t.Fatalf("RegistrationsOf %d", len(mine))
	}
}

func TestUpdateOfferingCapacityMovesWaitlistUp(t *testing.T) {
	db := testDB(t)
	w := newDeliveryWorld(t, db, pokot.GradePassFail, false)
	o := w.newOffering(t, 1)
	register(t, w, o, "a@example.fi")
	b, _ := register(t, w, o, "b@example.fi")
	o.Capacity = 0
	wantCode(t, db.UpdateOffering(ctx, o, w.anna.ID), pokot.EINVALID)
	o.Capacity = 3
	must(t, db.UpdateOffering(ctx, o, w.anna.ID))
	got, err := db.Registration(ctx, w.org.ID, b.ID)
	must(t, err)
	if got.Status != pokot.RegRegistered {
		t.Fatalf("raising the capacity left %s waiting", got.Email)
	}
}

func TestParticipantsCSV(t *testing.T) {
	db := testDB(t)
	w := newDeliveryWorld(t, db, pokot.GradePassFail, false)
	o := w.newOffering(t, 1)
	register(t, w, o, "aino@example.fi")
	r := &pokot.Registration{OfferingID: o.ID, Email: "eve@example.fi", Name: "=HYPERLINK(\"x\")"}
	_, err := db.Register(ctx, r, t0)
	must(t, err)
	ps, err := db.Participants(ctx, w.org.ID, o.ID, false)
	must(t, err)
	var buf bytes.Buffer
	must(t, pokot.WriteParticipantsCSV(&buf, ps, pokot.Finnish))
	if !bytes.HasPrefix(buf.Bytes(), []byte("\xef\xbb\xbf")) {
		t.Fatal("no byte order mark")
	}
	cr := csv.NewReader(bytes.NewReader(buf.Bytes()[3:]))
	cr.Comma = ';'
	recs, err := cr.ReadAll()
	must(t, err)
	if len(recs) != 3 || recs[0][0] != "Nimi" || recs[1][1] != "aino@example.fi" || recs[1][2] != "ilmoittautunut" ||
		recs[2][2] != "jonossa" || recs[2][3] != "1" || recs[2][0] != "'=HYPERLINK(\"x\")" || recs[1][5] != "14.3.2026" {
		t.Fatalf("csv %q", recs)
	}
}

// TestParticipantsCSVRoundTrip: every name and address read back from the export with
// pokot.FromSpreadsheetCell (as the assessment upload reads addresses) is what was stored,
// whatever characters it begins with.
func TestParticipantsCSVRoundTrip(t *testing.T) {
	db := testDB(t)
	w := newDeliveryWorld(t, db, pokot.GradePassFail, false)
	o := w.newOffering(t, 10)
	names := []string{"Aino", "'=quoted already", "'plain", "-2+3", "+358 40 123", "@mention", "''"}
	emails := []string{"aino@example.fi", "'=1@example.fi", "-2+3@example.fi", "+x@example.fi", "'a@example.fi", "b@example.fi", "c@example.fi"}
	for i, n := range names {
		_, err := db.Register(ctx, &pokot.Registration{OfferingID: o.ID, Email: emails[i], Name: n}, t0)
		must(t, err)
	}
	ps, err := db.Participants(ctx, w.org.ID, o.ID, false)
	must(t, err)
	var buf bytes.Buffer
	must(t, pokot.WriteParticipantsCSV(&buf, ps, pokot.Finnish))
	cr := csv.NewReader(bytes.NewReader(buf.Bytes()[3:]))
	cr.Comma = ';'
	recs, err := cr.ReadAll()
	must(t, err)
	if len(recs) != len(ps)+1 {
		t.Fatalf("%d rows", len(recs))
	}
	for i, p := range ps {
		if got := pokot.FromSpreadsheetCell(recs[i+1][0]); got != p.Name {
			t.Errorf("name %q came back as %q (cell %q)", p.Name, got, recs[i+1][0])
		}
		if got := pokot.FromSpreadsheetCell(recs[i+1][1]); got != p.Email {
			t.Errorf("address %q came back as %q (cell %q)", p.Email, got, recs[i+1][1])
		}
		if recs[i+1][0] != pokot.SpreadsheetCell(p.Name) {
			t.Errorf("name cell %q", recs[i+1][0])
		}
	}
}

// TestRegistrationLastSeatRace: many learners at once for few seats; exactly the capacity
// gets seats, the rest wait in distinct positions.
func TestRegistrationLastSeatRace(t *testing.T) {
	db := testDB(t)
	w := newDeliveryWorld(t, db, pokot.GradePassFail, false)
	o := w.newOffering(t, 3)
	const n = 12
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		go func() {
			_, err := db.Register(ctx, &pokot.Registration{OfferingID: o.ID, Email: fmt.Sprintf("l%d@example.fi", i), Name: "L"}, t0)
			errs <- err
		}()
	}
	for i := 0; i < n; i++ {
		must(t, <-errs)
	}
	got, err := db.Offering(ctx, w.org.ID, o.ID)
	must(t, err)
	if got.Registered != 3 || got.Waitlisted != n-3 {
		t.Fatalf("%d seats taken, %d waiting", got.Registered, got.Waitlisted)
	}
	ps, err := db.Participants(ctx, w.org.ID, o.ID, false)
	must(t, err)
	for i, p := range ps[3:] {
		if p.Position != i+1 {
			t.Fatalf("waitlist position %d at %d", p.Position, i+1)
		}
	}
}

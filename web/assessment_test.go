package web_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"testing"
	"time"

	"github.com/pokot/pokot"
)

// gridValues is the grid form for learners by e-mail: results per outcome, one date.
func (w *deliveryWorld) gridValues(o *pokot.Offering, results map[string][2]string, date, evidence string) url.Values {
	w.t.Helper()
	regs, err := w.db.Participants(ctx, w.hamk.ID, o.ID, false)
	if err != nil {
		w.t.Fatal(err)
	}
	v := url.Values{}
	for _, r := range regs {
		res, ok := results[r.Email]
		if !ok {
			continue
		}
		id := itoa(int(r.ID))
		v.Set("res-"+id+"-0", res[0])
		v.Set("res-"+id+"-1", res[1])
		v.Set("date-"+id, date)
		v.Set("ev-"+id, evidence)
		v.Set("sup-"+id, "supervised_with_id")
	}
	return v
}

// assessed counts the stored assessments of an offering.
func (w *deliveryWorld) assessed(o *pokot.Offering) int {
	w.t.Helper()
	g, err := w.db.Grid(ctx, w.hamk.ID, o.ID)
	if err != nil {
		w.t.Fatal(err)
	}
	n := 0
	for _, r := range g.Rows {
		n += len(r.Assessments)
	}
	return n
}

// TestAssessmentGrid: the whole grid is saved in one POST; a bad cell is shown at its place
// with what was typed, and nothing is saved.
func TestAssessmentGrid(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	o := w.offering(5)
	w.enrol(o, "anna@example.fi", "bertta@example.fi", "cecilia@example.fi")
	b := w.signedIn(w.assessor)
	base := offeringPath(o)
	r := b.get(base + "/assessment")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Tavoite 1", "Tavoite 2", "Osaat ottaa hoivarobotin käyttöön", "Asteikko 1–5", "anna@example.fi")

	bad := w.gridValues(o, map[string][2]string{"anna@example.fi": {"4", "5"}, "bertta@example.fi": {"3", "hylätty"}}, "2025-10-21", "ftp://example.fi/x")
	r = b.post(base+"/assessment", bad)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Tarkista merkityt kohdat", "Mitään ei tallennettu", "Näyttölinkin on oltava verkko-osoite", `value="ftp://example.fi/x"`)
	if n := w.assessed(o); n != 0 {
		t.Fatalf("a rejected grid saved %d assessments", n)
	}
	// A result typed for a learner without a date: the error is at the row's date.
	noDate := w.gridValues(o, map[string][2]string{"anna@example.fi": {"4", "5"}}, "", "")
	r = b.post(base+"/assessment", noDate)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Kirjoita arviointipäivä.")

	good := w.gridValues(o, map[string][2]string{"anna@example.fi": {"4", "5"}, "bertta@example.fi": {"3", "fail"}}, "2025-10-21", "https://example.fi/naytto")
	r = b.post(base+"/assessment", good)
	wantStatus(t, r, http.StatusSeeOther)
	if n := w.assessed(o); n != 4 {
		t.Fatalf("saved %d assessments, want 4", n)
	}
	g, _ := w.db.Grid(ctx, w.hamk.ID, o.ID)
	for _, row := range g.Rows {
		switch row.Registration.Email {
		case "anna@example.fi":
			a := row.Assessments[1]
			if !row.Eligible || row.Grade != "5" || a.Result != "5" || a.AssessedOn.Format("2006-01-02") != "2025-10-21" ||
				len(a.Evidence) != 1 || a.Supervision != pokot.SupervisedWithID || a.AssessorID != w.assessor.ID {
				t.Fatalf("anna: %+v grade %q", a, row.Grade)
			}
		case "bertta@example.fi":
			if row.Eligible {
				t.Fatal("bertta failed an outcome but is eligible")
			}
		}
	}
	r = b.get(base + "/assessment")
	wantBody(t, r, `<option value="5" selected>5</option>`, `value="2025-10-21"`, "suoritettu (5)")
	// Saving an unchanged grid changes nothing.
	r = b.post(base+"/assessment", good)
	wantStatus(t, r, http.StatusSeeOther)
	wantLocation(t, r, base+"/assessment")
}

// TestAssessmentImport: a CSV with an unknown learner and a bad result is refused by row and
// column and nothing is saved; a good one is saved whole.
func TestAssessmentImport(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	o := w.offering(5)
	w.enrol(o, "anna@example.fi", "bertta@example.fi")
	b := w.signedIn(w.assessor)
	base := offeringPath(o)
	b.get(base + "/assessment")
	bad := "sähköposti;osaamistavoite;tulos;arviointipäivä\r\n" +
		"anna@example.fi;1;4;20.10.2025\r\n" +
		"tuntematon@example.fi;1;4;20.10.2025\r\n" +
		"bertta@example.fi;2;7;20.10.2025\r\n"
	r := b.uploadCSV(base+"/assessment/import", "tulokset.csv", []byte(bad))
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Tiedostoa ei tuotu", "Rivi 3, sarake email", "Tällä sähköpostiosoitteella ei ole paikkaa", "Rivi 4, sarake result")
	if n := w.assessed(o); n != 0 {
		t.Fatalf("a refused import saved %d assessments", n)
	}
	r = b.uploadCSV(base+"/assessment/import", "x.csv", []byte("foo,bar\r\n1,2\r\n"))
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Sarake puuttuu otsikkoriviltä.")

	// The template lists every learner and outcome and imports as it is once filled.
	tpl := b.get(base + "/assessment.csv")
	wantStatus(t, tpl, http.StatusOK)
	good := "email;outcome;result;assessedOn;evidence;supervision\r\n" +
		"anna@example.fi;1;4;20.10.2025;https://example.fi/a;supervised_with_id\r\n" +
		"anna@example.fi;2;hylätty;2025-10-21;;\r\n" +
		"bertta@example.fi;1;5;20.10.2025;;\r\n"
	r = b.uploadCSV(base+"/assessment/import", "tulokset.csv", []byte(good))
	wantStatus(t, r, http.StatusSeeOther)
	if n := w.assessed(o); n != 3 {
		t.Fatalf("imported %d assessments, want 3", n)
	}
	// Without the CSRF token: refused.
	b.csrf = "wrong"
	wantStatus(t, b.uploadCSV(base+"/assessment/import", "x.csv", []byte(good)), http.StatusForbidden)
}

// TestAssessmentGridDefaultsToday: a row not assessed yet offers today's date in Helsinki
// (here already the next day in Helsinki while still the previous one in UTC); an
// assessed row keeps its own; saving the grid with only the default dates saves nothing,
// and a result typed on a defaulted row is saved with that date.
func TestAssessmentGridDefaultsToday(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	o := w.offering(5)
	w.enrol(o, "anna@example.fi", "bertta@example.fi")
	w.mu.Lock()
	w.now = time.Date(2025, 10, 20, 22, 30, 0, 0, time.UTC) // 21.10.2025 01.30 in Helsinki
	w.mu.Unlock()
	b := w.signedIn(w.assessor)
	base := offeringPath(o)
	ids := map[string]string{}
	regs, _ := w.db.Participants(ctx, w.hamk.ID, o.ID, false)
	for _, r := range regs {
		ids[r.Email] = itoa(int(r.ID))
	}
	b.get(base + "/assessment")
	r := b.post(base+"/assessment", w.gridValues(o, map[string][2]string{"anna@example.fi": {"4", "5"}}, "2025-10-01", ""))
	wantStatus(t, r, http.StatusSeeOther)

	r = b.get(base + "/assessment")
	wantStatus(t, r, http.StatusOK)
	dateOf := func(body, email string) string {
		return regexpFind(`name="date-`+ids[email]+`" value="([^"]*)"`, body)
	}
	if d := dateOf(r.body, "bertta@example.fi"); d != "2025-10-21" {
		t.Errorf("unassessed row's date %q, want today in Helsinki 2025-10-21", d)
	}
	if d := dateOf(r.body, "anna@example.fi"); d != "2025-10-01" {
		t.Errorf("assessed row's date %q, want its own 2025-10-01", d)
	}

	// The form as the browser sends it back: every row's date, bertta's results empty.
	form := url.Values{}
	for _, m := range regexp.MustCompile(`name="((?:date|res|ev|sup)-[0-9-]+)"[^>]*?value="([^"]*)"`).FindAllStringSubmatch(r.body, -1) {
		form.Set(m[1], html.UnescapeString(m[2]))
	}
	form.Set("res-"+ids["anna@example.fi"]+"-0", "4")
	form.Set("res-"+ids["anna@example.fi"]+"-1", "5")
	form.Set("sup-"+ids["anna@example.fi"], "supervised_with_id")
	form.Set("sup-"+ids["bertta@example.fi"], "supervised_with_id")
	if form.Get("date-"+ids["bertta@example.fi"]) != "2025-10-21" {
		t.Fatalf("form read back: %v", form)
	}
	before := w.assessed(o)
	r = b.post(base+"/assessment", form)
	wantStatus(t, r, http.StatusSeeOther)
	if n := w.assessed(o); n != before {
		t.Fatalf("default dates saved %d assessments, want %d", n, before)
	}
	form.Set("res-"+ids["bertta@example.fi"]+"-0", "3")
	r = b.post(base+"/assessment", form)
	wantStatus(t, r, http.StatusSeeOther)
	g, _ := w.db.Grid(ctx, w.hamk.ID, o.ID)
	for _, row := range g.Rows {
		if row.Registration.Email == "bertta@example.fi" {
			if a := row.Assessments[0]; a == nil || a.AssessedOn.Format("2006-01-02") != "2025-10-21" || row.Assessments[1] != nil {
				t.Fatalf("bertta: %+v", row.Assessments)
			}
		}
	}
}

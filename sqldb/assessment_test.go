package sqldb_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestAssessmentGrid(t *testing.T) {
	db := testDB(t)
	w := newDeliveryWorld(t, db, pokot.Grade1to5, false)
	o := w.newOffering(t, 2)
	a, _ := register(t, w, o, "aino@example.fi")
	b, _ := register(t, w, o, "bertta@example.fi")
	c, _ := register(t, w, o, "cecilia@example.fi") // waitlisted
	save := func(r *pokot.Registration, outcome int, result string) error {
		return db.SaveAssessment(ctx, &pokot.Assessment{OrgID: w.org.ID, OfferingID: o.ID, RegistrationID: r.ID, Outcome: outcome,
			Result: result, AssessedOn: day(2026, 10, 20), Evidence: []string{"https://portfolio.example.fi/aino"},
			Supervision: pokot.SupervisedWithID}, w.ville.ID)
	}
	must(t, save(a, 0, "4"))
	must(t, save(a, 1, "5"))
	must(t, save(b, 0, "3"))
	must(t, save(b, 1, "3"))
	must(t, save(b, 1, "hylätty")) // replaced: fails outcome 2

	wantCode(t, save(c, 0, "4"), pokot.ENOTFOUND, "err.assess.not_in_offering")
	wantCode(t, save(a, 2, "4"), pokot.EINVALID, "err.assess.outcome_invalid")
	wantCode(t, save(a, 0, "pass"), pokot.EINVALID, "err.assess.result_invalid")
	err := db.SaveAssessment(ctx, &pokot.Assessment{OrgID: w.org.ID, OfferingID: o.ID, RegistrationID: a.ID, Outcome: 0, Result: "1", AssessedOn: day(2026, 10, 20)}, w.olli.ID)
	wantCode(t, err, pokot.EFORBIDDEN, "err.assess.not_assessor")
	err = db.SaveAssessment(ctx, &pokot.Assessment{OrgID: w.org.ID, OfferingID: o.ID, RegistrationID: a.ID, Outcome: 0, Result: "1", AssessedOn: day(2026, 10, 20)}, w.anna.ID)
	wantCode(t, err, pokot.EFORBIDDEN, "err.assess.not_assessor")
	err = db.SaveAssessment(ctx, &pokot.Assessment{OrgID: w.org.ID, OfferingID: o.ID, RegistrationID: a.ID, Outcome: 0, Result: "1", AssessedOn: day(2026, 10, 20), Evidence: []string{"javascript:alert(1)"}}, w.ville.ID)
	wantCode(t, err, pokot.EINVALID, "err.assess.evidence_invalid")

	g, err := db.Grid(ctx, w.org.ID, o.ID)
	must(t, err)
	if len(g.Outcomes) != 2 || g.Grading != pokot.Grade1to5 || len(g.Rows) != 2 {
		t.Fatalf("grid %+v", g)
	}
	ra, rb := g.Rows[0], g.Rows[1]
	if !ra.Eligible || ra.Grade != "5" || ra.Assessments[0].Result != "4" || ra.Assessments[0].Supervision != pokot.SupervisedWithID ||
		!ra.Assessments[0].AssessedOn.Equal(day(2026, 10, 20)) || ra.Assessments[0].Evidence[0] != "https://portfolio.example.fi/aino" ||
		ra.Assessments[0].AssessorID != w.ville.ID {
		t.Fatalf("aino %+v %+v", ra, ra.Assessments[0])
	}
	if rb.Eligible || rb.Assessments[1].Result != pokot.ResultFail || rb.Assessments[1].Passed {
		t.Fatalf("bertta %+v", rb)
	}
	if _, err := db.Grid(ctx, w.other.ID, o.ID); pokot.ErrorCode(err) != pokot.ENOTFOUND {
		t.Fatalf("another organisation reads the grid: %v", err)
	}
}

func TestAssessmentImport(t *testing.T) {
	db := testDB(t)
	w := newDeliveryWorld(t, db, pokot.GradePassFail, false)
	o := w.newOffering(t, 5)
	register(t, w, o, "aino@example.fi")
	register(t, w, o, "bertta@example.fi")

	bad := "\ufeffsähköposti;osaamistavoite;tulos;päivämäärä\n" +
		"aino@example.fi;1;hyväksytty;20.10.2026\n" +
		"tuntematon@example.fi;1;hyväksytty;20.10.2026\n" +
		"bertta@example.fi;3;hyväksytty;20.10.2026\n" +
		"bertta@example.fi;1;ehkä;32.10.2026\n"
	rows, err := pokot.ReadAssessmentCSV(strings.NewReader(bad))
	if err == nil {
		err = db.ImportAssessments(ctx, w.org.ID, o.ID, w.ville.ID, rows)
	}
	var es pokot.Errors
	if !errors.As(err, &es) {
		t.Fatalf("import errors %v", err)
	}
	// The file parses except the date of row 5; fix it and the store finds the rest.
	if len(es) != 1 || es[0].Field != "row 5: assessedOn" {
		t.Fatalf("parse errors %v", es)
	}
	rows, err = pokot.ReadAssessmentCSV(strings.NewReader(strings.Replace(bad, "32.10.2026", "2026-10-21", 1)))
	must(t, err)
	err = db.ImportAssessments(ctx, w.org.ID, o.ID, w.ville.ID, rows)
	if !errors.As(err, &es) {
		t.Fatalf("import errors %v", err)
	}
	var got []string
	for _, e := range es {
		got = append(got, e.Field+"="+e.Key)
	}
	want := "row 3: email=err.assess.unknown_learner row 4: outcome=err.assess.outcome_invalid row 5: result=err.assess.result_invalid"
	if strings.Join(got, " ") != want {
		t.Fatalf("errors\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
	g, err := db.Grid(ctx, w.org.ID, o.ID)
	must(t, err)
	for _, r := range g.Rows {
		if len(r.Assessments) != 0 {
			t.Fatalf("a refused import stored something: %+v", r.Assessments)
		}
	}

	good := "email,outcome,result,assessedOn,evidence,supervision\n" +
		"aino@example.fi,1,pass,20.10.2026,https://a.example.fi/1 https://a.example.fi/2,supervised_with_id\n" +
		"aino@example.fi,2,hyväksytty,21.10.2026,,\n" +
		"bertta@example.fi,1,hylätty,21.10.2026,,\n"
	rows, err = pokot.ReadAssessmentCSV(strings.NewReader(good))
	must(t, err)
	must(t, db.ImportAssessments(ctx, w.org.ID, o.ID, w.ville.ID, rows))
	g, err = db.Grid(ctx, w.org.ID, o.ID)
	must(t, err)
	if !g.Rows[0].Eligible || g.Rows[0].Grade != "hyväksytty" || len(g.Rows[0].Assessments[0].Evidence) != 2 || g.Rows[1].Eligible {
		t.Fatalf("after import: %+v %+v", g.Rows[0], g.Rows[1])
	}
	wantCode(t, db.ImportAssessments(ctx, w.org.ID, o.ID, w.olli.ID, rows), pokot.EFORBIDDEN, "err.assess.not_assessor")

	_, err = pokot.ReadAssessmentCSV(strings.NewReader("name;result\nx;y\n"))
	if !errors.As(err, &es) || len(es) != 3 || es[0].Key != "err.import.column_missing" {
		t.Fatalf("missing columns: %v", err)
	}
}

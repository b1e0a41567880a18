package web

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// gridCell is one learner's result on one outcome as the grid shows it.
type gridCell struct {
	Name    string // form field
	Outcome int
	N       int // Outcome from 1, as people number them
	Value   string
	Custom  bool // Value is not on the scale (typed before a scale change): shown as it is
	Passed  bool
	Error   string // catalog key
}

// gridRow is one learner's row: the cells and the row's date, evidence and supervision,
// which apply to every result saved from the row.
type gridRow struct {
	Reg                         *pokot.Registration
	Cells                       []gridCell
	Date, Evidence, Supervision string
	DateErr, EvidenceErr        string
	SupervisionErr, RowErr      string
	Eligible, Issued            bool
	Grade                       string
	Erased                      bool // the learner deleted their account (erasedEmail)
}

// gridError is one line of the grid's error summary.
type gridError struct {
	ID      string // element to jump to
	Learner string
	Outcome int // from 1; 0 for the row
	Key     string
}

// importError is one problem of a CSV import, by row and column.
type importError struct {
	Row    int
	Column string
	Key    string
}

type assessmentData struct {
	*offeringCtx
	Base         string
	Grid         *pokot.AssessmentGrid
	Rows         []*gridRow
	Scale        []string
	OutcomeNos   []int
	Supervisions []pokot.Supervision
	Errors       []gridError
	ImportErrors []importError
	ImportError  string // catalog key of a file-level problem
}

func cellName(regID int64, outcome int) string {
	return "res-" + strconv.FormatInt(regID, 10) + "-" + strconv.Itoa(outcome)
}

func rowField(prefix string, regID int64) string {
	return prefix + "-" + strconv.FormatInt(regID, 10)
}

// gridFromStore builds the grid rows from stored assessments (def is the POK's supervision
// and today the date, both for rows not assessed yet: the date must be typed on every row
// that saves a result, and a row without results saves nothing whatever its date); f,
// when posted, overrides them with what was typed.
func gridFromStore(g *pokot.AssessmentGrid, def pokot.Supervision, today string, f *form) []*gridRow {
	var out []*gridRow
	for _, gr := range g.Rows {
		id := gr.Registration.ID
		row := &gridRow{Reg: gr.Registration, Eligible: gr.Eligible, Issued: gr.Issued, Grade: gr.Grade,
			Supervision: string(def), Date: today, Erased: erasedEmail(gr.Registration.Email)}
		var latest *pokot.Assessment
		for i := range g.Outcomes {
			c := gridCell{Name: cellName(id, i), Outcome: i, N: i + 1}
			if a := gr.Assessments[i]; a != nil {
				c.Value, c.Passed = a.Result, a.Passed
				if latest == nil || a.AssessedOn.After(latest.AssessedOn) {
					latest = a
				}
			}
			row.Cells = append(row.Cells, c)
		}
		if latest != nil {
			row.Date = latest.AssessedOn.Format(dateOnly)
			row.Evidence = strings.Join(latest.Evidence, " ")
			row.Supervision = string(latest.Supervision)
		}
		if f != nil {
			for i := range row.Cells {
				row.Cells[i].Value = f.Get(row.Cells[i].Name)
			}
			row.Date, row.Evidence, row.Supervision = f.Get(rowField("date", id)), f.Get(rowField("ev", id)), f.Get(rowField("sup", id))
		}
		scale := pokot.ScaleValues(g.Grading)
		for i := range row.Cells {
			row.Cells[i].Custom = row.Cells[i].Value != "" && !slices.Contains(scale, row.Cells[i].Value)
		}
		out = append(out, row)
	}
	return out
}

// today is the date in Helsinki, as the grid's date fields take it.
func (s *server) today() string {
	return s.now().In(i18n.Helsinki).Format(dateOnly)
}

// assessmentGrid shows the whole group's assessment grid and the CSV import.
func (s *server) assessmentGrid(w http.ResponseWriter, r *http.Request) error {
	oc, ds, err := s.loadOffering(r)
	if err != nil {
		return err
	}
	g, err := ds.Grid(r.Context(), oc.Org.ID, oc.Offering.ID)
	if err != nil {
		return err
	}
	return s.renderGrid(w, r, http.StatusOK, oc, g, gridFromStore(g, oc.Version.Content.Supervision, s.today(), nil), nil, nil, "")
}

func (s *server) renderGrid(w http.ResponseWriter, r *http.Request, status int, oc *offeringCtx, g *pokot.AssessmentGrid,
	rows []*gridRow, errs []gridError, imp []importError, impKey string) error {
	d := assessmentData{offeringCtx: oc, Base: offeringBase(oc.Org, oc.Offering.ID), Grid: g, Rows: rows,
		Scale: pokot.ScaleValues(g.Grading), OutcomeNos: outcomeNos(len(g.Outcomes)), Supervisions: pokot.Supervisions, Errors: errs, ImportErrors: imp, ImportError: impKey}
	return s.render(w, r, status, "assessment", d, nil)
}

// saveGrid saves every changed cell of the grid in one transaction (all or nothing); each
// problem is shown at its cell and listed at the top.
func (s *server) saveGrid(w http.ResponseWriter, r *http.Request) error {
	oc, ds, err := s.loadOffering(r)
	if err != nil {
		return err
	}
	if !oc.CanAssess {
		return forbidden()
	}
	ctx := r.Context()
	g, err := ds.Grid(ctx, oc.Org.ID, oc.Offering.ID)
	if err != nil {
		return err
	}
	f := newForm("grid", r)
	rows := gridFromStore(g, oc.Version.Content.Supervision, s.today(), f)
	// Each saved cell becomes an import row whose Line indexes where it came from.
	type origin struct{ row, cell int }
	var items []pokot.AssessmentRow
	var from []origin
	var errs []gridError
	for ri, row := range rows {
		stored := g.Rows[ri]
		var on time.Time
		if row.Date != "" {
			d, ok := pokot.ParseDate(row.Date)
			if !ok {
				row.DateErr = "err.assess.date_required"
			}
			on = d
		}
		ev := strings.Fields(row.Evidence)
		for ci, c := range row.Cells {
			if c.Value == "" {
				continue
			}
			if row.Date == "" {
				row.DateErr = "err.assess.date_required"
			}
			if a := stored.Assessments[c.Outcome]; a != nil {
				res, _, err := pokot.ParseResult(g.Grading, c.Value)
				if err == nil && res == a.Result && a.AssessedOn.Equal(on) && slices.Equal(a.Evidence, ev) &&
					string(a.Supervision) == row.Supervision {
					continue
				}
			}
			items = append(items, pokot.AssessmentRow{Line: len(from) + 1, Email: row.Reg.Email,
				Assessment: pokot.Assessment{Outcome: c.Outcome, Result: c.Value, AssessedOn: on, Evidence: ev,
					Supervision: pokot.Supervision(row.Supervision)}})
			from = append(from, origin{ri, ci})
		}
		if row.DateErr != "" {
			errs = append(errs, gridError{ID: "grid-" + rowField("date", row.Reg.ID), Learner: row.Reg.Name, Key: row.DateErr})
		}
	}
	if len(errs) == 0 && len(items) == 0 {
		s.redirectFlash(w, r, offeringBase(oc.Org, oc.Offering.ID)+"/assessment", "flash.assess.unchanged")
		return nil
	}
	if len(errs) == 0 {
		err = ds.ImportAssessments(ctx, oc.Org.ID, oc.Offering.ID, st(r).user.ID, items)
		if err == nil {
			s.redirectFlash(w, r, offeringBase(oc.Org, oc.Offering.ID)+"/assessment", "flash.assess.saved")
			return nil
		}
		var es pokot.Errors
		if !errors.As(err, &es) {
			if pokot.ErrorCode(err) == pokot.EFORBIDDEN {
				return err
			}
			var e *pokot.Error
			if errors.As(err, &e) && e.Code == pokot.EINVALID {
				es = pokot.Errors{e}
			} else {
				return err
			}
		}
		for _, e := range es {
			line, col := splitRowField(e.Field)
			if line < 1 || line > len(from) {
				errs = append(errs, gridError{Key: keyOr(e.Key, "error.invalid.text")})
				continue
			}
			o := from[line-1]
			row := rows[o.row]
			ge := gridError{Learner: row.Reg.Name, Key: keyOr(e.Key, "error.invalid.text")}
			switch col {
			case "assessedOn":
				row.DateErr, ge.ID = ge.Key, "grid-"+rowField("date", row.Reg.ID)
			case "evidence":
				row.EvidenceErr, ge.ID = ge.Key, "grid-"+rowField("ev", row.Reg.ID)
			case "supervision":
				row.SupervisionErr, ge.ID = ge.Key, "grid-"+rowField("sup", row.Reg.ID)
			case "email":
				row.RowErr = ge.Key
			default:
				c := &row.Cells[o.cell]
				c.Error, ge.ID, ge.Outcome = ge.Key, "grid-"+c.Name, c.Outcome+1
			}
			if !slices.Contains(errs, ge) {
				errs = append(errs, ge)
			}
		}
	}
	return s.renderGrid(w, r, http.StatusUnprocessableEntity, oc, g, rows, errs, nil, "")
}

// splitRowField reads the Field "row 3: email" of an import error.
func splitRowField(field string) (int, string) {
	var n int
	rest, col, _ := strings.Cut(field, ": ")
	if _, err := fmt.Sscanf(rest, "row %d", &n); err != nil {
		return 0, field
	}
	return n, col
}

// importAssessments reads an uploaded CSV of results and stores it all or nothing; every
// problem is listed by row and column.
func (s *server) importAssessments(w http.ResponseWriter, r *http.Request) error {
	oc, ds, err := s.loadOffering(r)
	if err != nil {
		return err
	}
	if !oc.CanAssess {
		return forbidden()
	}
	ctx := r.Context()
	g, err := ds.Grid(ctx, oc.Org.ID, oc.Offering.ID)
	if err != nil {
		return err
	}
	fail := func(imp []importError, key string) error {
		return s.renderGrid(w, r, http.StatusUnprocessableEntity, oc, g, gridFromStore(g, oc.Version.Content.Supervision, s.today(), nil), nil, imp, key)
	}
	if r.MultipartForm == nil || len(r.MultipartForm.File["file"]) == 0 {
		return fail(nil, "err.import.no_file")
	}
	file, err := r.MultipartForm.File["file"][0].Open()
	if err != nil {
		return err
	}
	defer file.Close()
	rows, err := pokot.ReadAssessmentCSV(file)
	if err == nil {
		fromSpreadsheet(rows)
		err = ds.ImportAssessments(ctx, oc.Org.ID, oc.Offering.ID, st(r).user.ID, rows)
	}
	if err == nil {
		s.redirectFlash(w, r, offeringBase(oc.Org, oc.Offering.ID)+"/assessment", "flash.assess.imported")
		return nil
	}
	var es pokot.Errors
	var e *pokot.Error
	switch {
	case errors.As(err, &es):
	case errors.As(err, &e) && (e.Code == pokot.EINVALID || e.Code == pokot.ETOOLARGE):
		if e.Field == "" {
			return fail(nil, keyOr(e.Key, "error.invalid.text"))
		}
		es = pokot.Errors{e}
	default:
		return err
	}
	var imp []importError
	for _, e := range es {
		n, col := splitRowField(e.Field)
		imp = append(imp, importError{Row: n, Column: col, Key: keyOr(e.Key, "error.invalid.text")})
	}
	return fail(imp, "")
}

// fromSpreadsheet reads the e-mail addresses of imported rows as the template wrote them
// (pokot.SpreadsheetCell).
func fromSpreadsheet(rows []pokot.AssessmentRow) {
	for i := range rows {
		rows[i].Email = pokot.FromSpreadsheetCell(rows[i].Email)
	}
}

// assessmentTemplate is a CSV to fill in: a row per learner and outcome, with the header
// the import reads.
func (s *server) assessmentTemplate(w http.ResponseWriter, r *http.Request) error {
	oc, ds, err := s.loadOffering(r)
	if err != nil {
		return err
	}
	g, err := ds.Grid(r.Context(), oc.Org.ID, oc.Offering.ID)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="assessment-`+strconv.FormatInt(oc.Offering.ID, 10)+`.csv"`)
	h.Set("Cache-Control", "no-store")
	var b strings.Builder
	b.WriteString("\ufeffemail;outcome;result;assessedOn;evidence;supervision\r\n")
	for _, row := range g.Rows {
		for i := range g.Outcomes {
			res, on := "", ""
			if a := row.Assessments[i]; a != nil {
				res, on = a.Result, a.AssessedOn.Format(dateOnly)
			}
			// The address is the learner's own choice and may begin with "=": written as
			// text, so that a spreadsheet does not run it (the import reads it back).
			fmt.Fprintf(&b, "%s;%d;%s;%s;;\r\n", pokot.SpreadsheetCell(row.Registration.Email), i+1, res, on)
		}
	}
	_, err = w.Write([]byte(b.String()))
	return err
}

// outcomeNos numbers n outcomes from 1.
func outcomeNos(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i + 1
	}
	return out
}

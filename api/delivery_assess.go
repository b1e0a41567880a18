package api

import (
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// maxAssessmentRows bounds one assessment upload, as pokot.ReadAssessmentCSV does.
const maxAssessmentRows = 20000

// isAssessmentsPath reports whether path is an offering's assessment upload, which may
// be as large as the POK CSV import (maxImportBody).
func isAssessmentsPath(path string) bool {
	rest, ok := strings.CutPrefix(path, "/api/v1/orgs/")
	if !ok {
		return false
	}
	parts := strings.Split(rest, "/")
	return len(parts) == 4 && parts[0] != "" && parts[1] == "offerings" && parts[2] != "" && parts[3] == "assessments"
}

// assessmentIn is one result in a JSON upload: the same columns as the CSV import. The
// learning outcome is given by its number from 1 (outcome, as in the CSV and on the grid
// page) or by its stable id (outcomeId), not both.
type assessmentIn struct {
	Email       string   `json:"email"`
	Outcome     int      `json:"outcome,omitempty"`
	OutcomeID   string   `json:"outcomeId,omitempty"`
	Result      string   `json:"result"`
	AssessedOn  string   `json:"assessedOn"`
	Evidence    []string `json:"evidence,omitempty"`
	Supervision string   `json:"supervision,omitempty"`
}

// assessmentsIn is the JSON body of POST …/assessments.
type assessmentsIn struct {
	Assessments []assessmentIn `json:"assessments"`
}

// assessRowJSON is one problem of a refused upload: the row (JSON: the position in
// assessments from 1; CSV: the line of the file, header 1) and the column.
type assessRowJSON struct {
	Row     int    `json:"row"`
	Column  string `json:"column,omitempty"`
	Pointer string `json:"pointer,omitempty"` // JSON Pointer into the body (JSON uploads)
	Key     string `json:"key"`
	Message string `json:"message"`
	// Messages says the same in Finnish, Swedish and English, with the location.
	Messages pokot.Text `json:"messages"`
}

// deliveryProblem is a problem document of the delivery endpoints: the rows of a refused
// upload, or the message in the three languages.
type deliveryProblem struct {
	problem
	Rows     []assessRowJSON `json:"rows,omitempty"`
	Messages pokot.Text      `json:"messages,omitempty"`
}

// saveAssessments is POST /api/v1/orgs/{slug}/offerings/{id}/assessments: results as JSON
// or as text/csv in the columns of the web's CSV import, stored all or nothing by
// AssessmentService.ImportAssessments (which checks that the caller assesses the offering).
func (a *API) saveAssessments(w http.ResponseWriter, r *http.Request, u *pokot.User) error {
	oc, err := a.loadOffering(r, u)
	if err != nil {
		return err
	}
	if !oc.canAssess { // the web's check first, so that nobody else learns what is wrong
		return forbiddenAssess()
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var rows []pokot.AssessmentRow
	isJSON := mt == "application/json" || strings.HasSuffix(mt, "+json")
	switch {
	case isJSON:
		var in assessmentsIn
		if err := decode(r, &in); err != nil {
			if pokot.ErrorCode(err) == pokot.ETOOLARGE {
				return importTooLarge() // the same 413 as ServeHTTP's for a declared length
			}
			return err
		}
		v, err := a.store.MicrocredentialVersion(r.Context(), oc.org.ID, oc.offering.MicrocredentialID, oc.offering.Version)
		if err != nil {
			return err
		}
		if rows, err = assessmentRows(in.Assessments, v.Content.Outcomes); err != nil {
			return assessRefused(w, err, true)
		}
	case mt == "text/csv":
		rows, err = pokot.ReadAssessmentCSV(r.Body)
		for i := range rows { // the web's template writes a formula-like address as text
			rows[i].Email = pokot.FromSpreadsheetCell(rows[i].Email)
		}
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return importTooLarge() // the same 413 as ServeHTTP's for a declared length
		}
		if err != nil {
			return assessRefused(w, err, false)
		}
	default:
		return &pokot.Error{Code: pokot.EINVALID, Key: keyContentType, Message: "send the results as application/json or text/csv"}
	}
	if err := oc.ds.ImportAssessments(r.Context(), oc.org.ID, oc.offering.ID, u.ID, rows); err != nil {
		return assessRefused(w, err, isJSON)
	}
	writeJSON(w, http.StatusOK, map[string]any{"stored": len(rows), "offering": oc.offering.ID})
	return nil
}

// assessmentRows turns a JSON upload into import rows (Line = the position from 1),
// refusing what the import cannot read: every problem at once, as pokot.Errors.
func assessmentRows(in []assessmentIn, outcomes []pokot.LearningOutcome) ([]pokot.AssessmentRow, error) {
	if len(in) == 0 {
		return nil, pokot.Errors{pokot.FieldError("row 1", "err.import.empty", "assessments is empty")}
	}
	if len(in) > maxAssessmentRows {
		return nil, &pokot.Error{Code: pokot.ETOOLARGE, Key: "err.import.too_many_rows", Message: fmt.Sprintf("at most %d results at a time", maxAssessmentRows)}
	}
	var errs pokot.Errors
	rows := make([]pokot.AssessmentRow, 0, len(in))
	for i, x := range in {
		line := i + 1
		bad := func(column, key, msg string) {
			errs = append(errs, pokot.FieldError(fmt.Sprintf("row %d: %s", line, column), key, msg))
		}
		row := pokot.AssessmentRow{Line: line}
		if e, err := pokot.NormalizeEmail(x.Email); err != nil {
			bad("email", "err.email_invalid", "not a valid e-mail address")
		} else {
			row.Email = e
		}
		switch {
		case x.OutcomeID != "" && x.Outcome != 0:
			bad("outcome", "err.assess.outcome_invalid", "give the outcome by its number or by its id, not both")
		case x.OutcomeID != "":
			row.Outcome = -1
			for j, o := range outcomes {
				if o.ID == x.OutcomeID {
					row.Outcome = j
				}
			}
			if row.Outcome < 0 {
				bad("outcomeId", "err.assess.outcome_invalid", "the POK has no learning outcome with this id")
			}
		case x.Outcome < 1 || x.Outcome > len(outcomes):
			bad("outcome", "err.assess.outcome_invalid", "the POK has learning outcomes 1–"+strconv.Itoa(len(outcomes)))
		default:
			row.Outcome = x.Outcome - 1
		}
		row.Result = strings.TrimSpace(x.Result)
		if row.Result == "" {
			bad("result", "err.assess.result_invalid", "the result is missing")
		}
		if d, ok := pokot.ParseDate(x.AssessedOn); !ok {
			bad("assessedOn", "err.assess.date_required", "the date must be yyyy-mm-dd or d.m.yyyy")
		} else {
			row.AssessedOn = d
		}
		row.Evidence = x.Evidence
		row.Supervision = pokot.Supervision(x.Supervision)
		rows = append(rows, row)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return rows, nil
}

// assessRefused answers an upload refused with field errors (422, every problem by row and
// column, nothing stored); any other error goes to the generic renderer.
func assessRefused(w http.ResponseWriter, err error, isJSON bool) error {
	var es pokot.Errors
	if !errors.As(err, &es) || pokot.ErrorCode(err) != pokot.EINVALID {
		return err
	}
	p := deliveryProblem{problem: problem{Errors: fieldErrors(es)}, Rows: []assessRowJSON{}}
	for _, e := range es {
		p.Rows = append(p.Rows, assessRow(e, isJSON))
	}
	writeDeliveryProblem(w, http.StatusUnprocessableEntity, &pokot.Error{Code: pokot.EINVALID, Key: "err.assess.refused",
		Message: fmt.Sprintf("%d problem(s) and nothing was stored; see rows", len(es))}, p)
	return nil
}

// assessRow splits an import error's location ("row 4: email") and says it in the three
// languages with the catalog's message for its key.
func assessRow(e *pokot.Error, isJSON bool) assessRowJSON {
	j := assessRowJSON{Key: e.Key, Message: e.Message, Messages: pokot.Text{}}
	loc, col, _ := strings.Cut(e.Field, ": ")
	j.Column = col
	if n, ok := strings.CutPrefix(loc, "row "); ok {
		j.Row, _ = strconv.Atoi(n)
	}
	if isJSON && j.Row > 0 && col != "" {
		j.Pointer = fmt.Sprintf("/assessments/%d/%s", j.Row-1, col)
	}
	for _, l := range []pokot.Lang{pokot.Finnish, pokot.Swedish, pokot.English} {
		msg := e.Message
		if i18n.Has(l, e.Key) {
			msg = i18n.T(l, e.Key)
		}
		where := rowWords[l][0] + " " + strconv.Itoa(j.Row)
		if col != "" {
			where += ", " + rowWords[l][1] + " " + col
		}
		j.Messages[l] = where + ": " + msg
	}
	return j
}

// rowWords name a row and a column in the three languages.
var rowWords = map[pokot.Lang][2]string{pokot.Finnish: {"Rivi", "sarake"}, pokot.Swedish: {"Rad", "kolumn"}, pokot.English: {"Row", "column"}}

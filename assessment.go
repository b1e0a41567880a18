package pokot

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Results of the pass/fail scale; the numeric scales use their numbers ("0"–"5").
const (
	ResultPass = "pass"
	ResultFail = "fail"
)

// Assessment is the assessment of one learner (registration) on one learning outcome of
// the offering's POK version (Outcome is its index from 0): the result on the POK's
// grading scale, the date, the assessor, evidence links and the supervision and identity
// verification under which it was made (Annex I).
type Assessment struct {
	ID             int64
	OrgID          int64
	OfferingID     int64
	RegistrationID int64
	Outcome        int
	Result         string
	Passed         bool // derived from Result by the scale
	AssessedOn     time.Time
	AssessorID     int64
	Evidence       []string // http(s) URLs
	Supervision    Supervision
	Updated        time.Time
}

// ScaleValues returns the results allowed on a grading scale ("" means pass/fail).
func ScaleValues(g GradingScheme) []string {
	switch g {
	case Grade1to5:
		return []string{"1", "2", "3", "4", "5", ResultFail}
	case Grade0to5:
		return []string{"0", "1", "2", "3", "4", "5"}
	case Grade1to3:
		return []string{"1", "2", "3", ResultFail}
	}
	return []string{ResultPass, ResultFail}
}

// ParseResult normalises a result on scale g and says whether it passes: on the pass/fail
// scale "hyväksytty", "godkänd", "pass" (→ ResultPass) and "hylätty", "underkänd", "fail"
// (→ ResultFail); on numeric scales a grade of the scale passes, except 0, and the fail
// words fail. EINVALID ("err.assess.result_invalid").
func ParseResult(g GradingScheme, s string) (result string, passed bool, err error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if g == "" || g == GradePassFail {
		switch s {
		case "pass", "hyväksytty", "hyv", "h", "godkänd", "g", "passed":
			return ResultPass, true, nil
		case "fail", "hylätty", "hyl", "underkänd", "u", "failed":
			return ResultFail, false, nil
		}
	} else {
		switch s {
		case "fail", "hylätty", "hyl", "underkänd", "u", "failed":
			return ResultFail, false, nil
		}
		for _, v := range ScaleValues(g) {
			if s == v {
				return v, v != "0", nil
			}
		}
	}
	return "", false, FieldError("result", "err.assess.result_invalid",
		"the result must be one of "+strings.Join(ScaleValues(g), ", "))
}

// ValidateAssessment checks an assessment against the POK version's number of outcomes and
// grading scale and fills Passed. It returns Errors (EINVALID) or nil.
func ValidateAssessment(a *Assessment, outcomes int, g GradingScheme) error {
	x := &v{}
	if a.Outcome < 0 || a.Outcome >= outcomes {
		x.add("outcome", "err.assess.outcome_invalid", "the POK has learning outcomes 1–"+strconv.Itoa(outcomes))
	}
	r, passed, err := ParseResult(g, a.Result)
	if err != nil {
		x.errs = append(x.errs, err.(*Error))
	}
	a.Result, a.Passed = r, passed
	if a.AssessedOn.IsZero() {
		x.add("assessedOn", "err.assess.date_required", "the assessment date is required")
	}
	if len(a.Evidence) > 20 {
		x.add("evidence", "err.assess.evidence_too_many", "at most 20 evidence links")
	}
	for _, e := range a.Evidence {
		u, err := url.Parse(e)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(e) > 2000 {
			x.add("evidence", "err.assess.evidence_invalid", "an evidence link must be an http(s) address")
			break
		}
	}
	if a.Supervision != "" && !oneOf(a.Supervision, Supervisions) {
		x.add("supervision", "err.assess.supervision_invalid", "unknown supervision level")
	}
	return x.errs.Err()
}

// OverallGrade is the grade a credential carries for a learner's outcome results: on the
// pass/fail scale "hyväksytty" (the KOSKI value), on numeric scales the mean rounded half
// up. ok is false unless every one of outcomes has a passing result.
func OverallGrade(g GradingScheme, results []string, outcomes int) (grade string, ok bool) {
	if outcomes == 0 || len(results) != outcomes {
		return "", false
	}
	sum := 0
	for _, r := range results {
		res, passed, err := ParseResult(g, r)
		if err != nil || !passed {
			return "", false
		}
		if n, err := strconv.Atoi(res); err == nil {
			sum += n
		}
	}
	if g == "" || g == GradePassFail {
		return "hyväksytty", true
	}
	return strconv.Itoa((2*sum + outcomes) / (2 * outcomes)), true
}

// GridRow is one learner of an offering with their assessments by outcome index.
type GridRow struct {
	Registration *Registration
	Assessments  map[int]*Assessment
	Eligible     bool   // passed every outcome
	Grade        string // OverallGrade when Eligible
	Issued       bool   // a credential has been issued (or reserved) for this offering
}

// AssessmentGrid is a whole group's assessments: the outcomes of the POK version and a row
// per learner holding a seat.
type AssessmentGrid struct {
	Offering *Offering
	Outcomes []LearningOutcome
	Grading  GradingScheme
	Rows     []*GridRow
}

// AssessmentService stores assessments.
type AssessmentService interface {
	// SaveAssessment stores (or replaces) the assessment of a learner on an outcome by
	// userID, who must be an assessor of the offering (or an org admin): EFORBIDDEN
	// ("err.assess.not_assessor"); ENOTFOUND ("err.assess.not_in_offering") for a
	// registration that is not a seat in the offering; EINVALID (ValidateAssessment).
	SaveAssessment(ctx context.Context, a *Assessment, userID int64) error
	// Grid returns the assessment grid of an offering. ENOTFOUND.
	Grid(ctx context.Context, orgID, offeringID int64) (*AssessmentGrid, error)
	// ImportAssessments stores the rows of an import (ReadAssessmentCSV) all or nothing, by
	// userID, each learner named by e-mail. Errors (EINVALID Errors, nothing stored) name
	// the line and column in Field ("row 3: email"); a learner without a seat in the
	// offering is "err.assess.unknown_learner". EFORBIDDEN as SaveAssessment.
	ImportAssessments(ctx context.Context, orgID, offeringID, userID int64, rows []AssessmentRow) error
}

// AssessmentRow is one row of an assessment import: the learner by e-mail.
type AssessmentRow struct {
	Line  int // line in the file, for errors
	Email string
	Assessment
}

// maxImportRows bounds an assessment import.
const maxImportRows = 20000

// The columns of an assessment import, in any order; names are matched in Finnish, Swedish
// or English, case-insensitively. evidence holds links separated by spaces.
var importColumns = map[string][]string{
	"email":       {"email", "sähköposti", "e-post", "e-mail"},
	"outcome":     {"outcome", "osaamistavoite", "lärandemål"},
	"result":      {"result", "tulos", "arvosana", "resultat", "grade"},
	"assessedOn":  {"assessedon", "date", "päivämäärä", "arviointipäivä", "datum"},
	"evidence":    {"evidence", "näyttö", "todisteet", "bevis"},
	"supervision": {"supervision", "valvonta", "övervakning"},
}

// ReadAssessmentCSV reads an assessment import: a header row naming the columns email,
// outcome (numbered from 1), result, assessedOn (d.m.yyyy or yyyy-mm-dd) and optionally
// evidence and supervision; ';' or ',' separated; a UTF-8 byte order mark is skipped. Every
// bad cell is reported (EINVALID Errors with Field "row N: column"), nothing is partial.
func ReadAssessmentCSV(r io.Reader) ([]AssessmentRow, error) {
	b, err := io.ReadAll(io.LimitReader(r, 8<<20+1))
	if err != nil {
		return nil, err
	}
	if len(b) > 8<<20 {
		return nil, &Error{Code: ETOOLARGE, Key: "err.import.too_large", Message: "the file is larger than 8 MB"}
	}
	s := strings.TrimPrefix(string(b), "\ufeff")
	first, _, _ := strings.Cut(s, "\n")
	cr := csv.NewReader(strings.NewReader(s))
	cr.Comma = ','
	if strings.Count(first, ";") > strings.Count(first, ",") {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, Errors{FieldError("row 1", "err.import.header", "the file has no header row")}
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		for name, aliases := range importColumns {
			for _, a := range aliases {
				if h == a {
					col[name] = i
				}
			}
		}
	}
	var errs Errors
	for _, need := range []string{"email", "outcome", "result", "assessedOn"} {
		if _, ok := col[need]; !ok {
			errs = append(errs, FieldError("row 1: "+need, "err.import.column_missing", "the column "+need+" is missing"))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	var rows []AssessmentRow
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			errs = append(errs, FieldError(fmt.Sprintf("row %d", line), "err.import.syntax", "the row is not valid CSV"))
			break
		}
		if len(rows) >= maxImportRows {
			return nil, &Error{Code: ETOOLARGE, Key: "err.import.too_many_rows", Message: fmt.Sprintf("at most %d rows", maxImportRows)}
		}
		cell := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if strings.Join(rec, "") == "" {
			continue
		}
		bad := func(column, key, msg string) {
			errs = append(errs, FieldError(fmt.Sprintf("row %d: %s", line, column), key, msg))
		}
		row := AssessmentRow{Line: line}
		if e, err := NormalizeEmail(cell("email")); err != nil {
			bad("email", "err.email_invalid", "not a valid e-mail address")
		} else {
			row.Email = e
		}
		if n, err := strconv.Atoi(cell("outcome")); err != nil || n < 1 {
			bad("outcome", "err.assess.outcome_invalid", "the outcome must be a number from 1")
		} else {
			row.Outcome = n - 1
		}
		row.Result = cell("result")
		if row.Result == "" {
			bad("result", "err.assess.result_invalid", "the result is missing")
		}
		if d, ok := ParseDate(cell("assessedOn")); !ok {
			bad("assessedOn", "err.assess.date_required", "the date must be d.m.yyyy or yyyy-mm-dd")
		} else {
			row.AssessedOn = d
		}
		row.Evidence = strings.Fields(cell("evidence"))
		row.Supervision = Supervision(cell("supervision"))
		rows = append(rows, row)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(rows) == 0 {
		return nil, Errors{FieldError("row 2", "err.import.empty", "the file has no rows")}
	}
	return rows, nil
}

// ParseDate reads a calendar date written d.m.yyyy or yyyy-mm-dd, as midnight UTC.
func ParseDate(s string) (time.Time, bool) {
	for _, layout := range []string{"2.1.2006", "2006-01-02"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

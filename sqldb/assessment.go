package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/pokot/pokot"
)

const assessmentColumns = `a.id, a.org_id, a.offering_id, a.registration_id, a.outcome, a.result, a.passed, a.assessed_on,
	COALESCE(a.assessor_id, 0), a.evidence, a.supervision, a.updated_at`

func scanAssessment(s interface{ Scan(...any) error }) (*pokot.Assessment, error) {
	a := &pokot.Assessment{}
	var on, ev, sup string
	err := s.Scan(&a.ID, &a.OrgID, &a.OfferingID, &a.RegistrationID, &a.Outcome, &a.Result, &a.Passed, &on,
		&a.AssessorID, &ev, &sup, timeCol{&a.Updated})
	if err != nil {
		return nil, err
	}
	a.AssessedOn, _ = time.Parse(dateLayout, on)
	json.Unmarshal([]byte(ev), &a.Evidence)
	a.Supervision = pokot.Supervision(sup)
	return a, nil
}

// assessCtx is what assessing an offering needs: the offering and its POK version.
type assessCtx struct {
	o *pokot.Offering
	c *pokot.MicrocredentialContent
}

// assessContext loads an offering and its version and checks that userID may assess it:
// an assessor of the offering or an org admin. EFORBIDDEN ("err.assess.not_assessor").
func (db *DB) assessContext(ctx context.Context, q querier, orgID, offeringID, userID int64, lock bool) (*assessCtx, error) {
	var o *pokot.Offering
	var err error
	if lock {
		o, err = db.lockOffering(ctx, q, orgID, offeringID)
	} else {
		o, err = scanOffering(q.QueryRowContext(ctx, `SELECT `+offeringColumns+` FROM offerings o WHERE o.org_id = $1 AND o.id = $2`, orgID, offeringID))
		if err == nil {
			err = db.loadAssessors(ctx, q, o)
		}
	}
	if err != nil {
		return nil, noRows(err, "offering")
	}
	v, err := db.version(ctx, q, orgID, o.MicrocredentialID, o.Version, false)
	if err != nil {
		return nil, err
	}
	if userID != 0 {
		roles, err := db.roles(ctx, q, orgID, userID)
		if err != nil {
			return nil, err
		}
		ok := false
		for _, r := range roles {
			ok = ok || r == pokot.RoleOrgAdmin
		}
		for _, a := range o.Assessors {
			ok = ok || a == userID
		}
		if !ok {
			return nil, &pokot.Error{Code: pokot.EFORBIDDEN, Key: "err.assess.not_assessor", Message: "only the offering's assessors may assess it"}
		}
	}
	return &assessCtx{o: o, c: &v.Content}, nil
}

func errNotInOffering() error {
	return &pokot.Error{Code: pokot.ENOTFOUND, Field: "registration", Key: "err.assess.not_in_offering", Message: "the learner has no seat in this offering"}
}

// SaveAssessment implements pokot.AssessmentService.
func (db *DB) SaveAssessment(ctx context.Context, a *pokot.Assessment, userID int64) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		ac, err := db.assessContext(ctx, tx, a.OrgID, a.OfferingID, userID, true)
		if err != nil {
			return err
		}
		var status string
		err = tx.QueryRowContext(ctx, `SELECT status FROM registrations WHERE org_id = $1 AND offering_id = $2 AND id = $3`,
			a.OrgID, a.OfferingID, a.RegistrationID).Scan(&status)
		if errors.Is(err, sql.ErrNoRows) || status != pokot.RegRegistered {
			return errNotInOffering()
		}
		if err != nil {
			return err
		}
		if err := pokot.ValidateAssessment(a, len(ac.c.Outcomes), ac.c.Grading); err != nil {
			return err
		}
		a.AssessorID = userID
		if err := db.upsertAssessment(ctx, tx, a); err != nil {
			return err
		}
		return db.autoIssue(ctx, tx, ac, userID)
	})
}

func (db *DB) upsertAssessment(ctx context.Context, tx *sql.Tx, a *pokot.Assessment) error {
	a.Updated = db.now().UTC().Truncate(timeUnit)
	ev := a.Evidence
	if ev == nil {
		ev = []string{}
	}
	b, _ := json.Marshal(ev)
	return tx.QueryRowContext(ctx, `
		INSERT INTO assessments (org_id, offering_id, registration_id, outcome, result, passed, assessed_on, assessor_id,
			evidence, supervision, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
		ON CONFLICT (registration_id, outcome) DO UPDATE SET result = excluded.result, passed = excluded.passed,
			assessed_on = excluded.assessed_on, assessor_id = excluded.assessor_id, evidence = excluded.evidence,
			supervision = excluded.supervision, updated_at = excluded.updated_at
		RETURNING id`,
		a.OrgID, a.OfferingID, a.RegistrationID, a.Outcome, a.Result, a.Passed, a.AssessedOn.Format(dateLayout),
		a.AssessorID, string(b), string(a.Supervision), db.ts(a.Updated)).Scan(&a.ID)
}

// Grid implements pokot.AssessmentService.
func (db *DB) Grid(ctx context.Context, orgID, offeringID int64) (*pokot.AssessmentGrid, error) {
	ac, err := db.assessContext(ctx, db.r, orgID, offeringID, 0, false)
	if err != nil {
		return nil, mapErr(err)
	}
	rows, err := db.gridRows(ctx, db.r, ac)
	if err != nil {
		return nil, mapErr(err)
	}
	return &pokot.AssessmentGrid{Offering: ac.o, Outcomes: ac.c.Outcomes, Grading: ac.c.Grading, Rows: rows}, nil
}

// gridRows reads the seats of an offering with their assessments, eligibility and whether
// a credential exists (or is reserved) for them.
func (db *DB) gridRows(ctx context.Context, q querier, ac *assessCtx) ([]*pokot.GridRow, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+registrationColumns+`,
		EXISTS (SELECT 1 FROM issued_credentials i WHERE i.offering_id = r.offering_id AND i.email = r.email)
		FROM registrations r WHERE r.offering_id = $1 AND r.status = 'registered' ORDER BY r.id`, ac.o.ID)
	if err != nil {
		return nil, err
	}
	var out []*pokot.GridRow
	byReg := map[int64]*pokot.GridRow{}
	for rows.Next() {
		g := &pokot.GridRow{Assessments: map[int]*pokot.Assessment{}}
		var issued bool
		r, err := scanRegistration(scanPlus{rows, &issued})
		if err != nil {
			rows.Close()
			return nil, err
		}
		g.Registration, g.Issued = r, issued
		out = append(out, g)
		byReg[r.ID] = g
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	arows, err := q.QueryContext(ctx, `SELECT `+assessmentColumns+` FROM assessments a WHERE a.offering_id = $1`, ac.o.ID)
	if err != nil {
		return nil, err
	}
	defer arows.Close()
	for arows.Next() {
		a, err := scanAssessment(arows)
		if err != nil {
			return nil, err
		}
		if g := byReg[a.RegistrationID]; g != nil && a.Outcome < len(ac.c.Outcomes) {
			g.Assessments[a.Outcome] = a
		}
	}
	if err := arows.Err(); err != nil {
		return nil, err
	}
	n := len(ac.c.Outcomes)
	for _, g := range out {
		results := make([]string, 0, n)
		for i := 0; i < n; i++ {
			if a := g.Assessments[i]; a != nil {
				results = append(results, a.Result)
			}
		}
		g.Grade, g.Eligible = pokot.OverallGrade(ac.c.Grading, results, n)
	}
	return out, nil
}

// scanPlus scans a row's leading columns with s and the extra trailing ones into more.
type scanPlus struct {
	s    interface{ Scan(...any) error }
	more any
}

func (p scanPlus) Scan(dest ...any) error { return p.s.Scan(append(dest, p.more)...) }

// ImportAssessments implements pokot.AssessmentService.
func (db *DB) ImportAssessments(ctx context.Context, orgID, offeringID, userID int64, rows []pokot.AssessmentRow) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		ac, err := db.assessContext(ctx, tx, orgID, offeringID, userID, true)
		if err != nil {
			return err
		}
		seats := map[string]int64{}
		rs, err := tx.QueryContext(ctx, `SELECT email, id FROM registrations WHERE offering_id = $1 AND status = 'registered'`, offeringID)
		if err != nil {
			return err
		}
		for rs.Next() {
			var e string
			var id int64
			if err := rs.Scan(&e, &id); err != nil {
				rs.Close()
				return err
			}
			seats[e] = id
		}
		rs.Close()
		if err := rs.Err(); err != nil {
			return err
		}
		var errs pokot.Errors
		seen := map[string]int{}
		for i := range rows {
			row := &rows[i]
			at := func(col string) string { return fmt.Sprintf("row %d: %s", row.Line, col) }
			id, ok := seats[row.Email]
			if !ok {
				errs = append(errs, &pokot.Error{Code: pokot.EINVALID, Field: at("email"), Key: "err.assess.unknown_learner",
					Message: fmt.Sprintf("%s has no seat in this offering", row.Email)})
			}
			key := fmt.Sprintf("%s/%d", row.Email, row.Outcome)
			if first, dup := seen[key]; dup {
				errs = append(errs, &pokot.Error{Code: pokot.EINVALID, Field: at("outcome"), Key: "err.assess.duplicate_row",
					Message: fmt.Sprintf("the same learner and outcome as row %d", first)})
			}
			seen[key] = row.Line
			a := &row.Assessment
			a.OrgID, a.OfferingID, a.RegistrationID, a.AssessorID = orgID, offeringID, id, userID
			if err := pokot.ValidateAssessment(a, len(ac.c.Outcomes), ac.c.Grading); err != nil {
				for _, fe := range err.(pokot.Errors) {
					errs = append(errs, &pokot.Error{Code: fe.Code, Field: at(fe.Field), Key: fe.Key, Message: fe.Message})
				}
			}
		}
		if len(errs) > 0 {
			return errs
		}
		for i := range rows {
			if err := db.upsertAssessment(ctx, tx, &rows[i].Assessment); err != nil {
				return err
			}
		}
		return db.autoIssue(ctx, tx, ac, userID)
	})
}

var _ pokot.AssessmentService = (*DB)(nil)

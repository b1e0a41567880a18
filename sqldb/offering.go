package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"github.com/pokot/pokot"
)

// dateLayout stores calendar dates (offering start and end, assessment dates) as text on
// both engines, so that no time zone can shift them.
const dateLayout = "2006-01-02"

const offeringColumns = `o.id, o.org_id, o.mc_id, o.version, o.starts_on, o.ends_on, o.schedule, o.place, o.online,
	o.language, o.capacity, o.reg_opens, o.reg_closes, o.price_cents, o.jotpa_case, o.auto_issue,
	COALESCE(o.created_by, 0), o.created_at, o.updated_at,
	(SELECT COUNT(*) FROM registrations r WHERE r.offering_id = o.id AND r.status = 'registered'),
	(SELECT COUNT(*) FROM registrations r WHERE r.offering_id = o.id AND r.status = 'waitlisted')`

func scanOffering(s interface{ Scan(...any) error }) (*pokot.Offering, error) {
	o := &pokot.Offering{}
	var starts, ends, schedule, place string
	err := s.Scan(&o.ID, &o.OrgID, &o.MicrocredentialID, &o.Version, &starts, &ends, &schedule, &place, &o.Online,
		&o.Language, &o.Capacity, timeCol{&o.RegistrationOpens}, timeCol{&o.RegistrationCloses}, &o.PriceCents,
		&o.JotpaCaseNumber, &o.AutoIssue, &o.CreatedBy, timeCol{&o.Created}, timeCol{&o.Updated},
		&o.Registered, &o.Waitlisted)
	if err != nil {
		return nil, err
	}
	o.Starts, _ = time.Parse(dateLayout, starts)
	o.Ends, _ = time.Parse(dateLayout, ends)
	json.Unmarshal([]byte(schedule), &o.Schedule)
	json.Unmarshal([]byte(place), &o.Place)
	return o, nil
}

// checkOffering validates o against its POK's published version and the organisation's
// assessors, and fills o.Version.
func (db *DB) checkOffering(ctx context.Context, tx *sql.Tx, o *pokot.Offering, userID int64) error {
	roles, err := db.roles(ctx, tx, o.OrgID, userID)
	if err != nil {
		return err
	}
	if !pokot.CanDesign(roles) {
		return &pokot.Error{Code: pokot.EFORBIDDEN, Key: "err.offering.forbidden", Message: "only designers and organisation administrators manage offerings"}
	}
	m, err := db.lockMicrocredential(ctx, tx, o.OrgID, o.MicrocredentialID)
	if err != nil {
		return err
	}
	if m.PublishedVersion == 0 {
		return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.offering.not_published", Message: "the POK has no published version to offer"}
	}
	if o.Version == 0 {
		o.Version = m.PublishedVersion
	}
	v, err := db.version(ctx, tx, o.OrgID, o.MicrocredentialID, o.Version, false)
	if err != nil {
		return err
	}
	// A new offering delivers the published version; an existing one keeps its version when
	// a newer one is published later (its learners registered for what it said).
	if v.Status != pokot.StatusPublished && (o.ID == 0 || v.Status != pokot.StatusArchived) {
		return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.offering.not_published", Message: "only the published version can be offered"}
	}
	errs, _ := pokot.ValidateOffering(o, v.Content.Price.Jotpa).(pokot.Errors)
	for _, a := range o.Assessors {
		rs, err := db.roles(ctx, tx, o.OrgID, a)
		if err != nil {
			return err
		}
		ok := false
		for _, r := range rs {
			ok = ok || r == pokot.RoleAssessor
		}
		if !ok {
			errs = append(errs, pokot.FieldError("assessors", "err.offering.assessor_not_member",
				"an assessor must be a member of this organisation with the assessor role"))
			break
		}
	}
	return errs.Err()
}

func (db *DB) saveAssessors(ctx context.Context, tx *sql.Tx, o *pokot.Offering) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM offering_assessors WHERE offering_id = $1`, o.ID); err != nil {
		return err
	}
	for _, a := range o.Assessors {
		if _, err := tx.ExecContext(ctx, `INSERT INTO offering_assessors (offering_id, user_id) VALUES ($1, $2)`, o.ID, a); err != nil {
			return err
		}
	}
	return nil
}

// CreateOffering implements pokot.OfferingService.
func (db *DB) CreateOffering(ctx context.Context, o *pokot.Offering, userID int64) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		o.Version = 0
		if err := db.checkOffering(ctx, tx, o, userID); err != nil {
			return err
		}
		now := db.now().UTC().Truncate(timeUnit)
		o.Created, o.Updated, o.CreatedBy = now, now, userID
		err := tx.QueryRowContext(ctx, `
			INSERT INTO offerings (org_id, mc_id, version, starts_on, ends_on, schedule, place, online, language, capacity,
				reg_opens, reg_closes, price_cents, jotpa_case, auto_issue, created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
			o.OrgID, o.MicrocredentialID, o.Version, o.Starts.Format(dateLayout), o.Ends.Format(dateLayout),
			textJSON(o.Schedule), textJSON(o.Place), o.Online, o.Language, o.Capacity,
			db.ts(o.RegistrationOpens), db.ts(o.RegistrationCloses), o.PriceCents, o.JotpaCaseNumber, o.AutoIssue,
			userID, db.ts(now), db.ts(now)).Scan(&o.ID)
		if err != nil {
			return err
		}
		return db.saveAssessors(ctx, tx, o)
	})
}

// UpdateOffering implements pokot.OfferingService.
func (db *DB) UpdateOffering(ctx context.Context, o *pokot.Offering, userID int64) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		old, err := db.lockOffering(ctx, tx, o.OrgID, o.ID)
		if err != nil {
			return err
		}
		o.MicrocredentialID, o.Version = old.MicrocredentialID, old.Version
		if err := db.checkOffering(ctx, tx, o, userID); err != nil {
			return err
		}
		if o.Capacity < old.Registered {
			return pokot.FieldError("capacity", "err.offering.capacity_below_registered",
				"the capacity cannot be below the number of learners already registered")
		}
		now := db.now().UTC().Truncate(timeUnit)
		o.Updated, o.Created, o.CreatedBy = now, old.Created, old.CreatedBy
		if _, err := tx.ExecContext(ctx, `
			UPDATE offerings SET starts_on = $1, ends_on = $2, schedule = $3, place = $4, online = $5, language = $6,
				capacity = $7, reg_opens = $8, reg_closes = $9, price_cents = $10, jotpa_case = $11, auto_issue = $12,
				updated_at = $13
			WHERE org_id = $14 AND id = $15`,
			o.Starts.Format(dateLayout), o.Ends.Format(dateLayout), textJSON(o.Schedule), textJSON(o.Place), o.Online,
			o.Language, o.Capacity, db.ts(o.RegistrationOpens), db.ts(o.RegistrationCloses), o.PriceCents,
			o.JotpaCaseNumber, o.AutoIssue, db.ts(now), o.OrgID, o.ID); err != nil {
			return err
		}
		if err := db.saveAssessors(ctx, tx, o); err != nil {
			return err
		}
		for i := old.Registered; i < o.Capacity; i++ {
			if p, err := db.promote(ctx, tx, o.ID); err != nil || p == nil {
				return err
			}
		}
		return nil
	})
}

// lockOffering reads an offering of orgID and locks its row until the transaction ends, so
// that seat changes of one offering run one at a time.
//
// The lock is taken by a statement of its own and the seat counts read by the next: on
// PostgreSQL a statement that waited for the lock still sees the snapshot it started with,
// so counts read with the lock would miss the seats its predecessor just took.
func (db *DB) lockOffering(ctx context.Context, q querier, orgID, id int64) (*pokot.Offering, error) {
	var locked int64
	if err := q.QueryRowContext(ctx, `SELECT id FROM offerings WHERE org_id = $1 AND id = $2`+db.forUpdate(), orgID, id).Scan(&locked); err != nil {
		return nil, noRows(err, "offering")
	}
	o, err := scanOffering(q.QueryRowContext(ctx, `SELECT `+offeringColumns+` FROM offerings o WHERE o.org_id = $1 AND o.id = $2`, orgID, id))
	if err != nil {
		return nil, noRows(err, "offering")
	}
	return o, db.loadAssessors(ctx, q, o)
}

func (db *DB) loadAssessors(ctx context.Context, q querier, o *pokot.Offering) error {
	rows, err := q.QueryContext(ctx, `SELECT user_id FROM offering_assessors WHERE offering_id = $1 ORDER BY user_id`, o.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	o.Assessors = nil
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		o.Assessors = append(o.Assessors, id)
	}
	return rows.Err()
}

// Offering implements pokot.OfferingService.
func (db *DB) Offering(ctx context.Context, orgID, id int64) (*pokot.Offering, error) {
	o, err := scanOffering(db.r.QueryRowContext(ctx, `SELECT `+offeringColumns+` FROM offerings o WHERE o.org_id = $1 AND o.id = $2`, orgID, id))
	if err != nil {
		return nil, mapErr(noRows(err, "offering"))
	}
	return o, mapErr(db.loadAssessors(ctx, db.r, o))
}

// OfferingsOf implements pokot.OfferingService.
func (db *DB) OfferingsOf(ctx context.Context, orgID, mcID int64) ([]*pokot.Offering, error) {
	return db.offerings(ctx, `WHERE o.org_id = $1 AND o.mc_id = $2 ORDER BY o.starts_on, o.id`, orgID, mcID)
}

// PublicOfferings implements pokot.OfferingService.
func (db *DB) PublicOfferings(ctx context.Context, mcID int64, now time.Time) ([]*pokot.Offering, error) {
	return db.offerings(ctx, `JOIN microcredentials m ON m.id = o.mc_id AND m.published_version = o.version
		WHERE o.mc_id = $1 AND o.ends_on >= $2 ORDER BY o.starts_on, o.id`, mcID, now.UTC().Format(dateLayout))
}

func (db *DB) offerings(ctx context.Context, where string, args ...any) ([]*pokot.Offering, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT `+offeringColumns+` FROM offerings o `+where, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []*pokot.Offering
	for rows.Next() {
		o, err := scanOffering(rows)
		if err != nil {
			return nil, mapErr(err)
		}
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, mapErr(err)
	}
	for _, o := range out {
		if err := db.loadAssessors(ctx, db.r, o); err != nil {
			return nil, mapErr(err)
		}
	}
	return out, nil
}

var _ pokot.OfferingService = (*DB)(nil)

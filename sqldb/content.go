package sqldb

import (
	"context"
	"database/sql"

	"github.com/pokot/pokot"
)

func nullID(id *int64) any {
	if id == nil {
		return nil
	}
	return *id
}

func idPtr(n sql.NullInt64) *int64 {
	if !n.Valid {
		return nil
	}
	return &n.Int64
}

// CreateEvent stores e and sets its ID. EINVALID without a title or when it ends before it
// starts, ENOTFOUND when OrgID names a missing organisation.
func (db *DB) CreateEvent(ctx context.Context, e *pokot.Event) error {
	if e.Title.Empty() {
		return pokot.FieldError("title", "err.required", "the title is required")
	}
	if e.Ends.Before(e.Starts) {
		return pokot.FieldError("ends", "err.ends_before_starts", "the event ends before it starts")
	}
	err := db.w.QueryRowContext(ctx, `
		INSERT INTO events (org_id, title, description, starts_at, ends_at, place, online)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
		nullID(e.OrgID), textJSON(e.Title), textJSON(e.Description), db.ts(e.Starts), db.ts(e.Ends), e.Place, e.Online,
	).Scan(&e.ID)
	return mapErr(err)
}

// Events lists all events by start time.
func (db *DB) Events(ctx context.Context) ([]*pokot.Event, error) {
	rows, err := db.r.QueryContext(ctx, `
		SELECT id, org_id, title, description, starts_at, ends_at, place, online FROM events ORDER BY starts_at, id`)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var es []*pokot.Event
	for rows.Next() {
		e := &pokot.Event{}
		var org sql.NullInt64
		if err := rows.Scan(&e.ID, &org, textCol{&e.Title}, textCol{&e.Description}, timeCol{&e.Starts}, timeCol{&e.Ends},
			&e.Place, &e.Online); err != nil {
			return nil, mapErr(err)
		}
		e.OrgID = idPtr(org)
		es = append(es, e)
	}
	return es, mapErr(rows.Err())
}

// CreatePublication stores p and sets its ID. EINVALID without a title, ENOTFOUND when
// OrgID names a missing organisation.
func (db *DB) CreatePublication(ctx context.Context, p *pokot.Publication) error {
	if p.Title.Empty() {
		return pokot.FieldError("title", "err.required", "the title is required")
	}
	err := db.w.QueryRowContext(ctx, `
		INSERT INTO publications (org_id, title, summary, url, published_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		nullID(p.OrgID), textJSON(p.Title), textJSON(p.Summary), p.URL, db.ts(p.Published)).Scan(&p.ID)
	return mapErr(err)
}

// Publications lists all publications, newest first.
func (db *DB) Publications(ctx context.Context) ([]*pokot.Publication, error) {
	rows, err := db.r.QueryContext(ctx, `
		SELECT id, org_id, title, summary, url, published_at FROM publications ORDER BY published_at DESC, id DESC`)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var ps []*pokot.Publication
	for rows.Next() {
		p := &pokot.Publication{}
		var org sql.NullInt64
		if err := rows.Scan(&p.ID, &org, textCol{&p.Title}, textCol{&p.Summary}, &p.URL, timeCol{&p.Published}); err != nil {
			return nil, mapErr(err)
		}
		p.OrgID = idPtr(org)
		ps = append(ps, p)
	}
	return ps, mapErr(rows.Err())
}

package sqldb

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pokot/pokot"
)

const jobColumns = `id, kind, payload, status, attempts, run_at, lease_until, worker, last_error, created_at, done_at`

func scanJob(s interface{ Scan(...any) error }) (*pokot.Job, error) {
	j := &pokot.Job{}
	err := s.Scan(&j.ID, &j.Kind, &j.Payload, &j.Status, &j.Attempts, timeCol{&j.RunAt}, nullTimeCol{&j.LeaseUntil},
		&j.Worker, &j.LastError, timeCol{&j.Created}, nullTimeCol{&j.DoneAt})
	return j, err
}

// EnqueueJob stores j as queued and sets ID, Status and Created; a zero RunAt means now.
// EINVALID when Kind is empty.
func (db *DB) EnqueueJob(ctx context.Context, j *pokot.Job) error {
	if strings.TrimSpace(j.Kind) == "" {
		return pokot.Errorf(pokot.EINVALID, "job kind is required")
	}
	j.Status = pokot.JobQueued
	j.Created = db.now().UTC().Truncate(timeUnit)
	if j.RunAt.IsZero() {
		j.RunAt = j.Created
	}
	j.RunAt = j.RunAt.UTC().Truncate(timeUnit)
	j.Attempts, j.LeaseUntil, j.Worker, j.LastError, j.DoneAt = 0, nil, "", "", nil
	if j.Payload == nil {
		j.Payload = []byte{}
	}
	err := db.w.QueryRowContext(ctx, `
		INSERT INTO jobs (kind, payload, status, run_at, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		j.Kind, j.Payload, j.Status, db.ts(j.RunAt), db.ts(j.Created)).Scan(&j.ID)
	return mapErr(err)
}

// ClaimJob leases the oldest due queued job of one of kinds (any kind when kinds is empty)
// to worker until leaseUntil and counts the attempt. One UPDATE claims, and on PostgreSQL
// concurrent claimers skip each other's locked rows, so a job is never handed out twice
// while its lease runs. ENOTFOUND when no job is due.
func (db *DB) ClaimJob(ctx context.Context, kinds []string, worker string, now, leaseUntil time.Time) (*pokot.Job, error) {
	args := []any{db.ts(leaseUntil), worker, db.ts(now)}
	kindFilter := ""
	if len(kinds) > 0 {
		ph := make([]string, len(kinds))
		for i, k := range kinds {
			args = append(args, k)
			ph[i] = fmt.Sprintf("$%d", len(args))
		}
		kindFilter = ` AND kind IN (` + strings.Join(ph, ", ") + `)`
	}
	j, err := scanJob(db.w.QueryRowContext(ctx, `
		UPDATE jobs SET lease_until = $1, worker = $2, attempts = attempts + 1
		WHERE id IN (
			SELECT id FROM jobs
			WHERE status = 'queued' AND run_at <= $3 AND (lease_until IS NULL OR lease_until <= $3)`+kindFilter+`
			ORDER BY run_at, id LIMIT 1`+db.skipLocked()+`)
		RETURNING `+jobColumns, args...))
	if err != nil {
		return nil, mapErr(noRows(err, "job"))
	}
	return j, nil
}

// CompleteJob marks a job done. ENOTFOUND.
func (db *DB) CompleteJob(ctx context.Context, id int64, now time.Time) error {
	res, err := db.w.ExecContext(ctx, `
		UPDATE jobs SET status = 'done', done_at = $1, lease_until = NULL, last_error = '' WHERE id = $2`,
		db.ts(now), id)
	if err != nil {
		return mapErr(err)
	}
	return mapErr(affected(res, "job"))
}

// FailJob records a failed attempt and queues the job again at retryAt, or marks it
// failed when retryAt is nil. ENOTFOUND.
func (db *DB) FailJob(ctx context.Context, id int64, errText string, retryAt *time.Time) error {
	status, runAt := pokot.JobQueued, any(nil)
	if retryAt == nil {
		status = pokot.JobFailed
	} else {
		runAt = db.ts(*retryAt)
	}
	res, err := db.w.ExecContext(ctx, `
		UPDATE jobs SET status = $1, last_error = $2, run_at = COALESCE($3, run_at), lease_until = NULL
		WHERE id = $4`,
		status, errText, runAt, id)
	if err != nil {
		return mapErr(err)
	}
	return mapErr(affected(res, "job"))
}

// JobQueueDepth counts queued jobs by kind.
func (db *DB) JobQueueDepth(ctx context.Context) (map[string]int, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT kind, COUNT(*) FROM jobs WHERE status = 'queued' GROUP BY kind`)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	depth := map[string]int{}
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return nil, mapErr(err)
		}
		depth[k] = n
	}
	return depth, mapErr(rows.Err())
}

// RenewJob extends the lease of a queued job that worker holds to leaseUntil, also when the
// lease ran out but no other worker has claimed the job since. ENOTFOUND when no such job;
// ECONFLICT (err.job.lease_lost) when the job has another worker, was handed back (no
// lease), or is done or failed.
func (db *DB) RenewJob(ctx context.Context, id int64, worker string, leaseUntil time.Time) error {
	res, err := db.w.ExecContext(ctx, `
		UPDATE jobs SET lease_until = $1
		WHERE id = $2 AND worker = $3 AND status = 'queued' AND lease_until IS NOT NULL`,
		db.ts(leaseUntil), id, worker)
	if err != nil {
		return mapErr(err)
	}
	if n, err := res.RowsAffected(); err != nil || n > 0 {
		return mapErr(err)
	}
	var exists int
	if err := db.w.QueryRowContext(ctx, `SELECT 1 FROM jobs WHERE id = $1`, id).Scan(&exists); err != nil {
		return mapErr(noRows(err, "job"))
	}
	return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.job.lease_lost", Message: "the job is no longer held by this worker"}
}

// Job returns one job as it stands, e.g. to see which worker holds it. ENOTFOUND.
func (db *DB) Job(ctx context.Context, id int64) (*pokot.Job, error) {
	j, err := scanJob(db.r.QueryRowContext(ctx, `SELECT `+jobColumns+` FROM jobs WHERE id = $1`, id))
	if err != nil {
		return nil, mapErr(noRows(err, "job"))
	}
	return j, nil
}

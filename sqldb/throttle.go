package sqldb

import (
	"context"
	"time"

	"github.com/pokot/pokot"
)

// Hit counts one attempt for key in the current fixed window (now truncated to a multiple
// of window, as time.Time.Truncate does) and reports whether the count is still within limit.
// One statement does the counting, so processes sharing the database count together and
// no attempt is lost. A late hit from an older window (clock skew between processes)
// counts in the newer one.
func (db *DB) Hit(ctx context.Context, key string, limit int, window time.Duration, now time.Time) (bool, error) {
	if window <= 0 || key == "" {
		return false, pokot.Errorf(pokot.EINVALID, "throttle key and positive window are required")
	}
	start := now.UTC().Truncate(window)
	var n int
	err := db.w.QueryRowContext(ctx, `
		INSERT INTO throttle (key, window_start, count) VALUES ($1, $2, 1)
		ON CONFLICT (key) DO UPDATE SET
			count = CASE WHEN throttle.window_start >= excluded.window_start THEN throttle.count + 1 ELSE 1 END,
			window_start = CASE WHEN throttle.window_start >= excluded.window_start THEN throttle.window_start ELSE excluded.window_start END
		RETURNING count`,
		key, db.ts(start)).Scan(&n)
	if err != nil {
		return false, mapErr(err)
	}
	return n <= limit, nil
}

// ResetHits clears the counter for key.
func (db *DB) ResetHits(ctx context.Context, key string) error {
	_, err := db.w.ExecContext(ctx, `DELETE FROM throttle WHERE key = $1`, key)
	return mapErr(err)
}

// DeleteStaleHits removes the counters whose window started before before (e.g. a day ago,
// for windows of up to a day) and returns how many; housekeeping for a periodic task.
func (db *DB) DeleteStaleHits(ctx context.Context, before time.Time) (int, error) {
	res, err := db.w.ExecContext(ctx, `DELETE FROM throttle WHERE window_start < $1`, db.ts(before))
	if err != nil {
		return 0, mapErr(err)
	}
	n, err := res.RowsAffected()
	return int(n), mapErr(err)
}

package sqldb

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pokot/pokot"
)

// maxThrottleKey is the longest key stored as it is. Callers build keys from what a
// visitor typed (the e-mail field of the sign-in form), which only the request body limit
// bounds; PostgreSQL refuses b-tree index entries over about 2,700 bytes. A real key (a
// prefix and an address of at most 254 bytes, or an IP address) is far shorter, so that
// erasing an account still finds its address in the keys.
const maxThrottleKey = 512

// throttleKey is the stored form of key: key itself, or for a longer one (or one that is
// not UTF-8, which PostgreSQL refuses as text) its beginning as valid UTF-8 and the SHA-256
// of the whole, so that different long keys still count apart.
func throttleKey(key string) string {
	if len(key) <= maxThrottleKey && utf8.ValidString(key) {
		return key
	}
	sum := sha256.Sum256([]byte(key))
	head := strings.ToValidUTF8(key[:min(len(key), 256)], "")
	return head + "#sha256:" + hex.EncodeToString(sum[:])
}

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
		throttleKey(key), db.ts(start)).Scan(&n)
	if err != nil {
		return false, mapErr(err)
	}
	return n <= limit, nil
}

// ResetHits clears the counter for key.
func (db *DB) ResetHits(ctx context.Context, key string) error {
	_, err := db.w.ExecContext(ctx, `DELETE FROM throttle WHERE key = $1`, throttleKey(key))
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

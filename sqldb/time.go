package sqldb

import (
	"fmt"
	"time"
)

// Timestamps are stored in UTC with microsecond precision: as TIMESTAMPTZ on PostgreSQL and
// as fixed-width RFC 3339 TEXT on SQLite, where equal width makes text order time order, so
// that the same comparisons (expires_at > $1) work on both engines. ts and the scanners
// below are the only code that knows.
const sqliteTime = "2006-01-02T15:04:05.000000Z"

// timeUnit is the precision of stored timestamps.
const timeUnit = time.Microsecond

// ts converts t to the bind value of a timestamp column.
func (db *DB) ts(t time.Time) any {
	t = t.UTC().Truncate(timeUnit)
	if db.dialect == SQLite {
		return t.Format(sqliteTime)
	}
	return t
}

// tsp is ts for nullable columns.
func (db *DB) tsp(t *time.Time) any {
	if t == nil {
		return nil
	}
	return db.ts(*t)
}

// timeCol scans a NOT NULL timestamp column into a time.Time in UTC.
type timeCol struct{ t *time.Time }

func (c timeCol) Scan(src any) error {
	if src == nil {
		return fmt.Errorf("sqldb: NULL in a NOT NULL timestamp")
	}
	t, err := parseTime(src)
	if err != nil {
		return err
	}
	*c.t = t
	return nil
}

// nullTimeCol scans a nullable timestamp column into a *time.Time.
type nullTimeCol struct{ t **time.Time }

func (c nullTimeCol) Scan(src any) error {
	if src == nil {
		*c.t = nil
		return nil
	}
	t, err := parseTime(src)
	if err != nil {
		return err
	}
	*c.t = &t
	return nil
}

func parseTime(src any) (time.Time, error) {
	switch v := src.(type) {
	case time.Time:
		return v.UTC(), nil
	case string:
		return parseTimeText(v)
	case []byte:
		return parseTimeText(string(v))
	}
	return time.Time{}, fmt.Errorf("sqldb: cannot scan %T into a timestamp", src)
}

func parseTimeText(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("sqldb: timestamp %q: %w", s, err)
	}
	return t.UTC(), nil
}

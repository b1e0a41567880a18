package sqldb_test

import (
	"database/sql"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// longKey is a throttle key as a sign-in form makes it from whatever was typed in the
// e-mail field: here 3,000 characters that do not compress, past PostgreSQL's limit for
// a b-tree index entry (about 2,700 bytes), and with a multi-byte character at the cut.
func longKey(tail string) string {
	var b strings.Builder
	b.WriteString("signin:acct:")
	for i := 0; b.Len() < 3000; i++ {
		fmt.Fprintf(&b, "%x.ä", i*2654435761)
	}
	b.WriteString(tail)
	return b.String()
}

// TestHitLongKey: a key of any length is counted (no internal error on either engine),
// keys that differ only past the cut are counted apart, ResetHits finds the long key, and
// what is stored stays short.
func TestHitLongKey(t *testing.T) {
	t.Parallel()
	dsn := sqldbtest.DSN(t)
	db, err := sqldb.Open(ctx, dsn, slog.New(slog.DiscardHandler))
	must(t, err)
	t.Cleanup(func() { db.Close() })
	driver := "sqlite"
	if db.Dialect() == sqldb.Postgres {
		driver = "pgx"
	}
	raw, err := sql.Open(driver, dsn)
	must(t, err)
	t.Cleanup(func() { raw.Close() })
	a, b := longKey("a"), longKey("b")
	for i := 1; i <= 3; i++ {
		ok, err := db.Hit(ctx, a, 2, time.Hour, t0)
		if err != nil {
			t.Fatalf("hit %d: %v", i, err)
		}
		if want := i <= 2; ok != want {
			t.Fatalf("hit %d of the long key: ok %v, want %v", i, ok, want)
		}
	}
	if ok, err := db.Hit(ctx, b, 2, time.Hour, t0); err != nil || !ok {
		t.Fatalf("another long key with the same beginning: ok %v, err %v; want a count of its own", ok, err)
	}
	must(t, db.ResetHits(ctx, a))
	if ok, err := db.Hit(ctx, a, 1, time.Hour, t0); err != nil || !ok {
		t.Fatalf("after ResetHits: ok %v, err %v; want a fresh count", ok, err)
	}
	var n int
	must(t, raw.QueryRowContext(ctx, `SELECT COUNT(*) FROM throttle`).Scan(&n))
	if n != 2 {
		t.Fatalf("%d throttle rows, want the 2 long keys", n)
	}
	must(t, raw.QueryRowContext(ctx, `SELECT COUNT(*) FROM throttle WHERE LENGTH(key) > 600`).Scan(&n))
	if n != 0 {
		t.Fatalf("%d throttle keys longer than 600 characters are stored", n)
	}
	// A key that is not UTF-8 (bytes a client sent) is counted too.
	for i := 1; i <= 2; i++ {
		ok, err := db.Hit(ctx, "signin:acct:\xff\xfe@example.fi", 1, time.Hour, t0)
		if err != nil || ok != (i == 1) {
			t.Fatalf("hit %d of a key that is not UTF-8: ok %v, err %v", i, ok, err)
		}
	}
	// Short keys are stored as they are, so that erasing an account can find its address.
	_, err = db.Hit(ctx, "signin:acct:maija@example.fi", 5, time.Hour, t0)
	must(t, err)
	must(t, raw.QueryRowContext(ctx, `SELECT COUNT(*) FROM throttle WHERE key = 'signin:acct:maija@example.fi'`).Scan(&n))
	if n != 1 {
		t.Fatal("a short key is not stored as it is")
	}
}

// TestSessionSweepDeletesStaleHits: throttle keys hold e-mail addresses ("signin:acct:…"),
// so a counter is kept only while it can still count: the hourly session sweep
// (DeleteExpiredSessions) also removes counters whose window began over a day ago.
func TestSessionSweepDeletesStaleHits(t *testing.T) {
	t.Parallel()
	db := sqldbtest.New(t)
	old, recent := "signin:acct:vanha@example.fi", "signin:acct:tuore@example.fi"
	for _, h := range []struct {
		key string
		at  time.Time
	}{{old, t0.Add(-49 * time.Hour)}, {recent, t0.Add(-time.Hour)}} {
		if _, err := db.Hit(ctx, h.key, 1, 15*time.Minute, h.at); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.DeleteExpiredSessions(ctx, t0); err != nil {
		t.Fatal(err)
	}
	locs, err := db.TextLocations(ctx, "vanha@example.fi")
	must(t, err)
	if len(locs) != 0 {
		t.Fatalf("a counter from two days ago is still stored: %v", locs)
	}
	// The recent one still counts (limit 1: a second hit in its window is refused).
	if ok, err := db.Hit(ctx, recent, 1, 15*time.Minute, t0.Add(-time.Hour)); err != nil || ok {
		t.Fatalf("the recent counter was lost: ok %v, err %v", ok, err)
	}
}

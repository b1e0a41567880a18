package sqldb_test

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

var ctx = context.Background()

// t0 is a fixed "now" for the tests, with more than microsecond precision on purpose.
var t0 = time.Date(2026, 3, 14, 9, 26, 53, 589793238, time.UTC)

// wantCode fails the test unless err carries the code (and key, when given).
func wantCode(t *testing.T, err error, code string, key ...string) {
	t.Helper()
	if got := pokot.ErrorCode(err); got != code {
		t.Fatalf("error %v: code %q, want %q", err, got, code)
	}
	if len(key) > 0 {
		var e *pokot.Error
		if !errors.As(err, &e) || e.Key != key[0] {
			t.Fatalf("error %v: key %q, want %q", err, e.Key, key[0])
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

var seq atomic.Int64

func newUser(t *testing.T, db *sqldb.DB, name string) *pokot.User {
	t.Helper()
	u := &pokot.User{Email: fmt.Sprintf("user%d@example.fi", seq.Add(1)), Name: name}
	must(t, db.CreateUser(ctx, u))
	return u
}

func newOrg(t *testing.T, db *sqldb.DB, slug string) *pokot.Organisation {
	t.Helper()
	o := &pokot.Organisation{Slug: slug, Name: pokot.Text{pokot.Finnish: "Oppilaitos " + slug, pokot.Swedish: "Läroanstalt " + slug}, Country: "FI"}
	must(t, db.CreateOrg(ctx, o))
	return o
}

func fmtSlice(s []string) string { return fmt.Sprint(s) }

// openTwice opens one fresh database through two independent handles, as two processes
// sharing it would.
func openTwice(t *testing.T) [2]*sqldb.DB {
	t.Helper()
	dsn := sqldbtest.DSN(t)
	var dbs [2]*sqldb.DB
	for i := range dbs {
		db, err := sqldb.Open(ctx, dsn, nil)
		must(t, err)
		t.Cleanup(func() { db.Close() })
		dbs[i] = db
	}
	return dbs
}

// us is t at the precision of stored timestamps.
func us(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

func contextWithTimeout(d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), d)
}

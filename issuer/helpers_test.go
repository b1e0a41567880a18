package issuer_test

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/issuer"
	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

var ctx = context.Background()

// clock is a settable time for the service and the verifier.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Later is the verifier's clock: a minute ahead of the service's, because a status list
// is valid from its creation, which the database stamps, possibly in the next second.
func (c *clock) Later() time.Time { return c.Now().Add(time.Minute) }

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// newClock starts at the real time: status lists are valid from their creation, which the
// database stamps with its own clock.
func newClock() *clock { return &clock{t: time.Now().UTC().Truncate(time.Second)} }

func masterKey(t testing.TB) []byte {
	t.Helper()
	k := make([]byte, issuer.MasterKeySize)
	rand.Read(k)
	return k
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// wantCode fails the test unless err carries the code (and key, when given).
func wantCode(t *testing.T, err error, code string, key ...string) {
	t.Helper()
	if got := pokot.ErrorCode(err); got != code {
		t.Fatalf("error %v: code %q, want %q", err, got, code)
	}
	if len(key) > 0 {
		e, _ := err.(*pokot.Error)
		if e == nil || e.Key != key[0] {
			t.Fatalf("error %v: key want %q", err, key[0])
		}
	}
}

var seq atomic.Int64

// env is a fresh database with one organisation and a Service over it.
type env struct {
	db    *sqldb.DB
	svc   *issuer.Service
	org   *pokot.Organisation
	clock *clock
	key   []byte
}

func newEnv(t testing.TB, baseURL string) *env {
	t.Helper()
	db := sqldbtest.New(t)
	e := &env{db: db, clock: newClock(), key: masterKey(t)}
	var err error
	e.svc, err = issuer.New(db, e.key, baseURL, e.clock.Now)
	must(t, err)
	e.org = newOrg(t, db, "omnia")
	return e
}

func newOrg(t testing.TB, db *sqldb.DB, slug string) *pokot.Organisation {
	t.Helper()
	o := &pokot.Organisation{
		Slug:       slug,
		Name:       pokot.Text{pokot.Finnish: "Ammattiopisto " + slug, pokot.Swedish: "Yrkesinstitutet " + slug, pokot.English: "Vocational College " + slug},
		BusinessID: "0123456-7", Country: "FI", Region: "Uusimaa",
		Homepage: "https://www." + slug + ".fi", LogoURL: "https://www." + slug + ".fi/logo.png",
	}
	must(t, db.CreateOrg(ctx, o))
	return o
}

// unsigned returns the OB 3.0 implementation guide's credential with a fresh id.
func unsigned(t testing.TB) map[string]any {
	t.Helper()
	b, err := os.ReadFile("testdata/ob3-ldp-unsigned.json")
	must(t, err)
	var doc map[string]any
	must(t, json.Unmarshal(b, &doc))
	doc["id"] = fmt.Sprintf("https://pokot.example.fi/credentials/%d", seq.Add(1))
	return doc
}

// failed returns the names of the checks that failed.
func failed(r credential.Result) []string {
	var out []string
	for _, c := range r.Checks {
		if !c.OK {
			out = append(out, c.Name+": "+c.Message)
		}
	}
	return out
}

// check returns the check called name.
func check(r credential.Result, name string) credential.Check {
	for _, c := range r.Checks {
		if c.Name == name {
			return c
		}
	}
	return credential.Check{Name: name, Message: "not run"}
}

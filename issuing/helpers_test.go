package issuing_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/issuer"
	"github.com/pokot/pokot/issuing"
	"github.com/pokot/pokot/issuing/issuingtest"
	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

var ctx = context.Background()

const baseURL = issuingtest.BaseURL

var _ issuing.Store = (*sqldb.DB)(nil)

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func wantCode(t testing.TB, err error, code, key string) {
	t.Helper()
	var e *pokot.Error
	if pokot.ErrorCode(err) != code || !asErr(err, &e) || e.Key != key {
		t.Fatalf("error %v: want %s %s", err, code, key)
	}
}

// clock is a settable clock for the job queue's leases.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// env is a database with an organisation, a published two-outcome POK, an offering whose
// learners have all passed, and the services to issue their credentials.
type env struct {
	dsn      string
	db       *sqldb.DB
	master   []byte
	iss      *issuer.Service
	fx       *issuingtest.Org
	org      *pokot.Organisation
	admin    *pokot.User
	assessor *pokot.User
	mc       *pokot.Microcredential
	offering *pokot.Offering
	clock    *clock
	learners []string
}

func newEnv(t testing.TB, learners int) *env {
	t.Helper()
	e := &env{dsn: sqldbtest.DSN(t), clock: &clock{t: time.Now().UTC().Add(time.Hour)}}
	var err error
	e.db, err = sqldb.Open(ctx, e.dsn, nil)
	must(t, err)
	t.Cleanup(func() { e.db.Close() })
	e.iss, e.master = issuingtest.Issuer(t, e.db)
	e.fx = issuingtest.NewOrg(t, e.db, "omnia")
	e.org, e.admin, e.assessor = e.fx.Org, e.fx.Admin, e.fx.Assessor
	e.mc = e.fx.Publish(t, issuingtest.Content())
	e.offering = e.fx.Offer(t, e.mc.ID, max(learners, 1))
	e.enrolPassed(t, e.offering, learners)
	return e
}

// enrolPassed registers n learners in o and imports a pass on every outcome for each.
func (e *env) enrolPassed(t testing.TB, o *pokot.Offering, n int) {
	t.Helper()
	ls := issuingtest.Learners(fmt.Sprintf("learner-%d-", o.ID), n)
	e.learners = append(e.learners, ls...)
	e.fx.Register(t, o, ls...)
	e.fx.Pass(t, o, ls...)
}

// service returns an issuing service over db (e.db when nil).
func (e *env) service(db *sqldb.DB, worker string, chunk int) *issuing.Service {
	return e.serviceLease(db, worker, chunk, 0)
}

// issueAll has one worker issue a batch of every learner of e.offering and returns the
// worker and the credentials, checked with checkExactlyOnce (verifying them).
func (e *env) issueAll(t *testing.T) (*issuing.Service, []*pokot.IssuedCredential) {
	t.Helper()
	s := e.service(nil, "w", 0)
	e.fx.Issue(t, s, e.offering)
	return s, checkExactlyOnce(t, e, e.offering, e.learners, true)
}

// serviceLease is service with a lease (0 for the default).
func (e *env) serviceLease(db *sqldb.DB, worker string, chunk int, lease time.Duration) *issuing.Service {
	if db == nil {
		db = e.db
	}
	iss, err := issuer.New(db, e.master, baseURL, nil)
	if err != nil {
		panic(err)
	}
	return issuing.New(db, iss, issuing.Options{BaseURL: baseURL, Worker: worker, Chunk: chunk, Now: e.clock.Now, Poll: 10 * time.Millisecond, Lease: lease})
}

// verifier resolves the organisation's DID document and revocation lists from what the
// platform publishes, as `pokot verify --resolve` does: nothing else.
func (e *env) verifier(t testing.TB) *credential.Verifier {
	t.Helper()
	return e.fx.Verifier(t, e.iss)
}

package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	domain "github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
	"github.com/pokot/pokot/issuing/issuingtest"
	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// crashLearners is the size of the batch that is killed mid-way: four chunks.
const crashLearners = 4 * e2eChunk

// e2eChunk is the issuing chunk of the e2e servers, smaller than the default 500 so that
// a batch of several chunks signs quickly under the race detector; e2eIssueEnv sets it and
// a short lease, so that a batch whose process was killed is taken over within seconds.
const e2eChunk = 100

var e2eIssueEnv = []string{"POKOT_ISSUE_CHUNK=" + strconv.Itoa(e2eChunk), "POKOT_ISSUE_LEASE=6s"}

// TestServeKilledMidBatch is the end-to-end proof of exactly-once issuing: `pokot serve`
// is killed with SIGKILL in the middle of an issue batch, started again on the same
// database and master key, and finishes the batch by itself. Every learner then has exactly
// one issued credential, no revocation status index is used twice, exactly one e-mail per
// learner is queued, and the credentials verify against the DID document and status list
// that the restarted server publishes.
func TestServeKilledMidBatch(t *testing.T) {
	bin := buildPokot(t)
	onEachEngine(t, func(t *testing.T, dir, dsn string, db *sqldb.DB) { crashMidBatch(t, bin, dir, dsn, db) })
}

// onEachEngine runs run as the subtest "sqlite", on a file in a temporary folder, and as
// "postgres", on a fresh database of POKOT_TEST_POSTGRES (skipped when it is not set); run
// gets the folder, the DSN and the database opened, which is closed when run returns.
func onEachEngine(t *testing.T, run func(t *testing.T, dir, dsn string, db *sqldb.DB)) {
	open := func(t *testing.T, dir, dsn string) {
		db, err := sqldb.Open(context.Background(), dsn, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		run(t, dir, dsn, db)
	}
	t.Run("sqlite", func(t *testing.T) {
		dir := t.TempDir()
		open(t, dir, filepath.Join(dir, "pokot.db"))
	})
	t.Run("postgres", func(t *testing.T) {
		if os.Getenv(sqldbtest.EnvPostgres) == "" {
			t.Skip(sqldbtest.EnvPostgres + " not set")
		}
		open(t, t.TempDir(), sqldbtest.DSN(t))
	})
}

func crashMidBatch(t *testing.T, bin, dir, dsn string, db *sqldb.DB) {
	ctx := context.Background()
	fx := issuingtest.NewOrg(t, db, "kaatuva")
	learners := issuingtest.Learners("oppija", crashLearners)
	offering := fx.PassedOffering(t, fx.Publish(t, issuingtest.Content()).ID, learners...)
	org := fx.Org
	batch, err := db.StartIssueBatch(ctx, org.ID, offering.ID, offering.Assessors[0])
	if err != nil {
		t.Fatal(err)
	}
	if batch.Total != crashLearners {
		t.Fatalf("batch of %d, want %d", batch.Total, crashLearners)
	}

	// A fixed port, so that both runs have the same public URL (and so the same did:web).
	addr := freeAddr(t)
	env := append([]string{"POKOT_SECRET_KEY_FILE=" + filepath.Join(dir, "master.key")}, e2eIssueEnv...)
	args := []string{"--addr", addr, "--db", dsn}

	first := startServe(t, bin, dir, env, args...)
	// Kill it best while a chunk is reserved but not stored (pending rows that the restart
	// must sign again with their own ids and indices), or else between chunks once half the
	// batch is done.
	progress := waitBatch(t, db, org.ID, batch.ID, first, 2*time.Minute, func(b *domain.IssueBatch) bool {
		if b.Done == 0 {
			return false
		}
		if b.Done >= crashLearners/2 {
			return true
		}
		cs, err := db.IssuedCredentials(ctx, org.ID, offering.ID)
		return err == nil && len(cs) > b.Done
	})
	if progress.Done >= crashLearners {
		t.Fatalf("the batch finished before the kill (%d done): nothing was proved", progress.Done)
	}
	if err := first.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-first.done

	// The database shows a batch cut short: some credentials issued, the rest not.
	killed, err := db.IssueBatch(ctx, org.ID, batch.ID)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := db.IssuedCredentials(ctx, org.ID, offering.ID)
	if err != nil {
		t.Fatal(err)
	}
	issuedAtKill := 0
	pending := map[string]string{} // credential id → status index of the reservations
	for _, c := range cs {
		if c.State != domain.CredentialPending {
			issuedAtKill++
		} else {
			pending[c.CredentialID] = fmt.Sprintf("%d/%d", c.StatusList, c.StatusIndex)
		}
	}
	t.Logf("killed with %d of %d issued, %d reserved and not stored, batch %s", killed.Done, killed.Total, len(pending), killed.Status)
	if killed.Status != domain.BatchRunning || killed.Done == 0 || killed.Done >= crashLearners || issuedAtKill != killed.Done {
		t.Fatalf("after the kill: batch %+v, %d issued rows", killed, issuedAtKill)
	}

	restarted := time.Now()
	second := startServe(t, bin, dir, env, args...)
	waitBatch(t, db, org.ID, batch.ID, second, 3*time.Minute, func(b *domain.IssueBatch) bool {
		return b.Status == domain.BatchDone || b.Status == domain.BatchFailed
	})
	t.Logf("the restarted server finished the batch in %s", time.Since(restarted).Round(100*time.Millisecond))
	done, err := db.IssueBatch(ctx, org.ID, batch.ID)
	if err != nil {
		t.Fatal(err)
	}
	if done.Status != domain.BatchDone || done.Done != crashLearners || done.Failed != 0 {
		t.Fatalf("batch after the restart: %+v", done)
	}
	cs = checkIssuedOnce(t, db, org, offering, learners)
	for _, c := range cs {
		if idx, ok := pending[c.CredentialID]; ok {
			if idx != fmt.Sprintf("%d/%d", c.StatusList, c.StatusIndex) {
				t.Errorf("reserved credential %s changed its status index from %s", c.CredentialID, idx)
			}
			delete(pending, c.CredentialID)
		}
	}
	if len(pending) > 0 {
		t.Errorf("%d reservations made before the kill were not issued under their own ids", len(pending))
	}
	verifySample(t, second.url, org, db, offering)
	if code := second.stop(t); code != 0 {
		t.Errorf("exit code %d", code)
	}
}

// waitBatch polls the batch until ok, failing when the server exits or the time runs out.
func waitBatch(t *testing.T, db *sqldb.DB, orgID, id int64, s *server, limit time.Duration, ok func(*domain.IssueBatch) bool) *domain.IssueBatch {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		b, err := db.IssueBatch(context.Background(), orgID, id)
		if err != nil {
			t.Fatal(err)
		}
		if ok(b) {
			return b
		}
		if time.Now().After(deadline) {
			t.Fatalf("batch still %+v after %s", b, limit)
		}
		select {
		case <-s.done:
			t.Fatalf("serve exited: %v", s.cmd.ProcessState)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// checkIssuedOnce asserts one issued credential per learner, distinct credential ids and
// status indices, and one queued e-mail per learner; it returns the credentials.
func checkIssuedOnce(t *testing.T, db *sqldb.DB, org *domain.Organisation, o *domain.Offering, learners []string) []*domain.IssuedCredential {
	t.Helper()
	ctx := context.Background()
	cs, err := db.IssuedCredentials(ctx, org.ID, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	perLearner := map[string]int{}
	ids := map[string]bool{}
	indices := map[string]string{}
	for _, c := range cs {
		if c.State != domain.CredentialIssued || len(c.Signed) == 0 {
			t.Errorf("%s: state %s, %d bytes signed", c.Email, c.State, len(c.Signed))
		}
		perLearner[c.Email]++
		if ids[c.CredentialID] {
			t.Errorf("credential id %s used twice", c.CredentialID)
		}
		ids[c.CredentialID] = true
		idx := fmt.Sprintf("%d/%d", c.StatusList, c.StatusIndex)
		if other, ok := indices[idx]; ok {
			t.Errorf("status index %s used by %s and %s", idx, other, c.Email)
		}
		indices[idx] = c.Email
	}
	for _, l := range learners {
		if perLearner[l] != 1 {
			t.Errorf("%s has %d credentials", l, perLearner[l])
		}
	}
	if len(cs) != len(learners) {
		t.Errorf("%d credentials for %d learners", len(cs), len(learners))
	}

	mails := map[string]int{}
	for offset := 0; ; offset += 500 {
		ms, total, err := db.Outbox(ctx, 500, offset)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			mails[strings.ToLower(m.To)]++
		}
		if offset+500 >= total {
			break
		}
	}
	sent := 0
	for _, l := range learners {
		if mails[l] != 1 {
			t.Errorf("%s got %d e-mails", l, mails[l])
		}
		sent += mails[l]
	}
	if sent != len(learners) {
		t.Errorf("%d e-mails to %d learners", sent, len(learners))
	}
	return cs
}

// verifySample verifies every 40th credential (and the first and last) with
// credential.Verifier: the DID document is fetched from the running server (did:web
// names https, the test server speaks http, so it goes in as an override, as `pokot verify
// --resolve` does), the status list is fetched by the resolver from its URL in the
// credential, which is the running server's.
func verifySample(t *testing.T, base string, org *domain.Organisation, db *sqldb.DB, o *domain.Offering) {
	t.Helper()
	ctx := context.Background()
	cs, err := db.IssuedCredentials(ctx, org.ID, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	didURL := base + "/orgs/" + org.Slug + "/did.json"
	resp, err := http.Get(didURL)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %s", didURL, resp.Status)
	}
	r := &key.Resolver{AllowPrivate: true, AllowHTTP: true, CacheTTL: time.Minute,
		Overrides: map[string][]byte{"https://" + strings.TrimPrefix(didURL, "http://"): doc}}
	v := &credential.Verifier{Resolver: r, Now: func() time.Time { return time.Now().Add(time.Minute) }}
	checked := 0
	for i, c := range cs {
		if i%40 != 0 && i != len(cs)-1 {
			continue
		}
		res := v.Verify(ctx, c.Email, c.Signed)
		if !res.Verified {
			t.Errorf("%s (%s) does not verify: %+v", c.CredentialID, c.Email, res.Checks)
		}
		checked++
	}
	// The same verifier refuses a credential changed after signing: the checks above mean
	// something.
	forged := strings.Replace(string(cs[0].Signed), cs[0].CredentialID, "urn:uuid:00000000-0000-4000-8000-000000000000", 1)
	if forged == string(cs[0].Signed) {
		t.Fatal("the credential does not contain its id")
	}
	if res := v.Verify(ctx, "forged", []byte(forged)); res.Verified {
		t.Error("a changed credential verified")
	}
	t.Logf("verified %d credentials", checked)
}

// freeAddr returns a loopback address with a port that was free a moment ago.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	domain "github.com/pokot/pokot"
	"github.com/pokot/pokot/issuing/issuingtest"
	"github.com/pokot/pokot/sqldb"
)

const (
	// twoProcFirst is the size of the batch whose worker is killed: eight chunks, long
	// enough for the other process (polling every 2 s) to claim the second batch meanwhile.
	twoProcFirst = 8 * e2eChunk
	// twoProcSecond is the size of the batch queued while the first one runs.
	twoProcSecond = e2eChunk
)

// TestTwoServesShareBatchQueue runs two `pokot serve` processes on one database, so that
// their issuing workers share one batch queue. A batch is queued; one process claims it and
// is killed with SIGKILL after it has stored part of it; a second batch, queued while the
// first ran, goes to the other process, which also takes the killed process's batch over
// once its lease runs out. Across both batches every learner then has exactly one
// credential, no revocation status index is used twice (the two processes allocated from
// the organisation's one status list at the same time), every learner got one e-mail, and
// the credentials verify against the DID document and status lists the survivor publishes.
func TestTwoServesShareBatchQueue(t *testing.T) {
	bin := buildPokot(t)
	// Two processes on one SQLite file: WAL, a busy timeout and IMMEDIATE write
	// transactions make their writes take turns.
	onEachEngine(t, func(t *testing.T, dir, dsn string, db *sqldb.DB) { twoServesShareQueue(t, bin, dir, dsn, db) })
}

func twoServesShareQueue(t *testing.T, bin, dir, dsn string, db *sqldb.DB) {
	ctx := context.Background()
	s := issuingtest.NewOrg(t, db, "kaatuva")
	mc := s.Publish(t, issuingtest.Content())
	l1, l2 := issuingtest.Learners("eka", twoProcFirst), issuingtest.Learners("toka", twoProcSecond)
	o1, o2 := s.PassedOffering(t, mc.ID, l1...), s.PassedOffering(t, mc.ID, l2...)

	// Both processes name one public address in what they issue (as behind a load
	// balancer); at the end a proxy on it forwards to the survivor, so the credentials'
	// DID and status list URLs resolve.
	public := freeAddr(t)
	env := append([]string{"POKOT_SECRET_KEY_FILE=" + filepath.Join(dir, "master.key")}, e2eIssueEnv...)
	args := []string{"--addr", "127.0.0.1:0", "--db", dsn, "--base-url", "http://" + public}
	// One after the other, so that the master key file is made once.
	servers := []*server{startServe(t, bin, dir, env, args...), startServe(t, bin, dir, env, args...)}
	host, _ := os.Hostname()
	workerOf := func(s *server) string { return host + ":" + strconv.Itoa(s.cmd.Process.Pid) }

	b1, err := db.StartIssueBatch(ctx, s.Org.ID, o1.ID, s.Assessor.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Whichever process claims the batch is the one that will be killed.
	job1 := waitJob(t, db, b1.JobID, servers, time.Minute, func(j *domain.Job) bool { return j.Worker != "" })
	var victim, survivor *server
	switch job1.Worker {
	case workerOf(servers[0]):
		victim, survivor = servers[0], servers[1]
	case workerOf(servers[1]):
		victim, survivor = servers[1], servers[0]
	default:
		t.Fatalf("batch claimed by %q, not by %q or %q", job1.Worker, workerOf(servers[0]), workerOf(servers[1]))
	}
	// The victim is busy with the first batch (a worker runs one batch at a time), so the
	// second one can only go to the survivor.
	b2, err := db.StartIssueBatch(ctx, s.Org.ID, o2.ID, s.Assessor.ID)
	if err != nil {
		t.Fatal(err)
	}

	// Kill the victim once it has stored a chunk, and preferably once the survivor has
	// claimed the second batch (both working at once); at the latest during the last chunk.
	var job2 *domain.Job
	atKill := waitBatch(t, db, s.Org.ID, b1.ID, victim, 3*time.Minute, func(b *domain.IssueBatch) bool {
		if b.Done == 0 {
			return false
		}
		job2, err = db.Job(ctx, b2.JobID)
		if err != nil {
			t.Fatal(err)
		}
		return job2.Worker == workerOf(survivor) || b.Done >= twoProcFirst-e2eChunk
	})
	if atKill.Done >= twoProcFirst {
		t.Fatalf("the first batch finished before the kill (%d done): nothing was proved", atKill.Done)
	}
	if err := victim.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-victim.done
	killed, err := db.IssueBatch(ctx, s.Org.ID, b1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if killed.Done == 0 || killed.Done >= twoProcFirst || killed.Status != domain.BatchRunning {
		t.Fatalf("first batch after the kill: %+v", killed)
	}
	t.Logf("victim killed with %d of %d of its batch issued; the second batch was claimed by the survivor before the kill: %v",
		killed.Done, killed.Total, job2.Worker == workerOf(survivor))

	// The survivor finishes the second batch, and takes the first over after its lease.
	for _, b := range []*domain.IssueBatch{b2, b1} {
		waitBatch(t, db, s.Org.ID, b.ID, survivor, 3*time.Minute, func(b *domain.IssueBatch) bool {
			return b.Status == domain.BatchDone || b.Status == domain.BatchFailed
		})
	}
	for _, b := range []*domain.IssueBatch{b1, b2} {
		done, err := db.IssueBatch(ctx, s.Org.ID, b.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := map[int64]int{b1.ID: twoProcFirst, b2.ID: twoProcSecond}[b.ID]
		if done.Status != domain.BatchDone || done.Done != want || done.Failed != 0 {
			t.Errorf("batch %d: %+v", b.ID, done)
		}
		// The job is completed just after the batch's last chunk, in a transaction of its own.
		j := waitJob(t, db, b.JobID, []*server{survivor}, time.Minute, func(j *domain.Job) bool { return j.Status == domain.JobDone })
		// Both jobs end with the survivor; the first was claimed twice (victim, survivor).
		wantAttempts := map[int64]int{b1.ID: 2, b2.ID: 1}[b.ID]
		if j.Status != domain.JobDone || j.Worker != workerOf(survivor) || j.Attempts != wantAttempts {
			t.Errorf("job of batch %d: status %s, worker %s, %d attempts; want done by %s after %d",
				b.ID, j.Status, j.Worker, j.Attempts, workerOf(survivor), wantAttempts)
		}
	}

	cs := append(checkIssuedOnce(t, db, s.Org, o1, l1), checkIssuedOnce(t, db, s.Org, o2, l2)...)
	indices := map[string]string{}
	for _, c := range cs {
		idx := fmt.Sprintf("%d/%d", c.StatusList, c.StatusIndex)
		if other, ok := indices[idx]; ok {
			t.Errorf("status index %s used by %s and %s", idx, other, c.Email)
		}
		indices[idx] = c.Email
	}
	if len(indices) != twoProcFirst+twoProcSecond {
		t.Errorf("%d distinct status indices for %d credentials", len(indices), twoProcFirst+twoProcSecond)
	}

	proxyTo(t, public, survivor.url)
	verifySample(t, "http://"+public, s.Org, db, o1)
	verifySample(t, "http://"+public, s.Org, db, o2)
	if code := survivor.stop(t); code != 0 {
		t.Errorf("exit code %d", code)
	}
}

// waitJob polls a job until ok, failing when a server exits or the time runs out.
func waitJob(t *testing.T, db *sqldb.DB, id int64, servers []*server, limit time.Duration, ok func(*domain.Job) bool) *domain.Job {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		j, err := db.Job(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if ok(j) {
			return j
		}
		if time.Now().After(deadline) {
			t.Fatalf("job still %+v after %s", j, limit)
		}
		for _, s := range servers {
			select {
			case <-s.done:
				t.Fatalf("serve exited: %v", s.cmd.ProcessState)
			default:
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// proxyTo serves addr as a reverse proxy to target until the test ends.
func proxyTo(t *testing.T, addr, target string) {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: httputil.NewSingleHostReverseProxy(u), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
}

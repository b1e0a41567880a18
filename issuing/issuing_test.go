package issuing_test

import (
	"encoding/json"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/issuing"
	"github.com/pokot/pokot/sqldb"
)

func asErr(err error, e **pokot.Error) bool { return errors.As(err, e) }

// checkExactlyOnce asserts that every learner of the env's offering holds exactly one
// issued credential that verifies, that exactly one e-mail went to each, and that no
// status index was allocated beyond one per credential.
func checkExactlyOnce(t *testing.T, e *env, o *pokot.Offering, learners []string, verify bool) []*pokot.IssuedCredential {
	t.Helper()
	cs, err := e.db.IssuedCredentials(ctx, e.org.ID, o.ID)
	must(t, err)
	if len(cs) != len(learners) {
		t.Fatalf("%d credentials for %d learners", len(cs), len(learners))
	}
	byEmail, ids := map[string]bool{}, map[string]bool{}
	for _, c := range cs {
		if c.State != pokot.CredentialIssued || byEmail[c.Email] || ids[c.CredentialID] || len(c.Signed) == 0 {
			t.Fatalf("credential %s of %s: state %s, seen %v/%v", c.CredentialID, c.Email, c.State, byEmail[c.Email], ids[c.CredentialID])
		}
		byEmail[c.Email], ids[c.CredentialID] = true, true
	}
	for _, l := range learners {
		if !byEmail[l] {
			t.Fatalf("%s has no credential", l)
		}
	}
	mails, total, err := e.db.Outbox(ctx, 100000, 0)
	must(t, err)
	perLearner := map[string]int{}
	for _, m := range mails {
		perLearner[m.To]++
	}
	for _, l := range learners {
		if perLearner[l] != 1 {
			t.Fatalf("%s got %d e-mails (of %d)", l, perLearner[l], total)
		}
	}
	if verify {
		v := e.verifier(t)
		for _, c := range cs {
			r := v.Verify(ctx, c.CredentialID, c.Signed)
			if !r.Verified {
				t.Fatalf("%s does not verify: %+v", c.CredentialID, r.Failed())
			}
		}
	}
	return cs
}

func statusUsed(t *testing.T, e *env) int {
	t.Helper()
	l, err := e.db.StatusList(ctx, e.org.ID, pokot.StatusMessage, 1)
	must(t, err)
	return l.Used
}

func TestBatchIssuesEveryLearnerOnce(t *testing.T) {
	e := newEnv(t, 12)
	b, err := e.db.StartIssueBatch(ctx, e.org.ID, e.offering.ID, e.assessor.ID)
	must(t, err)
	if b.Total != 12 || b.Status != pokot.BatchQueued || b.JobID == 0 {
		t.Fatalf("batch %+v", b)
	}
	_, err = e.db.StartIssueBatch(ctx, e.org.ID, e.offering.ID, e.assessor.ID)
	wantCode(t, err, pokot.ECONFLICT, "err.issue.batch_running")
	other := e.fx.User(t, "designer2@omnia.fi", pokot.RoleDesigner)
	_, err = e.db.StartIssueBatch(ctx, e.org.ID, e.offering.ID, other.ID)
	wantCode(t, err, pokot.EFORBIDDEN, "err.issue.forbidden")

	s := e.service(nil, "w1", 5)
	ran, err := s.RunOnce(ctx)
	must(t, err)
	if !ran {
		t.Fatal("no job ran")
	}
	got, err := e.db.IssueBatch(ctx, e.org.ID, b.ID)
	must(t, err)
	if got.Status != pokot.BatchDone || got.Total != 12 || got.Done != 12 || got.Failed != 0 || got.FinishedAt == nil {
		t.Fatalf("progress %+v", got)
	}
	cs := checkExactlyOnce(t, e, e.offering, e.learners, true)
	if used := statusUsed(t, e); used != 12 {
		t.Fatalf("%d status indices for 12 credentials", used)
	}
	// The credential carries the Annex I elements, the learner's hashed e-mail, the grade
	// and the assessment date (KOSKI).
	var doc map[string]any
	must(t, json.Unmarshal(cs[0].Signed, &doc))
	subj := doc["credentialSubject"].(map[string]any)
	ident := subj["identifier"].([]any)[0].(map[string]any)
	if ident["identityHash"] != cs[0].IdentityHash || ident["salt"] != cs[0].Salt || subj["activityEndDate"] != "2026-10-21T00:00:00Z" {
		t.Fatalf("subject %v", subj)
	}
	if doc["id"] != cs[0].CredentialID || subj["result"].([]any)[1].(map[string]any)["value"] != "hyväksytty" {
		t.Fatalf("credential %v", doc)
	}
	ach := subj["achievement"].(map[string]any)
	if ach["name"] != "Turvallinen työ" || ach["achievementType"] == nil {
		t.Fatalf("achievement %v", ach)
	}
	mine, err := e.db.CredentialsOfEmail(ctx, e.learners[0])
	must(t, err)
	if len(mine) != 1 {
		t.Fatalf("wallet: %d", len(mine))
	}

	// Nobody is left: a new batch is refused, and running the finished batch again
	// changes nothing.
	_, err = e.db.StartIssueBatch(ctx, e.org.ID, e.offering.ID, e.assessor.ID)
	wantCode(t, err, pokot.EINVALID, "err.issue.none_eligible")
	must(t, s.RunBatch(ctx, e.org.ID, b.ID))
	checkExactlyOnce(t, e, e.offering, e.learners, false)
}

// TestBatchRetried runs one batch three times, twice at once on two database handles (as
// two processes): one credential per learner.
func TestBatchRetried(t *testing.T) {
	e := newEnv(t, 20)
	b, err := e.db.StartIssueBatch(ctx, e.org.ID, e.offering.ID, e.admin.ID)
	must(t, err)
	db2, err := sqldb.Open(ctx, e.dsn, nil)
	must(t, err)
	defer db2.Close()
	var wg sync.WaitGroup
	errs := make([]error, 2)
	stored := make([]int, 2)
	for i, db := range []*sqldb.DB{e.db, db2} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := e.service(db, "w", 3)
			s.SetHook(func(stage string, chunk int) {
				if stage == "stored" {
					stored[i]++
				}
			})
			errs[i] = s.RunBatch(ctx, e.org.ID, b.ID)
		}()
	}
	wg.Wait()
	must(t, errors.Join(errs...))
	t.Logf("chunks stored by each: %v", stored)
	must(t, e.service(nil, "w", 3).RunBatch(ctx, e.org.ID, b.ID))
	checkExactlyOnce(t, e, e.offering, e.learners, true)
	if used := statusUsed(t, e); used != 20 {
		t.Fatalf("%d status indices for 20 credentials", used)
	}
	got, err := e.db.IssueBatch(ctx, e.org.ID, b.ID)
	must(t, err)
	if got.Done != 20 || got.Status != pokot.BatchDone {
		t.Fatalf("progress %+v", got)
	}
}

// TestTwoProcesses runs two workers on two database handles (as two processes) over one
// queue of three batches, with a lease so short that each takes over the other's jobs.
func TestTwoProcesses(t *testing.T) {
	e := newEnv(t, 15)
	offerings := []*pokot.Offering{e.offering}
	learners := map[int64][]string{e.offering.ID: e.learners}
	for i := 0; i < 2; i++ {
		o := *e.offering
		o.ID, o.Assessors = 0, []int64{e.assessor.ID}
		must(t, e.db.CreateOffering(ctx, &o, e.admin.ID))
		e.learners = nil
		e.enrolPassed(t, &o, 15)
		offerings = append(offerings, &o)
		learners[o.ID] = e.learners
	}
	for _, o := range offerings {
		_, err := e.db.StartIssueBatch(ctx, e.org.ID, o.ID, e.assessor.ID)
		must(t, err)
	}
	db2, err := sqldb.Open(ctx, e.dsn, nil)
	must(t, err)
	defer db2.Close()
	// A lease of a nanosecond has run out by the time the other worker looks: both work on
	// the same batch at once.
	ws := []*issuing.Service{e.serviceLease(e.db, "p1", 4, time.Nanosecond), e.serviceLease(db2, "p2", 4, time.Nanosecond)}
	for round := 0; round < 50; round++ {
		var wg sync.WaitGroup
		for _, w := range ws {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := w.RunOnce(ctx); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		depth, err := e.db.JobQueueDepth(ctx)
		must(t, err)
		if depth[pokot.JobIssueBatch] == 0 {
			break
		}
	}
	total := 0
	for _, o := range offerings {
		checkExactlyOnce(t, e, o, learners[o.ID], false)
		total += len(learners[o.ID])
	}
	if used := statusUsed(t, e); used != total {
		t.Fatalf("%d status indices for %d credentials", used, total)
	}
}

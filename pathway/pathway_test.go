package pathway_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/jsonld"
	"github.com/pokot/pokot/pathway"
)

// after issues mc to the learner and runs the hook, as the issuing worker does; it returns
// the POK credential and the pathway credentials the hook issued.
func (e *env) after(t *testing.T, mc *pokot.Microcredential, learner string) (*pokot.IssuedCredential, []*pokot.PathwayCredential) {
	t.Helper()
	c := e.issue(t, mc, learner)[0]
	got, err := e.pathways.AfterIssued(ctx, c)
	must(t, err)
	return c, got
}

func progress(t *testing.T, e *env, p *pokot.Pathway, learner string) *pokot.PathwayProgress {
	t.Helper()
	prs, err := e.db.PathwayProgress(ctx, p, learner)
	must(t, err)
	if len(prs) != 1 {
		t.Fatalf("progress of %s: %d rows", learner, len(prs))
	}
	return prs[0]
}

func TestAllOfThreeCompletesOnlyAfterTheThird(t *testing.T) {
	e := newEnv(t, 4)
	p := e.define(t, 0, e.mcs[0], e.mcs[1], e.mcs[2])
	const l = "liisa@example.fi"
	var stacked []string
	for i, mc := range []*pokot.Microcredential{e.mcs[0], e.mcs[3], e.mcs[1]} {
		c, got := e.after(t, mc, l)
		if len(got) != 0 {
			t.Fatalf("step %d: a pathway credential after %d members", i, len(stacked))
		}
		if mc != e.mcs[3] {
			stacked = append(stacked, c.CredentialID)
		}
	}
	pr := progress(t, e, p, l)
	if len(pr.Held) != 2 || pr.Need != 3 || pr.Complete || pr.Percent() != 66 || pr.CredentialID != "" {
		t.Fatalf("progress before the third: %+v", pr)
	}
	c, got := e.after(t, e.mcs[2], l)
	stacked = append(stacked, c.CredentialID)
	if len(got) != 1 || got[0].PathwayID != p.ID || got[0].State != pokot.CredentialIssued || !slices.Equal(got[0].Stacked, stacked) {
		t.Fatalf("after the third: %+v", got)
	}
	pr = progress(t, e, p, l)
	if !pr.Complete || pr.Percent() != 100 || pr.CredentialID != got[0].CredentialID {
		t.Fatalf("progress after the third: %+v", pr)
	}
	// Another learner with two of three has nothing.
	e.after(t, e.mcs[0], "ville@example.fi")
	_, got = e.after(t, e.mcs[1], "ville@example.fi")
	if len(got) != 0 {
		t.Fatalf("two of three issued %+v", got)
	}
	all, err := e.db.PathwayProgress(ctx, p, "")
	must(t, err)
	if len(all) != 2 || all[0].Email != l || !all[0].Complete || all[1].Complete || len(all[1].Held) != 2 {
		t.Fatalf("the organisation's list: %+v %+v", all[0], all[1])
	}
}

func TestAnyTwoOfFourCompletesAfterTheSecond(t *testing.T) {
	e := newEnv(t, 4)
	p := e.define(t, 2, e.mcs...)
	const l = "liisa@example.fi"
	if _, got := e.after(t, e.mcs[3], l); len(got) != 0 {
		t.Fatalf("one of four issued %+v", got)
	}
	c2, got := e.after(t, e.mcs[1], l)
	if len(got) != 1 || len(got[0].Stacked) != 2 || got[0].Stacked[0] != c2.CredentialID {
		t.Fatalf("after the second: %+v", got)
	}
	// A third member credential changes nothing.
	if _, again := e.after(t, e.mcs[0], l); len(again) != 0 {
		t.Fatalf("the third member issued again: %+v", again)
	}
	pcs, err := e.db.PathwayCredentialsOfEmail(ctx, l)
	must(t, err)
	if len(pcs) != 1 || pcs[0].CredentialID != got[0].CredentialID {
		t.Fatalf("pathway credentials %+v", pcs)
	}
	if pr := progress(t, e, p, l); len(pr.Held) != 3 || pr.Need != 2 || pr.Percent() != 100 {
		t.Fatalf("progress %+v", pr)
	}
}

func TestRevokedMemberCredentialDoesNotCount(t *testing.T) {
	e := newEnv(t, 3)
	p := e.define(t, 2, e.mcs...)
	const l = "liisa@example.fi"
	c0, _ := e.after(t, e.mcs[0], l)
	org, err := e.db.OrgByID(ctx, e.org.ID)
	must(t, err)
	must(t, e.issuing.Revoke(ctx, org, c0.CredentialID, "väärä henkilö"))
	c1, got := e.after(t, e.mcs[1], l)
	if len(got) != 0 {
		t.Fatalf("a revoked credential counted: %+v", got)
	}
	if pr := progress(t, e, p, l); len(pr.Held) != 1 || pr.Held[0].CredentialID != c1.CredentialID {
		t.Fatalf("progress %+v", pr)
	}
	// The revoked one cannot complete it through the hook either.
	c0, err = e.db.IssuedCredential(ctx, e.org.ID, c0.CredentialID)
	must(t, err)
	if got, err := e.pathways.AfterIssued(ctx, c0); err != nil || len(got) != 0 {
		t.Fatalf("hook on a revoked credential: %v %+v", err, got)
	}
	c2, got := e.after(t, e.mcs[2], l)
	if len(got) != 1 || !slices.Equal(got[0].Stacked, []string{c1.CredentialID, c2.CredentialID}) {
		t.Fatalf("stacked %+v", got)
	}
}

func TestRetryingCompletionIssuesNothingTwice(t *testing.T) {
	e := newEnv(t, 2)
	p := e.define(t, 0, e.mcs...)
	const l = "liisa@example.fi"
	c0 := e.issue(t, e.mcs[0], l)[0]
	c1 := e.issue(t, e.mcs[1], l)[0]
	// Eight callers at once, as a retried worker, a page view and a sweep could be.
	var wg sync.WaitGroup
	var mu sync.Mutex
	var issued []*pokot.PathwayCredential
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var got []*pokot.PathwayCredential
			var err error
			switch i % 4 {
			case 0:
				got, err = e.pathways.AfterIssued(ctx, c0)
			case 1:
				got, err = e.pathways.AfterIssued(ctx, c1)
			case 2:
				got, err = e.pathways.CheckLearner(ctx, e.org.ID, l)
			case 3:
				got, err = e.pathways.Sweep(ctx, p)
			}
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			issued = append(issued, got...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	pcs, err := e.db.PathwayCredentialsOfEmail(ctx, l)
	must(t, err)
	if len(pcs) != 1 || len(issued) > 1 {
		t.Fatalf("%d stored, %d reported issued", len(pcs), len(issued))
	}
	// One e-mail tells the learner, with the pathway's page.
	ms, err := e.db.ClaimMail(ctx, 1000, time.Now().Add(time.Hour), time.Now().Add(2*time.Hour))
	must(t, err)
	var told []*pokot.Mail
	for _, m := range ms {
		if m.To == l && strings.HasPrefix(m.Subject, "Osaamispolku suoritettu: Kokonainen tutkinnon osa") {
			told = append(told, m)
		}
	}
	if len(told) != 1 || !strings.Contains(told[0].Text, e.pathways.AchievementID(p)) {
		t.Fatalf("%d pathway e-mails of %d: %+v", len(told), len(ms), told)
	}
	for i := 0; i < 3; i++ {
		got, err := e.pathways.AfterIssued(ctx, c1)
		must(t, err)
		if len(got) != 0 {
			t.Fatalf("retry %d issued %+v", i, got)
		}
	}
	// The unique key holds even against a second reservation with another id.
	got, created, err := e.db.ReservePathwayCredential(ctx, &pokot.PathwayCredential{PathwayID: p.ID, OrgID: e.org.ID,
		Email: l, CredentialID: "urn:uuid:00000000-0000-4000-8000-000000000000", Stacked: []string{"x"}})
	must(t, err)
	if created || got.CredentialID != pcs[0].CredentialID || got.State != pokot.CredentialIssued {
		t.Fatalf("second reservation: created %v, %+v", created, got)
	}
	if ok, err := e.db.StorePathwayCredential(ctx, got.ID, []byte(`{}`), &pokot.Mail{To: l, Subject: "x", Text: "x"}, true); ok || err != nil {
		t.Fatalf("stored over an issued credential: %v %v", ok, err)
	}
}

func TestSweepIssuesToLearnersWhoAlreadyHoldTheMembers(t *testing.T) {
	e := newEnv(t, 2)
	e.issue(t, e.mcs[0], "a@example.fi", "b@example.fi")
	e.issue(t, e.mcs[1], "a@example.fi")
	p := e.define(t, 0, e.mcs...)
	got, err := e.pathways.Sweep(ctx, p)
	must(t, err)
	if len(got) != 1 || got[0].Email != "a@example.fi" {
		t.Fatalf("sweep %+v", got)
	}
	if got, _ := e.pathways.Sweep(ctx, p); len(got) != 0 {
		t.Fatalf("second sweep %+v", got)
	}
}

func TestPathwayCredentialVerifiesAndListsTheStacked(t *testing.T) {
	e := newEnv(t, 2)
	p := e.define(t, 0, e.mcs...)
	const l = "liisa@example.fi"
	c0, _ := e.after(t, e.mcs[0], l)
	c1, got := e.after(t, e.mcs[1], l)
	if len(got) != 1 {
		t.Fatalf("issued %+v", got)
	}
	res := e.verifier(t).Verify(ctx, "pathway.json", got[0].Signed)
	if !res.Verified {
		t.Fatalf("does not verify: %+v", res.Failed())
	}
	var doc map[string]any
	must(t, json.Unmarshal(got[0].Signed, &doc))
	if err := credential.ValidateSchema(doc); err != nil {
		t.Fatalf("OB 3.0 schema: %v", err)
	}
	if _, err := jsonld.Default.Canonicalize(doc); err != nil {
		t.Fatalf("canonicalize: %v", err)
	}
	var ids []string
	for _, ev := range doc["evidence"].([]any) {
		m := ev.(map[string]any)
		if m["genre"] != pathway.EvidenceGenre || !strings.HasPrefix(m["description"].(string), baseURL+"/credentials/") {
			t.Fatalf("evidence %v", m)
		}
		ids = append(ids, m["id"].(string))
	}
	if !slices.Equal(ids, []string{c0.CredentialID, c1.CredentialID}) {
		t.Fatalf("evidence ids %v", ids)
	}
	ach := doc["credentialSubject"].(map[string]any)["achievement"].(map[string]any)
	al := ach["alignment"].([]any)[0].(map[string]any)
	if ach["achievementType"] != pathway.AchievementType || ach["id"] != e.pathways.AchievementID(p) || al["targetCode"] != "106936" {
		t.Fatalf("achievement %v", ach)
	}
	if doc["issuer"].(map[string]any)["id"] != e.iss.DID(e.org) {
		t.Fatalf("issuer %v", doc["issuer"])
	}
	// The checks can fail: a changed stacked id breaks the proof, an undefined term the
	// canonicalization.
	doc["evidence"].([]any)[0].(map[string]any)["id"] = "urn:uuid:00000000-0000-4000-8000-000000000001"
	b, _ := json.Marshal(doc)
	if res := e.verifier(t).Verify(ctx, "tampered.json", b); res.Verified {
		t.Fatal("a tampered pathway credential verified")
	}
	doc["evidence"].([]any)[0].(map[string]any)["stackedFrom"] = "x"
	if _, err := jsonld.Default.Canonicalize(doc); !errors.Is(err, jsonld.ErrDataLoss) {
		t.Fatalf("an undefined term canonicalized: %v", err)
	}
}

// The worker holds the reservation it signed, whose State is still pending in memory; the
// hook reads what counts from the database, and refuses nothing that is stored as issued.
func TestAfterIssuedWithTheWorkersReservation(t *testing.T) {
	e := newEnv(t, 1)
	e.define(t, 0, e.mcs[0])
	c := e.issue(t, e.mcs[0], "liisa@example.fi")[0]
	held := *c
	held.State, held.Signed = pokot.CredentialPending, nil
	got, err := e.pathways.AfterIssued(ctx, &held)
	must(t, err)
	if len(got) != 1 || got[0].Stacked[0] != c.CredentialID {
		t.Fatalf("issued %+v", got)
	}
	// A credential that is not stored as issued does not count, whatever the caller holds.
	ghost := *c
	ghost.Email, ghost.State = "ghost@example.fi", pokot.CredentialIssued
	if got, err := e.pathways.AfterIssued(ctx, &ghost); err != nil || len(got) != 0 {
		t.Fatalf("a credential not in the database counted: %v %+v", err, got)
	}
}

// A chunk as the worker stores it: two learners complete, one does not, a revoked holder is
// skipped; calling it again issues nothing.
func TestAfterIssuedChunk(t *testing.T) {
	e := newEnv(t, 2)
	e.define(t, 0, e.mcs...)
	e.issue(t, e.mcs[0], "a@example.fi", "b@example.fi")
	chunk := e.issue(t, e.mcs[1], "a@example.fi", "b@example.fi", "c@example.fi")
	got, err := e.pathways.AfterIssuedChunk(ctx, chunk)
	must(t, err)
	if len(got) != 2 || got[0].Email != "a@example.fi" || got[1].Email != "b@example.fi" {
		t.Fatalf("issued %+v", got)
	}
	if again, err := e.pathways.AfterIssuedChunk(ctx, chunk); err != nil || len(again) != 0 {
		t.Fatalf("again: %v %+v", err, again)
	}
}

// A crash between reserving and storing leaves a pending reservation; the next attempt
// signs that one, with its id and stacked list, rather than making a second.
func TestPendingReservationIsResumed(t *testing.T) {
	e := newEnv(t, 1)
	p := e.define(t, 0, e.mcs[0])
	c := e.issue(t, e.mcs[0], "liisa@example.fi")[0]
	const id = "urn:uuid:6b1d2c6e-0a4b-4c8e-9f00-123456789abc"
	res, created, err := e.db.ReservePathwayCredential(ctx, &pokot.PathwayCredential{PathwayID: p.ID, OrgID: e.org.ID,
		Email: "liisa@example.fi", CredentialID: id, Stacked: []string{c.CredentialID}})
	must(t, err)
	if !created || res.State != pokot.CredentialPending {
		t.Fatalf("reservation %+v", res)
	}
	if pr := progress(t, e, p, "liisa@example.fi"); pr.CredentialID != "" || !pr.Complete {
		t.Fatalf("a pending reservation shown as issued: %+v", pr)
	}
	got, err := e.pathways.CheckLearner(ctx, e.org.ID, "liisa@example.fi")
	must(t, err)
	if len(got) != 1 || got[0].CredentialID != id || got[0].ID != res.ID {
		t.Fatalf("resumed %+v", got)
	}
	var doc map[string]any
	must(t, json.Unmarshal(got[0].Signed, &doc))
	if doc["id"] != id {
		t.Fatalf("signed id %v", doc["id"])
	}
	if res := e.verifier(t).Verify(ctx, "resumed.json", got[0].Signed); !res.Verified {
		t.Fatalf("does not verify: %+v", res.Failed())
	}
}

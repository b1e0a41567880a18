package issuer_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
	"github.com/pokot/pokot/issuer"
	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// published writes the organisation's DID document and status list to files and returns a
// verifier that reads them, as `pokot verify --resolve URL=FILE` does: no network, nothing
// of this platform but the published documents.
func published(t *testing.T, e *env) *credential.Verifier {
	t.Helper()
	docs, err := e.svc.PublishedDocuments(ctx, e.org)
	must(t, err)
	dir := t.TempDir()
	r := &key.Resolver{Offline: true, Overrides: map[string][]byte{}}
	for u, b := range docs {
		f := filepath.Join(dir, strings.NewReplacer("/", "_", ":", "_").Replace(u))
		must(t, os.WriteFile(f, b, 0o600))
		if r.Overrides[u], err = os.ReadFile(f); err != nil {
			t.Fatal(err)
		}
	}
	return &credential.Verifier{Resolver: r, Now: e.clock.Later}
}

func verify(t *testing.T, v *credential.Verifier, doc map[string]any) credential.Result {
	t.Helper()
	b, err := json.Marshal(doc)
	must(t, err)
	return v.Verify(ctx, "test", b)
}

// TestVerifyWithoutUs issues through the Service and verifies with nothing but the
// published DID document and status list: verified; revoked → fails on status; after a key
// rotation the old credential still verifies and new ones carry the new key; tampering fails.
func TestVerifyWithoutUs(t *testing.T) {
	e := newEnv(t, "https://pokot.example.fi")
	did := e.svc.DID(e.org)
	if did != "did:web:pokot.example.fi:orgs:omnia" {
		t.Fatalf("DID %s", did)
	}
	if u, err := key.DIDWebURL(did); err != nil || u != e.svc.DIDDocumentURL(e.org) {
		t.Fatalf("the DID resolves to %s (%v), the document is served at %s", u, err, e.svc.DIDDocumentURL(e.org))
	}

	cred, err := e.svc.Sign(ctx, e.org, unsigned(t))
	must(t, err)
	iss, _ := cred["issuer"].(map[string]any)
	if iss["id"] != did || iss["name"] != "Ammattiopisto omnia" {
		t.Fatalf("issuer %v", iss)
	}
	st, _ := cred["credentialStatus"].(map[string]any)
	if st["statusPurpose"] != "message" || st["statusSize"] != 2 || st["statusReference"] != "https://pokot.example.fi/credential-status" ||
		!strings.HasPrefix(st["statusListCredential"].(string), "https://pokot.example.fi/orgs/omnia/status/message/") {
		t.Fatalf("credentialStatus %v", st)
	}
	k1, err := e.db.ActiveOrgKey(ctx, e.org.ID)
	must(t, err)
	proof, _ := cred["proof"].(map[string]any)
	if proof["cryptosuite"] != "eddsa-rdfc-2022" || proof["verificationMethod"] != did+"#"+k1.KeyID {
		t.Fatalf("proof %v", proof)
	}

	if r := verify(t, published(t, e), cred); !r.Verified {
		t.Fatalf("not verified: %v", failed(r))
	}

	// Tampered: a changed name fails the proof.
	tampered := unsigned(t)
	for k, v := range cred {
		tampered[k] = v
	}
	tampered["name"] = "Teamwork Badge with Honours"
	if r := verify(t, published(t, e), tampered); r.Verified || check(r, "proof").OK {
		t.Fatalf("a tampered credential verified: %v", r.Checks)
	}

	// Rotate: the old credential still verifies, a new one is signed with the new key.
	k2, err := e.svc.Rotate(ctx, e.org)
	must(t, err)
	if k2.KeyID == k1.KeyID {
		t.Fatal("rotation kept the key")
	}
	e.clock.Add(time.Hour)
	cred2, err := e.svc.Sign(ctx, e.org, unsigned(t))
	must(t, err)
	if vm := cred2["proof"].(map[string]any)["verificationMethod"]; vm != did+"#"+k2.KeyID {
		t.Fatalf("signed after rotation with %v, want the new key %s", vm, k2.KeyID)
	}
	doc, err := e.svc.DIDDocument(ctx, e.org)
	must(t, err)
	if len(doc.VerificationMethod) != 2 || len(doc.AssertionMethod) != 2 || doc.AssertionMethod[0] != did+"#"+k1.KeyID || doc.AssertionMethod[1] != did+"#"+k2.KeyID {
		t.Fatalf("DID document after rotation: %+v", doc)
	}
	v := published(t, e)
	for i, c := range []map[string]any{cred, cred2} {
		if r := verify(t, v, c); !r.Verified {
			t.Fatalf("credential %d after rotation: %v", i+1, failed(r))
		}
	}
	// The status list is re-signed with the new key.
	list, err := e.svc.StatusListCredential(ctx, e.org, pokot.StatusMessage, 1)
	must(t, err)
	if !strings.Contains(string(list), k2.KeyID) {
		t.Fatal("the status list is still signed with the retired key")
	}

	// Revoke: the new status list fails the credential on status, the other stays valid.
	_, err = e.svc.SetCredentialStatus(ctx, e.org, cred["id"].(string), pokot.StatusRevocation, true, "arviointi uusitaan")
	must(t, err)
	v = published(t, e)
	r := verify(t, v, cred)
	if r.Verified || check(r, "status").OK || check(r, "proof").OK == false {
		t.Fatalf("a revoked credential: verified %v, checks %v", r.Verified, r.Checks)
	}
	if c := check(r, "status"); !strings.Contains(c.Key, "revoked") {
		t.Fatalf("status check %+v, want revoked", c)
	}
	if r := verify(t, v, cred2); !r.Verified {
		t.Fatalf("the other credential after the revocation: %v", failed(r))
	}
	// A verifier whose clock is behind ours still accepts the just re-signed list.
	v.Now = func() time.Time { return e.clock.Now().Add(-30 * time.Minute) }
	if r := verify(t, v, cred2); !r.Verified {
		t.Fatalf("with the verifier's clock 30 minutes behind: %v", failed(r))
	}
	// The old status list (still in some cache) says the credential is valid; the verifier
	// that fetched the new one does not: the list changed at once.
}

// TestSuspension suspends and reinstates a plain VC 2.0 credential that carries both a
// revocation and a suspension entry.
func TestSuspension(t *testing.T) {
	e := newEnv(t, "https://pokot.example.fi")
	id := "urn:uuid:6f1a6ad4-6c7d-4a8a-9f5f-3f0f3b3f0001"
	rev, err := e.svc.AllocateStatus(ctx, e.org, pokot.StatusRevocation, id)
	must(t, err)
	sus, err := e.svc.AllocateStatus(ctx, e.org, pokot.StatusSuspension, id)
	must(t, err)
	doc := map[string]any{
		"@context":          []any{"https://www.w3.org/ns/credentials/v2"},
		"id":                id,
		"type":              []any{"VerifiableCredential"},
		"credentialSubject": map[string]any{"id": "did:example:learner"},
		"credentialStatus":  []any{rev, sus},
	}
	cred, err := e.svc.Sign(ctx, e.org, doc)
	must(t, err)
	if r := verify(t, published(t, e), cred); !r.Verified {
		t.Fatalf("not verified: %v", failed(r))
	}
	_, err = e.svc.SetCredentialStatus(ctx, e.org, id, pokot.StatusSuspension, true, "selvitys kesken")
	must(t, err)
	r := verify(t, published(t, e), cred)
	if c := check(r, "status"); r.Verified || !strings.Contains(c.Key, "suspended") {
		t.Fatalf("suspended credential: verified %v, status %+v", r.Verified, c)
	}
	_, err = e.svc.SetCredentialStatus(ctx, e.org, id, pokot.StatusSuspension, false, "selvitetty")
	must(t, err)
	if r := verify(t, published(t, e), cred); !r.Verified {
		t.Fatalf("reinstated credential: %v", failed(r))
	}
	_, err = e.svc.SetCredentialStatus(ctx, e.org, "urn:uuid:unknown", pokot.StatusSuspension, true, "x")
	wantCode(t, err, pokot.ENOTFOUND, "err.status_not_found")
}

// TestSignBatch signs a batch: each credential keeps its order and its own id, gets a
// distinct index in the message list (Open Badges), and verifies.
func TestSignBatch(t *testing.T) {
	e := newEnv(t, "https://pokot.example.fi")
	batch := make([]map[string]any, 20)
	for i := range batch {
		batch[i] = unsigned(t)
	}
	delete(batch[3], "id")
	out, err := e.svc.SignBatch(ctx, e.org, batch)
	must(t, err)
	v := published(t, e)
	seen := map[string]bool{}
	for i, c := range out {
		if i != 3 && c["id"] != batch[i]["id"] {
			t.Fatalf("credential %d came back as %v", i, c["id"])
		}
		if i == 3 && !strings.HasPrefix(c["id"].(string), "urn:uuid:") {
			t.Fatalf("credential without id got %v", c["id"])
		}
		idx := c["credentialStatus"].(map[string]any)["statusListIndex"].(string)
		if seen[idx] {
			t.Fatalf("index %s given twice", idx)
		}
		seen[idx] = true
		if r := verify(t, v, c); !r.Verified {
			t.Fatalf("credential %d: %v", i, failed(r))
		}
		es, err := e.db.StatusEntriesOf(ctx, e.org.ID, c["id"].(string))
		must(t, err)
		if len(es) != 1 || es[0].Purpose != pokot.StatusMessage {
			t.Fatalf("credential %d: entries %v", i, es)
		}
	}
	if _, err := e.svc.SignBatch(ctx, e.org, []map[string]any{unsigned(t), nil}); pokot.ErrorCode(err) != pokot.EINVALID {
		t.Fatalf("a batch with a nil credential: %v", err)
	}
}

// TestConcurrentRevocations revokes many credentials at once through two services on two
// database handles (two processes): the status list served afterwards has every bit.
func TestConcurrentRevocations(t *testing.T) {
	dsn := sqldbtest.DSN(t)
	clk := newClock()
	master := masterKey(t)
	var svcs [2]*issuer.Service
	var db0 *sqldb.DB
	for i := range svcs {
		db, err := sqldb.Open(ctx, dsn, nil)
		must(t, err)
		t.Cleanup(func() { db.Close() })
		if i == 0 {
			db0 = db
		}
		svcs[i], err = issuer.New(db, master, "https://pokot.example.fi", clk.Now)
		must(t, err)
	}
	e := &env{db: db0, svc: svcs[0], clock: clk, key: master, org: newOrg(t, db0, "omnia")}
	const n = 16
	batch := make([]map[string]any, n)
	for i := range batch {
		batch[i] = unsigned(t)
	}
	creds, err := e.svc.SignBatch(ctx, e.org, batch)
	must(t, err)
	if r := verify(t, published(t, e), creds[0]); !r.Verified {
		t.Fatalf("before revocation: %v", failed(r))
	}
	var wg sync.WaitGroup
	for i, c := range creds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := svcs[i%2].SetCredentialStatus(ctx, e.org, c["id"].(string), pokot.StatusRevocation, true, "rinnakkain"); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	v := published(t, e)
	for i, c := range creds {
		if r := verify(t, v, c); r.Verified || !strings.Contains(check(r, "status").Key, "revoked") {
			t.Fatalf("credential %d after concurrent revocations: verified %v, status %+v", i, r.Verified, check(r, "status"))
		}
	}
}

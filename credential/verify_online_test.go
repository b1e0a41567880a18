package credential_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
	"github.com/pokot/pokot/credential/status"
)

// A did:web issuer and its status list served over real TLS on loopback:
// the DID document and the list are fetched, the list's own proof is
// checked, and a revocation published later is seen.
func TestVerifyOnlineDIDWebAndStatus(t *testing.T) {
	kp := mustKey(t, strings.Repeat("5a", 32))
	var listBody atomic.Value
	var didDoc []byte
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/.well-known/did.json":
			w.Write(didDoc)
		case "/status/1":
			w.Write(listBody.Load().([]byte))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	did := "did:web:" + strings.ReplaceAll(u.Host, ":", "%3A")
	listURL := srv.URL + "/status/1"
	vm := did + "#" + strings.TrimPrefix(kp.DID(), "did:key:")
	cd, err := key.NewControllerDocument(did, kp.Public)
	if err != nil {
		t.Fatal(err)
	}
	didDoc, _ = cd.JSON()

	publish := func(revoked bool) {
		l, _ := status.New(131072)
		l.Set(99, revoked)
		lc, _ := status.NewListCredential(listURL, did, status.PurposeRevocation, l, sampleAward().IssuedAt)
		signed, err := credential.Sign(lc, kp, credential.SignOptions{VerificationMethod: vm, Created: sampleAward().IssuedAt})
		if err != nil {
			t.Fatal(err)
		}
		listBody.Store(marshal(t, signed))
	}
	doc := unsignedSample(t)
	doc["issuer"].(map[string]any)["id"] = did
	e, _ := status.NewEntry(listURL, status.PurposeRevocation, 99)
	doc["credentialStatus"] = e.Map()
	signed, err := credential.Sign(doc, kp, credential.SignOptions{VerificationMethod: vm, Created: sampleAward().IssuedAt})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(signed)

	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	online := func(allowPrivate bool) *credential.Verifier {
		return &credential.Verifier{Now: at("2027-01-01T00:00:00Z"), Resolver: &key.Resolver{
			AllowPrivate: allowPrivate, TLSConfig: &tls.Config{RootCAs: pool}}}
	}
	publish(false)
	v := online(true)
	if r := v.Verify(context.Background(), "online", data); !r.Verified {
		t.Fatalf("not verified: %+v", r.Failed())
	}
	publish(true)
	r := v.Verify(context.Background(), "online", data)
	if c := check(r, "status"); c.OK || c.Key != "verify.status.revoked" {
		t.Errorf("after revocation: %+v", c)
	}
	// By default nothing is fetched from loopback addresses.
	r = online(false).Verify(context.Background(), "guarded", data)
	if c := check(r, "key"); c.OK || c.Key != "verify.key.unresolved" {
		t.Errorf("loopback fetch allowed: %+v", c)
	}
}

// Build emits only defined terms: the test that says so must be able to
// fail, so an undefined term has to break canonicalization.
func TestUndefinedTermIsDataLoss(t *testing.T) {
	doc := unsignedSample(t)
	doc["credentialSubject"].(map[string]any)["achievement"].(map[string]any)["workloadUnit"] = "osp"
	kp := mustKey(t, w3cSeed)
	if _, err := credential.Sign(doc, kp, credential.SignOptions{}); err == nil {
		t.Fatal("a credential with an undefined term was signed")
	}
}

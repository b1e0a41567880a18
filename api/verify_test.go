package api_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/api"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/bake"
	"github.com/pokot/pokot/credential/key"
	"github.com/pokot/pokot/issuer"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

var credSeq atomic.Int64

// unsignedCredential returns the OB 3.0 implementation guide's credential with a fresh id.
func unsignedCredential(t testing.TB) map[string]any {
	t.Helper()
	b, err := os.ReadFile("testdata/ob3-ldp-unsigned.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	doc["id"] = fmt.Sprintf("urn:uuid:00000000-0000-4000-8000-%012d", credSeq.Add(1))
	return doc
}

// didKeyCredential signs the guide's credential with a fresh did:key.
func didKeyCredential(t testing.TB) (map[string]any, *key.KeyPair) {
	t.Helper()
	kp, err := key.Generate()
	if err != nil {
		t.Fatal(err)
	}
	doc := unsignedCredential(t)
	doc["issuer"].(map[string]any)["id"] = kp.DID()
	signed, err := credential.Sign(doc, kp, credential.SignOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return signed, kp
}

type verifyAnswer struct {
	Source   string `json:"source"`
	Verified bool   `json:"verified"`
	Input    string `json:"input"`
	Format   string `json:"format"`
	Lang     string `json:"lang"`
	Checks   []struct {
		Name    string `json:"name"`
		OK      bool   `json:"ok"`
		Message string `json:"message"`
		Key     string `json:"key"`
	} `json:"checks"`
}

func (v verifyAnswer) check(name string) (ok, found bool, msg string) {
	for _, c := range v.Checks {
		if c.Name == name {
			return c.OK, true, c.Message
		}
	}
	return false, false, ""
}

// postVerify sends body to POST /api/v1/verify of h and decodes a 200 answer.
func postVerify(t *testing.T, h http.Handler, contentType, query string, body []byte) (*httptest.ResponseRecorder, verifyAnswer) {
	t.Helper()
	req := httptest.NewRequest("POST", "/api/v1/verify"+query, bytes.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var v verifyAnswer
	if rec.Code == http.StatusOK {
		if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
	}
	return rec, v
}

func TestVerifyDidKey(t *testing.T) {
	h := api.New(nil, pokot.DefaultConfig(), nil)
	signed, kp := didKeyCredential(t)
	body, _ := json.Marshal(signed)
	rec, v := postVerify(t, h, "application/json", "", body)
	if rec.Code != http.StatusOK || !v.Verified || v.Input != "json" || v.Format != "di" || v.Lang != "en" {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	if ok, found, _ := v.check("proof"); !ok || !found {
		t.Fatalf("proof check: %+v", v.Checks)
	}

	// The same checks, names and messages as `pokot verify --json` (which prints the
	// English messages of credential.Verifier).
	want := (&credential.Verifier{}).Verify(context.Background(), "request", body)
	if len(want.Checks) != len(v.Checks) {
		t.Fatalf("%d checks, the verifier made %d", len(v.Checks), len(want.Checks))
	}
	for i, c := range want.Checks {
		g := v.Checks[i]
		if g.Name != c.Name || g.OK != c.OK || g.Message != c.Message || g.Key != c.Key {
			t.Errorf("check %d: %+v, want %+v", i, g, c)
		}
	}

	// Tampered: the proof check fails, the verdict is false.
	signed["name"] = "Teamwork Badge with Honours"
	body, _ = json.Marshal(signed)
	rec, v = postVerify(t, h, "application/ld+json", "?lang=fi", body)
	if rec.Code != http.StatusOK || v.Verified || v.Lang != "fi" {
		t.Fatalf("tampered: %d %s", rec.Code, rec.Body)
	}
	if ok, found, _ := v.check("proof"); ok || !found {
		t.Fatalf("tampered: proof passed: %+v", v.Checks)
	}

	// JWT body.
	doc := unsignedCredential(t)
	doc["issuer"].(map[string]any)["id"] = kp.DID()
	jwt, err := credential.SignJWT(doc, kp, credential.SignOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, ct := range []string{"application/jwt", "text/plain; charset=utf-8"} {
		rec, v = postVerify(t, h, ct, "", []byte(jwt+"\n"))
		if rec.Code != http.StatusOK || !v.Verified || v.Input != "jwt" || v.Format != "jwt" {
			t.Fatalf("JWT as %s: %d %s", ct, rec.Code, rec.Body)
		}
	}

	// Baked PNG.
	var img bytes.Buffer
	png.Encode(&img, image.NewGray(image.Rect(0, 0, 4, 4)))
	good, _ := didKeyCredential(t)
	goodJSON, _ := json.Marshal(good)
	baked, err := bake.PNG(img.Bytes(), goodJSON)
	if err != nil {
		t.Fatal(err)
	}
	rec, v = postVerify(t, h, "image/png", "", baked)
	if rec.Code != http.StatusOK || !v.Verified || v.Input != "png" {
		t.Fatalf("baked PNG: %d %s", rec.Code, rec.Body)
	}
	// Baked SVG, with the JWT this time.
	svg, err := bake.SVG([]byte(`<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>`), []byte(jwt))
	if err != nil {
		t.Fatal(err)
	}
	rec, v = postVerify(t, h, "image/svg+xml", "", svg)
	if rec.Code != http.StatusOK || !v.Verified || v.Input != "svg" || v.Format != "jwt" {
		t.Fatalf("baked SVG: %d %s", rec.Code, rec.Body)
	}
	// An image with nothing baked in.
	rec, _ = postVerify(t, h, "image/png", "", img.Bytes())
	wantProblem(t, rec, http.StatusBadRequest, "err.verify.not_baked")
}

func TestVerifyLanguage(t *testing.T) {
	h := api.New(nil, pokot.DefaultConfig(), nil)
	signed, _ := didKeyCredential(t)
	body, _ := json.Marshal(signed)
	msgs := map[string]string{}
	for _, tc := range []struct{ query, accept, want string }{
		{"?lang=sv", "fi", "sv"}, {"", "sv-FI, en;q=0.5", "sv"}, {"", "fi", "fi"}, {"", "", "en"}, {"?lang=xx", "", "en"},
	} {
		req := httptest.NewRequest("POST", "/api/v1/verify"+tc.query, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if tc.accept != "" {
			req.Header.Set("Accept-Language", tc.accept)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var v verifyAnswer
		json.Unmarshal(rec.Body.Bytes(), &v)
		if v.Lang != tc.want || rec.Header().Get("Content-Language") != tc.want {
			t.Fatalf("%q %q: lang %q", tc.query, tc.accept, v.Lang)
		}
		_, _, msgs[v.Lang] = v.check("proof")
	}
	if msgs["fi"] == msgs["en"] || msgs["sv"] == msgs["en"] || msgs["fi"] == msgs["sv"] {
		t.Fatalf("messages not translated: %q", msgs)
	}
}

func wantProblem(t *testing.T, rec *httptest.ResponseRecorder, status int, key string) {
	t.Helper()
	var p struct {
		Status int    `json:"status"`
		Key    string `json:"key"`
	}
	json.Unmarshal(rec.Body.Bytes(), &p)
	if rec.Code != status || p.Status != status || rec.Header().Get("Content-Type") != "application/problem+json" || (key != "" && p.Key != key) {
		t.Fatalf("got %d %s %s, want %d problem %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body, status, key)
	}
}

func TestVerifyBadInput(t *testing.T) {
	h := api.New(nil, pokot.DefaultConfig(), nil)
	signed, _ := didKeyCredential(t)
	good, _ := json.Marshal(signed)
	for _, tc := range []struct {
		name, ct string
		body     []byte
		status   int
		key      string
	}{
		{"garbage", "application/json", []byte("this is not a credential"), 400, "err.verify.unreadable"},
		{"broken JSON", "application/json", []byte(`{"id": `), 400, "err.verify.unreadable"},
		{"JSON array", "application/json", []byte(`[1,2]`), 400, "err.verify.unreadable"},
		{"empty", "application/json", nil, 400, "err.verify.unreadable"},
		{"two credentials", "application/json", append(append(append([]byte{}, good...), '\n'), good...), 400, "err.verify.unreadable"},
		{"JSON sent as PNG", "image/png", good, 400, "err.verify.unreadable"},
		{"garbage JWT", "application/jwt", []byte("a.b.c"), 400, "err.verify.unreadable"},
		{"SVG without credential", "image/svg+xml", []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), 400, "err.verify.not_baked"},
		{"no content type", "", good, 415, "err.content_type"},
		{"form", "application/x-www-form-urlencoded", good, 415, "err.content_type"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec, _ := postVerify(t, h, tc.ct, "", tc.body)
			wantProblem(t, rec, tc.status, tc.key)
		})
	}
	// Over the limit: refused by the declared length, and by the bytes read.
	big := make([]byte, 1<<20+1)
	rand.Read(big)
	rec, _ := postVerify(t, h, "image/png", "", big)
	wantProblem(t, rec, http.StatusRequestEntityTooLarge, "err.too_large")
	req := httptest.NewRequest("POST", "/api/v1/verify", io.MultiReader(bytes.NewReader(big)))
	req.ContentLength = -1
	req.Header.Set("Content-Type", "image/png")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	wantProblem(t, rec, http.StatusRequestEntityTooLarge, "err.too_large")
	// GET is not the verifier.
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/verify", nil))
	wantProblem(t, rec, http.StatusMethodNotAllowed, "")
}

// TestVerifyIssuedHere verifies a credential issued through issuer.Service for an
// organisation of a site on http://localhost: its DID document and status list are served
// by this site in-process (the resolver would refuse both over the network), and a
// revocation shows at once.
func TestVerifyIssuedHere(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.New(t)
	cfg := pokot.DefaultConfig()
	cfg.BaseURL = "http://localhost:8080"
	master := make([]byte, issuer.MasterKeySize)
	rand.Read(master)
	now := func() time.Time { return time.Now().Add(time.Minute) }
	iss, err := issuer.New(db, master, cfg.BaseURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	org := &pokot.Organisation{Slug: "omnia", Name: pokot.Text{"fi": "Ammattiopisto Omnia"}, Country: "FI"}
	if err := db.CreateOrg(ctx, org); err != nil {
		t.Fatal(err)
	}
	signed, err := iss.Sign(ctx, org, unsignedCredential(t))
	if err != nil {
		t.Fatal(err)
	}
	if got := signed["issuer"].(map[string]any)["id"]; got != "did:web:localhost%3A8080:orgs:omnia" {
		t.Fatalf("issuer %v", got)
	}
	body, _ := json.Marshal(signed)
	h := api.New(db, cfg, nil, api.WithIssuer(iss), api.WithClock(now))
	rec, v := postVerify(t, h, "application/json", "", body)
	if rec.Code != http.StatusOK || !v.Verified {
		t.Fatalf("issued here: %d %s", rec.Code, rec.Body)
	}
	if ok, found, _ := v.check("status"); !ok || !found {
		t.Fatalf("status check: %+v", v.Checks)
	}
	// Without the issuer the same credential cannot be checked (no network to localhost).
	rec, v = postVerify(t, api.New(db, cfg, nil, api.WithClock(now)), "application/json", "", body)
	if rec.Code != http.StatusOK || v.Verified {
		t.Fatalf("verified without the issuer's documents: %s", rec.Body)
	}

	if _, err := iss.SetCredentialStatus(ctx, org, signed["id"].(string), pokot.StatusRevocation, true, "test"); err != nil {
		t.Fatal(err)
	}
	rec, v = postVerify(t, h, "application/json", "", body)
	if rec.Code != http.StatusOK || v.Verified {
		t.Fatalf("revoked credential verified: %s", rec.Body)
	}
	if ok, found, _ := v.check("status"); ok || !found {
		t.Fatalf("revoked: status check %+v", v.Checks)
	}
	if ok, _, _ := v.check("proof"); !ok {
		t.Fatal("revoked: the proof should still pass")
	}
}

// TestVerifyNeverFetchesPrivate: only this site's own documents are served in-process; a
// credential naming a DID on another private address is resolved through the network
// guard, which refuses it without a request being made.
func TestVerifyNeverFetchesPrivate(t *testing.T) {
	var hits atomic.Int64
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer other.Close()
	host := strings.TrimPrefix(other.URL, "http://")
	did := "did:web:" + strings.ReplaceAll(host, ":", "%3A")
	kp, _ := key.Generate()
	doc := unsignedCredential(t)
	doc["issuer"].(map[string]any)["id"] = did
	signed, err := credential.Sign(doc, kp, credential.SignOptions{VerificationMethod: did + "#key-1"})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(signed)
	db := sqldbtest.New(t)
	cfg := pokot.DefaultConfig()
	cfg.BaseURL = "http://localhost:8080"
	master := make([]byte, issuer.MasterKeySize)
	rand.Read(master)
	iss, err := issuer.New(db, master, cfg.BaseURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	rec, v := postVerify(t, api.New(db, cfg, nil, api.WithIssuer(iss)), "application/json", "", body)
	if rec.Code != http.StatusOK || v.Verified {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	if ok, _, _ := v.check("proof"); ok {
		t.Fatal("the proof passed without the key")
	}
	if ok, _, msg := v.check("key"); ok || !strings.Contains(msg, "private") {
		t.Fatalf("key check: %v %q, want the private address refused", ok, msg)
	}
	if hits.Load() != 0 {
		t.Fatalf("the verifier made %d requests to a private address", hits.Load())
	}
}

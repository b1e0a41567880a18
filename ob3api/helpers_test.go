package ob3api_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
	"github.com/pokot/pokot/ob3api"
	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

var ctx = context.Background()

const redirect = "https://wallet.example/callback"

// env is the API on a real database with a clock the test moves.
type env struct {
	t   *testing.T
	db  *sqldb.DB
	api *ob3api.Server
	srv *httptest.Server

	mu  sync.Mutex
	now time.Time
}

func newEnv(t *testing.T) *env {
	t.Helper()
	e := &env{t: t, db: sqldbtest.New(t), now: time.Now().UTC()}
	cfg := pokot.DefaultConfig()
	cfg.BaseURL = "https://pokot.example.fi"
	e.api = ob3api.New(e.db, cfg, ob3api.WithClock(e.clock))
	e.srv = httptest.NewServer(e.api)
	t.Cleanup(e.srv.Close)
	return e
}

func (e *env) clock() time.Time {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.now
}

func (e *env) advance(d time.Duration) {
	e.mu.Lock()
	e.now = e.now.Add(d)
	e.mu.Unlock()
}

var seq atomic.Int64

func (e *env) user(name string) *pokot.User {
	e.t.Helper()
	u := &pokot.User{Email: fmt.Sprintf("%s%d@example.fi", strings.ToLower(name), seq.Add(1)), Name: name, Lang: pokot.Finnish}
	if err := e.db.CreateUser(ctx, u); err != nil {
		e.t.Fatal(err)
	}
	return u
}

// client is a registered client.
type client struct {
	ID, Secret string
}

func (e *env) register(meta map[string]any) (*http.Response, map[string]any) {
	e.t.Helper()
	b, _ := json.Marshal(meta)
	res, err := http.Post(e.srv.URL+"/oauth/register", "application/json", bytes.NewReader(b))
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	json.NewDecoder(res.Body).Decode(&out)
	return res, out
}

func (e *env) client(scope string) client {
	e.t.Helper()
	res, out := e.register(map[string]any{"client_name": "Lompakko", "redirect_uris": []string{redirect}, "scope": scope})
	if res.StatusCode != http.StatusCreated {
		e.t.Fatalf("register: %d %v", res.StatusCode, out)
	}
	return client{ID: out["client_id"].(string), Secret: out["client_secret"].(string)}
}

// pkce returns a verifier and its S256 challenge.
func pkce() (verifier, challenge string) {
	verifier = fmt.Sprintf("verifier-%040d", seq.Add(1))
	sum := sha256.Sum256([]byte(verifier))
	return verifier, base64.RawURLEncoding.EncodeToString(sum[:])
}

// authorize approves an authorization request for u as the consent page would, and
// returns the code.
func (e *env) authorize(c client, u *pokot.User, scope, challenge string) string {
	e.t.Helper()
	ar, aerr := e.api.ParseAuthRequest(ctx, url.Values{"client_id": {c.ID}, "redirect_uri": {redirect},
		"response_type": {"code"}, "scope": {scope}, "state": {"xyz"},
		"code_challenge": {challenge}, "code_challenge_method": {"S256"}})
	if aerr != nil {
		e.t.Fatal(aerr)
	}
	to, err := e.api.Approve(ctx, ar, u.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	q, _ := url.Parse(to)
	if q.Query().Get("state") != "xyz" || q.Query().Get("iss") != "https://pokot.example.fi" {
		e.t.Fatalf("redirect %s", to)
	}
	return q.Query().Get("code")
}

// tokenReq posts a form to the token endpoint with HTTP Basic client authentication.
func (e *env) tokenReq(c client, form url.Values) (int, map[string]any) {
	e.t.Helper()
	req, _ := http.NewRequest("POST", e.srv.URL+"/oauth/token", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(url.QueryEscape(c.ID), url.QueryEscape(c.Secret))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	json.NewDecoder(res.Body).Decode(&out)
	return res.StatusCode, out
}

// grant runs the whole code flow for u and returns the access and refresh tokens.
func (e *env) grant(c client, u *pokot.User, scope string) (access, refresh string) {
	e.t.Helper()
	v, ch := pkce()
	code := e.authorize(c, u, scope, ch)
	st, out := e.tokenReq(c, url.Values{"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {redirect}, "code_verifier": {v}})
	if st != http.StatusOK {
		e.t.Fatalf("token: %d %v", st, out)
	}
	return out["access_token"].(string), out["refresh_token"].(string)
}

// call makes an API request with a bearer token.
func (e *env) call(method, path, token, contentType string, body []byte) (*http.Response, []byte) {
	e.t.Helper()
	req, _ := http.NewRequest(method, e.srv.URL+path, bytes.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, b
}

// signedCredential is the guide's credential with a fresh id, signed with a did:key.
func signedCredential(t *testing.T) map[string]any {
	t.Helper()
	b, err := os.ReadFile("testdata/ob3-ldp-unsigned.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	json.Unmarshal(b, &doc)
	doc["id"] = fmt.Sprintf("urn:uuid:00000000-0000-4000-8000-%012d", seq.Add(1))
	kp, _ := key.Generate()
	doc["issuer"].(map[string]any)["id"] = kp.DID()
	signed, err := credential.Sign(doc, kp, credential.SignOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return signed
}

// minor returns the imsx_codeMinorFieldValue of an Imsx_StatusInfo body.
func minor(t *testing.T, b []byte) string {
	t.Helper()
	var si struct {
		Major string `json:"imsx_codeMajor"`
		Minor struct {
			Field []struct {
				Value string `json:"imsx_codeMinorFieldValue"`
			} `json:"imsx_codeMinorField"`
		} `json:"imsx_codeMinor"`
	}
	if err := json.Unmarshal(b, &si); err != nil || si.Major != "failure" || len(si.Minor.Field) != 1 {
		t.Fatalf("not an Imsx_StatusInfo: %s", b)
	}
	return si.Minor.Field[0].Value
}

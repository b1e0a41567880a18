package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/mail"
	"github.com/pokot/pokot/password"
	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/sqldb/sqldbtest"
	"github.com/pokot/pokot/web"
)

// env is one site under test: the real handler on a real (SQLite or PostgreSQL) database,
// with the real mail queue in outbox mode and a clock the test can move.
type env struct {
	t   testing.TB
	db  *sqldb.DB
	srv *httptest.Server
	cfg pokot.Config

	mu  sync.Mutex
	now time.Time
}

type envOption func(*web.Deps)

func newEnv(t *testing.T, opts ...envOption) *env {
	t.Helper()
	return newEnvTB(t, opts...)
}

// newEnvTB is newEnv for tests and benchmarks.
func newEnvTB(t testing.TB, opts ...envOption) *env {
	t.Helper()
	db := sqldbtest.New(t)
	e := &env{t: t, db: db, now: time.Date(2025, 10, 7, 11, 0, 0, 0, time.UTC)}
	cfg := pokot.DefaultConfig()
	cfg.BaseURL = "http://pokot.test"
	logger := slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	d := web.Deps{
		Config: cfg,
		Store:  db,
		Mailer: mail.NewQueue(db, cfg.SMTP, logger),
		Logger: logger,
		API: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, "api")
		}),
		Metrics: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, "metrics")
		}),
		Now: e.clock,
	}
	for _, o := range opts {
		o(&d)
	}
	e.cfg = d.Config
	h, err := web.New(d)
	if err != nil {
		t.Fatal(err)
	}
	e.srv = httptest.NewServer(h)
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

var ctx = context.Background()

// testWriter sends the server's warnings and errors to the test log.
type testWriter struct{ t testing.TB }

func (w testWriter) Write(b []byte) (int, error) {
	w.t.Helper()
	w.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}

// TestMain makes argon2id cheap for these tests (1 MiB, one pass): the handlers are what is
// tested here; package password tests and benchmarks the production parameters.
func TestMain(m *testing.M) {
	password.Default = password.Params{Memory: 1024, Time: 1, Threads: 1, KeyLen: 32, SaltLen: 16}
	os.Exit(m.Run())
}

// testPassword is a valid password of every test user.
const testPassword = "hevonen akku niitti"

func (e *env) user(email, name string, admin bool) *pokot.User {
	e.t.Helper()
	h, err := password.Hash(testPassword)
	if err != nil {
		e.t.Fatal(err)
	}
	u := &pokot.User{Email: email, Name: name, PasswordHash: h, Admin: admin, Lang: pokot.Finnish}
	if err := e.db.CreateUser(ctx, u); err != nil {
		e.t.Fatal(err)
	}
	return u
}

func (e *env) org(slug, name string) *pokot.Organisation {
	e.t.Helper()
	o := &pokot.Organisation{Slug: slug, Name: pokot.Text{pokot.Finnish: name}, Country: "FI"}
	if err := e.db.CreateOrg(ctx, o); err != nil {
		e.t.Fatal(err)
	}
	return o
}

func (e *env) member(o *pokot.Organisation, u *pokot.User, r pokot.Role) {
	e.t.Helper()
	if err := e.db.AddMember(ctx, o.ID, u.ID, r); err != nil {
		e.t.Fatal(err)
	}
}

// browser is a cookie-keeping client that does not follow redirects and remembers the CSRF
// token of the last page it loaded.
type browser struct {
	e      *env
	c      *http.Client
	csrf   string
	header http.Header
}

func (e *env) browser() *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{e: e, header: http.Header{}, c: &http.Client{
		Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}}
}

// resp is a response with its body read.
type resp struct {
	*http.Response
	body string
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func (b *browser) do(req *http.Request) *resp {
	b.e.t.Helper()
	for k, v := range b.header {
		req.Header[k] = v
	}
	res, err := b.c.Do(req)
	if err != nil {
		b.e.t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	r := &resp{Response: res, body: string(body)}
	if m := csrfRE.FindStringSubmatch(r.body); m != nil {
		b.csrf = m[1]
	}
	return r
}

func (b *browser) get(path string) *resp {
	b.e.t.Helper()
	req, _ := http.NewRequest("GET", b.e.srv.URL+path, nil)
	return b.do(req)
}

// post sends a form with the remembered CSRF token (unless the form sets "csrf" itself).
func (b *browser) post(path string, form url.Values) *resp {
	b.e.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form["csrf"]; !ok {
		form.Set("csrf", b.csrf)
	}
	req, _ := http.NewRequest("POST", b.e.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

// signin signs in through the form and fails the test unless it works.
func (b *browser) signin(email string) {
	b.e.t.Helper()
	b.get("/signin")
	r := b.post("/signin", url.Values{"email": {email}, "password": {testPassword}})
	if r.StatusCode != http.StatusSeeOther {
		b.e.t.Fatalf("sign in %s: status %d\n%s", email, r.StatusCode, r.body)
	}
}

func (b *browser) cookie(name string) string {
	u, _ := url.Parse(b.e.srv.URL)
	for _, c := range b.c.Jar.Cookies(u) {
		if c.Name == name {
			return c.Value
		}
	}
	return ""
}

func wantStatus(t *testing.T, r *resp, code int) {
	t.Helper()
	if r.StatusCode != code {
		t.Fatalf("%s %s: status %d, want %d\n%s", r.Request.Method, r.Request.URL.Path, r.StatusCode, code, r.body)
	}
}

func wantBody(t *testing.T, r *resp, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(r.body, s) {
			t.Errorf("%s %s: body lacks %q", r.Request.Method, r.Request.URL.Path, s)
		}
	}
}

func wantLocation(t *testing.T, r *resp, prefix string) {
	t.Helper()
	if loc := r.Header.Get("Location"); !strings.HasPrefix(loc, prefix) {
		t.Fatalf("%s %s: Location %q, want prefix %q (status %d)", r.Request.Method, r.Request.URL.Path, loc, prefix, r.StatusCode)
	}
}

// mails returns the queued messages, newest first.
func (e *env) mails() []*pokot.Mail {
	e.t.Helper()
	ms, _, err := e.db.Outbox(ctx, 100, 0)
	if err != nil {
		e.t.Fatal(err)
	}
	return ms
}

var linkRE = regexp.MustCompile(`http://pokot\.test(/\S+)`)

// linkIn returns the site path of the first link in a message.
func linkIn(t *testing.T, m *pokot.Mail) string {
	t.Helper()
	l := linkRE.FindStringSubmatch(m.Text)
	if l == nil {
		t.Fatalf("no link in mail %q", m.Text)
	}
	return l[1]
}

type webDeps = web.Deps

func regexpFind(expr, s string) string {
	m := regexp.MustCompile(expr).FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return m[1]
}

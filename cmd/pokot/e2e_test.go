package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"log/slog"
	"mime/quotedprintable"
	"net"
	"net/http"
	"net/http/cookiejar"
	netmail "net/mail"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	domain "github.com/pokot/pokot"
	"github.com/pokot/pokot/mail/smtptest"
	"github.com/pokot/pokot/oidc/oidctest"
	"github.com/pokot/pokot/password"
	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// buildPokot compiles the real binary into a temporary directory.
func buildPokot(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := filepath.Join(t.TempDir(), "pokot")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go build: %v", err)
	}
	return bin
}

// server is a running `pokot serve` process.
type server struct {
	cmd    *exec.Cmd
	url    string
	logins map[string]string // e-mail → password printed at start-up
	stdout []string          // lines before the listening line
	stderr *syncBuffer
	done   chan struct{} // closed when the process has exited
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var (
	listeningRE = regexp.MustCompile(`^POKOT listening on (http://\S+)$`)
	loginRE     = regexp.MustCompile(`^\s+.+?\s{2,}.+?\s{2,}(\S+@\S+)\s{2,}(\S{16,})$`)
)

// startServe runs `pokot serve` with args and env, and waits for the listening line.
func startServe(t *testing.T, bin, dir string, env []string, args ...string) *server {
	t.Helper()
	s, err := startServeErr(t, bin, dir, env, args...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// startServeErr is startServe for other goroutines than the test's: it returns the error.
func startServeErr(t *testing.T, bin, dir string, env []string, args ...string) (*server, error) {
	cmd := exec.Command(bin, append([]string{"serve"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	s := &server{cmd: cmd, logins: map[string]string{}, stderr: &syncBuffer{}, done: make(chan struct{})}
	cmd.Stderr = s.stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	t.Cleanup(func() {
		select {
		case <-s.done:
		default:
			cmd.Process.Kill()
			<-s.done
		}
		if t.Failed() {
			t.Logf("serve stderr:\n%s", s.stderr.String())
		}
	})
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		listening := false
		for sc.Scan() {
			line := sc.Text()
			if listening {
				continue
			}
			if m := listeningRE.FindStringSubmatch(line); m != nil {
				listening = true
				found <- m[1]
				continue
			}
			s.stdout = append(s.stdout, line)
			if m := loginRE.FindStringSubmatch(line); m != nil {
				s.logins[m[1]] = m[2]
			}
		}
		close(found)
		cmd.Wait() // the exit status is read from cmd.ProcessState once done is closed
		close(s.done)
	}()
	select {
	case u, ok := <-found:
		if !ok {
			return nil, fmt.Errorf("serve exited before listening:\n%s", s.stderr.String())
		}
		s.url = u
	case <-time.After(3 * time.Minute):
		return nil, fmt.Errorf("serve did not start:\n%s", s.stderr.String())
	}
	return s, nil
}

// stop sends SIGTERM and returns the exit code.
func (s *server) stop(t *testing.T) int {
	t.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-s.done:
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop after SIGTERM")
	}
	return s.cmd.ProcessState.ExitCode()
}

// browser is an HTTP client with cookies that does not follow redirects.
func browser(t *testing.T) *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, Timeout: time.Minute,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func get(t *testing.T, c *http.Client, u string) (*http.Response, string) {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

var (
	csrfRE     = regexp.MustCompile(`name="csrf" value="([^"]+)"`)
	htmlLangRE = regexp.MustCompile(`<html[^>]*\blang="([a-z]{2})"`)
)

func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// signIn signs in through the real form with the CSRF token from the page.
func signIn(t *testing.T, c *http.Client, base, email, pw string) {
	t.Helper()
	_, page := get(t, c, base+"/signin")
	m := csrfRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no CSRF token on the sign-in page:\n%s", page)
	}
	resp, err := c.PostForm(base+"/signin", url.Values{"csrf": {m[1]}, "email": {email}, "password": {pw}})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther && resp.StatusCode != http.StatusFound {
		t.Fatalf("sign-in: %s\n%s", resp.Status, body)
	}
}

func TestServeEndToEnd(t *testing.T) {
	bin := buildPokot(t)
	dir := t.TempDir()
	s := startServe(t, bin, dir, []string{"POKOT_LOG_FORMAT=json"}, "--addr", "127.0.0.1:0", "--db", sqldbtest.DSN(t), "--demo")
	c := browser(t)

	for _, p := range []string{"/healthz", "/readyz"} {
		if resp, body := get(t, c, s.url+p); resp.StatusCode != 200 {
			t.Errorf("%s: %d %s", p, resp.StatusCode, body)
		}
	}

	resp, body := get(t, c, s.url+"/api/v1/openapi.json")
	var doc struct {
		OpenAPI string `json:"openapi"`
		Paths   map[string]any
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil || resp.StatusCode != 200 || !strings.HasPrefix(doc.OpenAPI, "3.1.") || len(doc.Paths) == 0 {
		t.Errorf("openapi.json: %d %v %q", resp.StatusCode, err, doc.OpenAPI)
	}
	resp, body = get(t, c, s.url+"/api/v1/me")
	if resp.StatusCode != 401 || resp.Header.Get("Content-Type") != "application/problem+json" {
		t.Errorf("/api/v1/me without a token: %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}

	// Finnish by default; ?lang=sv switches to Swedish and is remembered.
	_, body = get(t, c, s.url+"/")
	if m := htmlLangRE.FindStringSubmatch(body); m == nil || m[1] != "fi" {
		t.Errorf("home page lang = %v", m)
	}
	get(t, c, s.url+"/?lang=sv")
	_, body = get(t, c, s.url+"/")
	if m := htmlLangRE.FindStringSubmatch(body); m == nil || m[1] != "sv" {
		t.Errorf("after ?lang=sv the home page lang = %v", m)
	}
	get(t, c, s.url+"/?lang=fi")

	// The demo admin signs in through the real form and sees the dashboard.
	if len(s.logins) != 26 {
		t.Fatalf("%d demo logins printed:\n%s", len(s.logins), strings.Join(s.stdout, "\n"))
	}
	adminPW := s.logins["admin@pokot.example"]
	signIn(t, c, s.url, "admin@pokot.example", adminPW)
	resp, body = get(t, c, s.url+"/dashboard")
	if resp.StatusCode != 200 || !strings.Contains(body, "Sanna Mäkelä") {
		t.Fatalf("dashboard: %d\n%s", resp.StatusCode, body)
	}

	// An organisation admin makes a personal access token in the UI and uses the API with it.
	orgAdmin := browser(t)
	signIn(t, orgAdmin, s.url, "mikko.korhonen@hamk.example", s.logins["mikko.korhonen@hamk.example"])
	_, page := get(t, orgAdmin, s.url+"/profile")
	m := csrfRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no CSRF token on the profile page")
	}
	resp, err := orgAdmin.PostForm(s.url+"/profile/tokens", url.Values{"csrf": {m[1]}, "name": {"e2e"}, "scopes": {"read", "write"}})
	if err != nil {
		t.Fatal(err)
	}
	page = readAll(t, resp)
	secret := regexp.MustCompile(`id="token-secret">([^<]+)<`).FindStringSubmatch(page)
	if resp.StatusCode != 200 || secret == nil {
		t.Fatalf("token not shown: %d\n%s", resp.StatusCode, page)
	}
	apiCall := func(method, path, body string) (int, string) {
		req, _ := http.NewRequest(method, s.url+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+html.UnescapeString(secret[1]))
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, readAll(t, resp)
	}
	if code, body := apiCall("GET", "/api/v1/orgs/hamk/members", ""); code != 200 || !strings.Contains(body, "laura.nieminen@hamk.example") || strings.Contains(body, "tamk.example") {
		t.Errorf("members of hamk: %d %s", code, body)
	}
	if code, _ := apiCall("GET", "/api/v1/orgs/tamk/members", ""); code != 403 {
		t.Errorf("members of tamk: %d", code)
	}
	if code, body := apiCall("POST", "/api/v1/orgs/hamk/invitations", `{"email":"uusi.opettaja@example.fi","role":"designer"}`); code != 201 {
		t.Errorf("invitation: %d %s", code, body)
	}
	// Revoking it in the UI ends its use at once.
	_, page = get(t, orgAdmin, s.url+"/profile")
	revoke := regexp.MustCompile(`action="(/profile/tokens/\d+/revoke)"`).FindStringSubmatch(page)
	if revoke == nil {
		t.Fatal("no revoke form")
	}
	m = csrfRE.FindStringSubmatch(page)
	if resp, err := orgAdmin.PostForm(s.url+revoke[1], url.Values{"csrf": {m[1]}}); err != nil || resp.StatusCode >= 400 {
		t.Fatalf("revoke: %v %v", resp, err)
	}
	if code, _ := apiCall("GET", "/api/v1/me", ""); code != 401 {
		t.Errorf("revoked token: %d", code)
	}

	// The requests above are counted by route pattern.
	_, body = get(t, c, s.url+"/metrics")
	for _, want := range []string{
		`pokot_http_requests_total{route="GET /healthz",method="GET",status="200"} 1`,
		`pokot_http_requests_total{route="GET /api/v1/me",method="GET",status="401"} 2`,
		`pokot_http_requests_total{route="POST /api/v1/orgs/{slug}/invitations",method="POST",status="201"} 1`,
		`# TYPE pokot_http_request_duration_seconds histogram`,
		`pokot_db_open_connections `,
		`pokot_mail_queue_depth 0`,
		`# TYPE pokot_job_queue_depth gauge`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}

	if code := s.stop(t); code != 0 {
		t.Fatalf("exit code %d after SIGTERM", code)
	}
	logs := s.stderr.String()
	for email, pw := range s.logins {
		if strings.Contains(logs, pw) || strings.Contains(logs, email) {
			t.Fatalf("the log holds a demo password or address (%s)", email)
		}
	}
	// Structured JSON logs, one object per line.
	for _, line := range strings.Split(strings.TrimSpace(logs), "\n") {
		var v map[string]any
		if err := json.Unmarshal([]byte(line), &v); err != nil || v["msg"] == nil {
			t.Fatalf("log line is not JSON: %q", line)
		}
	}
}

// TestServePostgresTwoProcesses runs two servers against one PostgreSQL database: both
// start (the migrations run once), and a session made on one is valid on the other.
func TestServePostgresTwoProcesses(t *testing.T) {
	if os.Getenv(sqldbtest.EnvPostgres) == "" {
		t.Skip(sqldbtest.EnvPostgres + " not set")
	}
	bin := buildPokot(t)
	dsn := sqldbtest.DSN(t)
	var a, b *server
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		a = startServe(t, bin, t.TempDir(), nil, "--addr", "127.0.0.1:0", "--db", dsn, "--demo")
	}()
	go func() {
		defer wg.Done()
		b = startServe(t, bin, t.TempDir(), nil, "--addr", "127.0.0.1:0", "--db", dsn, "--demo")
	}()
	wg.Wait()
	if a == nil || b == nil {
		t.FailNow()
	}
	// Exactly one of them created the demo.
	logins := a.logins
	if len(logins) == 0 {
		logins = b.logins
	}
	if len(logins) != 26 || (len(a.logins) > 0 && len(b.logins) > 0) {
		t.Fatalf("demo logins: %d and %d", len(a.logins), len(b.logins))
	}
	db, err := sqldb.Connect(context.Background(), dsn, nil)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := db.Migrations(context.Background())
	db.Close()
	if err != nil || len(ms) == 0 {
		t.Fatalf("migrations %v %v", ms, err)
	}
	for _, m := range ms {
		if m.Applied == nil {
			t.Errorf("migration %s not applied", m.Name)
		}
	}

	c := browser(t)
	signIn(t, c, a.url, "admin@pokot.example", logins["admin@pokot.example"])
	// The cookie jar matches by host, not port: the same cookie goes to b.
	resp, body := get(t, c, b.url+"/dashboard")
	if resp.StatusCode != 200 || !strings.Contains(body, "Sanna Mäkelä") {
		t.Fatalf("dashboard on the second process: %d", resp.StatusCode)
	}
	// Signing out on b ends the session on a too.
	_, page := get(t, c, b.url+"/dashboard")
	m := csrfRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no CSRF token on the dashboard")
	}
	if resp, err := c.PostForm(b.url+"/signout", url.Values{"csrf": {m[1]}}); err != nil || resp.StatusCode >= 400 {
		t.Fatalf("sign-out: %v %v", resp, err)
	}
	if resp, _ := get(t, c, a.url+"/dashboard"); resp.StatusCode == 200 {
		t.Fatal("session still valid on the first process after signing out on the second")
	}
	for _, s := range []*server{a, b} {
		if code := s.stop(t); code != 0 {
			t.Errorf("exit code %d", code)
		}
	}
}

// runPokot runs a subcommand in-process with a cancelled context, so that a command that
// got past its checks fails fast (exit 1) instead of serving.
func runPokot(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	if args[0] == "serve" {
		cancel()
	} else {
		defer cancel()
	}
	var out, errb bytes.Buffer
	code := run(ctx, args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestServeBadFlagsAndEnvironment(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "x.db")
	cases := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"unknown flag", nil, []string{"--nope"}, "flag provided but not defined"},
		{"bad addr", nil, []string{"--addr", "localhost"}, "HOST:PORT"},
		{"bad base url", nil, []string{"--base-url", "ftp://example.fi"}, "base-url"},
		{"stray argument", nil, []string{"now"}, "unexpected argument"},
		{"bad demo env", map[string]string{"POKOT_DEMO": "maybe"}, nil, "POKOT_DEMO"},
		{"bad smtp port", map[string]string{"POKOT_SMTP_PORT": "99999"}, nil, "POKOT_SMTP_PORT"},
		{"bad smtp tls", map[string]string{"POKOT_SMTP_TLS": "ssl"}, nil, "smtp tls"},
		{"smtp host without from", map[string]string{"POKOT_SMTP_HOST": "smtp.example.fi"}, nil, "smtp from"},
		{"smtp without tls to a remote host", map[string]string{"POKOT_SMTP_HOST": "smtp.example.fi", "POKOT_SMTP_FROM": "noreply@example.fi", "POKOT_SMTP_TLS": "none"}, nil, "POKOT_SMTP_TLS=none"},
		{"bad smtp from", map[string]string{"POKOT_SMTP_HOST": "127.0.0.1", "POKOT_SMTP_FROM": "POKOT noreply at example.fi"}, nil, "POKOT_SMTP_FROM"},
		{"bad session ttl", map[string]string{"POKOT_SESSION_TTL": "forever"}, nil, "POKOT_SESSION_TTL"},
		{"bad log format", map[string]string{"POKOT_LOG_FORMAT": "xml"}, nil, "log format"},
		{"bad issue chunk", map[string]string{"POKOT_ISSUE_CHUNK": "0"}, nil, "POKOT_ISSUE_CHUNK"},
		{"too short issue lease", map[string]string{"POKOT_ISSUE_LEASE": "500ms"}, nil, "POKOT_ISSUE_LEASE"},
		{"bad log level", map[string]string{"POKOT_LOG_LEVEL": "loud"}, nil, "POKOT_LOG_LEVEL"},
		{"misspelt oidc setting", map[string]string{"POKOT_OIDC_ENTRA_ISSUR": "https://x"}, nil, "POKOT_OIDC_ENTRA_ISSUR"},
		{"oidc without client id", map[string]string{"POKOT_OIDC_ENTRA_ISSUER": "https://login.example.fi"}, nil, "client id"},
		{"oidc over plain http", map[string]string{"POKOT_OIDC_G_ISSUER": "http://idp.example.fi", "POKOT_OIDC_G_CLIENT_ID": "x"}, nil, "https"},
		{"env addr, no flag", map[string]string{"POKOT_ADDR": "nonsense"}, nil, "HOST:PORT"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			args := append([]string{"serve", "--db", dbPath}, c.args...)
			code, _, stderr := runPokot(t, "", args...)
			if code != 2 || !strings.Contains(stderr, c.want) {
				t.Fatalf("exit %d, stderr %q; want 2 and %q", code, stderr, c.want)
			}
		})
	}
	// Flags win over the environment: a bad POKOT_ADDR is overridden by a good --addr, so
	// the command gets past its checks (and stops at once: the context is cancelled).
	t.Setenv("POKOT_ADDR", "nonsense")
	if code, _, stderr := runPokot(t, "", "serve", "--db", dbPath, "--addr", "127.0.0.1:0"); code == 2 {
		t.Fatalf("flag did not win over env: %s", stderr)
	}
	// Help shows the built-in defaults, never a DSN from the environment.
	t.Setenv("POKOT_DB", "postgres://pokot:s3cret@db.example.fi/pokot")
	if code, _, stderr := runPokot(t, "", "serve", "-h"); code != 0 || strings.Contains(stderr, "s3cret") || !strings.Contains(stderr, `(default "pokot.db")`) {
		t.Fatalf("serve -h: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runPokot(t, "", "migrate", "-h"); code != 0 || strings.Contains(stderr, "s3cret") {
		t.Fatalf("migrate -h: exit %d\n%s", code, stderr)
	}
}

func TestMigrateCommand(t *testing.T) {
	dbPath := sqldbtest.DSN(t) // SQLite, or PostgreSQL when the test run has one
	code, out, stderr := runPokot(t, "", "migrate", "--db", dbPath)
	if code != 0 || !strings.Contains(out, "applied 0001-") || !strings.Contains(out, "migrated") {
		t.Fatalf("first run: %d %q %q", code, out, stderr)
	}
	code, out, _ = runPokot(t, "", "migrate", "--db", dbPath)
	if code != 0 || strings.Contains(out, "applied") || !strings.Contains(out, "up to date") {
		t.Fatalf("second run: %d %q", code, out)
	}
	t.Setenv("POKOT_DB", dbPath)
	if code, out, _ = runPokot(t, "", "migrate"); code != 0 || !strings.Contains(out, "up to date") {
		t.Fatalf("POKOT_DB: %d %q", code, out)
	}
	if code, _, _ := runPokot(t, "", "migrate", "--bogus"); code != 2 {
		t.Fatalf("bad flag: exit %d", code)
	}
	if code, _, stderr := runPokot(t, "", "migrate", "--db", "postgres://nobody@127.0.0.1:1/x?connect_timeout=2"); code != 1 || stderr == "" {
		t.Fatalf("unreachable database: exit %d %q", code, stderr)
	}
}

func TestUserAddCommand(t *testing.T) {
	dbPath := sqldbtest.DSN(t)
	code, out, stderr := runPokot(t, "", "user", "add", "--db", dbPath, "--email", "Yllapitaja.Testi@Example.FI", "--name", "Ylva Ylläpitäjä", "--admin")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	m := regexp.MustCompile(`(?m)^password: (\S+)$`).FindStringSubmatch(out)
	if m == nil || len(m[1]) < 16 || !strings.Contains(out, "platform administrator") {
		t.Fatalf("output %q", out)
	}
	db, err := sqldb.Open(context.Background(), dbPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	u, err := db.UserByEmail(context.Background(), "yllapitaja.testi@example.fi")
	if err != nil {
		t.Fatal(err)
	}
	if ok, _ := password.Verify(m[1], u.PasswordHash); !ok || !u.Admin || u.Name != "Ylva Ylläpitäjä" {
		t.Fatalf("stored user %+v does not match", u)
	}

	// --password-stdin: a good one is taken, a weak one is refused without creating anyone.
	code, out, stderr = runPokot(t, "vahva-ja-pitka-salasana-42\n", "user", "add", "--db", dbPath, "--email", "aino@example.fi", "--password-stdin")
	if code != 0 || strings.Contains(out, "password:") {
		t.Fatalf("stdin password: %d %q %q", code, out, stderr)
	}
	u, _ = db.UserByEmail(context.Background(), "aino@example.fi")
	if ok, _ := password.Verify("vahva-ja-pitka-salasana-42", u.PasswordHash); !ok || u.Admin {
		t.Fatalf("stdin password not stored: %+v", u)
	}
	cases := []struct {
		name, stdin string
		args        []string
		code        int
	}{
		{"weak password", "password\n", []string{"--email", "b@example.fi", "--password-stdin"}, 2},
		{"bad e-mail", "", []string{"--email", "not-an-address"}, 2},
		{"no e-mail", "", nil, 2},
		{"bad language", "", []string{"--email", "c@example.fi", "--lang", "de"}, 2},
		{"duplicate", "", []string{"--email", "AINO@example.fi"}, 1},
		{"unknown flag", "", []string{"--root"}, 2},
	}
	for _, c := range cases {
		code, _, stderr := runPokot(t, c.stdin, append([]string{"user", "add", "--db", dbPath}, c.args...)...)
		if code != c.code || stderr == "" {
			t.Errorf("%s: exit %d (%q), want %d", c.name, code, stderr, c.code)
		}
	}
	users, _ := db.Users(context.Background())
	if len(users) != 2 {
		t.Fatalf("%d users after the refused attempts, want 2", len(users))
	}
	if code, _, _ := runPokot(t, "", "user", "remove"); code != 2 {
		t.Fatalf("unknown user subcommand: exit %d", code)
	}
}

// TestServeOIDCSignIn signs a demo user in through a real OpenID Connect provider on
// loopback, configured only through the environment: discovery at start-up, the browser's
// redirects, the code exchange with PKCE from the server process, and the session.
func TestServeOIDCSignIn(t *testing.T) {
	bin := buildPokot(t)
	idp := oidctest.New(t, oidctest.Options{Claims: map[string]any{
		"sub": "idp-laura", "email": "Laura.Nieminen@hamk.example", "email_verified": true, "name": "Laura N.",
	}})
	dir := t.TempDir()
	s := startServe(t, bin, dir, []string{
		"POKOT_OIDC_TESTIDP_ISSUER=" + idp.Issuer(),
		"POKOT_OIDC_TESTIDP_CLIENT_ID=" + idp.ClientID,
		"POKOT_OIDC_TESTIDP_CLIENT_SECRET=" + idp.ClientSecret,
		"POKOT_OIDC_TESTIDP_NAME=Testi-IdP",
	}, "--addr", "127.0.0.1:0", "--db", filepath.Join(dir, "oidc.db"), "--demo")
	c := browser(t)
	_, page := get(t, c, s.url+"/signin")
	button := regexp.MustCompile(`href="(/auth/oidc/testidp(?:\?[^"]*)?)"`).FindStringSubmatch(page)
	if button == nil || !strings.Contains(page, "Testi-IdP") {
		t.Fatalf("no sign-in button for the provider:\n%s", page)
	}
	// Follow the redirects by hand: to the provider, back to the callback, to the dashboard.
	next := s.url + html.UnescapeString(button[1])
	for i := 0; i < 5 && strings.HasPrefix(next, "http"); i++ {
		resp, body := get(t, c, next)
		if resp.StatusCode != http.StatusFound && resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("step %d %s: %s\n%s", i, next, resp.Status, body)
		}
		loc, err := resp.Location()
		if err != nil {
			t.Fatal(err)
		}
		next = loc.String()
		if strings.HasSuffix(loc.Path, "/dashboard") {
			break
		}
	}
	resp, body := get(t, c, next)
	if resp.StatusCode != 200 || !strings.Contains(body, "Laura Nieminen") {
		t.Fatalf("after OIDC sign-in %s: %d\n%s", next, resp.StatusCode, body)
	}
	if code := s.stop(t); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if strings.Contains(s.stderr.String(), idp.ClientSecret) {
		t.Fatal("the client secret is in the log")
	}
}

// TestServeDeliversMail configures a real SMTP server on loopback through the environment
// and asks for a password reset: the mail worker of the running binary delivers the link.
func TestServeDeliversMail(t *testing.T) {
	bin := buildPokot(t)
	smtp := &smtptest.Server{Users: map[string]string{"pokot": "smtp-salasana"}}
	port := smtp.Start(t)
	dir := t.TempDir()
	s := startServe(t, bin, dir, []string{
		"POKOT_SMTP_HOST=127.0.0.1",
		fmt.Sprintf("POKOT_SMTP_PORT=%d", port),
		"POKOT_SMTP_TLS=none",
		"POKOT_SMTP_USERNAME=pokot",
		"POKOT_SMTP_PASSWORD=smtp-salasana",
		"POKOT_SMTP_FROM=POKOT <noreply@pokot.example>",
	}, "--addr", "127.0.0.1:0", "--db", filepath.Join(dir, "mail.db"), "--demo")
	c := browser(t)
	_, page := get(t, c, s.url+"/password/forgot")
	m := csrfRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no CSRF token:\n%s", page)
	}
	resp, err := c.PostForm(s.url+"/password/forgot", url.Values{"csrf": {m[1]}, "email": {"kari.aaltonen@tamk.example"}})
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("forgot: %v %v", resp, err)
	}
	resp.Body.Close()
	// The worker polls every few seconds.
	deadline := time.Now().Add(time.Minute)
	for len(smtp.Messages()) == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("no mail delivered; log:\n%s", s.stderr.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	msg := smtp.Messages()[0]
	if msg.To != "kari.aaltonen@tamk.example" || msg.From != "noreply@pokot.example" || msg.User != "pokot" {
		t.Fatalf("envelope %+v", msg)
	}
	parsed, err := netmail.ReadMessage(strings.NewReader(msg.Data))
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(quotedprintable.NewReader(parsed.Body))
	if err != nil || !strings.Contains(string(body), s.url+"/password/reset/") {
		t.Fatalf("no reset link in the message (%v):\n%s", err, body)
	}
	if code := s.stop(t); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if logs := s.stderr.String(); strings.Contains(logs, "smtp-salasana") || strings.Contains(logs, "kari.aaltonen") {
		t.Fatalf("the log holds the SMTP password or the address:\n%s", logs)
	}
}

// TestServeFinishesRequestsOnSIGTERM sends half a request, stops the server, and then sends
// the rest: the request still gets its answer before the process exits 0.
func TestServeFinishesRequestsOnSIGTERM(t *testing.T) {
	bin := buildPokot(t)
	dir := t.TempDir()
	s := startServe(t, bin, dir, nil, "--addr", "127.0.0.1:0", "--db", filepath.Join(dir, "graceful.db"))
	// A database without an administrator: the start-up output says how to make one.
	if out := strings.Join(s.stdout, "\n"); !strings.Contains(out, s.url+"/setup") || !strings.Contains(out, "pokot user add") {
		t.Errorf("no first-run hint in:\n%s", out)
	}
	addr := strings.TrimPrefix(s.url, "http://")
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := "email=a%40example.fi&password=x&csrf=none"
	// With Expect: 100-continue the server says "100 Continue" only when the handler starts
	// to read the body: then the request is surely in flight.
	fmt.Fprintf(conn, "POST /signin HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\nExpect: 100-continue\r\n\r\n",
		addr, len(body))
	br := bufio.NewReader(conn)
	if resp, err := http.ReadResponse(br, nil); err != nil || resp.StatusCode != http.StatusContinue {
		t.Fatalf("want 100 Continue, got %v %v", resp, err)
	}
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	// Wait until the server has begun to shut down: it stops accepting new connections.
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(10 * time.Millisecond) {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("the server kept accepting connections after SIGTERM")
		}
	}
	if _, err := io.WriteString(conn, body); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatalf("the in-flight request got no answer: %v", err)
	}
	resp.Body.Close()
	// A made-up CSRF token: refused, but answered.
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("status %d, want 403", resp.StatusCode)
	}
	select {
	case <-s.done:
	case <-time.After(time.Minute):
		t.Fatal("serve did not exit")
	}
	if code := s.cmd.ProcessState.ExitCode(); code != 0 {
		t.Fatalf("exit %d", code)
	}
}

// TestOIDCProviderDownIsSkipped: a provider that does not answer discovery is left off the
// sign-in page and logged; the others still work.
func TestOIDCProviderDownIsSkipped(t *testing.T) {
	up := oidctest.New(t, oidctest.Options{})
	var logs syncBuffer
	got := oidcLogins(context.Background(), []domain.OIDCProvider{
		{ID: "down", Issuer: "http://127.0.0.1:1", ClientID: "x"},
		{ID: "up", Name: "Up", Issuer: up.Issuer(), ClientID: up.ClientID, ClientSecret: up.ClientSecret},
	}, slog.New(slog.NewTextHandler(&logs, nil)))
	if len(got) != 1 || got[0].ID() != "up" || got[0].Name() != "Up" {
		t.Fatalf("providers %v", got)
	}
	if !strings.Contains(logs.String(), "provider=down") || strings.Contains(logs.String(), up.ClientSecret) {
		t.Fatalf("log %q", logs.String())
	}
}

// TestServeConfigFromEnvironment reads every setting from the environment, and the flags
// override what they name.
func TestServeConfigFromEnvironment(t *testing.T) {
	env := map[string]string{
		"POKOT_ADDR": "0.0.0.0:9000", "POKOT_DB": "/var/lib/pokot/pokot.db", "POKOT_BASE_URL": "https://pokot.example.fi/",
		"POKOT_DEMO": "true", "POKOT_SESSION_TTL": "48h",
		"POKOT_SMTP_HOST": "smtp.example.fi", "POKOT_SMTP_PORT": "465", "POKOT_SMTP_USERNAME": "pokot",
		"POKOT_SMTP_PASSWORD": " salainen ", "POKOT_SMTP_FROM": "POKOT <noreply@example.fi>", "POKOT_SMTP_TLS": "TLS",
		"POKOT_OIDC_ENTRA_ISSUER": "https://login.example.fi/v2.0", "POKOT_OIDC_ENTRA_CLIENT_ID": "abc",
		"POKOT_OIDC_ENTRA_CLIENT_SECRET": "xyz", "POKOT_OIDC_ENTRA_NAME": "Microsoft Entra ID",
		"POKOT_OIDC_MPASS_ISSUER": "https://mpass.example.fi", "POKOT_OIDC_MPASS_CLIENT_ID": "m",
		"POKOT_ISSUE_CHUNK": "250", "POKOT_ISSUE_LEASE": "1m", "POKOT_METRICS_TOKEN": " mittari ",
	}
	var environ []string
	for k, v := range env {
		environ = append(environ, k+"="+v)
	}
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	cfg, opts, err := serveConfig(nil, lookup, environ, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Addr != "0.0.0.0:9000" || cfg.DB != "/var/lib/pokot/pokot.db" || cfg.BaseURL != "https://pokot.example.fi" ||
		!cfg.Demo || cfg.SessionTTL != 48*time.Hour || opts.logFormat != "text" {
		t.Errorf("config %+v", cfg)
	}
	if opts.issueChunk != 250 || opts.issueLease != time.Minute || cfg.MetricsToken != "mittari" {
		t.Errorf("issuing %d %s, metrics token %q", opts.issueChunk, opts.issueLease, cfg.MetricsToken)
	}
	if sm := cfg.SMTP; sm.Host != "smtp.example.fi" || sm.Port != 465 || sm.Username != "pokot" || sm.Password != " salainen " || sm.TLS != "tls" {
		t.Errorf("smtp %+v", sm)
	}
	if len(cfg.OIDC) != 2 || cfg.OIDC[0].ID != "entra" || cfg.OIDC[0].Name != "Microsoft Entra ID" || cfg.OIDC[0].ClientSecret != "xyz" ||
		cfg.OIDC[1].ID != "mpass" || cfg.OIDC[1].ClientID != "m" {
		t.Errorf("oidc %+v", cfg.OIDC)
	}
	cfg, _, err = serveConfig([]string{"--addr", "127.0.0.1:7000", "--demo=false", "--db", "other.db", "--log-format", "json"}, lookup, environ, io.Discard)
	if err != nil || cfg.Addr != "127.0.0.1:7000" || cfg.Demo || cfg.DB != "other.db" || cfg.BaseURL != "https://pokot.example.fi" {
		t.Fatalf("flags over env: %+v %v", cfg, err)
	}
}

package web_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// lockedBuffer collects log output from the server's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestRequestLogHasNoPersonalData(t *testing.T) {
	t.Parallel()
	var logs lockedBuffer
	e := newEnv(t, func(d *webDeps) {
		d.Logger = slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	e.user("maija.meikalainen@example.fi", "Maija Meikäläinen", true)
	b := e.browser()
	b.get("/signin")
	b.post("/signin", url.Values{"email": {"maija.meikalainen@example.fi"}, "password": {"väärä salasana tässä"}})
	b.signin("maija.meikalainen@example.fi")
	b.get("/admin/orgs")
	b.post("/admin/orgs/new", url.Values{"slug": {"hamk"}, "name_fi": {"HAMK"}, "country": {"FI"}})
	b.post("/orgs/hamk/invitations", url.Values{"email": {"kutsuttu@example.fi"}, "role": {"learner"}})
	link := linkIn(t, e.mails()[0])
	e.browser().get(link)

	out := logs.String()
	if !strings.Contains(out, `"route":"POST /signin"`) || !strings.Contains(out, `"route":"GET /invitations/{token}"`) {
		t.Fatalf("request log lacks routes:\n%s", out)
	}
	// The token alone (the link ends with ?lang=…), so that a logged token is caught.
	token, _, _ := strings.Cut(strings.TrimPrefix(link, "/invitations/"), "?")
	if len(token) < 20 {
		t.Fatalf("no token in the link %q", link)
	}
	for _, secret := range []string{"maija", "Meikäläinen", "väärä salasana", testPassword, "kutsuttu", token, "127.0.0.1", b.cookie("pokot_session")} {
		if strings.Contains(out, secret) {
			t.Errorf("log contains %q", secret)
		}
	}
}

func TestPanicBecomesErrorPage(t *testing.T) {
	t.Parallel()
	var logs lockedBuffer
	e := newEnv(t, func(d *webDeps) {
		d.Logger = slog.New(slog.NewJSONHandler(&logs, nil))
		d.API = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { panic("secret internal detail") })
	})
	b := e.browser()
	b.header.Set("Accept-Language", "sv")
	r := b.get("/api/v1/boom")
	wantStatus(t, r, http.StatusInternalServerError)
	wantBody(t, r, `<html lang="sv">`, "Något gick fel")
	if strings.Contains(r.body, "secret internal detail") {
		t.Fatal("panic value shown to the user")
	}
	if !strings.Contains(logs.String(), "secret internal detail") {
		t.Fatal("panic not logged")
	}
	// The server goes on.
	wantStatus(t, b.get("/healthz"), http.StatusOK)
}

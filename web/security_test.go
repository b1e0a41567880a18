package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pokot/pokot"
)

func TestCSRF(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	u := e.user("maija@example.fi", "Maija", false)
	b := e.browser()
	b.signin("maija@example.fi")
	b.get("/profile")
	for name, body := range map[string]string{
		"missing": "name=Hakkeroitu&lang=en",
		"empty":   "csrf=&name=Hakkeroitu&lang=en",
		"wrong":   "csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&name=Hakkeroitu&lang=en",
		"twice":   "csrf=AAAA&csrf=" + url.QueryEscape(b.csrf) + "&name=Hakkeroitu&lang=en",
	} {
		t.Run(name, func(t *testing.T) {
			req, _ := http.NewRequest("POST", e.srv.URL+"/profile", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			r := b.do(req)
			wantStatus(t, r, http.StatusForbidden)
			wantBody(t, r, "Lomake on vanhentunut", `<html lang="fi">`)
			got, _ := e.db.UserByID(ctx, u.ID)
			if got.Name != "Maija" || got.Lang != pokot.Finnish {
				t.Fatalf("profile changed: %+v", got)
			}
		})
	}
	// A token of another session does not work either.
	other := e.browser()
	e.user("matti@example.fi", "Matti", false)
	other.signin("matti@example.fi")
	other.get("/profile")
	r := b.post("/profile", url.Values{"csrf": {other.csrf}, "name": {"Hakkeroitu"}, "lang": {"en"}})
	wantStatus(t, r, http.StatusForbidden)

	// Anonymous forms use the double-submit cookie: a fresh client without it is refused.
	anon := e.browser()
	r = anon.post("/signin", url.Values{"csrf": {"x"}, "email": {"maija@example.fi"}, "password": {testPassword}})
	wantStatus(t, r, http.StatusForbidden)
	if anon.cookie("pokot_session") != "" {
		t.Fatal("signed in without a CSRF token")
	}
	// Sign-out is a POST too.
	r = b.post("/signout", url.Values{"csrf": {"wrong"}})
	wantStatus(t, r, http.StatusForbidden)
	wantStatus(t, b.get("/dashboard"), http.StatusOK)
}

func TestOversizeBody(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.user("maija@example.fi", "Maija", false)
	b := e.browser()
	b.signin("maija@example.fi")
	b.get("/profile")
	b.header.Set("Accept-Language", "sv")
	big := strings.Repeat("a", 2<<20)
	r := b.post("/profile", url.Values{"name": {big}, "lang": {"fi"}})
	wantStatus(t, r, http.StatusRequestEntityTooLarge)
	wantBody(t, r, `<html lang="fi">`, "Lähetys on liian suuri")

	// Without a Content-Length the limit still holds (chunked body).
	anon := e.browser()
	anon.header.Set("Accept-Language", "sv-FI, en;q=0.5")
	anon.get("/signin")
	pr := strings.NewReader("csrf=" + anon.csrf + "&email=" + big)
	req, _ := http.NewRequest("POST", e.srv.URL+"/signin", struct{ *strings.Reader }{pr})
	req.ContentLength = -1
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r = anon.do(req)
	wantStatus(t, r, http.StatusRequestEntityTooLarge)
	wantBody(t, r, `<html lang="sv">`, "Sändningen är för stor")
	if got, _ := e.db.UserByID(ctx, 1); got.Name != "Maija" {
		t.Fatal("oversize post changed the profile")
	}
}

func TestSecurityHeaders(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	b := e.browser()
	for _, path := range []string{"/", "/signin", "/no-such-page", "/healthz"} {
		r := b.get(path)
		h := r.Header
		csp := h.Get("Content-Security-Policy")
		if csp == "" || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") ||
			!strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "script-src 'self'") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" {
			t.Errorf("%s: headers %v", path, h)
		}
		if h.Get("Strict-Transport-Security") != "" {
			t.Errorf("%s: HSTS over plain HTTP", path)
		}
	}
	// No inline scripts or styles in any page (CSP would block them).
	r := b.get("/signin")
	for _, bad := range []string{"<script>", "style=", "<style", "onclick=", "javascript:"} {
		if strings.Contains(r.body, bad) {
			t.Errorf("sign-in page contains %q", bad)
		}
	}
	// Cookies: HttpOnly, SameSite=Lax; Secure and HSTS behind HTTPS.
	for _, c := range r.Cookies() {
		if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode {
			t.Errorf("cookie %s: HttpOnly=%v SameSite=%v", c.Name, c.HttpOnly, c.SameSite)
		}
	}
	hs := newEnv(t, func(d *webDeps) { d.Config.BaseURL = "https://pokot.example.fi" })
	hs.user("maija@example.fi", "Maija", false)
	hb := hs.browser()
	r = hb.get("/signin")
	if !strings.HasPrefix(r.Header.Get("Strict-Transport-Security"), "max-age=") {
		t.Errorf("no HSTS behind HTTPS: %v", r.Header)
	}
	for _, c := range r.Cookies() {
		if !c.Secure {
			t.Errorf("cookie %s not Secure behind HTTPS", c.Name)
		}
	}
}

func TestStaticFiles(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	b := e.browser()
	r := b.get("/")
	m := regexpFind(`href="(/static/app\.[0-9a-f]{10}\.css)"`, r.body)
	if m == "" {
		t.Fatalf("no hashed stylesheet link in\n%s", r.body)
	}
	css := b.get(m)
	wantStatus(t, css, http.StatusOK)
	if !strings.Contains(css.Header.Get("Cache-Control"), "immutable") || !strings.HasPrefix(css.Header.Get("Content-Type"), "text/css") {
		t.Errorf("static headers %v", css.Header)
	}
	wantStatus(t, b.get("/static/app.css"), http.StatusNotFound)
	wantStatus(t, b.get("/static/app.0000000000.css"), http.StatusNotFound)
}

func TestHealth(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	b := e.browser()
	r := b.get("/healthz")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "ok")
	wantStatus(t, b.get("/readyz"), http.StatusOK)
	wantBody(t, b.get("/api/v1/x"), "api")
	wantBody(t, b.get("/metrics"), "metrics")
	e.db.Close()
	wantStatus(t, b.get("/readyz"), http.StatusServiceUnavailable)
}

func TestUnknownLanguage(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	b := e.browser()
	r := b.get("/?lang=xx")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, `<html lang="fi">`)
	if b.cookie("pokot_lang") != "" {
		t.Error("unknown language remembered")
	}
	r = b.get("/signin?lang=<script>")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, `<html lang="fi">`)
	// A known one is remembered in a cookie…
	r = b.get("/?lang=sv")
	wantBody(t, r, `<html lang="sv">`)
	r = b.get("/signin")
	wantBody(t, r, `<html lang="sv">`, "Logga in")
	// …and Accept-Language picks the language of a first visit.
	c := e.browser()
	c.header.Set("Accept-Language", "en-GB,en;q=0.9")
	wantBody(t, c.get("/"), `<html lang="en">`)
	c.header.Set("Accept-Language", "de-DE")
	wantBody(t, e.browser().get("/"), `<html lang="fi">`)
}

func TestLanguageRememberedInProfile(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	u := e.user("maija@example.fi", "Maija", false)
	b := e.browser()
	b.signin("maija@example.fi")
	wantBody(t, b.get("/dashboard?lang=sv"), `<html lang="sv">`, "Översikt")
	got, _ := e.db.UserByID(ctx, u.ID)
	if got.Lang != pokot.Swedish {
		t.Fatalf("profile language %q", got.Lang)
	}
	// A new browser picks it up at sign-in.
	b2 := e.browser()
	b2.signin("maija@example.fi")
	wantBody(t, b2.get("/dashboard"), `<html lang="sv">`)
}

func TestUnreadableForm(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.user("maija@example.fi", "Maija", false)
	b := e.browser()
	b.get("/signin")
	req, _ := http.NewRequest("POST", e.srv.URL+"/signin", strings.NewReader("csrf="+b.csrf+"&email=%zz&password=x"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r := b.do(req)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Lomakkeen tietoja ei voitu lukea", `<html lang="fi">`)
	if b.cookie("pokot_session") != "" {
		t.Fatal("signed in from an unreadable form")
	}
}

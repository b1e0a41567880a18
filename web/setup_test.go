package web_test

import (
	"net/http"
	"net/url"
	"testing"
)

func TestFirstRun(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	b := e.browser()
	r := b.get("/")
	wantBody(t, r, `href="/setup"`)
	r = b.get("/setup")
	wantStatus(t, r, http.StatusOK)

	// A weak password is refused; the name and e-mail stay in the form.
	r = b.post("/setup", url.Values{"name": {"Anna Admin"}, "email": {"anna@example.fi"}, "password": {"salasana1234"}, "password2": {"salasana1234"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "liian yleinen", `value="Anna Admin"`, `value="anna@example.fi"`, "<title>Virhe:")
	if n, _ := e.db.CountAdmins(ctx); n != 0 {
		t.Fatal("admin created from a rejected form")
	}
	r = b.post("/setup", url.Values{"name": {"Anna Admin"}, "email": {"anna@example.fi"}, "password": {testPassword}, "password2": {testPassword + "x"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Salasanat eivät ole samat")

	r = b.post("/setup", url.Values{"name": {"Anna Admin"}, "email": {"anna@example.fi"}, "password": {testPassword}, "password2": {testPassword}})
	wantStatus(t, r, http.StatusSeeOther)
	wantLocation(t, r, "/dashboard")
	r = b.get("/dashboard")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Palvelun ylläpito")
	if n, _ := e.db.CountAdmins(ctx); n != 1 {
		t.Fatalf("%d admins", n)
	}

	// Once there is an admin, the page is gone for everybody, and posting does nothing.
	other := e.browser()
	wantStatus(t, other.get("/setup"), http.StatusNotFound)
	other.get("/signin")
	r = other.post("/setup", url.Values{"name": {"Eve"}, "email": {"eve@example.fi"}, "password": {testPassword}, "password2": {testPassword}})
	wantStatus(t, r, http.StatusNotFound)
	if _, err := e.db.UserByEmail(ctx, "eve@example.fi"); err == nil {
		t.Fatal("second admin created")
	}
	if b := e.browser().get("/"); regexpFind(`(href="/setup")`, b.body) != "" {
		t.Fatal("home still links to set-up")
	}
}

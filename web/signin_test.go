package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestSignin(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.user("maija@example.fi", "Maija Meikäläinen", false)

	t.Run("ok", func(t *testing.T) {
		b := e.browser()
		b.get("/signin")
		r := b.post("/signin", url.Values{"email": {" Maija@Example.fi "}, "password": {testPassword}, "next": {"/profile"}})
		wantStatus(t, r, http.StatusSeeOther)
		wantLocation(t, r, "/profile")
		if b.cookie("pokot_session") == "" {
			t.Fatal("no session cookie")
		}
		r = b.get("/dashboard")
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, "Maija Meikäläinen", "Olet kirjautunut sisään.")
	})

	t.Run("wrong password and unknown e-mail look the same", func(t *testing.T) {
		b := e.browser()
		b.get("/signin")
		wrong := b.post("/signin", url.Values{"email": {"maija@example.fi"}, "password": {"väärä salasana tämä"}})
		wantStatus(t, wrong, http.StatusUnauthorized)
		wantBody(t, wrong, "Sähköpostiosoite tai salasana on väärin.", `value="maija@example.fi"`)
		unknown := b.post("/signin", url.Values{"email": {"nobody@example.fi"}, "password": {"väärä salasana tämä"}})
		wantStatus(t, unknown, http.StatusUnauthorized)
		wantBody(t, unknown, "Sähköpostiosoite tai salasana on väärin.", `value="nobody@example.fi"`)
		if b.cookie("pokot_session") != "" {
			t.Fatal("session cookie after a failed sign-in")
		}
		if strings.Contains(wrong.body, "väärä salasana") {
			t.Fatal("the typed password came back in the page")
		}
	})

	t.Run("malformed form keeps the values", func(t *testing.T) {
		b := e.browser()
		b.get("/signin")
		r := b.post("/signin", url.Values{"email": {"maija@example.fi"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, `value="maija@example.fi"`, "Kirjoita salasana.", `aria-invalid="true"`,
			`href="#signin-password"`, `id="signin-password-error"`)
	})
}

func TestSigninThrottledPerAccount(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.user("maija@example.fi", "Maija", false)
	b := e.browser()
	b.get("/signin")
	for i := 0; i < 5; i++ {
		r := b.post("/signin", url.Values{"email": {"maija@example.fi"}, "password": {"väärä salasana tämä"}})
		wantStatus(t, r, http.StatusUnauthorized)
	}
	// The right password no longer helps within the window…
	r := b.post("/signin", url.Values{"email": {"maija@example.fi"}, "password": {testPassword}})
	wantStatus(t, r, http.StatusTooManyRequests)
	wantBody(t, r, "Liian monta kirjautumisyritystä")
	if b.cookie("pokot_session") != "" {
		t.Fatal("signed in while throttled")
	}
	// …another account from the same address still can (the IP limit is higher)…
	e.user("matti@example.fi", "Matti", false)
	r = b.post("/signin", url.Values{"email": {"matti@example.fi"}, "password": {testPassword}})
	wantStatus(t, r, http.StatusSeeOther)
	// …and after the window the first account works again.
	e.advance(16 * time.Minute)
	b2 := e.browser()
	b2.signin("maija@example.fi")
}

func TestSigninThrottledPerIP(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.user("maija@example.fi", "Maija", false)
	b := e.browser()
	b.get("/signin")
	for i := 0; i < 100; i++ {
		r := b.post("/signin", url.Values{"email": {"user" + strconv.Itoa(i) + "@example.fi"}, "password": {"väärä salasana tämä"}})
		wantStatus(t, r, http.StatusUnauthorized)
	}
	r := b.post("/signin", url.Values{"email": {"maija@example.fi"}, "password": {testPassword}})
	wantStatus(t, r, http.StatusTooManyRequests)
}

func TestSignoutAndEverywhere(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.user("maija@example.fi", "Maija", false)
	laptop, phone := e.browser(), e.browser()
	laptop.signin("maija@example.fi")
	phone.signin("maija@example.fi")

	laptop.get("/profile")
	r := laptop.post("/signout/everywhere", nil)
	wantStatus(t, r, http.StatusSeeOther)
	wantLocation(t, r, "/signin")
	// Both devices are signed out; the phone hears that its session ended.
	r = phone.get("/dashboard")
	wantStatus(t, r, http.StatusSeeOther)
	wantLocation(t, r, "/signin")
	r = phone.get("/signin")
	wantBody(t, r, "Istuntosi on päättynyt")
	wantStatus(t, laptop.get("/dashboard"), http.StatusSeeOther)

	// Plain sign-out ends only this browser's session.
	laptop.signin("maija@example.fi")
	phone.signin("maija@example.fi")
	laptop.get("/dashboard")
	wantStatus(t, laptop.post("/signout", nil), http.StatusSeeOther)
	wantStatus(t, laptop.get("/dashboard"), http.StatusSeeOther)
	wantStatus(t, phone.get("/dashboard"), http.StatusOK)
}

func TestExpiredSession(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	u := e.user("maija@example.fi", "Maija", false)
	b := e.browser()
	b.signin("maija@example.fi")
	b.get("/profile")
	// The session lives 14 days; two weeks and a day later it is gone.
	e.advance(15 * 24 * time.Hour)
	r := b.get("/profile")
	wantStatus(t, r, http.StatusSeeOther)
	wantLocation(t, r, "/signin?next=%2Fprofile")
	r = b.get("/signin?next=%2Fprofile")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Istuntosi on päättynyt. Kirjaudu uudelleen.")

	// A form sent with an expired session does nothing and says why.
	b2 := e.browser()
	b2.signin("maija@example.fi")
	b2.get("/profile")
	e.advance(15 * 24 * time.Hour)
	r = b2.post("/profile", url.Values{"name": {"Muutettu"}, "lang": {"sv"}})
	wantStatus(t, r, http.StatusSeeOther)
	wantLocation(t, r, "/signin")
	got, _ := e.db.UserByID(ctx, u.ID)
	if got.Name != "Maija" || got.Lang != "fi" {
		t.Fatalf("expired session changed the profile: %+v", got)
	}
	r = b2.get("/signin")
	wantBody(t, r, "Istuntosi on päättynyt")
}

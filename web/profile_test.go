package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/password"
)

func TestProfile(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	u := e.user("maija@example.fi", "Maija", false)
	b := e.browser()
	b.signin("maija@example.fi")
	r := b.get("/profile")
	wantBody(t, r, `value="Maija"`, "Sinulla ei ole rajapinta-avaimia.", `<a href="/oauth/grants">`)

	r = b.post("/profile", url.Values{"name": {""}, "lang": {"xx"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Kirjoita nimesi.", "Valitse kieli listasta.")
	r = b.post("/profile", url.Values{"name": {"Maija Meikäläinen"}, "lang": {"en"}})
	wantStatus(t, r, http.StatusSeeOther)
	got, _ := e.db.UserByID(ctx, u.ID)
	if got.Name != "Maija Meikäläinen" || got.Lang != pokot.English {
		t.Fatalf("profile %+v", got)
	}
	wantBody(t, b.get("/profile"), `<html lang="en">`, "Saved.")
}

func TestChangePassword(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	u := e.user("maija@example.fi", "Maija", false)
	b, other := e.browser(), e.browser()
	b.signin("maija@example.fi")
	other.signin("maija@example.fi")
	b.get("/profile")
	r := b.post("/profile/password", url.Values{"current": {"väärä nykyinen"}, "password": {"uusi pitkä salasana"}, "password2": {"uusi pitkä salasana"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Nykyinen salasana ei ole oikein.")
	r = b.post("/profile/password", url.Values{"current": {testPassword}, "password": {"uusi pitkä salasana"}, "password2": {"uusi pitkä salasana"}})
	wantStatus(t, r, http.StatusSeeOther)
	got, _ := e.db.UserByID(ctx, u.ID)
	if ok, _ := password.Verify("uusi pitkä salasana", got.PasswordHash); !ok {
		t.Fatal("password not changed")
	}
	wantStatus(t, b.get("/profile"), http.StatusOK)           // this browser stays signed in
	wantStatus(t, other.get("/profile"), http.StatusSeeOther) // the other one is signed out
}

func TestAPITokens(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	u := e.user("maija@example.fi", "Maija", false)
	b := e.browser()
	b.signin("maija@example.fi")
	b.get("/profile")
	r := b.post("/profile/tokens", url.Values{"name": {"Skripti"}, "scopes": {"admin"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Valitse ainakin yksi oikeus.", `value="Skripti"`)
	r = b.post("/profile/tokens", url.Values{"name": {""}, "scopes": {"read"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Anna avaimelle nimi.")

	r = b.post("/profile/tokens", url.Values{"name": {"Raportointi"}, "scopes": {"read", "write"}})
	wantStatus(t, r, http.StatusOK)
	secret := regexpFind(`<code class="token-secret" id="token-secret">([^<]+)</code>`, r.body)
	if secret == "" {
		t.Fatal("secret not shown")
	}
	tok, err := e.db.APITokenBySecret(ctx, secret, e.clock())
	if err != nil || tok.UserID != u.ID || !tok.Has(pokot.ScopeWrite) {
		t.Fatalf("token %+v, %v", tok, err)
	}
	// Shown once: the next page load lists the token without its secret.
	r = b.get("/profile")
	if strings.Contains(r.body, secret) {
		t.Fatal("secret shown again")
	}
	wantBody(t, r, "Raportointi", tok.Prefix)

	// Someone else cannot revoke it.
	e.user("eve@example.fi", "Eve", false)
	eve := e.browser()
	eve.signin("eve@example.fi")
	eve.get("/profile")
	id := strconv.FormatInt(tok.ID, 10)
	wantStatus(t, eve.post("/profile/tokens/"+id+"/revoke", nil), http.StatusNotFound)
	if _, err := e.db.APITokenBySecret(ctx, secret, e.clock()); err != nil {
		t.Fatal("token revoked by another user")
	}
	wantStatus(t, b.post("/profile/tokens/"+id+"/revoke", nil), http.StatusSeeOther)
	if _, err := e.db.APITokenBySecret(ctx, secret, e.clock()); pokot.ErrorCode(err) != pokot.ENOTFOUND {
		t.Fatalf("revoked token still works: %v", err)
	}
}

func TestHomeShowsContent(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	now := e.clock()
	past := &pokot.Event{Title: pokot.Text{"fi": "Mennyt webinaari"}, Starts: now.Add(-72 * time.Hour), Ends: now.Add(-70 * time.Hour)}
	next := &pokot.Event{Title: pokot.Text{"fi": "Tuleva työpaja", "en": "Upcoming workshop"}, Starts: now.Add(24 * time.Hour), Ends: now.Add(26 * time.Hour), Online: true}
	for _, ev := range []*pokot.Event{past, next} {
		if err := e.db.CreateEvent(ctx, ev); err != nil {
			t.Fatal(err)
		}
	}
	b := e.browser()
	r := b.get("/")
	wantBody(t, r, "Tuleva työpaja", "ke 8.10.2025 klo 14.00–16.00", "Julkaisuja ei ole vielä.")
	if strings.Contains(r.body, "Mennyt webinaari") {
		t.Error("past event listed")
	}
	wantBody(t, b.get("/?lang=en"), "Upcoming workshop", "Wed 8 Oct 2025, 14:00–16:00")
}

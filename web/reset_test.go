package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot/password"
)

func TestPasswordReset(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	u := e.user("maija@example.fi", "Maija", false)
	other := e.browser()
	other.signin("maija@example.fi") // a session that the reset must end

	b := e.browser()
	b.get("/password/forgot")
	r := b.post("/password/forgot", url.Values{"email": {"ei osoite"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, `value="ei osoite"`)

	// Unknown and known addresses get the same answer; only the known one gets mail.
	unknown := b.post("/password/forgot", url.Values{"email": {"nobody@example.fi"}})
	wantStatus(t, unknown, http.StatusOK)
	if len(e.mails()) != 0 {
		t.Fatal("mail to an unknown address")
	}
	known := b.post("/password/forgot", url.Values{"email": {"maija@example.fi"}})
	wantStatus(t, known, http.StatusOK)
	if strings.ReplaceAll(unknown.body, "nobody@example.fi", "X") != strings.ReplaceAll(known.body, "maija@example.fi", "X") {
		t.Error("the answer tells whether the address has an account")
	}
	ms := e.mails()
	if len(ms) != 1 || ms[0].To != "maija@example.fi" {
		t.Fatalf("mails %+v", ms)
	}
	link := linkIn(t, ms[0])
	if !strings.HasPrefix(link, "/password/reset/") || !strings.Contains(ms[0].Text, "klo") {
		t.Fatalf("mail text %q", ms[0].Text)
	}

	// Opening the link does not use it up; a weak password is refused and the link still works.
	r = b.get(link)
	wantStatus(t, r, http.StatusOK)
	wantStatus(t, b.get(link), http.StatusOK)
	r = b.post(link, url.Values{"password": {"qwertyuiop12"}, "password2": {"qwertyuiop12"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "liian yleinen")
	// The e-mail as password is caught after the token is read; a fresh link is given.
	r = b.post(link, url.Values{"password": {"maija@example.fi"}, "password2": {"maija@example.fi"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "ei saa olla sama kuin sähköpostiosoitteesi")
	fresh := regexpFind(`action="(/password/reset/[^"]+)"`, r.body)
	if fresh == "" || fresh == link {
		t.Fatalf("no fresh link after a refused password: %q", fresh)
	}
	r = b.post(fresh, url.Values{"password": {"uusi pitkä salasana"}, "password2": {"uusi pitkä salasana"}})
	wantStatus(t, r, http.StatusSeeOther)
	wantLocation(t, r, "/signin")
	wantBody(t, b.get("/signin"), "Salasana on vaihdettu.")

	got, _ := e.db.UserByID(ctx, u.ID)
	if ok, _ := password.Verify("uusi pitkä salasana", got.PasswordHash); !ok {
		t.Fatal("new password not stored")
	}
	// Every session ended; links are single-use.
	wantStatus(t, other.get("/dashboard"), http.StatusSeeOther)
	r = b.post(fresh, url.Values{"password": {"kolmas pitkä salasana"}, "password2": {"kolmas pitkä salasana"}})
	wantStatus(t, r, http.StatusNotFound)
	wantBody(t, r, "Salasanalinkki on vanhentunut tai jo käytetty.")

	// The new password signs in.
	b.get("/signin")
	r = b.post("/signin", url.Values{"email": {"maija@example.fi"}, "password": {"uusi pitkä salasana"}})
	wantStatus(t, r, http.StatusSeeOther)
}

func TestPasswordResetLinkExpires(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.user("maija@example.fi", "Maija", false)
	b := e.browser()
	b.get("/password/forgot")
	b.post("/password/forgot", url.Values{"email": {"maija@example.fi"}})
	link := linkIn(t, e.mails()[0])
	e.advance(61 * time.Minute)
	b.get(link)
	r := b.post(link, url.Values{"password": {"uusi pitkä salasana"}, "password2": {"uusi pitkä salasana"}})
	wantStatus(t, r, http.StatusNotFound)
	wantBody(t, r, "vanhentunut")
}

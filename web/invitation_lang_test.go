package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pokot/pokot"
)

// The invite form asks for the language of the invitation e-mail (Finnish preselected):
// an org admin using the Finnish pages who chooses Swedish sends a Swedish invitation,
// whose link opens the invitation page in Swedish; with no choice the mail is Finnish,
// also when the inviter uses the English pages, and its link opens the page in Finnish
// even for a visitor whose pages are in Swedish; an unknown language is refused at the
// field and nothing is sent.
func TestInvitationLanguageChoice(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	o := e.org("hamk", "HAMK")
	admin := e.user("org.admin@hamk.fi", "Olli Orgadmin", false)
	e.member(o, admin, pokot.RoleOrgAdmin)
	b := e.browser()
	b.signin("org.admin@hamk.fi")

	r := b.get("/orgs/hamk/members")
	wantBody(t, r, `<label for="invite-lang">Kutsuviestin kieli</label>`, `<option value="fi" lang="fi" selected>Suomi</option>`, `<option value="sv" lang="sv">Svenska</option>`)

	r = b.post("/orgs/hamk/invitations", url.Values{"email": {"ny@example.fi"}, "role": {"designer"}, "lang": {"de"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Valitse kutsuviestin kieli: suomi, ruotsi tai englanti.", `href="#invite-lang"`)
	if n := len(e.mails()); n != 0 {
		t.Fatalf("%d mails for a refused invitation", n)
	}

	wantStatus(t, b.post("/orgs/hamk/invitations", url.Values{"email": {"ny@example.fi"}, "role": {"designer"}, "lang": {"sv"}}), http.StatusSeeOther)
	ms := e.mails()
	if len(ms) != 1 {
		t.Fatalf("%d mails", len(ms))
	}
	m := mailTo(t, ms, "ny@example.fi")
	if m.Subject != "Inbjudan till POKOT: HAMK" || !strings.Contains(m.Text, "bjuder in dig") || !strings.Contains(m.Text, "i rollen Planerare") {
		t.Errorf("Swedish invitation: %q\n%s", m.Subject, m.Text)
	}
	if strings.Contains(m.Text, "kutsuu") {
		t.Errorf("the Swedish invitation has Finnish in it:\n%s", m.Text)
	}
	link := linkIn(t, m)
	if !strings.HasSuffix(link, "?lang=sv") {
		t.Errorf("link %q does not open the page in Swedish", link)
	}
	wantBody(t, e.browser().get(link), `<html lang="sv">`, "Skapa ett konto")

	// The inviter's pages in English, no choice sent: the default, Finnish.
	b.get("/orgs/hamk/members?lang=en")
	wantStatus(t, b.post("/orgs/hamk/invitations?lang=en", url.Values{"email": {"uusi@example.fi"}, "role": {"learner"}}), http.StatusSeeOther)
	m = mailTo(t, e.mails(), "uusi@example.fi")
	if m.Subject != "Kutsu POKOTiin: HAMK" || !strings.Contains(m.Text, "kutsuu sinut") {
		t.Errorf("default invitation: %q\n%s", m.Subject, m.Text)
	}
	// The link names Finnish too, so that the page opens in the mail's language whatever
	// the newcomer's browser prefers.
	link = linkIn(t, m)
	if !strings.HasSuffix(link, "?lang=fi") {
		t.Errorf("a Finnish invitation link does not name its language: %s", link)
	}
	sv := e.browser()
	sv.get("/?lang=sv")
	wantBody(t, sv.get(link), `<html lang="fi">`, "Luo tunnus")
}

// mailTo is the one mail of ms sent to addr.
func mailTo(t *testing.T, ms []*pokot.Mail, addr string) *pokot.Mail {
	t.Helper()
	var found *pokot.Mail
	for _, m := range ms {
		if m.To == addr {
			if found != nil {
				t.Fatalf("two mails to %s", addr)
			}
			found = m
		}
	}
	if found == nil {
		t.Fatalf("no mail to %s", addr)
	}
	return found
}

package browsertest

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// TestNewcomerPath walks the path of the README: sign in as the demo admin, switch to
// English and to Swedish, invite a member from an organisation's members page, let the
// invitee create an account through the e-mailed link, and sign out.
func TestNewcomerPath(t *testing.T) {
	ctx := newBrowser(t)
	a := startApp(t, true)
	console := watchConsole(t, ctx)
	admin := a.login(t, "")

	// Sign in through the real form; the site starts in Finnish.
	signIn(t, ctx, a, admin.Email, admin.Password)
	if got := htmlLang(t, ctx); got != "fi" {
		t.Errorf("after signing in: <html lang=%q>, want fi", got)
	}
	signedInAt := path(t, ctx)
	h1fi := text(t, ctx, "h1")
	wantText(t, ctx, "form.signout button", pokot.Finnish, "nav.signout")
	console.check(t, "signed in")

	// Switch language with the switcher: lang, the chrome and the page text change, and the
	// choice is remembered on the next page.
	for _, l := range []pokot.Lang{pokot.English, pokot.Swedish} {
		clickLoad(t, ctx, `nav.lang-switch a[hreflang="`+string(l)+`"]`, 200)
		if got := htmlLang(t, ctx); got != string(l) {
			t.Fatalf("after choosing %s in the switcher: <html lang=%q>", l, got)
		}
		if p := path(t, ctx); !strings.HasPrefix(p, signedInAt) {
			t.Errorf("switching to %s moved from %s to %s; want to stay on the page", l, signedInAt, p)
		}
		wantText(t, ctx, "form.signout button", l, "nav.signout")
		if h1 := text(t, ctx, "h1"); h1 == h1fi {
			t.Errorf("in %s the heading is still the Finnish %q", l, h1)
		}
		if cur := text(t, ctx, `nav.lang-switch a[aria-current="true"]`); !strings.EqualFold(cur, langName(l)) {
			t.Errorf("in %s the switcher marks %q as current", l, cur)
		}
		open(t, ctx, a.URL+"/profile", 200)
		if got := htmlLang(t, ctx); got != string(l) {
			t.Errorf("the next page after choosing %s has lang %q: the choice is not remembered", l, got)
		}
		open(t, ctx, a.URL+signedInAt, 200)
	}
	console.check(t, "language switch")

	// Invite a member, in Swedish.
	org := a.login(t, pokot.RoleOrgAdmin).Org
	invitee := "ny.medlem@example.fi"
	open(t, ctx, a.URL+"/orgs/"+org+"/members", 200)
	form := `form[action="/orgs/` + org + `/invitations"]`
	fill(t, ctx, form+` input[name=email]`, invitee)
	do(t, ctx, "choose the role", chromedp.SetValue(chromedp.CSS(form+` select[name=role]`), string(pokot.RoleDesigner)))
	clickLoad(t, ctx, form+` button[type=submit]`, 200)
	if got := htmlLang(t, ctx); got != "sv" {
		t.Errorf("after inviting: lang %q, want sv", got)
	}
	if list := openInvitations(t, ctx); !strings.Contains(list, invitee) {
		t.Fatalf("the open invitations do not list %s after inviting; the page says:\n%s", invitee, text(t, ctx, "main"))
	}
	link := a.invitationLink(t, a.mailTo(t, invitee))
	console.check(t, "invite")

	// The invitee opens the link in a browser of their own and creates an account.
	inv := newTab(t, ctx)
	invConsole := watchConsole(t, inv)
	open(t, inv, link, 200)
	wantText(t, inv, "h1", pokot.Finnish, "invitation.title")
	fill(t, inv, `input[name=name]`, "Nora Medlem")
	fill(t, inv, `input[name=password]`, "Kesäkuun-sadepäivä-2025")
	fill(t, inv, `input[name=password2]`, "Kesäkuun-sadepäivä-2025")
	clickLoad(t, inv, `main form button[type=submit]`, 200)
	if n := eval[int](t, inv, `document.querySelectorAll('form.signout').length`); n != 1 {
		t.Fatalf("after accepting the invitation the invitee is not signed in; the page %s says:\n%s", path(t, inv), text(t, inv, "main"))
	}
	u, err := a.DB.UserByEmail(context.Background(), invitee)
	if err != nil {
		t.Fatalf("the invitee has no account after accepting: %v", err)
	}
	ms, err := a.DB.MembershipsOf(context.Background(), u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || ms[0].Org == nil || ms[0].Org.Slug != org || ms[0].Role != pokot.RoleDesigner {
		t.Errorf("the invitee's memberships are %+v, want designer of %s", ms, org)
	}
	invConsole.check(t, "accept invitation")

	// The admin signs out: the sign-out button is gone and a signed-in page asks to sign in.
	clickLoad(t, ctx, "form.signout button", 200)
	if n := eval[int](t, ctx, `document.querySelectorAll('form.signout').length`); n != 0 {
		t.Errorf("after signing out the page still has a sign-out button")
	}
	open(t, ctx, a.URL+"/dashboard", 200)
	if p := path(t, ctx); !strings.HasPrefix(p, "/signin") {
		t.Errorf("after signing out /dashboard shows %s, want the sign-in page", p)
	}
	console.check(t, "sign out")
}

// wantText fails unless the element's text is the catalog message key in language l.
func wantText(t *testing.T, ctx context.Context, sel string, l pokot.Lang, key string) {
	t.Helper()
	want := i18n.T(l, key)
	if got := text(t, ctx, sel); strings.TrimSpace(got) != strings.TrimSpace(want) {
		t.Errorf("%s in %s: text %q, want %q (%s)", sel, l, got, want, key)
	}
}

// langName is how the switcher names a language, in that language.
func langName(l pokot.Lang) string {
	return map[pokot.Lang]string{pokot.Finnish: "suomi", pokot.Swedish: "svenska", pokot.English: "English"}[l]
}

// openInvitations returns the text of the members page's list of open invitations: the
// section under the heading #invitations-title.
func openInvitations(t *testing.T, ctx context.Context) string {
	t.Helper()
	return eval[string](t, ctx, `(() => {
		const h = document.getElementById('invitations-title');
		return h ? (h.closest('section') || h.parentElement).innerText : '';
	})()`)
}

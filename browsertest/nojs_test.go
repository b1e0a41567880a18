package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/pokot/pokot"
)

// TestWorksWithoutJavaScript takes the newcomer's path with the page scripts switched off:
// the site must work without JavaScript, which only enhances it.
func TestWorksWithoutJavaScript(t *testing.T) {
	ctx := newBrowser(t)
	a := startApp(t, true)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatalf("switch JavaScript off: %v", err)
	}
	console := watchConsole(t, ctx)
	admin := a.login(t, "")

	// A rejected sign-in still says what went wrong. With scripts on, app.js would move
	// the focus to the error summary; that it does not shows the scripts are really off.
	open(t, ctx, a.URL+"/signin", 200)
	fill(t, ctx, `form[action="/signin"] input[name=email]`, admin.Email)
	fill(t, ctx, `form[action="/signin"] input[name=password]`, "ei tämä ainakaan")
	clickLoad(t, ctx, `form[action="/signin"] button[type=submit]`, 401)
	if eval[int](t, ctx, `document.querySelectorAll('.error-summary').length`) != 1 {
		t.Errorf("without JavaScript a wrong password shows no error summary")
	}
	if eval[bool](t, ctx, errorSummaryFocused) {
		t.Fatal("the error summary got the focus: page scripts still run, so this test would not show what works without them")
	}

	signIn(t, ctx, a, admin.Email, admin.Password)
	clickLoad(t, ctx, `nav.lang-switch a[hreflang="sv"]`, 200)
	if got := htmlLang(t, ctx); got != "sv" {
		t.Fatalf("without JavaScript the switcher gives lang %q, want sv", got)
	}
	wantText(t, ctx, "form.signout button", pokot.Swedish, "nav.signout")

	org := a.login(t, pokot.RoleOrgAdmin).Org
	invitee := "utan.skript@example.fi"
	open(t, ctx, a.URL+"/orgs/"+org+"/members", 200)
	form := `form[action="/orgs/` + org + `/invitations"]`
	fill(t, ctx, form+` input[name=email]`, invitee)
	do(t, ctx, "choose the role", chromedp.SetValue(chromedp.CSS(form+` select[name=role]`), string(pokot.RoleLearner)))
	clickLoad(t, ctx, form+` button[type=submit]`, 200)
	if !strings.Contains(openInvitations(t, ctx), invitee) {
		t.Errorf("without JavaScript the invitation to %s is not listed after sending it", invitee)
	}
	a.invitationLink(t, a.mailTo(t, invitee))

	clickLoad(t, ctx, "form.signout button", 200)
	open(t, ctx, a.URL+"/dashboard", 200)
	if p := path(t, ctx); !strings.HasPrefix(p, "/signin") {
		t.Errorf("after signing out without JavaScript /dashboard shows %s, want the sign-in page", p)
	}
	console.check(t, "without JavaScript", expectedStatusLogs...)
}

package browsertest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/pokot/pokot"
)

// page is one page type to check: where it is, who looks at it, what status it answers
// with, and an optional step that brings it into the state to check (a submitted form).
type page struct {
	name   string
	tab    string // "anon", "admin" or a role
	url    string // path on the site
	status int64
	then   func(t *testing.T, ctx context.Context) // optional: act on the page, then check again
}

// TestEveryPage opens every page type of the site as the person who would see it and runs
// the page checks (axe-core WCAG 2.1 A/AA, basics, keyboard focus, 320 px, console errors)
// on it, saving screenshots. The first-run page is checked on a second, empty site.
func TestEveryPage(t *testing.T) {
	browser := newBrowser(t)
	a := startApp(t, true)
	bg := context.Background()
	admin := a.login(t, "")
	adminUser, err := a.DB.UserByEmail(bg, admin.Email)
	if err != nil {
		t.Fatal(err)
	}
	orgSlug := a.login(t, pokot.RoleOrgAdmin).Org
	org, err := a.DB.OrgBySlug(bg, orgSlug)
	if err != nil {
		t.Fatal(err)
	}
	// An open invitation and a password-reset link, straight from the store: the flow test
	// covers making them through the UI.
	invToken, err := a.DB.CreateInvitation(bg, &pokot.Invitation{OrgID: org.ID, Email: "kutsuttu@example.fi",
		Role: pokot.RoleAssessor, InvitedBy: adminUser.ID, Expires: time.Now().Add(72 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	resetToken, err := a.DB.CreateLoginToken(bg, adminUser.ID, "reset", time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if err := a.DB.QueueMail(bg, &pokot.Mail{To: "liisa.lukija@example.fi", Subject: "Tervetuloa POKOTiin",
		Text: "Hei Liisa,\n\ntervetuloa mukaan.\n"}, true); err != nil {
		t.Fatal(err)
	}

	pages := []page{
		{name: "home", tab: "anon", url: "/", status: 200},
		{name: "signin", tab: "anon", url: "/signin", status: 200, then: func(t *testing.T, ctx context.Context) {
			fill(t, ctx, `form[action="/signin"] input[name=email]`, admin.Email)
			fill(t, ctx, `form[action="/signin"] input[name=password]`, "väärä salasana ehkä")
			clickLoad(t, ctx, `form[action="/signin"] button[type=submit]`, 401)
			if !eval[bool](t, ctx, errorSummaryFocused) {
				t.Errorf("after a wrong password the focus is not on the error summary (app.js moves it there)")
			}
			checkPage(t, ctx, "signin-wrong-password")
		}},
		{name: "forgot-password", tab: "anon", url: "/password/forgot", status: 200, then: func(t *testing.T, ctx context.Context) {
			fill(t, ctx, `main form input[name=email]`, admin.Email)
			clickLoad(t, ctx, `main form button[type=submit]`, 200)
			checkPage(t, ctx, "forgot-password-sent")
		}},
		{name: "reset-password", tab: "anon", url: "/password/reset/" + resetToken, status: 200},
		{name: "invitation", tab: "anon", url: "/invitations/" + invToken, status: 200},
		{name: "not-found", tab: "anon", url: "/ei-ole-olemassa", status: 404},
		{name: "dashboard-admin", tab: "admin", url: "/dashboard", status: 200},
		{name: "org", tab: "admin", url: "/orgs/" + orgSlug, status: 200},
		{name: "org-settings", tab: "admin", url: "/orgs/" + orgSlug + "/settings", status: 200},
		{name: "members", tab: "admin", url: "/orgs/" + orgSlug + "/members", status: 200, then: func(t *testing.T, ctx context.Context) {
			form := `form[action="/orgs/` + orgSlug + `/invitations"]`
			fill(t, ctx, form+` input[name=email]`, "ei-osoite")
			clickLoad(t, ctx, form+` button[type=submit]`, 422)
			checkPage(t, ctx, "members-invite-errors")
		}},
		{name: "admin-orgs", tab: "admin", url: "/admin/orgs", status: 200},
		{name: "admin-new-org", tab: "admin", url: "/admin/orgs/new", status: 200},
		{name: "admin-users", tab: "admin", url: "/admin/users", status: 200},
		{name: "admin-outbox", tab: "admin", url: "/admin/outbox", status: 200, then: func(t *testing.T, ctx context.Context) {
			clickLoad(t, ctx, `main table a[href^="/admin/outbox/"]`, 200)
			checkPage(t, ctx, "admin-outbox-mail")
		}},
		{name: "profile", tab: "admin", url: "/profile", status: 200, then: func(t *testing.T, ctx context.Context) {
			fill(t, ctx, `form[action="/profile/tokens"] input[name=name]`, "Raportointi")
			const readBox = `document.querySelector('form[action="/profile/tokens"] input[value="read"]').checked`
			if !eval[bool](t, ctx, readBox) {
				do(t, ctx, "tick the read scope", chromedp.Click(chromedp.CSS(`form[action="/profile/tokens"] label[for$="scopes-read"]`), chromedp.NodeVisible))
				if !eval[bool](t, ctx, readBox) {
					t.Fatal("clicking the label of the read scope does not tick its checkbox")
				}
			}
			clickLoad(t, ctx, `form[action="/profile/tokens"] button[type=submit]`, 200)
			secret := strings.TrimSpace(text(t, ctx, "#token-secret"))
			if tok, err := a.DB.APITokenBySecret(context.Background(), secret, time.Now()); err != nil || tok.Name != "Raportointi" {
				t.Errorf("the token secret shown on the profile page does not work: %v", err)
			}
			checkPage(t, ctx, "profile-token-created")
		}},
		{name: "forbidden", tab: string(pokot.RoleLearner), url: "/orgs/" + orgSlug + "/settings", status: 403},
		{name: "wallet", tab: string(pokot.RoleLearner), url: "/wallet", status: 200}, {name: "wallet-add", tab: string(pokot.RoleLearner), url: "/wallet/add", status: 200},
	}
	for _, r := range pokot.Roles {
		pages = append(pages, page{name: "dashboard-" + string(r), tab: string(r), url: "/dashboard", status: 200})
	}

	// One browser context (own cookies) per person, signed in through the form.
	tabs := map[string]context.Context{}
	consoles := map[string]*consoleWatch{}
	tab := func(t *testing.T, who string) context.Context {
		if ctx, ok := tabs[who]; ok {
			return ctx
		}
		ctx := newTab(t, browser)
		consoles[who] = watchConsole(t, ctx)
		switch who {
		case "anon":
		case "admin":
			signIn(t, ctx, a, admin.Email, admin.Password)
		default:
			l := a.login(t, pokot.Role(who))
			signIn(t, ctx, a, l.Email, l.Password)
		}
		consoles[who].check(t, "sign in as "+who)
		tabs[who] = ctx
		return ctx
	}
	// newTab registers its cleanup on the test that calls it, so open the tabs here, in the
	// parent test, and not inside the subtests.
	for _, p := range pages {
		tab(t, p.tab)
	}

	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			ctx := tabs[p.tab]
			open(t, ctx, a.URL+p.url, p.status)
			checkPage(t, ctx, p.name)
			if p.then != nil {
				p.then(t, ctx)
			}
			consoles[p.tab].check(t, p.name, expectedStatusLogs...)
		})
	}

	// The same anonymous pages in Swedish and English: other words, other lengths.
	for _, l := range []pokot.Lang{pokot.Swedish, pokot.English} {
		for _, u := range []string{"/", "/signin", "/password/forgot"} {
			name := fmt.Sprintf("%s-%s", strings.Trim(strings.ReplaceAll(u, "/", "-"), "-"), l)
			if u == "/" {
				name = "home-" + string(l)
			}
			t.Run(name, func(t *testing.T) {
				ctx := tabs["anon"]
				open(t, ctx, a.URL+u+"?lang="+string(l), 200)
				if got := htmlLang(t, ctx); got != string(l) {
					t.Errorf("%s?lang=%s: <html lang=%q>", u, l, got)
				}
				checkPage(t, ctx, name)
				consoles["anon"].check(t, name)
			})
		}
	}

	// Then every other page type that the site links to, as each person.
	cr := newCrawler(t, a)
	for _, p := range pages {
		cr.seen(p.url)
	}
	for _, u := range []string{"/profile/tokens", "/orgs/" + orgSlug + "/invitations", "/admin/outbox/1"} {
		cr.seen(u) // reached above by submitting a form or following a link
	}
	for _, who := range []string{"admin", "orgadmin", "designer", "assessor", "partner", "learner", "anon"} {
		start := "/dashboard"
		if who == "anon" {
			start = "/"
		}
		cr.crawl(t, tabs[who], who, start, consoles[who])
	}
	t.Logf("the crawl checked %d more page types (limit %d)", cr.checked, crawlLimit)

	t.Run("first-run-setup", func(t *testing.T) {
		empty := startApp(t, false)
		ctx := newTab(t, browser)
		console := watchConsole(t, ctx)
		open(t, ctx, empty.URL+"/setup", 200)
		if n := eval[int](t, ctx, `document.querySelectorAll('main form input[type=password]').length`); n == 0 {
			t.Errorf("/setup on an empty site shows no form to create the first admin")
		}
		checkPage(t, ctx, "first-run-setup")
		console.check(t, "first-run-setup")
	})
}

// expectedStatusLogs are the browser's log lines for pages that answer with an error status
// on purpose (Chromium logs "Failed to load resource" for them).
var expectedStatusLogs = []string{"status of 401", "status of 403", "status of 404", "status of 422"}

// errorSummaryFocused is true when the focus is on a form's error summary, where app.js
// puts it after a rejected form so that screen readers announce what went wrong.
const errorSummaryFocused = `!!document.activeElement && document.activeElement.matches('.error-summary')`

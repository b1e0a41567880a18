package browsertest

import (
	"context"
	"net/url"
	"testing"

	"github.com/chromedp/chromedp"
)

// open loads a URL of the site in the tab and fails unless the page answers with status
// want. It returns the page's final URL (after redirects).
func open(t *testing.T, ctx context.Context, u string, want int64) string {
	t.Helper()
	resp := run(t, ctx, "open "+u, chromedp.NavigateResponse(u))
	if resp.Status != want {
		t.Fatalf("open %s: status %d, want %d; the page says:\n%s", u, resp.Status, want, mainText(t, ctx))
	}
	return run(t, ctx, "location", chromedp.Location())
}

// clickLoad clicks the element (a link or a submit button), waits for the page that it
// loads, and fails unless that page answers with status want.
func clickLoad(t *testing.T, ctx context.Context, sel string, want int64) {
	t.Helper()
	ctx2, cancel := context.WithTimeout(ctx, pageTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx2, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
	if err != nil {
		t.Fatalf("click %s: %v (at %s)", sel, err, location(ctx))
	}
	if resp.Status != want {
		t.Fatalf("click %s: the next page %s answered %d, want %d; it says:\n%s", sel, resp.URL, resp.Status, want, mainText(t, ctx))
	}
}

// fill types a value into the form field that sel finds, replacing what was there.
func fill(t *testing.T, ctx context.Context, sel, value string) {
	t.Helper()
	do(t, ctx, "fill "+sel,
		chromedp.WaitVisible(chromedp.CSS(sel)),
		chromedp.Clear(chromedp.CSS(sel)),
		chromedp.SendKeys(chromedp.CSS(sel), value))
}

// text returns the visible text of the first element that sel finds.
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	return run(t, ctx, "read "+sel, chromedp.Text(chromedp.CSS(sel), chromedp.NodeVisible))
}

// path returns the path and query of the tab's URL.
func path(t *testing.T, ctx context.Context) string {
	t.Helper()
	u, err := url.Parse(run(t, ctx, "location", chromedp.Location()))
	if err != nil {
		t.Fatal(err)
	}
	return u.RequestURI()
}

// htmlLang returns the lang attribute of the page.
func htmlLang(t *testing.T, ctx context.Context) string {
	t.Helper()
	return eval[string](t, ctx, `document.documentElement.lang`)
}

// signIn signs in through the sign-in form and waits for the signed-in page.
func signIn(t *testing.T, ctx context.Context, a *app, email, password string) {
	t.Helper()
	open(t, ctx, a.URL+"/signin", 200)
	fill(t, ctx, `form[action="/signin"] input[name=email]`, email)
	fill(t, ctx, `form[action="/signin"] input[name=password]`, password)
	clickLoad(t, ctx, `form[action="/signin"] button[type=submit]`, 200)
	if n := eval[int](t, ctx, `document.querySelectorAll('form.signout').length`); n != 1 {
		t.Fatalf("after signing in as %s the page %s has no sign-out button; it says:\n%s",
			email, path(t, ctx), mainText(t, ctx))
	}
}

// mainText returns the start of the page's main text, for failure messages.
func mainText(t *testing.T, ctx context.Context) string {
	t.Helper()
	s := eval[string](t, ctx, `(document.querySelector('main') || document.body).innerText`)
	if len(s) > 800 {
		s = s[:800] + " …"
	}
	return s
}

package browsertest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// goodPage passes every check of checkPage.
const goodPage = `<!doctype html>
<html lang="fi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hyvä sivu</title>
<style>
body { font-family: sans-serif; margin: 0; color: #1a1a1a; background: #fff; }
a:focus-visible { outline: 3px solid #0b5394; outline-offset: 2px; }
.skip { position: absolute; left: -10000px; }
.skip:focus { position: static; }
</style></head>
<body><a class="skip" href="#main">Siirry sisältöön</a>
<header><nav aria-label="Päävalikko"><a href="/a">Etusivu</a> <a href="/b">Tapahtumat</a></nav></header>
<main id="main"><h1>Tervetuloa</h1><p>Lyhyt ja selkeä teksti.</p><p><a href="/c">Lue lisää tapahtumista</a></p></main>
</body></html>`

// badPage breaks each check on purpose, and runs an inline script that the CSP forbids.
const badPage = `<!doctype html>
<html><head><meta charset="utf-8">
<style>a { outline: none; color: #ccc; } .wide { width: 900px; }</style></head>
<body><div><a href="/x">x</a> <a href="/y">y</a></div>
<img src="/missing.png"><div class="wide">Liian leveä</div><p style="color:#ddd">Haalea teksti</p>
<script>document.body.dataset.ran = "yes";</script>
</body></html>`

// TestChecksCatchProblems proves that the page checks can fail: a page that breaks each rule
// must be reported by each check, and a page that follows them must pass all of them.
func TestChecksCatchProblems(t *testing.T) {
	ctx := newBrowser(t)
	axeScript(t) // skips or fails early when axe-core is missing
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'")
		switch r.URL.Path {
		case "/good":
			w.Write([]byte(goodPage))
		case "/bad":
			w.Write([]byte(badPage))
		case "/favicon.ico":
			w.WriteHeader(http.StatusNoContent)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	console := watchConsole(t, ctx)

	do(t, ctx, "open the good page", chromedp.Navigate(srv.URL+"/good"))
	var good []string
	good = append(good, basicsProblems(t, ctx)...)
	good = append(good, axeProblems(t, ctx)...)
	good = append(good, focusProblems(t, ctx, "selftest-good")...)
	good = append(good, narrowProblems(t, ctx, "selftest-good")...)
	for _, p := range good {
		t.Errorf("good page: unexpected problem: %s", p)
	}
	console.check(t, "good page")

	do(t, ctx, "open the bad page", chromedp.Navigate(srv.URL+"/bad"))
	tests := []struct {
		check string
		found []string
		want  []string
	}{
		{"basics", basicsProblems(t, ctx), []string{"lang", "title", "main landmarks", "<h1>"}},
		{"axe", axeProblems(t, ctx), []string{"html-has-lang", "image-alt", "color-contrast"}},
		{"focus", focusProblems(t, ctx, "selftest-bad"), []string{"no visible focus indicator", "want a skip link"}},
		{"narrow", narrowProblems(t, ctx, "selftest-bad"), []string{"scrolls sideways", "div.wide"}},
	}
	for _, tc := range tests {
		all := strings.Join(tc.found, "\n")
		for _, w := range tc.want {
			if !strings.Contains(all, w) {
				t.Errorf("%s check on the bad page: no problem mentions %q; got:\n%s", tc.check, w, all)
			}
		}
	}
	errs := strings.Join(console.take(), "\n")
	if !strings.Contains(errs, "Content Security Policy") || !strings.Contains(errs, "missing.png") {
		t.Errorf("console watch on the bad page: want the CSP violation and the failed image load; got:\n%s", errs)
	}
}

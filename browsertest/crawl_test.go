package browsertest

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// crawlLimit bounds how many linked pages the crawl checks, to keep the run short, and
// crawlDepth how many links away from the start page it goes.
const (
	crawlLimit = 30
	crawlDepth = 3
)

// crawlSkip are path prefixes that are not pages of the UI.
var crawlSkip = []string{"/static/", "/api/", "/auth/", "/metrics", "/healthz", "/readyz"}

// crawler finds the pages that the listed ones link to, so that a new page type is checked
// as soon as the site links to it, without being added to TestEveryPage by hand. It visits
// one URL per shape: a path whose organisation slugs and IDs or tokens are replaced by *.
type crawler struct {
	a       *app
	slugs   map[string]bool
	shapes  map[string]bool
	checked int
}

func newCrawler(t *testing.T, a *app) *crawler {
	t.Helper()
	orgs, err := a.DB.Orgs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	c := &crawler{a: a, slugs: map[string]bool{}, shapes: map[string]bool{}}
	for _, o := range orgs {
		c.slugs[o.Slug] = true
	}
	return c
}

// shape names the page type of a path: /orgs/hamk/studio/12 → /orgs/*/studio/*.
func (c *crawler) shape(path string) string {
	path, _, _ = strings.Cut(path, "?") // the page type is the path's; queries vary it only
	segs := strings.Split(path, "/")
	for i, s := range segs {
		if c.slugs[s] || strings.ContainsAny(s, "0123456789") || len(s) > 24 {
			segs[i] = "*"
		}
	}
	return strings.Join(segs, "/")
}

// seen marks the shape of path as checked and reports whether it already was.
func (c *crawler) seen(path string) bool {
	s := c.shape(path)
	if c.shapes[s] {
		return true
	}
	c.shapes[s] = true
	return false
}

// links returns the same-site paths (with their queries, without fragments) that the tab's
// page links to, in document order.
func (c *crawler) links(t *testing.T, ctx context.Context) []string {
	t.Helper()
	hrefs := eval[[]string](t, ctx, `[...document.querySelectorAll('a[href]')].filter(a => !a.hasAttribute('download')).map(a => a.href)`)
	var paths []string
	for _, h := range hrefs {
		u, err := url.Parse(h)
		if err != nil || u.Scheme+"://"+u.Host != c.a.URL || u.Path == "" {
			continue
		}
		skip := false
		for _, p := range crawlSkip {
			skip = skip || strings.HasPrefix(u.Path, p)
		}
		// Keep the query: a link such as /orgs/x/offerings/new?pok=3 needs it.
		p := u.RequestURI()
		if !skip && !slices.Contains(paths, p) {
			paths = append(paths, p)
		}
	}
	return paths
}

type probe struct {
	Status int    `json:"status"`
	Type   string `json:"type"`
}

// crawl checks, as the person of the tab, every page type linked from start and from the
// pages it finds there (crawlDepth levels), up to crawlLimit pages in all. A link that answers
// with an error fails: the site must not link to what the person cannot open.
func (c *crawler) crawl(t *testing.T, ctx context.Context, who, start string, console *consoleWatch) {
	t.Helper()
	open(t, ctx, c.a.URL+start, 200)
	type item struct {
		path  string
		depth int
	}
	var queue []item
	for _, p := range c.links(t, ctx) {
		queue = append(queue, item{p, 1})
	}
	for len(queue) > 0 && c.checked < crawlLimit {
		it := queue[0]
		queue = queue[1:]
		if c.seen(it.path) {
			continue
		}
		// Ask first what the link is: downloads (CSV, JSON, images) are checked for their
		// status only.
		pr := run(t, ctx, "probe "+it.path, chromedp.Evaluate[probe](`fetch(`+jsString(c.a.URL+it.path)+
			`, {credentials: 'same-origin'}).then(r => ({status: r.status, type: r.headers.get('content-type') || ''}))`, chromedp.EvalAwaitPromise))
		if pr.Status == 0 {
			t.Fatalf("%s: probing %s gave no status", who, it.path)
		}
		if pr.Status >= 400 {
			t.Errorf("%s: the link to %s answers %d", who, it.path, pr.Status)
			continue
		}
		if !strings.HasPrefix(pr.Type, "text/html") {
			t.Logf("%s: %s is %s, not a page", who, it.path, pr.Type)
			continue
		}
		c.checked++
		name := "linked-" + who + "-" + strings.Trim(strings.ReplaceAll(c.shape(it.path), "/", "-"), "-")
		t.Run(name, func(t *testing.T) {
			open(t, ctx, c.a.URL+it.path, 200)
			checkPage(t, ctx, strings.ReplaceAll(name, "*", "x"))
			console.check(t, name)
			if it.depth < crawlDepth {
				for _, p := range c.links(t, ctx) {
					queue = append(queue, item{p, it.depth + 1})
				}
			}
		})
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`).Replace(s) + "'"
}

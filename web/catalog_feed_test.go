package web_test

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestAtomFeedOfNewPOKs(t *testing.T) {
	t.Parallel()
	w := newCatalogWorld(t)
	poks := w.seedCatalog()
	r := w.browser().get("/microcredentials/feed.atom")
	wantStatus(t, r, http.StatusOK)
	if got := r.Header.Get("Content-Type"); got != "application/atom+xml; charset=utf-8" {
		t.Errorf("Content-Type %q", got)
	}
	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		ID      string   `xml:"id"`
		Updated string   `xml:"updated"`
		Links   []struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Entries []struct {
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
			Author string `xml:"author>name"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(r.body), &feed); err != nil {
		t.Fatalf("Atom does not parse: %v\n%s", err, r.body)
	}
	if len(feed.Entries) != 5 {
		t.Fatalf("%d entries, want the 5 published POKs", len(feed.Entries))
	}
	if _, err := time.Parse(time.RFC3339, feed.Updated); err != nil {
		t.Errorf("updated %q: %v", feed.Updated, err)
	}
	found := false
	for _, e := range feed.Entries {
		if !strings.HasPrefix(e.ID, "http://pokot.test/microcredentials/") || !strings.HasPrefix(e.Link.Href, "http://pokot.test/microcredentials/") {
			t.Errorf("entry %q: id %q, link %q are not absolute URLs of this site", e.Title, e.ID, e.Link.Href)
		}
		if e.Author == "" {
			t.Errorf("entry %q has no author", e.Title)
		}
		if strings.Contains(e.Title, "Salainen") {
			t.Error("a draft is in the feed")
		}
		if e.Link.Href == fmt.Sprintf("http://pokot.test/microcredentials/%d?lang=fi", poks["robo"].ID) && e.Title == "Hoivarobotiikan perusteet" {
			found = true
		}
	}
	if !found {
		t.Error("the care robotics POK is not in the feed with its page link")
	}
	// Swedish on request.
	r = w.browser().get("/microcredentials/feed.atom?lang=sv")
	wantBody(t, r, `xml:lang="sv"`, "Grunderna i vårdrobotik")
}

func TestRSSFeedParses(t *testing.T) {
	t.Parallel()
	w := newCatalogWorld(t)
	w.seedCatalog()
	r := w.browser().get("/microcredentials/feed.rss?lang=en")
	wantStatus(t, r, http.StatusOK)
	var feed struct {
		Channel struct {
			Title string `xml:"title"`
			Items []struct {
				Title   string `xml:"title"`
				Link    string `xml:"link"`
				PubDate string `xml:"pubDate"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	if err := xml.Unmarshal([]byte(r.body), &feed); err != nil {
		t.Fatal(err)
	}
	if len(feed.Channel.Items) != 5 || feed.Channel.Title != "New micro-credentials" {
		t.Fatalf("%q: %d items", feed.Channel.Title, len(feed.Channel.Items))
	}
	for _, it := range feed.Channel.Items {
		if _, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil {
			t.Errorf("pubDate %q: %v", it.PubDate, err)
		}
	}
}

func TestSitemapListsEveryPublishedPOKWithAlternates(t *testing.T) {
	t.Parallel()
	w := newCatalogWorld(t)
	poks := w.seedCatalog()
	r := w.browser().get("/sitemap.xml")
	wantStatus(t, r, http.StatusOK)
	var sm struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []struct {
			Loc   string `xml:"loc"`
			Links []struct {
				Rel      string `xml:"rel,attr"`
				Hreflang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"http://www.w3.org/1999/xhtml link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(r.body), &sm); err != nil {
		t.Fatalf("sitemap does not parse: %v\n%s", err, r.body)
	}
	locs := map[string]bool{}
	for _, u := range sm.URLs {
		locs[u.Loc] = true
		if len(u.Links) != 3 {
			t.Errorf("%s: %d alternates, want fi, sv and en", u.Loc, len(u.Links))
			continue
		}
		for i, l := range []string{"fi", "sv", "en"} {
			sep := "?"
			if strings.Contains(u.Loc, "?") {
				sep = "&"
			}
			if a := u.Links[i]; a.Rel != "alternate" || a.Hreflang != l || a.Href != u.Loc+sep+"lang="+l {
				t.Errorf("%s: alternate %d is %+v", u.Loc, i, a)
			}
		}
	}
	want := []string{"http://pokot.test/", "http://pokot.test/microcredentials"}
	for _, k := range []string{"robo", "laake", "hitsaus", "bim", "asiakas"} {
		want = append(want, fmt.Sprintf("http://pokot.test/microcredentials/%d", poks[k].ID))
	}
	for _, u := range want {
		if !locs[u] {
			t.Errorf("sitemap lacks %s", u)
		}
	}
	if len(sm.URLs) != len(want) {
		t.Errorf("%d URLs, want %d (no drafts)", len(sm.URLs), len(want))
	}
	if locs[fmt.Sprintf("http://pokot.test/microcredentials/%d", poks["draft"].ID)] {
		t.Error("the draft is in the sitemap")
	}
}

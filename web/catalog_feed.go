package web

import (
	"bytes"
	"context"
	"encoding/xml"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/exchange"
	"github.com/pokot/pokot/i18n"
)

// feedSize is the number of newest POKs in the Atom and RSS feeds.
const feedSize = 50

// maxSitemapPOKs keeps the sitemap within the protocol's 50,000 URLs per file.
const maxSitemapPOKs = 49000

// Feeds and the sitemap are read by machines without cookies: no session, no CSRF cookie.
// Their language is ?lang= (Finnish by default); absolute URLs come from Config.BaseURL.

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Sub     string      `xml:"subtitle"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID        string         `xml:"id"`
	Title     string         `xml:"title"`
	Updated   string         `xml:"updated"`
	Published string         `xml:"published"`
	Link      atomLink       `xml:"link"`
	Author    atomPerson     `xml:"author"`
	Summary   string         `xml:"summary,omitempty"`
	Category  []atomCategory `xml:"category"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

// feedItem is one POK of a feed, in the feed's language.
type feedItem struct {
	ID, VersionID, URL, Title, Org, Summary, Field, FieldName string
	Published                                                 time.Time
}

// newest returns the newest published POKs for the feeds.
func (s *server) newest(r *http.Request, l pokot.Lang) ([]feedItem, error) {
	mcs := s.store
	res, err := mcs.Search(r.Context(), pokot.CatalogQuery{Lang: l, Sort: pokot.SortNewest, PerPage: feedSize, Page: 1})
	if err != nil {
		return nil, err
	}
	base := strings.TrimRight(s.cfg.BaseURL, "/")
	var out []feedItem
	for _, it := range res.Items {
		c := &it.Content
		out = append(out, feedItem{
			ID: exchange.MicrocredentialURL(base, it.ID), VersionID: exchange.VersionURL(base, it.ID, it.Version),
			URL: exchange.MicrocredentialURL(base, it.ID) + "?lang=" + string(l), Title: c.Title.Get(l),
			Org: res.Orgs[it.OrgID].Get(l), Summary: summary(c.Description.Get(l), 500),
			Field: c.ISCEDField, FieldName: fieldName(l, c.ISCEDField), Published: it.PublishedAt,
		})
	}
	return out, nil
}

func feedLang(r *http.Request) pokot.Lang {
	if l, ok := pokot.ParseLang(r.URL.Query().Get("lang")); ok {
		return l
	}
	return pokot.Finnish
}

// catalogueAtom is GET /microcredentials/feed.atom: the newest published POKs.
func (s *server) catalogueAtom(w http.ResponseWriter, r *http.Request) {
	l := feedLang(r)
	items, err := s.newest(r, l)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	base := strings.TrimRight(s.cfg.BaseURL, "/")
	f := atomFeed{
		Lang: string(l), ID: base + "/microcredentials/feed.atom", Title: i18n.T(l, "catalogue.feed_title"),
		Sub:     i18n.T(l, "catalogue.feed_subtitle"),
		Updated: time.Unix(0, 0).UTC().Format(time.RFC3339),
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: base + "/microcredentials/feed.atom?lang=" + string(l)},
			{Rel: "alternate", Type: "text/html", Href: base + "/microcredentials?lang=" + string(l)}},
		Author: atomPerson{Name: i18n.T(l, "site.name")},
	}
	for i, it := range items {
		if i == 0 {
			f.Updated = it.Published.UTC().Format(time.RFC3339)
		}
		e := atomEntry{ID: it.VersionID, Title: it.Title, Updated: it.Published.UTC().Format(time.RFC3339),
			Published: it.Published.UTC().Format(time.RFC3339), Link: atomLink{Rel: "alternate", Type: "text/html", Href: it.URL},
			Author: atomPerson{Name: it.Org}, Summary: it.Summary}
		if it.Field != "" {
			e.Category = []atomCategory{{Term: it.Field, Label: it.FieldName}}
		}
		f.Entries = append(f.Entries, e)
	}
	writeXML(w, "application/atom+xml; charset=utf-8", f)
}

type rss struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title       string    `xml:"title"`
	Link        string    `xml:"link"`
	Description string    `xml:"description"`
	Language    string    `xml:"language"`
	Items       []rssItem `xml:"item"`
}

type rssItem struct {
	Title       string  `xml:"title"`
	Link        string  `xml:"link"`
	GUID        rssGUID `xml:"guid"`
	PubDate     string  `xml:"pubDate"`
	Description string  `xml:"description,omitempty"`
	Category    string  `xml:"category,omitempty"`
	Author      string  `xml:"-"`
}

type rssGUID struct {
	IsPermaLink bool   `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

// catalogueRSS is GET /microcredentials/feed.rss: the same as the Atom feed in RSS 2.0.
func (s *server) catalogueRSS(w http.ResponseWriter, r *http.Request) {
	l := feedLang(r)
	items, err := s.newest(r, l)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	base := strings.TrimRight(s.cfg.BaseURL, "/")
	f := rss{Version: "2.0", Channel: rssChannel{Title: i18n.T(l, "catalogue.feed_title"),
		Link: base + "/microcredentials?lang=" + string(l), Description: i18n.T(l, "catalogue.feed_subtitle"), Language: string(l)}}
	for _, it := range items {
		desc := it.Org
		if it.Summary != "" {
			desc += ": " + it.Summary
		}
		f.Channel.Items = append(f.Channel.Items, rssItem{Title: it.Title, Link: it.URL,
			GUID: rssGUID{Value: it.VersionID}, PubDate: it.Published.UTC().Format(time.RFC1123Z),
			Description: desc, Category: it.FieldName})
	}
	writeXML(w, "application/rss+xml; charset=utf-8", f)
}

func writeXML(w http.ResponseWriter, contentType string, v any) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Cache-Control", "public, max-age=300")
	w.Write(buf.Bytes())
}

// sitemapTTL is how long a built sitemap is served again: with 50,000 POKs it takes seconds
// to build, and search engines do not need it fresher.
const sitemapTTL = 10 * time.Minute

type sitemapCache struct {
	mu    sync.Mutex // held while building, so that concurrent requests wait for one build
	body  []byte
	built time.Time
}

var sitemaps sync.Map // *server → *sitemapCache

// sitemap is GET /sitemap.xml: the home page, the catalogue and every published POK page,
// each with its Finnish, Swedish and English alternates (?lang=).
func (s *server) sitemap(w http.ResponseWriter, r *http.Request) {
	v, _ := sitemaps.LoadOrStore(s, &sitemapCache{})
	c := v.(*sitemapCache)
	c.mu.Lock()
	if c.body == nil || time.Since(c.built) > sitemapTTL {
		body, err := s.buildSitemap(r)
		if err != nil {
			c.mu.Unlock()
			s.fail(w, r, err)
			return
		}
		c.body, c.built = body, time.Now()
	}
	body := c.body
	c.mu.Unlock()
	h := w.Header()
	h.Set("Content-Type", "application/xml; charset=utf-8")
	h.Set("Cache-Control", "public, max-age=3600")
	w.Write(body)
}

func (s *server) buildSitemap(r *http.Request) ([]byte, error) {
	mcs := s.store
	// Finish the build even if this visitor leaves: others are waiting for it.
	ctx := context.WithoutCancel(r.Context())
	base := strings.TrimRight(s.cfg.BaseURL, "/")
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	entry := func(path string, mod time.Time) {
		b.WriteString("<url><loc>")
		xml.EscapeText(&b, []byte(base+path))
		b.WriteString("</loc>")
		if !mod.IsZero() {
			b.WriteString("<lastmod>" + mod.UTC().Format("2006-01-02") + "</lastmod>")
		}
		for _, l := range pokot.Langs {
			b.WriteString(`<xhtml:link rel="alternate" hreflang="` + string(l) + `" href="`)
			xml.EscapeText(&b, []byte(base+path+"?lang="+string(l)))
			b.WriteString(`"/>`)
		}
		b.WriteString("</url>\n")
	}
	entry("/", time.Time{})
	entry("/microcredentials", time.Time{})
	n := 0
	for page := 1; page <= maxCatalogPage && n < maxSitemapPOKs; page++ {
		res, err := mcs.Search(ctx, pokot.CatalogQuery{Sort: pokot.SortNewest, PerPage: 100, Page: page})
		if err != nil {
			return nil, err
		}
		for _, it := range res.Items {
			entry("/microcredentials/"+strconv.FormatInt(it.ID, 10), it.PublishedAt)
			n++
		}
		if len(res.Items) < 100 {
			break
		}
	}
	b.WriteString("</urlset>\n")
	return b.Bytes(), nil
}

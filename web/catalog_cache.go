package web

import (
	"bytes"
	"net/http"
	"sync"
	"time"
)

// The catalogue and the POK pages are the site's busiest public pages, and the same URLs
// (the catalogue's first page, popular words, a POK that was just shared) come again and
// again. A rendered page is kept for catalogPageTTL and served to every anonymous visitor who
// asks for exactly the same URL in the same language: a page is at most that much older than
// the catalogue. Signed-in visitors (whose page shows their name and menu), pages with a
// one-time message and pages that report ignored parameters are always rendered afresh.

// catalogPageTTL is how long a rendered catalogue page is reused.
const catalogPageTTL = time.Second

// maxCachedPages bounds the cache; when it is full of live pages it starts over.
const maxCachedPages = 2000

type cachedPage struct {
	header  http.Header
	body    []byte
	expires time.Time
}

type pageCache struct {
	mu sync.Mutex
	m  map[string]*cachedPage
}

// pageCaches holds one cache per server (tests run many servers on different databases).
var pageCaches sync.Map // *server → *pageCache

func (s *server) catalogPages() *pageCache {
	if c, ok := pageCaches.Load(s); ok {
		return c.(*pageCache)
	}
	c, _ := pageCaches.LoadOrStore(s, &pageCache{m: map[string]*cachedPage{}})
	return c.(*pageCache)
}

// get returns a live page for key.
func (c *pageCache) get(key string, now time.Time) (*cachedPage, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.m[key]
	if !ok || now.After(p.expires) {
		return nil, false
	}
	return p, true
}

func (c *pageCache) put(key string, p *cachedPage, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= maxCachedPages {
		for k, old := range c.m {
			if now.After(old.expires) {
				delete(c.m, k)
			}
		}
		if len(c.m) >= maxCachedPages {
			c.m = map[string]*cachedPage{}
		}
	}
	c.m[key] = p
}

// write sends a cached page.
func (p *cachedPage) write(w http.ResponseWriter) error {
	h := w.Header()
	for k, v := range p.header {
		h[k] = v
	}
	w.WriteHeader(http.StatusOK)
	_, err := w.Write(p.body)
	return err
}

// renderShared renders page name with the data that build returns, or sends the same page
// rendered less than catalogPageTTL ago. build says whether its page may be shared (a page
// that tells the visitor about their own mistakes may not).
func (s *server) renderShared(w http.ResponseWriter, r *http.Request, name string, build func() (any, bool, error)) error {
	rs := st(r)
	cacheable := rs.user == nil && rs.flash == ""
	key := name + " " + string(rs.lang) + " " + r.URL.Path + "?" + r.URL.RawQuery
	if cacheable {
		if pg, ok := s.catalogPages().get(key, time.Now()); ok {
			return pg.write(w)
		}
	}
	d, shareable, err := build()
	if err != nil {
		return err
	}
	if !cacheable || !shareable {
		return s.render(w, r, http.StatusOK, name, d, nil)
	}
	rec := &pageRecorder{header: http.Header{}}
	if err := s.render(rec, r, http.StatusOK, name, d, nil); err != nil {
		return err
	}
	pg := &cachedPage{header: rec.header, body: rec.buf.Bytes(), expires: time.Now().Add(catalogPageTTL)}
	s.catalogPages().put(key, pg, time.Now())
	return pg.write(w)
}

// pageRecorder captures what render writes, so that it can be kept and then sent.
type pageRecorder struct {
	header http.Header
	status int
	buf    bytes.Buffer
}

func (r *pageRecorder) Header() http.Header         { return r.header }
func (r *pageRecorder) WriteHeader(status int)      { r.status = status }
func (r *pageRecorder) Write(b []byte) (int, error) { return r.buf.Write(b) }

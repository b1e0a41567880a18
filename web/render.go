package web

import (
	"bytes"
	"embed"
	"errors"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

//go:embed templates
var templateFS embed.FS

// templates holds one parsed set per language and page, so that the template function t
// is bound to its language at parse time ({{t "key"}} in every template).
type templates struct {
	sets map[pokot.Lang]map[string]*template.Template
}

func parseTemplates(sf *staticFiles) (*templates, error) {
	pages, err := fs.Glob(templateFS, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	ts := &templates{sets: map[pokot.Lang]map[string]*template.Template{}}
	for _, l := range pokot.Langs {
		ts.sets[l] = map[string]*template.Template{}
		for _, p := range pages {
			name := strings.TrimSuffix(path.Base(p), ".html")
			t, err := template.New(name).Funcs(funcs(l, sf)).ParseFS(templateFS,
				"templates/layout.html", "templates/partials.html", p)
			if err != nil {
				return nil, err
			}
			ts.sets[l][name] = t
		}
	}
	return ts, nil
}

// funcs are the template functions of language l.
func funcs(l pokot.Lang, sf *staticFiles) template.FuncMap {
	return template.FuncMap{
		"t":        func(key string, args ...any) string { return i18n.T(l, key, args...) },
		"tn":       func(key string, n int, args ...any) string { return i18n.N(l, key, n, args...) },
		"tx":       func(t pokot.Text) string { return t.Get(l) },
		"country":  func(code string) string { return pokot.CountryName(l, code) },
		"date":     func(t time.Time) string { return i18n.Date(l, t) },
		"day":      func(t time.Time) string { return i18n.Day(l, t) },
		"datetime": func(t time.Time) string { return i18n.DateTime(l, t) },
		"span":     func(a, b time.Time) string { return i18n.Range(l, a, b) },
		"iso":      func(t time.Time) string { return t.In(i18n.Helsinki).Format(time.RFC3339) },
		"role":     func(r pokot.Role) string { return i18n.T(l, "role."+string(r)) },
		"roles":    func() []pokot.Role { return pokot.Roles },
		"langs":    func() []pokot.Lang { return pokot.Langs },
		"langname": langName,
		"static":   sf.URL,
		"fld":      makeField,
	}
}

// langName is a language's name in itself, as language switchers show it.
func langName(l pokot.Lang) string {
	switch l {
	case pokot.Swedish:
		return "Svenska"
	case pokot.English:
		return "English"
	}
	return "Suomi"
}

// page is the data of every rendered page; Data is the page's own.
type page struct {
	Lang      pokot.Lang
	User      *pokot.User
	CSRF      string
	Flash     string // catalog key
	Nav       []navItem
	LangLinks []langLink
	Form      *form // the submitted form, for the error summary
	Data      any
}

type navItem struct {
	Href, Key string
	Current   bool
}

type langLink struct {
	Lang    pokot.Lang
	Name    string
	Href    string
	Current bool
}

// render executes a page template into a buffer (so that a template error becomes a clean
// 500) and writes it with status; the error summary of f is put in the page's field order.
func (s *server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any, f *form) error {
	rs := st(r)
	if rs.lang == "" {
		rs.lang = requestLang(r)
	}
	p := &page{Lang: rs.lang, User: rs.user, CSRF: rs.csrf, Flash: rs.flash, Form: f, Data: data}
	p.Nav = nav(r, rs.user)
	p.LangLinks = langLinks(r, rs.lang)
	t := s.tmpl.sets[rs.lang][name]
	if t == nil {
		return errors.New("web: no template " + name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		return err
	}
	// The error summary follows the order of the fields on the page: when the errors were
	// recorded in another order, sort them by where their fields are and render again.
	if f != nil && f.orderAsOn(buf.Bytes()) {
		buf.Reset()
		if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
			return err
		}
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Language", string(rs.lang))
	h.Set("Vary", "Cookie, Accept-Language")
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

// nav is the main navigation for the visitor's role.
func nav(r *http.Request, u *pokot.User) []navItem {
	items := []navItem{{Href: "/", Key: "nav.home"}}
	if u == nil {
		items = append(items, navItem{Href: "/signin", Key: "nav.signin"})
	} else {
		items = append(items, navItem{Href: "/dashboard", Key: "nav.dashboard"})
		if u.Admin {
			items = append(items,
				navItem{Href: "/admin/orgs", Key: "nav.orgs"},
				navItem{Href: "/admin/users", Key: "nav.users"},
				navItem{Href: "/admin/outbox", Key: "nav.outbox"})
		}
		items = append(items, navItem{Href: "/wallet", Key: "nav.wallet"}, navItem{Href: "/profile", Key: "nav.profile"})
	}
	for i := range items {
		h := items[i].Href
		items[i].Current = r.URL.Path == h || (h != "/" && strings.HasPrefix(r.URL.Path, h+"/"))
	}
	return items
}

// langLinks are the language switcher's links: this page with ?lang=xx.
func langLinks(r *http.Request, cur pokot.Lang) []langLink {
	var out []langLink
	for _, l := range pokot.Langs {
		q := url.Values{}
		for k, v := range r.URL.Query() {
			if k != "lang" {
				q[k] = v
			}
		}
		q.Set("lang", string(l))
		path := r.URL.Path
		if r.Method != http.MethodGet {
			path = "/dashboard"
			if st(r).user == nil {
				path = "/"
			}
			q = url.Values{"lang": {string(l)}}
		}
		out = append(out, langLink{Lang: l, Name: langName(l), Href: path + "?" + q.Encode(), Current: l == cur})
	}
	return out
}

// statusOf maps an error code to its HTTP status, once for the whole UI.
func statusOf(code string) int { return pokot.HTTPStatus(code) }

// errorData is the data of the error page.
type errorData struct {
	Code  string
	Title string // catalog key
	Text  string // catalog key
}

// fail is the one error renderer: the code picks the status and the page, the error's
// catalog key (when known) the message; internal details go only to the log.
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	code := pokot.ErrorCode(err)
	status := statusOf(code)
	if status >= 500 {
		s.log.Error("request failed", "method", r.Method, "route", r.Pattern, "err", err)
	} else {
		s.log.Debug("request refused", "method", r.Method, "route", r.Pattern, "code", code, "err", err)
	}
	rs := st(r)
	if rs.lang == "" {
		rs.lang = requestLang(r)
	}
	d := errorData{Code: code, Title: "error." + code + ".title", Text: "error." + code + ".text"}
	var e *pokot.Error
	if status < 500 && errors.As(err, &e) && e.Key != "" && i18n.Has(rs.lang, e.Key) {
		d.Text = e.Key
	}
	if rerr := s.render(w, r, status, "error", d, nil); rerr != nil {
		s.log.Error("render error page", "err", rerr)
		http.Error(w, http.StatusText(status), status)
	}
}

package api

import (
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/exchange"
	"github.com/pokot/pokot/i18n"
)

// maxImportBody is the largest CSV file the import endpoint reads: the same 8 MiB as the
// web's assessment import file (pokot.ReadAssessmentCSV), room for the 1,000 rows that
// exchange.ReadCSV accepts at about 5 KiB a row, far below exchange.MaxCSVBytes (meant for
// files read from disk by the command line). Other endpoints keep maxBody.
const maxImportBody = 8 << 20

// isImportPath reports whether path is an organisation's CSV import endpoint.
func isImportPath(path string) bool {
	rest, ok := strings.CutPrefix(path, "/api/v1/orgs/")
	if !ok {
		return false
	}
	slug, tail, _ := strings.Cut(rest, "/")
	return slug != "" && tail == "microcredentials/import"
}

// importTooLarge is the 413 of a CSV file over maxImportBody.
func importTooLarge() error {
	return &pokot.Error{Code: pokot.ETOOLARGE, Key: "err.too_large",
		Message: fmt.Sprintf("the CSV file is larger than %d MiB; split it into several files of at most %d MiB and import them one by one",
			maxImportBody>>20, maxImportBody>>20)}
}

// rowErrorJSON is one problem of a refused import, where the user can find it in the
// spreadsheet: row 1 is the header, row 0 the file as a whole; Line is set instead for a
// CSV syntax error.
type rowErrorJSON struct {
	Row     int    `json:"row"`
	Line    int    `json:"line,omitempty"`
	Column  string `json:"column,omitempty"`
	Key     string `json:"key"`
	Message string `json:"message"`
	// Messages says the same in Finnish, Swedish and English, for the user's screen.
	Messages pokot.Text `json:"messages"`
}

// mcRef names a POK created by an import.
type mcRef struct {
	Row  int    `json:"row"`
	ID   int64  `json:"id"`
	Slug string `json:"slug"`
	URL  string `json:"url"`
}

// importMicrocredentials is POST /api/v1/orgs/{slug}/microcredentials/import: a CSV file
// (docs/exchange.md) becomes one new draft per row, or nothing. Every row is read and
// validated first (exchange.ReadCSV), then every address name is checked against the
// organisation's POKs and the file's other rows; only when all is well are the drafts
// created, one by one (the store has no batch create), so that only a database failure
// between two rows can leave part of a file stored; the answer then lists what was created.
func (a *API) importMicrocredentials(w http.ResponseWriter, r *http.Request, u *pokot.User) error {
	ac, err := a.designAccess(r, u)
	if err != nil {
		return err
	}
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "text/csv" {
		return &pokot.Error{Code: pokot.EINVALID, Key: keyContentType, Message: "send the file as text/csv"}
	}
	imp, err := exchange.ReadCSV(r.Body)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return importTooLarge()
	}
	var es pokot.Errors
	var e *pokot.Error
	if !errors.As(err, &es) && errors.As(err, &e) && e.Code == pokot.EINVALID {
		es = pokot.Errors{e} // a problem with the file as a whole
	}
	if len(es) > 0 && pokot.ErrorCode(err) == pokot.EINVALID {
		importRefused(w, es)
		return nil
	}
	if err != nil {
		return err
	}

	// Address names: given, or made from the Finnish title as the store would, so that a
	// clash is found before anything is stored.
	slugs := make([]string, len(imp.Drafts))
	seen := map[string]int{}
	for i, d := range imp.Drafts {
		slug, col := d.Slug, "slug"
		if slug == "" {
			slug, col = slugify(d.Content.Title.Get(pokot.Finnish)), "title_fi"
		}
		loc := fmt.Sprintf("row %d, column %s", d.Row, col)
		switch _, err := a.store.MicrocredentialBySlug(r.Context(), ac.org.ID, slug); {
		case !pokot.ValidSlug(slug):
			es = append(es, &pokot.Error{Code: pokot.EINVALID, Field: loc, Key: "err.mc.slug_invalid",
				Message: loc + ": the address name may have lowercase letters, digits and hyphens; give one in the slug column"})
		case seen[slug] > 0:
			es = append(es, &pokot.Error{Code: pokot.EINVALID, Field: loc, Key: "err.csv.duplicate_slug",
				Message: fmt.Sprintf("%s: row %d has the same address name %q; give another in the slug column", loc, seen[slug], slug)})
		case err == nil:
			es = append(es, &pokot.Error{Code: pokot.EINVALID, Field: loc, Key: "err.mc.slug_taken",
				Message: fmt.Sprintf("%s: the organisation already has a micro-credential with the address name %q; give another in the slug column", loc, slug)})
		case pokot.ErrorCode(err) != pokot.ENOTFOUND:
			return err
		}
		seen[slug], slugs[i] = d.Row, slug
	}
	if len(es) > 0 {
		importRefused(w, es)
		return nil
	}

	created := []mcRef{}
	for i, d := range imp.Drafts {
		c := d.Content
		m, _, err := a.store.CreateMicrocredential(r.Context(), ac.org.ID, u.ID, slugs[i], &c)
		if err != nil {
			if len(created) == 0 {
				return err
			}
			a.logger.ErrorContext(r.Context(), "api: import stopped part-way", "org", ac.org.Slug, "row", d.Row, "created", len(created), "err", err)
			writeProblem(w, http.StatusInternalServerError, &pokot.Error{Code: pokot.EINTERNAL,
				Message: fmt.Sprintf("the import stopped at row %d; the rows listed in created were stored", d.Row)}, problemExt{Created: created})
			return nil
		}
		created = append(created, mcRef{Row: d.Row, ID: m.ID, Slug: m.Slug,
			URL: strings.TrimRight(a.cfg.BaseURL, "/") + designPath(ac.org, m.ID)})
	}
	writeJSON(w, http.StatusCreated, map[string]any{"created": created, "count": len(created),
		"encoding": imp.Encoding, "separator": string(imp.Separator)})
	return nil
}

// importRefused answers a refused import: 422 with every problem by row and column, as
// errors (by location) and rows (structured).
func importRefused(w http.ResponseWriter, es pokot.Errors) {
	p := problemExt{problem: problem{Errors: fieldErrors(es)}, Rows: []rowErrorJSON{}}
	for _, e := range es {
		p.Rows = append(p.Rows, rowError(e))
	}
	writeProblem(w, http.StatusUnprocessableEntity, &pokot.Error{Code: pokot.EINVALID, Key: "err.csv.refused",
		Message: fmt.Sprintf("the file has %d problem(s) and nothing was imported; see rows", len(es))}, p)
}

// rowError splits an import error's location ("row 4, column workload_unit", "row 3",
// "line 7", "file") into its parts.
func rowError(e *pokot.Error) rowErrorJSON {
	j := rowErrorJSON{Key: e.Key, Message: e.Message, Messages: pokot.Text{}}
	for _, l := range []pokot.Lang{pokot.Finnish, pokot.Swedish, pokot.English} {
		le := *e
		if _, own := exchange.Messages[e.Key]; !own && i18n.Has(l, e.Key) && strings.HasPrefix(e.Message, e.Field+": ") {
			le.Message = e.Field + ": " + i18n.T(l, e.Key) // the domain's message in the UI catalog
		}
		j.Messages[l] = exchange.Localize(&le, l)
	}
	loc, col, _ := strings.Cut(e.Field, ", column ")
	j.Column = col
	if n, ok := strings.CutPrefix(loc, "row "); ok {
		j.Row, _ = strconv.Atoi(n)
	} else if n, ok := strings.CutPrefix(loc, "line "); ok {
		j.Line, _ = strconv.Atoi(n)
	}
	return j
}

// slugify makes an address name from a title the way the store does for a POK created
// without one (sqldb's slugify): lowercase ASCII letters and digits, accents dropped,
// other runs of characters as one hyphen, at most about 60 characters.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
		default:
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}

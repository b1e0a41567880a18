package web

import (
	"bytes"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/pokot/pokot"
)

// form holds what the user typed and what was wrong with it, so that a rejected form comes
// back with every value in place, a summary at the top and a message at each field.
type form struct {
	Name   string // prefix of the element ids, unique on the page
	Values url.Values
	Errors []formError
}

// formError is one problem; Field "" is about the whole form (shown in the summary only).
type formError struct {
	Field string
	ID    string
	Key   string
}

// newForm returns an empty form, or one holding the posted values of r.
func newForm(name string, r *http.Request) *form {
	f := &form{Name: name, Values: url.Values{}}
	if r != nil && r.Method == http.MethodPost {
		for k, v := range r.PostForm {
			if k != csrfField {
				f.Values[k] = v
			}
		}
	}
	return f
}

// Get returns the trimmed value of a one-line field, with control characters (line
// breaks, tabs) turned into spaces so that they cannot reach e-mail headers or logs.
func (f *form) Get(k string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, f.Values.Get(k)))
}

// Raw returns the value exactly as typed (passwords).
func (f *form) Raw(k string) string { return f.Values.Get(k) }

// Set replaces a value (e.g. to pre-fill a form from stored data).
func (f *form) Set(k, v string) { f.Values.Set(k, v) }

// Add records a problem with a field (or with the whole form when field is "").
func (f *form) Add(field, key string) {
	if f.Err(field) != "" && field != "" {
		return
	}
	id := ""
	if field != "" {
		id = f.ID(field)
	}
	f.Errors = append(f.Errors, formError{Field: field, ID: id, Key: key})
}

// AddErr records the field errors in err (a *pokot.Error or pokot.Errors with EINVALID)
// and reports whether it did; other errors are left to the caller.
func (f *form) AddErr(err error) bool {
	var es pokot.Errors
	if errors.As(err, &es) && len(es) > 0 {
		for _, e := range es {
			f.Add(e.Field, keyOr(e.Key, "error.invalid.text"))
		}
		return true
	}
	var e *pokot.Error
	if errors.As(err, &e) && e.Code == pokot.EINVALID {
		f.Add(e.Field, keyOr(e.Key, "error.invalid.text"))
		return true
	}
	return false
}

func keyOr(k, def string) string {
	if k == "" {
		return def
	}
	return k
}

// OK reports whether no problem was recorded.
func (f *form) OK() bool { return len(f.Errors) == 0 }

// Err returns the message key of a field's problem, "" when none.
func (f *form) Err(field string) string {
	for _, e := range f.Errors {
		if e.Field == field {
			return e.Key
		}
	}
	return ""
}

// ID returns the element id of a field.
func (f *form) ID(field string) string { return f.Name + "-" + field }

// Has reports whether a multi-valued field (checkboxes) holds v.
func (f *form) Has(field, v string) bool {
	for _, x := range f.Values[field] {
		if x == v {
			return true
		}
	}
	return false
}

// field is what the "field" template needs to draw one labelled input.
type field struct {
	ID, Name, Type, Value     string
	Label, Hint, Error        string // catalog keys
	Autocomplete, InputMode   string
	Optional, ReadOnly, Spell bool
}

// Describedby lists the ids of the hint and the error, for aria-describedby.
func (fl field) Describedby() string {
	var ids []string
	if fl.Hint != "" {
		ids = append(ids, fl.ID+"-hint")
	}
	if fl.Error != "" {
		ids = append(ids, fl.ID+"-error")
	}
	return strings.Join(ids, " ")
}

// makeField is the template function fld: fld FORM NAME TYPE LABELKEY HINTKEY [OPTION…],
// where an option is "optional", "readonly" or "autocomplete=…" / "inputmode=…".
func makeField(f *form, name, typ, label, hint string, opts ...string) field {
	fl := field{ID: f.ID(name), Name: name, Type: typ, Label: label, Hint: hint, Error: f.Err(name)}
	if typ != "password" {
		fl.Value = f.Get(name)
	}
	for _, o := range opts {
		switch {
		case o == "optional":
			fl.Optional = true
		case o == "readonly":
			fl.ReadOnly = true
		case strings.HasPrefix(o, "autocomplete="):
			fl.Autocomplete = strings.TrimPrefix(o, "autocomplete=")
		case strings.HasPrefix(o, "inputmode="):
			fl.InputMode = strings.TrimPrefix(o, "inputmode=")
		}
	}
	return fl
}

// orderAsOn puts the field errors in the order their fields appear in page, the page as
// rendered, so that the error summary reads in the same order as the form (WCAG 2.1 SC
// 1.3.2, 2.4.3) whatever order the handler and the services checked them in. A field is
// found by its element id (id="…", as the templates and fld write it), else by its name;
// problems with the whole form stay first, and an error whose field the page lacks goes
// last. It reports whether the order changed.
func (f *form) orderAsOn(page []byte) bool {
	if len(f.Errors) < 2 {
		return false
	}
	pos := make([]int, len(f.Errors))
	for i, e := range f.Errors {
		switch {
		case e.Field == "":
			pos[i] = -1
		default:
			pos[i] = bytes.Index(page, []byte(`id="`+template.HTMLEscapeString(e.ID)+`"`))
			if pos[i] < 0 {
				pos[i] = bytes.Index(page, []byte(`name="`+template.HTMLEscapeString(e.Field)+`"`))
			}
			if pos[i] < 0 {
				pos[i] = len(page)
			}
		}
	}
	idx := make([]int, len(f.Errors))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return pos[idx[a]] < pos[idx[b]] })
	changed := false
	sorted := make([]formError, len(f.Errors))
	for i, j := range idx {
		sorted[i] = f.Errors[j]
		changed = changed || i != j
	}
	f.Errors = sorted
	return changed
}

package credential

import (
	"fmt"
	"strings"
)

// contextInfo describes what a context defines at its top level.
type contextInfo struct {
	vocab     bool
	protected bool
	terms     map[string]string
}

// scope is what a document's @context array defines, in order.
type scope struct {
	known   []map[string]string // term tables of known remote contexts
	inline  map[string]string   // terms of inline context objects
	vocab   bool
	unknown bool // a context this package does not know: assume it defines anything
}

func (s scope) defines(term string) bool {
	if s.unknown || s.vocab || isURL(term) {
		return true
	}
	if _, ok := s.inline[term]; ok {
		return true
	}
	for _, m := range s.known {
		if _, ok := m[term]; ok {
			return true
		}
	}
	return false
}

// contextScope folds the document's contexts into one scope, without
// judging them (ruleContext does that).
func contextScope(doc map[string]any) scope {
	var s scope
	for _, c := range asList(doc["@context"]) {
		switch x := c.(type) {
		case string:
			info, ok := knownContexts[x]
			if !ok {
				s.unknown = true
				continue
			}
			s.known = append(s.known, info.terms)
			if info.vocab {
				s.vocab = true
			}
		case map[string]any:
			for k, v := range x {
				if k == "@vocab" {
					s.vocab = v != nil
					continue
				}
				if !strings.HasPrefix(k, "@") {
					if s.inline == nil {
						s.inline = map[string]string{}
					}
					s.inline[k] = termIRI(v)
				}
			}
		}
	}
	return s
}

func termIRI(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		s, _ := x["@id"].(string)
		return s
	}
	return ""
}

// validIRIRef accepts an absolute IRI, a compact IRI (prefix:suffix) or a
// keyword, and refuses anything with white space, like "https ://x".
func validIRIRef(s string) bool {
	if strings.HasPrefix(s, "@") {
		return true
	}
	if strings.ContainsAny(s, " \t\r\n<>\"{}|\\^`") {
		return false
	}
	return strings.Contains(s, ":")
}

// ruleContext checks the @context: present, the VC 2.0 base context first,
// every entry a URL or an object, IRIs in inline definitions well formed,
// and no protected term redefined.
func ruleContext(doc map[string]any, _ StructureOptions) string {
	raw, ok := doc["@context"]
	if !ok {
		return "@context is missing"
	}
	list := asList(raw)
	if len(list) == 0 {
		return "@context is empty"
	}
	if s, _ := list[0].(string); s != ContextV2 {
		return "the first @context must be " + ContextV2
	}
	var protectedKnown []map[string]string // protected term tables of known contexts
	protected := map[string]string{}       // protected terms of inline contexts
	lookup := func(term string) (string, bool) {
		if iri, ok := protected[term]; ok {
			return iri, true
		}
		for i := len(protectedKnown) - 1; i >= 0; i-- {
			if iri, ok := protectedKnown[i][term]; ok {
				return iri, true
			}
		}
		return "", false
	}
	for i, c := range list {
		switch x := c.(type) {
		case string:
			if !isURL(x) {
				return fmt.Sprintf("@context %q is not a URL", x)
			}
			if info, ok := knownContexts[x]; ok && info.protected {
				protectedKnown = append(protectedKnown, info.terms)
			}
		case map[string]any:
			isProtected, _ := x["@protected"].(bool)
			for k, v := range x {
				if strings.HasPrefix(k, "@") {
					continue
				}
				iri := termIRI(v)
				if v != nil && iri != "" && !validIRIRef(iri) {
					return fmt.Sprintf("term %q maps to %q, which is not an IRI", k, iri)
				}
				if old, ok := lookup(k); ok && old != iri {
					return fmt.Sprintf("protected term %q is redefined", k)
				}
				if isProtected {
					protected[k] = iri
				}
			}
		default:
			return fmt.Sprintf("@context entry %d must be a URL or an object", i+1)
		}
	}
	return ""
}

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
	terms   map[string]string
	vocab   bool
	unknown bool // a context this package does not know: assume it defines anything
}

func (s scope) defines(term string) bool {
	if isURL(term) || s.unknown || s.vocab {
		return true
	}
	_, ok := s.terms[term]
	return ok
}

// contextScope folds the document's contexts into one scope, without
// judging them (ruleContext does that).
func contextScope(doc map[string]any) scope {
	s := scope{terms: map[string]string{}}
	for _, c := range asList(doc["@context"]) {
		switch x := c.(type) {
		case string:
			info, ok := knownContexts[x]
			if !ok {
				s.unknown = true
				continue
			}
			for k, v := range info.terms {
				s.terms[k] = v
			}
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
					s.terms[k] = termIRI(v)
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
	protected := map[string]string{}
	for i, c := range list {
		switch x := c.(type) {
		case string:
			if !isURL(x) {
				return fmt.Sprintf("@context %q is not a URL", x)
			}
			if info, ok := knownContexts[x]; ok && info.protected {
				for k, v := range info.terms {
					protected[k] = v
				}
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
				if old, ok := protected[k]; ok && old != iri {
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

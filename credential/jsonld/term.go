package jsonld

import (
	"errors"
	"fmt"
	"strings"

	"github.com/pokot/pokot/credential/rdfc"
)

var keywords = map[string]bool{
	"@base": true, "@container": true, "@context": true, "@default": true, "@direction": true,
	"@embed": true, "@explicit": true, "@graph": true, "@id": true, "@import": true,
	"@included": true, "@index": true, "@json": true, "@language": true, "@list": true,
	"@nest": true, "@none": true, "@omitDefault": true, "@prefix": true, "@preserve": true,
	"@propagate": true, "@protected": true, "@requireAll": true, "@reverse": true, "@set": true,
	"@type": true, "@value": true, "@version": true, "@vocab": true,
}

func isKeyword(s string) bool { return len(s) > 1 && s[0] == '@' && keywords[s] }

// looksLikeKeyword reports whether s has the form @ALPHA+, which JSON-LD
// reserves for future keywords.
func looksLikeKeyword(s string) bool {
	if len(s) < 2 || s[0] != '@' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// createTerm is the Create Term Definition algorithm (JSON-LD 1.1 API, 4.2.2).
func (cp *ctxProc) createTerm(active *activeContext, local map[string]any, term string, defined map[string]bool, override bool) error {
	if d, ok := defined[term]; ok {
		if d {
			return nil
		}
		return fmt.Errorf("%w: cyclic IRI mapping for term %q", ErrInvalid, term)
	}
	if term == "" {
		return fmt.Errorf("%w: empty term", ErrInvalid)
	}
	if cp.terms++; cp.terms > maxTermDefinitions {
		return fmt.Errorf("%w: more than %d term definitions", ErrTooComplex, maxTermDefinitions)
	}
	defined[term] = false
	value := local[term]
	if term == "@type" {
		m, ok := value.(map[string]any)
		if !ok || len(m) == 0 {
			return fmt.Errorf("%w: keyword redefinition of @type", ErrInvalid)
		}
		for k, v := range m {
			if !(k == "@container" && v == "@set" || k == "@protected") {
				return fmt.Errorf("%w: keyword redefinition of @type", ErrInvalid)
			}
		}
		return fmt.Errorf("%w: @type term definition", errUnsupported)
	}
	if isKeyword(term) {
		return fmt.Errorf("%w: keyword redefinition of %s", ErrInvalid, term)
	}
	if looksLikeKeyword(term) {
		defined[term] = true
		return nil
	}
	previous := active.terms[term]
	delete(active.terms, term)
	simple := false
	var m map[string]any
	switch v := value.(type) {
	case nil:
		m = map[string]any{"@id": nil}
	case string:
		m = map[string]any{"@id": v}
		simple = true
	case map[string]any:
		m = v
	default:
		return fmt.Errorf("%w: invalid term definition for %q", ErrInvalid, term)
	}
	protected, _ := local["@protected"].(bool)
	def := &termDef{protected: protected}
	if p, ok := m["@protected"]; ok {
		b, ok := p.(bool)
		if !ok {
			return fmt.Errorf("%w: invalid @protected value for %q", ErrInvalid, term)
		}
		def.protected = b
	}
	for k := range m {
		switch k {
		case "@id", "@type", "@container", "@context", "@language", "@prefix", "@protected", "@reverse":
		case "@nest":
			return fmt.Errorf("%w: @nest in the definition of %q", ErrUnsupported, term)
		case "@index", "@direction":
			return fmt.Errorf("%w: %s in the definition of %q", errUnsupported, k, term)
		default:
			return fmt.Errorf("%w: invalid term definition for %q (key %s)", ErrInvalid, term, k)
		}
	}
	if t, ok := m["@type"]; ok {
		s, ok := t.(string)
		if !ok {
			return fmt.Errorf("%w: invalid type mapping for %q", ErrInvalid, term)
		}
		iri, err := cp.expandIRI(active, s, true, false, local, defined)
		if err != nil {
			return err
		}
		switch {
		case iri == "@id" || iri == "@vocab" || iri == "@json" || iri == "@none":
		case rdfc.ValidIRI(iri):
		default:
			return fmt.Errorf("%w: type mapping %q of %q is not an absolute IRI", ErrRelativeIRI, s, term)
		}
		def.typ = iri
	}
	if rev, ok := m["@reverse"]; ok {
		return cp.createReverse(active, local, term, m, rev, def, previous, defined, override)
	}
	if id, ok := m["@id"]; ok && id != term {
		switch s := id.(type) {
		case nil:
			def.null = true
		case string:
			if !isKeyword(s) && looksLikeKeyword(s) {
				defined[term] = true
				return nil
			}
			iri, err := cp.expandIRI(active, s, true, false, local, defined)
			if err != nil {
				return err
			}
			if iri == "@context" {
				return fmt.Errorf("%w: invalid keyword alias @context", ErrInvalid)
			}
			if !isKeyword(iri) && !rdfc.HasScheme(iri) && !strings.HasPrefix(iri, "_:") {
				return fmt.Errorf("%w: IRI mapping %q of %q", ErrRelativeIRI, s, term)
			}
			def.id = iri
			if looksLikeIRI(term) {
				defined[term] = true
				exp, err := cp.expandIRI(active, term, true, false, local, defined)
				if err != nil {
					return err
				}
				if exp != iri {
					return fmt.Errorf("%w: term %q looks like an IRI but maps to %q", ErrInvalid, term, iri)
				}
			}
			if simple && !strings.ContainsAny(term, ":/") && (strings.HasPrefix(iri, "_:") || endsWithGenDelim(iri)) {
				def.prefix = true
			}
		default:
			return fmt.Errorf("%w: invalid IRI mapping for %q", ErrInvalid, term)
		}
	} else if i := strings.IndexByte(term[1:], ':'); i >= 0 {
		prefix, suffix := term[:i+1], term[i+2:]
		if _, ok := local[prefix]; ok {
			if err := cp.createTerm(active, local, prefix, defined, override); err != nil {
				return err
			}
		}
		if pd, ok := active.terms[prefix]; ok && !pd.null && prefix != "_" && !strings.HasPrefix(suffix, "//") {
			def.id = pd.id + suffix
		} else {
			def.id = term
		}
	} else if strings.Contains(term, "/") {
		iri, err := cp.expandIRI(active, term, true, false, nil, nil)
		if err != nil {
			return err
		}
		if !rdfc.HasScheme(iri) {
			return fmt.Errorf("%w: term %q", ErrRelativeIRI, term)
		}
		def.id = iri
	} else if active.hasVocab {
		def.id = active.vocab + term
	} else {
		return fmt.Errorf("%w: term %q has no IRI mapping and there is no @vocab", ErrInvalid, term)
	}
	if c, ok := m["@container"]; ok {
		flags, err := parseContainer(c)
		if err != nil {
			return fmt.Errorf("%w (term %q)", err, term)
		}
		def.container = flags
	}
	if sc, ok := m["@context"]; ok {
		// Validate the scoped context now, as JSON-LD 1.1 requires, even
		// if no document ever uses it.
		saved := cp.validating
		cp.validating = true
		_, err := cp.process(active, sc, true, true)
		cp.validating = saved
		if err != nil {
			if errors.Is(err, errUnsupported) || errors.Is(err, ErrUnknownContext) || errors.Is(err, ErrTooComplex) {
				return err
			}
			return fmt.Errorf("%w: invalid scoped context for %q: %w", ErrInvalid, term, err)
		}
		def.context, def.hasCtx = sc, true
	}
	if l, ok := m["@language"]; ok && def.typ == "" {
		switch s := l.(type) {
		case nil:
			def.hasLang, def.langNull = true, true
		case string:
			def.hasLang, def.lang = true, strings.ToLower(s)
		default:
			return fmt.Errorf("%w: invalid language mapping for %q", ErrInvalid, term)
		}
	}
	if p, ok := m["@prefix"]; ok {
		b, ok := p.(bool)
		if !ok || strings.ContainsAny(term, ":/") {
			return fmt.Errorf("%w: invalid @prefix for %q", ErrInvalid, term)
		}
		def.prefix = b
		if b && isKeyword(def.id) {
			return fmt.Errorf("%w: keyword %q used as a prefix", ErrInvalid, def.id)
		}
	}
	if !override && previous != nil && previous.protected {
		if !sameDefinition(def, previous) {
			return fmt.Errorf("%w: protected term redefinition of %q", ErrInvalid, term)
		}
		def = previous
	}
	if def.protected {
		active.hasProtected = true
	}
	active.terms[term] = def
	defined[term] = true
	return nil
}

// looksLikeIRI reports whether a term has a colon other than as its first
// or last character, or a slash: such a term must expand to itself.
func looksLikeIRI(term string) bool {
	return strings.Contains(term, "/") || len(term) > 2 && strings.Contains(term[1:len(term)-1], ":")
}

// createReverse is step 14 of Create Term Definition: a reverse property.
func (cp *ctxProc) createReverse(active *activeContext, local map[string]any, term string, m map[string]any, rev any, def, previous *termDef, defined map[string]bool, override bool) error {
	if _, ok := m["@id"]; ok {
		return fmt.Errorf("%w: invalid reverse property %q (has @id)", ErrInvalid, term)
	}
	s, ok := rev.(string)
	if !ok {
		return fmt.Errorf("%w: invalid IRI mapping for reverse property %q", ErrInvalid, term)
	}
	if !isKeyword(s) && looksLikeKeyword(s) {
		defined[term] = true
		return nil
	}
	iri, err := cp.expandIRI(active, s, true, false, local, defined)
	if err != nil {
		return err
	}
	if !rdfc.ValidIRI(iri) && !strings.HasPrefix(iri, "_:") {
		return fmt.Errorf("%w: reverse property %q maps to %q", ErrRelativeIRI, term, s)
	}
	def.id, def.reverse = iri, true
	if c, ok := m["@container"]; ok {
		switch c {
		case nil:
		case "@set":
			def.container = cSet
		case "@index":
			def.container = cIndex
		default:
			return fmt.Errorf("%w: invalid container for reverse property %q", ErrInvalid, term)
		}
	}
	for _, k := range []string{"@context", "@language", "@prefix"} {
		if _, ok := m[k]; ok {
			return fmt.Errorf("%w: %s in reverse property %q", errUnsupported, k, term)
		}
	}
	if !override && previous != nil && previous.protected {
		if !sameDefinition(def, previous) {
			return fmt.Errorf("%w: protected term redefinition of %q", ErrInvalid, term)
		}
		def = previous
	}
	if def.protected {
		active.hasProtected = true
	}
	active.terms[term] = def
	defined[term] = true
	return nil
}

func endsWithGenDelim(s string) bool {
	return s != "" && strings.IndexByte(":/?#[]@", s[len(s)-1]) >= 0
}

func parseContainer(c any) (containerFlags, error) {
	var f containerFlags
	for _, v := range asSlice(c) {
		s, ok := v.(string)
		if !ok {
			return 0, fmt.Errorf("%w: invalid container mapping", ErrInvalid)
		}
		switch s {
		case "@set":
			f |= cSet
		case "@list":
			f |= cList
		case "@graph":
			f |= cGraph
		case "@language":
			f |= cLanguage
		case "@index":
			f |= cIndex
		case "@id":
			f |= cID
		case "@type":
			return 0, fmt.Errorf("%w: %s container", errUnsupported, s)
		default:
			return 0, fmt.Errorf("%w: invalid container mapping %q", ErrInvalid, s)
		}
	}
	if f&cList != 0 && f != cList || f&cLanguage != 0 && f&^(cLanguage|cSet) != 0 ||
		f&cIndex != 0 && f&^(cIndex|cSet|cGraph) != 0 || f&cID != 0 && f&^(cID|cSet|cGraph) != 0 {
		return 0, fmt.Errorf("%w: invalid container mapping", ErrInvalid)
	}
	return f, nil
}

// expandIRI is the IRI Expansion algorithm (JSON-LD 1.1 API, 5.2.2).
// There is no document base IRI: document-relative (docRel) values are
// resolved only against an @base set in a context, else they stay relative
// and are rejected later. local and defined are set while processing a context.
func (cp *ctxProc) expandIRI(active *activeContext, value string, vocab, docRel bool, local map[string]any, defined map[string]bool) (string, error) {
	if isKeyword(value) {
		return value, nil
	}
	if looksLikeKeyword(value) {
		return "", nil
	}
	if local != nil {
		if _, ok := local[value]; ok && !defined[value] {
			if err := cp.createTerm(active, local, value, defined, cp.override); err != nil {
				return "", err
			}
		}
	}
	if d, ok := active.terms[value]; ok {
		if isKeyword(d.id) {
			return d.id, nil
		}
		if vocab {
			if d.null {
				return "", nil
			}
			return d.id, nil
		}
	}
	if i := strings.IndexByte(value, ':'); i > 0 {
		prefix, suffix := value[:i], value[i+1:]
		if prefix == "_" || strings.HasPrefix(suffix, "//") {
			return value, nil
		}
		if local != nil {
			if _, ok := local[prefix]; ok && !defined[prefix] {
				if err := cp.createTerm(active, local, prefix, defined, cp.override); err != nil {
					return "", err
				}
			}
		}
		if d, ok := active.terms[prefix]; ok && !d.null && d.prefix {
			return d.id + suffix, nil
		}
		if rdfc.HasScheme(value) {
			return value, nil
		}
	}
	if vocab && active.hasVocab {
		return active.vocab + value, nil
	}
	if docRel && active.hasBase {
		return resolveIRI(active.base, value), nil
	}
	return value, nil
}

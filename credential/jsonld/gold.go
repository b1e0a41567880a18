package jsonld

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/piprate/json-gold/ld"

	"github.com/pokot/pokot/credential/rdfc"
)

// contextCache holds parsed context documents (processed contexts hang off
// the Processor's root active context).
type contextCache struct {
	docs sync.Map // url -> any (decoded JSON of the context document)
}

// contextDoc returns the decoded context document for url.
func (p *Processor) contextDoc(url string) (any, error) {
	if v, ok := p.cache.docs.Load(url); ok {
		return v, nil
	}
	raw, ok := p.contexts[url]
	if !ok {
		return nil, fmt.Errorf("%w: %s (only embedded contexts are used, never fetched)", ErrUnknownContext, url)
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, fmt.Errorf("%w: context %s: %v", ErrInvalid, url, err)
	}
	v, _ = p.cache.docs.LoadOrStore(url, v)
	return v, nil
}

// goldLoader serves embedded contexts to json-gold and remembers the first
// URL it could not serve.
type goldLoader struct {
	p       *Processor
	missing error
}

func (l *goldLoader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	doc, err := l.p.contextDoc(u)
	if err != nil {
		if l.missing == nil {
			l.missing = err
		}
		return nil, err
	}
	// json-gold may modify what it is given; hand it a private copy.
	return &ld.RemoteDocument{DocumentURL: u, Document: deepCopy(doc)}, nil
}

func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = deepCopy(e)
		}
		return m
	case []any:
		s := make([]any, len(x))
		for i, e := range x {
			s[i] = deepCopy(e)
		}
		return s
	}
	return v
}

// goldToRDF converts doc with json-gold: expansion in safe mode (undefined
// terms are an error), a check of the expanded form for relative IRIs that
// json-gold would otherwise drop, then toRDF.
func (p *Processor) goldToRDF(doc map[string]any) ([]rdfc.Quad, error) {
	loader := &goldLoader{p: p}
	opts := ld.NewJsonLdOptions("")
	opts.DocumentLoader = loader
	opts.SafeMode = true
	opts.ProcessingMode = ld.JsonLd_1_1
	proc := ld.NewJsonLdProcessor()
	expanded, err := proc.Expand(deepCopy(doc), opts)
	if err != nil {
		if loader.missing != nil {
			return nil, loader.missing
		}
		var jerr *ld.JsonLdError
		if errors.As(err, &jerr) && jerr.Code == ld.InvalidProperty {
			return nil, fmt.Errorf("%w: %v", ErrDataLoss, err)
		}
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if err := checkExpanded(expanded); err != nil {
		return nil, err
	}
	ds, err := proc.ToRDF(expanded, opts)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	var quads []rdfc.Quad
	for g, qs := range ds.(*ld.RDFDataset).Graphs {
		for _, q := range qs {
			quads = append(quads, rdfc.Quad{
				Subject: goldTerm(q.Subject), Predicate: goldTerm(q.Predicate),
				Object: goldTerm(q.Object), Graph: goldGraph(g),
			})
		}
	}
	return quads, nil
}

func goldGraph(g string) rdfc.Term {
	if g == "@default" || g == "" {
		return rdfc.Term{}
	}
	if strings.HasPrefix(g, "_:") {
		return rdfc.Blank(g[2:])
	}
	return rdfc.IRI(g)
}

func goldTerm(n ld.Node) rdfc.Term {
	switch x := n.(type) {
	case ld.IRI:
		return rdfc.IRI(x.Value)
	case ld.BlankNode:
		return rdfc.Blank(strings.TrimPrefix(x.Attribute, "_:"))
	case ld.Literal:
		return rdfc.Literal(x.Value, x.Datatype, x.Language)
	case *ld.IRI:
		return rdfc.IRI(x.Value)
	case *ld.BlankNode:
		return rdfc.Blank(strings.TrimPrefix(x.Attribute, "_:"))
	case *ld.Literal:
		return rdfc.Literal(x.Value, x.Datatype, x.Language)
	}
	return rdfc.Term{}
}

// checkExpanded rejects relative IRIs in expanded JSON-LD: node identifiers,
// types and properties that json-gold's toRDF would silently skip.
func checkExpanded(v any) error {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if err := checkExpanded(e); err != nil {
				return err
			}
		}
	case map[string]any:
		_, isValue := x["@value"]
		for k, e := range x {
			switch k {
			case "@id":
				if s, ok := e.(string); ok && !strings.HasPrefix(s, "_:") && !rdfc.ValidIRI(s) {
					return fmt.Errorf("%w: @id %q", ErrRelativeIRI, s)
				}
			case "@type":
				for _, t := range asSlice(e) {
					if s, ok := t.(string); ok && !(strings.HasPrefix(s, "_:") && !isValue) && !rdfc.ValidIRI(s) && s != "@json" {
						return fmt.Errorf("%w: @type %q (undefined type?)", ErrRelativeIRI, s)
					}
				}
			case "@value", "@language", "@direction", "@index":
			default:
				if !strings.HasPrefix(k, "@") && !rdfc.ValidIRI(k) {
					return fmt.Errorf("%w: property %q", ErrDataLoss, k)
				}
				if err := checkExpanded(e); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func asSlice(v any) []any {
	if s, ok := v.([]any); ok {
		return s
	}
	return []any{v}
}

package jsonld

import (
	"encoding/json"
	"errors"

	"github.com/pokot/pokot/credential/rdfc"
)

// root returns the Processor's empty initial active context, the root of
// its cache of processed contexts.
func (p *Processor) root() *activeContext {
	p.rootOnce.Do(func() { p.rootCtx = newActiveContext() })
	return p.rootCtx
}

// toRDF converts doc to RDF with the native engine, falling back to
// json-gold (with the same guards) for JSON-LD features the native engine
// does not implement.
func (p *Processor) toRDF(doc map[string]any, values int) ([]rdfc.Quad, error) {
	quads, err := p.nativeToRDF(doc, values)
	// Only errUnsupported falls back; every other native error stands.
	if errors.Is(err, errUnsupported) {
		return p.goldToRDF(doc)
	}
	return quads, err
}

func (p *Processor) expand(doc map[string]any) ([]any, error) {
	e := expander{cp: ctxProc{p: p}}
	return e.expandDocument(p.root(), doc)
}

// nativeToRDF converts doc with the native engine; sizeHint (the number of
// JSON values in doc) presizes the quad buffer.
func (p *Processor) nativeToRDF(doc map[string]any, sizeHint int) ([]rdfc.Quad, error) {
	expanded, err := p.expand(doc)
	if err != nil {
		return nil, err
	}
	t := emitter{limit: p.limits.MaxQuads, quads: make([]rdfc.Quad, 0, min(max(sizeHint/2, 16), p.limits.MaxQuads))}
	if err := t.document(expanded); err != nil {
		return nil, err
	}
	return t.quads, nil
}

func isNumber(v any) bool {
	switch v.(type) {
	case float64, json.Number, int, int64:
		return true
	}
	return false
}

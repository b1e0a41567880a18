package jsonld

import (
	"encoding/json"

	"github.com/pokot/pokot/credential/rdfc"
)

// activeContext is a processed JSON-LD context.
type activeContext struct{}

// toRDF converts doc to RDF with the processor's engine.
func (p *Processor) toRDF(doc map[string]any) ([]rdfc.Quad, error) {
	return p.goldToRDF(doc)
}

func isNumber(v any) bool {
	switch v.(type) {
	case float64, json.Number, int, int64:
		return true
	}
	return false
}

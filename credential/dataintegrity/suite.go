package dataintegrity

import (
	"crypto/sha256"
	"fmt"
	"io"

	"github.com/pokot/pokot/credential/jsonld"
)

// Canonicalizer turns JSON-LD documents into canonical N-Quads;
// *jsonld.Processor is one.
type Canonicalizer interface {
	Canonicalize(doc map[string]any) (string, error)
}

// canonicalizer is the default for Sign and Verify.
var canonicalizer Canonicalizer = jsonld.Default

// hashData computes sha256(canonical proof config) || sha256(canonical
// document) for the given cryptosuite. doc must not contain a proof and
// proofConfig must not contain a proofValue.
func hashData(c Canonicalizer, suite string, doc, proofConfig map[string]any) ([]byte, error) {
	var canonProof, canonDoc string
	switch suite {
	case EddsaRDFC2022:
		var err error
		if canonProof, err = c.Canonicalize(proofConfig); err != nil {
			return nil, fmt.Errorf("%w: proof configuration: %w", ErrCanonicalization, err)
		}
		if canonDoc, err = c.Canonicalize(doc); err != nil {
			return nil, fmt.Errorf("%w: document: %w", ErrCanonicalization, err)
		}
	case EddsaJCS2022:
		cp, err := jsonld.JCS(proofConfig)
		if err != nil {
			return nil, fmt.Errorf("%w: proof configuration: %w", ErrCanonicalization, err)
		}
		cd, err := jsonld.JCS(doc)
		if err != nil {
			return nil, fmt.Errorf("%w: document: %w", ErrCanonicalization, err)
		}
		canonProof, canonDoc = string(cp), string(cd)
	default:
		return nil, fmt.Errorf("%w: %q", ErrUnsupportedCryptosuite, suite)
	}
	out := make([]byte, 0, 64)
	h := sha256.New()
	io.WriteString(h, canonProof)
	out = h.Sum(out)
	h.Reset()
	io.WriteString(h, canonDoc)
	return h.Sum(out), nil
}

// withoutKey returns a shallow copy of m without key.
func withoutKey(m map[string]any, key string) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if k != key {
			out[k] = v
		}
	}
	return out
}

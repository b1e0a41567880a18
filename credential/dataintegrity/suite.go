package dataintegrity

import (
	"crypto/sha256"
	"fmt"

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
	var canonProof, canonDoc []byte
	switch suite {
	case EddsaRDFC2022:
		cp, err := c.Canonicalize(proofConfig)
		if err != nil {
			return nil, fmt.Errorf("%w: proof configuration: %w", ErrCanonicalization, err)
		}
		cd, err := c.Canonicalize(doc)
		if err != nil {
			return nil, fmt.Errorf("%w: document: %w", ErrCanonicalization, err)
		}
		canonProof, canonDoc = []byte(cp), []byte(cd)
	case EddsaJCS2022:
		var err error
		if canonProof, err = jsonld.JCS(proofConfig); err != nil {
			return nil, fmt.Errorf("%w: proof configuration: %w", ErrCanonicalization, err)
		}
		if canonDoc, err = jsonld.JCS(doc); err != nil {
			return nil, fmt.Errorf("%w: document: %w", ErrCanonicalization, err)
		}
	default:
		return nil, fmt.Errorf("%w: %q", ErrUnsupportedCryptosuite, suite)
	}
	ph := sha256.Sum256(canonProof)
	dh := sha256.Sum256(canonDoc)
	out := make([]byte, 0, 64)
	out = append(out, ph[:]...)
	return append(out, dh[:]...), nil
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

// Package dataintegrity creates and verifies W3C Data Integrity proofs with
// Ed25519 keys: the eddsa-rdfc-2022 cryptosuite (RDFC-1.0 canonical N-Quads)
// and eddsa-jcs-2022 (RFC 8785 JSON canonicalization), per W3C vc-di-eddsa,
// as single proofs, proof sets and proof chains (W3C VC Data Integrity 1.0).
package dataintegrity

import (
	"errors"
	"fmt"
	"time"
)

// Cryptosuite names.
const (
	EddsaRDFC2022 = "eddsa-rdfc-2022"
	EddsaJCS2022  = "eddsa-jcs-2022"
	// ProofType is the type of every proof this package creates.
	ProofType = "DataIntegrityProof"
	// AssertionMethod is the default proof purpose.
	AssertionMethod = "assertionMethod"
)

// Sentinel errors, usable with errors.Is; returned errors wrap one of them.
var (
	// ErrNoProof: the document has no proof.
	ErrNoProof = errors.New("dataintegrity: document has no proof")
	// ErrMalformedProof: the proof lacks a required field or has a field of
	// the wrong type (or ProofOf was given a proof set; use ProofsOf).
	ErrMalformedProof = errors.New("dataintegrity: malformed proof")
	// ErrProofChain: the proofs of a proof set or chain do not fit together:
	// a previousProof names no proof of the set, two proofs share an id, or
	// previousProof references form a cycle.
	ErrProofChain = errors.New("dataintegrity: broken proof chain")
	// ErrUnsupportedCryptosuite: the proof type or cryptosuite is not supported.
	ErrUnsupportedCryptosuite = errors.New("dataintegrity: unsupported cryptosuite")
	// ErrCanonicalization: the document or proof cannot be canonicalized
	// (unknown context, undefined term, relative IRI, too complex…).
	ErrCanonicalization = errors.New("dataintegrity: canonicalization failed")
	// ErrBadSignature: the signature does not match the document and key.
	ErrBadSignature = errors.New("dataintegrity: signature does not verify")
	// ErrInvalidKey: the key has the wrong length.
	ErrInvalidKey = errors.New("dataintegrity: invalid Ed25519 key")
)

// Proof is the proof of a secured document, as read by ProofOf.
type Proof struct {
	Type               string
	Cryptosuite        string
	VerificationMethod string
	ProofPurpose       string
	ProofValue         string
	// ID is the proof's optional id, which previousProof refers to.
	ID string
	// PreviousProof lists the ids of the proofs this proof chains to (a
	// string in the document is read as a list of one); empty in a proof set.
	PreviousProof []string
	// Index is the proof's position in the document's proof list (0 for a
	// single proof object).
	Index int
	// Created is the parsed created timestamp; zero if absent.
	Created time.Time
	// Raw is the proof object as it appears in the document.
	Raw map[string]any
}

// ProofOf reads the single proof of doc without verifying it, so that a
// verifier can resolve the verification method before calling Verify. An
// array holding one proof (as 1EdTech publishes them) is read as that proof;
// a proof set of several proofs is reported as ErrMalformedProof (read it
// with ProofsOf).
func ProofOf(doc map[string]any) (*Proof, error) {
	ps, err := ProofsOf(doc)
	if err != nil {
		return nil, err
	}
	if len(ps) > 1 {
		return nil, fmt.Errorf("%w: a proof set of %d proofs (read it with ProofsOf)", ErrMalformedProof, len(ps))
	}
	return ps[0], nil
}

// parseProof reads one proof object.
func parseProof(raw any, index int) (*Proof, error) {
	m, ok := raw.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%w: proof is not an object", ErrMalformedProof)
	}
	p := &Proof{Raw: m, Index: index}
	for _, f := range []struct {
		name string
		dst  *string
	}{
		{"type", &p.Type}, {"cryptosuite", &p.Cryptosuite}, {"verificationMethod", &p.VerificationMethod},
		{"proofPurpose", &p.ProofPurpose}, {"proofValue", &p.ProofValue},
	} {
		s, ok := m[f.name].(string)
		if !ok || s == "" {
			return nil, fmt.Errorf("%w: %q missing or not a string", ErrMalformedProof, f.name)
		}
		*f.dst = s
	}
	if id, ok := m["id"]; ok {
		s, ok := id.(string)
		if !ok || s == "" {
			return nil, fmt.Errorf("%w: \"id\" is not a non-empty string", ErrMalformedProof)
		}
		p.ID = s
	}
	if prev, ok := m["previousProof"]; ok {
		ids, err := stringList(prev)
		if err != nil {
			return nil, fmt.Errorf("%w: \"previousProof\" %v", ErrMalformedProof, err)
		}
		p.PreviousProof = ids
	}
	if c, ok := m["created"]; ok {
		s, ok := c.(string)
		if !ok {
			return nil, fmt.Errorf("%w: \"created\" is not a string", ErrMalformedProof)
		}
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return nil, fmt.Errorf("%w: \"created\" is not an RFC 3339 date-time: %v", ErrMalformedProof, err)
		}
		p.Created = t
	}
	return p, nil
}

// stringList reads a string or a non-empty list of strings.
func stringList(v any) ([]string, error) {
	switch x := v.(type) {
	case string:
		if x == "" {
			return nil, errors.New("is an empty string")
		}
		return []string{x}, nil
	case []any:
		if len(x) == 0 {
			return nil, errors.New("is an empty list")
		}
		out := make([]string, len(x))
		for i, e := range x {
			s, ok := e.(string)
			if !ok || s == "" {
				return nil, errors.New("must hold only non-empty strings")
			}
			out[i] = s
		}
		return out, nil
	}
	return nil, errors.New("is neither a string nor a list of strings")
}

// formatCreated writes t as an XML Schema dateTime in UTC, to the second
// unless t has a sub-second part.
func formatCreated(t time.Time) string {
	t = t.UTC()
	if t.Nanosecond() == 0 {
		return t.Format("2006-01-02T15:04:05Z")
	}
	return t.Format(time.RFC3339Nano)
}

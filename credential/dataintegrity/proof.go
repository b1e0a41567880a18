// Package dataintegrity creates and verifies W3C Data Integrity proofs with
// Ed25519 keys: the eddsa-rdfc-2022 cryptosuite (RDFC-1.0 canonical N-Quads)
// and eddsa-jcs-2022 (RFC 8785 JSON canonicalization), per W3C vc-di-eddsa.
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
	// ErrMalformedProof: the proof lacks a required field, has a field of the
	// wrong type, or is a proof set this package does not verify.
	ErrMalformedProof = errors.New("dataintegrity: malformed proof")
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
	// Created is the parsed created timestamp; zero if absent.
	Created time.Time
	// Raw is the proof object as it appears in the document.
	Raw map[string]any
}

// ProofOf reads the proof of doc without verifying it, so that a verifier
// can resolve the verification method before calling Verify. An array
// holding one proof (as 1EdTech publishes them) is read as that proof; a
// proof set of several proofs is reported as ErrMalformedProof.
func ProofOf(doc map[string]any) (*Proof, error) {
	raw, ok := doc["proof"]
	if !ok || raw == nil {
		return nil, ErrNoProof
	}
	if set, isSet := raw.([]any); isSet {
		switch len(set) {
		case 0:
			return nil, ErrNoProof
		case 1:
			raw = set[0]
		default:
			return nil, fmt.Errorf("%w: proof sets of %d proofs are not supported", ErrMalformedProof, len(set))
		}
	}
	m, ok := raw.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%w: proof is not an object", ErrMalformedProof)
	}
	p := &Proof{Raw: m}
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

// formatCreated writes t as an XML Schema dateTime in UTC, to the second
// unless t has a sub-second part.
func formatCreated(t time.Time) string {
	t = t.UTC()
	if t.Nanosecond() == 0 {
		return t.Format("2006-01-02T15:04:05Z")
	}
	return t.Format(time.RFC3339Nano)
}

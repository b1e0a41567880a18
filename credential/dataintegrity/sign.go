package dataintegrity

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"time"
)

// Options configure Sign.
type Options struct {
	// Cryptosuite is EddsaRDFC2022 (the default when empty) or EddsaJCS2022.
	Cryptosuite string
	// VerificationMethod is the URL of the public key, e.g.
	// "did:key:z6Mk…#z6Mk…". Required.
	VerificationMethod string
	// ProofPurpose defaults to AssertionMethod.
	ProofPurpose string
	// Created defaults to the current time; it is written in UTC.
	Created time.Time
	// Canonicalizer for eddsa-rdfc-2022; nil means jsonld.Default.
	Canonicalizer Canonicalizer
	// ID is the new proof's id (e.g. "urn:uuid:…"), which a later proof's
	// previousProof can name; none when empty.
	ID string
	// PreviousProof makes the new proof part of a proof chain: the ids of
	// proofs already in the document that it signs along with the document
	// (written as a string when there is one, as the W3C vectors do).
	PreviousProof []string
}

// Sign returns a copy of doc with a Data Integrity proof added under
// "proof". doc is not modified; the copy shares its nested values with doc.
// A document that already has proofs gets one more: the proofs become a
// list (a proof set), and with Options.PreviousProof the new proof also
// signs the proofs it names (a proof chain), per VC Data Integrity 1.0 §4.2
// "Add Proof Set/Chain". The existing proofs are not verified here.
func Sign(doc map[string]any, key ed25519.PrivateKey, opts Options) (map[string]any, error) {
	if len(key) != ed25519.PrivateKeySize {
		return nil, fmt.Errorf("%w: private key has %d bytes, want %d", ErrInvalidKey, len(key), ed25519.PrivateKeySize)
	}
	var existing []any
	if _, has := doc["proof"]; has {
		ps, err := ProofsOf(doc)
		if err != nil && !errors.Is(err, ErrNoProof) {
			return nil, fmt.Errorf("the document's proofs: %w", err)
		}
		if len(ps)+1 > MaxProofs {
			return nil, fmt.Errorf("%w: the document already has %d proofs", ErrMalformedProof, len(ps))
		}
		for _, p := range ps {
			if opts.ID != "" && p.ID == opts.ID {
				return nil, fmt.Errorf("%w: the document already has a proof with the id %s", ErrProofChain, opts.ID)
			}
			existing = append(existing, p.Raw)
		}
	}
	input := withoutKey(doc, "proof")
	if len(opts.PreviousProof) > 0 {
		matching, err := matchingProofs(existing, opts.PreviousProof)
		if err != nil {
			return nil, err
		}
		input["proof"] = matching
	}
	suite := opts.Cryptosuite
	if suite == "" {
		suite = EddsaRDFC2022
	}
	if suite != EddsaRDFC2022 && suite != EddsaJCS2022 {
		return nil, fmt.Errorf("%w: %q", ErrUnsupportedCryptosuite, suite)
	}
	if opts.VerificationMethod == "" {
		return nil, fmt.Errorf("%w: verification method is required", ErrMalformedProof)
	}
	purpose := opts.ProofPurpose
	if purpose == "" {
		purpose = AssertionMethod
	}
	created := opts.Created
	if created.IsZero() {
		created = time.Now().Truncate(time.Second)
	}
	ctx, hasCtx := doc["@context"]
	if suite == EddsaRDFC2022 && !hasCtx {
		return nil, fmt.Errorf("%w: document has no @context", ErrCanonicalization)
	}
	proof := map[string]any{
		"type":               ProofType,
		"cryptosuite":        suite,
		"created":            formatCreated(created),
		"verificationMethod": opts.VerificationMethod,
		"proofPurpose":       purpose,
	}
	if opts.ID != "" {
		proof["id"] = opts.ID
	}
	switch len(opts.PreviousProof) {
	case 0:
	case 1:
		proof["previousProof"] = opts.PreviousProof[0]
	default:
		prev := make([]any, len(opts.PreviousProof))
		for i, id := range opts.PreviousProof {
			prev[i] = id
		}
		proof["previousProof"] = prev
	}
	config := withoutKey(proof, "")
	if hasCtx {
		config["@context"] = ctx
	}
	c := opts.Canonicalizer
	if c == nil {
		c = canonicalizer
	}
	data, err := hashData(c, suite, input, config)
	if err != nil {
		return nil, err
	}
	sig := ed25519.Sign(key, data)
	if suite == EddsaJCS2022 && hasCtx {
		// eddsa-jcs-2022 secures the proof's @context as written in the proof.
		proof["@context"] = ctx
	}
	proof["proofValue"] = multibaseEncode(sig)
	out := withoutKey(doc, "")
	if existing == nil {
		out["proof"] = proof
	} else {
		out["proof"] = append(existing, proof)
	}
	return out, nil
}

package dataintegrity

import (
	"crypto/ed25519"
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
}

// Sign returns a copy of doc with a Data Integrity proof added under
// "proof". doc is not modified; the copy shares its nested values with doc.
// A document that already has a proof is refused (proof sets are not
// supported).
func Sign(doc map[string]any, key ed25519.PrivateKey, opts Options) (map[string]any, error) {
	if len(key) != ed25519.PrivateKeySize {
		return nil, fmt.Errorf("%w: private key has %d bytes, want %d", ErrInvalidKey, len(key), ed25519.PrivateKeySize)
	}
	if _, has := doc["proof"]; has {
		return nil, fmt.Errorf("%w: document already has a proof (proof sets are not supported)", ErrMalformedProof)
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
	config := withoutKey(proof, "")
	if hasCtx {
		config["@context"] = ctx
	}
	c := opts.Canonicalizer
	if c == nil {
		c = canonicalizer
	}
	data, err := hashData(c, suite, doc, config)
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
	out["proof"] = proof
	return out, nil
}

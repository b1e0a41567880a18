package dataintegrity

import (
	"crypto/ed25519"
	"fmt"
	"reflect"
)

// Verify checks the Data Integrity proof of doc against pub. It returns nil
// only if the proof is a well-formed DataIntegrityProof of a supported
// cryptosuite whose signature matches the document. It does not check the
// proof purpose, the created time or who controls the key; callers do.
func Verify(doc map[string]any, pub ed25519.PublicKey) error {
	return VerifyWith(canonicalizer, doc, pub)
}

// VerifyWith is Verify with a given canonicalizer for eddsa-rdfc-2022, for
// example a *jsonld.Processor with extra contexts.
func VerifyWith(c Canonicalizer, doc map[string]any, pub ed25519.PublicKey) error {
	if len(pub) != ed25519.PublicKeySize {
		return fmt.Errorf("%w: public key has %d bytes, want %d", ErrInvalidKey, len(pub), ed25519.PublicKeySize)
	}
	p, err := ProofOf(doc)
	if err != nil {
		return err
	}
	if p.Type != ProofType {
		return fmt.Errorf("%w: proof type %q", ErrUnsupportedCryptosuite, p.Type)
	}
	if p.Cryptosuite != EddsaRDFC2022 && p.Cryptosuite != EddsaJCS2022 {
		return fmt.Errorf("%w: %q", ErrUnsupportedCryptosuite, p.Cryptosuite)
	}
	sig, err := multibaseDecode(p.ProofValue)
	if err != nil {
		return fmt.Errorf("%w: proofValue: %v", ErrMalformedProof, err)
	}
	if len(sig) != ed25519.SignatureSize {
		return fmt.Errorf("%w: proofValue holds %d bytes, want %d", ErrMalformedProof, len(sig), ed25519.SignatureSize)
	}
	unsecured := withoutKey(doc, "proof")
	config := withoutKey(p.Raw, "proofValue")
	if pctx, ok := config["@context"]; ok {
		// vc-di-eddsa only asks the proof's @context to be a prefix of the
		// document's and then verifies with the prefix, which leaves any
		// further contexts unsigned; we require them to be equal.
		if !contextPrefix(pctx, doc["@context"]) || len(asList(pctx)) != len(asList(doc["@context"])) {
			return fmt.Errorf("%w: proof @context differs from the document @context", ErrMalformedProof)
		}
		unsecured["@context"] = pctx
	} else if dctx, ok := doc["@context"]; ok {
		config["@context"] = dctx
	}
	data, err := hashData(c, p.Cryptosuite, unsecured, config)
	if err != nil {
		return err
	}
	if !ed25519.Verify(pub, data, sig) {
		return ErrBadSignature
	}
	return nil
}

// contextPrefix reports whether the @context value prefix starts the
// @context value full, element by element.
func contextPrefix(prefix, full any) bool {
	ps, fs := asList(prefix), asList(full)
	if len(ps) > len(fs) {
		return false
	}
	for i := range ps {
		if !reflect.DeepEqual(ps[i], fs[i]) {
			return false
		}
	}
	return true
}

func asList(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	if v == nil {
		return nil
	}
	return []any{v}
}

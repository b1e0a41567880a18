package dataintegrity

import (
	"crypto/ed25519"
	"fmt"
	"reflect"
)

// Verify checks the single Data Integrity proof of doc against pub. It
// returns nil only if the proof is a well-formed DataIntegrityProof of a
// supported cryptosuite whose signature matches the document. It does not
// check the proof purpose, the created time or who controls the key;
// callers do. A proof set is refused (ErrMalformedProof): verify each of
// its proofs with ProofsOf and VerifyProof.
func Verify(doc map[string]any, pub ed25519.PublicKey) error {
	return VerifyWith(canonicalizer, doc, pub)
}

// VerifyWith is Verify with a given canonicalizer for eddsa-rdfc-2022, for
// example a *jsonld.Processor with extra contexts.
func VerifyWith(c Canonicalizer, doc map[string]any, pub ed25519.PublicKey) error {
	if err := checkKey(pub); err != nil {
		return err
	}
	p, err := ProofOf(doc)
	if err != nil {
		return err
	}
	return verifyProof(c, doc, p, pub)
}

// VerifyProof checks one proof p of doc, as read by ProofsOf(doc), against
// pub: the proof alone over the document without its proofs or, for a
// chained proof, over the document with the proofs its previousProof names
// (VC Data Integrity 1.0, §4.5 "Verify Proof Sets and Chains"). Like Verify
// it does not judge the purpose, the time or the key's controller.
func VerifyProof(doc map[string]any, p *Proof, pub ed25519.PublicKey) error {
	return VerifyProofWith(canonicalizer, doc, p, pub)
}

// VerifyProofWith is VerifyProof with a given canonicalizer for eddsa-rdfc-2022.
func VerifyProofWith(c Canonicalizer, doc map[string]any, p *Proof, pub ed25519.PublicKey) error {
	if err := checkKey(pub); err != nil {
		return err
	}
	if p == nil || p.Raw == nil {
		return fmt.Errorf("%w: no proof given", ErrMalformedProof)
	}
	return verifyProof(c, doc, p, pub)
}

func checkKey(pub ed25519.PublicKey) error {
	if len(pub) != ed25519.PublicKeySize {
		return fmt.Errorf("%w: public key has %d bytes, want %d", ErrInvalidKey, len(pub), ed25519.PublicKeySize)
	}
	return nil
}

func verifyProof(c Canonicalizer, doc map[string]any, p *Proof, pub ed25519.PublicKey) error {
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
	unsecured, err := inputDocument(doc, p)
	if err != nil {
		return err
	}
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

package key

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"encoding/json"
	"fmt"
	"strings"
)

// document is a parsed controller (or DID) document.
type document struct {
	id        string
	raw       map[string]any
	methods   []map[string]any // embedded verification methods, from every relationship
	assertion map[string]bool  // absolute ids authorised for assertionMethod
}

func parseDocument(body []byte) (*document, error) {
	var raw map[string]any
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&raw); err != nil || raw == nil {
		return nil, fmt.Errorf("%w: not a JSON object", ErrBadDocument)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: trailing data after the JSON object", ErrBadDocument)
	}
	d := &document{raw: raw, assertion: map[string]bool{}}
	d.id, _ = raw["id"].(string)
	for _, rel := range []string{"verificationMethod", "assertionMethod", "authentication"} {
		for _, item := range asList(raw[rel]) {
			switch v := item.(type) {
			case map[string]any:
				d.methods = append(d.methods, v)
				if rel == "assertionMethod" {
					if id, ok := v["id"].(string); ok {
						d.assertion[d.absolute(id)] = true
					}
				}
			case string:
				if rel == "assertionMethod" {
					d.assertion[d.absolute(v)] = true
				}
			}
		}
	}
	return d, nil
}

func asList(v any) []any {
	switch t := v.(type) {
	case []any:
		return t
	case nil:
		return nil
	default:
		return []any{t}
	}
}

// absolute resolves a relative "#frag" id against the document id.
func (d *document) absolute(id string) string {
	if strings.HasPrefix(id, "#") {
		return d.id + id
	}
	return id
}

// find returns the verification method id listed in the document.
func (d *document) find(id string) (*VerificationMethod, error) {
	for _, m := range d.methods {
		mid, _ := m["id"].(string)
		if d.absolute(mid) != id {
			continue
		}
		vm, err := parseMethod(m, d.id)
		if err != nil {
			return nil, err
		}
		if vm.Controller != d.id {
			return nil, fmt.Errorf("%w: %s is controlled by %q, the document is %q", ErrControllerMismatch, id, vm.Controller, d.id)
		}
		vm.ID = id
		vm.AssertionMethod = d.assertion[id]
		return vm, nil
	}
	return nil, fmt.Errorf("%w: %s", ErrMethodNotFound, id)
}

// parseMethod decodes one verification method object; docID resolves a relative id.
func parseMethod(m map[string]any, docID string) (*VerificationMethod, error) {
	vm := &VerificationMethod{}
	vm.ID, _ = m["id"].(string)
	if strings.HasPrefix(vm.ID, "#") {
		vm.ID = docID + vm.ID
	}
	vm.Type, _ = m["type"].(string)
	vm.Controller, _ = m["controller"].(string)
	if vm.Controller == "" {
		return nil, fmt.Errorf("%w: verification method %s has no controller", ErrBadDocument, vm.ID)
	}
	mb, hasMB := m["publicKeyMultibase"].(string)
	jwk, hasJWK := m["publicKeyJwk"]
	switch {
	case hasMB && hasJWK:
		return nil, fmt.Errorf("%w: verification method %s has both publicKeyMultibase and publicKeyJwk", ErrBadDocument, vm.ID)
	case hasMB:
		if vm.Type != "Multikey" && vm.Type != "Ed25519VerificationKey2020" {
			return nil, fmt.Errorf("%w: publicKeyMultibase in a %q method", ErrUnsupportedKey, vm.Type)
		}
		var pub crypto.PublicKey
		var err error
		if vm.Type == "Multikey" {
			pub, err = DecodeMultikey(mb) // Ed25519 or P-256
		} else {
			pub, err = DecodePublic(mb)
		}
		if err != nil {
			return nil, fmt.Errorf("verification method %s: %w", vm.ID, err)
		}
		vm.PublicKey = pub
		// A did:key-style fragment must name the key it is attached to.
		if _, frag, ok := strings.Cut(vm.ID, "#"); ok && strings.HasPrefix(frag, "z6Mk") && frag != mb {
			return nil, fmt.Errorf("%w: %s", ErrFragmentMismatch, vm.ID)
		}
	case hasJWK:
		if vm.Type != "JsonWebKey" && vm.Type != "JsonWebKey2020" {
			return nil, fmt.Errorf("%w: publicKeyJwk in a %q method", ErrUnsupportedKey, vm.Type)
		}
		pub, err := ParseJWK(jwk)
		if err != nil {
			return nil, fmt.Errorf("verification method %s: %w", vm.ID, err)
		}
		vm.PublicKey = pub
	default:
		return nil, fmt.Errorf("%w: verification method %s has no public key", ErrBadDocument, vm.ID)
	}
	return vm, nil
}

func publicKeysEqual(a, b crypto.PublicKey) bool {
	switch k := a.(type) {
	case ed25519.PublicKey:
		return k.Equal(b)
	case *ecdsa.PublicKey:
		return k.Equal(b)
	case *rsa.PublicKey:
		return k.Equal(b)
	}
	return false
}

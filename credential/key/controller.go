package key

import (
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"strings"
)

// Context URLs of controller documents.
const (
	ContextDID      = "https://www.w3.org/ns/did/v1"
	ContextCID      = "https://www.w3.org/ns/cid/v1"
	ContextMultikey = "https://w3id.org/security/multikey/v1"
)

// Method is a verification method as written in a controller document.
type Method struct {
	ID                 string         `json:"id"`
	Type               string         `json:"type"`
	Controller         string         `json:"controller"`
	PublicKeyMultibase string         `json:"publicKeyMultibase,omitempty"`
	PublicKeyJwk       map[string]any `json:"publicKeyJwk,omitempty"`
}

// ControllerDocument is a DID document (did:web) or a controlled identifier document
// (HTTPS issuer) that lists the issuer's keys.
type ControllerDocument struct {
	Context            []string `json:"@context"`
	ID                 string   `json:"id"`
	VerificationMethod []Method `json:"verificationMethod"`
	AssertionMethod    []string `json:"assertionMethod"`
}

// NewControllerDocument builds the controller document of an issuer id (a did:web DID or
// an https URL) listing its Ed25519 keys as Multikey verification methods, each usable
// for assertions. Each key gets the fragment id "#" + its Multikey. A did:web document
// uses the DID context; an HTTPS controller document uses the Controlled Identifiers
// context; both add the Multikey context.
func NewControllerDocument(controller string, keys ...ed25519.PublicKey) (*ControllerDocument, error) {
	var ctx string
	switch {
	case strings.HasPrefix(controller, "did:"):
		ctx = ContextDID
	case strings.HasPrefix(controller, "https://"):
		ctx = ContextCID
	default:
		return nil, fmt.Errorf("controller id must be a DID or an https URL, got %q", controller)
	}
	if strings.Contains(controller, "#") {
		return nil, fmt.Errorf("controller id must not contain a fragment: %q", controller)
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("a controller document needs at least one key")
	}
	doc := &ControllerDocument{Context: []string{ctx, ContextMultikey}, ID: controller}
	for _, pub := range keys {
		if len(pub) != ed25519.PublicKeySize {
			return nil, fmt.Errorf("%w: Ed25519 public key of %d bytes", ErrInvalidKey, len(pub))
		}
		mk := EncodePublic(pub)
		id := controller + "#" + mk
		doc.VerificationMethod = append(doc.VerificationMethod, Method{
			ID: id, Type: "Multikey", Controller: controller, PublicKeyMultibase: mk,
		})
		doc.AssertionMethod = append(doc.AssertionMethod, id)
	}
	return doc, nil
}

// JSON returns the indented JSON of the document.
func (d *ControllerDocument) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

package credential

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pokot/pokot/credential/dataintegrity"
	"github.com/pokot/pokot/credential/key"
)

// Proof formats accepted by SignOptions.Format.
const (
	FormatDI  = "di"  // Data Integrity proof embedded in the JSON-LD credential
	FormatJWT = "jwt" // VC-JWT: the credential is the payload of a compact JWS
)

// SignOptions configure Sign and SignJWT.
type SignOptions struct {
	// Cryptosuite is eddsa-rdfc-2022 (default) or eddsa-jcs-2022.
	Cryptosuite string
	// VerificationMethod overrides the key's did:key verification method,
	// e.g. "did:web:example.fi#key-1" for an issuer with a DID document.
	VerificationMethod string
	// Created is the proof time (the JWT's iat); now when zero.
	Created time.Time
	// ProofID gives the Data Integrity proof an id (e.g. "urn:uuid:…") that a
	// later proof's PreviousProof can name; none when empty.
	ProofID string
	// PreviousProof, when signing a credential that already has proofs,
	// chains the new proof to the proofs with these ids (a proof chain):
	// it signs them along with the credential.
	PreviousProof []string
}

// ErrIssuerKey is returned when the credential's issuer is a did:key other
// than the signing key's: nobody could verify such a credential.
var ErrIssuerKey = errors.New("credential: the issuer is a did:key of another key")

// Prepare returns a copy of an unsigned credential completed for signing
// with kp: issuer.id set to the key's did:key when the issuer has no id (an
// issuer object keeps its other fields), validFrom set to created and id set
// to a random urn:uuid when missing. Fields already present are kept.
func Prepare(doc map[string]any, kp *key.KeyPair, created time.Time) (map[string]any, error) {
	if doc == nil {
		return nil, errors.New("credential: no credential to sign")
	}
	out := make(map[string]any, len(doc)+3)
	for k, v := range doc {
		out[k] = v
	}
	did := kp.DID()
	switch iss := doc["issuer"].(type) {
	case nil:
		if IsOpenBadge(doc) {
			out["issuer"] = map[string]any{"id": did, "type": []any{"Profile"}}
		} else {
			out["issuer"] = did
		}
	case map[string]any:
		cp := make(map[string]any, len(iss)+1)
		for k, v := range iss {
			cp[k] = v
		}
		if s, _ := iss["id"].(string); s == "" {
			cp["id"] = did
		}
		out["issuer"] = cp
	}
	if id := IssuerID(out); strings.HasPrefix(id, "did:key:") && id != did {
		return nil, fmt.Errorf("%w: issuer %s, key %s", ErrIssuerKey, id, did)
	}
	if _, ok := out["validFrom"]; !ok {
		out["validFrom"] = formatTime(created)
	}
	if _, ok := out["id"]; !ok {
		out["id"] = "urn:uuid:" + newUUID()
	}
	return out, nil
}

// Sign completes doc with Prepare and adds a Data Integrity proof
// (eddsa-rdfc-2022 by default) made with kp. A credential that is already
// signed is not changed but gets one more proof, made for example by an
// endorser: the proofs become a proof set, or a proof chain with
// opts.PreviousProof (W3C VC Data Integrity 1.0 §2.1).
func Sign(doc map[string]any, kp *key.KeyPair, opts SignOptions) (map[string]any, error) {
	created := opts.Created
	if created.IsZero() {
		created = time.Now()
	}
	created = created.UTC().Truncate(time.Second)
	prepared := doc
	if _, err := dataintegrity.ProofsOf(doc); errors.Is(err, dataintegrity.ErrNoProof) {
		if prepared, err = Prepare(doc, kp, created); err != nil {
			return nil, err
		}
	}
	vm := opts.VerificationMethod
	if vm == "" {
		vm = kp.VerificationMethodID()
	}
	return dataintegrity.Sign(prepared, kp.Private, dataintegrity.Options{
		Cryptosuite:        opts.Cryptosuite,
		VerificationMethod: vm,
		Created:            created,
		ID:                 opts.ProofID,
		PreviousProof:      opts.PreviousProof,
	})
}

package issuer

import (
	"context"
	"crypto/rand"
	"fmt"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
)

// Sign signs an unsigned credential in the organisation's name and returns it secured with
// an eddsa-rdfc-2022 Data Integrity proof made with the organisation's active key
// (verificationMethod did:web:…:orgs:<slug>#<key id>; the first key is created on demand).
// It sets issuer to the organisation's Profile (id = its DID; just the DID for a credential
// that is not an Open Badge, whose context lacks the Profile terms), id to a new urn:uuid when
// missing, validFrom to now when missing, and, unless the credential already has a
// credentialStatus (e.g. allocated earlier with AllocateStatus), a revocation entry in the
// organisation's status list. One entry only: the Open Badges 3.0 JSON Schema allows a
// single credentialStatus object, so suspension entries are for callers that allocate them
// for other credential types. EINVALID when the credential cannot be signed as given.
func (s *Service) Sign(ctx context.Context, org *pokot.Organisation, unsigned map[string]any) (map[string]any, error) {
	if unsigned == nil {
		return nil, pokot.Errorf(pokot.EINVALID, "no credential to sign")
	}
	k, kp, err := s.signingKey(ctx, org)
	if err != nil {
		return nil, err
	}
	doc := make(map[string]any, len(unsigned)+4)
	for name, v := range unsigned {
		doc[name] = v
	}
	delete(doc, "proof")
	if credential.IsOpenBadge(doc) {
		doc["issuer"] = s.Profile(org)
	} else {
		doc["issuer"] = s.DID(org) // a plain VC's context does not define the Profile terms
	}
	id, _ := doc["id"].(string)
	if id == "" {
		id = newURNUUID()
		doc["id"] = id
	}
	if _, ok := doc["credentialStatus"]; !ok {
		entry, err := s.AllocateStatus(ctx, org, pokot.StatusRevocation, id)
		if err != nil {
			return nil, err
		}
		doc["credentialStatus"] = entry
	}
	signed, err := credential.Sign(doc, kp, credential.SignOptions{
		VerificationMethod: s.verificationMethod(org, k),
		Created:            s.now(),
	})
	if err != nil {
		return nil, &pokot.Error{Code: pokot.EINVALID, Key: "err.credential_unsignable", Message: "the credential cannot be signed: " + err.Error(), Err: err}
	}
	return signed, nil
}

// newURNUUID returns a random (version 4) UUID as a URN.
func newURNUUID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("crypto/rand: " + err.Error())
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

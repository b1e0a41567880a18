package issuer

import (
	"context"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential/vcjwt"
)

// SignJWT returns a credential the organisation issued (signed, with its Data Integrity
// proof) in a second form: an Open Badges 3.0 VC-JWT (header alg EdDSA, kid the
// verification method of the organisation's active key; payload the same credential
// without its proof, with iss, jti, sub, nbf and exp derived from it). The learner's
// wallet makes it on demand: nothing is allocated or stored, and the result is the same
// bytes every time until the key is rotated (Ed25519 is deterministic and no claim
// depends on the clock). After a rotation the JWT is signed with the new key; the old
// JWTs keep verifying because retired keys stay in the DID document. EINVALID
// ("err.credential_not_ours") when the credential's issuer is not the organisation.
func (s *Service) SignJWT(ctx context.Context, org *pokot.Organisation, signed map[string]any) (string, error) {
	if vcjwt.IssuerID(signed) != s.DID(org) {
		return "", &pokot.Error{Code: pokot.EINVALID, Key: "err.credential_not_ours",
			Message: "the credential was not issued by this organisation"}
	}
	doc := make(map[string]any, len(signed))
	for name, v := range signed {
		if name != "proof" {
			doc[name] = v
		}
	}
	k, kp, err := s.signingKey(ctx, org)
	if err != nil {
		return "", err
	}
	tok, err := vcjwt.SignWith(doc, kp.Private, vcjwt.Options{Kid: s.verificationMethod(org, k)})
	if err != nil {
		return "", &pokot.Error{Code: pokot.EINVALID, Key: "err.credential_unsignable",
			Message: "the credential cannot be signed as a JWT: " + err.Error(), Err: err}
	}
	return tok, nil
}

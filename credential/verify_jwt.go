package credential

import (
	"context"
	"crypto/ed25519"
	"errors"
	"strings"
	"time"

	"github.com/pokot/pokot/credential/key"
	"github.com/pokot/pokot/credential/vcjwt"
)

// SignJWT completes doc with Prepare and returns it as an Open Badges 3.0
// VC-JWT signed with EdDSA, its header naming the key by kid (the key's
// did:key verification method unless opts.VerificationMethod is set).
func SignJWT(doc map[string]any, kp *key.KeyPair, opts SignOptions) (string, error) {
	created := opts.Created
	if created.IsZero() {
		created = time.Now()
	}
	prepared, err := Prepare(doc, kp, created.UTC().Truncate(time.Second))
	if err != nil {
		return "", err
	}
	kid := opts.VerificationMethod
	if kid == "" {
		kid = kp.VerificationMethodID()
	}
	return vcjwt.Sign(prepared, kp.Private, kid)
}

// verifyJWT checks a VC-JWT: EdDSA, ES256 or RS256, the key named by kid
// (resolved like a Data Integrity verification method) or embedded as jwk
// (accepted only when the issuer is the did:key of that very key).
func (v *Verifier) verifyJWT(ctx context.Context, source string, data []byte) Result {
	t, err := vcjwt.Parse(string(data))
	if err != nil {
		return parseFailure(source, err)
	}
	doc := t.Credential
	r := Result{Source: source, Credential: doc, Format: FormatJWT}
	r.add(pass("parse", "verify.parse.ok"))
	v.checkContent(&r, doc)
	proof, keyCheck := v.checkJWTProof(ctx, t, doc)
	r.add(proof)
	r.add(keyCheck)
	// exp ends the validity even when the credential itself has no validUntil.
	var w window
	w.from, _ = t.NotBefore()
	w.until, _ = t.Expires()
	v.finish(ctx, &r, doc, w)
	return r
}

func (v *Verifier) checkJWTProof(ctx context.Context, t *vcjwt.Token, doc map[string]any) (proof, keyCheck Check) {
	suite := "VC-JWT " + t.Header.Alg
	var pub any
	if t.Header.Kid != "" {
		vm, err := v.resolve(ctx, t.Header.Kid)
		if err != nil {
			return fail("proof", "verify.proof.invalid", "the signing key could not be resolved"),
				fail("key", "verify.key.unresolved", err.Error())
		}
		pub = vm.PublicKey
		keyCheck = issuerKeyCheck(doc, vm, "")
	} else {
		k, err := t.HeaderKey()
		if err != nil {
			return fail("proof", "verify.proof.invalid", err.Error()), fail("key", "verify.key.unresolved", err.Error())
		}
		pub = k
		keyCheck = embeddedKeyCheck(doc, k)
	}
	switch err := t.Verify(pub); {
	case err == nil:
		proof = pass("proof", "verify.proof.ok", suite)
	case errors.Is(err, vcjwt.ErrSignature):
		proof = fail("proof", "verify.proof.bad_signature")
	case errors.Is(err, vcjwt.ErrAlgorithm), errors.Is(err, vcjwt.ErrKeyMismatch):
		proof = fail("proof", "verify.proof.unsupported", oneLine(err.Error()))
	default:
		proof = fail("proof", "verify.proof.invalid", oneLine(err.Error()))
	}
	return proof, keyCheck
}

// embeddedKeyCheck ties a key carried in the JWT header to the issuer: only
// a did:key issuer whose key it is qualifies, since anyone can embed a key.
func embeddedKeyCheck(doc map[string]any, pub any) Check {
	issuer := IssuerID(doc)
	if strings.HasPrefix(issuer, "did:key:") {
		ip, err := key.ParseDIDKey(issuer)
		if k, ok := pub.(ed25519.PublicKey); err == nil && ok && ip.Equal(k) {
			return pass("key", "verify.key.ok", "jwk")
		}
	}
	return fail("key", "verify.key.not_issuer", "the key embedded in the JWT header is not the issuer's "+issuer)
}

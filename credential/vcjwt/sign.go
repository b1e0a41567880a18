package vcjwt

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"fmt"

	"github.com/pokot/pokot/credential/key"
)

// Options select how SignWith encodes the token.
type Options struct {
	// Kid is the verification method id written into the header (e.g. did:key:z…#z…).
	Kid string
	// EmbedJWK writes the public key into the header as jwk instead of a kid.
	EmbedJWK bool
	// Form is FormOB3 (default), FormVCClaim or FormVCJOSE.
	Form Form
}

// Sign signs cred as an Open Badges 3.0 JWT with EdDSA: header {alg EdDSA, kid, typ JWT},
// payload the credential with iss, jti, nbf, exp and sub added. cred is not modified.
func Sign(cred map[string]any, priv ed25519.PrivateKey, kid string) (string, error) {
	return SignWith(cred, priv, Options{Kid: kid})
}

// SignWith signs cred with EdDSA in the form and with the key reference of opts.
func SignWith(cred map[string]any, priv ed25519.PrivateKey, opts Options) (string, error) {
	if len(priv) != ed25519.PrivateKeySize {
		return "", fmt.Errorf("%w: an Ed25519 private key is %d bytes", ErrKeyMismatch, ed25519.PrivateKeySize)
	}
	hdr := Header{Alg: "EdDSA", Typ: "JWT"}
	switch {
	case opts.EmbedJWK && opts.Kid != "":
		return "", fmt.Errorf("%w: give either a kid or an embedded jwk, not both", ErrHeader)
	case opts.EmbedJWK:
		j, err := key.PublicJWK(priv.Public())
		if err != nil {
			return "", err
		}
		hdr.JWK = map[string]any{"kty": j.Kty, "crv": j.Crv, "x": j.X}
	case opts.Kid == "":
		return "", fmt.Errorf("%w: a kid is required", ErrHeader)
	default:
		hdr.Kid = opts.Kid
	}

	claims, err := registered(cred, opts.Form != FormVCJOSE)
	if err != nil {
		return "", err
	}
	var payload map[string]any
	switch opts.Form {
	case FormOB3, "":
		payload = make(map[string]any, len(cred)+len(claims))
		for k, v := range cred {
			payload[k] = v
		}
		for _, k := range registeredClaims {
			if _, clash := cred[k]; clash {
				return "", fmt.Errorf("%w: the credential has a top-level %q, which the JWT claim would overwrite", ErrClaims, k)
			}
		}
		for k, v := range claims {
			payload[k] = v
		}
	case FormVCClaim:
		payload = claims
		payload["vc"] = cred
	case FormVCJOSE:
		hdr.Typ = "vc+jwt"
		payload = cred
	default:
		return "", fmt.Errorf("unknown JWT form %q", opts.Form)
	}
	if _, ok := cred["@context"]; !ok {
		return "", fmt.Errorf("%w: the credential has no @context", ErrNoCredential)
	}

	hb, err := json.Marshal(hdr)
	if err != nil {
		return "", err
	}
	pb, err := json.Marshal(payload)
	if err != nil {
		return "", fmt.Errorf("encode credential: %w", err)
	}
	enc := base64.RawURLEncoding
	input := enc.EncodeToString(hb) + "." + enc.EncodeToString(pb)
	sig := ed25519.Sign(priv, []byte(input))
	return input + "." + enc.EncodeToString(sig), nil
}

// registered derives the JWT registered claims from the credential.
func registered(cred map[string]any, required bool) (map[string]any, error) {
	claims := map[string]any{}
	iss := IssuerID(cred)
	if iss == "" && required {
		return nil, fmt.Errorf("%w: the credential has no issuer id", ErrClaims)
	}
	if iss != "" {
		claims["iss"] = iss
	}
	if id, ok := cred["id"].(string); ok && id != "" {
		claims["jti"] = id
	}
	if sub := SubjectID(cred); sub != "" {
		claims["sub"] = sub
	}
	from, hasFrom, err := credTime(cred, "validFrom", "issuanceDate")
	if err != nil {
		return nil, err
	}
	if !hasFrom && required {
		return nil, fmt.Errorf("%w: the credential has no validFrom", ErrClaims)
	}
	if hasFrom {
		claims["nbf"] = from.Unix()
	}
	until, hasUntil, err := credTime(cred, "validUntil", "expirationDate")
	if err != nil {
		return nil, err
	}
	if hasUntil {
		claims["exp"] = until.Unix()
	}
	return claims, nil
}

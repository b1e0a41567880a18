// Package vcjwt signs and verifies Open Badges 3.0 credentials as JSON Web Tokens
// (Open Badges 3.0 §8.2 "JSON Web Token Proof Format", a compact JWS). It produces the
// form of the current Open Badges 3.0 specification — the credential is the JWT payload,
// with the registered claims iss, jti, nbf, exp and sub added — and also accepts, when
// verifying, the older form with the credential in a "vc" claim (VC Data Model 1.1) and
// the VC-JOSE-COSE form (typ "vc+jwt").
package vcjwt

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// MaxTokenSize is the largest compact JWS that Parse accepts.
const MaxTokenSize = 2 << 20

// Errors of the vcjwt package; compare with errors.Is.
var (
	ErrMalformed    = errors.New("malformed JWT")
	ErrHeader       = errors.New("unacceptable JWT header")
	ErrAlgorithm    = errors.New("unsupported JWT algorithm")
	ErrKeyMismatch  = errors.New("the key does not fit the JWT algorithm")
	ErrSignature    = errors.New("JWT signature does not verify")
	ErrClaims       = errors.New("JWT claims do not match the credential")
	ErrNoCredential = errors.New("the JWT carries no credential")
)

// Form says how the credential is carried in the token.
type Form string

// Forms of credential JWTs.
const (
	// FormOB3 is Open Badges 3.0 §8.2: the payload is the credential plus iss, jti, nbf,
	// exp and sub.
	FormOB3 Form = "ob3"
	// FormVCClaim is the VC Data Model 1.1 form: the credential is in the "vc" claim.
	FormVCClaim Form = "vc-claim"
	// FormVCJOSE is VC-JOSE-COSE (typ "vc+jwt"): the payload is the credential.
	FormVCJOSE Form = "vc+jwt"
)

// Header is the JOSE header of a token.
type Header struct {
	Alg string         `json:"alg"`
	Kid string         `json:"kid,omitempty"`
	JWK map[string]any `json:"jwk,omitempty"`
	Typ string         `json:"typ,omitempty"`
	Cty string         `json:"cty,omitempty"`
}

// Token is a parsed, not yet verified, credential JWT.
type Token struct {
	Header     Header
	Claims     map[string]any // the whole payload
	Credential map[string]any // the credential, without the JWT registered claims
	Form       Form

	signingInput []byte
	signature    []byte
}

// registeredClaims are removed from a top-level payload to obtain the credential.
var registeredClaims = []string{"iss", "sub", "aud", "exp", "nbf", "iat", "jti"}

// Parse decodes a compact JWS carrying a credential. It checks the structure (size,
// three base64url parts, JSON objects without duplicate members), that alg is EdDSA,
// ES256 or RS256, and that the header names its key by exactly one of kid or jwk. It
// does not verify the signature: call Verify.
func Parse(token string) (*Token, error) {
	token = strings.TrimSpace(token)
	if len(token) > MaxTokenSize {
		return nil, fmt.Errorf("%w: %d bytes, the limit is %d", ErrMalformed, len(token), MaxTokenSize)
	}
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return nil, fmt.Errorf("%w: a compact JWS has 3 parts, this has %d", ErrMalformed, len(parts))
	}
	enc := base64.RawURLEncoding.Strict()
	rawHeader, err := enc.DecodeString(parts[0])
	if err != nil {
		return nil, fmt.Errorf("%w: header is not base64url", ErrMalformed)
	}
	rawPayload, err := enc.DecodeString(parts[1])
	if err != nil {
		return nil, fmt.Errorf("%w: payload is not base64url", ErrMalformed)
	}
	sig, err := enc.DecodeString(parts[2])
	if err != nil || len(sig) == 0 {
		return nil, fmt.Errorf("%w: signature is not base64url", ErrMalformed)
	}
	t := &Token{signingInput: []byte(parts[0] + "." + parts[1]), signature: sig}

	hdr, err := decodeObject(rawHeader)
	if err != nil {
		return nil, fmt.Errorf("%w: header: %v", ErrMalformed, err)
	}
	if err := t.parseHeader(hdr); err != nil {
		return nil, err
	}
	payload, err := decodeObject(rawPayload)
	if err != nil {
		return nil, fmt.Errorf("%w: payload: %v", ErrMalformed, err)
	}
	t.Claims = payload
	if err := t.findCredential(); err != nil {
		return nil, err
	}
	return t, nil
}

func (t *Token) parseHeader(h map[string]any) error {
	for k := range h {
		switch k {
		case "crit", "b64":
			return fmt.Errorf("%w: the %q header parameter is not supported", ErrHeader, k)
		}
	}
	alg, ok := h["alg"].(string)
	if !ok {
		return fmt.Errorf("%w: alg is missing", ErrHeader)
	}
	switch alg {
	case "EdDSA", "ES256", "RS256":
	case "none", "":
		return fmt.Errorf("%w: unsigned tokens (alg %q) are never accepted", ErrAlgorithm, alg)
	default:
		return fmt.Errorf("%w: %q (EdDSA, ES256 or RS256)", ErrAlgorithm, alg)
	}
	t.Header.Alg = alg
	if v, ok := h["typ"]; ok {
		s, _ := v.(string)
		typ := strings.TrimPrefix(strings.ToLower(s), "application/")
		if typ != "jwt" && typ != "vc+jwt" {
			return fmt.Errorf("%w: typ %q (JWT or vc+jwt)", ErrHeader, v)
		}
		t.Header.Typ = s
	}
	if v, ok := h["cty"]; ok {
		t.Header.Cty, _ = v.(string)
	}
	_, hasKid := h["kid"]
	_, hasJWK := h["jwk"]
	switch {
	case hasKid && hasJWK:
		return fmt.Errorf("%w: the header has both kid and jwk; exactly one is allowed", ErrHeader)
	case !hasKid && !hasJWK:
		return fmt.Errorf("%w: the header has neither kid nor jwk", ErrHeader)
	case hasKid:
		kid, ok := h["kid"].(string)
		if !ok || kid == "" {
			return fmt.Errorf("%w: kid must be a non-empty string", ErrHeader)
		}
		t.Header.Kid = kid
	default:
		jwk, ok := h["jwk"].(map[string]any)
		if !ok {
			return fmt.Errorf("%w: jwk must be an object", ErrHeader)
		}
		if _, private := jwk["d"]; private {
			return fmt.Errorf("%w: the jwk header contains a private key", ErrHeader)
		}
		t.Header.JWK = jwk
	}
	return nil
}

func (t *Token) findCredential() error {
	if vc, ok := t.Claims["vc"]; ok {
		m, ok := vc.(map[string]any)
		if !ok {
			return fmt.Errorf("%w: the vc claim is not an object", ErrNoCredential)
		}
		t.Form, t.Credential = FormVCClaim, m
		return nil
	}
	if _, ok := t.Claims["@context"]; !ok {
		return fmt.Errorf("%w: neither a vc claim nor an @context in the payload", ErrNoCredential)
	}
	t.Form = FormOB3
	if strings.EqualFold(strings.TrimPrefix(strings.ToLower(t.Header.Typ), "application/"), "vc+jwt") {
		t.Form = FormVCJOSE
	}
	cred := make(map[string]any, len(t.Claims))
	for k, v := range t.Claims {
		cred[k] = v
	}
	for _, k := range registeredClaims {
		delete(cred, k)
	}
	t.Credential = cred
	return nil
}

// decodeObject decodes one JSON object, refusing duplicate member names at its top
// level (where alg, kid, iss and the like live) and trailing data.
func decodeObject(b []byte) (map[string]any, error) {
	if err := checkDuplicates(b); err != nil {
		return nil, err
	}
	var m map[string]any
	d := json.NewDecoder(bytes.NewReader(b))
	if err := d.Decode(&m); err != nil {
		return nil, err
	}
	if m == nil {
		return nil, errors.New("not a JSON object")
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, errors.New("trailing data after the JSON object")
	}
	return m, nil
}

func checkDuplicates(b []byte) error {
	d := json.NewDecoder(bytes.NewReader(b))
	tok, err := d.Token()
	if err != nil {
		return err
	}
	if tok != json.Delim('{') {
		return errors.New("not a JSON object")
	}
	seen := map[string]bool{}
	for d.More() {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		k, _ := tok.(string)
		if seen[k] {
			return fmt.Errorf("duplicate member %q", k)
		}
		seen[k] = true
		var skip json.RawMessage
		if err := d.Decode(&skip); err != nil {
			return err
		}
	}
	return nil
}

package credential_test

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
	"github.com/pokot/pokot/credential/vcjwt"
)

func unsignedSample(t testing.TB) map[string]any {
	mc := sampleMicroCredential()
	mc.AwardingBody.ID = ""
	doc, err := credential.Build(mc, sampleAward())
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestSignJWTVerify(t *testing.T) {
	kp := mustKey(t, w3cSeed)
	jwt, err := credential.SignJWT(unsignedSample(t), kp, credential.SignOptions{})
	if err != nil {
		t.Fatal(err)
	}
	v := &credential.Verifier{Now: at("2027-01-01T00:00:00Z")}
	r := v.Verify(context.Background(), "jwt", []byte(jwt))
	if !r.Verified || r.Format != credential.FormatJWT {
		t.Fatalf("not verified: %+v", r.Failed())
	}
	if c := check(r, "proof"); c.Message != "The signature is valid (VC-JWT EdDSA)." {
		t.Errorf("proof message %q", c.Message)
	}
	// Flip one character of the payload.
	parts := strings.Split(jwt, ".")
	p, _ := base64.RawURLEncoding.DecodeString(parts[1])
	p = []byte(strings.Replace(string(p), "Hämeen", "Hamnen", 1))
	bad := parts[0] + "." + base64.RawURLEncoding.EncodeToString(p) + "." + parts[2]
	r = v.Verify(context.Background(), "jwt", []byte(bad))
	if c := check(r, "proof"); c.OK || c.Key != "verify.proof.bad_signature" || r.Verified {
		t.Errorf("tampered: %+v", c)
	}
}

// A key embedded in the header counts only when the issuer is its did:key.
func TestVerifyJWTEmbeddedKey(t *testing.T) {
	kp := mustKey(t, w3cSeed)
	doc, err := credential.Prepare(unsignedSample(t), kp, sampleAward().IssuedAt)
	if err != nil {
		t.Fatal(err)
	}
	jwt, err := vcjwt.SignWith(doc, kp.Private, vcjwt.Options{EmbedJWK: true})
	if err != nil {
		t.Fatal(err)
	}
	v := &credential.Verifier{Now: at("2027-01-01T00:00:00Z")}
	if r := v.Verify(context.Background(), "jwk", []byte(jwt)); !r.Verified {
		t.Errorf("did:key issuer with its own jwk: %+v", r.Failed())
	}
	doc["issuer"].(map[string]any)["id"] = "https://hamk.example.fi"
	jwt, _ = vcjwt.SignWith(doc, kp.Private, vcjwt.Options{EmbedJWK: true})
	r := v.Verify(context.Background(), "jwk", []byte(jwt))
	if c := check(r, "key"); c.OK || c.Key != "verify.key.not_issuer" || r.Verified {
		t.Errorf("https issuer with a self-asserted jwk: %+v", c)
	}
}

// signJOSE makes a compact JWS by hand with ES256 or RS256, as other
// issuers' software would.
func signJOSE(t *testing.T, alg, kid string, payload map[string]any, priv crypto.Signer) string {
	hb, _ := json.Marshal(map[string]any{"alg": alg, "kid": kid, "typ": "JWT"})
	pb, _ := json.Marshal(payload)
	input := base64.RawURLEncoding.EncodeToString(hb) + "." + base64.RawURLEncoding.EncodeToString(pb)
	h := sha256.Sum256([]byte(input))
	var sig []byte
	switch k := priv.(type) {
	case *ecdsa.PrivateKey:
		r, s, err := ecdsa.Sign(rand.Reader, k, h[:])
		if err != nil {
			t.Fatal(err)
		}
		sig = make([]byte, 64)
		r.FillBytes(sig[:32])
		s.FillBytes(sig[32:])
	case *rsa.PrivateKey:
		var err error
		if sig, err = rsa.SignPKCS1v15(rand.Reader, k, crypto.SHA256, h[:]); err != nil {
			t.Fatal(err)
		}
	}
	return input + "." + base64.RawURLEncoding.EncodeToString(sig)
}

func b64(n *big.Int, size int) string {
	b := make([]byte, size)
	n.FillBytes(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func TestVerifyJWTES256AndRS256(t *testing.T) {
	const issuer = "https://issuer.example.fi"
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	rk, _ := rsa.GenerateKey(rand.Reader, 2048)
	ctrl := map[string]any{
		"@context": []any{"https://www.w3.org/ns/cid/v1"},
		"id":       issuer,
		"verificationMethod": []any{
			map[string]any{"id": issuer + "#ec", "type": "JsonWebKey", "controller": issuer, "publicKeyJwk": map[string]any{
				"kty": "EC", "crv": "P-256", "x": b64(ec.X, 32), "y": b64(ec.Y, 32)}},
			map[string]any{"id": issuer + "#rsa", "type": "JsonWebKey", "controller": issuer, "publicKeyJwk": map[string]any{
				"kty": "RSA", "n": base64.RawURLEncoding.EncodeToString(rk.N.Bytes()), "e": "AQAB"}},
		},
		"assertionMethod": []any{issuer + "#ec", issuer + "#rsa"},
	}
	res := &key.Resolver{Offline: true, Overrides: map[string][]byte{issuer: marshal(t, ctrl)}}
	v := &credential.Verifier{Resolver: res, Now: at("2027-01-01T00:00:00Z")}
	doc := unsignedSample(t)
	doc["issuer"].(map[string]any)["id"] = issuer
	payload := map[string]any{"iss": issuer, "jti": doc["id"], "nbf": sampleAward().IssuedAt.Unix(), "exp": sampleAward().ValidUntil.Unix()}
	for k, v := range doc {
		payload[k] = v
	}
	for _, c := range []struct {
		alg, kid string
		priv     crypto.Signer
	}{{"ES256", issuer + "#ec", ec}, {"RS256", issuer + "#rsa", rk}} {
		jwt := signJOSE(t, c.alg, c.kid, payload, c.priv)
		r := v.Verify(context.Background(), c.alg, []byte(jwt))
		if !r.Verified {
			t.Errorf("%s: %+v", c.alg, r.Failed())
		}
		// The same token under the other key's kid fails.
		other := map[string]string{"ES256": "#rsa", "RS256": "#ec"}[c.alg]
		jwt = signJOSE(t, c.alg, issuer+other, payload, c.priv)
		if r := v.Verify(context.Background(), c.alg, []byte(jwt)); r.Verified || check(r, "proof").OK {
			t.Errorf("%s under the wrong key verified", c.alg)
		}
	}
}

// A JWT's exp ends the validity even when the credential itself has no validUntil.
func TestVerifyJWTExpClaim(t *testing.T) {
	const issuer = "https://issuer.example.fi"
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ctrl := map[string]any{
		"@context": []any{"https://www.w3.org/ns/cid/v1"},
		"id":       issuer,
		"verificationMethod": []any{map[string]any{"id": issuer + "#ec", "type": "JsonWebKey", "controller": issuer,
			"publicKeyJwk": map[string]any{"kty": "EC", "crv": "P-256", "x": b64(ec.X, 32), "y": b64(ec.Y, 32)}}},
		"assertionMethod": []any{issuer + "#ec"},
	}
	res := &key.Resolver{Offline: true, Overrides: map[string][]byte{issuer: marshal(t, ctrl)}}
	doc := unsignedSample(t)
	doc["issuer"].(map[string]any)["id"] = issuer
	delete(doc, "validUntil")
	exp := sampleAward().IssuedAt.AddDate(1, 0, 0)
	payload := map[string]any{"iss": issuer, "jti": doc["id"], "nbf": sampleAward().IssuedAt.Unix(), "exp": exp.Unix()}
	for k, v := range doc {
		payload[k] = v
	}
	jwt := signJOSE(t, "ES256", issuer+"#ec", payload, ec)
	before := &credential.Verifier{Resolver: res, Now: func() time.Time { return exp.Add(-time.Hour) }}
	if r := before.Verify(context.Background(), "jwt", []byte(jwt)); !r.Verified {
		t.Fatalf("before exp: %+v", r.Failed())
	}
	after := &credential.Verifier{Resolver: res, Now: func() time.Time { return exp.Add(time.Hour) }}
	r := after.Verify(context.Background(), "jwt", []byte(jwt))
	if c := check(r, "validity"); r.Verified || c.OK || c.Key != "verify.validity.expired" {
		t.Errorf("after exp: verified=%v validity=%+v", r.Verified, c)
	}
}

package vcjwt_test

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/pokot/pokot/credential/key"
	"github.com/pokot/pokot/credential/vcjwt"
)

// testCredential returns the Open Badges 3.0 spec's basic example credential.
func testCredential(t testing.TB) map[string]any {
	t.Helper()
	b, err := os.ReadFile("testdata/basicOpenBadgeCredential.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func testKey(t testing.TB) *key.KeyPair {
	kp, err := key.FromSeed(bytes.Repeat([]byte{0x42}, 32))
	if err != nil {
		t.Fatal(err)
	}
	return kp
}

var b64 = base64.RawURLEncoding

// signRaw builds a compact JWS from arbitrary header and payload with sign.
func signRaw(t testing.TB, header, payload any, sign func([]byte) []byte) string {
	t.Helper()
	hb, err := json.Marshal(header)
	if err != nil {
		t.Fatal(err)
	}
	pb, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	input := b64.EncodeToString(hb) + "." + b64.EncodeToString(pb)
	return input + "." + b64.EncodeToString(sign([]byte(input)))
}

func edSigner(priv ed25519.PrivateKey) func([]byte) []byte {
	return func(in []byte) []byte { return ed25519.Sign(priv, in) }
}

// ob3Payload returns the OB 3.0 payload of cred: the credential plus the claims.
func ob3Payload(cred map[string]any, extra map[string]any) map[string]any {
	p := map[string]any{}
	for k, v := range cred {
		p[k] = v
	}
	p["iss"] = vcjwt.IssuerID(cred)
	p["jti"] = cred["id"]
	p["sub"] = vcjwt.SubjectID(cred)
	p["nbf"] = 1262304000 // 2010-01-01T00:00:00Z, the example's validFrom
	for k, v := range extra {
		if v == nil {
			delete(p, k)
		} else {
			p[k] = v
		}
	}
	return p
}

func TestSignVerifyRoundTrip(t *testing.T) {
	kp := testKey(t)
	cred := testCredential(t)
	before, _ := json.Marshal(cred)
	tok, err := vcjwt.Sign(cred, kp.Private, kp.VerificationMethodID())
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := json.Marshal(cred); !bytes.Equal(before, after) {
		t.Fatal("Sign modified its input")
	}
	parsed, err := vcjwt.Parse(tok)
	if err != nil {
		t.Fatal(err)
	}
	if parsed.Form != vcjwt.FormOB3 {
		t.Fatalf("Form = %s", parsed.Form)
	}
	h := parsed.Header
	if h.Alg != "EdDSA" || h.Typ != "JWT" || h.Kid != kp.VerificationMethodID() || h.JWK != nil {
		t.Fatalf("header = %+v", h)
	}
	c := parsed.Claims
	if c["iss"] != "https://example.com/issuers/876543" || c["jti"] != "http://example.com/credentials/3527" ||
		c["sub"] != "did:example:ebfeb1f712ebc6f1c276e12ec21" || c["nbf"] != float64(1262304000) {
		t.Fatalf("claims iss=%v jti=%v sub=%v nbf=%v", c["iss"], c["jti"], c["sub"], c["nbf"])
	}
	if _, ok := c["exp"]; ok {
		t.Fatal("exp set for a credential without validUntil")
	}
	if !reflect.DeepEqual(parsed.Credential, cred) {
		t.Fatal("the credential read back differs from the one signed")
	}
	vm, err := (&key.Resolver{Offline: true}).Resolve(t.Context(), h.Kid)
	if err != nil {
		t.Fatal(err)
	}
	if err := parsed.Verify(vm.PublicKey); err != nil {
		t.Fatal(err)
	}
	// Another key does not verify.
	other, _ := key.Generate()
	if err := parsed.Verify(other.Public); !errors.Is(err, vcjwt.ErrSignature) {
		t.Fatalf("wrong key: err = %v", err)
	}
}

func TestForms(t *testing.T) {
	kp := testKey(t)
	cred := testCredential(t)
	cred["validUntil"] = "2030-01-01T00:00:00Z"
	for _, form := range []vcjwt.Form{vcjwt.FormOB3, vcjwt.FormVCClaim, vcjwt.FormVCJOSE} {
		tok, err := vcjwt.SignWith(cred, kp.Private, vcjwt.Options{Kid: kp.VerificationMethodID(), Form: form})
		if err != nil {
			t.Fatal(err)
		}
		p, err := vcjwt.Parse(tok)
		if err != nil {
			t.Fatal(err)
		}
		if p.Form != form {
			t.Fatalf("signed %s, parsed as %s", form, p.Form)
		}
		if !reflect.DeepEqual(p.Credential, cred) {
			t.Fatalf("%s: credential differs", form)
		}
		if err := p.Verify(kp.Public); err != nil {
			t.Fatalf("%s: %v", form, err)
		}
		if form != vcjwt.FormVCJOSE {
			if exp, ok := p.Expires(); !ok || exp.Year() != 2030 {
				t.Fatalf("%s: exp = %v %v", form, exp, ok)
			}
		}
	}
}

func TestEmbeddedJWK(t *testing.T) {
	kp := testKey(t)
	tok, err := vcjwt.SignWith(testCredential(t), kp.Private, vcjwt.Options{EmbedJWK: true})
	if err != nil {
		t.Fatal(err)
	}
	p, err := vcjwt.Parse(tok)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := p.HeaderKey()
	if err != nil {
		t.Fatal(err)
	}
	if !kp.Public.Equal(pub) {
		t.Fatal("header jwk is not the signing key")
	}
	if err := p.Verify(pub); err != nil {
		t.Fatal(err)
	}
}

func TestES256(t *testing.T) {
	priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	cred := testCredential(t)
	tok := signRaw(t, map[string]any{"alg": "ES256", "kid": "https://example.edu/issuers/565049#key-1"},
		ob3Payload(cred, nil), func(in []byte) []byte {
			h := sha256.Sum256(in)
			r, s, err := ecdsa.Sign(rand.Reader, priv, h[:])
			if err != nil {
				t.Fatal(err)
			}
			sig := make([]byte, 64)
			r.FillBytes(sig[:32])
			s.FillBytes(sig[32:])
			return sig
		})
	p, err := vcjwt.Parse(tok)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Verify(&priv.PublicKey); err != nil {
		t.Fatal(err)
	}
	// The same key through its JWK, as a controller document would publish it.
	j, _ := key.PublicJWK(&priv.PublicKey)
	pub, err := key.ParseJWK(j)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Verify(pub); err != nil {
		t.Fatal(err)
	}
	// A P-256 key that did not sign, and an Ed25519 key for ES256.
	other, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err := p.Verify(&other.PublicKey); !errors.Is(err, vcjwt.ErrSignature) {
		t.Fatalf("other P-256 key: %v", err)
	}
	if err := p.Verify(testKey(t).Public); !errors.Is(err, vcjwt.ErrKeyMismatch) {
		t.Fatalf("Ed25519 key for ES256: %v", err)
	}
	// A P-384 key for ES256.
	p384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	if err := p.Verify(&p384.PublicKey); !errors.Is(err, vcjwt.ErrKeyMismatch) {
		t.Fatalf("P-384 key for ES256: %v", err)
	}
}

func rsaToken(t *testing.T, priv *rsa.PrivateKey, cred map[string]any) string {
	return signRaw(t, map[string]any{"alg": "RS256", "typ": "JWT", "kid": "https://example.edu/keys/1"},
		ob3Payload(cred, nil), func(in []byte) []byte {
			h := sha256.Sum256(in)
			sig, err := rsa.SignPKCS1v15(rand.Reader, priv, crypto.SHA256, h[:])
			if err != nil {
				t.Fatal(err)
			}
			return sig
		})
}

func TestRS256(t *testing.T) {
	priv, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	p, err := vcjwt.Parse(rsaToken(t, priv, testCredential(t)))
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Verify(&priv.PublicKey); err != nil {
		t.Fatal(err)
	}
	if err := p.Verify(testKey(t).Public); !errors.Is(err, vcjwt.ErrKeyMismatch) {
		t.Fatalf("Ed25519 key for RS256: %v", err)
	}
	// RSA keys below 2048 bits are refused even with a valid signature.
	small, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Skip("this Go refuses to generate 1024-bit RSA keys")
	}
	p, err = vcjwt.Parse(rsaToken(t, small, testCredential(t)))
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Verify(&small.PublicKey); !errors.Is(err, vcjwt.ErrKeyMismatch) {
		t.Fatalf("1024-bit RSA: %v", err)
	}
}

func TestTampering(t *testing.T) {
	kp := testKey(t)
	tok, err := vcjwt.Sign(testCredential(t), kp.Private, kp.VerificationMethodID())
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(tok, ".")

	// Payload: the learner changes the achievement name.
	pb, _ := b64.DecodeString(parts[1])
	pb = bytes.Replace(pb, []byte("Teamwork"), []byte("Leadership"), 1)
	forged := parts[0] + "." + b64.EncodeToString(pb) + "." + parts[2]
	p, err := vcjwt.Parse(forged)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Verify(kp.Public); !errors.Is(err, vcjwt.ErrSignature) {
		t.Fatalf("tampered payload: %v", err)
	}

	// Header: the kid is pointed elsewhere.
	hb, _ := b64.DecodeString(parts[0])
	hb = bytes.Replace(hb, []byte(`"typ":"JWT"`), []byte(`"typ":"jwt"`), 1)
	forged = b64.EncodeToString(hb) + "." + parts[1] + "." + parts[2]
	if p, err = vcjwt.Parse(forged); err != nil {
		t.Fatal(err)
	}
	if err := p.Verify(kp.Public); !errors.Is(err, vcjwt.ErrSignature) {
		t.Fatalf("tampered header: %v", err)
	}

	// Signature: one bit flipped.
	sig, _ := b64.DecodeString(parts[2])
	sig[10] ^= 1
	forged = parts[0] + "." + parts[1] + "." + b64.EncodeToString(sig)
	if p, err = vcjwt.Parse(forged); err != nil {
		t.Fatal(err)
	}
	if err := p.Verify(kp.Public); !errors.Is(err, vcjwt.ErrSignature) {
		t.Fatalf("tampered signature: %v", err)
	}
}

func TestParseRejects(t *testing.T) {
	kp := testKey(t)
	cred := testCredential(t)
	payload := ob3Payload(cred, nil)
	sign := edSigner(kp.Private)
	jwk, _ := key.PublicJWK(kp.Public)
	good := signRaw(t, map[string]any{"alg": "EdDSA", "kid": "did:key:x"}, payload, sign)
	gp := strings.Split(good, ".")
	hdr := func(h string) string { return b64.EncodeToString([]byte(h)) + "." + gp[1] + "." + gp[2] }

	cases := map[string]struct {
		tok  string
		want error
	}{
		"alg none":                  {signRaw(t, map[string]any{"alg": "none", "kid": "k"}, payload, func([]byte) []byte { return []byte{0} }), vcjwt.ErrAlgorithm},
		"alg none, empty signature": {b64.EncodeToString([]byte(`{"alg":"none","kid":"k"}`)) + "." + gp[1] + ".", vcjwt.ErrMalformed},
		"HS256":                     {signRaw(t, map[string]any{"alg": "HS256", "kid": "k"}, payload, sign), vcjwt.ErrAlgorithm},
		"RS512":                     {signRaw(t, map[string]any{"alg": "RS512", "kid": "k"}, payload, sign), vcjwt.ErrAlgorithm},
		"no alg":                    {signRaw(t, map[string]any{"kid": "k"}, payload, sign), vcjwt.ErrHeader},
		"kid and jwk":               {signRaw(t, map[string]any{"alg": "EdDSA", "kid": "k", "jwk": jwk}, payload, sign), vcjwt.ErrHeader},
		"neither":                   {signRaw(t, map[string]any{"alg": "EdDSA"}, payload, sign), vcjwt.ErrHeader},
		"empty kid":                 {signRaw(t, map[string]any{"alg": "EdDSA", "kid": ""}, payload, sign), vcjwt.ErrHeader},
		"private jwk":               {signRaw(t, map[string]any{"alg": "EdDSA", "jwk": map[string]any{"kty": "OKP", "crv": "Ed25519", "x": jwk.X, "d": "AAAA"}}, payload, sign), vcjwt.ErrHeader},
		"crit":                      {signRaw(t, map[string]any{"alg": "EdDSA", "kid": "k", "crit": []string{"exp"}}, payload, sign), vcjwt.ErrHeader},
		"typ other":                 {signRaw(t, map[string]any{"alg": "EdDSA", "kid": "k", "typ": "at+jwt"}, payload, sign), vcjwt.ErrHeader},
		"duplicate alg":             {hdr(`{"alg":"EdDSA","kid":"k","alg":"none"}`), vcjwt.ErrMalformed},
		"header array":              {hdr(`["alg"]`), vcjwt.ErrMalformed},
		"header trailing":           {hdr(`{"alg":"EdDSA","kid":"k"}x`), vcjwt.ErrMalformed},
		"two parts":                 {gp[0] + "." + gp[1], vcjwt.ErrMalformed},
		"four parts":                {good + ".x", vcjwt.ErrMalformed},
		"padding":                   {gp[0] + "=." + gp[1] + "." + gp[2], vcjwt.ErrMalformed},
		"std base64":                {strings.ReplaceAll(gp[0], "e", "+") + "." + gp[1] + "." + gp[2], vcjwt.ErrMalformed},
		"too large":                 {strings.Repeat("a", vcjwt.MaxTokenSize+1), vcjwt.ErrMalformed},
		"no credential":             {signRaw(t, map[string]any{"alg": "EdDSA", "kid": "k"}, map[string]any{"iss": "x"}, sign), vcjwt.ErrNoCredential},
		"vc not an object":          {signRaw(t, map[string]any{"alg": "EdDSA", "kid": "k"}, map[string]any{"vc": "x"}, sign), vcjwt.ErrNoCredential},
	}
	for name, c := range cases {
		_, err := vcjwt.Parse(c.tok)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", name, err, c.want)
		}
	}
	if _, err := vcjwt.Parse(good); err != nil {
		t.Fatalf("the control token is refused: %v", err)
	}
}

// Each claim that disagrees with the credential is refused, though the signature is good.
func TestClaimsMismatch(t *testing.T) {
	kp := testKey(t)
	cred := testCredential(t)
	withUntil := testCredential(t)
	withUntil["validUntil"] = "2030-01-01T00:00:00Z"
	noSubID := testCredential(t)
	delete(noSubID["credentialSubject"].(map[string]any), "id")

	cases := map[string]struct {
		cred  map[string]any
		extra map[string]any
		ok    bool
	}{
		"consistent":            {cred, nil, true},
		"iss differs":           {cred, map[string]any{"iss": "https://evil.example"}, false},
		"iss missing":           {cred, map[string]any{"iss": nil}, false},
		"iss not a string":      {cred, map[string]any{"iss": 5}, false},
		"jti differs":           {cred, map[string]any{"jti": "urn:uuid:other"}, false},
		"jti missing":           {cred, map[string]any{"jti": nil}, false},
		"sub differs":           {cred, map[string]any{"sub": "did:example:someone-else"}, false},
		"sub missing":           {cred, map[string]any{"sub": nil}, false},
		"no subject id, no sub": {noSubID, map[string]any{"sub": nil}, true},
		"sub without subject":   {noSubID, map[string]any{"sub": "did:example:x"}, false},
		"nbf differs":           {cred, map[string]any{"nbf": 1262304001}, false},
		"nbf missing":           {cred, map[string]any{"nbf": nil}, false},
		"nbf a string":          {cred, map[string]any{"nbf": "1262304000"}, false},
		"exp matches":           {withUntil, map[string]any{"exp": 1893456000}, true},
		"exp differs":           {withUntil, map[string]any{"exp": 1893456001}, false},
		"exp missing":           {withUntil, nil, false},
	}
	for name, c := range cases {
		tok := signRaw(t, map[string]any{"alg": "EdDSA", "kid": "k"}, ob3Payload(c.cred, c.extra), edSigner(kp.Private))
		p, err := vcjwt.Parse(tok)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := p.VerifySignature(kp.Public); err != nil {
			t.Fatalf("%s: signature: %v", name, err)
		}
		err = p.Verify(kp.Public)
		if c.ok && err != nil {
			t.Errorf("%s: refused: %v", name, err)
		}
		if !c.ok && !errors.Is(err, vcjwt.ErrClaims) {
			t.Errorf("%s: err = %v, want ErrClaims", name, err)
		}
	}
}

// A VC Data Model 1.1 token (credential in "vc", issuanceDate) is still read.
func TestLegacyVCClaim(t *testing.T) {
	kp := testKey(t)
	cred := map[string]any{
		"@context":          []any{"https://www.w3.org/2018/credentials/v1"},
		"id":                "urn:uuid:1",
		"type":              []any{"VerifiableCredential", "OpenBadgeCredential"},
		"issuer":            map[string]any{"id": kp.DID()},
		"issuanceDate":      "2022-05-01T10:00:00.5Z",
		"credentialSubject": map[string]any{"id": "did:example:learner"},
	}
	tok := signRaw(t, map[string]any{"alg": "EdDSA", "typ": "JWT", "kid": kp.VerificationMethodID()},
		map[string]any{"vc": cred, "iss": kp.DID(), "jti": "urn:uuid:1", "sub": "did:example:learner", "nbf": 1651399200},
		edSigner(kp.Private))
	p, err := vcjwt.Parse(tok)
	if err != nil {
		t.Fatal(err)
	}
	if p.Form != vcjwt.FormVCClaim {
		t.Fatalf("Form = %s", p.Form)
	}
	if err := p.Verify(kp.Public); err != nil {
		t.Fatal(err)
	}
}

func TestSignRejects(t *testing.T) {
	kp := testKey(t)
	noIssuer := testCredential(t)
	delete(noIssuer, "issuer")
	noFrom := testCredential(t)
	delete(noFrom, "validFrom")
	clash := testCredential(t)
	clash["nbf"] = 1
	badDate := testCredential(t)
	badDate["validFrom"] = "yesterday"
	for name, cred := range map[string]map[string]any{
		"no issuer": noIssuer, "no validFrom": noFrom, "claim clash": clash, "bad date": badDate,
	} {
		if _, err := vcjwt.Sign(cred, kp.Private, "k"); err == nil {
			t.Errorf("%s: signed", name)
		}
	}
	if _, err := vcjwt.Sign(testCredential(t), kp.Private, ""); err == nil {
		t.Error("signed without a kid")
	}
	if _, err := vcjwt.Sign(testCredential(t), kp.Private[:10], "k"); err == nil {
		t.Error("signed with a short key")
	}
}

func BenchmarkSign(b *testing.B) {
	kp := testKey(b)
	cred := testCredential(b)
	for b.Loop() {
		if _, err := vcjwt.Sign(cred, kp.Private, "did:key:x#x"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseVerify(b *testing.B) {
	kp := testKey(b)
	tok, _ := vcjwt.Sign(testCredential(b), kp.Private, "did:key:x#x")
	for b.Loop() {
		p, err := vcjwt.Parse(tok)
		if err != nil {
			b.Fatal(err)
		}
		if err := p.Verify(kp.Public); err != nil {
			b.Fatal(err)
		}
	}
}

package credential_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
	"github.com/pokot/pokot/credential/status"
)

// TestVerifyJWTStatusList: a status list published as a VC-JWT (application/vc+jwt) is read
// like one secured with Data Integrity: its values count, and a list of another issuer, a
// tampered or expired list or a body that is neither form are refused by name.
func TestVerifyJWTStatusList(t *testing.T) {
	kp := mustKey(t, w3cSeed)
	const listURL = "https://issuer.example/status/message/1"
	withEntry := func(index int) map[string]any {
		return signedSample(t, kp, func(_ *credential.Award, d map[string]any) {
			if d != nil {
				e, err := status.NewMessageEntry(listURL, index, 2, status.RevocationSuspensionMessages(), "")
				if err != nil {
					t.Fatal(err)
				}
				d["credentialStatus"] = e.Map()
			}
		})
	}
	jwtList := func(signer *key.KeyPair, validUntil string) []byte {
		t.Helper()
		l, err := status.NewSized(0, 2)
		if err != nil {
			t.Fatal(err)
		}
		if err := l.SetValue(10, status.ValueSuspended); err != nil {
			t.Fatal(err)
		}
		lc, err := status.NewListCredential(listURL, signer.DID(), status.PurposeMessage, l, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		if validUntil != "" {
			lc["validUntil"] = validUntil
		}
		tok, err := credential.SignJWT(lc, signer, credential.SignOptions{Created: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		return []byte(tok + "\n")
	}
	verify := func(list []byte, cred map[string]any) credential.Check {
		t.Helper()
		res := &key.Resolver{Offline: true, Overrides: map[string][]byte{listURL: list}}
		r := (&credential.Verifier{Resolver: res, Now: at("2027-01-01T00:00:00Z")}).VerifyDocument(context.Background(), "t", cred)
		return check(r, "status")
	}
	good := jwtList(kp, "")
	if c := verify(good, withEntry(9)); !c.OK || c.Key != "verify.status.ok" {
		t.Errorf("valid entry of a JWT list: %+v", c)
	}
	if c := verify(good, withEntry(10)); c.OK || c.Key != "verify.status.suspended" {
		t.Errorf("suspended entry of a JWT list: %+v", c)
	}
	other := mustKey(t, endorserSeed)
	if c := verify(jwtList(other, ""), withEntry(9)); c.OK || c.Key != "verify.status.unavailable" {
		t.Errorf("a JWT list of another issuer: %+v", c)
	}
	if c := verify(jwtList(kp, "2026-06-01T00:00:00Z"), withEntry(9)); c.OK || !strings.Contains(c.Message, "not valid now") {
		t.Errorf("an expired JWT list: %+v", c)
	}
	// A changed payload breaks the JWT's signature.
	parts := strings.Split(strings.TrimSpace(string(good)), ".")
	tampered := []byte(parts[0] + "." + parts[1][:len(parts[1])-2] + "AA." + parts[2])
	if c := verify(tampered, withEntry(9)); c.OK || c.Key != "verify.status.unavailable" {
		t.Errorf("a tampered JWT list: %+v", c)
	}
	if c := verify([]byte("not a list"), withEntry(9)); c.OK || !strings.Contains(c.Message, "neither a JSON credential nor a VC-JWT") {
		t.Errorf("a body that is neither JSON nor a JWT: %+v", c)
	}
}

package credential_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/jsonld"
	"github.com/pokot/pokot/credential/key"
	"github.com/pokot/pokot/credential/status"
)

// messageListFixture signs a "message" status list credential of two-bit entries with
// values set.
func messageListFixture(t testing.TB, kp *key.KeyPair, url string, values map[int]int) []byte {
	t.Helper()
	l, err := status.NewSized(0, 2)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range values {
		if err := l.SetValue(i, v); err != nil {
			t.Fatal(err)
		}
	}
	lc, err := status.NewListCredential(url, kp.DID(), status.PurposeMessage, l, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	signed, err := credential.Sign(lc, kp, credential.SignOptions{Created: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return marshal(t, signed)
}

// TestVerifyMessageStatus signs Open Badges with one two-bit "message" entry (the OB 3.0
// schema allows one credentialStatus) and checks every value of the list: valid passes,
// suspended and revoked fail with their own message, and the schema check passes throughout.
func TestVerifyMessageStatus(t *testing.T) {
	kp := mustKey(t, w3cSeed)
	const listURL = "https://pokot.example.fi/orgs/o/status/message/1"
	withEntry := func(index int, msgs []status.Message) map[string]any {
		return signedSample(t, kp, func(_ *credential.Award, d map[string]any) {
			if d != nil {
				e, err := status.NewMessageEntry(listURL, index, 2, msgs, "https://pokot.example.fi/status-values")
				if err != nil {
					t.Fatal(err)
				}
				d["credentialStatus"] = e.Map()
			}
		})
	}
	list := messageListFixture(t, kp, listURL, map[int]int{
		10: status.ValueSuspended, 11: status.ValueRevoked, 12: 3, 20: 1, 21: 2,
	})
	ours := status.RevocationSuspensionMessages()
	// Another issuer's vocabulary, as in the Recommendation's example.
	theirs := []status.Message{{Status: "0x0", Message: "pending_review"}, {Status: "0x1", Message: "accepted"},
		{Status: "0x2", Message: "rejected"}, {Status: "0x3", Message: "undefined"}}
	cases := []struct {
		name    string
		cred    map[string]any
		wantKey string
		wantMsg string
	}{
		{"valid", withEntry(9, ours), "verify.status.ok", ""},
		{"suspended", withEntry(10, ours), "verify.status.suspended", "The issuer has suspended the credential."},
		{"revoked", withEntry(11, ours), "verify.status.revoked", "The issuer has revoked the credential."},
		{"revoked while suspended", withEntry(12, ours), "verify.status.revoked", ""},
		{"other vocabulary, value 0", withEntry(9, theirs), "verify.status.ok", ""},
		{"other vocabulary, value 1", withEntry(20, theirs), "verify.status.message", "accepted"},
		{"other vocabulary, value 2", withEntry(21, theirs), "verify.status.message", "rejected"},
	}
	for _, c := range cases {
		res := &key.Resolver{Offline: true, Overrides: map[string][]byte{listURL: list}}
		v := &credential.Verifier{Resolver: res, Now: at("2027-01-01T00:00:00Z")}
		r := v.VerifyDocument(context.Background(), c.name, c.cred)
		got := check(r, "status")
		if got.Key != c.wantKey || r.Verified != (c.wantKey == "verify.status.ok") || !strings.Contains(got.Message, c.wantMsg) {
			t.Errorf("%s: %+v (verified %v)", c.name, got, r.Verified)
		}
		if !check(r, "schema").OK {
			t.Errorf("%s: the OB 3.0 schema check failed: %+v", c.name, check(r, "schema"))
		}
		for _, ch := range r.Checks {
			if ch.Name != "status" && !ch.OK {
				t.Errorf("%s: check %s failed: %+v", c.name, ch.Name, ch)
			}
		}
	}
	// The statusMessage is signed: turning "revoked" into "valid" after signing breaks the proof.
	cred := withEntry(11, ours)
	cs := cred["credentialStatus"].(map[string]any)
	cs["statusMessage"].([]any)[2] = map[string]any{"status": "0x2", "message": "valid"}
	res := &key.Resolver{Offline: true, Overrides: map[string][]byte{listURL: list}}
	r := (&credential.Verifier{Resolver: res, Now: at("2027-01-01T00:00:00Z")}).VerifyDocument(context.Background(), "t", cred)
	if r.Verified || check(r, "proof").OK {
		t.Errorf("edited statusMessage: verified %v, proof %+v", r.Verified, check(r, "proof"))
	}
	// So are statusSize and statusReference: the JSON-LD context defines them, so the
	// canonical form keeps them.
	for k, v := range map[string]any{"statusSize": 3, "statusReference": "https://attacker.example/"} {
		cred := withEntry(9, ours)
		cred["credentialStatus"].(map[string]any)[k] = v
		r := (&credential.Verifier{Resolver: res, Now: at("2027-01-01T00:00:00Z")}).VerifyDocument(context.Background(), k, cred)
		if check(r, "proof").OK {
			t.Errorf("edited %s: the proof still verifies", k)
		}
	}
	// A message entry against a revocation list is refused, not read as valid.
	revList := statusFixture(t, kp, listURL, "revocation", -1)
	res = &key.Resolver{Offline: true, Overrides: map[string][]byte{listURL: revList}}
	r = (&credential.Verifier{Resolver: res, Now: at("2027-01-01T00:00:00Z")}).VerifyDocument(context.Background(), "p", withEntry(9, ours))
	if c := check(r, "status"); c.OK || c.Key != "verify.status.unavailable" {
		t.Errorf("message entry, revocation list: %+v", c)
	}
}

// TestMessageEntryCanonicalForm: the VC 2.0 context defines statusSize, statusMessage
// (with status and message) and statusReference, so RDFC-1.0 keeps every one of them in
// the status vocabulary — none is dropped, none refused as undefined. (json-gold gives the
// same canonical form; checked once when this was written.)
func TestMessageEntryCanonicalForm(t *testing.T) {
	kp := mustKey(t, w3cSeed)
	cred := signedSample(t, kp, func(_ *credential.Award, d map[string]any) {
		if d != nil {
			e, _ := status.NewMessageEntry("https://pokot.example.fi/orgs/o/status/message/1", 94567, 2,
				status.RevocationSuspensionMessages(), "https://pokot.example.fi/credential-status")
			d["credentialStatus"] = e.Map()
		}
	})
	delete(cred, "proof")
	nq, err := jsonld.New().Canonicalize(cred)
	if err != nil {
		t.Fatal(err)
	}
	const s = "<https://pokot.example.fi/orgs/o/status/message/1#94567> "
	const v = "<https://www.w3.org/ns/credentials/status#"
	for _, want := range []string{
		// The published VC 2.0 context types statusSize as https://…/XMLSchema#integer
		// (https, not the usual http); the canonical form follows the context.
		s + v + "statusSize> \"2\"^^<https://www.w3.org/2001/XMLSchema#integer> .",
		s + v + "statusPurpose> \"message\" .",
		s + v + "statusReference> <https://pokot.example.fi/credential-status> .",
		v + "status> \"0x1\" .", v + "message> \"suspended\" .",
		v + "status> \"0x3\" .", v + "message> \"valid\" .",
	} {
		if !strings.Contains(nq, want) {
			t.Errorf("canonical form lacks %s", want)
		}
	}
	if n := strings.Count(nq, s+v+"statusMessage> _:"); n != 4 {
		t.Errorf("%d statusMessage nodes, want 4", n)
	}
}

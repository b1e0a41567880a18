package issuer_test

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
)

// entryBits reads the two bits of index from a published message list by hand (base64url,
// gzip, MSB first), apart from package status, and checks the list's own claims.
func entryBits(t *testing.T, list []byte, index int) int {
	t.Helper()
	var lc struct {
		Type              []string `json:"type"`
		CredentialSubject struct {
			Type          string `json:"type"`
			StatusPurpose string `json:"statusPurpose"`
			EncodedList   string `json:"encodedList"`
		} `json:"credentialSubject"`
	}
	must(t, json.Unmarshal(list, &lc))
	if lc.CredentialSubject.StatusPurpose != "message" || lc.CredentialSubject.Type != "BitstringStatusList" {
		t.Fatalf("list subject %+v", lc.CredentialSubject)
	}
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimPrefix(lc.CredentialSubject.EncodedList, "u"))
	must(t, err)
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	must(t, err)
	bits, err := io.ReadAll(zr)
	must(t, err)
	if len(bits) != 131072*2/8 {
		t.Fatalf("the message list has %d bytes, want 131,072 two-bit entries (32 KiB)", len(bits))
	}
	hi := bits[2*index/8] >> (7 - uint(2*index%8)) & 1
	lo := bits[(2*index+1)/8] >> (7 - uint((2*index+1)%8)) & 1
	return int(hi<<1 | lo)
}

// TestOpenBadgeSuspension walks an Open Badge through suspend → lift → suspend → revoke
// with real signatures, verifying after each step with nothing but the published
// documents: the OB 3.0 schema check passes throughout, the status check says what
// happened, the list's two bits change at once, and revocation is final.
func TestOpenBadgeSuspension(t *testing.T) {
	e := newEnv(t, "https://pokot.example.fi")
	cred, err := e.svc.Sign(ctx, e.org, unsigned(t))
	must(t, err)
	other, err := e.svc.Sign(ctx, e.org, unsigned(t))
	must(t, err)
	id := cred["id"].(string)
	st := cred["credentialStatus"].(map[string]any)
	index, err := strconv.Atoi(st["statusListIndex"].(string))
	must(t, err)
	if err := credential.ValidateSchema(cred); err != nil {
		t.Fatalf("an Open Badge with a message entry is not OB 3.0 schema-valid: %v", err)
	}

	steps := []struct {
		name      string
		purpose   string
		set       bool
		wantKey   string // status check key after the step
		wantValue int
		errKey    string // the step is refused with this key
	}{
		{"issued", "", false, "verify.status.ok", 0, ""},
		{"suspend", pokot.StatusSuspension, true, "verify.status.suspended", 1, ""},
		{"suspend again", pokot.StatusSuspension, true, "verify.status.suspended", 1, "err.status_already_suspended"},
		{"lift", pokot.StatusSuspension, false, "verify.status.ok", 0, ""},
		{"lift again", pokot.StatusSuspension, false, "verify.status.ok", 0, "err.status_not_suspended"},
		{"suspend", pokot.StatusSuspension, true, "verify.status.suspended", 1, ""},
		{"revoke while suspended", pokot.StatusRevocation, true, "verify.status.revoked", 2, ""},
		{"revoke again", pokot.StatusRevocation, true, "verify.status.revoked", 2, "err.status_already_revoked"},
		{"suspend a revoked one", pokot.StatusSuspension, true, "verify.status.revoked", 2, "err.status_revoked_final"},
		{"lift a revoked one", pokot.StatusSuspension, false, "verify.status.revoked", 2, "err.status_revoked_final"},
		{"undo the revocation", pokot.StatusRevocation, false, "verify.status.revoked", 2, "err.revocation_permanent"},
	}
	for _, s := range steps {
		if s.purpose != "" {
			_, err := e.svc.SetCredentialStatus(ctx, e.org, id, s.purpose, s.set, "syy: "+s.name)
			if s.errKey != "" {
				wantCode(t, err, pokot.ECONFLICT, s.errKey)
			} else {
				must(t, err)
			}
		}
		v := published(t, e)
		r := verify(t, v, cred)
		if c := check(r, "status"); c.Key != s.wantKey || r.Verified != (s.wantKey == "verify.status.ok") {
			t.Fatalf("%s: status %+v, verified %v", s.name, c, r.Verified)
		}
		for _, c := range r.Checks {
			if c.Name != "status" && !c.OK {
				t.Fatalf("%s: check %s failed: %+v", s.name, c.Name, c)
			}
		}
		list, err := e.svc.StatusListCredential(ctx, e.org, pokot.StatusMessage, 1)
		must(t, err)
		if got := entryBits(t, list, index); got != s.wantValue {
			t.Fatalf("%s: the published list has %d at index %d, want %d", s.name, got, index, s.wantValue)
		}
		// The status list credential itself verifies as a credential of the organisation.
		var lc map[string]any
		must(t, json.Unmarshal(list, &lc))
		if r := verify(t, v, lc); !r.Verified {
			t.Fatalf("%s: the status list credential does not verify: %v", s.name, failed(r))
		}
		// The other credential of the same list is untouched.
		if r := verify(t, v, other); !r.Verified {
			t.Fatalf("%s: the other credential: %v", s.name, failed(r))
		}
	}
	_, err = e.svc.SetStatus(ctx, e.org, pokot.StatusMessage, 1, index, true, "x")
	wantCode(t, err, pokot.EINVALID, "err.status_purpose")
}

// TestPlainVCGetsRevocation: a credential that is not an Open Badge keeps a one-bit
// revocation entry (no schema limits it, and older verifiers know the purpose).
func TestPlainVCGetsRevocation(t *testing.T) {
	e := newEnv(t, "https://pokot.example.fi")
	doc := map[string]any{
		"@context":          []any{"https://www.w3.org/ns/credentials/v2"},
		"type":              []any{"VerifiableCredential"},
		"credentialSubject": map[string]any{"id": "did:example:learner"},
	}
	cred, err := e.svc.Sign(ctx, e.org, doc)
	must(t, err)
	st := cred["credentialStatus"].(map[string]any)
	if st["statusPurpose"] != "revocation" || st["statusSize"] != nil || st["statusMessage"] != nil {
		t.Fatalf("credentialStatus %v", st)
	}
	v := published(t, e)
	if r := verify(t, v, cred); !r.Verified {
		t.Fatalf("not verified: %v", failed(r))
	}
	_, err = e.svc.SetCredentialStatus(ctx, e.org, cred["id"].(string), pokot.StatusRevocation, true, "x")
	must(t, err)
	if r := verify(t, published(t, e), cred); r.Verified || check(r, "status").Key != "verify.status.revoked" {
		t.Fatalf("revoked plain VC: %v", r.Checks)
	}
}

// TestLocalDocumentsMessageList: the in-process resolution the platform's verifier uses
// finds the message list of a credential.
func TestLocalDocumentsMessageList(t *testing.T) {
	e := newEnv(t, "https://pokot.example.fi")
	cred, err := e.svc.Sign(ctx, e.org, unsigned(t))
	must(t, err)
	b, err := json.Marshal(cred)
	must(t, err)
	docs := e.svc.LocalDocuments(ctx, b)
	listURL := cred["credentialStatus"].(map[string]any)["statusListCredential"].(string)
	if _, ok := docs[listURL]; !ok || !strings.Contains(listURL, "/status/message/") {
		t.Fatalf("LocalDocuments found %d documents, not the message list %s", len(docs), listURL)
	}
	v := &credential.Verifier{Resolver: &key.Resolver{Offline: true, Overrides: docs}, Now: e.clock.Later}
	if r := verify(t, v, cred); !r.Verified {
		t.Fatalf("verified with the local documents: %v", failed(r))
	}
}

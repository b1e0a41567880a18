package issuer_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/issuer"
)

func TestNewRefusesBadConfig(t *testing.T) {
	db := struct{ issuer.Store }{}
	for name, tc := range map[string]struct {
		key  []byte
		base string
	}{
		"short key":  {make([]byte, 16), "https://pokot.example.fi"},
		"no key":     {nil, "https://pokot.example.fi"},
		"zero key":   {make([]byte, 32), "https://pokot.example.fi"},
		"no scheme":  {masterKey(t), "pokot.example.fi"},
		"ftp":        {masterKey(t), "ftp://pokot.example.fi"},
		"with query": {masterKey(t), "https://pokot.example.fi/?a=1"},
		"empty base": {masterKey(t), ""},
		"no host":    {masterKey(t), "https:///x"},
	} {
		if _, err := issuer.New(db, tc.key, tc.base, nil); err == nil {
			t.Errorf("%s: New accepted key of %d bytes and base %q", name, len(tc.key), tc.base)
		}
	}
}

// TestWrongMasterKey: a service with another master key cannot sign, rotate or change a
// status, says why, and changes nothing.
func TestWrongMasterKey(t *testing.T) {
	e := newEnv(t, "https://pokot.example.fi")
	cred, err := e.svc.Sign(ctx, e.org, unsigned(t))
	must(t, err)
	id := cred["id"].(string)
	before, err := e.db.OrgKeys(ctx, e.org.ID)
	must(t, err)
	list0, err := e.svc.StatusListCredential(ctx, e.org, pokot.StatusMessage, 1)
	must(t, err)

	wrong, err := issuer.New(e.db, masterKey(t), "https://pokot.example.fi", e.clock.Now)
	must(t, err)
	wantDecrypt := func(what string, err error) {
		t.Helper()
		if !errors.Is(err, issuer.ErrDecrypt) || pokot.ErrorCode(err) != pokot.EINTERNAL || !strings.Contains(err.Error(), "master key") {
			t.Fatalf("%s with a wrong master key: %v", what, err)
		}
	}
	_, err = wrong.Sign(ctx, e.org, unsigned(t))
	wantDecrypt("Sign", err)
	_, err = wrong.Rotate(ctx, e.org)
	wantDecrypt("Rotate", err)
	_, err = wrong.SetCredentialStatus(ctx, e.org, id, pokot.StatusRevocation, true, "x")
	wantDecrypt("SetCredentialStatus", err)

	after, err := e.db.OrgKeys(ctx, e.org.ID)
	must(t, err)
	if len(after) != len(before) || after[0].Retired != nil {
		t.Fatalf("keys changed: %d → %d", len(before), len(after))
	}
	es, err := e.db.StatusEntriesOf(ctx, e.org.ID, id)
	must(t, err)
	if len(es) != 1 || es[0].Set {
		t.Fatalf("status changed: %+v", es[0])
	}
	l, err := e.db.StatusList(ctx, e.org.ID, pokot.StatusMessage, 1)
	must(t, err)
	if !l.Current() || !bytes.Equal(l.Signed, list0) {
		t.Fatal("the signed status list changed")
	}
	// The published documents still work: they need no private key.
	if w := get(t, wrong.Handler(), "/orgs/omnia/did.json"); w.Code != 200 {
		t.Fatalf("DID document with a wrong master key: %d", w.Code)
	}
}

// TestMovedKey: a sealed key copied into another organisation's row does not open there,
// even with the right master key.
func TestMovedKey(t *testing.T) {
	e := newEnv(t, "https://pokot.example.fi")
	k, err := e.svc.EnsureKey(ctx, e.org)
	must(t, err)
	other := newOrg(t, e.db, "keuda")
	stolen := &pokot.OrgKey{OrgID: other.ID, KeyID: k.KeyID, PublicKey: k.PublicKey, Sealed: k.Sealed}
	must(t, e.db.CreateOrgKey(ctx, stolen))
	_, err = e.svc.Sign(ctx, other, unsigned(t))
	if !errors.Is(err, issuer.ErrDecrypt) {
		t.Fatalf("signing with a key moved from another organisation: %v", err)
	}
}

// TestRevokeTwice: the second revocation is ECONFLICT with a precise key and changes nothing.
func TestRevokeTwice(t *testing.T) {
	e := newEnv(t, "https://pokot.example.fi")
	cred, err := e.svc.Sign(ctx, e.org, unsigned(t))
	must(t, err)
	id := cred["id"].(string)
	_, err = e.svc.SetCredentialStatus(ctx, e.org, id, pokot.StatusRevocation, true, "ensimmäinen")
	must(t, err)
	list1, err := e.svc.StatusListCredential(ctx, e.org, pokot.StatusMessage, 1)
	must(t, err)
	_, err = e.svc.SetCredentialStatus(ctx, e.org, id, pokot.StatusRevocation, true, "toinen")
	wantCode(t, err, pokot.ECONFLICT, "err.status_already_revoked")
	_, err = e.svc.SetCredentialStatus(ctx, e.org, id, pokot.StatusRevocation, false, "peru")
	wantCode(t, err, pokot.ECONFLICT, "err.revocation_permanent")
	es, err := e.db.StatusEntriesOf(ctx, e.org.ID, id)
	must(t, err)
	if !es[0].Set || es[0].Reason != "ensimmäinen" {
		t.Fatalf("entry after refused changes: %+v", es[0])
	}
	list2, err := e.svc.StatusListCredential(ctx, e.org, pokot.StatusMessage, 1)
	must(t, err)
	if !bytes.Equal(list1, list2) {
		t.Fatal("a refused change re-signed the list")
	}
	_, err = e.svc.SetStatus(ctx, e.org, "expiry", 1, 0, true, "x")
	wantCode(t, err, pokot.EINVALID, "err.status_purpose")
	_, err = e.svc.StatusListCredential(ctx, e.org, pokot.StatusMessage, 2)
	wantCode(t, err, pokot.ENOTFOUND, "err.status_list_not_found")
	_, err = e.svc.Rotate(ctx, newOrg(t, e.db, "keyless"))
	wantCode(t, err, pokot.ENOTFOUND, "err.no_key")
	_, err = e.svc.Sign(ctx, e.org, nil)
	wantCode(t, err, pokot.EINVALID)
	_, err = e.svc.Sign(ctx, e.org, map[string]any{"@context": []any{"https://www.w3.org/ns/credentials/v2"}, "type": []any{"VerifiableCredential"}, "unknownTerm": 1})
	wantCode(t, err, pokot.EINVALID, "err.credential_unsignable")
}

// TestConcurrentFirstSign signs from many goroutines before the organisation has a key: one
// key is created and every credential carries it and a distinct status index.
func TestConcurrentFirstSign(t *testing.T) {
	e := newEnv(t, "https://pokot.example.fi")
	const n = 12
	var wg sync.WaitGroup
	vms := make([]string, n)
	idx := make([]string, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := e.svc.Sign(ctx, e.org, unsigned(t))
			if err != nil {
				t.Error(err)
				return
			}
			vms[i] = c["proof"].(map[string]any)["verificationMethod"].(string)
			idx[i] = c["credentialStatus"].(map[string]any)["statusListIndex"].(string)
		}()
	}
	wg.Wait()
	ks, err := e.db.OrgKeys(ctx, e.org.ID)
	must(t, err)
	if len(ks) != 1 {
		t.Fatalf("%d keys created", len(ks))
	}
	seen := map[string]bool{}
	for i := range vms {
		if !strings.HasSuffix(vms[i], "#"+ks[0].KeyID) || seen[idx[i]] {
			t.Fatalf("credential %d: method %s, index %s (dup %v)", i, vms[i], idx[i], seen[idx[i]])
		}
		seen[idx[i]] = true
	}
}

func TestParseMasterKey(t *testing.T) {
	want := bytes.Repeat([]byte{0xab}, 32)
	for _, s := range []string{
		strings.Repeat("ab", 32),
		"  " + strings.Repeat("AB", 32) + "\n",
		"q6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s=",
		"q6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s",
	} {
		got, err := issuer.ParseMasterKey(s)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("ParseMasterKey(%q) = %x, %v", s, got, err)
		}
	}
	for _, s := range []string{"", "abc", strings.Repeat("ab", 31), strings.Repeat("ab", 33), strings.Repeat("zz", 32), "q6urq6urq6urq6urq6urq6urq6urq6urq6ur"} {
		if _, err := issuer.ParseMasterKey(s); err == nil {
			t.Errorf("ParseMasterKey(%q) accepted", s)
		}
	}
}

func TestLoadMasterKeyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pokot.key")
	k1, created, err := issuer.LoadMasterKeyFile(path)
	must(t, err)
	if !created || len(k1) != issuer.MasterKeySize {
		t.Fatalf("first load: created %v, %d bytes", created, len(k1))
	}
	fi, err := os.Stat(path)
	must(t, err)
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %v", fi.Mode())
	}
	k2, created, err := issuer.LoadMasterKeyFile(path)
	must(t, err)
	if created || !bytes.Equal(k1, k2) {
		t.Fatal("second load did not read the same key")
	}
	must(t, os.WriteFile(path, []byte("not a key"), 0o600))
	if _, _, err := issuer.LoadMasterKeyFile(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("a bad key file: %v", err)
	}
	if _, _, err := issuer.LoadMasterKeyFile(filepath.Join(t.TempDir(), "missing", "pokot.key")); err == nil {
		t.Fatal("created a key file in a missing folder")
	}
}

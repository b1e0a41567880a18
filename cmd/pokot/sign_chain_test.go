package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestSignAddsChainedProof: signing a signed credential adds a proof. An endorser's proof
// that names the issuer's (--previous-proof) makes a chain that pokot verify accepts, and
// breaking the issuer's proof breaks the whole.
func TestSignAddsChainedProof(t *testing.T) {
	const endorserSeed = "1111111111111111111111111111111111111111111111111111111111111111"
	dir := t.TempDir()
	code, first, errs := pokot(t, unsignedBadge(t, "", nil), "sign", "--key-seed", w3cSeed, "--proof-id", "urn:uuid:issuer-proof")
	if code != 0 {
		t.Fatalf("sign: %d %s", code, errs)
	}
	code, both, errs := pokot(t, first, "sign", "--key-seed", endorserSeed, "--previous-proof", "urn:uuid:issuer-proof")
	if code != 0 || !strings.Contains(errs, "co-signature") {
		t.Fatalf("second sign: %d %q", code, errs)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(both), &doc); err != nil {
		t.Fatal(err)
	}
	proofs, _ := doc["proof"].([]any)
	if len(proofs) != 2 || proofs[1].(map[string]any)["previousProof"] != "urn:uuid:issuer-proof" {
		t.Fatalf("proofs: %v", doc["proof"])
	}
	path := writeFile(t, dir, "chained.json", []byte(both))
	code, out, _ := pokot(t, "", "verify", "--json", "--offline", "--now", "2027-01-01T00:00:00Z", path)
	if rs := parseResults(t, out); code != 0 || !rs[0].Verified {
		t.Fatalf("chained credential: exit %d %+v", code, rs)
	}
	// The endorser's proof signed the issuer's: changing the issuer's proofValue fails.
	p0 := proofs[0].(map[string]any)
	v := p0["proofValue"].(string)
	p0["proofValue"] = v[:len(v)-4] + "AAAA"
	b, _ := json.Marshal(doc)
	code, out, _ = pokot(t, "", "verify", "--json", "--offline", "--now", "2027-01-01T00:00:00Z", writeFile(t, dir, "broken.json", b))
	if rs := parseResults(t, out); code != 1 || rs[0].Verified || !failedCheck(rs[0], "proof") {
		t.Fatalf("broken chain: exit %d %+v", code, rs)
	}
	// Refused before anything is signed: a chain to nothing, or a JWT over a signed credential.
	for _, args := range [][]string{
		{"sign", "--key-seed", w3cSeed, "--previous-proof", "urn:uuid:x"},
		{"sign", "--key-seed", w3cSeed, "--format", "jwt", "--proof-id", "urn:uuid:x"},
	} {
		if code, out, errs := pokot(t, unsignedBadge(t, "", nil), args...); code != 2 || out != "" || !strings.Contains(errs, "pokot sign:") {
			t.Errorf("%v: exit %d, out %q, err %q", args, code, out, errs)
		}
	}
	if code, out, _ := pokot(t, both, "sign", "--key-seed", w3cSeed, "--format", "jwt"); code != 2 || out != "" {
		t.Errorf("jwt over a signed credential: exit %d, out %q", code, out)
	}
}

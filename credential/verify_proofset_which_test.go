package credential_test

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pokot/pokot/credential"
)

// A bad signature in a proof set keeps its key (API clients switch on it) and says, in
// every language, which proof failed; a single proof's bad signature reads as before.
func TestVerifyProofSetSaysWhichSignatureIsBad(t *testing.T) {
	signed, _ := issuerSigned(t)
	set, err := credential.Sign(signed, mustKey(t, endorserSeed), credential.SignOptions{Created: cosigned})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range map[int]map[string]string{
		1: {"en": "Signature 2 of 2 does not match", "fi": "Allekirjoitus 2/2 ei vastaa", "sv": "Signatur 2 av 2 stämmer inte"},
		0: {"en": "Signature 1 of 2 does not match", "fi": "Allekirjoitus 1/2 ei vastaa", "sv": "Signatur 1 av 2 stämmer inte"},
	} {
		var d map[string]any
		json.Unmarshal(marshal(t, set), &d)
		d["proof"].([]any)[i].(map[string]any)["created"] = "2026-12-02T09:00:00Z"
		r := verifySet(t, nil, d)
		c := check(r, "proof")
		if c.OK || r.Verified || c.Key != "verify.proof.bad_signature" {
			t.Fatalf("proof %d changed: %+v", i+1, c)
		}
		if !slices.Equal(c.Args, []string{strconv.Itoa(i + 1), "2"}) {
			t.Errorf("proof %d changed: args %q", i+1, c.Args)
		}
		if !strings.HasPrefix(c.Message, want["en"]) {
			t.Errorf("proof %d changed: message %q", i+1, c.Message)
		}
		for _, lang := range credential.MessageLanguages {
			if got := c.In(lang); !strings.HasPrefix(got, want[lang]) || strings.Contains(got, "{") {
				t.Errorf("proof %d changed, %s: %q, want it to begin %q", i+1, lang, got, want[lang])
			}
		}
	}

	// One proof: no position to give.
	var d map[string]any
	json.Unmarshal(marshal(t, signed), &d)
	d["name"] = "Something else"
	c := check(verifySet(t, nil, d), "proof")
	if c.Key != "verify.proof.bad_signature" || len(c.Args) != 0 ||
		c.Message != "The signature does not match the content: the credential has been changed or was signed with another key." ||
		c.In("fi") != "Allekirjoitus ei vastaa sisältöä: osaamismerkkiä on muutettu tai se on allekirjoitettu toisella avaimella." {
		t.Errorf("single proof: %+v / %q", c, c.In("fi"))
	}
}

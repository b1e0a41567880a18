package vcjwt_test

import (
	"strings"
	"testing"

	"github.com/pokot/pokot/credential/vcjwt"
)

func FuzzParse(f *testing.F) {
	kp := testKey(f)
	tok, _ := vcjwt.Sign(testCredential(f), kp.Private, kp.VerificationMethodID())
	f.Add(tok)
	f.Add("eyJhbGciOiJub25lIn0.e30.")
	f.Add("a.b.c")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := vcjwt.Parse(s)
		if err != nil {
			return
		}
		if p.Credential == nil || p.Form == "" {
			t.Fatal("parsed token without a credential or form")
		}
		// Verification of arbitrary input must fail cleanly, never panic; only the
		// genuine token verifies with the test key.
		if err := p.Verify(kp.Public); err == nil && strings.TrimSpace(s) != tok {
			t.Fatalf("forged token verified: %q", s)
		}
		p.CheckClaims()
		p.HeaderKey()
	})
}

package password_test

import (
	"strings"
	"testing"

	"github.com/pokot/pokot/password"
)

func TestGenerate(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 200; i++ {
		pw := password.Generate()
		if len(pw) != 20 || strings.ContainsAny(pw, "0O1lI") {
			t.Fatalf("Generate() = %q: want 20 characters without look-alikes", pw)
		}
		if err := password.Check(pw, "someone@example.fi"); err != nil {
			t.Fatalf("Generate() = %q is refused by Check: %v", pw, err)
		}
		if seen[pw] {
			t.Fatalf("Generate() repeated %q", pw)
		}
		seen[pw] = true
	}
}

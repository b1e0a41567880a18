package jsonld_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/pokot/pokot/credential/jsonld"
)

func readJSON(t testing.TB, path string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func readText(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestOB3DocumentCanon checks the canonical N-Quads of the 1EdTech
// implementation-guide vectors (document without its proof).
func TestOB3DocumentCanon(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"testdata/ob3-ldp-unsigned.json", "testdata/obv3p0-document-canon.txt"},
		{"testdata/clr2-ldp-unsigned.json", "testdata/clrv2p0-document-canon.txt"},
	} {
		got, err := jsonld.Default.Canonicalize(readJSON(t, c.in))
		if err != nil {
			t.Fatalf("%s: %v", c.in, err)
		}
		if want := readText(t, c.want); got != want {
			t.Errorf("%s: canonical form differs\ngot:\n%s\nwant:\n%s", c.in, got, want)
		}
	}
}

package rdfc_test

import (
	"crypto"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pokot/pokot/credential/rdfc"
)

type manifestEntry struct {
	ID            string `json:"id"`
	Type          string `json:"type"`
	Name          string `json:"name"`
	Action        string `json:"action"`
	Result        string `json:"result"`
	HashAlgorithm string `json:"hashAlgorithm"`
}

func loadManifest(t testing.TB) []manifestEntry {
	t.Helper()
	b, err := os.ReadFile("testdata/rdf-canon/manifest.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	var m struct{ Entries []manifestEntry }
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m.Entries
}

func readTestFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata/rdf-canon", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func optsFor(e manifestEntry) rdfc.Options {
	if e.HashAlgorithm == "SHA384" {
		return rdfc.Options{Hash: crypto.SHA384}
	}
	return rdfc.Options{}
}

// TestRDFCanonSuite runs every test of the W3C RDFC-1.0 test suite.
func TestRDFCanonSuite(t *testing.T) {
	counts := map[string]int{}
	for _, e := range loadManifest(t) {
		t.Run(strings.TrimPrefix(e.ID, "#")+" "+e.Name, func(t *testing.T) {
			in, err := rdfc.ParseNQuads(readTestFile(t, e.Action))
			if err != nil {
				t.Fatal(err)
			}
			res, err := rdfc.Canonicalize(in, optsFor(e))
			switch e.Type {
			case "rdfc:RDFC10NegativeEvalTest":
				if !errors.Is(err, rdfc.ErrTooComplex) {
					t.Fatalf("want ErrTooComplex, got %v", err)
				}
			case "rdfc:RDFC10EvalTest":
				if err != nil {
					t.Fatal(err)
				}
				if got, want := res.NQuads(), readTestFile(t, e.Result); got != want {
					t.Fatalf("canonical N-Quads differ\ngot:\n%s\nwant:\n%s", got, want)
				}
				if s, err := rdfc.CanonicalString(in, optsFor(e)); err != nil || s != res.NQuads() {
					t.Fatalf("CanonicalString differs from Result.NQuads: %v", err)
				}
			case "rdfc:RDFC10MapTest":
				if err != nil {
					t.Fatal(err)
				}
				var want map[string]string
				if err := json.Unmarshal([]byte(readTestFile(t, e.Result)), &want); err != nil {
					t.Fatal(err)
				}
				if len(want) != len(res.Labels) {
					t.Fatalf("map has %d entries, want %d: %v", len(res.Labels), len(want), res.Labels)
				}
				for k, v := range want {
					if res.Labels[k] != v {
						t.Errorf("label %s -> %s, want %s", k, res.Labels[k], v)
					}
				}
			default:
				t.Fatalf("unknown test type %s", e.Type)
			}
			counts[e.Type]++
		})
	}
	// Guard against a manifest that silently loses entries.
	if counts["rdfc:RDFC10EvalTest"] != 64 || counts["rdfc:RDFC10MapTest"] != 21 || counts["rdfc:RDFC10NegativeEvalTest"] != 1 {
		t.Errorf("ran %v", counts)
	}
}

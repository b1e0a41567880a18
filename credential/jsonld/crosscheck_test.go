package jsonld

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/pokot/pokot/credential/rdfc"
)

func loadJSON(t testing.TB, path string) map[string]any {
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

func canonOf(t testing.TB, quads []rdfc.Quad) string {
	t.Helper()
	s, err := rdfc.CanonicalNQuads(quads)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestNativeMatchesJSONGold converts every document in testdata (the VC
// data model 2.0 test inputs, Open Badges examples and vectors, Bitstring
// Status List examples) with the native engine and with json-gold under the
// same guards, and requires the same canonical N-Quads, or both to fail.
// It also requires the native engine to handle each of them itself.
func TestNativeMatchesJSONGold(t *testing.T) {
	files, _ := filepath.Glob("testdata/crosscheck/*.json")
	more, _ := filepath.Glob("testdata/*.json")
	files = append(files, more...)
	if len(files) < 100 {
		t.Fatalf("only %d documents", len(files))
	}
	p := New()
	agreed := 0
	for _, f := range files {
		doc := loadJSON(t, f)
		nq, nerr := p.nativeToRDF(doc, 0)
		if errors.Is(nerr, errUnsupported) {
			t.Errorf("%s: native engine does not support it: %v", f, nerr)
			continue
		}
		if nerr == nil {
			nerr = checkDataset(nq, p.limits)
		}
		gq, gerr := p.goldToRDF(doc)
		if gerr == nil {
			gerr = checkDataset(gq, p.limits)
		}
		switch {
		case nerr != nil && gerr != nil:
			agreed++
		case nerr != nil && errors.Is(nerr, ErrDataLoss) && graphWrapperBug(doc):
			// json-gold loses the graph (see below) and with it the
			// chance to notice a value that a named graph cannot hold.
			agreed++
		case nerr != nil || gerr != nil:
			t.Errorf("%s: native error %v, json-gold error %v", f, nerr, gerr)
		default:
			if graphWrapperBug(doc) {
				// json-gold reads the container of a term with a scoped
				// context from the scoped context, so it loses the
				// @graph container of VerifiablePresentation's
				// verifiableCredential (which has "@context": null) and puts
				// the credential in the default graph, linked directly rather
				// than through the graph's name. JSON-LD 1.1 (and jsonld.js)
				// use a named graph. Compare the other triples.
				if !hasNamedGraph(nq) {
					t.Errorf("%s: native engine put the credential in the default graph", f)
				}
				nq, gq = eraseGraphs(nq), eraseGraphs(gq)
			}
			if n, g := canonOf(t, nq), canonOf(t, gq); n != g {
				t.Errorf("%s: canonical forms differ\nnative:\n%s\njson-gold:\n%s", f, n, g)
			} else {
				agreed++
			}
		}
	}
	t.Logf("%d of %d documents agree", agreed, len(files))
}

func graphWrapperBug(doc map[string]any) bool {
	_, ok := doc["verifiableCredential"]
	return ok
}

func hasNamedGraph(qs []rdfc.Quad) bool {
	for _, q := range qs {
		if q.Graph.Kind != rdfc.KindDefaultGraph {
			return true
		}
	}
	return false
}

func eraseGraphs(qs []rdfc.Quad) []rdfc.Quad {
	var out []rdfc.Quad
	for _, q := range qs {
		if q.Predicate.Value == "https://www.w3.org/2018/credentials#verifiableCredential" {
			continue
		}
		q.Graph = rdfc.Term{}
		out = append(out, q)
	}
	return out
}

func sha256hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

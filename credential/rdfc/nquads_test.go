package rdfc_test

import (
	"crypto"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/pokot/pokot/credential/rdfc"
)

func TestParseErrors(t *testing.T) {
	for _, bad := range []string{
		`<http://a> <http://b> <http://c>`,        // no dot
		`<http://a> <http://b> "x" . extra`,       // trailing text
		`"lit" <http://b> <http://c> .`,           // literal subject
		`<http://a> _:p <http://c> .`,             // blank predicate
		`<http://a> <http://b> <http://c> "g" .`,  // literal graph
		`<rel> <http://b> <http://c> .`,           // relative IRI
		`<http://a b> <http://b> <http://c> .`,    // space in IRI
		`<http://a> <http://b> "unterminated .`,   // open literal
		`<http://a> <http://b> "bad \q escape" .`, // bad ECHAR
		`<http://a> <http://b> "\uD800" .`,        // surrogate
		`<http://a> <http://b> "\U00110000" .`,    // beyond Unicode
		`<http://a> <http://b> "x"@ .`,            // empty language
		`<http://a> <http://b> "x"^^"y" .`,        // datatype not IRI
		`<http://a> <http://b> <http://\u0020> .`, // escaped space in IRI
		`_: <http://b> <http://c> .`,              // empty label
		"<http://a> <http://b> \"\xff\" .",        // invalid UTF-8
		`<http://a> <http://b> <http://c> <http://g> <http://h> .`,
	} {
		if _, err := rdfc.ParseNQuads(bad); !errors.Is(err, rdfc.ErrSyntax) {
			t.Errorf("%q: want ErrSyntax, got %v", bad, err)
		}
	}
}

func TestParseAndSerialize(t *testing.T) {
	src := "# comment\n\n<http://a> <http://b> \"x\\ty\\u0001\"@en-GB <http://g> . # trailing\r\n" +
		"_:b0.x <http://b> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer>.\n" +
		"_:b1 <http://b> \"s\"^^<http://www.w3.org/2001/XMLSchema#string> _:g .\n"
	qs, err := rdfc.ParseNQuads(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 3 || qs[0].Object.Language != "en-GB" || qs[1].Subject.Value != "b0.x" || qs[2].Object.Datatype != "" {
		t.Fatalf("parsed %#v", qs)
	}
	want := "<http://a> <http://b> \"x\\ty\\u0001\"@en-GB <http://g> .\n" +
		"_:b0.x <http://b> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n" +
		"_:b1 <http://b> \"s\" _:g .\n"
	if got := rdfc.SerializeNQuads(qs); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestCanonicalizeOptions(t *testing.T) {
	qs, _ := rdfc.ParseNQuads(`_:a <http://p> _:b .
_:b <http://p> _:a .
`)
	if _, err := rdfc.Canonicalize(qs, rdfc.Options{Hash: crypto.MD5}); !errors.Is(err, rdfc.ErrUnsupportedHash) {
		t.Errorf("MD5: %v", err)
	}
	r, err := rdfc.Canonicalize(qs, rdfc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.NQuads(), "_:c14n0 <http://p> _:c14n1 .\n_:c14n1 <http://p> _:c14n0 .\n"; got != want {
		t.Errorf("got %q", got)
	}
	if _, err := rdfc.Canonicalize(qs, rdfc.Options{MaxWork: 1}); !errors.Is(err, rdfc.ErrTooComplex) {
		t.Errorf("MaxWork 1: want ErrTooComplex, got %v", err)
	}
}

// TestPoisonRefused: the poison clique of the suite (test074) and a larger
// clique are refused by the default bound.
func TestPoisonRefused(t *testing.T) {
	var b strings.Builder
	const n = 14
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i != j {
				b.WriteString("_:n" + string(rune('a'+i)) + " <http://p> _:n" + string(rune('a'+j)) + " .\n")
			}
		}
	}
	qs, err := rdfc.ParseNQuads(b.String())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rdfc.Canonicalize(qs, rdfc.Options{}); !errors.Is(err, rdfc.ErrTooComplex) {
		t.Fatalf("clique of %d: want ErrTooComplex, got %v", n, err)
	}
}

// TestDuplicatesRemoved: repeated quads count once, in small and in large
// datasets (which take the hashed path).
func TestDuplicatesRemoved(t *testing.T) {
	for _, n := range []int{10, 200} {
		var b strings.Builder
		for rep := 0; rep < 3; rep++ {
			for i := 0; i < n; i++ {
				fmt.Fprintf(&b, "_:s%d <http://p> \"%d\" .\n<http://a> <http://q> _:s%d .\n", i, i, i)
			}
		}
		qs, err := rdfc.ParseNQuads(b.String())
		if err != nil {
			t.Fatal(err)
		}
		r, err := rdfc.Canonicalize(qs, rdfc.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Lines) != 2*n || len(r.Quads) != 2*n || len(r.Labels) != n {
			t.Errorf("n=%d: %d lines, %d quads, %d labels", n, len(r.Lines), len(r.Quads), len(r.Labels))
		}
	}
}

// TestLabelsDeterministic: blank nodes that cannot be told apart (a circle)
// get their labels in input order, every time.
func TestLabelsDeterministic(t *testing.T) {
	qs, _ := rdfc.ParseNQuads("_:x <http://p> _:y .\n_:y <http://p> _:x .\n")
	for i := 0; i < 50; i++ {
		r, err := rdfc.Canonicalize(qs, rdfc.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if r.Labels["x"] != "c14n0" || r.Labels["y"] != "c14n1" {
			t.Fatalf("run %d: labels %v", i, r.Labels)
		}
	}
}

// cycle returns a directed cycle of n blank nodes, which first-degree
// hashes cannot tell apart.
func cycle(n int) []rdfc.Quad {
	qs := make([]rdfc.Quad, n)
	for i := range qs {
		qs[i] = rdfc.Quad{Subject: rdfc.Blank(fmt.Sprint("n", i)), Predicate: rdfc.IRI("http://p"), Object: rdfc.Blank(fmt.Sprint("n", (i+1)%n))}
	}
	return qs
}

// TestLargeCycleRefused: work is counted in proportion to its cost, so a
// large symmetric graph is refused by the same bound as the poison clique
// (its cost is measured by BenchmarkCycleRefused), while a small one is fine.
func TestLargeCycleRefused(t *testing.T) {
	if _, err := rdfc.Canonicalize(cycle(2000), rdfc.Options{}); !errors.Is(err, rdfc.ErrTooComplex) {
		t.Fatalf("cycle of 2000: want ErrTooComplex, got %v", err)
	}
	r, err := rdfc.Canonicalize(cycle(8), rdfc.Options{})
	if err != nil || len(r.Lines) != 8 {
		t.Fatalf("cycle of 8: %v", err)
	}
}

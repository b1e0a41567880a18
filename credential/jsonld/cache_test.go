package jsonld

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestContextCacheBounded: documents that apply scoped contexts in ever new
// combinations do not grow the cache past its bound, and results stay right
// once the cache is full.
func TestContextCacheBounded(t *testing.T) {
	ctx := map[string]any{"@vocab": "http://ex.org/"}
	for i := 0; i < 40; i++ {
		ctx[fmt.Sprint("T", i)] = map[string]any{"@id": fmt.Sprint("http://ex.org/T", i),
			"@context": map[string]any{fmt.Sprint("p", i): fmt.Sprint("http://scoped.org/p", i)}}
		ctx[fmt.Sprint("q", i)] = map[string]any{"@id": fmt.Sprint("http://ex.org/q", i),
			"@context": map[string]any{fmt.Sprint("r", i): fmt.Sprint("http://scoped.org/r", i)}}
	}
	raw, err := json.Marshal(map[string]any{"@context": ctx})
	if err != nil {
		t.Fatal(err)
	}
	const bound = 50
	p := New(WithContext("https://ex.org/ctx", raw), WithLimits(Limits{MaxCachedContexts: bound}))
	for i := 0; i < 300; i++ {
		// property-scoped terms nested in a different order in every document
		inner := map[string]any{"@type": fmt.Sprint("T", i%40), fmt.Sprint("p", i%40): "v"}
		for d := 0; d < 4; d++ {
			inner = map[string]any{fmt.Sprint("q", (i*7+d*13)%40): inner}
		}
		inner["@context"] = "https://ex.org/ctx"
		inner["@id"] = "http://ex.org/s"
		out, err := p.Canonicalize(inner)
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("<http://scoped.org/p%d> \"v\"", i%40); !strings.Contains(out, want) {
			t.Fatalf("document %d: %q missing in\n%s", i, want, out)
		}
	}
	if n := p.nCached.Load(); n != bound {
		t.Errorf("%d contexts cached, want the bound %d", n, bound)
	}
}

// TestScopedContextValidationBounded: an inline context whose many terms
// each name a large remote context as scoped context (validated when
// defined) is refused by the term definition bound instead of running long.
func TestScopedContextValidationBounded(t *testing.T) {
	ctx := map[string]any{}
	for i := 0; i < 2000; i++ {
		ctx[fmt.Sprint("t", i)] = map[string]any{"@id": fmt.Sprint("http://ex.org/t", i),
			"@context": "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"}
	}
	doc := map[string]any{"@context": ctx, "@id": "http://ex.org/s", "t1": "x"}
	if _, err := Default.Canonicalize(doc); !errors.Is(err, ErrTooComplex) {
		t.Fatalf("want ErrTooComplex, got %v", err)
	}
}

// TestEmbeddedContextsNative: every embedded context is processed by the
// native engine (no silent fallback to json-gold for any of them).
func TestEmbeddedContextsNative(t *testing.T) {
	for _, u := range ContextURLs() {
		p := New()
		if _, err := p.nativeToRDF(map[string]any{"@context": u, "@id": "http://ex.org/s"}, 0); err != nil {
			t.Errorf("%s: %v", u, err)
		}
	}
}

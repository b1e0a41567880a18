package jsonld

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func parseDoc(t testing.TB, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("bad test JSON %s: %v", s, err)
	}
	return m
}

// edgeDocs exercise JSON-LD features beyond the credential vectors; the
// native engine must agree with json-gold on each.
var edgeDocs = map[string]string{
	"language default and null": `{"@context": {"@vocab": "http://ex.org/", "@language": "FI", "plain": {"@id": "http://ex.org/plain", "@language": null}},
		"@id": "http://ex.org/s", "a": "hei", "plain": "x", "n": 5}`,
	"language map": `{"@context": {"@vocab": "http://ex.org/", "label": {"@container": "@language"}},
		"@id": "http://ex.org/s", "label": {"fi": "Hei", "EN": ["Hi", "Hello"], "@none": "?"}}`,
	"lists": `{"@context": {"@vocab": "http://ex.org/", "l": {"@container": "@list"}},
		"@id": "http://ex.org/s", "l": [1, 2.5, true, "x", {"@id": "http://ex.org/o"}, {"q": 1}], "e": {"@list": []}}`,
	"numbers": `{"@context": {"@vocab": "http://ex.org/", "dbl": {"@type": "http://www.w3.org/2001/XMLSchema#double"}},
		"@id": "http://ex.org/s", "b": -0, "c": 3.0, "d": 1.5e-7, "e": -12.25, "f": 1e300, "dbl": 7, "g": false}`,
	"json literal": `{"@context": {"@vocab": "http://ex.org/", "j": {"@type": "@json"}},
		"@id": "http://ex.org/s", "j": {"b": [1, 2.5, "ä€"], "a": "x\u0001", "c": {"z": 1, "y": true}}}`,
	"compact IRIs and datatypes": `{"@context": {"ex": "http://ex.org/", "xsd": "http://www.w3.org/2001/XMLSchema#",
		"d": {"@id": "ex:d", "@type": "xsd:date"}, "r": {"@id": "ex:r", "@type": "@id"}},
		"@id": "ex:s", "d": "2020-01-01", "ex:p": {"@id": "ex:o"}, "r": "ex:target", "@type": "ex:T"}`,
	"type-scoped context does not propagate": `{"@context": {"@vocab": "http://ex.org/", "T": {"@id": "http://ex.org/T", "@context": {"p": "http://scoped.org/p"}}},
		"@id": "http://ex.org/s", "@type": "T", "p": "a", "child": {"p": "b", "@type": "U"}}`,
	"property-scoped context propagates": `{"@context": {"@vocab": "http://ex.org/", "q": {"@id": "http://ex.org/q", "@context": {"r": "http://scoped.org/r"}}},
		"@id": "http://ex.org/s", "q": {"r": "x", "inner": {"r": "y"}}}`,
	"named graph and blank nodes": `{"@context": {"@vocab": "http://ex.org/"}, "@id": "http://ex.org/g",
		"@graph": [{"@id": "_:x", "p": {"@id": "_:y"}}, {"@id": "_:y", "p": {"@id": "_:x"}, "v": "w"}]}`,
	"top-level graph": `{"@context": {"@vocab": "http://ex.org/"}, "@graph": [{"@id": "http://ex.org/a", "p": 1}, {"@id": "http://ex.org/b", "p": 2}]}`,
	"vocab-typed values": `{"@context": {"@vocab": "http://ex.org/", "k": {"@type": "@vocab"}, "Foo": "http://other.org/Foo"},
		"@id": "http://ex.org/s", "k": ["Foo", "Bar"]}`,
	"set and value objects": `{"@context": {"@vocab": "http://ex.org/"}, "@id": "http://ex.org/s",
		"s": {"@set": [1, 2]}, "v": [{"@value": "x", "@language": "en"}, {"@value": "5", "@type": "http://www.w3.org/2001/XMLSchema#integer"}], "nul": null}`,
	"embedded contexts": `{"@context": ["https://www.w3.org/ns/credentials/v2", {"ex": "https://example.org/"}],
		"type": ["VerifiableCredential"], "issuer": "did:example:1", "credentialSubject": {"@context": {"loc": "ex:local"}, "id": "did:example:2", "loc": "x\ty\"z"}}`,
	"propagate false": `{"@context": {"@vocab": "http://ex.org/", "c": {"@id": "http://ex.org/c", "@context": {"@propagate": false, "r": "http://scoped.org/r"}}},
		"@id": "http://ex.org/s", "c": {"r": "1", "d": {"r": "2"}}}`,
	"graph container": `{"@context": {"@vocab": "http://ex.org/", "g": {"@id": "http://ex.org/g", "@container": "@graph"}},
		"@id": "http://ex.org/s", "g": [{"@id": "http://ex.org/a", "p": 1}, {"p": 2}]}`,
	"reverse and included": `{"@context": {"@vocab": "http://ex.org/", "r": {"@reverse": "http://ex.org/p"}, "rs": {"@reverse": "http://ex.org/q", "@container": "@set"}},
		"@id": "http://ex.org/s", "r": [{"@id": "http://ex.org/o1"}, {"name": "anon"}], "rs": {"@id": "http://ex.org/o2"},
		"@reverse": {"http://ex.org/x": {"@id": "http://ex.org/o3", "v": 1}},
		"@included": [{"@id": "http://ex.org/i", "w": 2}]}`,
	"index maps": `{"@context": {"@vocab": "http://ex.org/", "ix": {"@container": "@index"}, "gx": {"@container": ["@graph", "@index"]}},
		"@id": "http://ex.org/s", "ix": {"en": "hello", "fi": ["moi", {"@id": "http://ex.org/o"}], "@none": 3}, "gx": {"g1": {"@id": "http://ex.org/a", "p": 1}}}`,
	"id maps": `{"@context": {"@vocab": "http://ex.org/", "idm": {"@container": "@id"}, "gid": {"@container": ["@graph", "@id"]}},
		"@id": "http://ex.org/s", "idm": {"http://ex.org/a": {"p": 1}, "_:b": {"p": 2}, "@none": {"p": 3}}, "gid": {"http://ex.org/g": {"@id": "http://ex.org/n", "p": 4}}}`,
	"status list": `{"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "https://ex.org/sl", "type": ["VerifiableCredential", "BitstringStatusListCredential"],
		"issuer": "did:example:1", "credentialSubject": {"id": "https://ex.org/sl#list", "type": "BitstringStatusList", "statusPurpose": "revocation", "encodedList": "uH4sI"}}`,
}

func TestEdgeCasesMatchJSONGold(t *testing.T) {
	p := New()
	for name, src := range edgeDocs {
		t.Run(name, func(t *testing.T) {
			nq, err := p.nativeToRDF(parseDoc(t, src), 0)
			if err != nil {
				t.Fatalf("native: %v", err)
			}
			gq, err := p.goldToRDF(parseDoc(t, src))
			if err != nil {
				t.Fatalf("json-gold: %v", err)
			}
			if n, g := canonOf(t, nq), canonOf(t, gq); n != g {
				t.Errorf("native:\n%s\njson-gold:\n%s", n, g)
			}
			if len(nq) == 0 {
				t.Error("no quads")
			}
		})
	}
}

// TestGuards checks the errors that keep data from going unsigned.
func TestGuards(t *testing.T) {
	small := New(WithLimits(Limits{MaxDepth: 8, MaxValues: 200, MaxBlankNodes: 5, MaxStringBytes: 1000}))
	deep := `{"@context": {"@vocab": "http://ex.org/"}, "a": ` + strings.Repeat(`{"a": `, 10) + `1` + strings.Repeat(`}`, 10) + `}`
	var many strings.Builder
	many.WriteString(`{"@context": {"@vocab": "http://ex.org/"}, "a": [`)
	for i := 0; i < 300; i++ {
		if i > 0 {
			many.WriteString(",")
		}
		many.WriteString(`1`)
	}
	many.WriteString(`]}`)
	for _, c := range []struct {
		name, doc string
		want      error
		mention   string
	}{
		{"unknown context", `{"@context": "https://example.org/unknown-context.jsonld", "name": "x"}`, ErrUnknownContext, "https://example.org/unknown-context.jsonld"},
		{"unknown nested context", `{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": "VerifiableCredential", "credentialSubject": {"@context": "https://evil.example/ctx", "a": 1}}`, ErrUnknownContext, "https://evil.example/ctx"},
		{"undefined term", `{"@context": "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "id": "urn:x:1", "nmae": "typo"}`, ErrDataLoss, "nmae"},
		{"term mapped to null", `{"@context": {"@vocab": "http://ex.org/", "secret": null}, "@id": "urn:x:1", "secret": "x"}`, ErrDataLoss, "secret"},
		{"undefined type", `{"@context": {"name": "http://schema.org/name"}, "@id": "urn:x:1", "@type": "Badge", "name": "x"}`, ErrRelativeIRI, "Badge"},
		{"relative id", `{"@context": {"@vocab": "http://ex.org/"}, "@id": "credentials/1", "a": 1}`, ErrRelativeIRI, "credentials/1"},
		{"relative id value", `{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": "VerifiableCredential", "issuer": "issuers/1"}`, ErrRelativeIRI, "issuers/1"},
		{"relative datatype", `{"@context": {"d": {"@id": "http://ex.org/d", "@type": "date"}}, "d": "x"}`, ErrRelativeIRI, "date"},
		{"protected redefinition", `{"@context": ["https://www.w3.org/ns/credentials/v2", {"name": "http://evil.example/name"}], "name": "x"}`, ErrInvalid, "name"},
		{"free-floating value", `{"@context": {"@vocab": "http://ex.org/"}, "@graph": ["x"]}`, ErrDataLoss, ""},
		{"value in a graph", `{"@context": {"@vocab": "http://ex.org/", "g": {"@container": "@graph"}}, "@id": "urn:x:1", "g": "just a string"}`, ErrDataLoss, ""},
		{"too deep", deep, ErrTooComplex, "deeper"},
		{"too many values", many.String(), ErrTooComplex, "values"},
		{"too many blank nodes", `{"@context": {"@vocab": "http://ex.org/"}, "a": [{"b": 1}, {"b": 2}, {"b": 3}, {"b": 4}, {"b": 5}, {"b": 6}]}`, ErrTooComplex, "blank nodes"},
		{"too many string bytes", `{"@context": {"@vocab": "http://ex.org/"}, "a": "` + strings.Repeat("x", 1200) + `"}`, ErrTooComplex, "bytes"},
		{"bad language tag", `{"@context": {"@vocab": "http://ex.org/"}, "a": {"@value": "x", "@language": "not a tag"}}`, ErrDataLoss, "language tag"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := small.Canonicalize(parseDoc(t, c.doc))
			if !errors.Is(err, c.want) {
				t.Fatalf("want %v, got %v", c.want, err)
			}
			if !strings.Contains(err.Error(), c.mention) {
				t.Errorf("error %q does not mention %q", err, c.mention)
			}
		})
	}
}

// TestContextsEmbedded checks the embedded context set and the digest the
// VC Data Model 2.0 Recommendation publishes for its context.
func TestContextsEmbedded(t *testing.T) {
	for _, u := range []string{
		"https://www.w3.org/ns/credentials/v2",
		"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
		"https://w3id.org/security/data-integrity/v2",
		"https://www.w3.org/ns/credentials/status/v1",
	} {
		if _, ok := ContextDocument(u); !ok {
			t.Errorf("%s not embedded", u)
		}
	}
	if len(ContextURLs()) < 20 {
		t.Errorf("only %d contexts", len(ContextURLs()))
	}
	b, _ := ContextDocument("https://www.w3.org/ns/credentials/v2")
	if got := sha256hex(b); got != "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734" {
		t.Errorf("credentials v2 context digest %s", got)
	}
}

// TestLargeIntegers: JSON-LD 1.1 writes integral numbers below 10^21 as
// xsd:integer (json-gold turns those beyond int64 into doubles).
func TestLargeIntegers(t *testing.T) {
	got, err := Default.Canonicalize(parseDoc(t, `{"@context": {"@vocab": "http://ex.org/"}, "@id": "http://ex.org/s", "a": 1e20, "b": 1e21}`))
	if err != nil {
		t.Fatal(err)
	}
	want := `<http://ex.org/s> <http://ex.org/a> "100000000000000000000"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://ex.org/s> <http://ex.org/b> "1.0E21"^^<http://www.w3.org/2001/XMLSchema#double> .
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestFallback: features the native engine leaves to json-gold still
// convert correctly and keep the guards.
func TestFallback(t *testing.T) {
	doc := parseDoc(t, `{"@context": {"@vocab": "http://ex.org/", "m": {"@container": "@type"}}, "@id": "http://ex.org/s", "m": {"http://ex.org/T": {"@id": "http://ex.org/o", "v": 1}}}`)
	if _, err := Default.nativeToRDF(doc, 0); !errors.Is(err, errUnsupported) {
		t.Fatalf("native engine: want errUnsupported, got %v", err)
	}
	got, err := Default.Canonicalize(doc)
	if err != nil {
		t.Fatal(err)
	}
	if want := "<http://ex.org/o> <http://ex.org/v> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n<http://ex.org/o> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex.org/T> .\n<http://ex.org/s> <http://ex.org/m> <http://ex.org/o> .\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	bad := parseDoc(t, `{"@context": {"m": {"@id": "http://ex.org/m", "@container": "@type"}}, "@id": "http://ex.org/s", "undefinedTerm": 1}`)
	if _, err := Default.Canonicalize(bad); !errors.Is(err, ErrDataLoss) {
		t.Errorf("fallback: want ErrDataLoss, got %v", err)
	}
	rel := parseDoc(t, `{"@context": {"@vocab": "http://ex.org/", "m": {"@container": "@type"}}, "@id": "relative", "a": 1}`)
	if _, err := Default.Canonicalize(rel); !errors.Is(err, ErrRelativeIRI) {
		t.Errorf("fallback: want ErrRelativeIRI, got %v", err)
	}
}

// TestJSONNumbers: documents decoded with json.Decoder.UseNumber give the
// same canonical form as with float64 numbers.
func TestJSONNumbers(t *testing.T) {
	src := `{"@context": {"@vocab": "http://ex.org/", "j": {"@type": "@json"}}, "@id": "http://ex.org/s",
		"i": 42, "f": 2.5, "big": 1e20, "j": {"n": 1.0, "m": [3, 0.1]}, "v": {"@value": 7}}`
	want, err := Default.Canonicalize(parseDoc(t, src))
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(strings.NewReader(src))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	got, err := Default.Canonicalize(doc)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("UseNumber:\n%s\nfloat64:\n%s", got, want)
	}
	if !strings.Contains(got, `"{\"m\":[3,0.1],\"n\":1}"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON>`) {
		t.Errorf("JSON literal not canonical:\n%s", got)
	}
}

// TestInputNotModified: canonicalizing (natively or through the fallback)
// leaves the caller's document as it was.
func TestInputNotModified(t *testing.T) {
	for _, src := range []string{edgeDocs["lists"], edgeDocs["embedded contexts"], edgeDocs["reverse and included"],
		`{"@context": {"@vocab": "http://ex.org/", "m": {"@container": "@type"}}, "@id": "http://ex.org/s", "m": {"http://ex.org/T": {"@id": "http://ex.org/o", "v": 1}}}`} {
		doc, orig := parseDoc(t, src), parseDoc(t, src)
		if _, err := Default.Canonicalize(doc); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(doc, orig) {
			t.Errorf("document modified:\n%v\n%v", doc, orig)
		}
	}
}

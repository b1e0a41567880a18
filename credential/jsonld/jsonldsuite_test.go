package jsonld

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pokot/pokot/credential/rdfc"
)

const suiteDir = "testdata/jsonld-api/"

type suiteTest struct {
	ID     string         `json:"@id"`
	Type   []string       `json:"@type"`
	Name   string         `json:"name"`
	Input  string         `json:"input"`
	Expect string         `json:"expect"`
	Option map[string]any `json:"option"`
}

// TestJSONLDToRDFSuite runs the W3C JSON-LD 1.1 toRdf tests through the
// native engine. There is no document base IRI, and safe mode refuses by
// design what JSON-LD would drop (relative IRIs, undefined terms); every
// test answered must match the expected output exactly, and every negative
// test must fail. Tests using features the native engine leaves to json-gold
// go through the fallback, which must answer correctly or fail.
func TestJSONLDToRDFSuite(t *testing.T) {
	b, err := os.ReadFile(suiteDir + "toRdf-manifest.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		BaseIRI  string      `json:"baseIri"`
		Sequence []suiteTest `json:"sequence"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	// Remote contexts of the suite are served from the local copies.
	var opts []Option
	files, _ := filepath.Glob(suiteDir + "toRdf/*.jsonld")
	sub, _ := filepath.Glob(suiteDir + "toRdf/*/*.jsonld")
	files = append(files, sub...)
	for _, f := range files {
		if strings.HasSuffix(f, "-in.jsonld") {
			continue
		}
		data, _ := os.ReadFile(f)
		// Also under the path relative to the test inputs, as the tests
		// refer to them (there is no document base IRI here).
		opts = append(opts, WithContext(m.BaseIRI+strings.TrimPrefix(f, suiteDir), data),
			WithContext(strings.TrimPrefix(f, suiteDir+"toRdf/"), data))
	}
	p := New(opts...)
	counts := map[string]int{}
	for _, tc := range m.Sequence {
		if skipSuiteTest(tc) {
			counts["skipped (options)"]++
			continue
		}
		t.Run(strings.TrimPrefix(tc.ID, "#")+" "+tc.Name, func(t *testing.T) {
			raw, err := os.ReadFile(suiteDir + tc.Input)
			if err != nil {
				t.Fatal(err)
			}
			var doc map[string]any
			if json.Unmarshal(raw, &doc) != nil {
				counts["skipped (input is not a JSON object)"]++
				return
			}
			quads, err := p.nativeToRDF(doc, 0)
			if err == nil {
				err = checkDataset(quads, p.limits)
			}
			negative := tc.Type[0] == "jld:NegativeEvaluationTest"
			if errors.Is(err, errUnsupported) {
				// The processor falls back to json-gold: its answer must be
				// right or an error too.
				fq, ferr := p.ToRDF(doc)
				switch {
				case negative && ferr == nil:
					t.Errorf("negative test accepted by the json-gold fallback")
				case negative:
					counts["negative, refused (fallback)"]++
				case ferr != nil:
					counts["left to json-gold, which fails"]++
				case tc.Type[0] == "jld:PositiveSyntaxTest":
					counts["left to json-gold, syntax accepted"]++
				default:
					want, err := os.ReadFile(suiteDir + tc.Expect)
					if err != nil {
						t.Fatal(err)
					}
					wq, err := rdfc.ParseNQuads(string(want))
					if err != nil {
						t.Fatal(err)
					}
					if got, want := canonOf(t, fq), canonOf(t, wq); got != want {
						t.Errorf("json-gold fallback\ngot:\n%s\nwant:\n%s", got, want)
					} else {
						counts["left to json-gold, passed"]++
					}
				}
				return
			}
			switch {
			case negative && err != nil:
				counts["negative, refused"]++
			case negative:
				t.Errorf("negative test produced output:\n%s", rdfc.SerializeNQuads(quads))
			case errors.Is(err, ErrUnsupported):
				counts["refused: unsupported feature"]++
			case errors.Is(err, ErrUnknownContext) && relativeContextRef(err):
				// A context named by a relative reference, with no
				// document base IRI to resolve it against.
				counts["refused: relative context reference"]++
			case errors.Is(err, ErrRelativeIRI) || errors.Is(err, ErrDataLoss):
				counts["refused by safe mode"]++
				if os.Getenv("SUITE_VERBOSE") != "" {
					t.Logf("refused: %v", err)
				}
			case err != nil:
				t.Errorf("unexpected error %v", err)
			case tc.Type[0] == "jld:PositiveSyntaxTest":
				counts["syntax, accepted"]++
			default:
				want, err := os.ReadFile(suiteDir + tc.Expect)
				if err != nil {
					t.Fatal(err)
				}
				wq, err := rdfc.ParseNQuads(string(want))
				if err != nil {
					t.Fatalf("expected output: %v", err)
				}
				got, want2 := canonOf(t, quads), canonOf(t, wq)
				if got != want2 {
					t.Errorf("got:\n%s\nwant:\n%s", got, want2)
					return
				}
				counts["passed"]++
			}
		})
	}
	t.Logf("%v", counts)
	if counts["passed"] < 150 {
		t.Errorf("only %d tests passed", counts["passed"])
	}
}

func skipSuiteTest(tc suiteTest) bool {
	for k, v := range tc.Option {
		switch k {
		case "specVersion":
			if v == "json-ld-1.0" {
				return true
			}
		case "useJCS", "normative":
		default: // base, processingMode, produceGeneralizedRdf, rdfDirection, expandContext
			return true
		}
	}
	return false
}

// relativeContextRef reports whether an unknown-context error names a
// relative reference.
func relativeContextRef(err error) bool {
	_, after, _ := strings.Cut(err.Error(), ErrUnknownContext.Error()+": ")
	ref, _, _ := strings.Cut(after, " ")
	return ref != "" && !rdfc.HasScheme(ref)
}

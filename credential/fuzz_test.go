package credential_test

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"os"
	"testing"
	"time"

	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/bake"
)

// FuzzVerifyInput feeds arbitrary bytes to input detection, parsing and the
// whole offline Verifier: it must never panic, must report at least one
// check per credential, and must never call an input verified unless every
// check passed.
func FuzzVerifyInput(f *testing.F) {
	kp := mustKey(f, w3cSeed)
	signed, err := credential.Sign(typicalBadge(f), kp, credential.SignOptions{Created: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		f.Fatal(err)
	}
	js, _ := json.Marshal(signed)
	jwt, err := credential.SignJWT(typicalBadge(f), kp, credential.SignOptions{})
	if err != nil {
		f.Fatal(err)
	}
	svg, _ := bake.SVG([]byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), js)
	f.Add(js)
	f.Add([]byte(jwt))
	f.Add(svg)
	f.Add(append(append(append([]byte{}, js...), '\n'), jwt...))
	f.Add([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"))
	f.Add([]byte(`{"@context":["https://www.w3.org/ns/credentials/v2"],"type":"VerifiableCredential","proof":{"type":"DataIntegrityProof"}}`))
	f.Add([]byte("eyJhbGciOiJFZERTQSJ9.e30.AA"))
	// Proof sets and chains: the issuer's proof and an endorser's, and the W3C chain vector.
	set, err := credential.Sign(signed, mustKey(f, endorserSeed), credential.SignOptions{Created: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		f.Fatal(err)
	}
	setJS, _ := json.Marshal(set)
	f.Add(setJS)
	chain, err := os.ReadFile("testdata/vc-di-eddsa/proof-set-chain/signedProofChain2.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(chain)
	v := &credential.Verifier{Now: func() time.Time { return time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC) }}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, r := range v.VerifyInput(context.Background(), "fuzz", data) {
			if len(r.Checks) == 0 {
				t.Fatalf("%s: no checks", r.Source)
			}
			if r.Verified && len(r.Failed()) > 0 {
				t.Fatalf("%s: verified with failed checks %+v", r.Source, r.Failed())
			}
		}
	})
}

func TestItemsDetection(t *testing.T) {
	kp := mustKey(t, w3cSeed)
	signed, _ := credential.Sign(typicalBadge(t), kp, credential.SignOptions{})
	js, _ := json.Marshal(signed)
	jwt, _ := credential.SignJWT(typicalBadge(t), kp, credential.SignOptions{})
	png, err := bake.PNG(testPNG(t), js)
	if err != nil {
		t.Fatal(err)
	}
	svg, _ := bake.SVG([]byte(`<svg xmlns="http://www.w3.org/2000/svg"></svg>`), []byte(jwt))
	pretty, _ := json.MarshalIndent(signed, "", "  ")
	cases := []struct {
		name string
		data []byte
		kind string
		n    int
	}{
		{"a.json", pretty, credential.KindJSON, 1},
		{"a.txt", js, credential.KindJSON, 1},
		{"a.jsonl", js, credential.KindJSONLines, 1},
		{"two.json", append(append(append([]byte{}, js...), '\n'), js...), credential.KindJSONLines, 2},
		{"a.jwt", []byte(jwt + "\n"), credential.KindJWT, 1},
		{"jwts", []byte(jwt + "\n" + jwt + "\n"), credential.KindJSONLines, 2},
		{"a.png", png, credential.KindPNG, 1},
		{"a.svg", svg, credential.KindSVG, 1},
	}
	v := &credential.Verifier{}
	for _, c := range cases {
		if k := credential.Detect(c.name, c.data); k != c.kind {
			t.Errorf("%s: detected %q, want %q", c.name, k, c.kind)
		}
		rs := v.VerifyInput(context.Background(), c.name, c.data)
		if len(rs) != c.n {
			t.Fatalf("%s: %d results", c.name, len(rs))
		}
		for _, r := range rs {
			if !r.Verified {
				t.Errorf("%s (%s): %+v", c.name, r.Source, r.Failed())
			}
		}
	}
	for _, bad := range [][]byte{nil, []byte("hello"), []byte("\x89PNG\r\n\x1a\nbroken"), []byte("<html></html>")} {
		rs := v.VerifyInput(context.Background(), "bad", bad)
		if len(rs) != 1 || rs[0].Verified || rs[0].Checks[0].Name != "parse" || rs[0].Checks[0].OK {
			t.Errorf("%q: %+v", bad, rs)
		}
	}
	big := make([]byte, credential.MaxInputBytes+1)
	big[0] = '{'
	if rs := v.VerifyInput(context.Background(), "big", big); len(rs) != 1 || rs[0].Verified {
		t.Errorf("oversized input: %+v", rs)
	}
}

func testPNG(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	img.Set(1, 1, color.RGBA{0, 90, 160, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

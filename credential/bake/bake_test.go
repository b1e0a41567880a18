package bake_test

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"encoding/xml"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"github.com/pokot/pokot/credential/bake"
)

const jwt = "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6a2V5OnoifQ.c2lnbmF0dXJl"

// A credential whose text contains "]]>" and markup characters.
const jsonCred = `{"@context":["https://www.w3.org/ns/credentials/v2"],"name":"A ]]> B <x> & \"q\"","credentialSubject":{"id":"did:example:1"}}`

func testPNG(t testing.TB) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 8, 8))
	for i := 0; i < 8; i++ {
		img.Set(i, i, color.NRGBA{R: 200, A: 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func countITXt(t *testing.T, data []byte) int {
	t.Helper()
	n := 0
	for p := 8; p+8 <= len(data); {
		l := int(binary.BigEndian.Uint32(data[p:]))
		if string(data[p+4:p+8]) == "iTXt" && bytes.HasPrefix(data[p+8:], []byte(bake.Keyword+"\x00")) {
			n++
		}
		p += 12 + l
	}
	return n
}

func TestPNGRoundTrip(t *testing.T) {
	orig := testPNG(t)
	for _, cred := range []string{jsonCred, jwt} {
		baked, err := bake.PNG(orig, []byte(cred))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := png.Decode(bytes.NewReader(baked)); err != nil {
			t.Fatalf("baked PNG does not decode: %v", err)
		}
		got, err := bake.ExtractPNG(baked)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != cred {
			t.Fatalf("extracted %q, want %q", got, cred)
		}
		if got, _ := bake.Extract(baked); string(got) != cred {
			t.Fatal("Extract differs from ExtractPNG")
		}
		// The chunk is iTXt, uncompressed, right before IEND.
		i := bytes.Index(baked, []byte("iTXt"+bake.Keyword+"\x00\x00\x00\x00\x00"))
		if i < 0 {
			t.Fatal("no uncompressed iTXt chunk with the keyword")
		}
		if !bytes.HasSuffix(baked, []byte("\x00\x00\x00\x00IEND\xae\x42\x60\x82")) {
			t.Fatal("baked PNG does not end with IEND")
		}
	}
}

func TestPNGRebakeReplaces(t *testing.T) {
	once, err := bake.PNG(testPNG(t), []byte(jsonCred))
	if err != nil {
		t.Fatal(err)
	}
	twice, err := bake.PNG(once, []byte(jwt))
	if err != nil {
		t.Fatal(err)
	}
	if n := countITXt(t, twice); n != 1 {
		t.Fatalf("%d credential chunks after re-baking, want 1", n)
	}
	got, err := bake.ExtractPNG(twice)
	if err != nil || string(got) != jwt {
		t.Fatalf("extracted %q, %v", got, err)
	}
}

func TestPNGRejects(t *testing.T) {
	orig := testPNG(t)
	corrupt := bytes.Clone(orig)
	corrupt[20] ^= 0xff // inside IHDR: the CRC no longer matches
	truncated := orig[:len(orig)-6]
	huge := append(bytes.Clone(orig[:8]), make([]byte, bake.MaxImageSize)...)
	cases := map[string]struct {
		in   []byte
		want error
	}{
		"garbage":   {[]byte("hello, not an image"), bake.ErrNotPNG},
		"empty":     {nil, bake.ErrNotPNG},
		"bad CRC":   {corrupt, bake.ErrCorrupt},
		"truncated": {truncated, bake.ErrCorrupt},
		"too large": {huge, bake.ErrTooLarge},
		"svg":       {[]byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), bake.ErrNotPNG},
	}
	for name, c := range cases {
		if _, err := bake.PNG(c.in, []byte(jwt)); !errors.Is(err, c.want) {
			t.Errorf("PNG %s: err = %v, want %v", name, err, c.want)
		}
		if _, err := bake.ExtractPNG(c.in); !errors.Is(err, c.want) {
			t.Errorf("ExtractPNG %s: err = %v, want %v", name, err, c.want)
		}
	}
	if _, err := bake.ExtractPNG(orig); !errors.Is(err, bake.ErrNoCredential) {
		t.Errorf("plain PNG: err = %v", err)
	}
	for _, cred := range []string{"", "not a credential", "a.b", strings.Repeat("{", bake.MaxCredentialSize+1)} {
		if _, err := bake.PNG(orig, []byte(cred)); err == nil {
			t.Errorf("PNG baked credential %.20q", cred)
		}
	}
}

// A chunk with a wrong CRC in a crafted iTXt is caught too.
func TestPNGExtractChecksCRC(t *testing.T) {
	baked, _ := bake.PNG(testPNG(t), []byte(jwt))
	i := bytes.Index(baked, []byte(jwt))
	baked[i] = 'X'
	if _, err := bake.ExtractPNG(baked); !errors.Is(err, bake.ErrCorrupt) {
		t.Fatalf("err = %v", err)
	}
	// And a correct CRC over the changed data makes it readable again.
	start := bytes.LastIndex(baked[:i], []byte("iTXt"))
	n := int(binary.BigEndian.Uint32(baked[start-4:]))
	binary.BigEndian.PutUint32(baked[start+4+n:], crc32.ChecksumIEEE(baked[start:start+4+n]))
	if got, err := bake.ExtractPNG(baked); err != nil || got[0] != 'X' {
		t.Fatalf("after fixing the CRC: %q, %v", got, err)
	}
}

const svgImage = `<?xml version="1.0" encoding="UTF-8"?>
<!-- a badge -->
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512">
  <circle cx="256" cy="256" r="200" fill="#1f6feb"/>
  <text x="10" y="20">Tiimityö &amp; yhteistyö</text>
</svg>
`

func credentialElements(t *testing.T, data []byte) int {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	n := 0
	for {
		tok, err := d.Token()
		if err != nil {
			if err.Error() == "EOF" {
				return n
			}
			t.Fatalf("baked SVG is not well-formed XML: %v", err)
		}
		if s, ok := tok.(xml.StartElement); ok && s.Name.Space == bake.Namespace && s.Name.Local == "credential" {
			n++
		}
	}
}

func TestSVGRoundTrip(t *testing.T) {
	for _, cred := range []string{jsonCred, jwt} {
		baked, err := bake.SVG([]byte(svgImage), []byte(cred))
		if err != nil {
			t.Fatal(err)
		}
		if credentialElements(t, baked) != 1 {
			t.Fatalf("want one credential element:\n%s", baked)
		}
		s := string(baked)
		if !strings.Contains(s, `viewBox="0 0 512 512" width="512" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential`) {
			t.Fatalf("credential element not directly after the root start tag:\n%s", s)
		}
		if strings.Count(s, "xmlns:openbadges") != 1 {
			t.Fatal("namespace not declared exactly once")
		}
		if cred == jwt && !strings.Contains(s, `<openbadges:credential verify="`+jwt+`"></openbadges:credential>`) {
			t.Fatalf("JWT not in a verify attribute:\n%s", s)
		}
		if cred == jsonCred && !strings.Contains(s, "<![CDATA[") {
			t.Fatalf("JSON not in CDATA:\n%s", s)
		}
		if !strings.Contains(s, `<circle cx="256"`) || !strings.HasPrefix(s, `<?xml version="1.0"`) {
			t.Fatal("the rest of the image was not preserved")
		}
		got, err := bake.ExtractSVG(baked)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != cred {
			t.Fatalf("extracted %q, want %q", got, cred)
		}
		var m map[string]any
		if cred == jsonCred && json.Unmarshal(got, &m) != nil {
			t.Fatal("extracted JSON does not parse")
		}
	}
}

func TestSVGRebakeReplaces(t *testing.T) {
	once, err := bake.SVG([]byte(svgImage), []byte(jsonCred))
	if err != nil {
		t.Fatal(err)
	}
	twice, err := bake.SVG(once, []byte(jwt))
	if err != nil {
		t.Fatal(err)
	}
	if n := credentialElements(t, twice); n != 1 {
		t.Fatalf("%d credential elements after re-baking:\n%s", n, twice)
	}
	if strings.Count(string(twice), "xmlns:openbadges") != 1 {
		t.Fatal("namespace declared twice")
	}
	got, err := bake.ExtractSVG(twice)
	if err != nil || string(got) != jwt {
		t.Fatalf("extracted %q, %v", got, err)
	}
}

func TestSVGSelfClosingRoot(t *testing.T) {
	baked, err := bake.SVG([]byte(`<svg xmlns="http://www.w3.org/2000/svg" width="1"/>`), []byte(jwt))
	if err != nil {
		t.Fatal(err)
	}
	if credentialElements(t, baked) != 1 {
		t.Fatalf("baked:\n%s", baked)
	}
	if got, err := bake.ExtractSVG(baked); err != nil || string(got) != jwt {
		t.Fatalf("extracted %q, %v", got, err)
	}
}

func TestSVGSpecExample(t *testing.T) {
	// The shape of the example in Open Badges 3.0 §5.3.2, with a JSON credential.
	in := `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg"
  xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"
  viewBox="0 0 512 512">
  <openbadges:credential>
    <![CDATA[
      {"id": "http://example.edu/credentials/3732", "proof": { }}
    ]]>
  </openbadges:credential>
</svg>`
	got, err := bake.ExtractSVG([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != `{"id": "http://example.edu/credentials/3732", "proof": { }}` {
		t.Fatalf("extracted %q", got)
	}
}

func TestSVGRejects(t *testing.T) {
	laughs := `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>
<svg xmlns="http://www.w3.org/2000/svg"><openbadges:credential xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">&b;</openbadges:credential></svg>`
	xxe := `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<svg xmlns="http://www.w3.org/2000/svg"><openbadges:credential xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">&x;</openbadges:credential></svg>`
	cases := map[string]string{
		"garbage":         "not xml at all <<<",
		"html":            `<html><body/></html>`,
		"svg no ns":       `<svg><g/></svg>`,
		"unclosed":        `<svg xmlns="http://www.w3.org/2000/svg"><g>`,
		"entities":        laughs,
		"external entity": xxe,
		"latin1":          `<?xml version="1.0" encoding="ISO-8859-1"?><svg xmlns="http://www.w3.org/2000/svg"/>`,
		"wrong prefix":    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://example.com/x"/>`,
	}
	for name, in := range cases {
		if _, err := bake.SVG([]byte(in), []byte(jwt)); err == nil {
			t.Errorf("SVG %s: baked", name)
		}
		if _, err := bake.ExtractSVG([]byte(in)); err == nil {
			t.Errorf("ExtractSVG %s: extracted", name)
		}
	}
	if _, err := bake.ExtractSVG([]byte(svgImage)); !errors.Is(err, bake.ErrNoCredential) {
		t.Errorf("plain SVG: err = %v", err)
	}
	if _, err := bake.SVG([]byte(svgImage), []byte("plain text")); !errors.Is(err, bake.ErrBadCredential) {
		t.Errorf("bad credential: err = %v", err)
	}
	big := []byte(`<svg xmlns="http://www.w3.org/2000/svg">` + strings.Repeat(" ", bake.MaxImageSize) + `</svg>`)
	if _, err := bake.ExtractSVG(big); !errors.Is(err, bake.ErrTooLarge) {
		t.Errorf("huge SVG: err = %v", err)
	}
}

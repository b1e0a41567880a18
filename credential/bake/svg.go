package bake

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Namespace is the XML namespace of the baked credential element in an SVG.
const Namespace = "https://purl.imsglobal.org/ob/v3p0"

const svgNamespace = "http://www.w3.org/2000/svg"

// maxSVGTokens bounds the work of one SVG parse.
const maxSVGTokens = 1 << 20

func newDecoder(data []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	// No entity other than the five predefined ones is expanded: an SVG with a DTD that
	// defines entities fails to parse instead of reaching outside or blowing up.
	d.Entity = nil
	d.CharsetReader = func(charset string, r io.Reader) (io.Reader, error) {
		switch strings.ToLower(charset) {
		case "utf-8", "utf8", "us-ascii", "ascii":
			return r, nil
		}
		return nil, fmt.Errorf("%w: unsupported encoding %q", ErrNotSVG, charset)
	}
	return d
}

func isCredentialElement(n xml.Name) bool {
	return n.Local == "credential" && (n.Space == Namespace || n.Space == "openbadges")
}

type span struct{ start, end int64 }

// svgLayout is what baking needs to know about an SVG document.
type svgLayout struct {
	rootEnd     int64  // offset just after the root start tag
	selfClosing bool   // the root is <svg … />
	hasNS       bool   // the root already binds xmlns:openbadges to Namespace
	existing    []span // <openbadges:credential> elements to remove
}

func scanSVG(data []byte) (*svgLayout, error) {
	if len(data) > MaxImageSize {
		return nil, fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, len(data), MaxImageSize)
	}
	d := newDecoder(data)
	lay := &svgLayout{}
	depth := 0
	var credStart int64 = -1
	credDepth := 0
	for n := 0; ; n++ {
		if n > maxSVGTokens {
			return nil, fmt.Errorf("%w: too many XML tokens", ErrTooLarge)
		}
		start := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNotSVG, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				if lay.rootEnd != 0 {
					return nil, fmt.Errorf("%w: more than one root element", ErrNotSVG)
				}
				if t.Name.Local != "svg" || t.Name.Space != svgNamespace {
					return nil, fmt.Errorf("%w: the root element is not an SVG <svg>", ErrNotSVG)
				}
				lay.rootEnd = d.InputOffset()
				lay.selfClosing = bytes.HasSuffix(bytes.TrimRight(data[:lay.rootEnd-1], " \t\r\n"), []byte("/"))
				for _, a := range t.Attr {
					if a.Name.Space == "xmlns" && a.Name.Local == "openbadges" {
						if a.Value != Namespace {
							return nil, fmt.Errorf("%w: the prefix openbadges is bound to %q", ErrNotSVG, a.Value)
						}
						lay.hasNS = true
					}
				}
			}
			if credStart < 0 && isCredentialElement(t.Name) {
				credStart, credDepth = start, depth
			}
			depth++
		case xml.EndElement:
			depth--
			if credStart >= 0 && depth == credDepth && isCredentialElement(t.Name) {
				lay.existing = append(lay.existing, span{credStart, d.InputOffset()})
				credStart = -1
			}
		}
	}
	if lay.rootEnd == 0 {
		return nil, fmt.Errorf("%w: no root element", ErrNotSVG)
	}
	return lay, nil
}

// SVG returns image with credential baked in: the root <svg> gets
// xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" and, directly after its start tag,
// one <openbadges:credential> element — a compact JWS in its verify attribute, a JSON
// credential in CDATA. Existing credential elements are removed.
func SVG(image, credential []byte) ([]byte, error) {
	text, err := checkCredential(credential)
	if err != nil {
		return nil, err
	}
	lay, err := scanSVG(image)
	if err != nil {
		return nil, err
	}
	var elem bytes.Buffer
	if text[0] == '{' {
		elem.WriteString("<openbadges:credential><![CDATA[")
		// "]]>" cannot occur inside CDATA: split it across two sections.
		elem.Write(bytes.ReplaceAll(text, []byte("]]>"), []byte("]]]]><![CDATA[>")))
		elem.WriteString("]]></openbadges:credential>")
	} else {
		elem.WriteString(`<openbadges:credential verify="`)
		xml.EscapeText(&elem, text)
		elem.WriteString(`"></openbadges:credential>`)
	}

	out := make([]byte, 0, len(image)+elem.Len()+64)
	// The root start tag, with the namespace declaration added before its closing bracket.
	tagEnd := lay.rootEnd - 1 // the '>'
	if lay.selfClosing {
		tagEnd = int64(bytes.LastIndexByte(image[:lay.rootEnd], '/'))
	}
	out = append(out, image[:tagEnd]...)
	if !lay.hasNS {
		out = append(out, ` xmlns:openbadges="`+Namespace+`"`...)
	}
	out = append(out, '>')
	out = append(out, elem.Bytes()...)
	if lay.selfClosing {
		out = append(out, "</svg>"...)
		out = append(out, image[lay.rootEnd:]...)
		return out, nil
	}
	pos := lay.rootEnd
	for _, s := range lay.existing {
		out = append(out, image[pos:s.start]...)
		pos = s.end
	}
	out = append(out, image[pos:]...)
	return out, nil
}

// ExtractSVG returns the credential baked into an SVG: the verify attribute or the text
// of the first <openbadges:credential> element.
func ExtractSVG(data []byte) ([]byte, error) {
	if len(data) > MaxImageSize {
		return nil, fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, len(data), MaxImageSize)
	}
	d := newDecoder(data)
	depth := 0
	for n := 0; ; n++ {
		if n > maxSVGTokens {
			return nil, fmt.Errorf("%w: too many XML tokens", ErrTooLarge)
		}
		tok, err := d.Token()
		if err == io.EOF {
			return nil, ErrNoCredential
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNotSVG, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 && (t.Name.Local != "svg" || t.Name.Space != svgNamespace) {
				return nil, fmt.Errorf("%w: the root element is not an SVG <svg>", ErrNotSVG)
			}
			depth++
			if !isCredentialElement(t.Name) {
				continue
			}
			for _, a := range t.Attr {
				if a.Name.Space == "" && a.Name.Local == "verify" {
					return checkCredential([]byte(a.Value))
				}
			}
			return credentialText(d)
		case xml.EndElement:
			depth--
		}
	}
}

// credentialText collects the character data of the current element.
func credentialText(d *xml.Decoder) ([]byte, error) {
	var buf bytes.Buffer
	for {
		tok, err := d.Token()
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNotSVG, err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			if buf.Len()+len(t) > MaxCredentialSize {
				return nil, fmt.Errorf("%w: credential larger than %d bytes", ErrTooLarge, MaxCredentialSize)
			}
			buf.Write(t)
		case xml.StartElement:
			return nil, fmt.Errorf("%w: unexpected element inside openbadges:credential", ErrBadCredential)
		case xml.EndElement:
			return checkCredential(buf.Bytes())
		}
	}
}

// Extract returns the credential baked into a PNG or SVG image, by its content.
func Extract(data []byte) ([]byte, error) {
	if bytes.HasPrefix(data, pngSignature) {
		return ExtractPNG(data)
	}
	b, err := ExtractSVG(data)
	if errors.Is(err, ErrNotSVG) {
		return nil, fmt.Errorf("%w: neither PNG nor SVG", ErrNotSVG)
	}
	return b, err
}

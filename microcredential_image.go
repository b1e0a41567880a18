package pokot

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image/png"
	"io"
	"strings"
)

// MaxBadgeImage is the largest badge image accepted, in bytes.
const MaxBadgeImage = 512 << 10

// maxBadgeSide is the largest width or height of a PNG badge, in pixels.
const maxBadgeSide = 4096

// BadgeImage is the picture of a POK's badge: PNG or sanitised SVG, with alternative text.
// Data is stored apart from the rest of the content and so is not part of its JSON.
type BadgeImage struct {
	Data      []byte `json:"-"`
	MediaType string `json:"mediaType"` // "image/png" or "image/svg+xml"
	Alt       Text   `json:"alt"`
}

func imageError(key, msg string) *Error {
	return FieldError("image", key, msg)
}

// NewBadgeImage checks an uploaded image and returns it ready to store: a PNG must decode
// (its header: signature, IHDR, sane size); an SVG is parsed and rebuilt without anything
// that could run or fetch — script, foreignObject, animation, event handler attributes,
// javascript: values, references outside the document, DOCTYPE and entities. ETOOLARGE
// ("err.mc.image_too_large") over MaxBadgeImage; EINVALID ("err.mc.image_type",
// "err.mc.image_invalid") otherwise.
func NewBadgeImage(data []byte, alt Text) (*BadgeImage, error) {
	if len(data) > MaxBadgeImage {
		return nil, &Error{Code: ETOOLARGE, Field: "image", Key: "err.mc.image_too_large",
			Message: fmt.Sprintf("the image is larger than %d KiB", MaxBadgeImage>>10)}
	}
	if bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return nil, imageError("err.mc.image_invalid", "the PNG image is damaged")
		}
		if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > maxBadgeSide || cfg.Height > maxBadgeSide {
			return nil, imageError("err.mc.image_invalid", "the PNG image is too large in pixels")
		}
		return &BadgeImage{Data: data, MediaType: "image/png", Alt: alt}, nil
	}
	trim := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if bytes.HasPrefix(trim, []byte("<")) {
		clean, err := SanitizeSVG(trim)
		if err != nil {
			return nil, err
		}
		return &BadgeImage{Data: clean, MediaType: "image/svg+xml", Alt: alt}, nil
	}
	return nil, imageError("err.mc.image_type", "the image must be PNG or SVG")
}

// svgDropped are elements removed with everything inside them.
var svgDropped = map[string]bool{
	"script": true, "foreignobject": true, "iframe": true, "embed": true, "object": true,
	"audio": true, "video": true, "handler": true, "listener": true,
	"animate": true, "animatemotion": true, "animatetransform": true, "animatecolor": true, "set": true, "discard": true,
}

// SanitizeSVG rebuilds an SVG document keeping only what cannot run or fetch. It refuses
// (EINVALID "err.mc.image_invalid") documents that are not well-formed SVG or that carry a
// DOCTYPE (entity expansion).
func SanitizeSVG(data []byte) ([]byte, error) {
	bad := func(msg string) error { return imageError("err.mc.image_invalid", msg) }
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	var out bytes.Buffer
	depth, skip, roots := 0, 0, 0
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, bad("the SVG image is not well-formed XML")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if skip > 0 {
				skip++
				continue
			}
			local := strings.ToLower(t.Name.Local)
			if depth == 1 {
				if local != "svg" {
					return nil, bad("the image is not SVG")
				}
				roots++
			}
			if svgDropped[local] {
				skip = 1
				continue
			}
			out.WriteString("<" + qname(t.Name))
			for _, a := range t.Attr {
				if !safeSVGAttr(a) {
					continue
				}
				out.WriteString(" " + qname(a.Name) + `="`)
				xml.EscapeText(&out, []byte(a.Value))
				out.WriteString(`"`)
			}
			out.WriteString(">")
		case xml.EndElement:
			depth--
			if skip > 0 {
				skip--
				continue
			}
			out.WriteString("</" + qname(t.Name) + ">")
		case xml.CharData:
			if skip == 0 && depth > 0 {
				xml.EscapeText(&out, t)
			}
		case xml.Directive:
			return nil, bad("the SVG image must not have a DOCTYPE")
		case xml.ProcInst, xml.Comment:
			// dropped: the XML declaration is implied, comments are not needed
		}
	}
	if roots != 1 || depth != 0 {
		return nil, bad("the image is not SVG")
	}
	if s := out.String(); strings.Contains(strings.ToLower(s), "<style") && unsafeCSS(s) {
		return nil, bad("the SVG style sheet refers to other documents")
	}
	return out.Bytes(), nil
}

func qname(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

// safeSVGAttr keeps presentation attributes and drops event handlers, script URLs and
// references to anything outside the document.
func safeSVGAttr(a xml.Attr) bool {
	name := strings.ToLower(a.Name.Local)
	v := strings.ToLower(strings.Join(strings.Fields(a.Value), ""))
	if strings.HasPrefix(name, "on") || strings.Contains(v, "javascript:") || strings.Contains(v, "vbscript:") {
		return false
	}
	if name == "href" || name == "src" || (name == "base" && a.Name.Space == "xml") {
		return strings.HasPrefix(v, "#")
	}
	return !unsafeCSS(v)
}

// unsafeCSS reports whether CSS text imports or refers to anything but a fragment of this
// document.
func unsafeCSS(s string) bool {
	s = strings.ToLower(strings.Join(strings.Fields(s), ""))
	if strings.Contains(s, "@import") || strings.Contains(s, "expression(") {
		return true
	}
	for i := strings.Index(s, "url("); i >= 0; i = strings.Index(s, "url(") {
		s = s[i+4:]
		if !strings.HasPrefix(strings.TrimLeft(s, `'"`), "#") {
			return true
		}
	}
	return false
}

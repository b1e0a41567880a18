// Package bake embeds an Open Badges 3.0 credential in a badge image and extracts it again
// (Open Badges 3.0 §5.3 "Baked Badge"): an iTXt chunk with the keyword
// "openbadgecredential" in a PNG, an <openbadges:credential> element in an SVG.
package bake

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"unicode/utf8"
)

// MaxImageSize is the largest image accepted for baking or extraction.
const MaxImageSize = 10 << 20

// MaxCredentialSize is the largest credential baked or extracted.
const MaxCredentialSize = 2 << 20

// Keyword is the iTXt keyword of a baked Open Badges 3.0 credential.
const Keyword = "openbadgecredential"

// Errors of the bake package; compare with errors.Is.
var (
	ErrNotPNG        = errors.New("not a PNG image")
	ErrNotSVG        = errors.New("not an SVG image")
	ErrCorrupt       = errors.New("the image is damaged")
	ErrTooLarge      = errors.New("the image or credential is too large")
	ErrNoCredential  = errors.New("the image contains no Open Badges 3.0 credential")
	ErrBadCredential = errors.New("the credential is neither JSON nor a compact JWS")
)

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

type chunk struct {
	typ  string
	data []byte
	raw  []byte // the whole chunk: length, type, data, CRC
}

// chunks splits a PNG datastream into its chunks, checking lengths and CRCs, up to and
// including IEND; anything after IEND is ignored.
func chunks(data []byte) ([]chunk, error) {
	if len(data) > MaxImageSize {
		return nil, fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, len(data), MaxImageSize)
	}
	if !bytes.HasPrefix(data, pngSignature) {
		return nil, ErrNotPNG
	}
	var out []chunk
	p := len(pngSignature)
	for {
		if len(data)-p < 12 {
			return nil, fmt.Errorf("%w: truncated chunk", ErrCorrupt)
		}
		n := binary.BigEndian.Uint32(data[p:])
		if n > 0x7fffffff || uint64(n) > uint64(len(data)-p-12) {
			return nil, fmt.Errorf("%w: chunk length past the end of the file", ErrCorrupt)
		}
		end := p + 12 + int(n)
		c := chunk{typ: string(data[p+4 : p+8]), data: data[p+8 : p+8+int(n)], raw: data[p:end]}
		for _, r := range []byte(c.typ) {
			if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
				return nil, fmt.Errorf("%w: invalid chunk type", ErrCorrupt)
			}
		}
		if crc32.ChecksumIEEE(data[p+4:end-4]) != binary.BigEndian.Uint32(data[end-4:]) {
			return nil, fmt.Errorf("%w: CRC mismatch in a %s chunk", ErrCorrupt, c.typ)
		}
		if len(out) == 0 && c.typ != "IHDR" {
			return nil, fmt.Errorf("%w: the first chunk is not IHDR", ErrNotPNG)
		}
		out = append(out, c)
		p = end
		if c.typ == "IEND" {
			return out, nil
		}
	}
}

// parseITXt parses an iTXt chunk body into its keyword and text.
func parseITXt(b []byte) (keyword string, text []byte, err error) {
	k, rest, ok := bytes.Cut(b, []byte{0})
	if !ok || len(k) == 0 || len(k) > 79 || len(rest) < 2 {
		return "", nil, fmt.Errorf("%w: malformed iTXt chunk", ErrCorrupt)
	}
	compressed, method := rest[0], rest[1]
	rest = rest[2:]
	_, rest, ok = bytes.Cut(rest, []byte{0}) // language tag
	if !ok {
		return "", nil, fmt.Errorf("%w: malformed iTXt chunk", ErrCorrupt)
	}
	_, rest, ok = bytes.Cut(rest, []byte{0}) // translated keyword
	if !ok {
		return "", nil, fmt.Errorf("%w: malformed iTXt chunk", ErrCorrupt)
	}
	switch {
	case compressed == 0:
		text = rest
	case compressed == 1 && method == 0:
		// Compression is forbidden for baking, but decompressing (bounded) costs nothing.
		zr, err := zlib.NewReader(bytes.NewReader(rest))
		if err != nil {
			return "", nil, fmt.Errorf("%w: compressed iTXt: %v", ErrCorrupt, err)
		}
		text, err = io.ReadAll(io.LimitReader(zr, MaxCredentialSize+1))
		if err != nil {
			return "", nil, fmt.Errorf("%w: compressed iTXt: %v", ErrCorrupt, err)
		}
	default:
		return "", nil, fmt.Errorf("%w: unknown iTXt compression", ErrCorrupt)
	}
	return string(k), text, nil
}

func buildITXt(text []byte) []byte {
	body := make([]byte, 0, len(Keyword)+5+len(text))
	body = append(body, Keyword...)
	body = append(body, 0, 0, 0, 0, 0) // NUL, not compressed, method 0, empty language, empty translation
	body = append(body, text...)
	out := make([]byte, 8, 12+len(body))
	binary.BigEndian.PutUint32(out, uint32(len(body)))
	copy(out[4:], "iTXt")
	out = append(out, body...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[4:]))
}

// PNG returns image with credential (the JSON credential or a compact JWS) baked in one
// uncompressed iTXt chunk "openbadgecredential" just before IEND; an existing
// credential chunk is replaced.
func PNG(image, credential []byte) ([]byte, error) {
	text, err := checkCredential(credential)
	if err != nil {
		return nil, err
	}
	cs, err := chunks(image)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(image)+len(text)+64)
	out = append(out, pngSignature...)
	for _, c := range cs {
		if c.typ == "iTXt" {
			if k, _, err := parseITXt(c.data); err == nil && k == Keyword {
				continue
			} else if err != nil && bytes.HasPrefix(c.data, []byte(Keyword+"\x00")) {
				continue // a damaged credential chunk is dropped as well
			}
		}
		if c.typ == "IEND" {
			out = append(out, buildITXt(text)...)
		}
		out = append(out, c.raw...)
	}
	return out, nil
}

// ExtractPNG returns the credential baked into a PNG: the text of the first iTXt chunk
// with the keyword "openbadgecredential".
func ExtractPNG(data []byte) ([]byte, error) {
	cs, err := chunks(data)
	if err != nil {
		return nil, err
	}
	for _, c := range cs {
		if c.typ != "iTXt" || !bytes.HasPrefix(c.data, []byte(Keyword+"\x00")) {
			continue
		}
		_, text, err := parseITXt(c.data)
		if err != nil {
			return nil, err
		}
		return checkCredential(text)
	}
	return nil, ErrNoCredential
}

// checkCredential trims the credential and checks that it is UTF-8 JSON object text or a
// compact JWS, within the size limit.
func checkCredential(b []byte) ([]byte, error) {
	if len(b) > MaxCredentialSize {
		return nil, fmt.Errorf("%w: credential of %d bytes", ErrTooLarge, len(b))
	}
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return nil, ErrNoCredential
	}
	if !utf8.Valid(b) {
		return nil, fmt.Errorf("%w: not UTF-8", ErrBadCredential)
	}
	if b[0] == '{' || isCompactJWS(b) {
		return b, nil
	}
	return nil, ErrBadCredential
}

// isCompactJWS reports whether b has the shape of a compact JWS: three base64url parts.
func isCompactJWS(b []byte) bool {
	dots := 0
	for _, c := range b {
		switch {
		case c == '.':
			dots++
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '_':
		default:
			return false
		}
	}
	return dots == 2
}

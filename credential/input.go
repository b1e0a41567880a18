package credential

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/pokot/pokot/credential/bake"
)

// Input limits: untrusted input is refused before it is parsed.
const (
	// MaxInputBytes bounds one input (a file, a JSON Lines stream, an image).
	MaxInputBytes = 64 << 20
	// MaxCredentialBytes bounds one credential (one JSON document, line or JWT).
	MaxCredentialBytes = 1 << 20
	// MaxLines bounds the number of credentials in one JSON Lines input.
	MaxLines = 1_000_000
)

// Input kinds reported by Detect.
const (
	KindJSON      = "json"
	KindJSONLines = "jsonl"
	KindJWT       = "jwt"
	KindPNG       = "png"
	KindSVG       = "svg"
)

// ErrInput is wrapped by every input-detection error.
var ErrInput = errors.New("credential: unreadable input")

// Item is one credential found in an input: its text (JSON or a compact
// JWS) or the error that prevented finding it.
type Item struct {
	Source string // e.g. "badge.png" or "creds.jsonl:3"
	Data   []byte
	Err    error
}

var jwsRE = regexp.MustCompile(`^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$`)

// Detect names the kind of input by its content; the file name's extension
// (".jsonl") only decides between one JSON document and JSON Lines when the
// content alone cannot.
func Detect(name string, data []byte) string {
	if bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
		return KindPNG
	}
	t := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	switch {
	case len(t) == 0:
		return ""
	case t[0] == '<':
		return KindSVG
	case t[0] == '{':
		if strings.HasSuffix(strings.ToLower(name), ".jsonl") || !singleJSON(t) {
			return KindJSONLines
		}
		return KindJSON
	case jwsRE.Match(t):
		return KindJWT
	case bytes.IndexByte(t, '\n') > 0:
		return KindJSONLines // several JWTs, one per line
	}
	return ""
}

// singleJSON reports whether b holds exactly one JSON value.
func singleJSON(b []byte) bool {
	d := json.NewDecoder(bytes.NewReader(b))
	var skip json.RawMessage
	if d.Decode(&skip) != nil {
		return true // let the parser report the error on the whole text
	}
	_, err := d.Token()
	return err != nil
}

// Items splits an input into credentials: one for a JSON document, a JWT or
// a baked image, one per non-empty line for JSON Lines.
func Items(name string, data []byte) []Item {
	if len(data) > MaxInputBytes {
		return []Item{{Source: name, Err: fmt.Errorf("%w: %d bytes, the limit is %d", ErrInput, len(data), MaxInputBytes)}}
	}
	one := func(b []byte, err error) []Item {
		if err == nil && len(b) > MaxCredentialBytes {
			err = fmt.Errorf("%w: credential of %d bytes, the limit is %d", ErrInput, len(b), MaxCredentialBytes)
		}
		return []Item{{Source: name, Data: b, Err: err}}
	}
	switch Detect(name, data) {
	case KindPNG, KindSVG:
		b, err := bake.Extract(data)
		if err != nil {
			err = fmt.Errorf("%w: %w", ErrInput, err)
		}
		return one(b, err)
	case KindJSON, KindJWT:
		return one(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))), nil)
	case KindJSONLines:
		return lines(name, data)
	}
	return one(nil, fmt.Errorf("%w: not JSON, JSON Lines, a JWT, a PNG or an SVG", ErrInput))
}

// lines splits JSON Lines without copying: the items share data's memory.
func lines(name string, data []byte) []Item {
	out := make([]Item, 0, bytes.Count(data, []byte{'\n'})+1)
	for n := 1; len(data) > 0; n++ {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		src := name + ":" + strconv.Itoa(n)
		if len(out) >= MaxLines {
			return append(out, Item{Source: src, Err: fmt.Errorf("%w: more than %d lines", ErrInput, MaxLines)})
		}
		if len(line) > MaxCredentialBytes {
			out = append(out, Item{Source: src, Err: fmt.Errorf("%w: line of %d bytes, the limit is %d", ErrInput, len(line), MaxCredentialBytes)})
			continue
		}
		out = append(out, Item{Source: src, Data: line})
	}
	return out
}

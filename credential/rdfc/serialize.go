package rdfc

import (
	"strings"
	"unicode/utf8"
)

const hexUpper = "0123456789ABCDEF"

// appendTerm appends t in canonical N-Quads form. Blank node labels are
// written as they are; the canonicalizer substitutes them before calling.
func appendTerm(b []byte, t Term) []byte {
	switch t.Kind {
	case KindIRI:
		b = append(b, '<')
		b = append(b, t.Value...)
		return append(b, '>')
	case KindBlankNode:
		b = append(b, '_', ':')
		return append(b, t.Value...)
	case KindLiteral:
		b = append(b, '"')
		b = appendEscaped(b, t.Value)
		b = append(b, '"')
		if t.Language != "" {
			b = append(b, '@')
			return append(b, t.Language...)
		}
		if t.Datatype != "" && t.Datatype != XSDString {
			b = append(b, '^', '^', '<')
			b = append(b, t.Datatype...)
			b = append(b, '>')
		}
		return b
	}
	return b
}

// appendEscaped escapes a literal's lexical form as the canonical N-Quads
// form requires: \" \\ \n \r \t \b \f as ECHAR, every other control
// character (U+0000–U+001F, U+007F) as \uXXXX with upper-case hex digits,
// everything else verbatim.
func appendEscaped(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c != 0x7f {
			continue
		}
		b = append(b, s[start:i]...)
		start = i + 1
		switch c {
		case '"':
			b = append(b, '\\', '"')
		case '\\':
			b = append(b, '\\', '\\')
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		case '\b':
			b = append(b, '\\', 'b')
		case '\f':
			b = append(b, '\\', 'f')
		default:
			b = append(b, '\\', 'u', '0', '0', hexUpper[c>>4], hexUpper[c&15])
		}
	}
	return append(b, s[start:]...)
}

// AppendNQuad appends q as one canonical N-Quads line, including the
// terminating newline.
func AppendNQuad(b []byte, q Quad) []byte {
	b = appendTerm(b, q.Subject)
	b = append(b, ' ')
	b = appendTerm(b, q.Predicate)
	b = append(b, ' ')
	b = appendTerm(b, q.Object)
	if q.Graph.Kind != KindDefaultGraph {
		b = append(b, ' ')
		b = appendTerm(b, q.Graph)
	}
	return append(b, ' ', '.', '\n')
}

// String returns q as one canonical N-Quads line with its newline.
func (q Quad) String() string { return string(AppendNQuad(nil, q)) }

// String returns t in canonical N-Quads form; the default graph is "".
func (t Term) String() string { return string(appendTerm(nil, t)) }

// SerializeNQuads writes quads in the order given as N-Quads.
func SerializeNQuads(quads []Quad) string {
	var b []byte
	for _, q := range quads {
		b = AppendNQuad(b, q)
	}
	return string(b)
}

// validIRIChars reports whether s can be written between < and > without
// escaping: no control characters, spaces or the characters <>"{}|^`\ and
// valid UTF-8. IRIs that fail this would make the serialization ambiguous.
func validIRIChars(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if badIRIByte[c] {
			return false
		}
		ascii = ascii && c < 0x80
	}
	return ascii || utf8.ValidString(s)
}

// badIRIByte marks the bytes an IRIREF may not contain unescaped.
var badIRIByte = func() (t [256]bool) {
	for c := 0; c <= 0x20; c++ {
		t[c] = true
	}
	for _, c := range []byte("<>\"{}|^`\\") {
		t[c] = true
	}
	return t
}()

// ValidIRI reports whether s is non-empty, has a scheme, contains no
// characters forbidden in an N-Quads IRIREF and at most one '#'. It does not
// validate the IRI further.
func ValidIRI(s string) bool {
	if !validIRIChars(s) {
		return false
	}
	if i := strings.IndexByte(s, '#'); i >= 0 && strings.IndexByte(s[i+1:], '#') >= 0 {
		return false // a fragment cannot contain '#'
	}
	return HasScheme(s)
}

// HasScheme reports whether s starts with an IRI scheme followed by ':'.
func HasScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case c == ':' && i > 0:
			return true
		default:
			return false
		}
	}
	return false
}

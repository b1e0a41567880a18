package rdfc

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// ErrSyntax is returned (wrapped, with the line number) for malformed N-Quads.
var ErrSyntax = errors.New("rdfc: N-Quads syntax error")

// ParseNQuads parses an N-Quads document (RDF 1.1 N-Quads). Escapes in IRIs
// and literals are decoded; blank node labels are kept as written.
func ParseNQuads(src string) ([]Quad, error) {
	if !utf8.ValidString(src) {
		return nil, fmt.Errorf("%w: input is not valid UTF-8", ErrSyntax)
	}
	var quads []Quad
	line := 0
	for len(src) > 0 {
		line++
		var l string
		if i := strings.IndexAny(src, "\n\r"); i >= 0 {
			l, src = src[:i], src[i+1:]
		} else {
			l, src = src, ""
		}
		p := &lineParser{s: l}
		q, ok, err := p.quad()
		if err != nil {
			return nil, fmt.Errorf("%w: line %d: %s", ErrSyntax, line, err)
		}
		if ok {
			quads = append(quads, q)
		}
	}
	return quads, nil
}

type lineParser struct {
	s   string
	pos int
}

func (p *lineParser) ws() {
	for p.pos < len(p.s) && (p.s[p.pos] == ' ' || p.s[p.pos] == '\t') {
		p.pos++
	}
}

func (p *lineParser) eol() bool {
	p.ws()
	return p.pos >= len(p.s) || p.s[p.pos] == '#'
}

// quad parses one line; ok is false for blank and comment lines.
func (p *lineParser) quad() (q Quad, ok bool, err error) {
	if p.eol() {
		return q, false, nil
	}
	if q.Subject, err = p.term(); err != nil {
		return
	}
	if q.Subject.Kind == KindLiteral {
		return q, false, errors.New("literal as subject")
	}
	p.ws()
	if q.Predicate, err = p.term(); err != nil {
		return
	}
	if q.Predicate.Kind != KindIRI {
		return q, false, errors.New("predicate must be an IRI")
	}
	p.ws()
	if q.Object, err = p.term(); err != nil {
		return
	}
	p.ws()
	if p.pos < len(p.s) && p.s[p.pos] != '.' {
		if q.Graph, err = p.term(); err != nil {
			return
		}
		if q.Graph.Kind == KindLiteral {
			return q, false, errors.New("literal as graph name")
		}
		p.ws()
	}
	if p.pos >= len(p.s) || p.s[p.pos] != '.' {
		return q, false, errors.New("expected '.'")
	}
	p.pos++
	if !p.eol() {
		return q, false, errors.New("unexpected text after '.'")
	}
	return q, true, nil
}

func (p *lineParser) term() (Term, error) {
	if p.pos >= len(p.s) {
		return Term{}, errors.New("unexpected end of line")
	}
	switch p.s[p.pos] {
	case '<':
		v, err := p.iri()
		return Term{Kind: KindIRI, Value: v}, err
	case '_':
		return p.blank()
	case '"':
		return p.literal()
	}
	return Term{}, fmt.Errorf("unexpected character %q", p.s[p.pos])
}

func (p *lineParser) iri() (string, error) {
	p.pos++ // '<'
	var b strings.Builder
	for p.pos < len(p.s) {
		c := p.s[p.pos]
		switch {
		case c == '>':
			p.pos++
			v := b.String()
			if !HasScheme(v) {
				return "", fmt.Errorf("relative IRI <%s>", v)
			}
			return v, nil
		case c == '\\':
			r, err := p.uchar()
			if err != nil {
				return "", err
			}
			if r <= 0x20 || r < 0x80 && strings.ContainsRune("<>\"{}|^`\\", r) {
				return "", fmt.Errorf("character %U not allowed in IRI", r)
			}
			b.WriteRune(r)
		case c <= 0x20 || strings.IndexByte("<\"{}|^`", c) >= 0:
			return "", fmt.Errorf("character %q not allowed in IRI", c)
		default:
			b.WriteByte(c)
			p.pos++
		}
	}
	return "", errors.New("unterminated IRI")
}

// uchar decodes \uXXXX or \UXXXXXXXX at p.pos.
func (p *lineParser) uchar() (rune, error) {
	if p.pos+1 >= len(p.s) {
		return 0, errors.New("bad escape")
	}
	n := 0
	switch p.s[p.pos+1] {
	case 'u':
		n = 4
	case 'U':
		n = 8
	default:
		return 0, fmt.Errorf("bad escape \\%c", p.s[p.pos+1])
	}
	if p.pos+2+n > len(p.s) {
		return 0, errors.New("short \\u escape")
	}
	var r rune
	for _, c := range []byte(p.s[p.pos+2 : p.pos+2+n]) {
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, errors.New("bad hex digit in \\u escape")
		}
		r = r<<4 | rune(d)
	}
	if r > utf8.MaxRune || (r >= 0xD800 && r <= 0xDFFF) {
		return 0, fmt.Errorf("escape %U is not a Unicode scalar value", r)
	}
	p.pos += 2 + n
	return r, nil
}

func isLabelChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == '-' || c == '.' || c == ':' || c >= 0x80
}

func (p *lineParser) blank() (Term, error) {
	if !strings.HasPrefix(p.s[p.pos:], "_:") {
		return Term{}, errors.New("bad blank node")
	}
	start := p.pos + 2
	end := start
	for end < len(p.s) && isLabelChar(p.s[end]) {
		end++
	}
	for end > start && p.s[end-1] == '.' {
		end--
	}
	if end == start || p.s[start] == '-' || p.s[start] == '.' {
		return Term{}, errors.New("bad blank node label")
	}
	p.pos = end
	return Term{Kind: KindBlankNode, Value: p.s[start:end]}, nil
}

func (p *lineParser) literal() (Term, error) {
	p.pos++ // '"'
	var b strings.Builder
	closed := false
	for p.pos < len(p.s) && !closed {
		c := p.s[p.pos]
		switch c {
		case '"':
			p.pos++
			closed = true
		case '\\':
			if p.pos+1 >= len(p.s) {
				return Term{}, errors.New("bad escape")
			}
			e := p.s[p.pos+1]
			if r, ok := echar[e]; ok {
				b.WriteByte(r)
				p.pos += 2
				continue
			}
			r, err := p.uchar()
			if err != nil {
				return Term{}, err
			}
			b.WriteRune(r)
		case '\n', '\r':
			return Term{}, errors.New("newline in literal")
		default:
			b.WriteByte(c)
			p.pos++
		}
	}
	if !closed {
		return Term{}, errors.New("unterminated literal")
	}
	t := Term{Kind: KindLiteral, Value: b.String()}
	if p.pos < len(p.s) && p.s[p.pos] == '@' {
		start := p.pos + 1
		end := start
		for end < len(p.s) {
			c := p.s[end]
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || (end > start && (c == '-' || c >= '0' && c <= '9')) {
				end++
				continue
			}
			break
		}
		if end == start || p.s[end-1] == '-' {
			return Term{}, errors.New("bad language tag")
		}
		t.Language = p.s[start:end]
		p.pos = end
	} else if strings.HasPrefix(p.s[p.pos:], "^^") {
		p.pos += 2
		if p.pos >= len(p.s) || p.s[p.pos] != '<' {
			return Term{}, errors.New("expected datatype IRI")
		}
		dt, err := p.iri()
		if err != nil {
			return Term{}, err
		}
		if dt != XSDString {
			t.Datatype = dt
		}
	}
	return t, nil
}

var echar = map[byte]byte{'t': '\t', 'b': '\b', 'n': '\n', 'r': '\r', 'f': '\f', '"': '"', '\'': '\'', '\\': '\\'}

package certificate

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf16"
)

// pdfFile collects numbered indirect objects and writes them as a PDF 1.7 file with a
// classic cross-reference table. Object n is objs[n-1].
type pdfFile struct {
	objs [][]byte
}

// reserve allocates an object number whose body is set later.
func (f *pdfFile) reserve() int {
	f.objs = append(f.objs, nil)
	return len(f.objs)
}

func (f *pdfFile) set(n int, body string) { f.objs[n-1] = []byte(body) }

func (f *pdfFile) add(body string) int {
	n := f.reserve()
	f.set(n, body)
	return n
}

// addStream adds a Flate-compressed stream object; dict holds the other entries.
func (f *pdfFile) addStream(dict string, data []byte) int {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	w.Write(data)
	w.Close()
	var b bytes.Buffer
	fmt.Fprintf(&b, "<< %s /Filter /FlateDecode /Length %d >>\nstream\n", dict, z.Len())
	b.Write(z.Bytes())
	b.WriteString("\nendstream")
	n := f.reserve()
	f.objs[n-1] = b.Bytes()
	return n
}

// bytes writes the file: header, objects, cross-reference table and trailer. The file
// identifier is a hash of the content, so the same input gives the same bytes.
func (f *pdfFile) bytes(root, info int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(f.objs))
	h := sha256.New()
	for i, o := range f.objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		b.Write(o)
		b.WriteString("\nendobj\n")
		h.Write(o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(f.objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	id := hex.EncodeToString(h.Sum(nil)[:16])
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n",
		len(f.objs)+1, root, info, id, id, xref)
	return b.Bytes()
}

// winAnsi maps text to WinAnsiEncoding (Windows-1252), the encoding of the standard
// fonts' glyphs: ASCII, Latin-1 (ä ö å é ü …) and the common punctuation; other
// characters become '?'. Control characters become spaces.
func winAnsi(s string) []byte {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r < 0x20 || r == 0x7f:
			out = append(out, ' ')
		case r < 0x7f || (r >= 0xa0 && r <= 0xff):
			out = append(out, byte(r))
		default:
			if c, ok := winAnsiExtra[r]; ok {
				out = append(out, c)
			} else {
				out = append(out, '?')
			}
		}
	}
	return out
}

var winAnsiExtra = map[rune]byte{
	'€': 0x80, '…': 0x85, 'Š': 0x8a, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94,
	'•': 0x95, '–': 0x96, '—': 0x97, '™': 0x99, 'š': 0x9a, 'ž': 0x9e, '\u2212': '-',
	'\u2011': '-', '\u2010': '-', '\u202f': ' ', '\u2009': ' ',
}

// literal writes bytes as a PDF literal string, escaping delimiters and non-ASCII bytes.
func literal(b []byte) string {
	var s strings.Builder
	s.WriteByte('(')
	for _, c := range b {
		switch {
		case c == '(' || c == ')' || c == '\\':
			s.WriteByte('\\')
			s.WriteByte(c)
		case c < 0x20 || c > 0x7e:
			fmt.Fprintf(&s, "\\%03o", c)
		default:
			s.WriteByte(c)
		}
	}
	s.WriteByte(')')
	return s.String()
}

// textString writes a PDF text string (Info, /Alt, /Lang): ASCII as a literal, anything
// else as UTF-16BE with a byte order mark.
func textString(s string) string {
	ascii := true
	for _, r := range s {
		if r >= 0x7f || r < 0x20 {
			ascii = false
			break
		}
	}
	if ascii {
		return literal([]byte(s))
	}
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// textWidth is the width of s in points in Helvetica (bold when bold) at size.
func textWidth(s string, bold bool, size float64) float64 {
	w := &helveticaWidths
	if bold {
		w = &helveticaBoldWidths
	}
	total := 0
	for _, c := range winAnsi(s) {
		total += int(w[c])
	}
	return float64(total) * size / 1000
}

// wrap breaks text into lines no wider than width: at spaces, and inside a word only when
// the word alone is too wide (long URLs). Line breaks in text are kept.
func wrap(text string, bold bool, size, width float64) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			try := word
			if line != "" {
				try = line + " " + word
			}
			if textWidth(try, bold, size) <= width {
				line = try
				continue
			}
			if line != "" {
				lines = append(lines, line)
			}
			line = ""
			if textWidth(word, bold, size) > width {
				parts := breakWord(word, bold, size, width)
				lines = append(lines, parts[:len(parts)-1]...)
				word = parts[len(parts)-1]
			}
			line = word
		}
		if line != "" {
			lines = append(lines, line)
		}
	}
	return lines
}

// breakWord cuts a word wider than width into pieces that fit, in one pass; the last
// piece may be narrower.
func breakWord(word string, bold bool, size, width float64) []string {
	w := &helveticaWidths
	if bold {
		w = &helveticaBoldWidths
	}
	var out []string
	runes := []rune(word)
	start, acc := 0, 0.0
	for i, r := range runes {
		cw := float64(w[winAnsi(string(r))[0]]) * size / 1000
		if acc+cw > width && i > start {
			out = append(out, string(runes[start:i]))
			start, acc = i, 0
		}
		acc += cw
	}
	return append(out, string(runes[start:]))
}

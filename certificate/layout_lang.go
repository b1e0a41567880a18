package certificate

import (
	"fmt"
	"strings"
)

// Languages of parts: a certificate in English may hold texts that stay in Finnish. A
// whole block in another language gets /Lang on its structure element (blockIn); a part
// of a line gets a /Span marked-content sequence with /Lang (parts), which tagged-PDF
// readers such as screen readers honour (PDF 1.7, 14.9.2).

// parts is a text of two parts, a then b, each in a language ("" for the document's).
type parts struct {
	a, aLang, b, bLang string
}

func (p parts) text() string { return strings.TrimSpace(p.a + " " + p.b) }

// cuts returns, for each line wrapped from p.text(), the byte index in the line where b
// begins: 0 when the whole line is b, len(line) when none of it is. wrap keeps the words
// and joins them with single spaces, so every line is a substring of the normalised text
// (a long word is cut into consecutive pieces).
func (p parts) cuts(lines []string) []int {
	norm := strings.Join(strings.Fields(p.a+" "+p.b), " ")
	boundary := len(strings.Join(strings.Fields(p.a), " "))
	if boundary > 0 && strings.TrimSpace(p.b) != "" {
		boundary++ // b begins after the space
	}
	out := make([]int, len(lines))
	pos := 0
	for i, line := range lines {
		j := strings.Index(norm[pos:], line)
		if j < 0 { // a clipped end ("…"): on b's side once past the boundary
			if pos >= boundary {
				out[i] = 0
			} else {
				out[i] = len(line)
			}
			continue
		}
		start := pos + j
		out[i] = min(max(boundary-start, 0), len(line))
		pos = start + len(line)
	}
	return out
}

// showIn draws one line like show, marked as a span in language lang unless lang is "".
func (l *layout) showIn(lang, s string, st style, x, y float64) {
	if lang == "" {
		l.show(s, st, x, y)
		return
	}
	fmt.Fprintf(&l.cur().content, "/Span <</Lang %s>> BDC\n", textString(lang))
	l.show(s, st, x, y)
	l.end()
}

// showParts draws line, whose part b begins at byte cut, at x, y, each part in its language.
func (l *layout) showParts(p parts, line string, cut int, st style, x, y float64) {
	if a := strings.TrimRight(line[:cut], " "); a != "" {
		l.showIn(p.aLang, a, st, x, y)
	}
	if b := line[cut:]; b != "" {
		l.showIn(p.bLang, b, st, x+textWidth(line[:cut], st.bold, st.size), y)
	}
}

// blockIn draws a block whose text is in language lang ("" for the document's) as a
// structure element with /Lang.
func (l *layout) blockIn(lang, role, text string, st style, indent, space float64) {
	l.lang = lang
	l.block(role, text, st, indent, space)
	l.lang = ""
}

// para draws the text of p like block, each part in its language.
func (l *layout) para(role string, p parts, st style, indent, space float64) {
	lines := wrap(clip(p.text()), st.bold, st.size, bodyW-indent)
	cuts := p.cuts(lines)
	for len(lines) > 0 {
		l.ensure(st.leadng)
		l.begin(role, "")
		for len(lines) > 0 && l.y-st.leadng >= marginB {
			l.y -= st.leadng
			l.showParts(p, lines[0], cuts[0], st, marginX+indent, l.y+st.leadng-st.size)
			lines, cuts = lines[1:], cuts[1:]
		}
		l.end()
	}
	l.y -= space
}

// factIn draws a fact whose value is p, each part in its language.
func (l *layout) factIn(label string, p parts) {
	const col = 150
	lines := wrap(clip(p.text()), false, stBody.size, bodyW-col)
	cuts := p.cuts(lines)
	labels := wrap(label, true, stLabel.size, col-10)
	n := max(len(lines), len(labels))
	if float64(n)*stBody.leadng > pageH-marginT-marginB {
		// Too long to stand beside its label on one page: the label on a line of its
		// own, then the value as a paragraph that keeps the language of each part.
		l.ensure(stLabel.leadng + stBody.leadng)
		l.block("P", label+":", stLabel, 0, 0)
		l.para("P", p, stBody, 0, 6)
		return
	}
	l.ensure(float64(n) * stBody.leadng)
	l.begin("P", "")
	top := l.y
	for i, s := range labels {
		l.show(s, stLabel, marginX, top-float64(i+1)*stBody.leadng+stBody.leadng-stBody.size)
	}
	for i, s := range lines {
		l.showParts(p, s, cuts[i], stBody, marginX+col, top-float64(i+1)*stBody.leadng+stBody.leadng-stBody.size)
	}
	l.end()
	l.y = top - float64(n)*stBody.leadng - 5
}

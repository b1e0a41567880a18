package certificate

import (
	"bytes"
	"fmt"
)

// A4 in points, and the margins.
const (
	pageW   = 595.28
	pageH   = 841.89
	marginX = 56.7 // 20 mm
	marginT = 62.0
	marginB = 62.0
	bodyW   = pageW - 2*marginX
)

// Colours (RGB 0–1): the platform's accent #1d5a96, text #1f2933 and muted #52606d.
const (
	colAccent = "0.114 0.353 0.588"
	colText   = "0.122 0.161 0.200"
	colMuted  = "0.322 0.376 0.427"
)

// style is a font and colour for a run of text.
type style struct {
	bold   bool
	size   float64
	leadng float64 // line height
	color  string
}

var (
	stKicker  = style{bold: true, size: 10, leadng: 14, color: colAccent}
	stTitle   = style{bold: true, size: 22, leadng: 27, color: colText}
	stH2      = style{bold: true, size: 13, leadng: 18, color: colAccent}
	stName    = style{bold: true, size: 16, leadng: 21, color: colText}
	stBody    = style{size: 10.5, leadng: 14.5, color: colText}
	stLabel   = style{bold: true, size: 10, leadng: 14.5, color: colText}
	stSmall   = style{size: 9, leadng: 12.5, color: colMuted}
	stURL     = style{size: 9.5, leadng: 13, color: colAccent}
	stOutcome = style{size: 10.5, leadng: 14.5, color: colText}
)

// element is one node of the structure tree: a tag (H1, P, Figure…) on a page, whose
// content is the marked-content sequence mcid of that page.
type element struct {
	role string
	page int
	mcid int
	alt  string
	lang string // the element's language (/Lang) when it differs from the document's
}

type page struct {
	content bytes.Buffer
	mcids   int
}

// layout places text top to bottom over as many pages as needed, tagging every block.
type layout struct {
	pages    []*page
	y        float64
	elements []element
	// lang is the language of the blocks being drawn when it differs from the
	// document's ("" otherwise); begin gives it to their structure elements.
	lang string
}

func (l *layout) cur() *page { return l.pages[len(l.pages)-1] }

func (l *layout) newPage() {
	l.pages = append(l.pages, &page{})
	l.y = pageH - marginT
	// A thin accent bar on every page: decoration, so an artifact.
	fmt.Fprintf(&l.cur().content, "/Artifact BMC %s rg %.2f %.2f %.2f 6 re f EMC\n", colAccent, 0.0, pageH-6, pageW)
}

// ensure starts a new page unless h points fit above the bottom margin.
func (l *layout) ensure(h float64) {
	if len(l.pages) == 0 || l.y-h < marginB {
		l.newPage()
	}
}

// begin opens a tagged marked-content sequence on the current page.
func (l *layout) begin(role, alt string) {
	p := l.cur()
	l.elements = append(l.elements, element{role: role, page: len(l.pages) - 1, mcid: p.mcids, alt: alt, lang: l.lang})
	fmt.Fprintf(&p.content, "/%s <</MCID %d>> BDC\n", role, p.mcids)
	p.mcids++
}

func (l *layout) end() { l.cur().content.WriteString("EMC\n") }

// show draws one line at x, y (the baseline).
func (l *layout) show(s string, st style, x, y float64) {
	font := "F1"
	if st.bold {
		font = "F2"
	}
	fmt.Fprintf(&l.cur().content, "BT /%s %.2f Tf %s rg %.2f %.2f Td %s Tj ET\n", font, st.size, st.color, x, y, literal(winAnsi(s)))
}

// block draws wrapped text as one tagged element per page it falls on; space is the gap
// after it.
func (l *layout) block(role, text string, st style, indent, space float64) {
	l.para(role, parts{a: text}, st, indent, space)
}

// fact draws a label in a left column and its value beside it, as one paragraph.
func (l *layout) fact(label, value string) { l.factIn(label, parts{a: value}) }

// rule draws a thin separating line (an artifact).
func (l *layout) rule(space float64) {
	l.ensure(space * 2)
	l.y -= space
	fmt.Fprintf(&l.cur().content, "/Artifact BMC 0.773 0.808 0.847 RG 0.75 w %.2f %.2f m %.2f %.2f l S EMC\n",
		marginX, l.y, pageW-marginX, l.y)
	l.y -= space
}

// footers writes "Page n / N" on every page, as an artifact.
func (l *layout) footers(word string) {
	for i, p := range l.pages {
		s := fmt.Sprintf("%s %d / %d", word, i+1, len(l.pages))
		w := textWidth(s, false, stSmall.size)
		fmt.Fprintf(&p.content, "/Artifact BMC BT /F1 %.2f Tf %s rg %.2f %.2f Td %s Tj ET EMC\n",
			stSmall.size, colMuted, pageW-marginX-w, 30.0, literal(winAnsi(s)))
	}
}

// maxRunes bounds one text on the certificate: a credential is at most 1 MB, and a
// megabyte-long description would otherwise print on hundreds of pages.
const maxRunes = 3000

func clip(s string) string {
	if r := []rune(s); len(r) > maxRunes {
		return string(r[:maxRunes]) + "…"
	}
	return s
}

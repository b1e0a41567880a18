// Package certificate prints an Open Badges 3.0 credential as a PDF certificate in
// Finnish, Swedish or English, and reads a credential's content for people (Read), which
// the public verification page shows too.
//
// PDF makes an A4 certificate (usually one page, two when the learning outcomes are many):
// the title, the learner's name when the credential carries it (else "the holder of this
// credential"), the awarding body and its country, the date of issuing and the end of
// validity, and every EU Annex I element the credential holds (learning outcomes with their
// assessment criteria, workload with its unit, EQF level, type of assessment, form of
// participation, quality assurance, grade, field of study, prerequisites, supervision and
// identity verification, stackability, further information, ESCO skills), then a QR code
// and the address of the verification page:
//
//	pdf, err := certificate.PDF(cred, pokot.Finnish, "https://pokot.example.fi/verify/abc")
//	w.Header().Set("Content-Type", "application/pdf")
//	w.Write(pdf)
//
// The PDF is written with the standard library alone. Its text is real text in the
// standard fonts Helvetica and Helvetica-Bold with WinAnsiEncoding (Finnish and Swedish
// letters ä ö å é included; characters outside Windows-1252 print as "?"), so it can be
// selected, searched and read aloud. Accessibility: the catalog names the language
// (/Lang) and the document title is shown instead of the file name (/DisplayDocTitle);
// texts that stay in the credential's own language (e.g. Finnish outcomes on an English
// certificate) carry their language too (/Lang on their structure element, or a /Span
// with /Lang around a fact's value), and a sentence says which language they are in;
// the document is tagged (/MarkInfo /Marked true, a structure tree with Document, H1, H2,
// P and Figure elements in reading order; the QR code is a Figure with alternative text),
// and decoration (the accent bar, rules, page numbers) is marked as artifacts. Not done:
// the fonts are not embedded (PDF/UA and PDF/A require embedding; every PDF reader has
// the standard fonts), lists are tagged as paragraphs rather than L/LI, the facts are
// paragraphs rather than a table, and no PDF/UA identification is claimed.
//
// The output is deterministic: the same credential, language and URL give the same bytes.
package certificate

import (
	"errors"
	"fmt"
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
	qrcode "github.com/skip2/go-qrcode"
)

// qrSize is the printed size of the QR code in points (about 32 mm).
const qrSize = 92.0

// PDF returns an A4 PDF certificate of cred (a decoded OB 3.0 credential, JSON-LD or a
// VC-JWT payload) in language lang, with a QR code and the text of verifyURL. It fails
// only when the credential has no title or verifyURL cannot be put in a QR code.
func PDF(cred map[string]any, lang pokot.Lang, verifyURL string) ([]byte, error) {
	c := Read(cred, lang)
	if c.Title == "" {
		return nil, errors.New("certificate: the credential names no achievement")
	}
	if verifyURL == "" {
		return nil, errors.New("certificate: no verification URL")
	}
	qr, err := qrcode.New(verifyURL, qrcode.Medium)
	if err != nil {
		return nil, fmt.Errorf("certificate: QR code: %w", err)
	}
	l := &layout{}
	draw(l, c, verifyURL)
	l.footers(Label(c.Lang, "page"))
	return assemble(l, c, qr.Bitmap()), nil
}

// draw lays out the certificate's content in reading order.
func draw(l *layout, c *Content, verifyURL string) {
	lang := c.Lang
	l.newPage()
	l.y -= 8
	l.block("P", strings.ToUpper(Label(lang, "title")), stKicker, 0, 6)
	l.blockIn(c.Foreign(c.TitleLang), "H1", c.Title, stTitle, 0, 10)
	l.block("P", Label(lang, "awarded_to"), stSmall, 0, 2)
	if c.LearnerName != "" {
		l.block("P", c.LearnerName, stName, 0, 10)
	} else {
		l.block("P", Label(lang, "holder"), stName, 0, 10)
	}
	if c.Description != "" {
		l.blockIn(c.Foreign(c.DescriptionLang), "P", c.Description, stBody, 0, 4)
	}
	if note := c.LangNote(); note != "" {
		l.block("P", note, stSmall, 0, 4)
	}
	l.rule(8)
	issuer := c.Issuer.Name
	if issuer == "" {
		issuer = c.Issuer.ID
	}
	if c.Issuer.Country != "" {
		issuer += " (" + c.Issuer.Country + ")"
	}
	l.fact(Label(lang, "issuer"), issuer)
	if !c.Issued.IsZero() {
		l.fact(Label(lang, "issued"), i18n.Date(lang, c.Issued))
	}
	if !c.ValidUntil.IsZero() {
		l.fact(Label(lang, "valid_until"), i18n.Date(lang, c.ValidUntil))
	}
	for _, e := range c.Elements {
		l.factIn(e.Label, parts{a: e.Value, aLang: c.Foreign(e.Lang), b: e.Detail, bLang: c.Foreign(e.DetailLang)})
	}
	tl := c.Foreign(c.TextLang)
	if len(c.Outcomes) > 0 {
		l.y -= 6
		l.ensure(stH2.leadng + 2*stOutcome.leadng)
		l.block("H2", Label(lang, "outcomes"), stH2, 0, 4)
		for i, o := range c.Outcomes {
			l.blockIn(tl, "P", fmt.Sprintf("%d. %s", i+1, o.Text), stOutcome, 0, 1)
			if o.Criteria != "" {
				l.para("P", parts{a: Label(lang, "criteria") + ":", b: o.Criteria, bLang: tl}, stSmall, 14, 0)
			}
			l.y -= 4
		}
	}
	if len(c.Skills) > 0 {
		names := make([]string, len(c.Skills))
		for i, s := range c.Skills {
			names[i] = s.Name
		}
		l.y -= 4
		l.factIn(Label(lang, "skills"), parts{a: strings.Join(names, ", "), aLang: tl})
	}
	if len(c.Other) > 0 {
		names := make([]string, len(c.Other))
		for i, s := range c.Other {
			names[i] = s.Name
			if s.Framework != "" {
				names[i] += " (" + s.Framework + ")"
			}
		}
		l.fact(Label(lang, "other_alignments"), strings.Join(names, ", "))
	}
	drawVerify(l, lang, verifyURL)
}

// drawVerify puts the QR code with its explanation and address at the bottom of the
// content, on a new page only when it does not fit.
func drawVerify(l *layout, lang pokot.Lang, verifyURL string) {
	textW := bodyW - qrSize - 16
	text := wrap(Label(lang, "verify_text"), false, stSmall.size, textW)
	url := wrap(verifyURL, false, stURL.size, textW)
	h := max(qrSize, stH2.leadng+float64(len(text))*stSmall.leadng+4+float64(len(url))*stURL.leadng)
	l.ensure(h + 24) // the rule stays with the block
	l.rule(10)
	top := l.y
	l.begin("Figure", Label(lang, "qr_alt"))
	fmt.Fprintf(&l.cur().content, "q %.2f 0 0 %.2f %.2f %.2f cm /QR Do Q\n", qrSize, qrSize, marginX, top-qrSize)
	l.end()
	x := marginX + qrSize + 16
	y := top
	l.begin("H2", "")
	y -= stH2.leadng
	l.show(Label(lang, "verify"), stH2, x, y+stH2.leadng-stH2.size)
	l.end()
	l.begin("P", "")
	for _, s := range text {
		y -= stSmall.leadng
		l.show(s, stSmall, x, y+stSmall.leadng-stSmall.size)
	}
	l.end()
	y -= 4
	l.begin("P", "")
	for _, s := range url {
		y -= stURL.leadng
		l.show(s, stURL, x, y+stURL.leadng-stURL.size)
	}
	l.end()
	l.y = top - h
}

// assemble writes the pages, fonts, QR image, structure tree, catalog and info.
func assemble(l *layout, c *Content, bitmap [][]bool) []byte {
	f := &pdfFile{}
	catalog := f.reserve()
	pagesObj := f.reserve()
	structRoot := f.reserve()
	docElem := f.reserve()
	font1 := f.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	font2 := f.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
	qr := f.addStream(fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 1 /Interpolate false",
		len(bitmap), len(bitmap)), packBits(bitmap))
	pageObjs := make([]int, len(l.pages))
	for i, p := range l.pages {
		content := f.addStream("", p.content.Bytes())
		pageObjs[i] = f.reserve()
		f.set(pageObjs[i], fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] "+
			"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> /XObject << /QR %d 0 R >> >> "+
			"/Contents %d 0 R /StructParents %d /Tabs /S >>", pagesObj, pageW, pageH, font1, font2, qr, content, i))
	}
	kids := make([]string, len(pageObjs))
	for i, n := range pageObjs {
		kids[i] = fmt.Sprintf("%d 0 R", n)
	}
	f.set(pagesObj, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pageObjs)))

	// Structure: Document → one element per tagged block; the parent tree maps each
	// page's MCIDs back to their elements.
	byPage := make([][]string, len(l.pages))
	elems := make([]string, len(l.elements))
	for i, e := range l.elements {
		alt := ""
		if e.alt != "" {
			alt = " /Alt " + textString(e.alt)
		}
		if e.lang != "" {
			alt += " /Lang " + textString(e.lang)
		}
		n := f.add(fmt.Sprintf("<< /Type /StructElem /S /%s /P %d 0 R /Pg %d 0 R /K %d%s >>", e.role, docElem, pageObjs[e.page], e.mcid, alt))
		elems[i] = fmt.Sprintf("%d 0 R", n)
		byPage[e.page] = append(byPage[e.page], elems[i])
	}
	f.set(docElem, fmt.Sprintf("<< /Type /StructElem /S /Document /P %d 0 R /K [%s] >>", structRoot, strings.Join(elems, " ")))
	var nums strings.Builder
	for i, refs := range byPage {
		fmt.Fprintf(&nums, "%d [%s] ", i, strings.Join(refs, " "))
	}
	parentTree := f.add(fmt.Sprintf("<< /Nums [%s] >>", strings.TrimSpace(nums.String())))
	f.set(structRoot, fmt.Sprintf("<< /Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d >>", docElem, parentTree, len(l.pages)))

	f.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R /Lang %s /MarkInfo << /Marked true >> "+
		"/StructTreeRoot %d 0 R /ViewerPreferences << /DisplayDocTitle true >> >>", pagesObj, textString(string(c.Lang)), structRoot))
	title := c.Title
	if c.LearnerName != "" {
		title += " – " + c.LearnerName
	}
	author := c.Issuer.Name
	if author == "" {
		author = c.Issuer.ID
	}
	info := f.add(fmt.Sprintf("<< /Title %s /Author %s /Subject %s /Creator (POKOT) /Producer (POKOT certificate) >>",
		textString(title), textString(author), textString(Label(c.Lang, "title"))))
	return f.bytes(catalog, info)
}

// packBits turns a QR bitmap (true = dark module) into 1-bit DeviceGray rows, where 0 is
// black; each row is padded to a whole byte. The image is drawn top row first.
func packBits(bm [][]bool) []byte {
	n := len(bm)
	rowBytes := (n + 7) / 8
	out := make([]byte, rowBytes*n)
	for y, row := range bm {
		for x, dark := range row {
			if !dark {
				out[y*rowBytes+x/8] |= 0x80 >> (x % 8)
			}
		}
	}
	return out
}

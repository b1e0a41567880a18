package certificate_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/certificate"
	qrcode "github.com/skip2/go-qrcode"
)

const verifyURL = "https://pokot.example.fi/verify/7b0c2f4e-9d7a-4c1e-8a53-3f0b2d6e1a90"

func TestPDFFileStructure(t *testing.T) {
	pdf, err := certificate.PDF(build(t, "Maija Meikäläinen"), pokot.Finnish, verifyURL)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.7\n")) || !bytes.HasSuffix(pdf, []byte("%%EOF\n")) {
		t.Fatalf("header or trailer missing: %q … %q", pdf[:12], pdf[len(pdf)-8:])
	}
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(pdf[xref:], []byte("xref\n0 ")) {
		t.Fatalf("startxref %d does not point at the xref table: %q", xref, pdf[xref:xref+10])
	}
	var size int
	rest := string(pdf[xref:])
	lines := strings.Split(rest, "\n")
	size, _ = strconv.Atoi(strings.Fields(lines[1])[1])
	if lines[2] != "0000000000 65535 f " {
		t.Fatalf("entry 0 = %q", lines[2])
	}
	for n := 1; n < size; n++ {
		e := lines[2+n]
		if len(e) != 19 || !strings.HasSuffix(e, " 00000 n ") { // 20 bytes with the newline
			t.Fatalf("xref entry %d = %q", n, e)
		}
		off, _ := strconv.Atoi(e[:10])
		if want := strconv.Itoa(n) + " 0 obj\n"; !bytes.HasPrefix(pdf[off:], []byte(want)) {
			t.Fatalf("xref entry %d points at %q", n, pdf[off:off+12])
		}
	}
	trailer := lines[2+size]
	if trailer != "trailer" || !strings.Contains(lines[3+size], "/Size "+strconv.Itoa(size)) ||
		!strings.Contains(lines[3+size], "/Root 1 0 R") || !strings.Contains(lines[3+size], "/Info ") {
		t.Fatalf("trailer = %q %q", trailer, lines[3+size])
	}
	for _, want := range []string{"/Lang (fi)", "/MarkInfo << /Marked true >>", "/StructTreeRoot", "/DisplayDocTitle true",
		"/BaseFont /Helvetica /Encoding /WinAnsiEncoding", "/S /H1", "/S /Figure", "/Alt ", "/Title <FEFF"} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	again, _ := certificate.PDF(build(t, "Maija Meikäläinen"), pokot.Finnish, verifyURL)
	if len(again) != len(pdf) {
		t.Errorf("not deterministic: %d then %d bytes", len(pdf), len(again))
	}
}

func TestPDFText(t *testing.T) {
	for _, tc := range []struct {
		lang pokot.Lang
		want []string
	}{
		{pokot.Finnish, []string{"OSAAMISTODISTUS", "Hyvinvointiteknologian perusteet", "Maija Meikäläinen", "Esimerkkiammattikorkeakoulu (Suomi)",
			"Myöntämispäivä", "5.3.2026", "5.3.2031", "2,5 op (opintopiste, ECTS)", "EQF-taso", "Portfolio, Näyttö työtehtävissä",
			"Verkossa, Monimuoto", "Korkeakoulun auditoitu laatujärjestelmä", "Osaat arvioida asiakkaan tarpeen",
			"Arviointikriteerit: Arviointi perustuu tapausesimerkkiin.", "Sosiaali- tai terveysalan perustutkinto.", "käyttää terveysteknologiaa",
			"Tarkista todistuksen aitous", verifyURL, "Sivu 1 / "}},
		{pokot.Swedish, []string{"KOMPETENSINTYG", "Grunderna i välfärdsteknologi", "Utfärdare", "2,5 sp (studiepoäng, ECTS)", "På nätet, Flerformsundervisning", "Kontrollera intygets äkthet", "5.3.2026"}},
		{pokot.English, []string{"CERTIFICATE OF COMPETENCE", "Basics of welfare technology", "Awarding body", "2.5 ECTS credits (opintopiste)", "Form of participation", "Online, Blended", "5 Mar 2026"}},
	} {
		pdf, err := certificate.PDF(build(t, "Maija Meikäläinen"), tc.lang, verifyURL)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(strings.Fields(text(t, pdf)), " ")
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: text lacks %q:\n%s", tc.lang, w, got)
			}
		}
		if strings.Contains(got, "salt-not-to-show") || strings.Contains(got, "sha256$") {
			t.Errorf("%s: the salt or hash is printed", tc.lang)
		}
	}
}

func TestPDFWithoutName(t *testing.T) {
	pdf, err := certificate.PDF(build(t, ""), pokot.English, verifyURL)
	if err != nil {
		t.Fatal(err)
	}
	if got := text(t, pdf); !strings.Contains(got, "the holder of this credential") || strings.Contains(got, "maija@") {
		t.Fatalf("text = %s", got)
	}
}

func TestPDFRefusesUnusable(t *testing.T) {
	if _, err := certificate.PDF(map[string]any{"name": 5}, pokot.Finnish, verifyURL); err == nil {
		t.Error("a credential without a title made a certificate")
	}
	if _, err := certificate.PDF(build(t, ""), pokot.Finnish, ""); err == nil {
		t.Error("no verification URL was accepted")
	}
	if _, err := certificate.PDF(build(t, ""), pokot.Finnish, strings.Repeat("x", 4000)); err == nil {
		t.Error("a URL too long for a QR code was accepted")
	}
}

// TestPDFQRCode checks that the image in the PDF holds exactly the QR code of the URL.
func TestPDFQRCode(t *testing.T) {
	pdf, err := certificate.PDF(build(t, ""), pokot.Finnish, verifyURL)
	if err != nil {
		t.Fatal(err)
	}
	q, _ := qrcode.New(verifyURL, qrcode.Medium)
	bm := q.Bitmap()
	n := len(bm)
	dicts, data := streams(t, pdf)
	found := false
	for i, d := range dicts {
		if !strings.Contains(d, "/Subtype /Image") {
			continue
		}
		found = true
		if !strings.Contains(d, "/Width "+strconv.Itoa(n)+" /Height "+strconv.Itoa(n)) || !strings.Contains(d, "/BitsPerComponent 1") {
			t.Fatalf("image dict %q, want %d×%d 1-bit", d, n, n)
		}
		row := (n + 7) / 8
		for y := range n {
			for x := range n {
				white := data[i][y*row+x/8]&(0x80>>(x%8)) != 0
				if white == bm[y][x] {
					t.Fatalf("module %d,%d differs from the QR code of the URL", x, y)
				}
			}
		}
	}
	if !found {
		t.Fatal("no image in the PDF")
	}
}

// TestPDFToText reads the PDF with poppler's pdftotext when it is installed: the text is
// real, extractable text in reading order.
func TestPDFToText(t *testing.T) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; the other tests decode the text themselves")
	}
	pdf, err := certificate.PDF(build(t, "Åsa Öberg"), pokot.Swedish, verifyURL)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "cert.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	got := strings.Join(strings.Fields(string(out)), " ")
	for _, w := range []string{"Grunderna i välfärdsteknologi", "Åsa Öberg", "Esimerkkiammattikorkeakoulu", "2,5 sp (studiepoäng, ECTS)", "Kvalitetssäkring", verifyURL} {
		if !strings.Contains(got, w) {
			t.Errorf("pdftotext output lacks %q:\n%s", w, got)
		}
	}
	if os.Getenv("CERTIFICATE_KEEP") != "" {
		os.WriteFile(os.Getenv("CERTIFICATE_KEEP"), pdf, 0o644)
	}
}

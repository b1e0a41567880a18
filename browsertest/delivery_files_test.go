package browsertest

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/skip2/go-qrcode"

	"github.com/pokot/pokot/credential/key"
)

// dlWait waits until the JavaScript condition holds on the tab's page, polling on DOM
// changes and every 100 ms, and fails with what it waited for. A page that navigates
// meanwhile (a script that reloads it) is polled again.
func dlWait(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	deadline := time.Now().Add(pageTimeout)
	for {
		ctx2, cancel := context.WithDeadline(ctx, deadline)
		_, err := chromedp.Run(ctx2, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingInterval(100*time.Millisecond),
			chromedp.WithPollingTimeout(time.Until(deadline))))
		cancel()
		if err == nil {
			return
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			t.Fatalf("%s: %s never held: %v (at %s); the page says:\n%s", what, js, err, location(ctx), mainText(t, ctx))
		}
		// The page went away under the poll (navigated or reloaded): poll the new one.
		do(t, ctx, "wait for the page to load", chromedp.WaitReady(chromedp.CSS("body")))
	}
}

// download is a file fetched by the page with the page's own session, as the browser
// downloads a link.
type download struct {
	Status      int    `json:"status"`
	Type        string `json:"type"`
	Disposition string `json:"disposition"`
	B64         string `json:"b64"`
	data        []byte
}

// fetchLink fetches the href of the link that sel finds, in the page, and returns the file.
func fetchLink(t *testing.T, ctx context.Context, sel string) *download {
	t.Helper()
	js := `(async () => {
		const a = document.querySelector(` + jsString(sel) + `);
		if (!a) return {status: -1};
		const r = await fetch(a.href, {credentials: 'same-origin'});
		const b = new Uint8Array(await r.arrayBuffer());
		let s = '';
		for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode.apply(null, b.subarray(i, i + 0x8000));
		return {status: r.status, type: r.headers.get('content-type') || '', disposition: r.headers.get('content-disposition') || '', b64: btoa(s)};
	})()`
	d := run(t, ctx, "download "+sel, chromedp.Evaluate[*download](js, chromedp.EvalAwaitPromise))
	if d.Status != http.StatusOK {
		t.Fatalf("download %s: status %d (at %s)", sel, d.Status, location(ctx))
	}
	b, err := base64.StdEncoding.DecodeString(d.B64)
	if err != nil {
		t.Fatal(err)
	}
	d.data = b
	return d
}

var (
	pdfStreamRE = regexp.MustCompile(`(?s)<<((?:[^<>]|<<[^<>]*>>)*)>>\s*stream\r?\n`)
	pdfTjRE     = regexp.MustCompile(`\(((?:\\.|[^\\)])*)\)\s*Tj`)
)

// pdfStreams returns every stream's dictionary and its data, Flate-decoded when so marked.
func pdfStreams(t *testing.T, pdf []byte) (dicts []string, data [][]byte) {
	t.Helper()
	for _, m := range pdfStreamRE.FindAllSubmatchIndex(pdf, -1) {
		dict := string(pdf[m[2]:m[3]])
		lm := regexp.MustCompile(`/Length (\d+)`).FindStringSubmatch(dict)
		if lm == nil {
			t.Fatalf("PDF stream without a direct /Length: %s", dict)
		}
		n, _ := strconv.Atoi(lm[1])
		if m[1]+n > len(pdf) {
			t.Fatalf("PDF stream /Length %d runs past the end", n)
		}
		raw := pdf[m[1] : m[1]+n]
		if strings.Contains(dict, "/FlateDecode") {
			zr, err := zlib.NewReader(bytes.NewReader(raw))
			if err != nil {
				t.Fatalf("PDF stream is not Flate data: %v", err)
			}
			if raw, err = io.ReadAll(zr); err != nil {
				t.Fatal(err)
			}
		}
		dicts, data = append(dicts, dict), append(data, raw)
	}
	return dicts, data
}

// pdfText returns the strings the PDF's content streams show (Tj), decoded from WinAnsi,
// one per line: text a reader or a screen reader can extract, not pixels.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	var out strings.Builder
	_, data := pdfStreams(t, pdf)
	for _, d := range data {
		for _, m := range pdfTjRE.FindAllSubmatch(d, -1) {
			out.WriteString(pdfLiteral(m[1]))
			out.WriteByte('\n')
		}
	}
	return out.String()
}

var winAnsi = map[byte]rune{0x80: '€', 0x85: '…', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—'}

// pdfLiteral decodes a PDF literal string's escapes and WinAnsi bytes.
func pdfLiteral(b []byte) string {
	var out []rune
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\\' && i+1 < len(b) {
			i++
			switch {
			case b[i] >= '0' && b[i] <= '7' && i+2 < len(b):
				v, _ := strconv.ParseUint(string(b[i:i+3]), 8, 8)
				c = byte(v)
				i += 2
			case b[i] == 'n':
				c = '\n'
			default:
				c = b[i]
			}
		}
		if r, ok := winAnsi[c]; ok {
			out = append(out, r)
		} else {
			out = append(out, rune(c)) // Latin-1 range of WinAnsi
		}
	}
	return string(out)
}

// pdfQRMatches reports whether the PDF holds a 1-bit image whose modules are exactly the
// QR code of u.
func pdfQRMatches(t *testing.T, pdf []byte, u string) bool {
	t.Helper()
	q, err := qrcode.New(u, qrcode.Medium)
	if err != nil {
		t.Fatal(err)
	}
	bm := q.Bitmap()
	n := len(bm)
	dicts, data := pdfStreams(t, pdf)
	for i, d := range dicts {
		if !strings.Contains(d, "/Subtype /Image") || !strings.Contains(d, fmt.Sprintf("/Width %d /Height %d", n, n)) {
			continue
		}
		row, same := (n+7)/8, true
		for y := 0; y < n && same; y++ {
			for x := 0; x < n; x++ {
				if y*row+x/8 >= len(data[i]) {
					same = false
					break
				}
				white := data[i][y*row+x/8]&(0x80>>(x%8)) != 0
				if white == bm[y][x] {
					same = false
					break
				}
			}
		}
		if same {
			return true
		}
	}
	return false
}

// pokotVerify runs the real `pokot verify --offline` on file, handing it the DID documents
// and status lists that the site publishes — fetched over HTTP now, as a verifier would —
// with --resolve (did:web needs HTTPS, which the test server does not speak). It returns
// the exit code and the output.
func (d *deliveryApp) pokotVerify(t *testing.T, bin, file string, credJSON []byte) (int, string) {
	t.Helper()
	dir := t.TempDir()
	args := []string{"verify", "--offline"}
	i := 0
	for ref := range d.Iss.LocalDocuments(context.Background(), credJSON) {
		u := ref
		if strings.HasPrefix(ref, "did:web:") {
			var err error
			if u, err = key.DIDWebURL(ref); err != nil {
				t.Fatal(err)
			}
		}
		at := strings.Index(u, "/orgs/")
		if at < 0 {
			t.Fatalf("document %s is not under /orgs/", ref)
		}
		resp, err := http.Get(d.URL + u[at:])
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d", u[at:], resp.StatusCode)
		}
		i++
		path := filepath.Join(dir, fmt.Sprintf("doc%d.json", i))
		if err := os.WriteFile(path, body, 0o600); err != nil {
			t.Fatal(err)
		}
		args = append(args, "--resolve", ref+"="+path)
	}
	if i < 2 {
		t.Fatalf("the credential names %d documents of the site, want the DID document and the status list", i)
	}
	cmd := exec.Command(bin, append(args, file)...)
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), string(out)
	} else if err != nil {
		t.Fatalf("pokot verify: %v\n%s", err, out)
	}
	return 0, string(out)
}

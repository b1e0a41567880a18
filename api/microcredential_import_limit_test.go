package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/exchange"
	"github.com/pokot/pokot/exchange/exchangetest"
)

// importFile is a CSV export of n complete descriptions (every element in fi/sv/en, two
// learning outcomes with ESCO references, no image), each with its own title and slug.
func importFile(t *testing.T, n int) string {
	t.Helper()
	rows := make([]exchange.CSVRow, n)
	for i := range rows {
		c := exchangetest.Content()
		c.Image = nil
		c.Title = exchangetest.Tx(fmt.Sprintf("Hoivarobotiikan perusteet %d", i+1),
			fmt.Sprintf("Grunderna i vårdrobotik %d", i+1), fmt.Sprintf("Basics of care robotics %d", i+1))
		rows[i] = exchange.CSVRow{Slug: fmt.Sprintf("hoivarobotiikka-%d", i+1),
			Version: &pokot.MicrocredentialVersion{Number: 1, Status: pokot.StatusDraft, Content: c}}
	}
	var b bytes.Buffer
	if err := exchange.WriteCSV(&b, rows, exchange.ExcelFinland); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestImportManyRows imports 500 complete descriptions in one request: far more than the
// API's 64 KiB body limit for JSON would allow, within the import's own 8 MiB.
func TestImportManyRows(t *testing.T) {
	f := setup(t)
	file := importFile(t, 500)
	if len(file) <= 64<<10 {
		t.Fatalf("the file is only %d bytes; the test must exceed the 64 KiB JSON limit", len(file))
	}
	t.Logf("500 rows: %d bytes (%.1f KiB a row)", len(file), float64(len(file))/500/1024)
	resp, body := f.do(t, "POST", importPath, "hamkdesigner", "text/csv", file)
	if resp.StatusCode != 201 {
		t.Fatalf("%d %.500s", resp.StatusCode, body)
	}
	var res struct {
		Count   int
		Created []struct {
			Row int
			ID  int64
		}
	}
	if err := json.Unmarshal(body, &res); err != nil || res.Count != 500 || len(res.Created) != 500 || res.Created[499].Row != 501 {
		t.Fatalf("count %d, %d created, %v", res.Count, len(res.Created), err)
	}
	if got := len(f.hamkPOKs(t)); got != 500 {
		t.Fatalf("%d POKs stored, want 500", got)
	}
	// The imported outcomes have IDs, as every stored outcome does.
	v, err := f.db.MicrocredentialVersion(context.Background(), f.orgID(t, "hamk"), res.Created[499].ID, 1)
	if err != nil || len(v.Content.Outcomes) != 2 || !pokot.ValidOutcomeID(v.Content.Outcomes[0].ID) || v.Content.Outcomes[0].ID == v.Content.Outcomes[1].ID {
		t.Fatalf("imported outcomes %+v %v", v, err)
	}
}

// TestImportTooLarge sends a file over 8 MiB, once with its Content-Length (refused before
// reading) and once streamed without one (refused while reading): both get a 413 problem
// that says the limit and what to do, and nothing is stored.
func TestImportTooLarge(t *testing.T) {
	f := setup(t)
	row := strings.SplitN(importFile(t, 1), "\r\n", 2)
	header, line := row[0], strings.TrimSuffix(row[1], "\r\n")
	var b strings.Builder
	b.WriteString(header + "\r\n")
	for i := 0; b.Len() <= 8<<20; i++ {
		b.WriteString(strings.Replace(line, "hoivarobotiikka-1", fmt.Sprintf("x-%d", i), 1) + "\r\n")
	}
	big := b.String()
	for _, streamed := range []bool{false, true} {
		t.Run(fmt.Sprintf("streamed=%v", streamed), func(t *testing.T) {
			var body io.Reader = strings.NewReader(big)
			if streamed {
				body = io.MultiReader(strings.NewReader(big)) // hides the length: chunked
			}
			req, err := http.NewRequest("POST", f.srv.URL+importPath, body)
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Authorization", "Bearer "+f.tok["hamkdesigner"])
			req.Header.Set("Content-Type", "text/csv")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if streamed != (req.ContentLength <= 0) {
				t.Fatalf("Content-Length %d", req.ContentLength)
			}
			out, _ := io.ReadAll(resp.Body)
			p := problemOf(t, resp, out, http.StatusRequestEntityTooLarge)
			if d, _ := p["detail"].(string); !strings.Contains(d, "8 MiB") || !strings.Contains(d, "split") {
				t.Errorf("detail %q", d)
			}
			if p["code"] != pokot.ETOOLARGE {
				t.Errorf("code %v", p["code"])
			}
		})
	}
	if got := f.hamkPOKs(t); len(got) != 0 {
		t.Fatalf("stored %v", got)
	}
	// Other endpoints keep the 64 KiB limit.
	resp, out := f.do(t, "POST", "/api/v1/orgs/hamk/microcredentials", "hamkdesigner", "application/json",
		`{"title":{"fi":"`+strings.Repeat("a", 70<<10)+`"}}`)
	if p := problemOf(t, resp, out, http.StatusRequestEntityTooLarge); !strings.Contains(p["detail"].(string), "64 KiB") {
		t.Errorf("JSON endpoint: %v", p["detail"])
	}
}

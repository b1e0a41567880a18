package exchange_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/exchange"
)

// FuzzReadCSV feeds arbitrary bytes to the import: it must never panic, and it returns
// either drafts that are valid as drafts and carry a Finnish title, or pokot errors.
func FuzzReadCSV(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.csv"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("title_fi,workload_value,workload_unit,outcome1_skills,partners\nA,1,op,\"http://data.europa.eu/esco/skill/x | a\",\"P | r\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		imp, err := exchange.ReadCSV(bytes.NewReader(data))
		if err != nil {
			var pe *pokot.Error
			if !errors.As(err, &pe) || pe.Code == pokot.EINTERNAL {
				t.Fatalf("not a domain error: %v", err)
			}
			return
		}
		for _, d := range imp.Drafts {
			if err := pokot.ValidateDraft(&d.Content); err != nil {
				t.Fatalf("row %d passed the import but not ValidateDraft: %v", d.Row, err)
			}
			if d.Content.Title[pokot.Finnish] == "" {
				t.Fatalf("row %d has no Finnish title", d.Row)
			}
		}
	})
}

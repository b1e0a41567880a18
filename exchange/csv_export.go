package exchange

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/pokot/pokot"
)

// CSVRow is one POK version to export: its slug and the version (with Content.Image.Data
// filled when the image should travel along).
type CSVRow struct {
	Slug    string
	Version *pokot.MicrocredentialVersion
}

// CSVHeader returns the header of an export whose longest description has n learning
// outcomes (at least one outcome's columns are always written).
func CSVHeader(n int) []string {
	h := []string{colID, colVersion, colStatus, colSlug}
	for _, c := range contentColumns {
		h = append(h, c.name)
	}
	for i := 1; i <= max(n, 1); i++ {
		h = append(h, outcomeColumns(i)...)
	}
	return h
}

// WriteCSV writes one row per POK version: the columns of CSVHeader, language variants in
// columns of their own (title_fi, title_sv, title_en …), learning outcomes in numbered
// columns (outcome1_text_fi … outcome1_skills), lists as described in docs/exchange.md.
// Every cell is written with pokot.SpreadsheetCell: one that a spreadsheet could run as a
// formula (starting with =, +, -, @, a tab or a carriage return, or an apostrophe) gets a
// leading apostrophe, which ReadCSV removes again (pokot.FromSpreadsheetCell). EINVALID ("err.csv.export_keyword", "err.csv.export_separator")
// when a keyword holds a comma or a label a "|", which the cell formats cannot carry.
func WriteCSV(w io.Writer, rows []CSVRow, opt CSVOptions) error {
	if opt.Separator == 0 {
		opt.Separator = ','
	}
	n := 0
	for _, r := range rows {
		n = max(n, len(r.Version.Content.Outcomes))
		if err := exportable(&r.Version.Content); err != nil {
			return fmt.Errorf("%s version %d: %w", r.Slug, r.Version.Number, err)
		}
	}
	if opt.BOM {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.Comma = opt.Separator
	cw.UseCRLF = opt.BOM // Excel's own line ends when writing for Excel
	if err := cw.Write(CSVHeader(n)); err != nil {
		return err
	}
	for _, r := range rows {
		v := r.Version
		c := &v.Content
		rec := []string{strconv.FormatInt(v.MicrocredentialID, 10), strconv.Itoa(v.Number), string(v.Status), r.Slug}
		for _, col := range contentColumns {
			rec = append(rec, col.get(c, &opt))
		}
		for i := 0; i < max(n, 1); i++ {
			for _, name := range outcomeColumns(i + 1) {
				if i >= len(c.Outcomes) {
					rec = append(rec, "")
					continue
				}
				part := name[strings.Index(name, "_")+1:]
				rec = append(rec, outcomeCell(&c.Outcomes[i], part))
			}
		}
		for i, s := range rec {
			rec[i] = pokot.SpreadsheetCell(s)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// exportable refuses what the cell formats cannot carry without loss.
func exportable(c *pokot.MicrocredentialContent) error {
	for l, ks := range c.Keywords {
		for _, k := range ks {
			if strings.Contains(k, ",") {
				return pokot.FieldError("keywords_"+string(l), "err.csv.export_keyword", fmt.Sprintf("the keyword %q has a comma", k))
			}
		}
	}
	bad := func(s string) bool { return strings.ContainsAny(s, "|\n") }
	for i, o := range c.Outcomes {
		for _, k := range append(append([]pokot.Concept{}, o.Skills...), o.Occupations...) {
			if bad(k.URI) || bad(k.Label[pokot.Finnish]) || bad(k.Label[pokot.Swedish]) || bad(k.Label[pokot.English]) {
				return pokot.FieldError(fmt.Sprintf("outcome%d_skills", i+1), "err.csv.export_separator", "an ESCO label has a | or a line break")
			}
		}
	}
	for _, p := range c.Partners {
		if bad(p.Name) || bad(p.Role[pokot.Finnish]) || bad(p.Role[pokot.Swedish]) || bad(p.Role[pokot.English]) {
			return pokot.FieldError("partners", "err.csv.export_separator", "a partner's name or role has a | or a line break")
		}
	}
	return nil
}

package exchange

import (
	"encoding/base64"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pokot/pokot"
)

// CSVImport is the result of reading a CSV file of POK descriptions: every row parsed
// and valid as a draft, or nothing.
type CSVImport struct {
	Drafts    []ImportedDraft
	Encoding  string // EncodingUTF8, EncodingUTF8BOM or EncodingWindows1252
	Separator rune
}

// ImportedDraft is one row of an import: a description to store as a new draft.
type ImportedDraft struct {
	Row     int    // the spreadsheet row number (the header is row 1)
	Slug    string // "" lets CreateMicrocredential make one from the Finnish title
	Content pokot.MicrocredentialContent
}

// ReadCSV reads a CSV file of POK descriptions in the format that WriteCSV writes: UTF-8
// with or without a byte order mark, or Windows-1252/ISO-8859-1 (read as such, and
// reported in Encoding); comma, semicolon or tab separated (detected from the header
// line); numbers with a decimal point or comma. Columns id, version and status are
// ignored: every row becomes a new draft. It returns the drafts only if every row is
// valid (pokot.ValidateDraft, a Finnish title, a well-formed image); otherwise pokot.Errors
// (EINVALID) with every problem, each with Field "row N, column NAME" (or "row 1, column
// NAME" for the header and "file" for the whole file), a catalog key (err.csv.* for the
// file format, err.mc.* for the content) and an English message. ETOOLARGE
// ("err.csv.too_large", "err.csv.too_many_rows") beyond MaxCSVBytes or MaxCSVRows.
// Storing the drafts, in one transaction, is the caller's job.
func ReadCSV(r io.Reader) (*CSVImport, error) {
	text, enc, err := decodeCSV(r)
	if err != nil {
		return nil, err
	}
	sep := detectSeparator(text)
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, pokot.Errors{fileError(pokot.EINVALID, "err.csv.empty", "the file is empty")}
	}
	if err != nil {
		return nil, pokot.Errors{syntaxError(err)}
	}
	cols, errs := readHeader(header)
	if len(errs) > 0 {
		return nil, errs
	}
	out := &CSVImport{Encoding: enc, Separator: sep}
	slugs := map[string]int{}
	for row := 2; ; row++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			errs = append(errs, syntaxError(err))
			break
		}
		if blank(rec) {
			continue
		}
		if len(out.Drafts)+1 > MaxCSVRows {
			return nil, fileError(pokot.ETOOLARGE, "err.csv.too_many_rows", fmt.Sprintf("at most %d descriptions in one file", MaxCSVRows))
		}
		if len(rec) != len(header) {
			errs = append(errs, cellError(row, "", "err.csv.field_count", fmt.Sprintf("the row has %d cells, the header %d", len(rec), len(header))))
			continue
		}
		d, rowErrs := readRow(row, cols, rec)
		if d.Slug != "" {
			if first, ok := slugs[d.Slug]; ok {
				rowErrs = append(rowErrs, cellError(row, colSlug, "err.csv.duplicate_slug", fmt.Sprintf("the same slug as on row %d", first)))
			}
			slugs[d.Slug] = row
		}
		errs = append(errs, rowErrs...)
		out.Drafts = append(out.Drafts, d)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(out.Drafts) == 0 {
		return nil, pokot.Errors{fileError(pokot.EINVALID, "err.csv.no_rows", "the file has a header but no descriptions")}
	}
	return out, nil
}

func blank(rec []string) bool {
	for _, s := range rec {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// cellError is an import error at a row and column; column "" means the whole row.
func cellError(row int, col, key, msg string) *pokot.Error {
	f := fmt.Sprintf("row %d", row)
	if col != "" {
		f += ", column " + col
	}
	return &pokot.Error{Code: pokot.EINVALID, Field: f, Key: key, Message: f + ": " + msg}
}

func syntaxError(err error) *pokot.Error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		f := fmt.Sprintf("line %d", pe.StartLine)
		return &pokot.Error{Code: pokot.EINVALID, Field: f, Key: "err.csv.syntax", Message: fmt.Sprintf("%s: %v (check the quotation marks)", f, pe.Err), Err: err}
	}
	return &pokot.Error{Code: pokot.EINVALID, Field: "file", Key: "err.csv.syntax", Message: "the file is not valid CSV", Err: err}
}

// readHeader maps the header's names to columns; "" stands for ignored columns.
func readHeader(header []string) ([]string, pokot.Errors) {
	var errs pokot.Errors
	names := make([]string, len(header))
	seen := map[string]bool{}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		names[i] = name
		switch {
		case name == "":
			continue // Excel's trailing separators; refused per row if a cell has text
		case seen[name]:
			errs = append(errs, cellError(1, name, "err.csv.duplicate_column", "the column appears twice"))
		case name == colID || name == colVersion || name == colStatus || name == colSlug || columnByName[name] != nil:
		default:
			if m := outcomeColumn.FindStringSubmatch(name); m != nil {
				if n := atoi(m[1]); n <= maxOutcomeColumns {
					break
				}
			}
			errs = append(errs, cellError(1, name, "err.csv.unknown_column", fmt.Sprintf("unknown column %q; see docs/exchange.md for the column names", name)))
		}
		seen[name] = true
	}
	for _, r := range requiredColumns {
		if !seen[r] {
			errs = append(errs, cellError(1, r, "err.csv.missing_column", fmt.Sprintf("the column %s is missing", r)))
		}
	}
	return names, errs
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// readRow parses one row into a draft and validates it.
func readRow(row int, cols, rec []string) (ImportedDraft, pokot.Errors) {
	var errs pokot.Errors
	d := ImportedDraft{Row: row}
	c := &d.Content
	outcomes := map[int]*pokot.LearningOutcome{}
	image := ""
	for i, name := range cols {
		v := pokot.FromSpreadsheetCell(strings.TrimSpace(rec[i]))
		limit := MaxCellRunes
		if name == "image" {
			limit = MaxImageCell
		}
		if utf8.RuneCountInString(v) > limit {
			errs = append(errs, cellError(row, name, "err.csv.cell_too_long", fmt.Sprintf("at most %d characters", limit)))
			continue
		}
		switch name {
		case "":
			if v != "" {
				errs = append(errs, cellError(row, strconv.Itoa(i+1), "err.csv.empty_column", "the cell has text but its column has no name in the header"))
			}
			continue
		case colID, colVersion, colStatus:
			continue
		case colSlug:
			d.Slug = v
			if v != "" && !pokot.ValidSlug(v) {
				errs = append(errs, cellError(row, name, "err.mc.slug_invalid", "use lowercase letters, digits and hyphens, e.g. hoivarobotiikka"))
			}
			continue
		case "image":
			image = v
			continue
		}
		if m := outcomeColumn.FindStringSubmatch(name); m != nil {
			n := atoi(m[1])
			if outcomes[n] == nil {
				outcomes[n] = &pokot.LearningOutcome{}
			}
			if key, msg := setOutcomeCell(outcomes[n], m[2], v); key != "" {
				errs = append(errs, cellError(row, name, key, msg))
			}
			continue
		}
		if key, msg := columnByName[name].set(c, v); key != "" {
			errs = append(errs, cellError(row, name, key, msg))
		}
	}
	// Outcomes in column order; empty ones are left out, and index tells which column
	// number a validation error of outcomes[i] belongs to.
	var index []int
	for n := 1; n <= maxOutcomeColumns; n++ {
		if o := outcomes[n]; o != nil && (len(o.Text) > 0 || len(o.Criteria) > 0 || len(o.Skills) > 0 || len(o.Occupations) > 0) {
			c.Outcomes = append(c.Outcomes, *o)
			index = append(index, n)
		}
	}
	errs = append(errs, setImage(row, c, image)...)
	if strings.TrimSpace(c.Title[pokot.Finnish]) == "" {
		errs = append(errs, cellError(row, "title_fi", "err.csv.title_fi_required", "the Finnish title is required"))
	}
	var ves pokot.Errors
	if err := pokot.ValidateDraft(c); errors.As(err, &ves) {
		for _, e := range ves {
			errs = append(errs, cellError(row, columnOf(e.Field, index), e.Key, e.Message))
		}
	}
	return d, errs
}

// setImage reads the image cell: a data: URI of a PNG or SVG image, checked and (SVG)
// sanitised by pokot.NewBadgeImage. Links and file names are refused: the import never
// fetches anything.
func setImage(row int, c *pokot.MicrocredentialContent, v string) pokot.Errors {
	alt := pokot.Text(nil)
	if c.Image != nil {
		alt = c.Image.Alt
		c.Image = nil
	}
	if v == "" {
		if len(alt) > 0 {
			return pokot.Errors{cellError(row, "image", "err.csv.image_missing", "alternative text is given but no image")}
		}
		return nil
	}
	meta, payload, ok := strings.Cut(v, ",")
	if !strings.HasPrefix(strings.ToLower(meta), "data:") || !ok {
		return pokot.Errors{cellError(row, "image", "err.csv.image_reference", "give the image as a data: URI (data:image/png;base64,…); links and file names are not fetched")}
	}
	if !strings.HasSuffix(strings.ToLower(meta), ";base64") {
		return pokot.Errors{cellError(row, "image", "err.csv.image_invalid", "the data: URI must be base64-encoded")}
	}
	data, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(payload), ""))
	if err != nil {
		return pokot.Errors{cellError(row, "image", "err.csv.image_invalid", "the image's base64 text is damaged")}
	}
	img, err := pokot.NewBadgeImage(data, alt)
	var pe *pokot.Error
	if errors.As(err, &pe) {
		return pokot.Errors{cellError(row, "image", pe.Key, pe.Message)}
	}
	if err != nil {
		return pokot.Errors{cellError(row, "image", "err.csv.image_invalid", "the image cannot be read")}
	}
	c.Image = img
	return nil
}

package exchange_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/exchange"
)

func readFile(t *testing.T, name string) (*exchange.CSVImport, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return exchange.ReadCSV(f)
}

// problems lists an import error's problems as "field: key".
func problems(t *testing.T, err error) []string {
	t.Helper()
	var es pokot.Errors
	if !errors.As(err, &es) {
		var e *pokot.Error
		if errors.As(err, &e) {
			return []string{e.Field + ": " + e.Key}
		}
		t.Fatalf("not a pokot error: %v", err)
	}
	var out []string
	for _, e := range es {
		if e.Code != pokot.EINVALID || e.Message == "" {
			t.Errorf("%s: code %s, message %q", e.Field, e.Code, e.Message)
		}
		out = append(out, e.Field+": "+e.Key)
	}
	return out
}

// TestReadCSVEncodingsAndSeparators reads the same two descriptions written by Excel with
// Finnish settings (semicolons, BOM, CRLF, decimal comma), as ISO-8859-1 and as plain UTF-8.
func TestReadCSVEncodingsAndSeparators(t *testing.T) {
	for _, tc := range []struct {
		file, enc string
		sep       rune
	}{
		{"excel-semicolon-bom.csv", exchange.EncodingUTF8BOM, ';'},
		{"latin1-comma.csv", exchange.EncodingWindows1252, ','},
		{"utf8-comma.csv", exchange.EncodingUTF8, ','},
	} {
		t.Run(tc.file, func(t *testing.T) {
			imp, err := readFile(t, tc.file)
			if err != nil {
				t.Fatalf("%v: %v", err, problems(t, err))
			}
			if imp.Encoding != tc.enc || imp.Separator != tc.sep || len(imp.Drafts) != 2 {
				t.Fatalf("encoding %s separator %q drafts %d", imp.Encoding, imp.Separator, len(imp.Drafts))
			}
			a, b := imp.Drafts[0].Content, imp.Drafts[1].Content
			if a.Title[pokot.Swedish] != "Grunderna i vårdrobotik" || a.Workload != (pokot.Workload{Value: 2.5, Unit: pokot.UnitOSP}) || a.EQFLevel != 4 {
				t.Errorf("row 2: %v %v %d", a.Title, a.Workload, a.EQFLevel)
			}
			if !slices.Equal(a.Assessment, []pokot.AssessmentType{pokot.AssessDemonstration, pokot.AssessPortfolio}) || len(a.Outcomes) != 2 ||
				a.Outcomes[0].Skills[0].Label[pokot.Finnish] != "käyttää hyvinvointiteknologiaa" || a.Outcomes[0].Criteria[pokot.Finnish] != "Valmistelee käyttöönoton; ohjaa asiakasta." {
				t.Errorf("row 2 outcomes %+v", a.Outcomes)
			}
			if b.Description[pokot.Finnish] != `Rakennustyömaan turvallisuus "käytännössä".` || b.Outcomes[0].Text[pokot.Finnish] != "Tunnistat vaarat.\nTeet riskinarvion." ||
				b.Workload.Unit != pokot.UnitHours || imp.Drafts[1].Row != 3 {
				t.Errorf("row 3: %q %q %v", b.Description, b.Outcomes[0].Text, b.Workload)
			}
		})
	}
}

// TestReadCSVReportsEveryBadRow checks that every problem of every row is reported with
// its row and column, and that nothing is returned.
func TestReadCSVReportsEveryBadRow(t *testing.T) {
	imp, err := readFile(t, "bad-rows.csv")
	if imp != nil {
		t.Fatalf("drafts returned despite errors: %d", len(imp.Drafts))
	}
	got := problems(t, err)
	want := []string{
		"row 2, column title_fi: err.csv.title_fi_required",
		"row 3, column workload_unit: err.mc.unit_required",
		"row 4, column eqf_level: err.mc.level_invalid",
		"row 5, column image: err.csv.image_reference",
		"row 6, column image: err.csv.image_invalid",
		"row 7, column image: err.mc.image_type",
		"row 8, column workload_value: err.csv.not_number",
		"row 8, column eqf_level: err.csv.not_integer",
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing %q", w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	var es pokot.Errors
	errors.As(err, &es)
	if m := es[0].Message; !strings.HasPrefix(m, "row 2, column title_fi: ") {
		t.Errorf("message %q does not say where", m)
	}
}

func TestReadCSVWrongColumns(t *testing.T) {
	_, err := readFile(t, "wrong-columns.csv")
	got := problems(t, err)
	want := []string{
		"row 1, column nimi_fi: err.csv.unknown_column",
		"row 1, column laajuus: err.csv.unknown_column",
		"row 1, column title_sv: err.csv.duplicate_column",
		"row 1, column title_fi: err.csv.missing_column",
		"row 1, column workload_value: err.csv.missing_column",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReadCSVFileProblems(t *testing.T) {
	header := "title_fi,workload_value,workload_unit\n"
	utf16 := []byte{0xff, 0xfe}
	for _, r := range header {
		utf16 = append(utf16, byte(r), 0)
	}
	for name, tc := range map[string]struct {
		input string
		want  string
	}{
		"empty":          {"", "file: err.csv.empty"},
		"header only":    {"", "file: err.csv.no_rows"},
		"utf-16":         {string(utf16), "file: err.csv.utf16"},
		"binary":         {"title_fi\x00\x01,workload_value\n", "file: err.csv.not_text"},
		"bad utf-8 bom":  {"\xef\xbb\xbf" + header + "K\xe4\xe4nt\xe4j\xe4,5,op\n", "file: err.csv.bad_utf8"},
		"open quote":     {header + "\"Hoiva,5,osp\n", "line 2: err.csv.syntax"},
		"cell count":     {header + "Hoiva,5\n", "row 2: err.csv.field_count"},
		"too long":       {header + strings.Repeat("ä", exchange.MaxCellRunes+1) + ",5,osp\n", "row 2, column title_fi: err.csv.cell_too_long"},
		"bad slug":       {"slug," + header + "Hoiva Robotit,Hoiva,5,osp\n", "row 2, column slug: err.mc.slug_invalid"},
		"duplicate slug": {"slug," + header + "hoiva,Hoiva,5,osp\nhoiva,Hoiva 2,5,osp\n", "row 3, column slug: err.csv.duplicate_slug"},
		"outcome 31":     {"outcome31_text_fi," + header + "x,Hoiva,5,osp\n", "row 1, column outcome31_text_fi: err.csv.unknown_column"},
		"unknown choice": {"assessment," + header + "\"test, essee\",Hoiva,5,osp\n", "row 2, column assessment: err.mc.choice_invalid"},
		"bad esco":       {"outcome1_skills," + header + "https://example.com/skill | taito,Hoiva,5,osp\n", "row 2, column outcome1_skills: err.mc.esco_invalid"},
		"unnamed column": {header[:len(header)-1] + ",\nHoiva,5,osp,sisältöä\n", "row 2, column 4: err.csv.empty_column"},
		"alt, no image":  {"image_alt_fi," + header + "Kuva,Hoiva,5,osp\n", "row 2, column image: err.csv.image_missing"},
	} {
		t.Run(name, func(t *testing.T) {
			in := tc.input
			if name == "header only" {
				in = header + ",,\n\n"
			}
			imp, err := exchange.ReadCSV(strings.NewReader(in))
			if imp != nil {
				t.Fatalf("imported %d drafts", len(imp.Drafts))
			}
			if got := problems(t, err); !slices.Contains(got, tc.want) {
				t.Errorf("got %v, want %s", got, tc.want)
			}
		})
	}
}

func TestReadCSVLimits(t *testing.T) {
	var b strings.Builder
	b.WriteString("title_fi;workload_value;workload_unit\n")
	for i := 0; i <= exchange.MaxCSVRows; i++ {
		fmt.Fprintf(&b, "POK %d;1;op\n", i)
	}
	_, err := exchange.ReadCSV(strings.NewReader(b.String()))
	if pokot.ErrorCode(err) != pokot.ETOOLARGE || !strings.Contains(err.Error(), "descriptions") {
		t.Errorf("%d rows: %v", exchange.MaxCSVRows+1, err)
	}
	_, err = exchange.ReadCSV(strings.NewReader(strings.Repeat("a", exchange.MaxCSVBytes+1)))
	if pokot.ErrorCode(err) != pokot.ETOOLARGE {
		t.Errorf("a file over the size limit: %v", err)
	}
}

// TestReadCSVTrailingSeparators reads Excel's trailing empty columns without complaint.
func TestReadCSVTrailingSeparators(t *testing.T) {
	imp, err := exchange.ReadCSV(strings.NewReader("title_fi;workload_value;workload_unit;;\r\nHoiva;5;osp;;\r\n;;;;\r\n"))
	if err != nil || len(imp.Drafts) != 1 {
		t.Fatalf("%v %v", imp, err)
	}
}

// TestReadCSVTabs reads tab-separated text (Excel's "Unicode text" saved as UTF-8).
func TestReadCSVTabs(t *testing.T) {
	imp, err := exchange.ReadCSV(strings.NewReader("title_fi\tworkload_value\tworkload_unit\nHoiva, robotit\t1,5\top\n"))
	if err != nil {
		t.Fatal(err)
	}
	if imp.Separator != '\t' || imp.Drafts[0].Content.Title[pokot.Finnish] != "Hoiva, robotit" || imp.Drafts[0].Content.Workload.Value != 1.5 {
		t.Errorf("%q %+v", imp.Separator, imp.Drafts[0].Content)
	}
}

// TestReadCSVHeaderOnly reads Excel's file of a header and an empty row: zero descriptions.
func TestReadCSVHeaderOnly(t *testing.T) {
	imp, err := readFile(t, "header-only.csv")
	if got := problems(t, err); imp != nil || !slices.Equal(got, []string{"file: err.csv.no_rows"}) {
		t.Errorf("%v %v", imp, got)
	}
}

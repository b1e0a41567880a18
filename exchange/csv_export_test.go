package exchange_test

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/exchange"
)

func minimalContent() pokot.MicrocredentialContent {
	return pokot.MicrocredentialContent{
		Title:    pokot.Text{pokot.Finnish: "=HYPERLINK(\"http://evil.example\")"},
		Outcomes: []pokot.LearningOutcome{{Text: pokot.Text{pokot.Finnish: "-osaat"}}, {Criteria: pokot.Text{pokot.English: "@mention"}}, {Text: pokot.Text{pokot.Finnish: "-2+3+cmd|' /C calc'!A0"}}},
		Workload: pokot.Workload{Value: 0.5, Unit: pokot.UnitOP},
		Contact:  pokot.Contact{Phone: "+358 40 123", Name: "'=quoted already"},
		Image: &pokot.BadgeImage{MediaType: "image/svg+xml", Alt: pokot.Text{pokot.Finnish: "Ympyrä"},
			Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#005aa0"></circle></svg>`)},
	}
}

// TestCSVRoundTrip exports POKs and imports the file: the same descriptions come back,
// for plain CSV and for Excel's Finnish flavour.
func TestCSVRoundTrip(t *testing.T) {
	full := testVersion(t)
	small := &pokot.MicrocredentialVersion{MicrocredentialID: 18, Number: 1, Status: pokot.StatusPublished, Content: minimalContent()}
	rows := []exchange.CSVRow{{Slug: "hoivarobotiikka", Version: full}, {Slug: "pieni", Version: small}}
	for name, opt := range map[string]exchange.CSVOptions{"plain": {}, "excel": exchange.ExcelFinland, "tabs": {Separator: '\t'}} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := exchange.WriteCSV(&b, rows, opt); err != nil {
				t.Fatal(err)
			}
			if opt.BOM != bytes.HasPrefix(b.Bytes(), []byte("\xef\xbb\xbf")) {
				t.Error("BOM wrong")
			}
			imp, err := exchange.ReadCSV(bytes.NewReader(b.Bytes()))
			if err != nil {
				t.Fatalf("%v\n%v", err, problems(t, err))
			}
			if len(imp.Drafts) != 2 || imp.Drafts[0].Slug != "hoivarobotiikka" || imp.Drafts[1].Row != 3 {
				t.Fatalf("drafts %+v", imp.Drafts)
			}
			for i, r := range rows {
				want, got := normalize(r.Version.Content), normalize(imp.Drafts[i].Content)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("row %d differs:\n got %+v\nwant %+v", i+2, got, want)
				}
			}
		})
	}
}

// TestWriteCSVDefusesFormulas checks the cells a spreadsheet would run.
func TestWriteCSVDefusesFormulas(t *testing.T) {
	v := &pokot.MicrocredentialVersion{MicrocredentialID: 18, Number: 1, Status: pokot.StatusPublished, Content: minimalContent()}
	var b bytes.Buffer
	if err := exchange.WriteCSV(&b, []exchange.CSVRow{{Slug: "pieni", Version: v}}, exchange.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	cell := func(name string) string {
		for i, h := range recs[0] {
			if h == name {
				return recs[1][i]
			}
		}
		t.Fatalf("no column %s", name)
		return ""
	}
	for col, want := range map[string]string{
		"title_fi": "'=HYPERLINK(\"http://evil.example\")", "outcome1_text_fi": "'-osaat", "outcome2_criteria_en": "'@mention",
		// A payload may start with + or - and a digit: every such cell is defused too.
		"outcome3_text_fi": "'-2+3+cmd|' /C calc'!A0",
		"contact_phone":    "'+358 40 123", "contact_name": "''=quoted already", "workload_value": "0.5", "workload_unit": "op",
		"id": "18", "version": "1", "status": "published", "slug": "pieni", "eqf_level": "", "jotpa": "false",
	} {
		if got := cell(col); got != want {
			t.Errorf("%s = %q, want %q", col, got, want)
		}
	}
	if len(recs[0]) != len(exchange.CSVHeader(3)) || !strings.HasPrefix(cell("image"), "data:image/svg+xml;base64,") {
		t.Errorf("header %d columns; image %.40q", len(recs[0]), cell("image"))
	}
}

func TestWriteCSVRefusesWhatCellsCannotCarry(t *testing.T) {
	v := testVersion(t)
	v.Content.Keywords[pokot.Finnish] = []string{"hoiva, robotiikka"}
	err := exchange.WriteCSV(&bytes.Buffer{}, []exchange.CSVRow{{Slug: "x", Version: v}}, exchange.CSVOptions{})
	if pokot.ErrorCode(err) != pokot.EINVALID || !strings.Contains(err.Error(), "comma") {
		t.Errorf("keyword with a comma: %v", err)
	}
	v = testVersion(t)
	v.Content.Partners[0].Name = "A | B"
	if err := exchange.WriteCSV(&bytes.Buffer{}, []exchange.CSVRow{{Slug: "x", Version: v}}, exchange.CSVOptions{}); pokot.ErrorCode(err) != pokot.EINVALID {
		t.Errorf("partner with a |: %v", err)
	}
}

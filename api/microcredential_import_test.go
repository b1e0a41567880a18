package api_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

const importPath = "/api/v1/orgs/hamk/microcredentials/import"

func (f *fixture) hamkPOKs(t *testing.T) []string {
	t.Helper()
	ms, err := f.db.Microcredentials(context.Background(), f.orgID(t, "hamk"), "")
	if err != nil {
		t.Fatal(err)
	}
	var slugs []string
	for _, m := range ms {
		slugs = append(slugs, m.Slug)
	}
	return slugs
}

type importProblem struct {
	Errors map[string][]string
	Rows   []struct {
		Row, Line   int
		Column, Key string
		Message     string
		Messages    pokot.Text
	}
}

func TestImportCSV(t *testing.T) {
	f := setup(t)
	good := "title_fi,title_en,workload_value,workload_unit,eqf_level\n" +
		"Hitsauksen perusteet,Basics of welding,5,osp,4\n" +
		"Asiakaspalvelu,Customer service,2.5,op,5\n"
	resp, body := f.do(t, "POST", importPath, "hamkdesigner", "text/csv; charset=utf-8", good)
	if resp.StatusCode != 201 {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	var res struct {
		Created []struct {
			Row  int
			ID   int64
			Slug string
		}
		Count     int
		Encoding  string
		Separator string
	}
	if err := json.Unmarshal(body, &res); err != nil || res.Count != 2 || res.Created[0].Row != 2 || res.Created[0].Slug != "hitsauksen-perusteet" ||
		res.Created[1].Slug != "asiakaspalvelu" || res.Encoding != "utf-8" || res.Separator != "," {
		t.Fatalf("%+v %v: %s", res, err, body)
	}
	v, err := f.db.MicrocredentialVersion(context.Background(), f.orgID(t, "hamk"), res.Created[1].ID, 1)
	if err != nil || v.Status != "draft" || v.Content.Workload.Value != 2.5 || v.Content.Workload.Unit != "op" || v.Content.Title["en"] != "Customer service" {
		t.Fatalf("imported draft %+v %v", v, err)
	}

	// Excel with Finnish settings: BOM, semicolons, decimal commas; and Windows-1252.
	excel := "\ufefftitle_fi;workload_value;workload_unit\r\nSähkötyöturvallisuus;1,5;osp\r\n"
	resp, body = f.do(t, "POST", importPath, "hamkdesigner", "text/csv", excel)
	if resp.StatusCode != 201 || !strings.Contains(string(body), `"utf-8-bom"`) || !strings.Contains(string(body), `"sahkotyoturvallisuus"`) {
		t.Fatalf("excel: %d %s", resp.StatusCode, body)
	}
	latin, _ := charmap.Windows1252.NewEncoder().String("title_fi,workload_value,workload_unit\nPäivähoidon ääret,3,h\n")
	resp, body = f.do(t, "POST", importPath, "hamkdesigner", "text/csv", latin)
	if resp.StatusCode != 201 || !strings.Contains(string(body), `"windows-1252"`) || !strings.Contains(string(body), `"paivahoidon-aaret"`) {
		t.Fatalf("windows-1252: %d %s", resp.StatusCode, body)
	}
	before := len(f.hamkPOKs(t))
	if before != 4 {
		t.Fatalf("%d POKs after three imports", before)
	}

	cases := []struct {
		name, csv string
		row       int
		column    string
		key       string
	}{
		{"bad unit in row 3", "title_fi,workload_value,workload_unit\nRivi kaksi,5,osp\nRivi kolme,5,vuotta\n", 3, "workload_unit", "err.mc.unit_invalid"},
		{"workload without unit", "title_fi,workload_value,workload_unit\nRivi kaksi,5,\n", 2, "workload_unit", ""},
		{"unknown EQF level", "title_fi,workload_value,workload_unit,eqf_level\nRivi kaksi,5,osp,9\n", 2, "eqf_level", ""},
		{"missing Finnish title", "title_fi,title_en,workload_value,workload_unit\n,English only,5,osp\n", 2, "title_fi", ""},
		{"unknown column", "title_fi,workload_value,workload_unit,colour\nRivi,5,osp,blue\n", 1, "colour", "err.csv.unknown_column"},
		{"missing column", "title_fi,workload_value\nRivi,5\n", 1, "workload_unit", "err.csv.missing_column"},
		{"same title twice", "title_fi,workload_value,workload_unit\nKaksoset,5,osp\nKaksoset,3,osp\n", 3, "title_fi", "err.csv.duplicate_slug"},
		{"already imported", good, 2, "title_fi", "err.mc.slug_taken"},
		{"no address name", "title_fi,workload_value,workload_unit\nЭлектрик,5,osp\n", 2, "title_fi", "err.mc.slug_invalid"},
		{"utf-16", "\xff\xfet\x00i\x00", 0, "", "err.csv.utf16"},
		{"empty", "", 0, "", "err.csv.empty"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := f.do(t, "POST", importPath, "hamkdesigner", "text/csv", c.csv)
			problemOf(t, resp, body, 422)
			var p importProblem
			if err := json.Unmarshal(body, &p); err != nil {
				t.Fatal(err)
			}
			found := false
			for _, r := range p.Rows {
				if r.Row == c.row && r.Column == c.column && (c.key == "" || r.Key == c.key) && r.Message != "" {
					found = true
				}
			}
			if !found {
				t.Errorf("no error at row %d, column %q (%s): %s", c.row, c.column, c.key, body)
			}
			for _, r := range p.Rows {
				for _, l := range []pokot.Lang{pokot.Finnish, pokot.Swedish, pokot.English} {
					if m := r.Messages[l]; m == "" || strings.Contains(m, i18n.Missing) {
						t.Errorf("row %d %s: message in %s %q", r.Row, r.Key, l, m)
					}
				}
			}
			if len(p.Errors) == 0 {
				t.Errorf("errors member empty: %s", body)
			}
		})
	}
	resp, body = f.do(t, "POST", importPath, "hamkdesigner", "text/csv", cases[0].csv)
	var p importProblem
	json.Unmarshal(body, &p)
	if len(p.Rows) != 1 || p.Rows[0].Messages[pokot.Finnish] != "Rivi 3, sarake workload_unit: Valitse yksikkö: osp, op tai h." {
		t.Errorf("Finnish message: %s", body)
	}
	if after := f.hamkPOKs(t); len(after) != before {
		t.Fatalf("a refused import stored something: %v", after)
	}
	// The good row before the bad one was not stored either.
	for _, s := range f.hamkPOKs(t) {
		if s == "rivi-kaksi" {
			t.Fatal("row 2 of a refused file was stored")
		}
	}

	resp, body = f.do(t, "POST", importPath, "hamkdesigner", "application/json", good)
	problemOf(t, resp, body, 415)
	resp, body = f.do(t, "POST", importPath, "hamkdesigner", "text/csv", "title_fi,workload_value,workload_unit\n"+strings.Repeat("Pitkä rivi,5,osp\n", 5000))
	problemOf(t, resp, body, 413)
	if after := f.hamkPOKs(t); len(after) != before {
		t.Fatalf("a refused import stored something: %v", after)
	}
}

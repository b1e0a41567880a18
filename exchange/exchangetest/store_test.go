package exchangetest_test

import (
	"bytes"
	"context"
	"reflect"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/exchange"
	"github.com/pokot/pokot/exchange/exchangetest"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// TestExportImportThroughTheStore runs the path the API takes on a real database (SQLite,
// or PostgreSQL with POKOT_TEST_POSTGRES): a POK is published, exported as OB 3.0, ELM and
// CSV, and the CSV is imported into another organisation as drafts that hold the same
// description.
const base = "https://pokot.example.fi"

func TestExportImportThroughTheStore(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.New(t)
	hamk, tamk := exchangetest.Org(), &pokot.Organisation{Slug: "tamk", Name: pokot.Text{"fi": "Tampereen ammattikorkeakoulu"}, Country: "FI"}
	hamk.ID = 0
	for _, o := range []*pokot.Organisation{hamk, tamk} {
		if err := db.CreateOrg(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	designer, approver := &pokot.User{Email: "anna@hamk.fi", Name: "Anna"}, &pokot.User{Email: "bo@hamk.fi", Name: "Bo"}
	for _, u := range []*pokot.User{designer, approver} {
		if err := db.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		for _, o := range []*pokot.Organisation{hamk, tamk} {
			if err := db.AddMember(ctx, o.ID, u.ID, pokot.RoleDesigner); err != nil {
				t.Fatal(err)
			}
		}
	}
	content := exchangetest.Content()
	m, _, err := db.CreateMicrocredential(ctx, hamk.ID, designer.ID, "hoivarobotiikka", &content)
	if err != nil {
		t.Fatal(err)
	}
	for _, to := range []pokot.Status{pokot.StatusReview, pokot.StatusApproved, pokot.StatusPublished} {
		by := designer
		if to == pokot.StatusApproved {
			by = approver
		}
		if _, err := db.Transition(ctx, hamk.ID, m.ID, 1, by.ID, to, ""); err != nil {
			t.Fatalf("%s: %v", to, err)
		}
	}

	// GET /api/v1/microcredentials/{id}/ob3 and …/elm
	pub, err := db.PublishedMicrocredential(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	org, err := db.OrgByID(ctx, pub.OrgID)
	if err != nil {
		t.Fatal(err)
	}
	v := pub.Published
	if v.Content.Image != nil && len(v.Content.Image.Data) == 0 {
		img, err := db.BadgeImage(ctx, v.ID)
		if err != nil {
			t.Fatal(err)
		}
		v.Content.Image.Data = img.Data
	}
	e := exchange.Export{BaseURL: base, Org: org, Version: v}
	a, err := exchange.Achievement(e)
	if err != nil {
		t.Fatal(err)
	}
	if a["id"] != exchange.VersionURL(base, m.ID, 1) {
		t.Errorf("achievement id %v", a["id"])
	}
	elm, err := exchange.ELM(e)
	if err != nil {
		t.Fatal(err)
	}
	body := elm["awardingOpportunity"].([]any)[0].(map[string]any)["awardingBody"].([]any)[0].(map[string]any)
	if body["registration"].(map[string]any)["notation"] != "1629463-0" {
		t.Errorf("ELM awarding body %v", body)
	}

	// CSV export, then import into TAMK.
	var file bytes.Buffer
	if err := exchange.WriteCSV(&file, []exchange.CSVRow{{Slug: pub.Slug, Version: v}}, exchange.ExcelFinland); err != nil {
		t.Fatal(err)
	}
	imp, err := exchange.ReadCSV(&file)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range imp.Drafts {
		_, nv, err := db.CreateMicrocredential(ctx, tamk.ID, designer.ID, d.Slug, &d.Content)
		if err != nil {
			t.Fatal(err)
		}
		got, err := db.MicrocredentialVersion(ctx, tamk.ID, nv.MicrocredentialID, 1)
		if err != nil {
			t.Fatal(err)
		}
		for i, o := range got.Content.Outcomes {
			if !pokot.ValidOutcomeID(o.ID) || got.Content.OutcomeIndex(o.ID) != i {
				t.Errorf("imported outcome %d has ID %q", i, o.ID)
			}
		}
		if g, w := exchangetest.Normalize(got.Content), exchangetest.Normalize(exchangetest.Content()); !reflect.DeepEqual(g, w) {
			t.Errorf("the imported draft differs:\n got %+v\nwant %+v", g, w)
		}
	}
}

package sqldb_test

import (
	"reflect"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

func TestOrgs(t *testing.T) {
	db := sqldbtest.New(t)
	o := &pokot.Organisation{
		Slug: " Omnia ", Name: pokot.Text{pokot.Finnish: "Omnia", pokot.Swedish: "Omnia", pokot.English: "Omnia Education"},
		BusinessID: "0201256-6", Country: "fi", Region: "Uusimaa", Homepage: "https://www.omnia.fi", LogoURL: "/logo.svg",
	}
	must(t, db.CreateOrg(ctx, o))
	if o.ID == 0 || o.Created.IsZero() || o.Slug != "omnia" || o.Country != "FI" {
		t.Fatalf("after create: %+v", o)
	}
	got, err := db.OrgBySlug(ctx, "omnia")
	must(t, err)
	if !reflect.DeepEqual(got, o) {
		t.Fatalf("OrgBySlug:\n got %+v\nwant %+v", got, o)
	}
	got, err = db.OrgByID(ctx, o.ID)
	must(t, err)
	if !reflect.DeepEqual(got, o) {
		t.Fatalf("OrgByID:\n got %+v\nwant %+v", got, o)
	}

	o.Name[pokot.English] = "Omnia, the Joint Authority of Education in Espoo Region"
	o.Homepage = "https://omnia.fi"
	o.Slug = "ignored"
	must(t, db.UpdateOrg(ctx, o))
	got, _ = db.OrgByID(ctx, o.ID)
	if got.Name[pokot.English] != o.Name[pokot.English] || got.Homepage != "https://omnia.fi" || got.Slug != "omnia" {
		t.Fatalf("after update: %+v", got)
	}

	newOrg(t, db, "aaa")
	all, err := db.Orgs(ctx)
	must(t, err)
	if len(all) != 2 || all[0].Slug != "aaa" || all[1].Slug != "omnia" {
		t.Fatalf("Orgs: %+v", all)
	}

	tests := []struct {
		name string
		err  error
		code string
		key  string
	}{
		{"duplicate slug", db.CreateOrg(ctx, &pokot.Organisation{Slug: "OMNIA", Name: pokot.Text{"fi": "x"}}), pokot.ECONFLICT, "err.slug_taken"},
		{"bad slug", db.CreateOrg(ctx, &pokot.Organisation{Slug: "a b", Name: pokot.Text{"fi": "x"}}), pokot.EINVALID, "err.slug_invalid"},
		{"one-letter slug", db.CreateOrg(ctx, &pokot.Organisation{Slug: "a", Name: pokot.Text{"fi": "x"}}), pokot.EINVALID, "err.slug_invalid"},
		{"empty name", db.CreateOrg(ctx, &pokot.Organisation{Slug: "empty", Name: pokot.Text{"fi": " "}}), pokot.EINVALID, "err.required"},
		{"bad country", db.CreateOrg(ctx, &pokot.Organisation{Slug: "fin", Name: pokot.Text{"fi": "x"}, Country: "FIN"}), pokot.EINVALID, "err.country_invalid"},
		{"update missing", db.UpdateOrg(ctx, &pokot.Organisation{ID: 9999, Name: pokot.Text{"fi": "x"}}), pokot.ENOTFOUND, "err.not_found"},
		{"update empty name", db.UpdateOrg(ctx, &pokot.Organisation{ID: o.ID}), pokot.EINVALID, "err.required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantCode(t, tt.err, tt.code, tt.key) })
	}
	if _, err := db.OrgByID(ctx, 9999); pokot.ErrorCode(err) != pokot.ENOTFOUND {
		t.Errorf("OrgByID missing: %v", err)
	}
	if _, err := db.OrgBySlug(ctx, "nope"); pokot.ErrorCode(err) != pokot.ENOTFOUND {
		t.Errorf("OrgBySlug missing: %v", err)
	}
	if _, err := db.OrgBySlug(ctx, "empty"); pokot.ErrorCode(err) != pokot.ENOTFOUND {
		t.Errorf("a rejected org was stored: %v", err)
	}
}

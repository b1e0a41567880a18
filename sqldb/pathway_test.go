package sqldb_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/pokot/pokot"
)

func TestPathwayDefineAndRead(t *testing.T) {
	db := testDB(t)
	w := newMCWorld(t, db)
	a := w.publish(t, w.org.ID, mcContent("A", "A", "A"))
	b := w.publish(t, w.org.ID, mcContent("B", "B", "B"))
	c := w.publish(t, w.org.ID, mcContent("C", "C", "C"))
	p := &pokot.Pathway{OrgID: w.org.ID, Name: pokot.Text{"fi": "Polku", "sv": "Stig", "en": "Path"}, Required: 2,
		Members: []int64{c.ID, a.ID, b.ID}, Target: pokot.QualificationUnit{Code: "106936", Name: pokot.Text{"fi": "Osa"}, URL: "https://eperusteet.opintopolku.fi/"}}
	must(t, db.CreatePathway(ctx, p, w.anna.ID))
	got, err := db.Pathway(ctx, p.ID)
	must(t, err)
	if got.Name["sv"] != "Stig" || got.Required != 2 || got.Need() != 2 || fmt.Sprint(got.Members) != fmt.Sprint([]int64{c.ID, a.ID, b.ID}) ||
		got.Target.Code != "106936" || got.CreatedBy != w.anna.ID {
		t.Fatalf("read %+v", got)
	}
	got.Members, got.Required = []int64{a.ID, b.ID}, 0
	must(t, db.UpdatePathway(ctx, got, w.admin.ID))
	with, err := db.PathwaysWithMember(ctx, w.org.ID, c.ID)
	must(t, err)
	if len(with) != 0 {
		t.Fatalf("c is no longer a member: %+v", with)
	}
	with, err = db.PathwaysWithMember(ctx, w.org.ID, a.ID)
	must(t, err)
	if len(with) != 1 || with[0].Need() != 2 || len(with[0].Members) != 2 {
		t.Fatalf("with a: %+v", with)
	}
	list, err := db.Pathways(ctx, w.other.ID)
	must(t, err)
	if len(list) != 0 {
		t.Fatalf("another organisation sees %d pathways", len(list))
	}
	_, err = db.Pathway(ctx, p.ID+100)
	wantCode(t, err, pokot.ENOTFOUND)
}

func TestPathwayBadDefinitionsAreRefused(t *testing.T) {
	db := testDB(t)
	w := newMCWorld(t, db)
	a := w.publish(t, w.org.ID, mcContent("A", "A", "A"))
	b := w.publish(t, w.org.ID, mcContent("B", "B", "B"))
	draft, _, err := db.CreateMicrocredential(ctx, w.org.ID, w.anna.ID, "", mcContent("Luonnos", "U", "D"))
	must(t, err)
	foreign := w.publish(t, w.other.ID, mcContent("Muu", "Annan", "Other"))
	name := pokot.Text{"fi": "Polku"}
	for _, tc := range []struct {
		name        string
		p           pokot.Pathway
		field, key  string
		wantMessage string
	}{
		{"N > M", pokot.Pathway{Name: name, Members: []int64{a.ID, b.ID}, Required: 3}, "required", "err.pathway.required_too_many", "3 of 2 cannot be met: at most 2"},
		{"no POKs", pokot.Pathway{Name: name}, "members", "err.pathway.no_members", "choose at least one POK"},
		{"unknown POK", pokot.Pathway{Name: name, Members: []int64{a.ID, 999999}}, "members[1]", "err.pathway.unknown_member", "POK 999999 is not a published POK of this organisation"},
		{"unpublished POK", pokot.Pathway{Name: name, Members: []int64{draft.ID}}, "members[0]", "err.pathway.unknown_member", ""},
		{"another organisation's POK", pokot.Pathway{Name: name, Members: []int64{foreign.ID}}, "members[0]", "err.pathway.unknown_member", ""},
		{"duplicate", pokot.Pathway{Name: name, Members: []int64{a.ID, b.ID, a.ID}}, "members[2]", "err.pathway.duplicate_member", "the same POK is in the pathway twice"},
		{"no name", pokot.Pathway{Members: []int64{a.ID}}, "name.fi", "err.pathway.name_required", ""},
		{"negative", pokot.Pathway{Name: name, Members: []int64{a.ID}, Required: -1}, "required", "err.pathway.required_invalid", ""},
		{"bad target link", pokot.Pathway{Name: name, Members: []int64{a.ID}, Target: pokot.QualificationUnit{URL: "javascript:alert(1)"}}, "target.url", "err.mc.url_invalid", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.p
			p.OrgID = w.org.ID
			err := db.CreatePathway(ctx, &p, w.anna.ID)
			var es pokot.Errors
			if pokot.ErrorCode(err) != pokot.EINVALID || !errors.As(err, &es) {
				t.Fatalf("error %v", err)
			}
			found := false
			for _, e := range es {
				if e.Field == tc.field && e.Key == tc.key && (tc.wantMessage == "" || e.Message == tc.wantMessage) {
					found = true
				}
			}
			if !found {
				t.Fatalf("errors %v, want %s %s %q", es, tc.field, tc.key, tc.wantMessage)
			}
		})
	}
	list, err := db.Pathways(ctx, w.org.ID)
	must(t, err)
	if len(list) != 0 {
		t.Fatalf("refused definitions stored: %d", len(list))
	}
}

func TestPathwayOnlyDesignersOfTheOrganisationEdit(t *testing.T) {
	db := testDB(t)
	w := newMCWorld(t, db)
	a := w.publish(t, w.org.ID, mcContent("A", "A", "A"))
	p := &pokot.Pathway{OrgID: w.org.ID, Name: pokot.Text{"fi": "Polku"}, Members: []int64{a.ID}}
	// A designer of another organisation may not create one here …
	err := db.CreatePathway(ctx, p, w.nobody.ID)
	wantCode(t, err, pokot.EFORBIDDEN, "err.pathway.forbidden")
	must(t, db.CreatePathway(ctx, p, w.anna.ID))
	// … nor change it, neither as a member of this organisation nor through their own.
	p.Name = pokot.Text{"fi": "Kaapattu"}
	wantCode(t, db.UpdatePathway(ctx, p, w.nobody.ID), pokot.EFORBIDDEN, "err.pathway.forbidden")
	mine := *p
	mine.OrgID = w.other.ID
	mine.Members = []int64{w.publish(t, w.other.ID, mcContent("O", "O", "O")).ID}
	wantCode(t, db.UpdatePathway(ctx, &mine, w.nobody.ID), pokot.ENOTFOUND)
	got, err := db.Pathway(ctx, p.ID)
	must(t, err)
	if got.Name["fi"] != "Polku" || got.OrgID != w.org.ID {
		t.Fatalf("changed: %+v", got)
	}
}

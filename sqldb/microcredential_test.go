package sqldb_test

import (
	"reflect"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

func TestMicrocredentialWorkflow(t *testing.T) {
	t.Parallel()
	db := sqldbtest.New(t)
	w := newMCWorld(t, db)
	c := mcContent("Hoivarobotiikan perusteet", "Grunderna i vårdrobotik", "Basics of care robotics")

	// Only designers and org admins create; the slug comes from the Finnish title.
	_, _, err := db.CreateMicrocredential(ctx, w.org.ID, w.nobody.ID, "", c)
	wantCode(t, err, pokot.EFORBIDDEN, "err.mc.forbidden")
	m, v, err := db.CreateMicrocredential(ctx, w.org.ID, w.anna.ID, "", c)
	must(t, err)
	if m.Slug != "hoivarobotiikan-perusteet" || v.Number != 1 || v.Status != pokot.StatusDraft || v.Revision != 1 {
		t.Fatalf("created %+v %+v", m, v)
	}
	_, _, err = db.CreateMicrocredential(ctx, w.org.ID, w.anna.ID, "", c)
	wantCode(t, err, pokot.ECONFLICT, "err.mc.slug_taken")
	_, _, err = db.CreateMicrocredential(ctx, w.org.ID, w.anna.ID, "Ei Kelpaa", c)
	wantCode(t, err, pokot.EINVALID, "err.mc.slug_invalid")
	bad := *c
	bad.EQFLevel = 9
	_, _, err = db.CreateMicrocredential(ctx, w.org.ID, w.anna.ID, "x", &bad)
	wantCode(t, err, pokot.EINVALID, "err.mc.level_invalid")

	// Tenant isolation: the other organisation sees nothing.
	_, err = db.Microcredential(ctx, w.other.ID, m.ID)
	wantCode(t, err, pokot.ENOTFOUND)
	_, err = db.UpdateDraft(ctx, w.other.ID, m.ID, 1, w.nobody.ID, c, 1)
	wantCode(t, err, pokot.ENOTFOUND)
	_, err = db.MicrocredentialAccess(ctx, w.org.ID, m.ID, w.nobody.ID)
	wantCode(t, err, pokot.ENOTFOUND)

	// Optimistic concurrency.
	c2 := *c
	c2.Description = pokot.Text{"fi": "Uusi kuvaus"}
	v, err = db.UpdateDraft(ctx, w.org.ID, m.ID, 1, w.bo.ID, &c2, 1)
	must(t, err)
	if v.Revision != 2 || v.Content.Description["fi"] != "Uusi kuvaus" || v.UpdatedBy != w.bo.ID {
		t.Fatalf("updated %+v", v)
	}
	_, err = db.UpdateDraft(ctx, w.org.ID, m.ID, 1, w.anna.ID, c, 1)
	wantCode(t, err, pokot.ECONFLICT, "err.mc.stale")

	// Nothing can skip the workflow.
	_, err = db.Transition(ctx, w.org.ID, m.ID, 1, w.anna.ID, pokot.StatusPublished, "")
	wantCode(t, err, pokot.ECONFLICT, "err.mc.bad_transition")
	if _, err := db.Transition(ctx, w.org.ID, m.ID, 1, w.anna.ID, pokot.StatusReview, ""); err != nil {
		t.Fatal(err)
	}
	_, err = db.UpdateDraft(ctx, w.org.ID, m.ID, 1, w.anna.ID, c, 2)
	wantCode(t, err, pokot.ECONFLICT, "err.mc.not_draft")
	// The author cannot approve their own version; another designer can.
	_, err = db.Transition(ctx, w.org.ID, m.ID, 1, w.anna.ID, pokot.StatusApproved, "")
	wantCode(t, err, pokot.EFORBIDDEN, "err.mc.self_approval")
	if _, err := db.Transition(ctx, w.org.ID, m.ID, 1, w.bo.ID, pokot.StatusDraft, "lisää kriteerit"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Transition(ctx, w.org.ID, m.ID, 1, w.anna.ID, pokot.StatusReview, ""); err != nil {
		t.Fatal(err)
	}
	v, err = db.Transition(ctx, w.org.ID, m.ID, 1, w.bo.ID, pokot.StatusApproved, "")
	must(t, err)
	if v.ApprovedBy == nil || *v.ApprovedBy != w.bo.ID || v.ApprovedAt == nil {
		t.Fatalf("approved %+v", v)
	}
	v, err = db.Transition(ctx, w.org.ID, m.ID, 1, w.anna.ID, pokot.StatusPublished, "")
	must(t, err)
	if v.Status != pokot.StatusPublished || v.PublishedAt == nil {
		t.Fatalf("published %+v", v)
	}

	// A published version is immutable; editing makes version 2 from it.
	_, err = db.UpdateDraft(ctx, w.org.ID, m.ID, 1, w.anna.ID, c, v.Revision)
	wantCode(t, err, pokot.ECONFLICT, "err.mc.not_draft")
	v2, err := db.NewVersion(ctx, w.org.ID, m.ID, w.anna.ID)
	must(t, err)
	if v2.Number != 2 || v2.Status != pokot.StatusDraft || v2.Content.Description["fi"] != "Uusi kuvaus" {
		t.Fatalf("new version %+v", v2)
	}
	_, err = db.NewVersion(ctx, w.org.ID, m.ID, w.anna.ID)
	wantCode(t, err, pokot.ECONFLICT, "err.mc.draft_exists")
	c3 := v2.Content
	c3.Workload.Value = 6
	if _, err := db.UpdateDraft(ctx, w.org.ID, m.ID, 2, w.anna.ID, &c3, v2.Revision); err != nil {
		t.Fatal(err)
	}
	got, err := db.Microcredential(ctx, w.org.ID, m.ID)
	must(t, err)
	if got.CurrentVersion != 2 || got.PublishedVersion != 1 || got.Published.Content.Workload.Value != 5 || got.Current.Content.Workload.Value != 6 {
		t.Fatalf("after edit: %+v current %+v published %+v", got, got.Current.Content.Workload, got.Published.Content.Workload)
	}
	// Publishing version 2 archives version 1, which stays addressable.
	if _, err := db.Transition(ctx, w.org.ID, m.ID, 2, w.anna.ID, pokot.StatusReview, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Transition(ctx, w.org.ID, m.ID, 2, w.admin.ID, pokot.StatusApproved, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Transition(ctx, w.org.ID, m.ID, 2, w.admin.ID, pokot.StatusPublished, ""); err != nil {
		t.Fatal(err)
	}
	old, err := db.MicrocredentialVersion(ctx, w.org.ID, m.ID, 1)
	must(t, err)
	if old.Status != pokot.StatusArchived || old.Content.Workload.Value != 5 {
		t.Fatalf("v1 %+v", old)
	}
	vs, err := db.MicrocredentialVersions(ctx, w.org.ID, m.ID)
	must(t, err)
	if len(vs) != 2 || vs[0].Number != 2 {
		t.Fatalf("versions %d", len(vs))
	}
	if d := pokot.Diff(&vs[1].Content, &vs[0].Content); len(d) != 1 || d[0].Path != "workload.value" || d[0].Old != "5" || d[0].New != "6" {
		t.Fatalf("diff %+v", d)
	}
	pub, err := db.PublishedMicrocredential(ctx, m.ID)
	must(t, err)
	if pub.Published.Number != 2 {
		t.Fatalf("public %+v", pub.Published)
	}

	// Every action is in the history.
	hs, err := db.MicrocredentialHistory(ctx, w.org.ID, m.ID)
	must(t, err)
	var actions []string
	for _, h := range hs {
		actions = append(actions, h.Action)
	}
	want := []string{"create", "update", "submit", "request_changes", "submit", "approve", "publish", "new_version", "update", "submit", "approve", "publish"}
	if !reflect.DeepEqual(actions, want) {
		t.Fatalf("history %v", actions)
	}
	if hs[3].UserID != w.bo.ID || hs[3].Note != "lisää kriteerit" {
		t.Fatalf("history entry %+v", hs[3])
	}

	// Archiving takes the POK out of the public catalogue.
	if _, err := db.Transition(ctx, w.org.ID, m.ID, 2, w.admin.ID, pokot.StatusArchived, ""); err != nil {
		t.Fatal(err)
	}
	_, err = db.PublishedMicrocredential(ctx, m.ID)
	wantCode(t, err, pokot.ENOTFOUND)
	list, err := db.Microcredentials(ctx, w.org.ID, "")
	must(t, err)
	if len(list) != 1 || list[0].Current.Status != pokot.StatusArchived {
		t.Fatalf("list %+v", list)
	}
	list, err = db.Microcredentials(ctx, w.org.ID, pokot.StatusDraft)
	must(t, err)
	if len(list) != 0 {
		t.Fatalf("drafts %d", len(list))
	}
}

func TestMicrocredentialQualityGate(t *testing.T) {
	t.Parallel()
	db := sqldbtest.New(t)
	w := newMCWorld(t, db)
	c := mcContent("Keskeneräinen", "", "")
	c.Outcomes[0].Criteria = nil
	c.QualityAssurance = nil
	m, _, err := db.CreateMicrocredential(ctx, w.org.ID, w.anna.ID, "", c)
	must(t, err) // a draft may be incomplete
	if _, err := db.Transition(ctx, w.org.ID, m.ID, 1, w.anna.ID, pokot.StatusReview, ""); err != nil {
		t.Fatal(err)
	}
	_, err = db.Transition(ctx, w.org.ID, m.ID, 1, w.admin.ID, pokot.StatusApproved, "")
	wantCode(t, err, pokot.EINVALID, "quality.quality_assurance")
	es, ok := err.(pokot.Errors)
	if !ok || len(es) != 2 || es[1].Field != "outcomes[0].criteria.fi" {
		t.Fatalf("gate errors %v", err)
	}
	checks, err := db.QualityChecks(ctx, w.org.ID, m.ID, 1)
	must(t, err)
	if pokot.Publishable(checks) {
		t.Fatal("publishable without criteria")
	}
	// Stacking toward a POK that does not exist fails the gate.
	c = mcContent("Jatko-osa", "", "")
	c.Stackability = pokot.Stackability{Kind: pokot.StackMicrocredential, MicrocredentialID: 999999}
	m2, _, err := db.CreateMicrocredential(ctx, w.org.ID, w.anna.ID, "", c)
	must(t, err)
	if _, err := db.Transition(ctx, w.org.ID, m2.ID, 1, w.anna.ID, pokot.StatusReview, ""); err != nil {
		t.Fatal(err)
	}
	_, err = db.Transition(ctx, w.org.ID, m2.ID, 1, w.admin.ID, pokot.StatusApproved, "")
	wantCode(t, err, pokot.EINVALID, "quality.stack_target")
}

func TestMicrocredentialImage(t *testing.T) {
	t.Parallel()
	db := sqldbtest.New(t)
	w := newMCWorld(t, db)
	img, err := pokot.NewBadgeImage([]byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script><circle r="4"/></svg>`),
		pokot.Text{"fi": "Merkki"})
	must(t, err)
	c := mcContent("Kuvallinen", "", "")
	c.Image = img
	m, _, err := db.CreateMicrocredential(ctx, w.org.ID, w.anna.ID, "", c)
	must(t, err)
	v, err := db.MicrocredentialVersion(ctx, w.org.ID, m.ID, 1)
	must(t, err)
	if string(v.Content.Image.Data) != `<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"></circle></svg>` {
		t.Fatalf("image %q", v.Content.Image.Data)
	}
	// Saving without image bytes keeps the stored image; drafts' images are not public.
	c2 := v.Content
	c2.Image = &pokot.BadgeImage{MediaType: "image/svg+xml", Alt: pokot.Text{"fi": "Uusi"}}
	if _, err := db.UpdateDraft(ctx, w.org.ID, m.ID, 1, w.anna.ID, &c2, v.Revision); err != nil {
		t.Fatal(err)
	}
	v, err = db.MicrocredentialVersion(ctx, w.org.ID, m.ID, 1)
	must(t, err)
	if len(v.Content.Image.Data) == 0 || v.Content.Image.Alt["fi"] != "Uusi" {
		t.Fatalf("image lost: %+v", v.Content.Image)
	}
	_, err = db.BadgeImage(ctx, v.ID)
	wantCode(t, err, pokot.ENOTFOUND)
	for _, to := range []pokot.Status{pokot.StatusReview, pokot.StatusApproved, pokot.StatusPublished} {
		by := w.anna
		if to == pokot.StatusApproved {
			by = w.bo
		}
		if _, err := db.Transition(ctx, w.org.ID, m.ID, 1, by.ID, to, ""); err != nil {
			t.Fatal(err)
		}
	}
	bi, err := db.BadgeImage(ctx, v.ID)
	must(t, err)
	if bi.MediaType != "image/svg+xml" || len(bi.Data) == 0 {
		t.Fatalf("public image %+v", bi)
	}
}

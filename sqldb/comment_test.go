package sqldb_test

import (
	"reflect"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

func TestCoDesign(t *testing.T) {
	t.Parallel()
	db := sqldbtest.New(t)
	w := newMCWorld(t, db)
	m, _, err := db.CreateMicrocredential(ctx, w.org.ID, w.anna.ID, "", mcContent("Hoivarobotiikan perusteet", "", ""))
	must(t, err)
	other, _, err := db.CreateMicrocredential(ctx, w.org.ID, w.anna.ID, "", mcContent("Toinen luonnos", "", ""))
	must(t, err)
	partner := newUser(t, db, "Pekka Partneri")

	// Before the invitation the partner sees nothing.
	_, err = db.MicrocredentialAccess(ctx, w.org.ID, m.ID, partner.ID)
	wantCode(t, err, pokot.ENOTFOUND)
	wantCode(t, db.AddComment(ctx, &pokot.Comment{OrgID: w.org.ID, MicrocredentialID: m.ID, Version: 1, AuthorID: partner.ID, Body: "Hei"}), pokot.ENOTFOUND)

	_, err = db.AddPartner(ctx, w.org.ID, m.ID, w.nobody.ID, partner.Email)
	wantCode(t, err, pokot.EFORBIDDEN, "err.mc.forbidden")
	_, err = db.AddPartner(ctx, w.org.ID, m.ID, w.anna.ID, "not an address")
	wantCode(t, err, pokot.EINVALID, "err.email_invalid")
	g, err := db.AddPartner(ctx, w.org.ID, m.ID, w.anna.ID, "  "+partner.Email+" ")
	must(t, err)
	if g.UserID == nil || *g.UserID != partner.ID || g.Email != partner.Email {
		t.Fatalf("grant %+v", g)
	}
	_, err = db.AddPartner(ctx, w.org.ID, m.ID, w.anna.ID, partner.Email)
	wantCode(t, err, pokot.ECONFLICT, "err.mc.partner_exists")
	// An invitation for someone without an account yet.
	_, err = db.AddPartner(ctx, w.org.ID, m.ID, w.anna.ID, "tuleva@yritys.fi")
	must(t, err)
	gs, err := db.Partners(ctx, w.org.ID, m.ID)
	must(t, err)
	if len(gs) != 2 || gs[1].UserID != nil {
		t.Fatalf("partners %+v", gs)
	}

	// The partner sees, comments and signs off this draft only.
	a, err := db.MicrocredentialAccess(ctx, w.org.ID, m.ID, partner.ID)
	must(t, err)
	if !a.View || !a.Comment || !a.SignOff || !a.Partner || a.Edit || a.Approve || a.Publish {
		t.Fatalf("partner access %+v", a)
	}
	_, err = db.MicrocredentialAccess(ctx, w.org.ID, other.ID, partner.ID)
	wantCode(t, err, pokot.ENOTFOUND)
	_, err = db.UpdateDraft(ctx, w.org.ID, m.ID, 1, partner.ID, mcContent("Muutettu", "", ""), 1)
	wantCode(t, err, pokot.EFORBIDDEN)
	_, err = db.Transition(ctx, w.org.ID, m.ID, 1, partner.ID, pokot.StatusReview, "")
	wantCode(t, err, pokot.EFORBIDDEN)
	mine, err := db.PartnerMicrocredentials(ctx, partner.ID)
	must(t, err)
	if len(mine) != 1 || mine[0].ID != m.ID || mine[0].Current == nil {
		t.Fatalf("partner's POKs %+v", mine)
	}

	// Comments anchored to fields, with mentions by e-mail and by name.
	root := &pokot.Comment{OrgID: w.org.ID, MicrocredentialID: m.ID, Version: 1, Anchor: "outcomes[0].criteria",
		AuthorID: partner.ID, Body: "Kriteerit ovat liian yleisiä. @" + w.anna.Email + " ja @Bo Berg, katsotteko?"}
	must(t, db.AddComment(ctx, root))
	if !reflect.DeepEqual(root.Mentions, []int64{w.anna.ID, w.bo.ID}) {
		t.Fatalf("mentions %v, want anna %d and bo %d", root.Mentions, w.anna.ID, w.bo.ID)
	}
	reply := &pokot.Comment{OrgID: w.org.ID, MicrocredentialID: m.ID, ParentID: &root.ID, AuthorID: w.anna.ID, Body: "Korjaan, @pekka ei ole jäsen"}
	must(t, db.AddComment(ctx, reply))
	if reply.Version != 1 || len(reply.Mentions) != 0 {
		t.Fatalf("reply %+v", reply)
	}
	// A reply to a reply joins the thread.
	reply2 := &pokot.Comment{OrgID: w.org.ID, MicrocredentialID: m.ID, ParentID: &reply.ID, AuthorID: partner.ID, Body: "Kiitos!"}
	must(t, db.AddComment(ctx, reply2))
	if *reply2.ParentID != root.ID {
		t.Fatalf("reply2 parent %d", *reply2.ParentID)
	}
	wantCode(t, db.AddComment(ctx, &pokot.Comment{OrgID: w.org.ID, MicrocredentialID: m.ID, Version: 1, AuthorID: w.anna.ID, Body: "  "}),
		pokot.EINVALID, "err.mc.comment_empty")
	wantCode(t, db.AddComment(ctx, &pokot.Comment{OrgID: w.org.ID, MicrocredentialID: m.ID, Version: 1, AuthorID: w.anna.ID, Body: "x", Anchor: "title; DROP"}),
		pokot.EINVALID, "err.mc.anchor_invalid")
	wantCode(t, db.AddComment(ctx, &pokot.Comment{OrgID: w.org.ID, MicrocredentialID: m.ID, Version: 7, AuthorID: w.anna.ID, Body: "x"}),
		pokot.ENOTFOUND)
	wantCode(t, db.AddComment(ctx, &pokot.Comment{OrgID: w.org.ID, MicrocredentialID: other.ID, ParentID: &root.ID, AuthorID: w.anna.ID, Body: "x"}),
		pokot.ENOTFOUND)

	must(t, db.ResolveComment(ctx, w.org.ID, reply.ID, w.anna.ID, true))
	cs, err := db.Comments(ctx, w.org.ID, m.ID)
	must(t, err)
	th := pokot.Threads(cs)
	if len(th) != 1 || len(th[0].Replies) != 2 || !th[0].Resolved() || *th[0].ResolvedBy != w.anna.ID || th[0].AuthorName != "Pekka Partneri" {
		t.Fatalf("threads %+v", th)
	}
	must(t, db.ResolveComment(ctx, w.org.ID, root.ID, partner.ID, false))
	cs, _ = db.Comments(ctx, w.org.ID, m.ID)
	if pokot.Threads(cs)[0].Resolved() {
		t.Fatal("reopened thread still resolved")
	}
	wantCode(t, db.ResolveComment(ctx, w.other.ID, root.ID, w.nobody.ID, true), pokot.ENOTFOUND)

	// Sign-off: partners only, once per version.
	_, err = db.SignOff(ctx, w.org.ID, m.ID, 1, w.anna.ID, "")
	wantCode(t, err, pokot.EFORBIDDEN, "err.mc.signoff_partner_only")
	s, err := db.SignOff(ctx, w.org.ID, m.ID, 1, partner.ID, "Hyvä kokonaisuus")
	must(t, err)
	_, err = db.SignOff(ctx, w.org.ID, m.ID, 1, partner.ID, "")
	wantCode(t, err, pokot.ECONFLICT, "err.mc.signed_already")
	ss, err := db.SignOffs(ctx, w.org.ID, m.ID)
	must(t, err)
	if len(ss) != 1 || ss[0].ID != s.ID || ss[0].UserName != "Pekka Partneri" || ss[0].Version != 1 || ss[0].Note != "Hyvä kokonaisuus" {
		t.Fatalf("sign-offs %+v", ss)
	}
	checks, err := db.QualityChecks(ctx, w.org.ID, m.ID, 1)
	must(t, err)
	for _, c := range checks {
		if c.ID == "partner" && !c.OK {
			t.Fatal("partner check fails with an invited partner")
		}
	}

	// Withdrawing the invitation ends the access.
	must(t, db.RemovePartner(ctx, w.org.ID, m.ID, w.anna.ID, g.ID))
	_, err = db.MicrocredentialAccess(ctx, w.org.ID, m.ID, partner.ID)
	wantCode(t, err, pokot.ENOTFOUND)
	wantCode(t, db.RemovePartner(ctx, w.org.ID, m.ID, w.anna.ID, g.ID), pokot.ENOTFOUND)

	hs, err := db.MicrocredentialHistory(ctx, w.org.ID, m.ID)
	must(t, err)
	var actions []string
	for _, h := range hs {
		actions = append(actions, h.Action)
	}
	want := []string{"create", "partner_add", "partner_add", "comment", "comment", "comment", "resolve", "reopen", "sign_off", "partner_remove"}
	if !reflect.DeepEqual(actions, want) {
		t.Fatalf("history %v", actions)
	}
}

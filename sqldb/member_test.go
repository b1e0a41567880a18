package sqldb_test

import (
	"sync"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

func TestMembers(t *testing.T) {
	db := sqldbtest.New(t)
	org := newOrg(t, db, "omnia")
	other := newOrg(t, db, "keuda")
	anna, bertil := newUser(t, db, "Anna"), newUser(t, db, "Bertil")

	must(t, db.AddMember(ctx, org.ID, anna.ID, pokot.RoleOrgAdmin))
	must(t, db.AddMember(ctx, org.ID, anna.ID, pokot.RoleOrgAdmin)) // again: no error
	must(t, db.AddMember(ctx, org.ID, anna.ID, pokot.RoleDesigner))
	must(t, db.AddMember(ctx, org.ID, bertil.ID, pokot.RoleLearner))
	must(t, db.AddMember(ctx, other.ID, bertil.ID, pokot.RolePartner))

	// Finnish order: Z < Å < Ä < Ö, case ignored.
	for _, name := range []string{"Öljynen", "ärjä", "Åberg", "Zetterberg"} {
		u := newUser(t, db, name)
		must(t, db.AddMember(ctx, other.ID, u.ID, pokot.RoleLearner))
	}
	ms, err := db.Members(ctx, other.ID)
	must(t, err)
	var names []string
	for _, m := range ms {
		names = append(names, m.User.Name)
	}
	if want := "[Bertil Zetterberg Åberg ärjä Öljynen]"; fmtSlice(names) != want {
		t.Fatalf("Members order %v, want %s", names, want)
	}

	ms, err = db.Members(ctx, org.ID)
	must(t, err)
	var got []string
	for _, m := range ms {
		if m.User == nil || m.User.ID != m.UserID || m.OrgID != org.ID {
			t.Fatalf("membership %+v", m)
		}
		got = append(got, m.User.Name+":"+string(m.Role))
	}
	if want := "[Anna:designer Anna:orgadmin Bertil:learner]"; fmtSlice(got) != want {
		t.Fatalf("Members = %v, want %s", got, want)
	}
	ms, err = db.MembershipsOf(ctx, bertil.ID)
	must(t, err)
	if len(ms) != 2 || ms[0].Org.Slug != "keuda" || ms[0].Role != pokot.RolePartner || ms[1].Org.Slug != "omnia" || ms[1].Org.Name[pokot.Finnish] != "Oppilaitos omnia" {
		t.Fatalf("MembershipsOf = %+v", ms)
	}

	tests := []struct {
		name string
		err  error
		code string
		key  string
	}{
		{"unknown role", db.AddMember(ctx, org.ID, anna.ID, "boss"), pokot.EINVALID, "err.role_invalid"},
		{"missing user", db.AddMember(ctx, org.ID, 9999, pokot.RoleLearner), pokot.ENOTFOUND, "err.not_found"},
		{"missing org", db.AddMember(ctx, 9999, anna.ID, pokot.RoleLearner), pokot.ENOTFOUND, "err.not_found"},
		{"remove role not held", db.RemoveMember(ctx, org.ID, bertil.ID, pokot.RoleDesigner), pokot.ENOTFOUND, "err.not_found"},
		{"remove in other org", db.RemoveMember(ctx, other.ID, anna.ID, pokot.RoleOrgAdmin), pokot.ENOTFOUND, "err.not_found"},
		{"remove last admin", db.RemoveMember(ctx, org.ID, anna.ID, pokot.RoleOrgAdmin), pokot.ECONFLICT, "err.last_admin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantCode(t, tt.err, tt.code, tt.key) })
	}

	// With a second admin, the first may go; then the second is the last one.
	must(t, db.AddMember(ctx, org.ID, bertil.ID, pokot.RoleOrgAdmin))
	must(t, db.RemoveMember(ctx, org.ID, anna.ID, pokot.RoleOrgAdmin))
	wantCode(t, db.RemoveMember(ctx, org.ID, bertil.ID, pokot.RoleOrgAdmin), pokot.ECONFLICT, "err.last_admin")
	must(t, db.RemoveMember(ctx, org.ID, anna.ID, pokot.RoleDesigner))
	ms, _ = db.Members(ctx, org.ID)
	if len(ms) != 2 {
		t.Fatalf("after removals: %d memberships, want 2", len(ms))
	}
}

// TestRemoveMemberConcurrently removes two of two admins at once: exactly one removal may
// succeed, whatever the interleaving.
func TestRemoveMemberConcurrently(t *testing.T) {
	db := sqldbtest.New(t)
	for round := 0; round < 10; round++ {
		org := newOrg(t, db, "org-"+string(rune('a'+round)))
		a, b := newUser(t, db, "a"), newUser(t, db, "b")
		must(t, db.AddMember(ctx, org.ID, a.ID, pokot.RoleOrgAdmin))
		must(t, db.AddMember(ctx, org.ID, b.ID, pokot.RoleOrgAdmin))
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, u := range []*pokot.User{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = db.RemoveMember(ctx, org.ID, u.ID, pokot.RoleOrgAdmin)
			}()
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			if err == nil {
				ok++
			} else {
				wantCode(t, err, pokot.ECONFLICT, "err.last_admin")
			}
		}
		if ok != 1 {
			t.Fatalf("round %d: %d removals succeeded, want 1", round, ok)
		}
	}
}

func TestInvitations(t *testing.T) {
	db := sqldbtest.New(t)
	org := newOrg(t, db, "omnia")
	admin := newUser(t, db, "Admin")
	must(t, db.AddMember(ctx, org.ID, admin.ID, pokot.RoleOrgAdmin))
	exp := t0.Add(7 * 24 * time.Hour)

	inv := &pokot.Invitation{OrgID: org.ID, Email: " New.Person@Example.FI ", Role: pokot.RoleDesigner, InvitedBy: admin.ID, Expires: exp}
	token, err := db.CreateInvitation(ctx, inv)
	must(t, err)
	if len(token) != 43 || inv.ID == 0 || inv.Email != "new.person@example.fi" || inv.Created.IsZero() {
		t.Fatalf("token %q, invitation %+v", token, inv)
	}
	got, err := db.InvitationByToken(ctx, token, t0)
	must(t, err)
	if got.ID != inv.ID || got.Role != pokot.RoleDesigner || got.InvitedBy != admin.ID || !got.Expires.Equal(exp.Truncate(time.Microsecond)) || got.AcceptedAt != nil {
		t.Fatalf("InvitationByToken = %+v", got)
	}

	// A second invitation to the same address and role replaces the first.
	inv2 := &pokot.Invitation{OrgID: org.ID, Email: "new.person@example.fi", Role: pokot.RoleDesigner, InvitedBy: admin.ID, Expires: exp}
	token2, err := db.CreateInvitation(ctx, inv2)
	must(t, err)
	wantCode(t, second(db.InvitationByToken(ctx, token, t0)), pokot.ENOTFOUND)
	list, err := db.Invitations(ctx, org.ID, t0)
	must(t, err)
	if len(list) != 1 || list[0].ID != inv2.ID {
		t.Fatalf("Invitations = %+v", list)
	}
	// Expired ones are not listed and not found.
	if list, _ := db.Invitations(ctx, org.ID, exp); len(list) != 0 {
		t.Fatalf("expired invitation listed: %+v", list)
	}
	wantCode(t, second(db.InvitationByToken(ctx, token2, exp)), pokot.ENOTFOUND)
	wantCode(t, second(db.AcceptInvitation(ctx, token2, admin.ID, exp.Add(time.Second))), pokot.ENOTFOUND)

	joiner := newUser(t, db, "Joiner")
	acc, err := db.AcceptInvitation(ctx, token2, joiner.ID, t0)
	must(t, err)
	if acc.ID != inv2.ID || acc.AcceptedAt == nil || !acc.AcceptedAt.Equal(t0.Truncate(time.Microsecond)) {
		t.Fatalf("AcceptInvitation = %+v", acc)
	}
	ms, _ := db.MembershipsOf(ctx, joiner.ID)
	if len(ms) != 1 || ms[0].Role != pokot.RoleDesigner || ms[0].OrgID != org.ID {
		t.Fatalf("joiner's memberships: %+v", ms)
	}
	// Used tokens are spent.
	wantCode(t, second(db.AcceptInvitation(ctx, token2, joiner.ID, t0)), pokot.ENOTFOUND)
	wantCode(t, second(db.InvitationByToken(ctx, token2, t0)), pokot.ENOTFOUND)
	if list, _ := db.Invitations(ctx, org.ID, t0); len(list) != 0 {
		t.Fatalf("accepted invitation listed: %+v", list)
	}

	// Accepting with a missing user changes nothing.
	inv3 := &pokot.Invitation{OrgID: org.ID, Email: "third@example.fi", Role: pokot.RoleAssessor, Expires: exp}
	token3, err := db.CreateInvitation(ctx, inv3)
	must(t, err)
	wantCode(t, second(db.AcceptInvitation(ctx, token3, 9999, t0)), pokot.ENOTFOUND)
	if _, err := db.InvitationByToken(ctx, token3, t0); err != nil {
		t.Fatalf("failed acceptance used up the invitation: %v", err)
	}

	tests := []struct {
		name string
		inv  pokot.Invitation
		code string
		key  string
	}{
		{"already holds the role", pokot.Invitation{OrgID: org.ID, Email: joiner.Email, Role: pokot.RoleDesigner, Expires: exp}, pokot.ECONFLICT, "err.already_member"},
		{"bad e-mail", pokot.Invitation{OrgID: org.ID, Email: "not an address", Role: pokot.RoleDesigner, Expires: exp}, pokot.EINVALID, "err.email_invalid"},
		{"bad role", pokot.Invitation{OrgID: org.ID, Email: "x@example.fi", Role: "king", Expires: exp}, pokot.EINVALID, "err.role_invalid"},
		{"missing org", pokot.Invitation{OrgID: 9999, Email: "x@example.fi", Role: pokot.RoleLearner, Expires: exp}, pokot.ENOTFOUND, "err.not_found"},
		{"no expiry", pokot.Invitation{OrgID: org.ID, Email: "x@example.fi", Role: pokot.RoleLearner}, pokot.EINVALID, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := db.CreateInvitation(ctx, &tt.inv)
			if tt.key != "" {
				wantCode(t, err, tt.code, tt.key)
			} else {
				wantCode(t, err, tt.code)
			}
		})
	}
	// The holder of another role may be invited.
	_, err = db.CreateInvitation(ctx, &pokot.Invitation{OrgID: org.ID, Email: joiner.Email, Role: pokot.RoleAssessor, Expires: exp})
	must(t, err)

	other := newOrg(t, db, "keuda")
	wantCode(t, db.CancelInvitation(ctx, other.ID, inv3.ID), pokot.ENOTFOUND)
	must(t, db.CancelInvitation(ctx, org.ID, inv3.ID))
	wantCode(t, db.CancelInvitation(ctx, org.ID, inv3.ID), pokot.ENOTFOUND)
	wantCode(t, db.CancelInvitation(ctx, org.ID, inv2.ID), pokot.ENOTFOUND) // accepted
	wantCode(t, second(db.InvitationByToken(ctx, token3, t0)), pokot.ENOTFOUND)
	wantCode(t, second(db.InvitationByToken(ctx, "", t0)), pokot.ENOTFOUND)
}

func second[T any](_ T, err error) error { return err }

package web_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/issuing"
)

// TestWalletDeleteErasesPersonalData: after a learner with a POK credential, a pathway
// credential, an added credential, a share link, a pending address change and a
// registration still in progress deletes the account, no text column of any table holds
// their address, name or new address; the organisation keeps the credential's id, hashed
// identifier and status entry, so the credential (JSON and JWT, kept by the learner)
// still verifies and can still be revoked; nothing is issued again; the registration in
// progress is cancelled and its seat goes to the learner waiting, who is told.
func TestWalletDeleteErasesPersonalData(t *testing.T) {
	t.Parallel()
	const email, name, newEmail = "zyxwen.qvarnstrom@example.fi", "Zyxwen Qvarnstrom", "zyxwen.uusi@example.fi"
	w := newWalletWorld(t, email)
	c := w.credentialOf(email)
	id := strings.TrimPrefix(c.CredentialID, "urn:uuid:")
	a := w.browser()
	w.linkSignin(a, email)

	// A pathway credential, an added credential, a share link, a pending address change,
	// and a registration in another offering that has not been assessed.
	d := w.signedIn(w.designer)
	d.get("/orgs/hamk/pathways/new")
	wantStatus(t, d.post("/orgs/hamk/pathways/new", pathwayForm([]int64{w.mc.ID}, "all", "")), http.StatusSeeOther)
	pcs, err := w.db.PathwayCredentialsOfEmail(ctx, email)
	if err != nil || len(pcs) != 1 {
		t.Fatalf("pathway credentials %v %v", pcs, err)
	}
	a.get("/wallet/add")
	jwtOther, _ := otherPlatformJWT(t)
	wantStatus(t, a.uploadTo("/wallet/add", "", nil, map[string]string{"credential": jwtOther}), http.StatusSeeOther)
	a.get("/wallet/" + id)
	wantStatus(t, a.post("/wallet/"+id+"/share", nil), http.StatusSeeOther)
	a.get("/wallet/account")
	wantStatus(t, a.post("/wallet/account/email", formOf("email", newEmail)), http.StatusOK)
	later := w.deliveryWorld.offering(1)
	w.enrol(later, email, "odottaja@example.fi") // the second one waits for a seat
	// The learner was also invited to co-design a POK as a working-life partner.
	if _, err := w.db.AddPartner(ctx, w.hamk.ID, w.mc.ID, w.designer.ID, email); err != nil {
		t.Fatal(err)
	}
	jsonCred := a.get("/wallet/" + id + "/credential.json").body
	jwt := a.get("/wallet/" + id + "/credential.jwt").body

	before, err := w.db.TextLocations(ctx, email, name, newEmail)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"users.email", "issued_credentials.email", "issued_credentials.signed", "registrations.name",
		"pathway_credentials.email", "email_changes.new_email", "mails.to_addr", "mc_partners.email"} {
		if !contains(before, want) {
			t.Errorf("before deletion %s is not found (found %v): the search is broken", want, before)
		}
	}

	a.get("/wallet/account/delete")
	wantStatus(t, a.post("/wallet/account/delete", formOf("confirm", "yes")), http.StatusSeeOther)

	after, err := w.db.TextLocations(ctx, email, name, newEmail)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != 0 {
		t.Fatalf("after deletion the learner's data is still in %v", after)
	}
	// What the organisation keeps: the credential's row with its id, hash and status.
	kept, err := w.db.IssuedCredential(ctx, w.hamk.ID, c.CredentialID)
	if err != nil {
		t.Fatal(err)
	}
	if kept.IdentityHash != c.IdentityHash || kept.StatusIndex != c.StatusIndex || kept.Name != "" ||
		!strings.HasSuffix(kept.Email, "@erased.invalid") || len(kept.Signed) != 0 {
		t.Fatalf("kept row: email %q name %q hash %v index %d signed %d bytes", kept.Email, kept.Name,
			kept.IdentityHash == c.IdentityHash, kept.StatusIndex, len(kept.Signed))
	}
	// The registration in progress is cancelled, and its seat goes to the learner waiting,
	// who is told.
	regs, err := w.db.Participants(ctx, w.hamk.ID, later.ID, true)
	if err != nil || len(regs) != 2 {
		t.Fatalf("registrations of the later offering: %+v %v", regs, err)
	}
	for _, r := range regs {
		switch {
		case r.Email == "odottaja@example.fi" && r.Status != pokot.RegRegistered:
			t.Errorf("the waiting learner did not move up: %s", r.Status)
		case r.Email != "odottaja@example.fi" && r.Status != pokot.RegCancelled:
			t.Errorf("the deleted learner's registration in progress is %s", r.Status)
		}
	}
	if m := w.mailTo("odottaja@example.fi"); !strings.HasPrefix(m.Subject, "Sait paikan") {
		t.Errorf("the learner who moved up was told: %q", m.Subject)
	}
	// Nothing is issued again.
	_, err = w.db.StartIssueBatch(ctx, w.hamk.ID, w.offering.ID, w.assessor.ID)
	var pe *pokot.Error
	if !errors.As(err, &pe) || pe.Key != "err.issue.none_eligible" {
		t.Fatalf("a batch after the deletion: %v", err)
	}
	// The learner's copies still verify, and the organisation can still revoke.
	for _, cred := range []string{jsonCred, jwt} {
		if res := w.verifyOffline(t, []byte(cred)); !res.Verified {
			t.Fatalf("after deletion the credential does not verify: %+v", res.Failed())
		}
	}
	worker := issuing.New(w.db, w.iss, issuing.Options{BaseURL: w.cfg.BaseURL, Outbox: true, Worker: "test", Now: w.clock})
	if err := worker.Revoke(ctx, w.hamk, c.CredentialID, "virheellinen"); err != nil {
		t.Fatal(err)
	}
	if res := w.verifyOffline(t, []byte(jwt)); res.Verified {
		t.Fatal("revoked after the deletion, the JWT still verifies")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

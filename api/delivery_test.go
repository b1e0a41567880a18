package api_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/issuing/issuingtest"
)

type offeringOut struct {
	ID               int64             `json:"id"`
	Microcredential  int64             `json:"microcredential"`
	Version          int               `json:"version"`
	Title            map[string]string `json:"title"`
	Starts, Ends     string
	Capacity         int   `json:"capacity"`
	Registered       int   `json:"registered"`
	Waitlisted       int   `json:"waitlisted"`
	FreeSeats        int   `json:"freeSeats"`
	RegistrationOpen bool  `json:"registrationOpen"`
	PriceCents       int64 `json:"priceCents"`
	Assessors        []struct {
		ID    int64  `json:"id"`
		Email string `json:"email"`
	} `json:"assessors"`
	URL string `json:"url"`
}

type pageOut[T any] struct {
	Items   []T `json:"items"`
	Total   int `json:"total"`
	Page    int `json:"page"`
	PerPage int `json:"perPage"`
}

func TestDeliveryOfferings(t *testing.T) {
	f := deliverySetup(t)
	hamk := f.offering["hamk"]

	// Every reading role of hamk sees hamk's offering, and only it.
	for _, who := range []string{"hamkadmin-read", "hamkdesigner-read", "hamkassessor-read", "hamkother-read", "root-read"} {
		var pg pageOut[offeringOut]
		resp, body := f.do(t, "GET", "/api/v1/orgs/hamk/offerings", who, "", "")
		decodeJSON(t, 200, resp.StatusCode, body, &pg)
		if pg.Total != 1 || len(pg.Items) != 1 || pg.Items[0].ID != hamk.ID || pg.Page != 1 {
			t.Fatalf("%s: %s", who, body)
		}
		o := pg.Items[0]
		if o.Capacity != 3 || o.Registered != 3 || o.Waitlisted != 1 || o.FreeSeats != 0 || !o.RegistrationOpen ||
			o.Starts != "2026-09-01" || o.Ends != "2026-12-15" || o.PriceCents != 12000 || o.Title["fi"] != "Turvallinen työ" ||
			o.Microcredential != f.mc["hamk"].ID || o.Version != 1 || o.URL != deliveryBase+f.path("hamk", "") {
			t.Fatalf("%s: %+v", who, o)
		}
	}
	// The filter by POK, and one of another organisation's POKs finds nothing here.
	var pg pageOut[offeringOut]
	resp, body := f.do(t, "GET", fmt.Sprintf("/api/v1/orgs/hamk/offerings?microcredential=%d", f.mc["tamk"].ID), "hamkadmin", "", "")
	decodeJSON(t, 200, resp.StatusCode, body, &pg)
	if pg.Total != 0 || pg.Items == nil {
		t.Fatalf("another organisation's POK: %s", body)
	}
	resp, body = f.do(t, "GET", fmt.Sprintf("/api/v1/orgs/hamk/offerings?microcredential=%d&per_page=1", f.mc["hamk"].ID), "hamkadmin", "", "")
	decodeJSON(t, 200, resp.StatusCode, body, &pg)
	if pg.Total != 1 || pg.PerPage != 1 {
		t.Fatalf("filtered: %s", body)
	}
	for _, q := range []string{"?page=0", "?per_page=501", "?microcredential=x", "?sort=name"} {
		wantDeliveryProblem(t, f, "GET", "/api/v1/orgs/hamk/offerings"+q, "hamkadmin", "", "", 400, "err.bad_query")
	}

	// A second version published: the offering keeps the title of the version it runs.
	ctx, org, mc := t.Context(), f.orgs["hamk"], f.mc["hamk"]
	designer, admin := f.users["hamkdesigner"], f.users["hamkadmin"]
	v2, err := f.db.NewVersion(ctx, org.ID, mc.ID, designer.ID)
	must(t, err)
	c2 := issuingtest.Content()
	c2.Title = pokot.Text{"fi": "Turvallinen työ 2", "sv": "Säkert arbete 2", "en": "Safe work 2"}
	v2, err = f.db.UpdateDraft(ctx, org.ID, mc.ID, v2.Number, designer.ID, c2, v2.Revision)
	must(t, err)
	for _, to := range []pokot.Status{pokot.StatusReview, pokot.StatusApproved, pokot.StatusPublished} {
		by := designer
		if to == pokot.StatusApproved {
			by = admin
		}
		_, err := f.db.Transition(ctx, org.ID, mc.ID, v2.Number, by.ID, to, "")
		must(t, err)
	}
	newer := *hamk
	newer.ID, newer.Assessors = 0, nil
	must(t, f.db.CreateOffering(ctx, &newer, designer.ID))
	resp, body = f.do(t, "GET", "/api/v1/orgs/hamk/offerings", "hamkadmin", "", "")
	decodeJSON(t, 200, resp.StatusCode, body, &pg)
	titles := map[int64]string{}
	for _, o := range pg.Items {
		titles[o.ID] = fmt.Sprintf("v%d %s", o.Version, o.Title["fi"])
	}
	if pg.Total != 2 || titles[hamk.ID] != "v1 Turvallinen työ" || titles[newer.ID] != "v2 Turvallinen työ 2" {
		t.Fatalf("titles by version: %v\n%s", titles, body)
	}

	// One offering, with its assessors.
	var o offeringOut
	resp, body = f.do(t, "GET", f.path("hamk", ""), "hamkdesigner-read", "", "")
	decodeJSON(t, 200, resp.StatusCode, body, &o)
	if o.ID != hamk.ID || len(o.Assessors) != 1 || o.Assessors[0].Email != "hamkassessor@example.fi" {
		t.Fatalf("offering: %s", body)
	}
}

func TestDeliveryAccess(t *testing.T) {
	f := deliverySetup(t)
	reads := []string{"", "/participants", "/credentials"}
	for _, rest := range reads {
		p := f.path("hamk", rest)
		wantDeliveryProblem(t, f, "GET", p, "", "", "", 401, "err.token_required")
		wantDeliveryProblem(t, f, "GET", p, "hamkadmin-write", "", "", 403, "err.insufficient_scope")
		wantDeliveryProblem(t, f, "GET", p, "hamklearner", "", "", 403, "err.offering.staff_only")
		wantDeliveryProblem(t, f, "GET", p, "tamkadmin", "", "", 403, "err.not_member")
		// tamk's admin asking for hamk's offering under tamk: no such offering there,
		// never a hint that it exists elsewhere.
		wantDeliveryProblem(t, f, "GET", fmt.Sprintf("/api/v1/orgs/tamk/offerings/%d%s", f.offering["hamk"].ID, rest), "tamkadmin", "", "", 404, "err.offering.not_found")
		wantDeliveryProblem(t, f, "GET", "/api/v1/orgs/hamk/offerings/999999"+rest, "hamkadmin", "", "", 404, "err.offering.not_found")
		wantDeliveryProblem(t, f, "GET", "/api/v1/orgs/hamk/offerings/abc"+rest, "hamkadmin", "", "", 404, "err.offering.not_found")
		wantDeliveryProblem(t, f, "GET", "/api/v1/orgs/nosuch/offerings/1"+rest, "hamkadmin", "", "", 404, "")
	}
	wantDeliveryProblem(t, f, "GET", "/api/v1/orgs/hamk/offerings", "hamklearner", "", "", 403, "err.offering.staff_only")
	wantDeliveryProblem(t, f, "GET", "/api/v1/orgs/hamk/offerings", "tamkadmin", "", "", 403, "err.not_member")

	// Writes need the write scope, then the offering's assessor or an org admin.
	status := f.path("hamk", "/credentials/"+f.creds["hamk"][0].CredentialID+"/status")
	revoke := `{"action":"revoke","reason":"Virheellinen arviointi"}`
	assess := `{"assessments":[{"email":"oppija2@hamk.example","outcome":1,"result":"pass","assessedOn":"2026-10-21"}]}`
	for _, c := range []struct{ method, path, body string }{
		{"POST", status, revoke}, {"POST", f.path("hamk", "/assessments"), assess}, {"POST", f.path("hamk", "/issue"), ""},
	} {
		wantDeliveryProblem(t, f, c.method, c.path, "hamkadmin-read", "application/json", c.body, 403, "err.insufficient_scope")
		wantDeliveryProblem(t, f, c.method, c.path, "hamkdesigner", "application/json", c.body, 403, "err.assess.not_assessor")
		wantDeliveryProblem(t, f, c.method, c.path, "hamkother", "application/json", c.body, 403, "err.assess.not_assessor")
		wantDeliveryProblem(t, f, c.method, c.path, "hamklearner", "application/json", c.body, 403, "err.offering.staff_only")
		wantDeliveryProblem(t, f, c.method, c.path, "tamkadmin", "application/json", c.body, 403, "err.not_member")
	}
	// Nothing changed by any of them.
	c, err := f.db.IssuedCredential(t.Context(), f.orgs["hamk"].ID, f.creds["hamk"][0].CredentialID)
	must(t, err)
	g, err := f.db.Grid(t.Context(), f.orgs["hamk"].ID, f.offering["hamk"].ID)
	must(t, err)
	if c.RevokedAt != nil || len(g.Rows[2].Assessments) != 0 {
		t.Fatalf("a refused request changed something: revoked %v, assessments %v", c.RevokedAt, g.Rows[2].Assessments)
	}
	// tamk's credential through hamk's offering, and hamk's through tamk's: 404.
	wantDeliveryProblem(t, f, "POST", f.path("hamk", "/credentials/"+f.creds["tamk"][0].CredentialID+"/status"), "hamkadmin", "application/json", revoke, 404, "err.credential.not_found")
	wantDeliveryProblem(t, f, "POST", f.path("tamk", "/credentials/"+f.creds["hamk"][0].CredentialID+"/status"), "tamkadmin", "application/json", revoke, 404, "err.credential.not_found")
}

type participantOut struct {
	ID       int64  `json:"id"`
	Email    string `json:"email"`
	Status   string `json:"status"`
	Position int    `json:"position"`
}

func TestDeliveryParticipants(t *testing.T) {
	f := deliverySetup(t)
	var pg pageOut[participantOut]
	resp, body := f.do(t, "GET", f.path("hamk", "/participants"), "hamkassessor-read", "", "")
	decodeJSON(t, 200, resp.StatusCode, body, &pg)
	if pg.Total != 4 || len(pg.Items) != 4 {
		t.Fatalf("%s", body)
	}
	for i, p := range pg.Items {
		want, pos := "registered", 0
		if i == 3 {
			want, pos = "waitlisted", 1
		}
		if p.Email != f.learners[i] || p.Status != want || p.Position != pos {
			t.Fatalf("participant %d: %+v\n%s", i, p, body)
		}
	}
	// Cancelling a seat moves the waiting learner up; the cancelled one shows on request.
	_, _, err := f.db.CancelRegistration(t.Context(), f.orgs["hamk"].ID, pg.Items[2].ID, time.Now())
	must(t, err)
	resp, body = f.do(t, "GET", f.path("hamk", "/participants?cancelled=true&per_page=2&page=2"), "hamkadmin", "", "")
	decodeJSON(t, 200, resp.StatusCode, body, &pg)
	if pg.Total != 4 || len(pg.Items) != 2 || pg.Items[0].Email != f.learners[3] || pg.Items[0].Status != "registered" ||
		pg.Items[1].Email != f.learners[2] || pg.Items[1].Status != "cancelled" {
		t.Fatalf("after cancelling: %s", body)
	}
	resp, body = f.do(t, "GET", f.path("hamk", "/participants?page=9"), "hamkadmin", "", "")
	decodeJSON(t, 200, resp.StatusCode, body, &pg)
	if pg.Total != 3 || len(pg.Items) != 0 || pg.Items == nil {
		t.Fatalf("past the last page: %s", body)
	}
	wantDeliveryProblem(t, f, "GET", f.path("hamk", "/participants?cancelled=yes"), "hamkadmin", "", "", 400, "err.bad_query")
	if resp.Header.Get("Content-Type") != "application/json" {
		t.Fatal(resp.Header)
	}
}

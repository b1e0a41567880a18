package api_test

import (
	"fmt"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
)

// TestDeliveryAssessmentsCSVFormulaAddress: the web's assessment template writes an
// address that a spreadsheet would run as a formula with a leading apostrophe
// (pokot.SpreadsheetCell); the API's CSV upload, which takes the same columns, reads such
// a cell as the address.
func TestDeliveryAssessmentsCSVFormulaAddress(t *testing.T) {
	f := deliverySetup(t)
	o := f.offering["hamk"]
	o.Capacity = 10
	must(t, f.db.UpdateOffering(t.Context(), o, f.users["hamkadmin"].ID))
	const evil = "=cmd|'/ccalc'!a0@hamk.example"
	_, err := f.db.Register(t.Context(), &pokot.Registration{OfferingID: o.ID, Email: evil, Name: "Eve", Lang: pokot.Finnish},
		time.Now())
	must(t, err)
	csv := "email;outcome;result;assessedOn;evidence;supervision\r\n" +
		"'" + evil + ";1;hyväksytty;21.10.2026;;\r\n"
	resp, b := f.do(t, "POST", f.path("hamk", "/assessments"), "hamkassessor", "text/csv", csv)
	var out struct{ Stored int }
	decodeJSON(t, 200, resp.StatusCode, b, &out)
	if got := f.assessments(t)[evil]; out.Stored != 1 || len(got) != 1 || !got[0].Passed {
		t.Fatalf("%s: %+v", b, got)
	}
}

// TestEveryOrgEndpointIsTenantScoped reads the routes of api.go and calls every endpoint
// under /api/v1/orgs/{slug} for HAMK, with the ids of HAMK's real POK, offering,
// credential and batch, with the tokens of TAMK's administrator and assessor (another
// tenant) and of a HAMK learner: each is 403 or 404 (or 400/415/422 for a body the
// endpoint reads only after the access check, never 2xx). A token without the write
// scope gets 403 on every endpoint that changes something, and no token gets 401.
func TestEveryOrgEndpointIsTenantScoped(t *testing.T) {
	src, err := os.ReadFile("api.go")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`\{"(GET|POST|PUT)", "(/api/v1/orgs/\{slug\}[^"]*)", pokot\.(Scope\w+)`)
	routes := re.FindAllStringSubmatch(string(src), -1)
	if len(routes) < 15 {
		t.Fatalf("found %d organisation endpoints in api.go; the pattern no longer reads the file", len(routes))
	}
	f := deliverySetup(t)
	batch, err := f.db.StartIssueBatch(t.Context(), f.orgs["hamk"].ID, f.offering["hamk"].ID, f.users["hamkadmin"].ID)
	batchID := "1"
	if err == nil {
		batchID = fmt.Sprint(batch.ID)
	}
	ids := map[string]string{"{slug}": "hamk", "{credentialId}": strings.TrimPrefix(f.creds["hamk"][0].CredentialID, "urn:uuid:"),
		"{batchId}": batchID}
	body := `{"email":"hyokkaaja@example.fi","role":"orgadmin","action":"revoke","reason":"x","to":"published","assessments":[]}`
	call := func(token, method, pattern string) (int, string) {
		path := regexp.MustCompile(`\{[^}]+\}`).ReplaceAllStringFunc(pattern, func(k string) string {
			if v, ok := ids[k]; ok {
				return v
			}
			if strings.Contains(pattern, "/offerings/") {
				return fmt.Sprint(f.offering["hamk"].ID)
			}
			return fmt.Sprint(f.mc["hamk"].ID)
		})
		resp, b := f.do(t, method, path, token, "application/json", body)
		return resp.StatusCode, path + " " + string(b)
	}
	for _, who := range []string{"tamkadmin", "tamkassessor", "hamklearner"} {
		for _, m := range routes {
			method, pattern := m[1], m[2]
			if who == "hamklearner" && pattern == "/api/v1/orgs/{slug}" {
				continue // a member of any role reads the organisation itself
			}
			status, what := call(who, method, pattern)
			if status != http.StatusForbidden && status != http.StatusNotFound {
				t.Errorf("%s: %s %s: %d, want 403 or 404", who, method, what, status)
			}
		}
	}
	for _, m := range routes {
		method, pattern, scope := m[1], m[2], m[3]
		if status, what := call("", method, pattern); status != http.StatusUnauthorized {
			t.Errorf("no token: %s %s: %d, want 401", method, what, status)
		}
		if scope == "ScopeWrite" {
			if status, what := call("hamkadmin-read", method, pattern); status != http.StatusForbidden {
				t.Errorf("read-only token: %s %s: %d, want 403", method, what, status)
			}
		}
	}
	if got := f.assessments(t); len(got) == 0 {
		t.Fatal("no assessments left: the test cannot tell whether anything changed")
	}
	c, err := f.db.IssuedCredential(t.Context(), f.orgs["hamk"].ID, f.creds["hamk"][0].CredentialID)
	if err != nil || c.RevokedAt != nil || c.SuspendedAt != nil {
		t.Fatalf("HAMK's credential changed: %+v %v", c, err)
	}
}

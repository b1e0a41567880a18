package api_test

import (
	"fmt"
	"testing"
)

type batchOut struct {
	ID       int64  `json:"id"`
	Job      int64  `json:"job"`
	Offering int64  `json:"offering"`
	Status   string `json:"status"`
	Total    int    `json:"total"`
	Done     int    `json:"done"`
	Finished bool   `json:"finished"`
	URL      string `json:"url"`
}

func TestDeliveryIssue(t *testing.T) {
	f := deliverySetup(t)
	issue := f.path("hamk", "/issue")
	// Everyone who passed has a credential already.
	p := wantDeliveryProblem(t, f, "POST", issue, "hamkassessor", "", "", 422, "err.issue.none_eligible")
	if msgs, _ := p["messages"].(map[string]any); msgs["fi"] == nil || msgs["sv"] == nil || msgs["en"] == nil {
		t.Fatalf("messages: %v", p)
	}
	// oppija2 passes both outcomes through the API, then a batch is queued for them.
	resp, body := f.do(t, "POST", f.path("hamk", "/assessments"), "hamkassessor", "text/csv",
		"email,outcome,result,assessedOn\noppija2@hamk.example,1,pass,2026-10-23\noppija2@hamk.example,2,pass,2026-10-23\n")
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	var b batchOut
	resp, body = f.do(t, "POST", issue, "hamkassessor-write", "", "")
	decodeJSON(t, 202, resp.StatusCode, body, &b)
	if b.Status != "queued" || b.Total != 1 || b.Job == 0 || b.Offering != f.offering["hamk"].ID || b.Finished ||
		resp.Header.Get("Location") != b.URL || b.URL != fmt.Sprintf("%s%s/batches/%d", deliveryBase, f.path("hamk", ""), b.ID) {
		t.Fatalf("%s %v", body, resp.Header)
	}
	wantDeliveryProblem(t, f, "POST", issue, "hamkadmin", "", "", 409, "err.issue.batch_running")
	batch := f.path("hamk", fmt.Sprintf("/batches/%d", b.ID))
	resp, body = f.do(t, "GET", batch, "hamkdesigner-read", "", "")
	decodeJSON(t, 200, resp.StatusCode, body, &b)
	if b.Status != "queued" || b.Done != 0 {
		t.Fatalf("before the worker: %s", body)
	}
	if ran, err := f.svc.RunOnce(t.Context()); !ran || err != nil {
		t.Fatalf("worker: %v %v", ran, err)
	}
	resp, body = f.do(t, "GET", batch, "hamkassessor-read", "", "")
	decodeJSON(t, 200, resp.StatusCode, body, &b)
	if b.Status != "done" || b.Done != 1 || !b.Finished {
		t.Fatalf("after the worker: %s", body)
	}
	var pg pageOut[credentialOut]
	resp, body = f.do(t, "GET", f.path("hamk", "/credentials"), "hamkassessor", "", "")
	decodeJSON(t, 200, resp.StatusCode, body, &pg)
	if pg.Total != 3 || pg.Items[2].Learner.Email != "oppija2@hamk.example" {
		t.Fatalf("credentials: %s", body)
	}
	// Another offering's batch, or another organisation's, is not found here.
	wantDeliveryProblem(t, f, "GET", fmt.Sprintf("/api/v1/orgs/tamk/offerings/%d/batches/%d", f.offering["tamk"].ID, b.ID), "tamkadmin", "", "", 404, "err.batch.not_found")
	wantDeliveryProblem(t, f, "GET", f.path("hamk", "/batches/999999"), "hamkadmin", "", "", 404, "err.batch.not_found")
	wantDeliveryProblem(t, f, "GET", f.path("hamk", "/batches/x"), "hamkadmin", "", "", 404, "err.batch.not_found")
}

// TestDeliverySchemas checks real responses and request bodies of the delivery endpoints
// against the schemas of the served OpenAPI document.
func TestDeliverySchemas(t *testing.T) {
	f := deliverySetup(t)
	_, doc := f.do(t, "GET", "/api/v1/openapi.json", "", "", "")
	conforms := schemaChecker(t, doc)
	call := func(method, path, ctype, body string, status int) []byte {
		t.Helper()
		resp, b := f.do(t, method, path, "hamkadmin", ctype, body)
		if resp.StatusCode != status {
			t.Fatalf("%s %s: %d %s", method, path, resp.StatusCode, b)
		}
		return b
	}
	conforms("offerings", "OfferingList", call("GET", "/api/v1/orgs/hamk/offerings", "", "", 200))
	conforms("offering", "Offering", call("GET", f.path("hamk", ""), "", "", 200))
	conforms("participants", "ParticipantList", call("GET", f.path("hamk", "/participants?cancelled=true"), "", "", 200))
	conforms("credentials", "IssuedCredentialList", call("GET", f.path("hamk", "/credentials"), "", "", 200))
	up := `{"assessments":[{"email":"oppija2@hamk.example","outcome":1,"result":"pass","assessedOn":"2026-10-23","evidence":["https://example.fi/n"],"supervision":"supervised_no_id"}]}`
	conforms("upload", "AssessmentUpload", []byte(up))
	call("POST", f.path("hamk", "/assessments"), "application/json", up, 200)
	conforms("refused upload", "AssessmentProblem", call("POST", f.path("hamk", "/assessments"), "application/json", `{"assessments":[{"email":"x@y.fi","outcome":1,"result":"pass","assessedOn":"2026-10-23"}]}`, 422))
	change := `{"action":"suspend","reason":"Tarkistus"}`
	conforms("status request", "StatusChange", []byte(change))
	st := f.path("hamk", "/credentials/"+f.creds["hamk"][0].CredentialID+"/status")
	conforms("status change", "IssuedCredential", call("POST", st, "application/json", change, 200))
	conforms("status conflict", "LocalizedProblem", call("POST", st, "application/json", change, 409))
	conforms("no one to issue", "LocalizedProblem", call("POST", f.path("hamk", "/issue"), "", "", 422))
	call("POST", f.path("hamk", "/assessments"), "text/csv", "email,outcome,result,assessedOn\noppija2@hamk.example,2,pass,2026-10-23\n", 200)
	b := call("POST", f.path("hamk", "/issue"), "", "", 202)
	conforms("batch", "IssueBatch", b)
	conforms("bad query", "Problem", call("GET", "/api/v1/orgs/hamk/offerings?page=x", "", "", 400))
}

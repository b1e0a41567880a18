package api_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/pokot/pokot"
)

// assessments returns the stored assessments of hamk's offering by learner and outcome
// index.
func (f *deliveryFixture) assessments(t *testing.T) map[string]map[int]*pokot.Assessment {
	t.Helper()
	g, err := f.db.Grid(t.Context(), f.orgs["hamk"].ID, f.offering["hamk"].ID)
	must(t, err)
	out := map[string]map[int]*pokot.Assessment{}
	for _, r := range g.Rows {
		out[r.Registration.Email] = r.Assessments
	}
	return out
}

func TestDeliveryAssessmentsJSON(t *testing.T) {
	f := deliverySetup(t)
	path := f.path("hamk", "/assessments")
	v, err := f.db.MicrocredentialVersion(t.Context(), f.orgs["hamk"].ID, f.mc["hamk"].ID, 1)
	must(t, err)
	second := v.Content.Outcomes[1].ID
	if second == "" {
		t.Fatal("the outcome has no id")
	}
	body := fmt.Sprintf(`{"assessments":[
		{"email":"OPPIJA2@hamk.example","outcome":1,"result":"hyväksytty","assessedOn":"2026-10-21","evidence":["https://example.fi/näyttö/2"],"supervision":"supervised_with_id"},
		{"email":"oppija2@hamk.example","outcomeId":%q,"result":"hylätty","assessedOn":"22.10.2026"}]}`, second)
	resp, b := f.do(t, "POST", path, "hamkassessor-write", "application/json", body)
	var out struct{ Stored int }
	decodeJSON(t, 200, resp.StatusCode, b, &out)
	if out.Stored != 2 {
		t.Fatalf("%s", b)
	}
	got := f.assessments(t)["oppija2@hamk.example"]
	if len(got) != 2 || got[0].Result != "pass" || !got[0].Passed || got[1].Result != "fail" || got[1].Passed ||
		got[0].AssessedOn.Format("2006-01-02") != "2026-10-21" || got[1].AssessedOn.Format("2006-01-02") != "2026-10-22" ||
		len(got[0].Evidence) != 1 || got[0].Supervision != pokot.SupervisedWithID || got[0].AssessorID != f.users["hamkassessor"].ID {
		t.Fatalf("stored: %+v %+v", got[0], got[1])
	}

	// All or nothing: one unknown learner among good rows stores nothing, and every
	// problem is reported by row and column, in three languages.
	bad := `{"assessments":[
		{"email":"oppija2@hamk.example","outcome":2,"result":"pass","assessedOn":"2026-10-23"},
		{"email":"tuntematon@example.fi","outcome":1,"result":"pass","assessedOn":"2026-10-23"},
		{"email":"oppija3@hamk.example","outcome":1,"result":"pass","assessedOn":"2026-10-23"}]}`
	p := wantDeliveryProblem(t, f, "POST", path, "hamkadmin", "application/json", bad, 422, "err.assess.refused")
	rows := p["rows"].([]any)
	if len(rows) != 2 {
		t.Fatalf("rows: %v", p)
	}
	r0, r1 := rows[0].(map[string]any), rows[1].(map[string]any)
	if r0["row"] != float64(2) || r0["column"] != "email" || r0["key"] != "err.assess.unknown_learner" || r0["pointer"] != "/assessments/1/email" {
		t.Fatalf("unknown learner: %v", r0)
	}
	msgs := r0["messages"].(map[string]any)
	if !strings.HasPrefix(msgs["fi"].(string), "Rivi 2, sarake email: ") || !strings.HasPrefix(msgs["sv"].(string), "Rad 2") || !strings.HasPrefix(msgs["en"].(string), "Row 2") {
		t.Fatalf("messages: %v", msgs)
	}
	// oppija3 waits for a seat: not a learner of the group either.
	if r1["row"] != float64(3) || r1["key"] != "err.assess.unknown_learner" {
		t.Fatalf("waitlisted learner: %v", r1)
	}
	if errs := p["errors"].(map[string]any); errs["row 2: email"] == nil {
		t.Fatalf("errors: %v", errs)
	}
	if got := f.assessments(t)["oppija2@hamk.example"]; got[1].Result != "fail" {
		t.Fatalf("a refused upload changed a result: %+v", got[1])
	}

	// What the import cannot read is refused before the store, every problem at once.
	bad = fmt.Sprintf(`{"assessments":[
		{"email":"ei-osoite","outcome":3,"result":"","assessedOn":"eilen"},
		{"email":"oppija2@hamk.example","outcome":1,"outcomeId":%q,"result":"pass","assessedOn":"2026-10-23"},
		{"email":"oppija2@hamk.example","outcomeId":"zzzzzz","result":"pass","assessedOn":"2026-10-23"}]}`, second)
	p = wantDeliveryProblem(t, f, "POST", path, "hamkadmin", "application/json", bad, 422, "err.assess.refused")
	var keys []string
	for _, r := range p["rows"].([]any) {
		m := r.(map[string]any)
		keys = append(keys, fmt.Sprintf("%v:%v:%v", m["row"], m["column"], m["key"]))
	}
	want := "1:email:err.email_invalid 1:outcome:err.assess.outcome_invalid 1:result:err.assess.result_invalid 1:assessedOn:err.assess.date_required " +
		"2:outcome:err.assess.outcome_invalid 3:outcomeId:err.assess.outcome_invalid"
	if strings.Join(keys, " ") != want {
		t.Fatalf("rows\n got %s\nwant %s", strings.Join(keys, " "), want)
	}
	// The scale and duplicates are the service's checks.
	p = wantDeliveryProblem(t, f, "POST", path, "hamkadmin", "application/json", `{"assessments":[
		{"email":"oppija2@hamk.example","outcome":2,"result":"5","assessedOn":"2026-10-23"},
		{"email":"oppija2@hamk.example","outcome":1,"result":"pass","assessedOn":"2026-10-23","evidence":["javascript:alert(1)"]},
		{"email":"oppija2@hamk.example","outcome":1,"result":"pass","assessedOn":"2026-10-23"}]}`, 422, "err.assess.refused")
	keys = nil
	for _, r := range p["rows"].([]any) {
		m := r.(map[string]any)
		keys = append(keys, fmt.Sprintf("%v:%v", m["row"], m["key"]))
	}
	if got := strings.Join(keys, " "); !strings.Contains(got, "1:err.assess.result_invalid") || !strings.Contains(got, "2:err.assess.evidence_invalid") || !strings.Contains(got, "3:err.assess.duplicate_row") {
		t.Fatalf("service checks: %s", got)
	}
	wantDeliveryProblem(t, f, "POST", path, "hamkadmin", "application/json", `{"assessments":[]}`, 422, "err.assess.refused")
	wantDeliveryProblem(t, f, "POST", path, "hamkadmin", "application/json", `{"assessments":[{"email":"a@b.fi","grade":"5"}]}`, 400, "err.json_field")
	wantDeliveryProblem(t, f, "POST", path, "hamkadmin", "application/xml", `<a/>`, 415, "err.content_type")
	if got := f.assessments(t)["oppija2@hamk.example"]; got[1].Result != "fail" || len(got) != 2 {
		t.Fatalf("a refused upload changed a result: %+v", got)
	}
}

func TestDeliveryAssessmentsCSV(t *testing.T) {
	f := deliverySetup(t)
	path := f.path("hamk", "/assessments")
	// The web import's columns, in Finnish, semicolon-separated, with a BOM.
	csv := "\ufeffSähköposti;Osaamistavoite;Tulos;Päivämäärä;Näyttö\r\n" +
		"oppija2@hamk.example;1;hyväksytty;21.10.2026;https://example.fi/a https://example.fi/b\r\n" +
		"oppija2@hamk.example;2;hyväksytty;2026-10-22;\r\n"
	resp, b := f.do(t, "POST", path, "hamkassessor", "text/csv; charset=utf-8", csv)
	var out struct{ Stored int }
	decodeJSON(t, 200, resp.StatusCode, b, &out)
	if got := f.assessments(t)["oppija2@hamk.example"]; out.Stored != 2 || len(got) != 2 || len(got[0].Evidence) != 2 || !got[1].Passed {
		t.Fatalf("%s: %+v", b, got)
	}
	// Row numbers are the file's lines (header 1); nothing stored.
	csv = "email,outcome,result,assessedOn\noppija3@hamk.example,1,fail,2026-10-23\ntuntematon@example.fi,1,pass,2026-10-23\noppija3@hamk.example,7,pass,2026-10-23\n"
	p := wantDeliveryProblem(t, f, "POST", path, "hamkassessor", "text/csv", csv, 422, "err.assess.refused")
	var keys []string
	for _, r := range p["rows"].([]any) {
		m := r.(map[string]any)
		if m["pointer"] != nil {
			t.Fatalf("a CSV row has a JSON pointer: %v", m)
		}
		keys = append(keys, fmt.Sprintf("%v:%v:%v", m["row"], m["column"], m["key"]))
	}
	if got := strings.Join(keys, " "); got != "2:email:err.assess.unknown_learner 3:email:err.assess.unknown_learner 4:email:err.assess.unknown_learner 4:outcome:err.assess.outcome_invalid" {
		t.Fatalf("rows: %s", got)
	}
	p = wantDeliveryProblem(t, f, "POST", path, "hamkassessor", "text/csv", "email;result\na@b.fi;pass\n", 422, "err.assess.refused")
	if len(p["rows"].([]any)) != 2 {
		t.Fatalf("missing columns: %v", p)
	}

	// Larger than the 64 KiB of other endpoints is fine; more than 8 MiB is 413.
	var big strings.Builder
	big.WriteString("email,outcome,result,assessedOn,evidence\n")
	for big.Len() < 100<<10 {
		big.WriteString("oppija2@hamk.example,1,pass,2026-10-24,https://example.fi/" + strings.Repeat("x", 200) + "\n")
	}
	p = wantDeliveryProblem(t, f, "POST", path, "hamkassessor", "text/csv", big.String(), 422, "err.assess.refused")
	if rows := p["rows"].([]any); rows[0].(map[string]any)["key"] != "err.assess.duplicate_row" {
		t.Fatalf("a 100 KiB file was not read: %v", rows[0])
	}
	for big.Len() <= 8<<20 {
		big.WriteString(strings.Repeat("x", 1<<20))
	}
	wantDeliveryProblem(t, f, "POST", path, "hamkassessor", "text/csv", big.String(), 413, "err.too_large")
	if got := f.assessments(t); len(got["oppija3@hamk.example"]) != 0 || got["oppija2@hamk.example"][0].AssessedOn.Format("2006-01-02") != "2026-10-21" {
		t.Fatalf("a refused upload stored something: %+v", got)
	}
}

// TestDeliveryAssessmentsChunked sends uploads without a Content-Length, so that the
// 8 MiB limit is met while reading, for JSON and CSV alike.
func TestDeliveryAssessmentsChunked(t *testing.T) {
	f := deliverySetup(t)
	for _, c := range []struct{ ctype, head string }{
		{"application/json", `{"assessments":[{"email":"oppija2@hamk.example","outcome":1,"result":"pass","assessedOn":"2026-10-23","supervision":"`},
		{"text/csv", "email,outcome,result,assessedOn,evidence\noppija2@hamk.example,1,pass,2026-10-23,https://example.fi/"},
	} {
		body := io.MultiReader(strings.NewReader(c.head), io.LimitReader(endless{}, 9<<20))
		req, err := http.NewRequest("POST", f.srv.URL+f.path("hamk", "/assessments"), body)
		must(t, err)
		req.Header.Set("Authorization", "Bearer "+f.tok["hamkassessor"])
		req.Header.Set("Content-Type", c.ctype)
		resp, err := http.DefaultClient.Do(req)
		must(t, err)
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if req.ContentLength != 0 && req.ContentLength != -1 {
			t.Fatalf("the request has a length: %d", req.ContentLength)
		}
		if p := problemOf(t, resp, b, 413); p["key"] != "err.too_large" {
			t.Fatalf("%s: %s", c.ctype, b)
		}
	}
	if got := f.assessments(t)["oppija2@hamk.example"]; len(got) != 0 {
		t.Fatalf("stored: %+v", got)
	}
}

// endless reads as an endless run of the letter a.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

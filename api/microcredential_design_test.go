package api_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/exchange/exchangetest"
)

// draftBody is a complete description as a create request, with the badge as a data: URI.
func draftBody(t *testing.T, slug string) string {
	t.Helper()
	c := exchangetest.Content()
	b, err := json.Marshal(struct {
		pokot.MicrocredentialContent
		Slug      string `json:"slug"`
		ImageData string `json:"imageData"`
	}{c, slug, "data:image/png;base64," + base64.StdEncoding.EncodeToString(exchangetest.PNG())})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

type designDoc struct {
	ID               int64
	Org, Slug        string
	Version          int
	Status           string
	Revision         int
	ETag             string
	PublishedVersion int
	Title            pokot.Text
	Image            *struct{ MediaType string }
	Checks           []struct {
		ID       string
		Severity string
		OK       bool
		Message  pokot.Text
	}
}

func decodeDesign(t *testing.T, resp *http.Response, body []byte, status int) designDoc {
	t.Helper()
	if resp.StatusCode != status {
		t.Fatalf("status %d, want %d: %s", resp.StatusCode, status, body)
	}
	var d designDoc
	if err := json.Unmarshal(body, &d); err != nil {
		t.Fatal(err)
	}
	if d.ETag == "" || resp.Header.Get("ETag") != d.ETag {
		t.Fatalf("ETag header %q, member %q", resp.Header.Get("ETag"), d.ETag)
	}
	return d
}

// withIfMatch sends a request with an If-Match header.
func (f *fixture) withIfMatch(t *testing.T, method, path, token, ifMatch, body string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(method, f.srv.URL+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+f.tok[token])
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("If-Match", ifMatch)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func TestDesignFlow(t *testing.T) {
	f := setup(t)
	orgPath := "/api/v1/orgs/hamk/microcredentials"

	resp, body := f.do(t, "POST", orgPath, "hamkdesigner", "application/json", draftBody(t, "hoivarobotiikka"))
	d := decodeDesign(t, resp, body, 201)
	if d.Status != "draft" || d.Version != 1 || d.Revision != 1 || d.Org != "hamk" || d.Slug != "hoivarobotiikka" || d.Image == nil || d.Image.MediaType != "image/png" {
		t.Fatalf("created %+v", d)
	}
	if loc := resp.Header.Get("Location"); loc != fmt.Sprintf("%s/%d", orgPath, d.ID) {
		t.Errorf("Location %q", loc)
	}
	if len(d.Checks) == 0 || d.Checks[0].Message[pokot.Swedish] == "" {
		t.Errorf("checklist %+v", d.Checks)
	}
	pokPath := fmt.Sprintf("%s/%d", orgPath, d.ID)

	// The draft is listed for the organisation's designers, and is not public.
	_, body = f.do(t, "GET", orgPath, "hamkdesigner-read", "", "")
	var list struct {
		Items []designDoc
		Total int
	}
	if json.Unmarshal(body, &list); list.Total != 1 || list.Items[0].ID != d.ID || list.Items[0].Status != "draft" {
		t.Fatalf("org list %s", body)
	}
	if _, body := f.do(t, "GET", orgPath+"?status=published", "hamkdesigner", "", ""); !strings.Contains(string(body), `"total": 0`) {
		t.Errorf("status filter: %s", body)
	}
	resp, body = f.do(t, "GET", fmt.Sprintf("/api/v1/microcredentials/%d", d.ID), "", "", "")
	problemOf(t, resp, body, 404)
	if p := f.search(t, "?q=robotiikka", ""); p.Total != 0 {
		t.Fatalf("a draft is in the catalogue: %+v", p)
	}

	// Optimistic concurrency: the first save wins; a client still holding the old ETag or
	// revision is told, and its content is not saved.
	edit := func(title string) string {
		c := exchangetest.Content()
		c.Title[pokot.Finnish] = title
		c.Image.Data = nil // keep the stored picture
		b, _ := json.Marshal(c)
		return string(b)
	}
	resp, body = f.withIfMatch(t, "PUT", pokPath+"/draft", "hamkdesigner", d.ETag, edit("Hoivarobotiikan perusteet"))
	d2 := decodeDesign(t, resp, body, 200)
	if d2.Revision != 2 || d2.ETag == d.ETag || d2.Image == nil {
		t.Fatalf("saved %+v", d2)
	}
	resp, body = f.withIfMatch(t, "PUT", pokPath+"/draft", "hamkadmin", d.ETag, edit("Vanha otsikko"))
	problemOf(t, resp, body, 412)
	resp, body = f.do(t, "PUT", pokPath+"/draft", "hamkadmin", "application/json", strings.TrimSuffix(edit("Vanha otsikko"), "}")+`,"revision":1}`)
	if p := problemOf(t, resp, body, 409); p["key"] != "err.mc.stale" {
		t.Errorf("stale revision: %s", body)
	}
	resp, body = f.do(t, "PUT", pokPath+"/draft", "hamkadmin", "application/json", edit("Ei ehtoa"))
	problemOf(t, resp, body, 428)
	resp, body = f.do(t, "PUT", pokPath+"/draft", "hamkadmin", "application/json", strings.TrimSuffix(edit("Vanha otsikko"), "}")+`,"updated":"2020-01-01T00:00:00Z"}`)
	if p := problemOf(t, resp, body, 409); p["key"] != "err.mc.stale" {
		t.Errorf("stale updated: %s", body)
	}
	resp, body = f.do(t, "PUT", pokPath+"/draft", "hamkadmin", "application/json", strings.TrimSuffix(edit("Vanha otsikko"), "}")+`,"version":2,"revision":2}`)
	if p := problemOf(t, resp, body, 409); p["key"] != "err.mc.stale" {
		t.Errorf("wrong version: %s", body)
	}
	resp, body = f.do(t, "GET", pokPath, "hamkdesigner", "", "")
	if cur := decodeDesign(t, resp, body, 200); cur.Title[pokot.Finnish] != "Hoivarobotiikan perusteet" || cur.Revision != 2 {
		t.Fatalf("a stale save changed the draft: %+v", cur)
	}
	// What GET returns can be sent back as it is; its updated member is a precondition.
	got := string(body)
	resp, body = f.do(t, "PUT", pokPath+"/draft", "hamkdesigner", "application/json", got)
	d3 := decodeDesign(t, resp, body, 200)
	resp, body = f.do(t, "PUT", pokPath+"/draft", "hamkdesigner", "application/json", got)
	problemOf(t, resp, body, 409)

	// Workflow: submit, self-approval refused, approval by the org admin, publication.
	transition := func(tok, to string) (*http.Response, []byte) {
		return f.do(t, "POST", pokPath+"/transitions", tok, "application/json", `{"to":"`+to+`","note":"API"}`)
	}
	resp, body = transition("hamkdesigner", "published")
	problemOf(t, resp, body, 409)
	resp, body = transition("hamkdesigner", "review")
	decodeDesign(t, resp, body, 200)
	resp, body = transition("hamkdesigner", "approved")
	if p := problemOf(t, resp, body, 403); p["key"] != "err.mc.self_approval" {
		t.Errorf("self approval: %s", body)
	}
	resp, body = transition("hamkadmin", "approved")
	decodeDesign(t, resp, body, 200)
	resp, body = transition("hamkdesigner", "published")
	pub := decodeDesign(t, resp, body, 200)
	if pub.Status != "published" || pub.PublishedVersion != 1 {
		t.Fatalf("published %+v", pub)
	}
	if p := f.search(t, "?q=robotiikka", ""); p.Total != 1 || p.Items[0].ID != d.ID {
		t.Fatalf("published POK not found: %+v", p)
	}

	// A published version is immutable: a new version is a new draft.
	resp, body = f.withIfMatch(t, "PUT", pokPath+"/draft", "hamkdesigner", "*", edit("Muutos"))
	if p := problemOf(t, resp, body, 409); p["key"] != "err.mc.not_draft" {
		t.Errorf("edit of published: %s", body)
	}
	resp, body = f.do(t, "POST", pokPath+"/versions", "hamkdesigner", "", "")
	v2 := decodeDesign(t, resp, body, 201)
	if v2.Version != 2 || v2.Status != "draft" || v2.PublishedVersion != 1 {
		t.Fatalf("new version %+v", v2)
	}
	resp, body = f.do(t, "POST", pokPath+"/versions", "hamkdesigner", "", "")
	problemOf(t, resp, body, 409)
	_, body = f.do(t, "GET", fmt.Sprintf("/api/v1/microcredentials/%d", d.ID), "", "", "")
	if !strings.Contains(string(body), `"version": 1`) || d3.Revision != 3 {
		t.Errorf("the catalogue shows the draft: %s", body)
	}
}

func TestDesignAccess(t *testing.T) {
	f := setup(t)
	f.addUser(t, "hamklearner", "hamk", pokot.RoleLearner)
	f.addUser(t, "hamkpartner", "hamk", pokot.RolePartner)
	id := f.publish(t, "hamk", "hoivarobotiikka", exchangetest.Content())
	pok := fmt.Sprintf("/api/v1/orgs/hamk/microcredentials/%d", id)
	csv := "title_fi,workload_value,workload_unit\nTesti,5,osp\n"
	cases := []struct {
		method, path, tok, ctype, body string
		status                         int
	}{
		{"POST", "/api/v1/orgs/hamk/microcredentials", "", "application/json", draftBody(t, "a"), 401},
		{"POST", "/api/v1/orgs/hamk/microcredentials", "hamkdesigner-read", "application/json", draftBody(t, "b"), 403},
		{"POST", "/api/v1/orgs/tamk/microcredentials", "hamkdesigner", "application/json", draftBody(t, "c"), 403},
		{"POST", "/api/v1/orgs/hamk/microcredentials", "hamklearner", "application/json", draftBody(t, "d"), 403},
		{"POST", "/api/v1/orgs/hamk/microcredentials", "hamkpartner", "application/json", draftBody(t, "e"), 403},
		{"POST", "/api/v1/orgs/hamk/microcredentials", "tamkadmin", "application/json", draftBody(t, "f"), 403},
		{"POST", "/api/v1/orgs/nosuch/microcredentials", "hamkdesigner", "application/json", draftBody(t, "g"), 404},
		{"GET", "/api/v1/orgs/hamk/microcredentials", "", "", "", 401},
		{"GET", "/api/v1/orgs/hamk/microcredentials", "hamkdesigner-write", "", "", 403},
		{"GET", "/api/v1/orgs/hamk/microcredentials", "hamklearner", "", "", 403},
		{"GET", "/api/v1/orgs/hamk/microcredentials", "tamkadmin", "", "", 403},
		{"GET", pok, "tamkadmin", "", "", 403},
		{"GET", fmt.Sprintf("/api/v1/orgs/tamk/microcredentials/%d", id), "root", "", "", 403}, // platform admin without a design role
		{"PUT", pok + "/draft", "", "application/json", `{}`, 401},
		{"PUT", pok + "/draft", "hamklearner", "application/json", `{}`, 403},
		{"POST", pok + "/transitions", "hamkdesigner-read", "application/json", `{"to":"archived"}`, 403},
		{"POST", pok + "/transitions", "hamklearner", "application/json", `{"to":"archived"}`, 403},
		{"POST", pok + "/transitions", "tamkadmin", "application/json", `{"to":"archived"}`, 403},
		{"POST", pok + "/versions", "hamklearner", "", "", 403},
		{"POST", "/api/v1/orgs/hamk/microcredentials/import", "", "text/csv", csv, 401},
		{"POST", "/api/v1/orgs/hamk/microcredentials/import", "hamkdesigner-read", "text/csv", csv, 403},
		{"POST", "/api/v1/orgs/hamk/microcredentials/import", "hamklearner", "text/csv", csv, 403},
		{"POST", "/api/v1/orgs/tamk/microcredentials/import", "hamkdesigner", "text/csv", csv, 403},
	}
	for _, c := range cases {
		resp, body := f.do(t, c.method, c.path, c.tok, c.ctype, c.body)
		if p := problemOf(t, resp, body, c.status); c.status == 401 && resp.Header.Get("WWW-Authenticate") == "" {
			t.Errorf("%s %s: no WWW-Authenticate: %v", c.method, c.path, p)
		}
	}
	// Nothing was created, changed or archived.
	for _, org := range []string{"hamk", "tamk"} {
		ms, err := f.db.Microcredentials(context.Background(), f.orgID(t, org), "")
		if err != nil {
			t.Fatal(err)
		}
		if want := map[string]int{"hamk": 1, "tamk": 0}[org]; len(ms) != want {
			t.Errorf("%s has %d POKs, want %d", org, len(ms), want)
		}
		for _, m := range ms {
			if m.CurrentVersion != 1 || m.PublishedVersion != 1 {
				t.Errorf("%s: %+v", org, m)
			}
		}
	}
	// The same POK id in another organisation's path is not found there.
	resp, body := f.do(t, "GET", fmt.Sprintf("/api/v1/orgs/tamk/microcredentials/%d", id), "tamkadmin", "", "")
	problemOf(t, resp, body, 404)
}

func TestDesignBadInput(t *testing.T) {
	f := setup(t)
	path := "/api/v1/orgs/hamk/microcredentials"
	svgScript := "data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString([]byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><circle r="4"/></svg>`))
	cases := []struct {
		name, body string
		status     int
		field      string
	}{
		{"workload without unit", `{"title":{"fi":"Testi"},"workload":{"value":5}}`, 422, "workload.unit"},
		{"unknown unit", `{"title":{"fi":"Testi"},"workload":{"value":5,"unit":"years"}}`, 422, "workload.unit"},
		{"unknown EQF level", `{"title":{"fi":"Testi"},"eqfLevel":9}`, 422, "eqfLevel"},
		{"unknown ISCED field", `{"title":{"fi":"Testi"},"iscedField":"9999"}`, 422, "iscedField"},
		{"bad slug", `{"title":{"fi":"Testi"},"slug":"Ö Ö"}`, 422, "slug"},
		{"image not a data URI", `{"title":{"fi":"Testi"},"imageData":"https://example.com/a.png"}`, 422, "imageData"},
		{"image not PNG or SVG", `{"title":{"fi":"Testi"},"imageData":"data:image/png;base64,aGVsbG8="}`, 422, "image"},
		{"image without data", `{"title":{"fi":"Testi"},"image":{"mediaType":"image/png","alt":{"fi":"Kuva"}}}`, 422, "imageData"},
		{"unknown member", `{"title":{"fi":"Testi"},"owner":"me"}`, 400, ""},
		{"wrong type", `{"title":"Testi"}`, 400, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := f.do(t, "POST", path, "hamkdesigner", "application/json", c.body)
			p := problemOf(t, resp, body, c.status)
			if c.field != "" {
				errs, _ := p["errors"].(map[string]any)
				if list, _ := errs[c.field].([]any); len(list) == 0 {
					t.Errorf("no error for %q: %s", c.field, body)
				}
			}
		})
	}
	resp, body := f.do(t, "POST", path, "hamkdesigner", "text/plain", `{"title":{"fi":"Testi"}}`)
	problemOf(t, resp, body, 415)
	if ms, _ := f.db.Microcredentials(context.Background(), f.orgID(t, "hamk"), ""); len(ms) != 0 {
		t.Fatalf("bad input created %d POKs", len(ms))
	}

	// An SVG with a script is stored without it.
	resp, body = f.do(t, "POST", path, "hamkdesigner", "application/json", `{"title":{"fi":"Kuvatesti"},"image":{"alt":{"fi":"Ympyrä"}},"imageData":"`+svgScript+`"}`)
	d := decodeDesign(t, resp, body, 201)
	v, err := f.db.MicrocredentialVersion(context.Background(), f.orgID(t, "hamk"), d.ID, 1)
	if err != nil || v.Content.Image == nil || strings.Contains(string(v.Content.Image.Data), "script") || v.Content.Image.MediaType != "image/svg+xml" {
		t.Fatalf("stored image %+v %v", v.Content.Image, err)
	}

	// A bad transition body.
	tr := fmt.Sprintf("%s/%d/transitions", path, d.ID)
	resp, body = f.do(t, "POST", tr, "hamkdesigner", "application/json", `{"to":"deleted"}`)
	if p := problemOf(t, resp, body, 422); p["errors"].(map[string]any)["to"] == nil {
		t.Errorf("bad to: %s", body)
	}
	resp, body = f.do(t, "POST", tr, "hamkdesigner", "application/json", `{"to":"review","version":7}`)
	problemOf(t, resp, body, 404)
	resp, body = f.do(t, "POST", path+"/999999/transitions", "hamkdesigner", "application/json", `{"to":"review"}`)
	problemOf(t, resp, body, 404)
}

// TestQualityGate: errors of the checklist block approval and publication with 422 and
// the failing checks listed; nothing changes.
func TestQualityGate(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	path := "/api/v1/orgs/hamk/microcredentials"
	resp, body := f.do(t, "POST", path, "hamkdesigner", "application/json", `{"title":{"fi":"Keskeneräinen"},"workload":{"value":2,"unit":"osp"}}`)
	d := decodeDesign(t, resp, body, 201)
	tr := fmt.Sprintf("%s/%d/transitions", path, d.ID)
	resp, body = f.do(t, "POST", tr, "hamkdesigner", "application/json", `{"to":"review"}`)
	decodeDesign(t, resp, body, 200)
	resp, body = f.do(t, "POST", tr, "hamkadmin", "application/json", `{"to":"approved"}`)
	p := problemOf(t, resp, body, 422)
	checks := map[string]bool{}
	for _, c := range p["checks"].([]any) {
		c := c.(map[string]any)
		checks[c["id"].(string)] = true
		if c["ok"] != false || c["severity"] != "error" || c["message"].(map[string]any)["fi"] == "" {
			t.Errorf("check %v", c)
		}
	}
	for _, id := range []string{"outcomes", "level", "assessment", "participation", "quality_assurance"} {
		if !checks[id] {
			t.Errorf("check %s not listed: %s", id, body)
		}
	}
	if checks["title"] || checks["workload"] {
		t.Errorf("passed checks listed as failing: %v", checks)
	}
	if errs, _ := p["errors"].(map[string]any); errs["eqfLevel"] == nil {
		t.Errorf("errors by field: %s", body)
	}
	if v, _ := f.db.MicrocredentialVersion(ctx, f.orgID(t, "hamk"), d.ID, 1); v.Status != pokot.StatusReview {
		t.Fatalf("status %s after a refused approval", v.Status)
	}

	// A complete POK approved, then its organisation loses its country (Annex I element 3):
	// publication is refused with that check.
	resp, body = f.do(t, "POST", path, "hamkdesigner", "application/json", draftBody(t, "valmis"))
	d = decodeDesign(t, resp, body, 201)
	tr = fmt.Sprintf("%s/%d/transitions", path, d.ID)
	for _, step := range []struct{ tok, to string }{{"hamkdesigner", "review"}, {"hamkadmin", "approved"}} {
		resp, body = f.do(t, "POST", tr, step.tok, "application/json", `{"to":"`+step.to+`"}`)
		decodeDesign(t, resp, body, 200)
	}
	org, _ := f.db.OrgBySlug(ctx, "hamk")
	org.Country = ""
	if err := f.db.UpdateOrg(ctx, org); err != nil {
		t.Fatal(err)
	}
	resp, body = f.do(t, "POST", tr, "hamkdesigner", "application/json", `{"to":"published"}`)
	p = problemOf(t, resp, body, 422)
	if !strings.Contains(string(body), `"id":"awarding_body"`) {
		t.Errorf("awarding_body not listed: %s", body)
	}
	if p := f.search(t, "", ""); p.Total != 0 {
		t.Fatalf("refused publication is in the catalogue: %+v", p)
	}
}

package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/exchange"
	"github.com/pokot/pokot/exchange/exchangetest"
)

// addUser adds a member of org with role and three tokens (full, -read, -write) to f.
func (f *fixture) addUser(t *testing.T, name, org string, role pokot.Role) {
	t.Helper()
	ctx := context.Background()
	o, err := f.db.OrgBySlug(ctx, org)
	if err != nil {
		t.Fatal(err)
	}
	u := &pokot.User{Email: name + "@example.fi", Name: "Testi " + name, Lang: pokot.Finnish}
	if err := f.db.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	if err := f.db.AddMember(ctx, o.ID, u.ID, role); err != nil {
		t.Fatal(err)
	}
	for suffix, scopes := range map[string][]pokot.Scope{"": {pokot.ScopeRead, pokot.ScopeWrite}, "-read": {pokot.ScopeRead}, "-write": {pokot.ScopeWrite}} {
		secret, err := f.db.CreateAPIToken(ctx, &pokot.APIToken{UserID: u.ID, Name: "test" + suffix, Scopes: scopes})
		if err != nil {
			t.Fatal(err)
		}
		f.tok[name+suffix] = secret
	}
}

func (f *fixture) userID(t *testing.T, name string) int64 {
	t.Helper()
	u, err := f.db.UserByEmail(context.Background(), name+"@example.fi")
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

func (f *fixture) orgID(t *testing.T, slug string) int64 {
	t.Helper()
	o, err := f.db.OrgBySlug(context.Background(), slug)
	if err != nil {
		t.Fatal(err)
	}
	return o.ID
}

// publish creates c in org through the service and takes it through review and approval
// to the catalogue: the designer submits and publishes, the org admin approves.
func (f *fixture) publish(t *testing.T, org, slug string, c pokot.MicrocredentialContent) int64 {
	t.Helper()
	ctx := context.Background()
	admin := f.userID(t, org+"admin")
	designer := admin
	if org == "hamk" {
		designer = f.userID(t, "hamkdesigner")
	}
	oid := f.orgID(t, org)
	m, _, err := f.db.CreateMicrocredential(ctx, oid, designer, slug, &c)
	if err != nil {
		t.Fatal(err)
	}
	for _, to := range []pokot.Status{pokot.StatusReview, pokot.StatusApproved, pokot.StatusPublished} {
		by := designer
		if to == pokot.StatusApproved {
			by = admin
		}
		if _, err := f.db.Transition(ctx, oid, m.ID, 1, by, to, ""); err != nil {
			t.Fatalf("%s: %v", to, err)
		}
	}
	return m.ID
}

// construction is a complete description that shares no words with the robotics one.
func construction() pokot.MicrocredentialContent {
	c := exchangetest.Content()
	tx := exchangetest.Tx
	c.Title = tx("Rakennustyömaan turvallisuus", "Säkerhet på byggarbetsplatsen", "Construction site safety")
	c.Description = tx("Opit tunnistamaan työmaan vaarat.", "Du lär dig känna igen farorna på arbetsplatsen.", "You learn to spot the hazards of a site.")
	c.Outcomes = []pokot.LearningOutcome{{Text: tx("Osaat tehdä työmaan riskiarvion.", "Du kan göra en riskbedömning.", "You can assess the risks of a site."),
		Criteria: tx("Opiskelija laatii riskiarvion.", "Den studerande gör en riskbedömning.", "The student writes a risk assessment.")}}
	c.Workload = pokot.Workload{Value: 3, Unit: pokot.UnitOP}
	c.EQFLevel = 5
	c.ISCEDField = "0732"
	c.Keywords = map[pokot.Lang][]string{pokot.Finnish: {"turvallisuus"}}
	c.TargetGroup = tx("Rakennusalan työntekijät", "Byggarbetare", "Construction workers")
	c.Stackability = pokot.Stackability{Kind: pokot.Standalone}
	c.Image.Alt = tx("Kypärä", "Hjälm", "Helmet")
	return c
}

// catalogFixture publishes the robotics POK at HAMK and the construction POK at TAMK, and
// leaves a HAMK draft with a robotics title unpublished.
func catalogFixture(t *testing.T) (f *fixture, robotics, building, draft int64) {
	f = setup(t)
	robotics = f.publish(t, "hamk", "hoivarobotiikka", exchangetest.Content())
	building = f.publish(t, "tamk", "tyomaaturvallisuus", construction())
	c := exchangetest.Content()
	c.Title = exchangetest.Tx("Robotiikan luonnos", "", "")
	c.Image = nil
	m, _, err := f.db.CreateMicrocredential(context.Background(), f.orgID(t, "hamk"), f.userID(t, "hamkdesigner"), "", &c)
	if err != nil {
		t.Fatal(err)
	}
	return f, robotics, building, m.ID
}

type catalogPage struct {
	Items []struct {
		ID          int64
		Org, Slug   string
		Version     int
		Status      string
		PublishedAt string
		Title       pokot.Text
		URLs        map[string]string
	}
	Total  int
	Facets map[string][]struct {
		Value string
		Count int
	}
}

func (f *fixture) search(t *testing.T, query, token string) catalogPage {
	t.Helper()
	resp, body := f.do(t, "GET", "/api/v1/microcredentials"+query, token, "", "")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("search %s: %d %s", query, resp.StatusCode, body)
	}
	var p catalogPage
	if err := json.Unmarshal(body, &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func facet(p catalogPage, name, value string) int {
	for _, fc := range p.Facets[name] {
		if fc.Value == value {
			return fc.Count
		}
	}
	return 0
}

func TestCatalogSearch(t *testing.T) {
	f, robotics, building, draft := catalogFixture(t)

	all := f.search(t, "", "")
	if all.Total != 2 || len(all.Items) != 2 {
		t.Fatalf("published only: total %d, %d items", all.Total, len(all.Items))
	}
	for _, it := range all.Items {
		if it.ID == draft || it.Status != "published" || it.PublishedAt == "" || it.Version != 1 {
			t.Errorf("item %+v", it)
		}
	}
	for _, c := range []struct {
		facet, value string
		n            int
	}{{"org", "hamk", 1}, {"org", "tamk", 1}, {"level", "4", 1}, {"level", "5", 1}, {"unit", "osp", 1}, {"unit", "op", 1}} {
		if got := facet(all, c.facet, c.value); got != c.n {
			t.Errorf("facet %s=%s: %d, want %d (%v)", c.facet, c.value, got, c.n, all.Facets[c.facet])
		}
	}

	// The inflected Finnish query finds the compound word; the draft with the same word in
	// its title stays out.
	p := f.search(t, "?q=robotiikka", "")
	if p.Total != 1 || p.Items[0].ID != robotics || p.Items[0].Title[pokot.Finnish] != "Hoivarobotiikan perusteet" || p.Items[0].Org != "hamk" {
		t.Fatalf("robotiikka: %+v", p)
	}
	if u := p.Items[0].URLs; u["ob3"] != fmt.Sprintf("https://pokot.example.fi/api/v1/microcredentials/%d/ob3", robotics) || u["id"] != exchange.VersionURL("https://pokot.example.fi", robotics, 1) {
		t.Errorf("urls %v", u)
	}
	// A token is accepted, not needed.
	if p := f.search(t, "?q=robotiikka", "hamkdesigner"); p.Total != 1 {
		t.Errorf("with a token: %+v", p)
	}

	// Past the last page: the total, no items.
	if p := f.search(t, "?page=2", ""); p.Total != 2 || len(p.Items) != 0 {
		t.Errorf("page 2: %+v", p)
	}
	if p := f.search(t, "?per_page=1&sort=title", ""); p.Total != 2 || len(p.Items) != 1 || p.Items[0].ID != robotics {
		t.Errorf("per_page=1: %+v", p)
	}

	// Filters.
	for _, c := range []struct {
		query string
		want  []int64
	}{
		{"?org=tamk", []int64{building}},
		{"?level=4", []int64{robotics}},
		{"?field=07", []int64{building}},
		{"?field=0913", []int64{robotics}},
		{"?unit=op&min=2&max=4", []int64{building}},
		{"?unit=op&min=4", nil},
		{"?unit=osp", []int64{robotics}},
		{"?lang=sv", []int64{robotics, building}},
		{"?lang=de", nil},
		{"?skill=" + url.QueryEscape("http://data.europa.eu/esco/skill/0f1f6c0b-6b9c-4bb1-9b2a-2d1c8c3e1e11"), []int64{robotics}},
		{"?q=turvallisuus&org=hamk", nil},
		{"?q=turvallisuus", []int64{building}},
		{"?stackable=true", []int64{robotics}},
	} {
		p := f.search(t, c.query, "")
		got := map[int64]bool{}
		for _, it := range p.Items {
			got[it.ID] = true
		}
		if p.Total != len(c.want) || len(got) != len(c.want) {
			t.Errorf("%s: total %d, items %v, want %v", c.query, p.Total, got, c.want)
			continue
		}
		for _, id := range c.want {
			if !got[id] {
				t.Errorf("%s: %d missing from %v", c.query, id, got)
			}
		}
	}
}

func TestCatalogBadParameters(t *testing.T) {
	f := setup(t)
	for _, c := range []struct{ query, field string }{
		{"?level=9", "level"},
		{"?level=neljä", "level"},
		{"?field=9999", "field"},
		{"?unit=years", "unit"},
		{"?min=5", "min"},
		{"?unit=osp&min=-1", "min"},
		{"?unit=osp&max=NaN", "max"},
		{"?unit=osp&min=5&max=2", "max"},
		{"?org=nosuch", "org"},
		{"?skill=javascript:alert(1)", "skill"},
		{"?lang=finnish", "lang"},
		{"?page=0", "page"},
		{"?page=x", "page"},
		{"?per_page=500", "per_page"},
		{"?sort=price", "sort"},
		{"?jotpa=maybe", "jotpa"},
		{"?participation=telepathy", "participation"},
		{"?level=4&level=5", "level"},
		{"?q=" + strings.Repeat("a", 201), "q"},
	} {
		resp, body := f.do(t, "GET", "/api/v1/microcredentials"+c.query, "", "", "")
		p := problemOf(t, resp, body, 400)
		errs, _ := p["errors"].(map[string]any)
		if list, _ := errs[c.field].([]any); len(list) == 0 {
			t.Errorf("%s: no error for %q: %s", c.query, c.field, body)
		}
	}
}

func TestMicrocredentialDocuments(t *testing.T) {
	f, robotics, _, draft := catalogFixture(t)
	base := fmt.Sprintf("/api/v1/microcredentials/%d", robotics)

	resp, body := f.do(t, "GET", base, "", "", "")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	var doc map[string]any
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	if doc["id"] != float64(robotics) || doc["org"] != "hamk" || doc["slug"] != "hoivarobotiikka" || doc["version"] != float64(1) || doc["publishedAt"] == nil {
		t.Errorf("identity: %s", body)
	}
	// Every learning outcome has the ID the store gave it (compared apart, below).
	for i, o := range doc["outcomes"].([]any) {
		o := o.(map[string]any)
		if id, _ := o["id"].(string); !pokot.ValidOutcomeID(id) {
			t.Errorf("outcome %d id %q", i, id)
		}
		delete(o, "id")
	}
	// Every element of the description, under the content type's own names.
	want, _ := json.Marshal(exchangetest.Content())
	var elements map[string]any
	json.Unmarshal(want, &elements)
	for k, v := range elements {
		if k == "image" {
			continue
		}
		got, _ := json.Marshal(doc[k])
		exp, _ := json.Marshal(v)
		if string(got) != string(exp) {
			t.Errorf("element %s: %s, want %s", k, got, exp)
		}
	}
	if img, _ := doc["image"].(map[string]any); img["mediaType"] != "image/png" || doc["urls"].(map[string]any)["image"] == nil {
		t.Errorf("image %v urls %v", doc["image"], doc["urls"])
	}

	for _, kind := range []string{"ob3", "elm"} {
		resp, body := f.do(t, "GET", base+"/"+kind, "", "", "")
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/ld+json" {
			t.Fatalf("%s: %d %q %s", kind, resp.StatusCode, resp.Header.Get("Content-Type"), body)
		}
		var ld map[string]any
		if err := json.Unmarshal(body, &ld); err != nil {
			t.Fatalf("%s is not JSON: %v", kind, err)
		}
		if ld["id"] != exchange.VersionURL("https://pokot.example.fi", robotics, 1) || ld["@context"] == nil {
			t.Errorf("%s: id %v", kind, ld["id"])
		}
		if kind == "ob3" && (ld["name"] != "Hoivarobotiikan perusteet" || !strings.Contains(fmt.Sprint(ld["type"]), "Achievement")) {
			t.Errorf("ob3: %v %v", ld["name"], ld["type"])
		}
		if kind == "elm" && (fmt.Sprint(ld["type"]) != "Qualification" || ld["title"].(map[string]any)["fi"] != "Hoivarobotiikan perusteet") {
			t.Errorf("elm: %v %v", ld["type"], ld["title"])
		}
	}

	resp, body = f.do(t, "GET", base+"/versions", "", "", "")
	var vs struct {
		Versions []struct {
			Version int
			Status  string
			Current bool
		}
	}
	if err := json.Unmarshal(body, &vs); err != nil || resp.StatusCode != 200 || len(vs.Versions) != 1 || !vs.Versions[0].Current || vs.Versions[0].Status != "published" {
		t.Fatalf("versions %d %s", resp.StatusCode, body)
	}

	// Unknown, malformed and unpublished ids are all "no such POK".
	for _, p := range []string{"/api/v1/microcredentials/999999", "/api/v1/microcredentials/abc", "/api/v1/microcredentials/-1",
		fmt.Sprintf("/api/v1/microcredentials/%d", draft), fmt.Sprintf("/api/v1/microcredentials/%d/ob3", draft),
		fmt.Sprintf("/api/v1/microcredentials/%d/elm", draft), fmt.Sprintf("/api/v1/microcredentials/%d/versions", draft),
		"/api/v1/microcredentials/999999/ob3"} {
		resp, body := f.do(t, "GET", p, "", "", "")
		if pr := problemOf(t, resp, body, 404); pr["code"] != pokot.ENOTFOUND {
			t.Errorf("%s: %s", p, body)
		}
		if strings.Contains(string(body), "Robotiikan luonnos") {
			t.Errorf("%s leaks the draft: %s", p, body)
		}
	}
}

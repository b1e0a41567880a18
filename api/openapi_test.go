package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/pokot/pokot"
)

// TestOpenAPIMatchesRoutes keeps the document and the router in step, both ways: every
// registered route is documented with its method, and every documented operation is routed.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	a := New(nil, pokot.DefaultConfig(), nil).(*API)
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Servers []struct{ URL string }                `json:"servers"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.1.") || len(doc.Servers) != 1 || doc.Servers[0].URL != "/api/v1" {
		t.Fatalf("openapi %q servers %v", doc.OpenAPI, doc.Servers)
	}
	documented := map[string]bool{}
	methods := map[string]bool{"get": true, "put": true, "post": true, "delete": true, "patch": true, "head": true, "options": true}
	for path, item := range doc.Paths {
		for m, raw := range item {
			if !methods[m] {
				continue
			}
			var op map[string]any
			if err := json.Unmarshal(raw, &op); err != nil {
				t.Fatal(err)
			}
			documented[strings.ToUpper(m)+" /api/v1"+path] = true
			if _, ok := op["responses"]; !ok {
				t.Errorf("%s %s has no responses", m, path)
			}
			if _, ok := op["operationId"]; !ok {
				t.Errorf("%s %s has no operationId", m, path)
			}
		}
		// Every {param} of the path is declared.
		for _, pm := range regexp.MustCompile(`\{(\w+)\}`).FindAllStringSubmatch(path, -1) {
			if !strings.Contains(strings.ReplaceAll(string(item["parameters"]), " ", ""), `"name":"`+pm[1]+`"`) {
				t.Errorf("%s: parameter %s not declared", path, pm[1])
			}
		}
	}
	routed := map[string]bool{}
	for _, rt := range a.routes {
		routed[rt.method+" "+rt.path] = true
	}
	diff := func(a, b map[string]bool) (out []string) {
		for k := range a {
			if !b[k] {
				out = append(out, k)
			}
		}
		sort.Strings(out)
		return out
	}
	if d := diff(routed, documented); len(d) > 0 {
		t.Errorf("routes missing from openapi.json: %v", d)
	}
	if d := diff(documented, routed); len(d) > 0 {
		t.Errorf("documented operations without a route: %v", d)
	}
	// The security of each operation matches the scope the route requires.
	for _, rt := range a.routes {
		var op struct{ Security json.RawMessage }
		json.Unmarshal(doc.Paths[strings.TrimPrefix(rt.path, "/api/v1")][strings.ToLower(rt.method)], &op)
		raw, _ := json.Marshal(op.Security)
		want := `[]`
		if rt.scope != "" {
			want = `[{"bearerToken":["` + string(rt.scope) + `"]}]`
		}
		if string(raw) != want {
			t.Errorf("%s %s: security %s, want %s", rt.method, rt.path, raw, want)
		}
	}
}

func TestOpenAPIServedPublicly(t *testing.T) {
	rec := httptest.NewRecorder()
	New(nil, pokot.DefaultConfig(), nil).ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/openapi.json", nil))
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "application/json" {
		t.Fatalf("%d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	var v map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil || v["openapi"] != "3.1.0" {
		t.Fatalf("%v %v", err, v["openapi"])
	}
}

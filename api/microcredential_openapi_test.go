package api_test

import (
	"fmt"
	"testing"
)

// TestMicrocredentialSchemas checks real requests and responses of the POK endpoints
// against the schemas of the served OpenAPI document (JSON Schema 2020-12, as OpenAPI 3.1
// uses), so that the document says what the API does.
func TestMicrocredentialSchemas(t *testing.T) {
	f, robotics, _, _ := catalogFixture(t)
	_, doc := f.do(t, "GET", "/api/v1/openapi.json", "", "", "")
	conforms := schemaChecker(t, doc)
	get := func(path, tok string, status int) []byte {
		t.Helper()
		resp, body := f.do(t, "GET", path, tok, "", "")
		if resp.StatusCode != status {
			t.Fatalf("%s: %d %s", path, resp.StatusCode, body)
		}
		return body
	}
	pub := fmt.Sprintf("/api/v1/microcredentials/%d", robotics)
	conforms("search", "CatalogResult", get("/api/v1/microcredentials?q=robotiikka", "", 200))
	conforms("search without query", "CatalogResult", get("/api/v1/microcredentials", "", 200))
	conforms("bad query", "Problem", get("/api/v1/microcredentials?level=9", "", 400))
	conforms("POK", "Microcredential", get(pub, "", 200))
	conforms("unknown POK", "Problem", get("/api/v1/microcredentials/999999", "", 404))
	conforms("versions", "VersionList", get(pub+"/versions", "", 200))
	conforms("OB 3.0", "JSONLD", get(pub+"/ob3", "", 200))
	conforms("ELM", "JSONLD", get(pub+"/elm", "", 200))

	org := "/api/v1/orgs/hamk/microcredentials"
	req := draftBody(t, "skeemakoe")
	conforms("create request", "MicrocredentialRequest", []byte(req))
	resp, body := f.do(t, "POST", org, "hamkdesigner", "application/json", req)
	d := decodeDesign(t, resp, body, 201)
	conforms("created", "DesignMicrocredential", body)
	conforms("org list", "DesignMicrocredentialList", get(org, "hamkdesigner", 200))
	conforms("org POK", "DesignMicrocredential", get(fmt.Sprintf("%s/%d", org, robotics), "hamkdesigner", 200))
	resp, body = f.withIfMatch(t, "PUT", fmt.Sprintf("%s/%d/draft", org, d.ID), "hamkdesigner", `"v1-r99"`, req)
	problemOf(t, resp, body, 412)
	conforms("stale If-Match", "Problem", body)

	resp, body = f.do(t, "POST", org, "hamkdesigner", "application/json", `{"title":{"fi":"Vajaa"}}`)
	gappy := decodeDesign(t, resp, body, 201)
	tr := fmt.Sprintf("%s/%d/transitions", org, gappy.ID)
	conforms("transition request", "TransitionRequest", []byte(`{"to":"review","note":"Valmis arvioitavaksi"}`))
	f.do(t, "POST", tr, "hamkdesigner", "application/json", `{"to":"review","note":"Valmis arvioitavaksi"}`)
	resp, body = f.do(t, "POST", tr, "hamkadmin", "application/json", `{"to":"approved"}`)
	problemOf(t, resp, body, 422)
	conforms("refused approval", "GateProblem", body)

	resp, body = f.do(t, "POST", org+"/import", "hamkdesigner", "text/csv", "title_fi,workload_value,workload_unit\nA,5,vuotta\n")
	problemOf(t, resp, body, 422)
	conforms("refused import", "ImportProblem", body)
	resp, body = f.do(t, "POST", org+"/import", "hamkdesigner", "text/csv", "title_fi,workload_value,workload_unit\nUusi,5,osp\n")
	if resp.StatusCode != 201 {
		t.Fatalf("import %d %s", resp.StatusCode, body)
	}
	conforms("import", "ImportResult", body)
}

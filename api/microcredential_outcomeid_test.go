package api_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/pokot/pokot"
)

// TestOutcomeIDsThroughTheAPI: a created draft's outcomes get IDs; what GET returns can be
// reordered and sent back with the IDs kept; outcomes sent without IDs keep theirs when
// their text is unchanged; a malformed or repeated ID is refused at its outcome.
func TestOutcomeIDsThroughTheAPI(t *testing.T) {
	f := setup(t)
	orgPath := "/api/v1/orgs/hamk/microcredentials"
	resp, body := f.do(t, "POST", orgPath, "hamkdesigner", "application/json", draftBody(t, "hoivarobotiikka"))
	d := decodeDesign(t, resp, body, 201)
	pokPath := fmt.Sprintf("%s/%d", orgPath, d.ID)

	get := func() (map[string]any, []map[string]any) {
		t.Helper()
		resp, body := f.do(t, "GET", pokPath, "hamkdesigner", "", "")
		if resp.StatusCode != 200 {
			t.Fatalf("GET %d %s", resp.StatusCode, body)
		}
		var doc map[string]any
		if err := json.Unmarshal(body, &doc); err != nil {
			t.Fatal(err)
		}
		var os []map[string]any
		for _, o := range doc["outcomes"].([]any) {
			os = append(os, o.(map[string]any))
		}
		return doc, os
	}
	put := func(doc map[string]any, os []map[string]any, status int) []byte {
		t.Helper()
		doc["outcomes"] = os
		b, _ := json.Marshal(doc)
		resp, body := f.do(t, "PUT", pokPath+"/draft", "hamkdesigner", "application/json", string(b))
		if resp.StatusCode != status {
			t.Fatalf("PUT: %d, want %d: %s", resp.StatusCode, status, body)
		}
		return body
	}
	doc, os := get()
	if len(os) != 2 || !pokot.ValidOutcomeID(os[0]["id"].(string)) || !pokot.ValidOutcomeID(os[1]["id"].(string)) || os[0]["id"] == os[1]["id"] {
		t.Fatalf("outcomes %v", os)
	}
	id0, id1 := os[0]["id"], os[1]["id"]

	put(doc, []map[string]any{os[1], os[0]}, 200)
	doc, os = get()
	if os[0]["id"] != id1 || os[1]["id"] != id0 {
		t.Fatalf("after reordering: %v %v, want %v %v", os[0]["id"], os[1]["id"], id1, id0)
	}

	delete(os[0], "id")
	delete(os[1], "id")
	os[1]["text"] = map[string]string{"fi": "Arvioit robotin käytön eettisiä ja juridisia kysymyksiä."}
	put(doc, os, 200)
	doc, os = get()
	if os[0]["id"] != id1 || os[1]["id"] == id0 || !pokot.ValidOutcomeID(os[1]["id"].(string)) {
		t.Fatalf("sent without IDs: %v %v (had %v %v)", os[0]["id"], os[1]["id"], id1, id0)
	}

	os[1]["id"] = os[0]["id"]
	body = put(doc, os, 422)
	var p struct{ Errors map[string][]string }
	if json.Unmarshal(body, &p); len(p.Errors["outcomes[1].id"]) != 1 {
		t.Errorf("repeated ID: %s", body)
	}
	os[1]["id"] = "<b>"
	body = put(doc, os, 422)
	if json.Unmarshal(body, &p); len(p.Errors["outcomes[1].id"]) != 1 {
		t.Errorf("malformed ID: %s", body)
	}
}

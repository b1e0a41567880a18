package api_test

import (
	"bytes"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schemaChecker compiles the served OpenAPI document doc (JSON Schema 2020-12, as OpenAPI
// 3.1 uses) and returns a check that body, described by what, matches one of its
// components' schemas.
func schemaChecker(t *testing.T, doc []byte) func(what, schema string, body []byte) {
	t.Helper()
	const base = "https://pokot.example.fi/api/v1/openapi.json"
	parsed, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(base, parsed); err != nil {
		t.Fatal(err)
	}
	return func(what, schema string, body []byte) {
		t.Helper()
		sch, err := c.Compile(base + "#/components/schemas/" + schema)
		if err != nil {
			t.Fatalf("schema %s: %v", schema, err)
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("%s does not match %s: %v\n%s", what, schema, err, body)
		}
	}
}

package credential

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

var schemaPrinter = message.NewPrinter(language.English)

// ob3SchemaJSON is the Open Badges 3.0 AchievementCredential JSON Schema (schema/README.md).
//
//go:embed schema/ob_v3p0_achievementcredential_schema.json
var ob3SchemaJSON []byte

// ob3SchemaURL is the $id of the embedded Open Badges 3.0 schema.
const ob3SchemaURL = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json-ld/ob_v3p0_achievementcredential_schema.json"

var ob3Schema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(ob3SchemaJSON))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(ob3SchemaURL, doc); err != nil {
		return nil, err
	}
	return c.Compile(ob3SchemaURL)
})

// ValidateSchema validates an Open Badges 3.0 AchievementCredential
// against the 1EdTech JSON Schema (compiled once, embedded in the binary).
// The error lists the failing locations.
func ValidateSchema(doc map[string]any) error {
	sch, err := ob3Schema()
	if err != nil {
		return fmt.Errorf("credential: compiling the OB 3.0 schema: %w", err)
	}
	// A single proof object and a one-element array mean the same in VC 2.0
	// (and in JSON-LD); the 1EdTech schema only accepts the array, which
	// would reject 1EdTech's own signed vectors.
	if p, ok := doc["proof"].(map[string]any); ok {
		cp := make(map[string]any, len(doc))
		for k, v := range doc {
			cp[k] = v
		}
		cp["proof"] = []any{p}
		doc = cp
	}
	err = sch.Validate(any(doc))
	var ve *jsonschema.ValidationError
	if errors.As(err, &ve) {
		return schemaError(ve)
	}
	return err
}

// schemaError flattens a validation error into "location: message" lines,
// keeping only the innermost causes (the useful ones), at most eight.
func schemaError(ve *jsonschema.ValidationError) error {
	var leaves []string
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			loc := "/" + strings.Join(e.InstanceLocation, "/")
			leaves = append(leaves, loc+": "+e.ErrorKind.LocalizedString(schemaPrinter))
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	if len(leaves) > 8 {
		leaves = append(leaves[:8], fmt.Sprintf("and %d more", len(leaves)-8))
	}
	return errors.New(strings.Join(leaves, "; "))
}

// IsOpenBadge reports whether doc is typed as an Open Badges 3.0
// credential (OpenBadgeCredential or its alias AchievementCredential).
func IsOpenBadge(doc map[string]any) bool {
	return hasType(doc, "OpenBadgeCredential") || hasType(doc, "AchievementCredential")
}

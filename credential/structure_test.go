package credential_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pokot/pokot/credential"
)

func readJSON(t testing.TB, path string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return m
}

// The W3C VC Data Model 2.0 test suite's issuer inputs: every *-ok file is
// accepted and every *-fail file (including *-fail-or-inject: we do not
// inject contexts) is rejected. The suite's date placeholders are replaced
// as its harness does.
func TestStructureVCDM2Suite(t *testing.T) {
	files, _ := filepath.Glob("testdata/vcdm2/*.json")
	more, _ := filepath.Glob("testdata/vcdm2/names-and-descriptions/*.json")
	files = append(files, more...)
	if len(files) < 90 {
		t.Fatalf("only %d suite files", len(files))
	}
	var ok, bad int
	for _, f := range files {
		name := filepath.Base(f)
		wantOK := strings.Contains(name, "-ok")
		wantFail := strings.Contains(name, "-fail")
		if !wantOK && !wantFail {
			continue // presentation-self-asserted-* are about holder binding, not structure
		}
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			s := strings.ReplaceAll(string(b), "FUTURE DATE", "2099-01-01T00:00:00Z")
			s = strings.ReplaceAll(s, "PAST DATE", "2001-01-01T00:00:00Z")
			var doc map[string]any
			if err := json.Unmarshal([]byte(s), &doc); err != nil {
				t.Fatal(err)
			}
			checks := credential.CheckStructure(doc, credential.StructureOptions{Unsigned: true})
			got, why := credential.StructureOK(checks)
			if got != wantOK {
				t.Errorf("accepted=%v, want %v (%s)", got, wantOK, why)
			}
			if wantFail {
				rules := expectedRules(name)
				found := false
				for _, c := range checks {
					if !c.OK && slices.Contains(rules, c.Name) {
						found = true
					}
				}
				if !found {
					t.Errorf("rejected by %s, want one of %v", why, rules)
				}
			}
		})
		if wantOK {
			ok++
		} else {
			bad++
		}
	}
	t.Logf("%d ok and %d fail cases", ok, bad)
}

// A signed credential must name its issuer: the issuer-input leniency is opt-in.
// expectedRules names the rule a *-fail file of the suite is about, from
// its file name.
func expectedRules(name string) []string {
	vp := strings.HasPrefix(name, "presentation-")
	pick := func(vc, p string) []string {
		if vp {
			return []string{"structure.vp." + p}
		}
		return []string{"structure.vc." + vc}
	}
	// Most specific first: the object a rule is about, then the property.
	for _, m := range []struct{ part, vc, vp string }{
		{"-enveloped-", "", "credentials"}, {"-vc-", "", "credentials"}, {"-holder", "", "holder"},
		{"issuer-name", "names", ""}, {"issuer-description", "names", ""}, {"credential-name", "names", ""},
		{"credential-description", "names", ""}, {"issuer", "issuer", ""}, {"schema", "schema", ""},
		{"status", "status", ""}, {"evidence", "related", ""}, {"termsofuse", "related", ""},
		{"refresh", "related", ""}, {"proof", "related", ""},
		{"redef-type", "context", ""}, {"type-mapped-nonurl", "context", ""}, {"type-unmapped", "type", ""},
		{"context", "context", "context"}, {"missing-required-type", "type", "type"}, {"no-type", "type", "type"},
		{"id-subject", "subject", ""}, {"no-subject", "subject", ""}, {"subject-", "subject", ""},
		{"-id-", "id", "id"}, {"no-issuer", "issuer", ""}, {"valid", "dates", ""},
	} {
		if strings.Contains(strings.ToLower(name), strings.ToLower(m.part)) {
			rules := pick(m.vc, m.vp)
			if vp && m.vp == "type" {
				// Without the VerifiablePresentation type it is judged as a credential.
				rules = append(rules, "structure.vc.type")
			}
			if name == "credential-no-issuer-fail.json" {
				// Issuer input without issuer is allowed; this file also has an empty subject.
				rules = append(rules, "structure.vc.subject")
			}
			return rules
		}
	}
	return nil
}

func TestStructureIssuerRequiredWhenSigned(t *testing.T) {
	doc := readJSON(t, "testdata/vcdm2/credential-ok.json")
	if ok, _ := credential.StructureOK(credential.CheckStructure(doc, credential.StructureOptions{})); ok {
		t.Fatal("credential without issuer accepted")
	}
	doc["issuer"] = map[string]any{"name": "No id"}
	if ok, _ := credential.StructureOK(credential.CheckStructure(doc, credential.StructureOptions{})); ok {
		t.Fatal("issuer without id accepted")
	}
	doc["issuer"] = "did:example:issuer"
	if ok, why := credential.StructureOK(credential.CheckStructure(doc, credential.StructureOptions{})); !ok {
		t.Fatal(why)
	}
}

func obExamples(t *testing.T) map[string]map[string]any {
	files, _ := filepath.Glob("testdata/ob3/spec-examples/*.json")
	files = append(files, "testdata/ob3/ob3-ldp-unsigned.json", "testdata/ob3/ob3-ldp-signed.json")
	out := map[string]map[string]any{}
	for _, f := range files {
		out[filepath.Base(f)] = readJSON(t, f)
	}
	return out
}

// The spec's OpenBadgeCredential examples pass every VC and OB 3.0 rule and
// the JSON Schema. endorsement.json is an EndorsementCredential, not an
// AchievementCredential: the schema does not apply and the OB3 rules reject it.
func TestOB3SpecExamples(t *testing.T) {
	for name, doc := range obExamples(t) {
		t.Run(name, func(t *testing.T) {
			if ok, why := credential.StructureOK(credential.CheckStructure(doc, credential.StructureOptions{})); !ok {
				t.Errorf("VC structure: %s", why)
			}
			if name == "endorsement.json" {
				if ok, _ := credential.StructureOK(credential.CheckOB3(doc)); ok {
					t.Error("EndorsementCredential passed the OpenBadgeCredential rules")
				}
				return
			}
			if ok, why := credential.StructureOK(credential.CheckOB3(doc)); !ok {
				t.Errorf("OB3 structure: %s", why)
			}
			if err := credential.ValidateSchema(doc); err != nil {
				t.Errorf("schema: %v", err)
			}
		})
	}
}

func TestOB3RulesRejectMissingFields(t *testing.T) {
	cases := []struct {
		rule string
		edit func(d map[string]any)
	}{
		{"structure.ob3.credential", func(d map[string]any) { d["type"] = []any{"VerifiableCredential"} }},
		{"structure.ob3.credential", func(d map[string]any) { delete(d, "name") }},
		{"structure.ob3.issuer", func(d map[string]any) { d["issuer"] = "https://example.com/issuers/876543" }},
		{"structure.ob3.issuer", func(d map[string]any) { delete(d["issuer"].(map[string]any), "name") }},
		{"structure.ob3.subject", func(d map[string]any) { delete(d["credentialSubject"].(map[string]any), "id") }},
		{"structure.ob3.subject", func(d map[string]any) {
			d["credentialSubject"].(map[string]any)["identifier"] = []any{map[string]any{
				"type": "IdentityObject", "hashed": true, "identityType": "emailAddress", "identityHash": "sha256$nothex"}}
		}},
		{"structure.ob3.achievement", func(d map[string]any) {
			delete(d["credentialSubject"].(map[string]any)["achievement"].(map[string]any), "criteria")
		}},
		{"structure.ob3.achievement", func(d map[string]any) {
			delete(d["credentialSubject"].(map[string]any)["achievement"].(map[string]any), "description")
		}},
	}
	for i, c := range cases {
		doc := readJSON(t, "testdata/ob3/spec-examples/basicOpenBadgeCredential.json")
		c.edit(doc)
		var failed []string
		for _, ch := range credential.CheckOB3(doc) {
			if !ch.OK {
				failed = append(failed, ch.Name)
			}
		}
		if len(failed) == 0 || failed[0] != c.rule {
			t.Errorf("case %d: failed rules %v, want %s first", i, failed, c.rule)
		}
	}
}

func TestSchemaRejects(t *testing.T) {
	doc := readJSON(t, "testdata/ob3/spec-examples/basicOpenBadgeCredential.json")
	delete(doc, "validFrom")
	if err := credential.ValidateSchema(doc); err == nil || !strings.Contains(err.Error(), "validFrom") {
		t.Errorf("missing validFrom: %v", err)
	}
	doc = readJSON(t, "testdata/ob3/spec-examples/basicOpenBadgeCredential.json")
	doc["credentialSubject"].(map[string]any)["achievement"].(map[string]any)["creditsAvailable"] = "five"
	if err := credential.ValidateSchema(doc); err == nil {
		t.Error("string creditsAvailable accepted")
	}
}

func TestMessagesInEveryLanguage(t *testing.T) {
	keys := credential.MessageKeys()
	if len(keys) < 30 {
		t.Fatalf("only %d keys", len(keys))
	}
	for _, k := range keys {
		seen := map[string]bool{}
		for _, lang := range credential.MessageLanguages {
			m := credential.Message(lang, k, "X")
			if m == k || m == "" {
				t.Errorf("%s: no %s text", k, lang)
			}
			if seen[m] && lang != "en" {
				t.Errorf("%s: %s text equals another language", k, lang)
			}
			seen[m] = true
		}
	}
	if got := credential.Message("fi", "verify.proof.ok", "eddsa-rdfc-2022"); got != "Allekirjoitus on kelvollinen (eddsa-rdfc-2022)." {
		t.Errorf("substitution: %q", got)
	}
	c := credential.Check{Name: "status", Key: "verify.status.revoked", Message: "The issuer has revoked the credential."}
	if got := c.In("sv"); got != "Utfärdaren har återkallat intyget." {
		t.Errorf("Check.In: %q", got)
	}
}

func TestIsURL(t *testing.T) {
	for s, want := range map[string]bool{
		"https://example.com/a?b#c": true, "did:key:z6Mk": true, "urn:uuid:1234": true, "http://[::1]:80/": true,
		"mailto:x@example.fi": true, "https ://not-a-url": false, "fake-issuer": false, "": false, ":x": false,
		"https://": false, "https:///path": false, "1http://x": false, "did:example:a b": false, "https://x/<y>": false,
		"http://[::1/": false, "https://:80/": false,
	} {
		doc := map[string]any{"@context": []any{credential.ContextV2}, "type": "VerifiableCredential",
			"issuer": s, "credentialSubject": map[string]any{"id": "did:example:s"}}
		if got, _ := credential.StructureOK(credential.CheckStructure(doc, credential.StructureOptions{})); got != want {
			t.Errorf("%q: accepted %v, want %v", s, got, want)
		}
	}
}

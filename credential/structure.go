package credential

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// ContextV2 is the base context every VC Data Model 2.0 document starts with.
const ContextV2 = "https://www.w3.org/ns/credentials/v2"

// StructureOptions selects which structure rules apply.
type StructureOptions struct {
	// Unsigned accepts issuer input: a credential that an issuer will
	// complete, so the issuer may be missing or lack its id.
	Unsigned bool
}

// rule is one structure rule: check returns "" when the rule holds, or
// an English description of what is wrong.
type rule struct {
	name  string
	check func(doc map[string]any, opts StructureOptions) string
}

var vcRules = []rule{
	{"structure.vc.context", ruleContext},
	{"structure.vc.type", func(d map[string]any, _ StructureOptions) string { return ruleType(d, "VerifiableCredential") }},
	{"structure.vc.id", ruleID},
	{"structure.vc.issuer", ruleIssuer},
	{"structure.vc.subject", ruleSubject},
	{"structure.vc.dates", ruleDates},
	{"structure.vc.status", ruleStatus},
	{"structure.vc.schema", ruleSchemaRefs},
	{"structure.vc.related", ruleTyped},
	{"structure.vc.names", ruleNames},
}

var vpRules = []rule{
	{"structure.vp.context", ruleContext},
	{"structure.vp.type", func(d map[string]any, _ StructureOptions) string { return ruleType(d, "VerifiablePresentation") }},
	{"structure.vp.id", ruleID},
	{"structure.vp.holder", ruleHolder},
	{"structure.vp.credentials", ruleEmbeddedVCs},
}

// IsPresentation reports whether doc is typed as a VerifiablePresentation.
func IsPresentation(doc map[string]any) bool {
	return hasType(doc, "VerifiablePresentation")
}

// CheckStructure applies the VC Data Model 2.0 rules to a credential or a
// presentation and returns one check per rule.
func CheckStructure(doc map[string]any, opts StructureOptions) []Check {
	rules := vcRules
	if IsPresentation(doc) {
		rules = vpRules
	}
	return runRules(rules, doc, opts)
}

func runRules(rules []rule, doc map[string]any, opts StructureOptions) []Check {
	out := make([]Check, 0, len(rules))
	for _, r := range rules {
		if msg := r.check(doc, opts); msg != "" {
			out = append(out, fail(r.name, "verify."+r.name+".bad", msg))
		} else {
			out = append(out, pass(r.name, "verify.structure.ok"))
		}
	}
	return out
}

// StructureOK reports whether every check passed, and the first failure otherwise.
func StructureOK(checks []Check) (bool, string) {
	for _, c := range checks {
		if !c.OK {
			return false, c.Name + ": " + c.Message
		}
	}
	return true, ""
}

// isURL reports whether s is an absolute URL (any scheme, no white space),
// the VC Data Model's test for identifiers: a scheme (a letter, then
// letters, digits, "+", "-" or "."), a colon, and a non-empty rest without
// characters that URLs never contain unescaped.
func isURL(s string) bool {
	colon := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ':':
			colon = i
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.') && i > 0:
		default:
			return false
		}
		if colon >= 0 {
			break
		}
	}
	if colon <= 0 || colon == len(s)-1 {
		return false
	}
	rest := s[colon+1:]
	for i := 0; i < len(rest); i++ {
		if c := rest[i]; c <= ' ' || c == 0x7f || strings.IndexByte("<>\"{}|\\^`", c) >= 0 {
			return false
		}
	}
	if auth, ok := strings.CutPrefix(rest, "//"); ok {
		if i := strings.IndexAny(auth, "/?#"); i >= 0 {
			auth = auth[:i]
		}
		if strings.ContainsAny(auth, "[]%@") {
			u, err := url.Parse(s)
			return err == nil && u.Host != ""
		}
		host, _, _ := strings.Cut(auth, ":")
		return host != ""
	}
	return true
}

func asList(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	default:
		return []any{x}
	}
}

// types returns the values of doc's "type" as strings (non-strings are skipped).
func types(doc map[string]any) []string {
	var out []string
	for _, t := range asList(doc["type"]) {
		if s, ok := t.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func hasType(doc map[string]any, t string) bool {
	for _, s := range types(doc) {
		if s == t {
			return true
		}
	}
	return false
}

func ruleType(doc map[string]any, required string) string {
	raw, ok := doc["type"]
	if !ok {
		return "type is missing"
	}
	list := asList(raw)
	if len(list) == 0 {
		return "type is empty"
	}
	scope := contextScope(doc)
	for _, t := range list {
		s, ok := t.(string)
		if !ok || s == "" {
			return "every type must be a non-empty string"
		}
		if !scope.defines(s) {
			return fmt.Sprintf("type %q is not defined by any context", s)
		}
	}
	if !hasType(doc, required) {
		return fmt.Sprintf("type must include %q", required)
	}
	return ""
}

func ruleID(doc map[string]any, _ StructureOptions) string {
	v, ok := doc["id"]
	if !ok {
		return ""
	}
	s, isStr := v.(string)
	if !isStr {
		return "id must be a single URL"
	}
	if !isURL(s) {
		return fmt.Sprintf("id %q is not a URL", s)
	}
	return ""
}

// objectID checks an optional "id" of a nested object.
func objectID(what string, m map[string]any, required bool) string {
	v, ok := m["id"]
	if !ok {
		if required {
			return what + " needs an id"
		}
		return ""
	}
	s, isStr := v.(string)
	if !isStr {
		return what + " id must be a single URL"
	}
	if !isURL(s) {
		return fmt.Sprintf("%s id %q is not a URL", what, s)
	}
	return ""
}

func ruleIssuer(doc map[string]any, opts StructureOptions) string {
	v, ok := doc["issuer"]
	if !ok {
		if opts.Unsigned {
			return ""
		}
		return "issuer is missing"
	}
	switch x := v.(type) {
	case string:
		if !isURL(x) {
			return fmt.Sprintf("issuer %q is not a URL", x)
		}
	case map[string]any:
		return objectID("issuer", x, !opts.Unsigned)
	default:
		return "issuer must be a URL or an object with an id"
	}
	return ""
}

// IssuerID returns the issuer's id whether the issuer is a URL or an object.
func IssuerID(doc map[string]any) string {
	switch x := doc["issuer"].(type) {
	case string:
		return x
	case map[string]any:
		s, _ := x["id"].(string)
		return s
	}
	return ""
}

func ruleSubject(doc map[string]any, _ StructureOptions) string {
	v, ok := doc["credentialSubject"]
	if !ok {
		return "credentialSubject is missing"
	}
	list := asList(v)
	if len(list) == 0 {
		return "credentialSubject is empty"
	}
	for _, s := range list {
		m, ok := s.(map[string]any)
		if !ok {
			return "credentialSubject must be an object"
		}
		if len(m) == 0 {
			return "credentialSubject makes no claims"
		}
		if msg := objectID("credentialSubject", m, false); msg != "" {
			return msg
		}
	}
	return ""
}

// dateTimeRE is the xsd:dateTimeStamp-compatible form the VC Data Model requires.
var dateTimeRE = regexp.MustCompile(`^-?([1-9][0-9]{3,}|0[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?|(24:00:00(\.0+)?))(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?$`)

// ParseDateTime parses an xsd:dateTime as used in validFrom/validUntil; a
// missing time zone means UTC.
func ParseDateTime(s string) (time.Time, error) {
	if !dateTimeRE.MatchString(s) {
		return time.Time{}, fmt.Errorf("%q is not an XML Schema dateTime", s)
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is out of range", s)
}

func ruleDates(doc map[string]any, _ StructureOptions) string {
	var from, until time.Time
	for _, name := range []string{"validFrom", "validUntil"} {
		v, ok := doc[name]
		if !ok {
			continue
		}
		s, isStr := v.(string)
		if !isStr {
			return name + " must be a dateTime string"
		}
		t, err := ParseDateTime(s)
		if err != nil {
			return name + ": " + err.Error()
		}
		if name == "validFrom" {
			from = t
		} else {
			until = t
		}
	}
	if !from.IsZero() && !until.IsZero() && until.Before(from) {
		return "validUntil is before validFrom"
	}
	return ""
}

// typedObjects checks that every object under prop has a type, and an id
// that is a URL when present (or always, when idRequired).
func typedObjects(doc map[string]any, prop string, idRequired bool) string {
	v, ok := doc[prop]
	if !ok {
		return ""
	}
	for _, item := range asList(v) {
		m, ok := item.(map[string]any)
		if !ok {
			return prop + " must be an object"
		}
		if msg := objectID(prop, m, idRequired); msg != "" {
			return msg
		}
		t, ok := m["type"]
		if !ok {
			return prop + " needs a type"
		}
		for _, x := range asList(t) {
			if s, ok := x.(string); !ok || s == "" {
				return prop + " type must be a string"
			}
		}
		if len(asList(t)) == 0 {
			return prop + " needs a type"
		}
	}
	return ""
}

func ruleStatus(doc map[string]any, _ StructureOptions) string {
	return typedObjects(doc, "credentialStatus", false)
}

func ruleSchemaRefs(doc map[string]any, _ StructureOptions) string {
	return typedObjects(doc, "credentialSchema", true)
}

func ruleTyped(doc map[string]any, _ StructureOptions) string {
	for _, p := range []string{"evidence", "termsOfUse", "refreshService", "proof"} {
		if msg := typedObjects(doc, p, false); msg != "" {
			return msg
		}
	}
	return ""
}

// languageValue checks a name or description: a string, a value object
// with only @value/@language/@direction, or a list of those.
func languageValue(what string, v any) string {
	for _, item := range asList(v) {
		switch x := item.(type) {
		case string:
		case map[string]any:
			if _, ok := x["@value"].(string); !ok {
				return what + " value object needs a string @value"
			}
			for k := range x {
				if k != "@value" && k != "@language" && k != "@direction" {
					return fmt.Sprintf("%s value object has an unexpected %q", what, k)
				}
			}
		default:
			return what + " must be a string or a language value"
		}
	}
	return ""
}

func ruleNames(doc map[string]any, _ StructureOptions) string {
	objs := map[string]map[string]any{"credential": doc}
	if iss, ok := doc["issuer"].(map[string]any); ok {
		objs["issuer"] = iss
	}
	for _, who := range []string{"credential", "issuer"} {
		m, ok := objs[who]
		if !ok {
			continue
		}
		for _, p := range []string{"name", "description"} {
			if v, ok := m[p]; ok {
				if msg := languageValue(who+" "+p, v); msg != "" {
					return msg
				}
			}
		}
	}
	return ""
}

func ruleHolder(doc map[string]any, _ StructureOptions) string {
	v, ok := doc["holder"]
	if !ok {
		return ""
	}
	switch x := v.(type) {
	case string:
		if !isURL(x) {
			return fmt.Sprintf("holder %q is not a URL", x)
		}
	case map[string]any:
		return objectID("holder", x, true)
	default:
		return "holder must be a URL or an object with an id"
	}
	return ""
}

func ruleEmbeddedVCs(doc map[string]any, _ StructureOptions) string {
	for _, item := range asList(doc["verifiableCredential"]) {
		m, ok := item.(map[string]any)
		if !ok {
			return "verifiableCredential must hold objects"
		}
		if hasType(m, "EnvelopedVerifiableCredential") {
			if msg := objectID("enveloped credential", m, true); msg != "" {
				return msg
			}
			continue
		}
		for _, c := range runRules(vcRules, m, StructureOptions{}) {
			if !c.OK {
				return "embedded credential: " + c.Message
			}
		}
	}
	return ""
}

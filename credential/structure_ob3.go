package credential

import (
	"fmt"
	"regexp"
	"strings"
)

// ob3ContextPrefix starts every Open Badges 3.0 context URL.
const ob3ContextPrefix = "https://purl.imsglobal.org/spec/ob/v3p0/"

var ob3Rules = []rule{
	{"structure.ob3.credential", ruleOB3Credential},
	{"structure.ob3.issuer", ruleOB3Issuer},
	{"structure.ob3.subject", ruleOB3Subject},
	{"structure.ob3.achievement", ruleOB3Achievement},
}

// CheckOB3 applies the Open Badges 3.0 rules for an OpenBadgeCredential:
// the required fields of the credential, its issuer Profile, the
// AchievementSubject and the Achievement. One check per rule.
func CheckOB3(doc map[string]any) []Check {
	return runRules(ob3Rules, doc, StructureOptions{})
}

func str(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

func ruleOB3Credential(doc map[string]any, _ StructureOptions) string {
	if !IsOpenBadge(doc) {
		return "type must include OpenBadgeCredential"
	}
	ob := false
	for _, c := range asList(doc["@context"]) {
		if s, ok := c.(string); ok && strings.HasPrefix(s, ob3ContextPrefix) {
			ob = true
		}
	}
	if !ob {
		return "@context must include the Open Badges 3.0 context"
	}
	if str(doc, "id") == "" {
		return "id is missing"
	}
	if _, ok := doc["name"]; !ok {
		return "name is missing"
	}
	if str(doc, "validFrom") == "" {
		return "validFrom is missing"
	}
	return ""
}

func ruleOB3Issuer(doc map[string]any, _ StructureOptions) string {
	iss, ok := doc["issuer"].(map[string]any)
	if !ok {
		return "issuer must be a Profile object"
	}
	if str(iss, "id") == "" {
		return "issuer id is missing"
	}
	if !hasType(iss, "Profile") {
		return "issuer type must include Profile"
	}
	if _, ok := iss["name"]; !ok {
		return "issuer name is missing"
	}
	return ""
}

// identityHashRE is the OB 3.0 IdentityHash: algorithm, "$", hexadecimal digest.
var identityHashRE = regexp.MustCompile(`^(sha256\$[0-9a-fA-F]{64}|md5\$[0-9a-fA-F]{32})$`)

// subject returns the single credential subject object, or nil.
func subject(doc map[string]any) map[string]any {
	m, _ := doc["credentialSubject"].(map[string]any)
	return m
}

func ruleOB3Subject(doc map[string]any, _ StructureOptions) string {
	s := subject(doc)
	if s == nil {
		return "credentialSubject must be one AchievementSubject object"
	}
	if !hasType(s, "AchievementSubject") {
		return "credentialSubject type must include AchievementSubject"
	}
	ids := asList(s["identifier"])
	if str(s, "id") == "" && len(ids) == 0 {
		return "credentialSubject needs an id or an identifier"
	}
	for i, x := range ids {
		m, ok := x.(map[string]any)
		if !ok || !hasType(m, "IdentityObject") {
			return fmt.Sprintf("identifier %d must be an IdentityObject", i+1)
		}
		hashed, ok := m["hashed"].(bool)
		if !ok {
			return fmt.Sprintf("identifier %d needs hashed true or false", i+1)
		}
		if str(m, "identityType") == "" {
			return fmt.Sprintf("identifier %d needs an identityType", i+1)
		}
		h := str(m, "identityHash")
		if h == "" || hashed && !identityHashRE.MatchString(h) {
			return fmt.Sprintf("identifier %d has no valid identityHash", i+1)
		}
	}
	return ""
}

func ruleOB3Achievement(doc map[string]any, _ StructureOptions) string {
	s := subject(doc)
	if s == nil {
		return "credentialSubject is missing"
	}
	a, ok := s["achievement"].(map[string]any)
	if !ok {
		return "credentialSubject.achievement must be an Achievement object"
	}
	if str(a, "id") == "" {
		return "achievement id is missing"
	}
	if !hasType(a, "Achievement") {
		return "achievement type must include Achievement"
	}
	for _, p := range []string{"name", "description"} {
		if str(a, p) == "" {
			return "achievement " + p + " is missing"
		}
	}
	c, ok := a["criteria"].(map[string]any)
	if !ok || str(c, "narrative") == "" && str(c, "id") == "" {
		return "achievement criteria need a narrative or an id"
	}
	return ""
}

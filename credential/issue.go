package credential

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// ContextOB3 is the Open Badges 3.0.3 JSON-LD context.
const ContextOB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"

// ErrIncomplete is wrapped by Build when a required element is missing.
var ErrIncomplete = errors.New("credential: incomplete micro-credential")

// Build returns an unsigned OpenBadgeCredential for award of mc. Every term
// it emits is defined by the VC 2.0 and OB 3.0.3 contexts, so the result
// canonicalizes without data loss. Languages other than the primary one
// travel in achievement.related, one entry per language.
func Build(mc MicroCredential, a Award) (map[string]any, error) {
	if err := mc.validate(); err != nil {
		return nil, err
	}
	if a.IssuedAt.IsZero() {
		return nil, fmt.Errorf("%w: issuing date", ErrIncomplete)
	}
	if a.Learner.Email == "" && a.Learner.ID == "" {
		return nil, fmt.Errorf("%w: learner e-mail or id", ErrIncomplete)
	}
	lang := mc.lang()
	id := a.CredentialID
	if id == "" {
		id = "urn:uuid:" + newUUID()
	}
	subj := map[string]any{
		"type":        []any{"AchievementSubject"},
		"achievement": buildAchievement(mc),
	}
	if a.Learner.ID != "" {
		subj["id"] = a.Learner.ID
	}
	idents, err := buildIdentifiers(a.Learner)
	if err != nil {
		return nil, err
	}
	if len(idents) > 0 {
		subj["identifier"] = idents
	}
	if mc.Workload.Amount > 0 {
		subj["creditsEarned"] = mc.Workload.Amount
	}
	result := []any{map[string]any{"type": []any{"Result"}, "status": "Completed"}}
	if a.Grade != "" {
		result = append(result, map[string]any{
			"type":              []any{"Result"},
			"resultDescription": mc.ID + "#grade",
			"value":             a.Grade,
		})
	}
	subj["result"] = result
	doc := map[string]any{
		"@context":          []any{ContextV2, ContextOB3},
		"id":                id,
		"type":              []any{"VerifiableCredential", "OpenBadgeCredential"},
		"name":              mc.Title.In(lang),
		"issuer":            buildProfile(mc.AwardingBody, lang),
		"validFrom":         formatTime(a.IssuedAt),
		"awardedDate":       formatTime(a.IssuedAt),
		"credentialSubject": subj,
	}
	if !a.ValidUntil.IsZero() {
		if a.ValidUntil.Before(a.IssuedAt) {
			return nil, errors.New("credential: validUntil is before the issuing date")
		}
		doc["validUntil"] = formatTime(a.ValidUntil)
	}
	if ev := buildEvidence(a.Evidence); len(ev) > 0 {
		doc["evidence"] = ev
	}
	return doc, nil
}

func (mc MicroCredential) lang() string {
	if mc.Language != "" {
		return mc.Language
	}
	return "fi"
}

func (mc MicroCredential) validate() error {
	var missing []string
	if !isURL(mc.ID) {
		missing = append(missing, "achievement id (a URL)")
	}
	if mc.Title.In(mc.lang()) == "" {
		missing = append(missing, "title")
	}
	if mc.Description.In(mc.lang()) == "" {
		missing = append(missing, "description")
	}
	if len(mc.LearningOutcomes) == 0 {
		missing = append(missing, "learning outcomes")
	}
	if mc.Workload.Amount <= 0 || unitLabels[mc.Workload.Unit] == nil {
		missing = append(missing, "workload with a unit (osp, ects or h)")
	}
	if mc.EQFLevel < 0 || mc.EQFLevel > 8 {
		missing = append(missing, "EQF level 1–8")
	}
	if len(mc.AssessmentTypes) == 0 {
		missing = append(missing, "type of assessment")
	}
	if len(mc.Participation) == 0 {
		missing = append(missing, "form of participation")
	}
	if mc.QualityAssurance.In(mc.lang()) == "" {
		missing = append(missing, "quality assurance")
	}
	if mc.AwardingBody.Name.In(mc.lang()) == "" {
		missing = append(missing, "awarding body")
	}
	if mc.AwardingBody.Address.CountryCode == "" {
		missing = append(missing, "country of the awarding body")
	}
	if mc.AwardingBody.ID != "" && !isURL(mc.AwardingBody.ID) {
		missing = append(missing, "awarding body id (a URL or DID)")
	}
	for i, lo := range mc.LearningOutcomes {
		if lo.Text.In(mc.lang()) == "" {
			missing = append(missing, fmt.Sprintf("text of learning outcome %d", i+1))
		}
		for _, s := range lo.Skills {
			if !isURL(s.URI) {
				missing = append(missing, fmt.Sprintf("skill URI of learning outcome %d", i+1))
			}
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%w: %s", ErrIncomplete, strings.Join(missing, ", "))
	}
	return nil
}

func formatTime(t time.Time) string {
	return t.UTC().Truncate(time.Second).Format(time.RFC3339)
}

// IdentityHash returns the OB 3.0 IdentityHash of an e-mail address:
// "sha256$" + hex(SHA-256(address + salt)), the address trimmed and lower-cased
// so that a verifier who knows the address gets the same hash.
func IdentityHash(email, salt string) string {
	sum := sha256.Sum256([]byte(NormalizeEmail(email) + salt))
	return "sha256$" + hex.EncodeToString(sum[:])
}

// NormalizeEmail trims and lower-cases an e-mail address before hashing.
func NormalizeEmail(email string) string {
	return strings.ToLower(strings.TrimSpace(email))
}

func buildIdentifiers(l Learner) ([]any, error) {
	var out []any
	if l.Email != "" {
		if !strings.Contains(l.Email, "@") {
			return nil, fmt.Errorf("%w: learner e-mail %q is not an address", ErrIncomplete, l.Email)
		}
		salt := l.Salt
		if salt == "" {
			b := make([]byte, 16)
			rand.Read(b)
			salt = hex.EncodeToString(b)
		}
		out = append(out, map[string]any{
			"type":         "IdentityObject",
			"identityHash": IdentityHash(l.Email, salt),
			"identityType": "emailAddress",
			"hashed":       true,
			"salt":         salt,
		})
		if l.ShowEmail {
			out = append(out, map[string]any{
				"type":         "IdentityObject",
				"identityHash": NormalizeEmail(l.Email),
				"identityType": "emailAddress",
				"hashed":       false,
			})
		}
	}
	if l.Name != "" {
		out = append(out, map[string]any{
			"type":         "IdentityObject",
			"identityHash": l.Name,
			"identityType": "name",
			"hashed":       false,
		})
	}
	return out, nil
}

func buildProfile(o Organization, lang string) map[string]any {
	p := map[string]any{
		"type": []any{"Profile"},
		"name": o.Name.In(lang),
	}
	if o.ID != "" {
		p["id"] = o.ID
	}
	if o.URL != "" {
		p["url"] = o.URL
	}
	if o.Email != "" {
		p["email"] = o.Email
	}
	addr := map[string]any{"type": []any{"Address"}, "addressCountryCode": strings.ToUpper(o.Address.CountryCode)}
	if c := o.Address.Country.In(lang); c != "" {
		addr["addressCountry"] = c
	} else {
		addr["addressCountry"] = strings.ToUpper(o.Address.CountryCode)
	}
	for k, v := range map[string]string{
		"streetAddress":   o.Address.Street,
		"postalCode":      o.Address.PostalCode,
		"addressLocality": o.Address.Locality,
		"addressRegion":   o.Address.Region,
	} {
		if v != "" {
			addr[k] = v
		}
	}
	p["address"] = addr
	return p
}

func buildEvidence(ev []Evidence) []any {
	var out []any
	for _, e := range ev {
		m := map[string]any{"type": []any{"Evidence"}}
		for k, v := range map[string]string{"id": e.ID, "name": e.Name, "narrative": e.Narrative, "description": e.Description, "genre": e.Genre} {
			if v != "" {
				m[k] = v
			}
		}
		out = append(out, m)
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func newUUID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

func formatAmount(f float64, lang string) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if lang == "fi" || lang == "sv" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

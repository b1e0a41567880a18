package credential

import (
	"strings"
	"time"
)

// LangText is a text in several languages, keyed by BCP 47 tag ("fi", "sv", "en").
type LangText map[string]string

// In returns the text in lang, else in Finnish, English or Swedish, else any.
func (t LangText) In(lang string) string {
	for _, l := range []string{lang, "fi", "en", "sv"} {
		if s := strings.TrimSpace(t[l]); s != "" {
			return s
		}
	}
	for _, l := range sortedKeys(t) {
		if s := strings.TrimSpace(t[l]); s != "" {
			return s
		}
	}
	return ""
}

// CreditUnit is the unit of a workload; amounts are never converted between units.
type CreditUnit string

// Workload units used in Finland.
const (
	// UnitOSP is the osaamispiste of vocational education (competence-based, not hours).
	UnitOSP CreditUnit = "osp"
	// UnitECTS is the opintopiste (op) of higher education, equal to one ECTS credit.
	UnitECTS CreditUnit = "ects"
	// UnitHours is a number of study hours (non-regulated training).
	UnitHours CreditUnit = "h"
)

// Workload is the notional workload (EU Annex I element 7) with its unit.
type Workload struct {
	Amount float64
	Unit   CreditUnit
}

// Skill is an ESCO skill or knowledge concept a learning outcome aligns to.
type Skill struct {
	URI   string // e.g. http://data.europa.eu/esco/skill/<uuid>
	Label LangText
}

// LearningOutcome is one assessed learning outcome with its assessment criteria.
type LearningOutcome struct {
	Text     LangText
	Criteria LangText // assessment criteria
	Skills   []Skill
}

// Address is a postal address; CountryCode is ISO 3166-1 alpha-2 ("FI").
type Address struct {
	Street      string
	PostalCode  string
	Locality    string
	Region      string
	Country     LangText // "Suomi", "Finland"
	CountryCode string
}

// Organization is the awarding body (EU Annex I element 4), the issuer Profile.
type Organization struct {
	ID      string // URL or DID; empty lets Sign set the key's did:key
	Name    LangText
	URL     string
	Email   string
	Address Address
}

// MicroCredential describes a micro-credential (pieni osaamiskokonaisuus)
// with every element of Annex I of Council Recommendation 2022/C 243/02.
type MicroCredential struct {
	ID               string   // URL of the achievement (e.g. its catalogue page)
	Language         string   // primary language; "fi" when empty
	Title            LangText // element 2
	Description      LangText
	LearningOutcomes []LearningOutcome // element 6
	Workload         Workload          // element 7
	EQFLevel         int               // element 8, 1–8; 0 when not applicable
	AssessmentTypes  []string          // element 9, e.g. "portfolio", "test", "recognition of prior learning"
	Participation    []string          // element 10: "online", "onsite", "blended", "work experience"…
	QualityAssurance LangText          // element 11
	AwardingBody     Organization      // elements 3 and 4 (country in its address)
	Image            string            // badge image URL or data: URI
	FieldOfStudy     string            // ISCED-F 2013 label or code, optional
	Prerequisites    LangText          // optional element
	Supervision      LangText          // optional: supervision and identity verification
	Stackability     LangText          // optional: integration / stackability
	MoreInfo         LangText          // optional: further information
}

// Learner identifies who earned the credential (EU Annex I element 1).
type Learner struct {
	Email     string // hashed with Salt into the identifier
	Salt      string // random when empty
	ShowEmail bool   // also carry the e-mail address in clear
	ID        string // optional URL or DID of the learner
	Name      string // optional; carried in clear as an identifier of type "name"
}

// Evidence is one piece of evidence of the learner's achievement.
type Evidence struct {
	ID          string // optional URL
	Name        string
	Narrative   string
	Description string
	Genre       string
}

// Award is one issuing of a micro-credential to a learner.
type Award struct {
	CredentialID string // URL or urn:uuid; a random urn:uuid when empty
	Learner      Learner
	IssuedAt     time.Time // element 5: validFrom and awardedDate
	ValidUntil   time.Time // optional end of validity
	Grade        string    // optional grade achieved, e.g. "hyväksytty" or "4"
	Evidence     []Evidence
}

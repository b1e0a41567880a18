package credential

import (
	"maps"
	"strings"
)

// codeLabels name the coded Annex I values in fi/sv/en, so that the criteria narrative
// reads as text, not as codes, and so that a reader of a credential can word the coded
// values in its own language: types of assessment, forms of participation, supervision
// and identity verification (the three EU values), grading schemes and stackability kinds
// (a kind's words come before the unit or micro-credential it stacks toward). The codes
// are the domain's (pokot.AssessmentType, pokot.ParticipationForm, pokot.Supervision,
// pokot.GradingScheme, pokot.StackKind); the exchange package words its OB 3.0 and ELM
// output with these too, so there is one source. The wording of assessment and
// participation is the catalogue's (i18n/catalog/catalogue.*.json); a code not listed here
// is written as it is.
var codeLabels = map[string]map[string]LangText{
	"assessment": {
		"test":          {"fi": "Koe", "sv": "Prov", "en": "Test"},
		"demonstration": {"fi": "Näyttö työtehtävissä", "sv": "Yrkesprov i arbetsuppgifter", "en": "Demonstration of skills at work"},
		"portfolio":     {"fi": "Portfolio", "sv": "Portfolio", "en": "Portfolio"},
		"project":       {"fi": "Projektityö", "sv": "Projektarbete", "en": "Project work"},
		"assignment":    {"fi": "Oppimistehtävä", "sv": "Inlämningsuppgift", "en": "Assignment"},
		"observation":   {"fi": "Havainnointi", "sv": "Observation", "en": "Observation"},
		"interview":     {"fi": "Haastattelu", "sv": "Intervju", "en": "Interview"},
		"rpl":           {"fi": "Aiemmin hankitun osaamisen tunnustaminen", "sv": "Erkännande av tidigare förvärvat kunnande", "en": "Recognition of prior learning"},
	},
	"participation": {
		"online":          {"fi": "Verkossa", "sv": "På nätet", "en": "Online"},
		"onsite":          {"fi": "Lähiopetus", "sv": "Närundervisning", "en": "Onsite"},
		"blended":         {"fi": "Monimuoto", "sv": "Flerformsundervisning", "en": "Blended"},
		"work_experience": {"fi": "Työssä oppiminen", "sv": "Lärande i arbetet", "en": "Work experience"},
		"volunteering":    {"fi": "Vapaaehtoistyö", "sv": "Frivilligarbete", "en": "Volunteering"},
	},
	"supervision": {
		"unsupervised_no_id": {"fi": "Valvomaton, ei henkilöllisyyden tarkistusta", "sv": "Utan övervakning och utan identitetskontroll", "en": "Unsupervised with no identity verification"},
		"supervised_no_id":   {"fi": "Valvottu, ei henkilöllisyyden tarkistusta", "sv": "Övervakad utan identitetskontroll", "en": "Supervised with no identity verification"},
		"supervised_with_id": {"fi": "Valvottu verkossa tai paikan päällä, henkilöllisyys tarkistetaan", "sv": "Övervakad på nätet eller på plats med identitetskontroll", "en": "Supervised online or onsite with identity verification"},
	},
	"grading": {
		"pass_fail": {"fi": "Hyväksytty/hylätty", "sv": "Godkänd/underkänd", "en": "Pass/fail"},
		"1-5":       {"fi": "Asteikko 1–5", "sv": "Skala 1–5", "en": "Scale 1–5"},
		"0-5":       {"fi": "Asteikko 0–5", "sv": "Skala 0–5", "en": "Scale 0–5"},
		"1-3":       {"fi": "Asteikko 1–3", "sv": "Skala 1–3", "en": "Scale 1–3"},
	},
	"stackability": {
		"standalone":         {"fi": "Itsenäinen kokonaisuus", "sv": "Fristående helhet", "en": "Stand-alone"},
		"qualification_unit": {"fi": "Kerryttää tutkinnon osaa", "sv": "Kan ingå i examensdelen", "en": "Stacks toward the qualification unit"},
		"microcredential":    {"fi": "Kerryttää osaamiskokonaisuutta", "sv": "Kan ingå i kompetenshelheten", "en": "Stacks toward the micro-credential"},
	},
}

// codeList writes the codes of one kind as a comma-separated list of their names in lang.
func codeList(kind string, codes []string, lang string) string {
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = c
		if t, ok := codeLabels[kind][c]; ok && t[lang] != "" {
			names[i] = t[lang]
		}
	}
	return strings.Join(names, ", ")
}

// ElementNames returns the heading of an element of the criteria narrative ("outcomes",
// "criteria", "workload", "eqf", "assessment", "participation", "qa", "awarding",
// "prerequisites", "supervision", "stackability", "more") in fi/sv/en, or nil for another
// key. Readers of the narrative, such as the PDF certificate, match its lines with these.
func ElementNames(key string) LangText { return maps.Clone(narrativeLabels[key]) }

// UnitNames returns the name of a workload unit in fi/sv/en, or nil for an unknown unit.
func UnitNames(u CreditUnit) LangText { return maps.Clone(unitLabels[u]) }

// CodeNames returns the names of a coded value in fi/sv/en, or nil for an unknown kind or
// code. The kinds are "assessment" (a type of assessment), "participation" (a form of
// participation), "supervision" (supervision and identity verification), "grading" (a
// grading scheme) and "stackability" (standalone, qualification_unit or microcredential;
// the last two are the words before the unit or micro-credential stacked toward).
func CodeNames(kind, code string) LangText { return maps.Clone(codeLabels[kind][code]) }

// Codes returns the codes of kind that have names, sorted, e.g. to match a narrative
// written before a credential carried the code as a tag.
func Codes(kind string) []string { return sortedKeys(codeLabels[kind]) }

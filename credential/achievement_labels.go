package credential

import (
	"maps"
	"strings"
)

// codeLabels name the coded Annex I values — types of assessment and forms of
// participation — in fi/sv/en, so that the criteria narrative reads as text, not as codes.
// The wording is the catalogue's (i18n/catalog/catalogue.*.json); a code not listed here
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

// CodeNames returns the names of a type of assessment (kind "assessment") or a form of
// participation (kind "participation") in fi/sv/en, or nil for an unknown code.
func CodeNames(kind, code string) LangText { return maps.Clone(codeLabels[kind][code]) }

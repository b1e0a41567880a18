package exchange

import (
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
)

// tx makes a three-language text.
func tx(fi, sv, en string) pokot.Text {
	return pokot.Text{pokot.Finnish: fi, pokot.Swedish: sv, pokot.English: en}
}

// The coded Annex I values are worded by the credential package (credential.CodeNames),
// the one source that issued credentials, their readers (certificate.Read) and these
// exports share.
var (
	// assessmentLabels names each assessment type (Annex I element 9).
	assessmentLabels = codeTexts[pokot.AssessmentType]("assessment")
	// participationLabels names each form of participation (Annex I element 10).
	participationLabels = codeTexts[pokot.ParticipationForm]("participation")
	// supervisionLabels are the three values of Annex I for supervision and identity
	// verification during assessment.
	supervisionLabels = codeTexts[pokot.Supervision]("supervision")
	// gradingLabels names each grading scheme.
	gradingLabels = codeTexts[pokot.GradingScheme]("grading")
	// stackLabels names each stackability kind; a unit or micro-credential follows the
	// words of qualification_unit and microcredential.
	stackLabels = codeTexts[pokot.StackKind]("stackability")
)

// codeTexts are the names of every code of kind that the credential package words.
func codeTexts[K ~string](kind string) map[K]pokot.Text {
	out := map[K]pokot.Text{}
	for _, code := range credential.Codes(kind) {
		t := pokot.Text{}
		for l, s := range credential.CodeNames(kind, code) {
			t[pokot.Lang(l)] = s
		}
		out[K(code)] = t
	}
	return out
}

// gradingValues are the grades a scheme allows, lowest first.
var gradingValues = map[pokot.GradingScheme][]string{
	pokot.GradePassFail: {"hylätty", "hyväksytty"},
	pokot.Grade1to5:     {"1", "2", "3", "4", "5"},
	pokot.Grade0to5:     {"0", "1", "2", "3", "4", "5"},
	pokot.Grade1to3:     {"1", "2", "3"},
}

// unitLabels names each workload unit.
var unitLabels = map[pokot.WorkloadUnit]pokot.Text{
	pokot.UnitOSP:   tx("osaamispiste (osp)", "kompetenspoäng (kp)", "Finnish vocational competence point (osp)"),
	pokot.UnitOP:    tx("opintopiste (op, ECTS)", "studiepoäng (sp, ECTS)", "ECTS credit (op)"),
	pokot.UnitHours: tx("tuntia", "timmar", "hours"),
}

// noteLabels are the headings of the notes that carry elements with no property of their own.
var noteLabels = map[string]pokot.Text{
	"criteria":     tx("Arviointikriteerit", "Bedömningskriterier", "Assessment criteria"),
	"qa":           tx("Laadunvarmistus", "Kvalitetssäkring", "Quality assurance"),
	"stackability": tx("Kytkeytyminen muihin tutkintoihin", "Koppling till andra examina", "Integration and stackability"),
	"more":         tx("Lisätietoja", "Mer information", "Further information"),
	"duration":     tx("Kesto", "Längd", "Duration"),
	"assessment":   tx("Arviointi", "Bedömning", "Assessment"),
	"workload":     tx("Laajuus", "Omfattning", "Workload"),
	"place":        tx("Toteutuspaikka", "Plats", "Place"),
	"price":        tx("Hinta", "Pris", "Price"),
	"contact":      tx("Yhteyshenkilö", "Kontaktperson", "Contact person"),
	"partners":     tx("Työelämäkumppanit", "Arbetslivspartner", "Working-life partners"),
}

// The EU vocabularies (data.europa.eu/snb, the Publications Office authority tables) whose
// concept URIs were checked against the European Commission's ELM v3 Annex I sample
// credential (Sample-MC-Annex1-unsigned.jsonld). Concepts whose EU URI we could not check
// get a urn:pokot: identifier in the same scheme, with labels, rather than a guessed URI.
const (
	snb             = "http://data.europa.eu/snb/"
	authority       = "http://publications.europa.eu/resource/authority/"
	eqfScheme       = snb + "eqf/25831c2"
	iscedScheme     = snb + "isced-f/25831c2"
	creditScheme    = snb + "education-credit/25831c2"
	ectsConcept     = snb + "education-credit/6fcec5c5af"
	modeScheme      = snb + "learning-assessment/25831c2"
	settingScheme   = snb + "learning-setting/25831c2"
	nonFormal       = snb + "learning-setting/e207a81fc7"
	supervisionSch  = snb + "supervision-verification/25831c2"
	unsupervisedURI = snb + "supervision-verification/c598449d64"
	opportunitySch  = snb + "learning-opportunity/25831c2"
	shortProgramme  = snb + "learning-opportunity/74a4a268e8"
	languageScheme  = authority + "language"
	countryScheme   = authority + "country"
	escoSkills      = "http://data.europa.eu/esco/concept-scheme/skills"
	escoOccupations = "http://data.europa.eu/esco/concept-scheme/occupations"
)

// modeURIs are the EU concepts for forms of participation that the sample shows.
var modeURIs = map[pokot.ParticipationForm]string{
	pokot.ParticipationBlended: snb + "learning-assessment/e92d221e4d",
	pokot.ParticipationOnline:  snb + "learning-assessment/920fbb3cbe",
}

// iso6392 maps the ISO 639-1 codes used in content to the three-letter codes of the EU
// language authority table.
var iso6392 = map[string]string{
	"fi": "FIN", "sv": "SWE", "en": "ENG", "se": "SME", "de": "DEU", "fr": "FRA", "es": "SPA",
	"et": "EST", "ru": "RUS", "ar": "ARA", "so": "SOM", "uk": "UKR", "no": "NOR", "da": "DAN",
}

// iso3166alpha3 maps ISO 3166-1 alpha-2 country codes to the alpha-3 codes of the EU
// country authority table.
var iso3166alpha3 = map[string]string{
	"FI": "FIN", "SE": "SWE", "NO": "NOR", "DK": "DNK", "EE": "EST", "DE": "DEU", "IE": "IRL",
	"BE": "BEL", "FR": "FRA", "NL": "NLD", "ES": "ESP", "IT": "ITA", "AT": "AUT", "PL": "POL",
}

// countryName names a country (ISO 3166-1 alpha-2) in every language; empty for a code
// that names no country.
func countryName(code string) pokot.Text {
	out := pokot.Text{}
	for _, l := range pokot.Langs {
		if n := pokot.CountryName(l, code); n != "" && n != strings.ToUpper(code) {
			out[l] = n
		}
	}
	return out
}

// langMap turns a Text into a JSON-LD language map, leaving out empty languages.
func langMap(t pokot.Text) map[string]any {
	m := map[string]any{}
	for _, l := range pokot.Langs {
		if s := t[l]; s != "" {
			m[string(l)] = s
		}
	}
	return m
}

package exchange

import "github.com/pokot/pokot"

// tx makes a three-language text.
func tx(fi, sv, en string) pokot.Text {
	return pokot.Text{pokot.Finnish: fi, pokot.Swedish: sv, pokot.English: en}
}

// assessmentLabels names each assessment type (Annex I element 9).
var assessmentLabels = map[pokot.AssessmentType]pokot.Text{
	pokot.AssessTest:          tx("Koe", "Prov", "Test"),
	pokot.AssessDemonstration: tx("Näyttö työtehtävissä", "Yrkesprov i arbetsuppgifter", "Demonstration of skills at work"),
	pokot.AssessPortfolio:     tx("Portfolio", "Portfolio", "Portfolio"),
	pokot.AssessProject:       tx("Projektityö", "Projektarbete", "Project work"),
	pokot.AssessAssignment:    tx("Oppimistehtävä", "Inlämningsuppgift", "Assignment"),
	pokot.AssessObservation:   tx("Havainnointi", "Observation", "Observation"),
	pokot.AssessInterview:     tx("Haastattelu", "Intervju", "Interview"),
	pokot.AssessRPL:           tx("Aiemmin hankitun osaamisen tunnustaminen", "Erkännande av tidigare förvärvat kunnande", "Recognition of prior learning"),
}

// participationLabels names each form of participation (Annex I element 10).
var participationLabels = map[pokot.ParticipationForm]pokot.Text{
	pokot.ParticipationOnline:         tx("Verkossa", "På nätet", "Online"),
	pokot.ParticipationOnsite:         tx("Lähiopetus", "Närundervisning", "Onsite"),
	pokot.ParticipationBlended:        tx("Monimuoto", "Flerformsundervisning", "Blended"),
	pokot.ParticipationWorkExperience: tx("Työssä oppiminen", "Lärande i arbetet", "Work experience"),
	pokot.ParticipationVolunteering:   tx("Vapaaehtoistyö", "Frivilligarbete", "Volunteering"),
}

// supervisionLabels are the three values of Annex I for supervision and identity
// verification during assessment.
var supervisionLabels = map[pokot.Supervision]pokot.Text{
	pokot.UnsupervisedNoID: tx("Valvomaton, ei henkilöllisyyden tarkistusta", "Utan övervakning och utan identitetskontroll", "Unsupervised with no identity verification"),
	pokot.SupervisedNoID:   tx("Valvottu, ei henkilöllisyyden tarkistusta", "Övervakad utan identitetskontroll", "Supervised with no identity verification"),
	pokot.SupervisedWithID: tx("Valvottu verkossa tai paikan päällä, henkilöllisyys tarkistetaan", "Övervakad på nätet eller på plats med identitetskontroll", "Supervised online or onsite with identity verification"),
}

// gradingLabels names each grading scheme.
var gradingLabels = map[pokot.GradingScheme]pokot.Text{
	pokot.GradePassFail: tx("Hyväksytty/hylätty", "Godkänd/underkänd", "Pass/fail"),
	pokot.Grade1to5:     tx("Asteikko 1–5", "Skala 1–5", "Scale 1–5"),
	pokot.Grade0to5:     tx("Asteikko 0–5", "Skala 0–5", "Scale 0–5"),
	pokot.Grade1to3:     tx("Asteikko 1–3", "Skala 1–3", "Scale 1–3"),
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
	"standalone":   tx("Itsenäinen kokonaisuus", "Fristående helhet", "Stand-alone"),
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

// countryNames names the countries a Finnish installation is most likely to meet.
var countryNames = map[string]pokot.Text{
	"FI": tx("Suomi", "Finland", "Finland"),
	"SE": tx("Ruotsi", "Sverige", "Sweden"),
	"EE": tx("Viro", "Estland", "Estonia"),
	"NO": tx("Norja", "Norge", "Norway"),
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

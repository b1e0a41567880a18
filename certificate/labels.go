package certificate

import "github.com/pokot/pokot"

// text is one phrase in Finnish, Swedish and English.
type text map[pokot.Lang]string

func (t text) in(l pokot.Lang) string {
	if s := t[l]; s != "" {
		return s
	}
	return t[pokot.Finnish]
}

// labels are the headings of the EU Annex I elements and the certificate's own phrases.
var labels = map[string]text{
	"title":            {"fi": "Osaamistodistus", "sv": "Kompetensintyg", "en": "Certificate of competence"},
	"awarded_to":       {"fi": "Todistus on myönnetty", "sv": "Intyget har utfärdats till", "en": "Awarded to"},
	"holder":           {"fi": "tämän todistuksen haltijalle", "sv": "innehavaren av detta intyg", "en": "the holder of this credential"},
	"learner":          {"fi": "Osaamisen saaja", "sv": "Mottagare", "en": "Learner"},
	"issuer":           {"fi": "Myöntäjä", "sv": "Utfärdare", "en": "Awarding body"},
	"country":          {"fi": "Maa", "sv": "Land", "en": "Country"},
	"issued":           {"fi": "Myöntämispäivä", "sv": "Utfärdandedatum", "en": "Date of issuing"},
	"valid_until":      {"fi": "Voimassaolo päättyy", "sv": "Giltigt till", "en": "Valid until"},
	"outcomes":         {"fi": "Osaamistavoitteet", "sv": "Lärandemål", "en": "Learning outcomes"},
	"criteria":         {"fi": "Arviointikriteerit", "sv": "Bedömningskriterier", "en": "Assessment criteria"},
	"workload":         {"fi": "Laajuus", "sv": "Omfattning", "en": "Workload"},
	"eqf":              {"fi": "EQF-taso", "sv": "EQF-nivå", "en": "EQF level"},
	"assessment":       {"fi": "Arviointitapa", "sv": "Bedömningsform", "en": "Type of assessment"},
	"participation":    {"fi": "Osallistumismuoto", "sv": "Deltagandeform", "en": "Form of participation"},
	"qa":               {"fi": "Laadunvarmistus", "sv": "Kvalitetssäkring", "en": "Quality assurance"},
	"awarding":         {"fi": "Myöntäjä", "sv": "Utfärdare", "en": "Awarding body"},
	"prerequisites":    {"fi": "Edeltävät vaatimukset", "sv": "Förkunskapskrav", "en": "Prerequisites"},
	"supervision":      {"fi": "Valvonta ja henkilöllisyyden tarkistus", "sv": "Övervakning och identitetskontroll", "en": "Supervision and identity verification"},
	"stackability":     {"fi": "Kytkeytyminen muihin tutkintoihin", "sv": "Koppling till andra examina", "en": "Integration and stackability"},
	"more":             {"fi": "Lisätietoja", "sv": "Mer information", "en": "Further information"},
	"grade":            {"fi": "Arvosana", "sv": "Vitsord", "en": "Grade"},
	"field":            {"fi": "Koulutusala", "sv": "Utbildningsområde", "en": "Field of study"},
	"skills":           {"fi": "Taidot (ESCO)", "sv": "Färdigheter (ESCO)", "en": "Skills (ESCO)"},
	"other_alignments": {"fi": "Muut viitekehykset", "sv": "Andra referensramar", "en": "Other frameworks"},
	"verify":           {"fi": "Tarkista todistuksen aitous", "sv": "Kontrollera intygets äkthet", "en": "Check that this credential is genuine"},
	"verify_text":      {"fi": "Tämä todistus on tuloste sähköisestä osaamismerkistä (Open Badges 3.0). Lue QR-koodi tai avaa osoite tarkistaaksesi, että myöntäjä on allekirjoittanut sen eikä sitä ole peruttu.", "sv": "Detta intyg är en utskrift av ett digitalt intyg (Open Badges 3.0). Läs QR-koden eller öppna adressen för att kontrollera att utfärdaren har signerat det och att det inte har återkallats.", "en": "This certificate is a print of a digital credential (Open Badges 3.0). Scan the QR code or open the address to check that the issuer signed it and has not revoked it."},
	"qr_alt":           {"fi": "QR-koodi todistuksen tarkistussivulle", "sv": "QR-kod till intygets kontrollsida", "en": "QR code linking to the credential's verification page"},
	"page":             {"fi": "Sivu", "sv": "Sida", "en": "Page"},
	"hashed_email":     {"fi": "sähköpostiosoite (tiivisteenä, ei näytetä)", "sv": "e-postadress (som hashvärde, visas inte)", "en": "e-mail address (hashed, not shown)"},
}

// narrativeKeys are the Annex I elements that the credential builder writes into the
// criteria narrative as "- <label>: <value>" lines, in the builder's three languages.
var narrativeKeys = []string{"workload", "eqf", "assessment", "participation", "qa", "awarding",
	"prerequisites", "supervision", "stackability", "more"}

// units name the workload units (creditUnit:<unit> tags) as the builder does.
var units = map[string]text{
	"osp":  {"fi": "osp (osaamispiste)", "sv": "kp (kompetenspoäng, osaamispiste)", "en": "osp (Finnish vocational competence point)"},
	"ects": {"fi": "op (opintopiste, ECTS)", "sv": "sp (studiepoäng, ECTS)", "en": "ECTS credits (opintopiste)"},
	"h":    {"fi": "tuntia", "sv": "timmar", "en": "hours"},
}

// assessmentTypes and participationForms name the codes of pokot.AssessmentType and
// pokot.ParticipationForm carried in "assessment:" and "participation:" tags.
var assessmentTypes = map[string]text{
	"test":          {"fi": "koe", "sv": "prov", "en": "test"},
	"demonstration": {"fi": "näyttö (osaamisen osoittaminen työssä)", "sv": "yrkesprov (visat kunnande i arbetet)", "en": "demonstration of skills at work"},
	"portfolio":     {"fi": "portfolio", "sv": "portfölj", "en": "portfolio"},
	"project":       {"fi": "projektityö", "sv": "projektarbete", "en": "project"},
	"assignment":    {"fi": "tehtävä", "sv": "uppgift", "en": "assignment"},
	"observation":   {"fi": "havainnointi", "sv": "observation", "en": "observation"},
	"interview":     {"fi": "haastattelu", "sv": "intervju", "en": "interview"},
	"rpl":           {"fi": "aiemmin hankitun osaamisen tunnustaminen", "sv": "erkännande av tidigare förvärvat kunnande", "en": "recognition of prior learning"},
}

var participationForms = map[string]text{
	"online":          {"fi": "verkossa", "sv": "på nätet", "en": "online"},
	"onsite":          {"fi": "lähiopetuksena", "sv": "närundervisning", "en": "onsite"},
	"blended":         {"fi": "monimuoto-opetuksena", "sv": "flerformsundervisning", "en": "blended"},
	"work_experience": {"fi": "työssä oppien", "sv": "lärande i arbetet", "en": "work experience"},
	"work experience": {"fi": "työssä oppien", "sv": "lärande i arbetet", "en": "work experience"},
	"volunteering":    {"fi": "vapaaehtoistyönä", "sv": "volontärarbete", "en": "volunteering"},
}

// Label returns the heading of an element or phrase key (e.g. "workload", "qa") in l.
func Label(l pokot.Lang, key string) string { return labels[key].in(l) }

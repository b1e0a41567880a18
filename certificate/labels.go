package certificate

import (
	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
)

// text is one phrase in Finnish, Swedish and English.
type text map[pokot.Lang]string

func (t text) in(l pokot.Lang) string {
	if s := t[l]; s != "" {
		return s
	}
	return t[pokot.Finnish]
}

// labels are the certificate's own phrases; the Annex I elements' headings come from the
// credential builder (labelText).
var labels = map[string]text{
	"title":            {"fi": "Osaamistodistus", "sv": "Kompetensintyg", "en": "Certificate of competence"},
	"awarded_to":       {"fi": "Todistus on myönnetty", "sv": "Intyget har utfärdats till", "en": "Awarded to"},
	"holder":           {"fi": "tämän todistuksen haltijalle", "sv": "innehavaren av detta intyg", "en": "the holder of this credential"},
	"learner":          {"fi": "Osaamisen saaja", "sv": "Mottagare", "en": "Learner"},
	"issuer":           {"fi": "Myöntäjä", "sv": "Utfärdare", "en": "Awarding body"},
	"country":          {"fi": "Maa", "sv": "Land", "en": "Country"},
	"issued":           {"fi": "Myöntämispäivä", "sv": "Utfärdandedatum", "en": "Date of issuing"},
	"valid_until":      {"fi": "Voimassaolo päättyy", "sv": "Giltigt till", "en": "Valid until"},
	"grade":            {"fi": "Arvosana", "sv": "Vitsord", "en": "Grade"},
	"grading":          {"fi": "Arviointiasteikko", "sv": "Bedömningsskala", "en": "Grading scale"},
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

// Label returns the heading of an element or phrase key (e.g. "workload", "qa") in l.
func Label(l pokot.Lang, key string) string { return labelText(key).in(l) }

// labelText is a heading in every language: the certificate's own phrases, or the names
// the credential builder gives the Annex I elements of the criteria narrative (one source,
// so that the narrative's lines are always read with the words they were written with).
func labelText(key string) text {
	if t, ok := labels[key]; ok {
		return t
	}
	return fromLangText(credential.ElementNames(key))
}

// fromLangText converts the credential package's names to a text.
func fromLangText(lt credential.LangText) text {
	if lt == nil {
		return nil
	}
	t := text{}
	for l, s := range lt {
		t[pokot.Lang(l)] = s
	}
	return t
}

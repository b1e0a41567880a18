package pokot

import (
	"fmt"
	"strings"
)

// Severity says whether a failed check blocks publication.
type Severity string

// The severities.
const (
	SeverityError   Severity = "error"   // blocks approval and publication
	SeverityWarning Severity = "warning" // advice; does not block
)

// Check is one item of the quality checklist. Key names the message in QualityMessages
// (shown in the reader's language with QualityText); N is the 1-based number of the
// learning outcome for per-outcome checks ("{n}" in the message), Field the content path
// the check concerns, so that the UI can link the item to the field.
type Check struct {
	ID       string
	Severity Severity
	OK       bool
	Key      string
	Field    string
	N        int
}

// QualityContext is what the gate needs to know beyond the description itself.
type QualityContext struct {
	OrgCountry string // the awarding body's country (Annex I element 3)
	// Partners counts the working-life partners involved: invited, signed off.
	Partners int
	// StackTargetOK reports whether the POK named by Stackability.MicrocredentialID exists
	// in the catalogue (or in the same organisation).
	StackTargetOK bool
}

// Quality runs the checklist derived from Annex I (every mandatory element present) and
// Annex II (transparency, valid assessment, relevance, learning pathways, information and
// guidance) on a description. Checks that do not apply (e.g. alternative text without an
// image) are left out; every other check is returned, passed or not, so that the checklist
// can be shown while editing.
func Quality(c *MicrocredentialContent, qc QualityContext) []Check {
	var cs []Check
	add := func(id string, sev Severity, ok bool, field string, n int) {
		cs = append(cs, Check{ID: id, Severity: sev, OK: ok, Key: "quality." + id, Field: field, N: n})
	}
	fi := func(t Text) bool { return strings.TrimSpace(t[Finnish]) != "" }

	// Annex I mandatory elements.
	add("title", SeverityError, fi(c.Title), "title.fi", 0)
	add("awarding_body", SeverityError, qc.OrgCountry != "", "", 0)
	add("outcomes", SeverityError, len(c.Outcomes) > 0, "outcomes", 0)
	add("workload", SeverityError, c.Workload.Value > 0 && oneOf(c.Workload.Unit, WorkloadUnits), "workload", 0)
	add("level", SeverityError, c.EQFLevel >= 1 && c.EQFLevel <= 8, "eqfLevel", 0)
	add("assessment", SeverityError, len(c.Assessment) > 0, "assessment", 0)
	add("participation", SeverityError, len(c.Participation) > 0, "participation", 0)
	add("quality_assurance", SeverityError, fi(c.QualityAssurance), "qualityAssurance.fi", 0)

	// Each learning outcome: Finnish text, its own criteria, an observable action verb.
	for i, o := range c.Outcomes {
		p, n := fmt.Sprintf("outcomes[%d]", i), i+1
		add("outcome_text", SeverityError, fi(o.Text), p+".text.fi", n)
		add("outcome_criteria", SeverityError, fi(o.Criteria), p+".criteria.fi", n)
		if fi(o.Text) {
			switch OutcomeVerb(o.Text[Finnish], Finnish) {
			case VerbObservable:
				add("outcome_verb", SeverityWarning, true, p+".text.fi", n)
			case VerbVague:
				add("outcome_verb_vague", SeverityWarning, false, p+".text.fi", n)
			default:
				add("outcome_verb", SeverityWarning, false, p+".text.fi", n)
			}
		}
		for _, l := range []Lang{Swedish, English} {
			if strings.TrimSpace(o.Text[l]) != "" && OutcomeVerb(o.Text[l], l) == VerbVague {
				add("outcome_verb_vague", SeverityWarning, false, p+".text."+string(l), n)
			}
		}
	}
	if len(c.Outcomes) > 0 && c.Workload.Value > 0 && oneOf(c.Workload.Unit, WorkloadUnits) {
		add("workload_plausible", SeverityWarning, WorkloadPlausible(c.Workload, len(c.Outcomes), c.EQFLevel), "workload", 0)
	}

	// Finnish present wherever another language is.
	missing := ""
	for _, f := range Fields(c) {
		if strings.Contains(f.Path, ".skills[") || strings.Contains(f.Path, ".occupations[") {
			continue // ESCO labels come in the languages the classification has
		}
		if strings.HasSuffix(f.Path, ".sv") || strings.HasSuffix(f.Path, ".en") {
			base := f.Path[:len(f.Path)-3]
			if !hasField(c, base+".fi") {
				missing = base + ".fi"
				break
			}
		}
	}
	add("finnish", SeverityError, missing == "", missing, 0)

	// Learning pathways: a stackability target must exist.
	switch c.Stackability.Kind {
	case StackQualificationUnit:
		u := c.Stackability.Unit
		add("stack_target", SeverityError, u.Code != "" && fi(u.Name), "stackability.unit", 0)
		add("stack_link", SeverityWarning, u.URL != "", "stackability.unit.url", 0)
	case StackMicrocredential:
		add("stack_target", SeverityError, c.Stackability.MicrocredentialID > 0 && qc.StackTargetOK, "stackability.microcredentialId", 0)
	}
	if c.Image != nil {
		add("image_alt", SeverityError, fi(c.Image.Alt), "image.alt.fi", 0)
	}

	// Advice (Annex II): relevance, transparency, information and guidance.
	add("partner", SeverityWarning, qc.Partners > 0 || len(c.Partners) > 0, "partners", 0)
	add("description", SeverityWarning, fi(c.Description), "description.fi", 0)
	add("translations", SeverityWarning, c.Title[Swedish] != "" && c.Title[English] != "", "title", 0)
	add("isced", SeverityWarning, c.ISCEDField != "", "iscedField", 0)
	add("skills", SeverityWarning, anySkill(c), "outcomes", 0)
	add("contact", SeverityWarning, c.Contact.Email != "" || c.Contact.Phone != "", "contact", 0)
	add("image", SeverityWarning, c.Image != nil, "image", 0)
	return cs
}

func hasField(c *MicrocredentialContent, path string) bool {
	for _, f := range Fields(c) {
		if f.Path == path {
			return true
		}
	}
	return false
}

func anySkill(c *MicrocredentialContent) bool {
	for _, o := range c.Outcomes {
		if len(o.Skills) > 0 || len(o.Occupations) > 0 {
			return true
		}
	}
	return false
}

// Publishable reports whether no check of severity error failed.
func Publishable(cs []Check) bool { return len(GateErrors(cs)) == 0 }

// GateErrors turns the failed error checks into field errors (EINVALID) with the check's
// key and field, for ValidatePublish and the workflow.
func GateErrors(cs []Check) Errors {
	var es Errors
	for _, c := range cs {
		if !c.OK && c.Severity == SeverityError {
			es = append(es, &Error{Code: EINVALID, Key: c.Key, Field: c.Field, Message: QualityText(c, English)})
		}
	}
	return es
}

// WorkloadPlausible is the heuristic behind the "workload_plausible" check. For the check
// only (never stored or shown as a conversion), a credit point of either kind counts as
// about 27 hours: 1 op = 1 ECTS ≈ 27 h, and 1 osp is set on the same yearly scale (180 osp
// and 180 op are both three years). Then:
//   - each learning outcome needs time to learn and to be assessed: at least 7 h (≈¼
//     credit) at EQF levels 1–5 and 13 h (≈½ credit) at 6–8;
//   - an outcome worth more than 10 credits (270 h) is too broad to be assessed as one;
//   - a POK is small: more than 30 credits (810 h) is no longer a micro-credential.
func WorkloadPlausible(w Workload, outcomes, level int) bool {
	h := w.Value
	if w.Unit == UnitOSP || w.Unit == UnitOP {
		h *= 27
	}
	if outcomes < 1 || h <= 0 {
		return false
	}
	min := 7.0
	if level >= 6 {
		min = 13
	}
	per := h / float64(outcomes)
	return per >= min && per <= 270 && h <= 810
}

// QualityMessages holds the checklist texts in Finnish, Swedish and English, by key. The
// texts state the goal, so that a passed check reads as done and a failed one as to do;
// "{n}" is the number of the learning outcome.
var QualityMessages = map[string][3]string{
	"quality.title":              {"Nimi on annettu suomeksi", "Titeln är angiven på finska", "The title is given in Finnish"},
	"quality.awarding_body":      {"Myöntäjän maa on tiedossa (organisaation tiedot)", "Utfärdarens land är känt (organisationens uppgifter)", "The awarding body's country is known (organisation details)"},
	"quality.outcomes":           {"Osaamistavoitteet on kirjattu", "Lärandemålen är angivna", "Learning outcomes are stated"},
	"quality.workload":           {"Laajuus on annettu lukuna ja yksikkönä (osp, op tai h)", "Omfattningen är angiven som tal och enhet (kp, sp eller h)", "The workload is given as a number and a unit (osp, op or h)"},
	"quality.level":              {"EQF-taso (1–8) on valittu", "EQF-nivån (1–8) är vald", "The EQF level (1–8) is chosen"},
	"quality.assessment":         {"Arviointitapa on valittu", "Bedömningsformen är vald", "The type of assessment is chosen"},
	"quality.participation":      {"Osallistumismuoto on valittu", "Deltagandeformen är vald", "The form of participation is chosen"},
	"quality.quality_assurance":  {"Laadunvarmistus on kuvattu suomeksi", "Kvalitetssäkringen är beskriven på finska", "Quality assurance is described in Finnish"},
	"quality.outcome_text":       {"Osaamistavoite {n} on kirjoitettu suomeksi", "Lärandemål {n} är skrivet på finska", "Learning outcome {n} is written in Finnish"},
	"quality.outcome_criteria":   {"Osaamistavoitteella {n} on omat arviointikriteerit", "Lärandemål {n} har egna bedömningskriterier", "Learning outcome {n} has its own assessment criteria"},
	"quality.outcome_verb":       {"Osaamistavoite {n} alkaa havaittavalla toimintaverbillä (esim. ”Osaa suunnitella…”)", "Lärandemål {n} börjar med ett observerbart verb (t.ex. ”Kan planera…”)", "Learning outcome {n} begins with an observable action verb (e.g. “Can plan…”)"},
	"quality.outcome_verb_vague": {"Osaamistavoite {n}: verbiä kuten tietää tai ymmärtää on vaikea arvioida – kerro, mitä oppija tekee", "Lärandemål {n}: verb som veta eller förstå är svåra att bedöma – säg vad den studerande gör", "Learning outcome {n}: verbs like know or understand are hard to assess – say what the learner does"},
	"quality.workload_plausible": {"Laajuus sopii osaamistavoitteiden määrään ja tasoon", "Omfattningen passar antalet lärandemål och nivån", "The workload fits the number of learning outcomes and the level"},
	"quality.finnish":            {"Suomenkielinen teksti on kaikissa kentissä, jotka on täytetty muilla kielillä", "Finsk text finns i alla fält som är ifyllda på andra språk", "Finnish text is present in every field filled in another language"},
	"quality.stack_target":       {"Kohde, johon kokonaisuus kasautuu, on olemassa", "Målet som helheten kan byggas på mot finns", "The stackability target exists"},
	"quality.stack_link":         {"Tutkinnon osaan on linkki ePerusteisiin", "Examensdelen har en länk till ePerusteet", "The qualification unit links to ePerusteet"},
	"quality.image_alt":          {"Kuvalla on vaihtoehtoinen teksti suomeksi", "Bilden har alternativ text på finska", "The image has alternative text in Finnish"},
	"quality.partner":            {"Vähintään yksi työelämäkumppani on mukana", "Minst en arbetslivspartner deltar", "At least one working-life partner is involved"},
	"quality.description":        {"Kuvaus on kirjoitettu suomeksi", "Beskrivningen är skriven på finska", "The description is written in Finnish"},
	"quality.translations":       {"Nimi on myös ruotsiksi ja englanniksi", "Titeln finns också på svenska och engelska", "The title is also in Swedish and English"},
	"quality.isced":              {"Koulutusala (ISCED-F) on valittu", "Utbildningsområdet (ISCED-F) är valt", "The field of education (ISCED-F) is chosen"},
	"quality.skills":             {"Osaamistavoitteet on liitetty ESCO-taitoihin tai -ammatteihin", "Lärandemålen är kopplade till ESCO-färdigheter eller yrken", "Learning outcomes are linked to ESCO skills or occupations"},
	"quality.contact":            {"Yhteyshenkilön sähköposti tai puhelin on annettu", "Kontaktpersonens e-post eller telefon är angiven", "The contact person's e-mail or phone is given"},
	"quality.image":              {"Merkillä on kuva", "Märket har en bild", "The badge has an image"},
}

// QualityText returns the text of a check in l, with the outcome number filled in.
func QualityText(c Check, l Lang) string {
	m, ok := QualityMessages[c.Key]
	if !ok {
		return c.Key
	}
	i := map[Lang]int{Finnish: 0, Swedish: 1, English: 2}[l]
	return strings.ReplaceAll(m[i], "{n}", fmt.Sprint(c.N))
}

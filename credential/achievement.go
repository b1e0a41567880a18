package credential

import (
	"fmt"
	"strconv"
	"strings"
)

// unitLabels names each workload unit in fi/sv/en.
var unitLabels = map[CreditUnit]LangText{
	UnitOSP:   {"fi": "osp (osaamispiste)", "sv": "kp (kompetenspoäng, osaamispiste)", "en": "osp (Finnish vocational competence point)"},
	UnitECTS:  {"fi": "op (opintopiste, ECTS)", "sv": "sp (studiepoäng, ECTS)", "en": "ECTS credits (opintopiste)"},
	UnitHours: {"fi": "tuntia", "sv": "timmar", "en": "hours"},
}

// narrativeLabels are the headings of the criteria narrative, which spells
// out the EU Annex I elements for a human reader.
var narrativeLabels = map[string]LangText{
	"outcomes":      {"fi": "Osaamistavoitteet", "sv": "Lärandemål", "en": "Learning outcomes"},
	"criteria":      {"fi": "Arviointikriteerit", "sv": "Bedömningskriterier", "en": "Assessment criteria"},
	"workload":      {"fi": "Laajuus", "sv": "Omfattning", "en": "Workload"},
	"eqf":           {"fi": "EQF-taso", "sv": "EQF-nivå", "en": "EQF level"},
	"assessment":    {"fi": "Arviointitapa", "sv": "Bedömningsform", "en": "Type of assessment"},
	"participation": {"fi": "Osallistumismuoto", "sv": "Deltagandeform", "en": "Form of participation"},
	"qa":            {"fi": "Laadunvarmistus", "sv": "Kvalitetssäkring", "en": "Quality assurance"},
	"awarding":      {"fi": "Myöntäjä", "sv": "Utfärdare", "en": "Awarding body"},
	"prerequisites": {"fi": "Edeltävät vaatimukset", "sv": "Förkunskapskrav", "en": "Prerequisites"},
	"supervision":   {"fi": "Valvonta ja henkilöllisyyden tarkistus", "sv": "Övervakning och identitetskontroll", "en": "Supervision and identity verification"},
	"stackability":  {"fi": "Kytkeytyminen muihin tutkintoihin", "sv": "Koppling till andra examina", "en": "Integration and stackability"},
	"more":          {"fi": "Lisätietoja", "sv": "Mer information", "en": "Further information"},
}

// EQFURL is the EU's URI for an EQF level, used as the alignment target.
func EQFURL(level int) string {
	return "http://data.europa.eu/snb/eqf/" + strconv.Itoa(level)
}

// buildAchievement maps the Annex I elements onto OB 3.0 Achievement fields:
// learning outcomes → resultDescription (one per outcome) and the criteria
// narrative; ESCO skills → alignment (targetType ext:ESCOSkill); EQF level
// → alignment to the EU's EQF URI; workload → creditsAvailable with the unit
// in tag "creditUnit:<unit>" and in the narrative; assessment types and
// participation forms → tags and narrative; other languages → related.
func buildAchievement(mc MicroCredential) map[string]any {
	lang := mc.lang()
	a := map[string]any{
		"id":               mc.ID,
		"type":             []any{"Achievement"},
		"achievementType":  "MicroCredential",
		"name":             mc.Title.In(lang),
		"description":      mc.Description.In(lang),
		"inLanguage":       lang,
		"criteria":         map[string]any{"narrative": narrative(mc, lang)},
		"creditsAvailable": mc.Workload.Amount,
	}
	if mc.Image != "" {
		a["image"] = map[string]any{"id": mc.Image, "type": "Image", "caption": mc.Title.In(lang)}
	}
	if mc.FieldOfStudy != "" {
		a["fieldOfStudy"] = mc.FieldOfStudy
	}
	var align, results []any
	seen := map[string]bool{}
	for i, lo := range mc.LearningOutcomes {
		rd := map[string]any{
			"id":            fmt.Sprintf("%s#outcome-%d", mc.ID, i+1),
			"type":          []any{"ResultDescription"},
			"name":          lo.Text.In(lang),
			"resultType":    "Status",
			"allowedValue":  []any{"Completed"},
			"requiredValue": "Completed",
		}
		results = append(results, rd)
		for _, s := range lo.Skills {
			if seen[s.URI] {
				continue
			}
			seen[s.URI] = true
			al := map[string]any{
				"type":            []any{"Alignment"},
				"targetType":      "ext:ESCOSkill",
				"targetFramework": "ESCO",
				"targetUrl":       s.URI,
				"targetName":      s.Label.In(lang),
			}
			if al["targetName"] == "" {
				al["targetName"] = s.URI
			}
			align = append(align, al)
		}
	}
	if mc.EQFLevel > 0 {
		align = append(align, map[string]any{
			"type":            []any{"Alignment"},
			"targetType":      "ext:EQFLevel",
			"targetFramework": "European Qualifications Framework",
			"targetCode":      strconv.Itoa(mc.EQFLevel),
			"targetName":      "EQF " + strconv.Itoa(mc.EQFLevel),
			"targetUrl":       EQFURL(mc.EQFLevel),
		})
	}
	results = append(results, map[string]any{
		"id":         mc.ID + "#grade",
		"type":       []any{"ResultDescription"},
		"name":       map[string]string{"fi": "Arvosana", "sv": "Vitsord", "en": "Grade"}[langOr(lang)],
		"resultType": "LetterGrade",
	})
	a["resultDescription"] = results
	if len(align) > 0 {
		a["alignment"] = align
	}
	tags := []any{"MicroCredential", "creditUnit:" + string(mc.Workload.Unit)}
	if mc.EQFLevel > 0 {
		tags = append(tags, "EQF:"+strconv.Itoa(mc.EQFLevel))
	}
	for _, t := range mc.AssessmentTypes {
		tags = append(tags, "assessment:"+t)
	}
	for _, p := range mc.Participation {
		tags = append(tags, "participation:"+p)
	}
	a["tag"] = tags
	var related []any
	for _, l := range languagesOf(mc) {
		if l == lang {
			continue
		}
		r := map[string]any{
			"id":         mc.ID + "#" + l,
			"type":       []any{"Related"},
			"inLanguage": l,
		}
		if s := mc.Title[l]; s != "" {
			r["name"] = s
		}
		if s := mc.Description[l]; s != "" {
			r["description"] = s
		}
		related = append(related, r)
	}
	if len(related) > 0 {
		a["related"] = related
	}
	return a
}

func langOr(lang string) string {
	if lang == "sv" || lang == "en" {
		return lang
	}
	return "fi"
}

// languagesOf lists the languages the title is given in.
func languagesOf(mc MicroCredential) []string {
	var out []string
	for _, l := range sortedKeys(mc.Title) {
		if strings.TrimSpace(mc.Title[l]) != "" {
			out = append(out, l)
		}
	}
	return out
}

// narrative writes the criteria as Markdown: the learning outcomes with
// their assessment criteria, then the other Annex I elements.
func narrative(mc MicroCredential, lang string) string {
	l := langOr(lang)
	label := func(k string) string { return narrativeLabels[k][l] }
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", label("outcomes"))
	for i, lo := range mc.LearningOutcomes {
		fmt.Fprintf(&b, "%d. %s\n", i+1, lo.Text.In(lang))
		if c := lo.Criteria.In(lang); c != "" {
			fmt.Fprintf(&b, "   - %s: %s\n", label("criteria"), c)
		}
	}
	b.WriteString("\n")
	line := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "- %s: %s\n", label(k), v)
		}
	}
	line("workload", formatAmount(mc.Workload.Amount, l)+" "+unitLabels[mc.Workload.Unit][l])
	if mc.EQFLevel > 0 {
		line("eqf", strconv.Itoa(mc.EQFLevel))
	}
	line("assessment", codeList("assessment", mc.AssessmentTypes, l))
	line("participation", codeList("participation", mc.Participation, l))
	line("qa", mc.QualityAssurance.In(lang))
	ab := mc.AwardingBody.Name.In(lang)
	if c := mc.AwardingBody.Address.Country.In(lang); c != "" {
		ab += " (" + c + ")"
	} else {
		ab += " (" + strings.ToUpper(mc.AwardingBody.Address.CountryCode) + ")"
	}
	line("awarding", ab)
	line("prerequisites", mc.Prerequisites.In(lang))
	line("supervision", mc.Supervision.In(lang))
	line("stackability", mc.Stackability.In(lang))
	line("more", mc.MoreInfo.In(lang))
	return strings.TrimRight(b.String(), "\n")
}

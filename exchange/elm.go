package exchange

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/pokot/pokot"
)

// ELM contexts. The EU's own ELM v3 samples put the VC 1.1 context first: the EDC
// application profile context does not alias id and type, the VC context does.
const (
	ContextELM  = "http://data.europa.eu/snb/model/context/edc-ap"
	ContextVC11 = "https://www.w3.org/2018/credentials/v1"
)

// ELM returns the European Learning Model v3 description of a published POK version: a
// Qualification (the subclass of LearningAchievementSpecification that ELM needs for
// eqfLevel, nqfLevel and isPartialQualification; the European Commission's own Annex I
// micro-credential sample uses it the same way) that carries the Annex I elements of a
// description (2–4 and 6–11 and every optional one; 1 and 5, the learner and the date of
// issuing, exist only in an issued credential). isPartialQualification is true when the POK
// stacks toward a qualification unit. Workload: op → creditPoint in the ECTS framework, osp →
// creditPoint in a framework concept of its own (never converted to ECTS), hours →
// volumeOfLearning as an ISO 8601 duration. Errors as Export.check.
func ELM(e Export) (map[string]any, error) {
	if err := e.check(); err != nil {
		return nil, err
	}
	c := &e.Version.Content
	id := e.id()
	frag := func(s string) string { return id + "#" + s }
	q := map[string]any{
		"@context":               []any{ContextVC11, ContextELM},
		"id":                     id,
		"type":                   "Qualification",
		"title":                  langMap(c.Title),
		"dcType":                 concept(shortProgramme, opportunitySch, tx("Lyhyt koulutusohjelma", "Kort utbildningsprogram", "Short learning programme")),
		"homepage":               []any{map[string]any{"id": frag("homepage"), "type": "WebResource", "contentURL": MicrocredentialURL(e.BaseURL, e.Version.MicrocredentialID)}},
		"isPartialQualification": c.Stackability.Kind == pokot.StackQualificationUnit,
		"learningSetting":        concept(nonFormal, settingScheme, tx("Non-formaali oppiminen", "Icke-formellt lärande", "non-formal learning")),
	}
	if m := langMap(c.Description); len(m) > 0 {
		q["description"] = m
	}
	var outcomes []any
	for i, o := range c.Outcomes {
		lo := map[string]any{"id": frag(fmt.Sprintf("outcome-%d", i+1)), "type": "LearningOutcome", "title": langMap(o.Text)}
		var skills []any
		for _, s := range o.Skills {
			skills = append(skills, concept(s.URI, escoSkills, s.Label))
		}
		if len(skills) > 0 {
			lo["relatedESCOSkill"] = skills
		}
		var notes []any
		if !o.Criteria.Empty() {
			notes = append(notes, note(frag(fmt.Sprintf("outcome-%d-criteria", i+1)), "criteria", o.Criteria))
		}
		if len(o.Occupations) > 0 {
			var b []string
			for _, oc := range o.Occupations {
				b = append(b, oc.URI)
			}
			notes = append(notes, note(frag(fmt.Sprintf("outcome-%d-occupations", i+1)), "occupations", tx(strings.Join(b, "\n"), strings.Join(b, "\n"), strings.Join(b, "\n"))))
		}
		if len(notes) > 0 {
			lo["additionalNote"] = notes
		}
		outcomes = append(outcomes, lo)
	}
	q["learningOutcome"] = outcomes
	switch c.Workload.Unit {
	case pokot.UnitOP:
		q["creditPoint"] = []any{map[string]any{"id": frag("credit"), "type": "CreditPoint",
			"framework": concept(ectsConcept, creditScheme, tx("Eurooppalainen opintosuoritusten siirtojärjestelmä (ECTS)", "Europeiska systemet för överföring av studiemeriter (ECTS)", "European Credit Transfer System")),
			"point":     formatNumber(c.Workload.Value)}}
	case pokot.UnitOSP:
		q["creditPoint"] = []any{map[string]any{"id": frag("credit"), "type": "CreditPoint",
			"framework": concept("urn:pokot:education-credit:osp", creditScheme, unitLabels[pokot.UnitOSP]),
			"point":     formatNumber(c.Workload.Value)}}
	case pokot.UnitHours:
		q["volumeOfLearning"] = isoHours(c.Workload.Value)
	}
	if c.EQFLevel > 0 {
		n := strconv.Itoa(c.EQFLevel)
		q["eqfLevel"] = concept(snb+"eqf/"+n, eqfScheme, tx("EQF-taso "+n, "EQF-nivå "+n, "Level "+n))
		nqf := c.NQFLevel
		if nqf == 0 {
			nqf = c.EQFLevel // the Finnish NQF has the same eight levels as the EQF
		}
		m := strconv.Itoa(nqf)
		q["nqfLevel"] = map[string]any{"id": "urn:pokot:fi-nqf:" + m, "type": "Concept",
			"inScheme":  map[string]any{"id": "urn:pokot:fi-nqf", "type": "ConceptScheme"},
			"prefLabel": langMap(tx("Suomen tutkintojen ja muiden osaamiskokonaisuuksien viitekehys, taso "+m, "Referensramen för examina och annan kompetens i Finland, nivå "+m, "Finnish National Qualifications Framework, level "+m))}
	}
	if f, ok := pokot.ISCEDFieldByCode(c.ISCEDField); ok {
		q["thematicArea"] = []any{concept(snb+"isced-f/"+f.Code, iscedScheme, f.Name)}
	}
	var modes []any
	for _, p := range c.Participation {
		uri := modeURIs[p]
		if uri == "" {
			uri = "urn:pokot:participation:" + string(p)
		}
		modes = append(modes, concept(uri, modeScheme, participationLabels[p]))
	}
	if len(modes) > 0 {
		q["mode"] = modes
	}
	if !c.Prerequisites.Empty() {
		q["entryRequirement"] = plainNote(frag("entry-requirement"), c.Prerequisites)
	}
	if !c.TargetGroup.Empty() {
		q["targetGroup"] = []any{map[string]any{"id": frag("target-group"), "type": "Concept", "prefLabel": langMap(c.TargetGroup)}}
	}
	var langs []any
	for _, l := range c.Languages {
		code := iso6392[l]
		if code == "" {
			code = strings.ToUpper(l)
		}
		langs = append(langs, map[string]any{"id": authority + "language/" + code, "type": "Concept",
			"inScheme": map[string]any{"id": languageScheme, "type": "ConceptScheme"}, "notation": l})
	}
	if len(langs) > 0 {
		q["language"] = langs
	}
	q["awardingOpportunity"] = []any{map[string]any{"id": frag("awarding"), "type": "AwardingOpportunity", "awardingBody": []any{elmOrganisation(e)}}}
	q["provenBy"] = assessments(e, frag)
	var notes []any
	if !c.QualityAssurance.Empty() {
		notes = append(notes, note(frag("quality-assurance"), "qa", c.QualityAssurance))
	}
	notes = append(notes, note(frag("stackability"), "stackability", stackText(e)))
	if !c.FurtherInfo.Empty() {
		notes = append(notes, note(frag("further-info"), "more", c.FurtherInfo))
	}
	if !c.Duration.Empty() {
		notes = append(notes, note(frag("duration"), "duration", c.Duration))
	}
	if !c.Delivery.Place.Empty() {
		notes = append(notes, note(frag("place"), "place", c.Delivery.Place))
	}
	q["additionalNote"] = notes
	if parts := isPartOf(e); len(parts) > 0 {
		q["isPartOf"] = parts
	}
	if kw := keywordMap(c.Keywords); len(kw) > 0 {
		q["category"] = kw
	}
	return q, nil
}

// assessments describes the types of assessment (Annex I element 9), with the grading
// scheme and the supervision and identity verification, as LearningAssessmentSpecifications.
func assessments(e Export, frag func(string) string) []any {
	c := &e.Version.Content
	var out []any
	for _, a := range c.Assessment {
		s := map[string]any{"id": frag("assessment-" + string(a)), "type": "LearningAssessmentSpecification",
			"title":  langMap(assessmentLabels[a]),
			"dcType": concept("urn:pokot:assessment:"+string(a), "urn:pokot:assessment", assessmentLabels[a])}
		if !c.AssessmentInfo.Empty() {
			s["description"] = langMap(c.AssessmentInfo)
		}
		if c.Grading != "" {
			s["gradingScheme"] = map[string]any{"id": frag("grading"), "type": "GradingScheme",
				"title":       langMap(gradingLabels[c.Grading]),
				"description": langMap(tx(strings.Join(gradingValues[c.Grading], ", "), strings.Join(gradingValues[c.Grading], ", "), strings.Join(gradingValues[c.Grading], ", ")))}
		}
		if c.Supervision != "" {
			uri := "urn:pokot:supervision-verification:" + string(c.Supervision)
			if c.Supervision == pokot.UnsupervisedNoID {
				uri = unsupervisedURI
			}
			s["idVerification"] = concept(uri, supervisionSch, supervisionLabels[c.Supervision])
		}
		out = append(out, s)
	}
	return out
}

// elmOrganisation is the awarding body (Annex I elements 3 and 4).
func elmOrganisation(e Export) map[string]any {
	o := e.Org
	cc := strings.ToUpper(o.Country)
	country := map[string]any{"id": authority + "country/" + alpha3(cc), "type": "Concept",
		"inScheme": map[string]any{"id": countryScheme, "type": "ConceptScheme"}, "notation": cc}
	if n := langMap(countryName(cc)); len(n) > 0 {
		country["prefLabel"] = n
	}
	id := e.orgID()
	addr := map[string]any{"id": id + "#address", "type": "Address", "countryCode": country}
	if o.Region != "" {
		addr["fullAddress"] = map[string]any{"id": id + "#full-address", "type": "Note", "noteLiteral": langMap(pokot.RegionNames(o.Region))}
	}
	org := map[string]any{"id": id, "type": "Organisation", "legalName": langMap(o.Name),
		"location": []any{map[string]any{"id": id + "#location", "type": "Location", "address": []any{addr}}}}
	if o.BusinessID != "" {
		org["registration"] = map[string]any{"id": id + "#registration", "type": "LegalIdentifier",
			"notation": o.BusinessID, "schemeName": "Y-tunnus (Finnish Business ID)", "spatial": country}
	}
	if o.Homepage != "" {
		org["homepage"] = []any{map[string]any{"id": id + "#homepage", "type": "WebResource", "contentURL": o.Homepage}}
	}
	return org
}

// isPartOf links the stackability target: a qualification unit in ePerusteet or another POK.
func isPartOf(e Export) []any {
	s := e.Version.Content.Stackability
	switch s.Kind {
	case pokot.StackQualificationUnit:
		id := s.Unit.URL
		if id == "" {
			id = "urn:pokot:tutkinnon-osa:" + s.Unit.Code
		}
		u := map[string]any{"id": id, "type": "Qualification",
			"identifier": []any{map[string]any{"id": id + "#code", "type": "Identifier", "notation": s.Unit.Code, "schemeName": "ePerusteet tutkinnon osa"}}}
		if t := langMap(s.Unit.Name); len(t) > 0 {
			u["title"] = t
		}
		return []any{u}
	case pokot.StackMicrocredential:
		return []any{map[string]any{"id": MicrocredentialURL(e.BaseURL, s.MicrocredentialID), "type": "Qualification"}}
	}
	return nil
}

func concept(id, scheme string, label pokot.Text) map[string]any {
	m := map[string]any{"id": id, "type": "Concept", "inScheme": map[string]any{"id": scheme, "type": "ConceptScheme"}}
	if l := langMap(label); len(l) > 0 {
		m["prefLabel"] = l
	}
	return m
}

// note is a Note whose subject says which element it carries.
func note(id, subject string, t pokot.Text) map[string]any {
	n := plainNote(id, t)
	n["subject"] = map[string]any{"id": "urn:pokot:note:" + subject, "type": "Concept", "prefLabel": langMap(noteSubject(subject))}
	return n
}

func noteSubject(s string) pokot.Text {
	if s == "occupations" {
		return tx("Liittyvät ESCO-ammatit", "Relaterade ESCO-yrken", "Related ESCO occupations")
	}
	return noteLabels[s]
}

func plainNote(id string, t pokot.Text) map[string]any {
	return map[string]any{"id": id, "type": "Note", "noteLiteral": langMap(t)}
}

func keywordMap(k map[pokot.Lang][]string) map[string]any {
	m := map[string]any{}
	for _, l := range pokot.Langs {
		if len(k[l]) > 0 {
			vs := make([]any, len(k[l]))
			for i, s := range k[l] {
				vs[i] = s
			}
			m[string(l)] = vs
		}
	}
	return m
}

func alpha3(cc string) string {
	if a := iso3166alpha3[cc]; a != "" {
		return a
	}
	return cc
}

// formatNumber writes a workload without a trailing ".0" and with a decimal point.
func formatNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// isoHours writes hours as an ISO 8601 duration: 27 → PT27H, 7.5 → PT7H30M.
func isoHours(h float64) string {
	mins := int64(math.Round(h * 60))
	s := "PT"
	if mins/60 > 0 {
		s += strconv.FormatInt(mins/60, 10) + "H"
	}
	if mins%60 > 0 {
		s += strconv.FormatInt(mins%60, 10) + "M"
	}
	if s == "PT" {
		s = "PT0H"
	}
	return s
}

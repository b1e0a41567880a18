package exchange

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
)

// placeholderLearner and placeholderDate only satisfy credential.Build, whose Achievement
// mapping we reuse; the credential around the Achievement is thrown away.
const placeholderLearner = "urn:pokot:exchange:no-learner"

var placeholderDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Achievement returns the Open Badges 3.0 Achievement of a published POK version as a
// JSON-LD document (with the VC 2.0 and OB 3.0.3 contexts). The Annex I mapping is the
// credential package's (the same as in every issued badge): outcomes with their criteria
// and the other elements in criteria.narrative, ESCO skills and the EQF level as alignment,
// outcomes and the grade as resultDescription, workload as creditsAvailable with the unit
// in tag "creditUnit:…", assessment and participation as tags, Swedish and English in
// related[]. On top of it: creator (the awarding body), humanCode and version, ISCED-F as
// fieldOfStudy and as alignment, ESCO occupations as alignment, keywords, supervision,
// grading and stackability as tags, the image caption from its alt text and
// the grading scheme's allowed values. Errors: see Export.check; EINVALID
// ("err.exchange.incomplete") when a mandatory element is missing.
func Achievement(e Export) (map[string]any, error) {
	doc, err := achievementCredential(e)
	if err != nil {
		return nil, err
	}
	a := doc["credentialSubject"].(map[string]any)["achievement"].(map[string]any)
	out := map[string]any{"@context": []any{credential.ContextV2, credential.ContextOB3}}
	for k, v := range a {
		out[k] = v
	}
	return out, nil
}

// achievementCredential builds a throw-away credential around the Achievement, completed
// with what the credential package does not map; tests validate it with the OB 3.0 schema.
func achievementCredential(e Export) (map[string]any, error) {
	if err := e.check(); err != nil {
		return nil, err
	}
	mc := toCredential(e)
	doc, err := credential.Build(mc, credential.Award{Learner: credential.Learner{ID: placeholderLearner}, IssuedAt: placeholderDate})
	if errors.Is(err, credential.ErrIncomplete) {
		return nil, &pokot.Error{Code: pokot.EINVALID, Key: "err.exchange.incomplete", Message: err.Error(), Err: err}
	}
	if err != nil {
		return nil, err
	}
	a := doc["credentialSubject"].(map[string]any)["achievement"].(map[string]any)
	c := &e.Version.Content
	a["creator"] = doc["issuer"]
	a["version"] = strconv.Itoa(e.Version.Number)
	if e.Version.MicrocredentialID > 0 {
		a["humanCode"] = fmt.Sprintf("POK-%d-%d", e.Version.MicrocredentialID, e.Version.Number)
	}
	if img, ok := a["image"].(map[string]any); ok && c.Image != nil {
		if alt := c.Image.Alt.Get(pokot.Finnish); alt != "" {
			img["caption"] = alt
		}
	}
	if f, ok := pokot.ISCEDFieldByCode(c.ISCEDField); ok {
		a["alignment"] = append(asSlice(a["alignment"]), map[string]any{
			"type":            []any{"Alignment"},
			"targetType":      "ext:ISCEDF",
			"targetFramework": "ISCED-F 2013",
			"targetCode":      f.Code,
			"targetName":      f.Name.Get(pokot.Finnish),
			"targetUrl":       snb + "isced-f/" + f.Code,
		})
	}
	seen := map[string]bool{}
	for _, o := range c.Outcomes {
		for _, oc := range o.Occupations {
			if seen[oc.URI] {
				continue
			}
			seen[oc.URI] = true
			name := oc.Label.Get(pokot.Finnish)
			if name == "" {
				name = oc.URI
			}
			a["alignment"] = append(asSlice(a["alignment"]), map[string]any{
				"type": []any{"Alignment"}, "targetType": "ext:ESCOOccupation", "targetFramework": "ESCO",
				"targetUrl": oc.URI, "targetName": name,
			})
		}
	}
	tags := asSlice(a["tag"])
	for _, k := range c.Keywords[pokot.Finnish] {
		tags = append(tags, k)
	}
	if c.Supervision != "" {
		tags = append(tags, "supervision:"+string(c.Supervision))
	}
	if c.Grading != "" {
		tags = append(tags, "grading:"+string(c.Grading))
	}
	if c.Stackability.Kind != "" {
		tags = append(tags, "stackability:"+string(c.Stackability.Kind))
	}
	a["tag"] = tags
	for _, r := range asSlice(a["resultDescription"]) {
		rd := r.(map[string]any)
		if id, _ := rd["id"].(string); strings.HasSuffix(id, "#grade") && c.Grading != "" {
			vals := gradingValues[c.Grading]
			allowed := make([]any, len(vals))
			for i, v := range vals {
				allowed[i] = v
			}
			rd["allowedValue"] = allowed
			rd["name"] = gradingLabels[c.Grading].Get(pokot.Finnish)
		}
	}
	return doc, nil
}

func asSlice(v any) []any {
	s, _ := v.([]any)
	return s
}

// toCredential converts the domain content into the credential package's description.
func toCredential(e Export) credential.MicroCredential {
	c := &e.Version.Content
	mc := credential.MicroCredential{
		ID:               e.id(),
		Language:         "fi",
		Title:            lt(c.Title),
		Description:      lt(c.Description),
		Workload:         credential.Workload{Amount: c.Workload.Value, Unit: creditUnit(c.Workload.Unit)},
		EQFLevel:         c.EQFLevel,
		QualityAssurance: lt(c.QualityAssurance),
		Prerequisites:    lt(c.Prerequisites),
		MoreInfo:         lt(c.FurtherInfo),
		AwardingBody:     organization(e),
	}
	for _, o := range c.Outcomes {
		lo := credential.LearningOutcome{Text: lt(o.Text), Criteria: lt(o.Criteria)}
		for _, s := range o.Skills {
			lo.Skills = append(lo.Skills, credential.Skill{URI: s.URI, Label: lt(s.Label)})
		}
		mc.LearningOutcomes = append(mc.LearningOutcomes, lo)
	}
	for _, a := range c.Assessment {
		mc.AssessmentTypes = append(mc.AssessmentTypes, string(a))
	}
	for _, p := range c.Participation {
		mc.Participation = append(mc.Participation, string(p))
	}
	if c.Supervision != "" {
		mc.Supervision = lt(supervisionLabels[c.Supervision])
	}
	mc.Stackability = lt(stackText(e))
	if f, ok := pokot.ISCEDFieldByCode(c.ISCEDField); ok {
		mc.FieldOfStudy = f.Code + " " + f.Name.Get(pokot.Finnish)
	}
	switch {
	case e.ImageURL != "":
		mc.Image = e.ImageURL
	case c.Image != nil && len(c.Image.Data) > 0:
		mc.Image = "data:" + c.Image.MediaType + ";base64," + base64.StdEncoding.EncodeToString(c.Image.Data)
	}
	return mc
}

// stackText describes the stackability element in words, in every language.
func stackText(e Export) pokot.Text {
	s := e.Version.Content.Stackability
	out := pokot.Text{}
	for _, l := range pokot.Langs {
		switch s.Kind {
		case pokot.StackQualificationUnit:
			v := s.Unit.Name.Get(l)
			if v == "" {
				v = s.Unit.Code
			} else {
				v += " (" + s.Unit.Code + ")"
			}
			if s.Unit.URL != "" {
				v += " " + s.Unit.URL
			}
			out[l] = stackLabels[s.Kind][l] + " " + v
		case pokot.StackMicrocredential:
			out[l] = stackLabels[s.Kind][l] + " " + MicrocredentialURL(e.BaseURL, s.MicrocredentialID)
		default:
			out[l] = stackLabels[pokot.Standalone][l]
		}
	}
	return out
}

func organization(e Export) credential.Organization {
	o := e.Org
	country := strings.ToUpper(o.Country) // never guessed: an empty country is refused by Build
	return credential.Organization{
		ID:   e.orgID(),
		Name: lt(o.Name),
		URL:  o.Homepage,
		Address: credential.Address{
			Region:      pokot.RegionName(o.Region, pokot.Finnish),
			Country:     lt(countryName(country)),
			CountryCode: country,
		},
	}
}

func creditUnit(u pokot.WorkloadUnit) credential.CreditUnit {
	switch u {
	case pokot.UnitOP:
		return credential.UnitECTS
	case pokot.UnitOSP:
		return credential.UnitOSP
	case pokot.UnitHours:
		return credential.UnitHours
	}
	return credential.CreditUnit(u)
}

// lt converts a domain text into the credential package's language text.
func lt(t pokot.Text) credential.LangText {
	if len(t) == 0 {
		return nil
	}
	out := credential.LangText{}
	for l, s := range t {
		if strings.TrimSpace(s) != "" {
			out[string(l)] = s
		}
	}
	return out
}

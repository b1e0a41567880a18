package pokot_test

import (
	"strings"
	"testing"

	"github.com/pokot/pokot"
)

// good returns a description on which every check passes.
func good() *pokot.MicrocredentialContent {
	img, _ := pokot.NewBadgeImage([]byte(`<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>`), pokot.Text{"fi": "Merkki"})
	return &pokot.MicrocredentialContent{
		Title:       pokot.Text{"fi": "Hoivarobotiikan perusteet", "sv": "Grunderna i vårdrobotik", "en": "Basics of care robotics"},
		Description: pokot.Text{"fi": "Kuvaus"},
		Outcomes: []pokot.LearningOutcome{
			{Text: pokot.Text{"fi": "Osaa suunnitella hoivarobotin käytön", "sv": "Kan planera", "en": "Can plan"}, Criteria: pokot.Text{"fi": "Suunnitelma"},
				Skills: []pokot.Concept{{URI: "http://data.europa.eu/esco/skill/5a8b6a4a-5b9e-4c8f-8f2a-0d6f8f1a2b3c", Label: pokot.Text{"fi": "x"}}}},
			{Text: pokot.Text{"fi": "Arvioi käytön turvallisuutta"}, Criteria: pokot.Text{"fi": "Arvio"}},
		},
		Workload:         pokot.Workload{Value: 3, Unit: pokot.UnitOSP},
		EQFLevel:         4,
		Assessment:       []pokot.AssessmentType{pokot.AssessDemonstration},
		Participation:    []pokot.ParticipationForm{pokot.ParticipationBlended},
		QualityAssurance: pokot.Text{"fi": "Laatujärjestelmä"},
		ISCEDField:       "0921",
		Contact:          pokot.Contact{Email: "anna@hamk.fi"},
		Partners:         []pokot.WorkingLifePartner{{Name: "Hoivakoti Oy"}},
		Image:            img,
	}
}

var goodQC = pokot.QualityContext{OrgCountry: "FI"}

func TestQualityAllPass(t *testing.T) {
	for _, c := range pokot.Quality(good(), goodQC) {
		if !c.OK {
			t.Errorf("check %s (%s) fails on a good description", c.ID, c.Field)
		}
		if _, ok := pokot.QualityMessages[c.Key]; !ok {
			t.Errorf("check %s has no message", c.Key)
		}
	}
	if err := pokot.ValidatePublish(good(), goodQC); err != nil {
		t.Fatal(err)
	}
}

func TestQualityChecks(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(c *pokot.MicrocredentialContent, qc *pokot.QualityContext)
		id       string // the one check that must fail
		severity pokot.Severity
		field    string
		also     string // other checks that fail with it, as their IDs joined by spaces
	}{
		{"no finnish title", func(c *pokot.MicrocredentialContent, _ *pokot.QualityContext) { c.Title = pokot.Text{"en": "x"} }, "title", pokot.SeverityError, "title.fi", "finnish translations"},
		{"no country", func(_ *pokot.MicrocredentialContent, qc *pokot.QualityContext) { qc.OrgCountry = "" }, "awarding_body", pokot.SeverityError, "", ""},
		{"no outcomes", func(c *pokot.MicrocredentialContent, _ *pokot.QualityContext) { c.Outcomes = nil }, "outcomes", pokot.SeverityError, "outcomes", "skills"},
		{"workload without unit", func(c *pokot.MicrocredentialContent, _ *pokot.QualityContext) { c.Workload.Unit = "" }, "workload", pokot.SeverityError, "workload", ""},
		{"no level", func(c *pokot.MicrocredentialContent, _ *pokot.QualityContext) { c.EQFLevel = 0 }, "level", pokot.SeverityError, "eqfLevel", ""},
		{"no assessment", func(c *pokot.MicrocredentialContent, _ *pokot.QualityContext) { c.Assessment = nil }, "assessment", pokot.SeverityError, "assessment", ""},
		{"no participation", func(c *pokot.MicrocredentialContent, _ *pokot.QualityContext) { c.Participation = nil }, "participation", pokot.SeverityError, "participation", ""},
		{"no quality assurance", func(c *pokot.MicrocredentialContent, _ *pokot.QualityContext) { c.QualityAssurance = nil }, "quality_assurance", pokot.SeverityError, "qualityAssurance.fi", ""},
		{"outcome without criteria", func(c *pokot.MicrocredentialContent, _ *pokot.QualityContext) { c.Outcomes[1].Criteria = nil },
			"outcome_criteria", pokot.SeverityError, "outcomes[1].criteria.fi", ""},
		{"outcome not in finnish", func(c *pokot.MicrocredentialContent, _ *pokot.QualityContext) { c.Outcomes[1].Text = nil }, "outcome_text", pokot.SeverityError, "outcomes[1].text.fi", ""},
		{"outcome without verb", func(c *pokot.MicrocredentialContent, _ *pokot.QualityContext) {
			c.Outcomes[1].Text = pokot.Text{"fi": "Robotiikan perusteet"}
		}, "outcome_verb", pokot.SeverityWarning, "outcomes[1].text.fi", ""},
		{"vague verb", func(c *pokot.MicrocredentialContent, _ *pokot.QualityContext) {
			c.Outcomes[0].Text["fi"] = "Ymmärtää robotiikan"
		}, "outcome_verb_vague", pokot.SeverityWarning, "outcomes[0].text.fi", ""},
		{"vague english verb", func(c *pokot.MicrocredentialContent, _ *pokot.QualityContext) {
			c.Outcomes[0].Text["en"] = "Understands robotics"
		}, "outcome_verb_vague", pokot.SeverityWarning, "outcomes[0].text.en", ""},
		{"too little workload", func(c *pokot.MicrocredentialContent, _ *pokot.QualityContext) {
			c.Workload = pokot.Workload{Value: 8, Unit: pokot.UnitHours}
		},
			"workload_plausible", pokot.SeverityWarning, "workload", ""},
		{"swedish without finnish", func(c *pokot.MicrocredentialContent, _ *pokot.QualityContext) {
			c.TargetGroup = pokot.Text{"sv": "Vårdare"}
		},
			"finnish", pokot.SeverityError, "targetGroup.fi", ""},
		{"qualification unit without name", func(c *pokot.MicrocredentialContent, _ *pokot.QualityContext) {
			c.Stackability = pokot.Stackability{Kind: pokot.StackQualificationUnit, Unit: pokot.QualificationUnit{Code: "106936", URL: "https://eperusteet.opintopolku.fi/"}}
		}, "stack_target", pokot.SeverityError, "stackability.unit", ""},
		{"missing stack target", func(c *pokot.MicrocredentialContent, _ *pokot.QualityContext) {
			c.Stackability = pokot.Stackability{Kind: pokot.StackMicrocredential, MicrocredentialID: 7}
		}, "stack_target", pokot.SeverityError, "stackability.microcredentialId", ""},
		{"image without alt", func(c *pokot.MicrocredentialContent, _ *pokot.QualityContext) { c.Image.Alt = nil }, "image_alt", pokot.SeverityError, "image.alt.fi", ""},
		{"no partner", func(c *pokot.MicrocredentialContent, _ *pokot.QualityContext) { c.Partners = nil }, "partner", pokot.SeverityWarning, "partners", ""},
		{"no translations", func(c *pokot.MicrocredentialContent, _ *pokot.QualityContext) { delete(c.Title, "sv") }, "translations", pokot.SeverityWarning, "title", ""},
		{"no field", func(c *pokot.MicrocredentialContent, _ *pokot.QualityContext) { c.ISCEDField = "" }, "isced", pokot.SeverityWarning, "iscedField", ""},
		{"no skills", func(c *pokot.MicrocredentialContent, _ *pokot.QualityContext) { c.Outcomes[0].Skills = nil }, "skills", pokot.SeverityWarning, "outcomes", ""},
		{"no contact", func(c *pokot.MicrocredentialContent, _ *pokot.QualityContext) {
			c.Contact = pokot.Contact{Name: "Anna"}
		}, "contact", pokot.SeverityWarning, "contact", ""},
		{"no image", func(c *pokot.MicrocredentialContent, _ *pokot.QualityContext) { c.Image = nil }, "image", pokot.SeverityWarning, "image", ""},
	}
	for _, tt := range tests {
		c, qc := good(), goodQC
		tt.edit(c, &qc)
		var failed []pokot.Check
		for _, ch := range pokot.Quality(c, qc) {
			if !ch.OK {
				failed = append(failed, ch)
			}
		}
		var others []string
		for _, f := range failed[min(1, len(failed)):] {
			others = append(others, f.ID)
		}
		if len(failed) == 0 || failed[0].ID != tt.id || failed[0].Severity != tt.severity || failed[0].Field != tt.field ||
			strings.Join(others, " ") != tt.also {
			t.Errorf("%s: failed %+v, want %s/%s at %q and %q", tt.name, failed, tt.id, tt.severity, tt.field, tt.also)
			continue
		}
		err := pokot.ValidatePublish(c, qc)
		if blocks := err != nil; blocks != (tt.severity == pokot.SeverityError) {
			t.Errorf("%s: ValidatePublish = %v", tt.name, err)
		}
	}
}

func TestQualityTextAndStackTarget(t *testing.T) {
	c := good()
	c.Outcomes[1].Criteria = nil
	es := pokot.GateErrors(pokot.Quality(c, goodQC))
	if len(es) != 1 || es[0].Key != "quality.outcome_criteria" || es[0].Message != "Learning outcome 2 has its own assessment criteria" {
		t.Fatalf("gate errors %+v", es)
	}
	ch := pokot.Check{Key: "quality.outcome_criteria", N: 2}
	for l, want := range map[pokot.Lang]string{pokot.Finnish: "Osaamistavoitteella 2", pokot.Swedish: "Lärandemål 2", pokot.English: "Learning outcome 2"} {
		if got := pokot.QualityText(ch, l); !strings.HasPrefix(got, want) {
			t.Errorf("%s: %q", l, got)
		}
	}
	c = good()
	c.Stackability = pokot.Stackability{Kind: pokot.StackMicrocredential, MicrocredentialID: 7}
	if !pokot.Publishable(pokot.Quality(c, pokot.QualityContext{OrgCountry: "FI", StackTargetOK: true})) {
		t.Fatal("existing stack target refused")
	}
}

func TestWorkloadPlausible(t *testing.T) {
	tests := []struct {
		w        pokot.Workload
		outcomes int
		level    int
		want     bool
	}{
		{pokot.Workload{Value: 3, Unit: pokot.UnitOSP}, 3, 4, true},    // 81 h, 27 h each
		{pokot.Workload{Value: 1, Unit: pokot.UnitOP}, 4, 4, false},    // 27 h: under 7 h each
		{pokot.Workload{Value: 1, Unit: pokot.UnitOP}, 3, 6, false},    // 9 h each at level 6 < 13
		{pokot.Workload{Value: 1, Unit: pokot.UnitOP}, 2, 6, true},     // 13.5 h each
		{pokot.Workload{Value: 20, Unit: pokot.UnitOP}, 1, 5, false},   // 540 h for one outcome
		{pokot.Workload{Value: 40, Unit: pokot.UnitOSP}, 10, 4, false}, // not small any more
		{pokot.Workload{Value: 40, Unit: pokot.UnitHours}, 4, 4, true},
		{pokot.Workload{Value: 5, Unit: pokot.UnitHours}, 1, 4, false},
		{pokot.Workload{Value: 5, Unit: pokot.UnitHours}, 0, 4, false},
	}
	for _, tt := range tests {
		if got := pokot.WorkloadPlausible(tt.w, tt.outcomes, tt.level); got != tt.want {
			t.Errorf("%v with %d outcomes at level %d: %v", tt.w, tt.outcomes, tt.level, got)
		}
	}
}

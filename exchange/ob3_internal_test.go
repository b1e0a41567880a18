package exchange

import (
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
)

// TestAchievementInCredentialIsOB3Valid puts the exported Achievement into an
// OpenBadgeCredential and validates that with the 1EdTech JSON Schema and the OB 3.0
// structure rules: the Achievement's own schema is part of the credential's.
func TestAchievementInCredentialIsOB3Valid(t *testing.T) {
	pub := pokot.StatusPublished
	for _, unit := range []pokot.WorkloadUnit{pokot.UnitOSP, pokot.UnitOP, pokot.UnitHours} {
		e := Export{BaseURL: "https://pokot.example.fi", Org: &pokot.Organisation{Slug: "x", Name: pokot.Text{"fi": "Oppilaitos"}, Country: "FI"},
			Version: &pokot.MicrocredentialVersion{MicrocredentialID: 1, Number: 1, Status: pub, Content: pokot.MicrocredentialContent{
				Title: pokot.Text{"fi": "Nimi", "sv": "Namn"}, Description: pokot.Text{"fi": "Kuvaus"},
				Outcomes: []pokot.LearningOutcome{{Text: pokot.Text{"fi": "Osaat"}, Criteria: pokot.Text{"fi": "Kriteeri"}}},
				Workload: pokot.Workload{Value: 2.5, Unit: unit}, EQFLevel: 5, Assessment: []pokot.AssessmentType{pokot.AssessTest},
				Participation: []pokot.ParticipationForm{pokot.ParticipationOnline}, QualityAssurance: pokot.Text{"fi": "Laatu"},
				ISCEDField: "0913", Grading: pokot.GradePassFail, Keywords: map[pokot.Lang][]string{"fi": {"avain"}},
			}}}
		doc, err := achievementCredential(e)
		if err != nil {
			t.Fatal(unit, err)
		}
		if err := credential.ValidateSchema(doc); err != nil {
			t.Errorf("%s: schema: %v", unit, err)
		}
		if ok, msg := credential.StructureOK(credential.CheckOB3(doc)); !ok {
			t.Errorf("%s: OB 3.0 structure: %s", unit, msg)
		}
	}
}

// TestSchemaCatchesABrokenAchievement shows that the validation above can fail.
func TestSchemaCatchesABrokenAchievement(t *testing.T) {
	e := Export{BaseURL: "https://pokot.example.fi", Org: &pokot.Organisation{Slug: "x", Name: pokot.Text{"fi": "O"}, Country: "FI"},
		Version: &pokot.MicrocredentialVersion{MicrocredentialID: 1, Number: 1, Status: pokot.StatusPublished, Content: pokot.MicrocredentialContent{
			Title: pokot.Text{"fi": "N"}, Description: pokot.Text{"fi": "K"}, Outcomes: []pokot.LearningOutcome{{Text: pokot.Text{"fi": "O"}}},
			Workload: pokot.Workload{Value: 1, Unit: pokot.UnitOP}, Assessment: []pokot.AssessmentType{pokot.AssessTest},
			Participation: []pokot.ParticipationForm{pokot.ParticipationOnline}, QualityAssurance: pokot.Text{"fi": "L"}}}}
	doc, err := achievementCredential(e)
	if err != nil {
		t.Fatal(err)
	}
	a := doc["credentialSubject"].(map[string]any)["achievement"].(map[string]any)
	a["creditsAvailable"] = "viisi"
	if err := credential.ValidateSchema(doc); err == nil {
		t.Error("a string creditsAvailable passed the schema")
	}
}

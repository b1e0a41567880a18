package sqldb_test

import (
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb"
)

// mcContent returns a description that passes the quality gate's errors.
func mcContent(fi, sv, en string) *pokot.MicrocredentialContent {
	return &pokot.MicrocredentialContent{
		Title:       pokot.Text{"fi": fi, "sv": sv, "en": en},
		Description: pokot.Text{"fi": "Kuvaus: " + fi, "sv": "Beskrivning: " + sv, "en": "Description: " + en},
		Outcomes: []pokot.LearningOutcome{{
			Text:     pokot.Text{"fi": "Osaa suunnitella työnsä turvallisesti", "sv": "Kan planera sitt arbete", "en": "Can plan their work"},
			Criteria: pokot.Text{"fi": "Suunnitelma on laadittu ja perusteltu", "en": "The plan is written and justified"},
			Skills:   []pokot.Concept{{URI: "http://data.europa.eu/esco/skill/0a1b2c3d-1111-4222-8333-444455556666", Label: pokot.Text{"fi": "suunnittelu"}}},
		}},
		Workload:         pokot.Workload{Value: 5, Unit: pokot.UnitOSP},
		EQFLevel:         4,
		Assessment:       []pokot.AssessmentType{pokot.AssessDemonstration},
		Participation:    []pokot.ParticipationForm{pokot.ParticipationBlended},
		QualityAssurance: pokot.Text{"fi": "Oppilaitoksen laatujärjestelmä"},
		ISCEDField:       "0913",
		Languages:        []string{"fi"},
		IsPOK:            true,
	}
}

// mcSetup makes an organisation with an admin, two designers and an outsider.
type mcWorld struct {
	db                      *sqldb.DB
	org, other              *pokot.Organisation
	admin, anna, bo, nobody *pokot.User
}

func newMCWorld(t *testing.T, db *sqldb.DB) *mcWorld {
	t.Helper()
	w := &mcWorld{db: db}
	w.org = newOrg(t, db, "hamk")
	w.other = newOrg(t, db, "tamk")
	w.admin, w.anna, w.bo, w.nobody = newUser(t, db, "Aino Admin"), newUser(t, db, "Anna Virtanen"), newUser(t, db, "Bo Berg"), newUser(t, db, "Nobody")
	must(t, db.AddMember(ctx, w.org.ID, w.admin.ID, pokot.RoleOrgAdmin))
	must(t, db.AddMember(ctx, w.org.ID, w.anna.ID, pokot.RoleDesigner))
	must(t, db.AddMember(ctx, w.org.ID, w.bo.ID, pokot.RoleDesigner))
	must(t, db.AddMember(ctx, w.other.ID, w.nobody.ID, pokot.RoleDesigner))
	return w
}

// publish creates a POK by anna and takes it through review, approval by bo and
// publication.
func (w *mcWorld) publish(t *testing.T, orgID int64, c *pokot.MicrocredentialContent) *pokot.Microcredential {
	t.Helper()
	designer, approver := w.anna, w.bo
	if orgID != w.org.ID {
		designer, approver = w.nobody, w.nobody
		must(t, w.db.AddMember(ctx, orgID, w.admin.ID, pokot.RoleOrgAdmin))
		approver = w.admin
	}
	m, _, err := w.db.CreateMicrocredential(ctx, orgID, designer.ID, "", c)
	must(t, err)
	for _, to := range []pokot.Status{pokot.StatusReview, pokot.StatusApproved, pokot.StatusPublished} {
		by := designer
		if to == pokot.StatusApproved {
			by = approver
		}
		if _, err := w.db.Transition(ctx, orgID, m.ID, 1, by.ID, to, ""); err != nil {
			t.Fatalf("%s: %v", to, err)
		}
	}
	return m
}

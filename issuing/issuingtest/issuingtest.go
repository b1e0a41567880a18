// Package issuingtest builds, on a real database, what issuing a credential needs: an
// organisation with an admin, a designer and an assessor (NewOrg), a published two-outcome
// POK (Content, Org.Publish), an offering (Org.Offer) whose learners have registered and
// passed (Org.Register, Org.Pass, or all three at once: Org.PassedOffering), the issuer that
// signs for the organisation (Issuer), a batch run to its end (Org.Issue) and a verifier
// that trusts only what the platform publishes (Org.Verifier). The database comes from the
// caller, usually sqldbtest.New, so the fixture runs on SQLite and, with POKOT_TEST_POSTGRES
// set, on PostgreSQL.
package issuingtest

import (
	"crypto/rand"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/issuer"
	"github.com/pokot/pokot/sqldb"
)

// BaseURL is the public address under which Issuer signs.
const BaseURL = "https://pokot.example.fi"

// Content returns a new two-outcome POK, "Turvallinen työ", graded pass/fail and assessed by
// demonstration under supervision with an identity check; callers may change the copy.
func Content() *pokot.MicrocredentialContent {
	return &pokot.MicrocredentialContent{
		Title:       pokot.Text{"fi": "Turvallinen työ", "sv": "Säkert arbete", "en": "Safe work"},
		Description: pokot.Text{"fi": "Työturvallisuuden perusteet", "en": "Basics of safety at work"},
		Outcomes: []pokot.LearningOutcome{
			{Text: pokot.Text{"fi": "Osaa suunnitella työnsä turvallisesti", "en": "Can plan their work safely"}, Criteria: pokot.Text{"fi": "Suunnitelma on tehty"}},
			{Text: pokot.Text{"fi": "Osaa käyttää suojaimia", "en": "Can use protective equipment"}, Criteria: pokot.Text{"fi": "Käyttää suojaimia oikein"}},
		},
		Workload:         pokot.Workload{Value: 27, Unit: pokot.UnitHours},
		EQFLevel:         4,
		Assessment:       []pokot.AssessmentType{pokot.AssessDemonstration},
		Participation:    []pokot.ParticipationForm{pokot.ParticipationOnline},
		QualityAssurance: pokot.Text{"fi": "Oppilaitoksen laatujärjestelmä"},
		Supervision:      pokot.SupervisedWithID,
		Grading:          pokot.GradePassFail,
		ISCEDField:       "0913",
		Languages:        []string{"fi"},
		IsPOK:            true,
	}
}

// Issuer returns an issuer for the organisations in db that signs under BaseURL with a
// fresh random master key, and that key, for further issuers on other handles of the same
// database (as other processes would open).
func Issuer(t testing.TB, db *sqldb.DB) (*issuer.Service, []byte) {
	t.Helper()
	master := make([]byte, issuer.MasterKeySize)
	rand.Read(master)
	iss, err := issuer.New(db, master, BaseURL, nil)
	if err != nil {
		t.Fatalf("issuingtest: issuer: %v", err)
	}
	return iss, master
}

package credential_test

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
)

// Build a POK credential, sign it with a did:key issuer key and verify it.
func Example() {
	mc := credential.MicroCredential{
		ID:               "https://pokot.example.fi/pok/1",
		Title:            credential.LangText{"fi": "Hyvinvointiteknologian perusteet", "en": "Basics of welfare technology"},
		Description:      credential.LangText{"fi": "Osaat ottaa käyttöön hyvinvointiteknologiaa."},
		LearningOutcomes: []credential.LearningOutcome{{Text: credential.LangText{"fi": "Osaat arvioida asiakkaan tarpeen."}}},
		Workload:         credential.Workload{Amount: 3, Unit: credential.UnitECTS},
		EQFLevel:         6,
		AssessmentTypes:  []string{"portfolio"},
		Participation:    []string{"online"},
		QualityAssurance: credential.LangText{"fi": "Auditoitu laatujärjestelmä."},
		AwardingBody: credential.Organization{Name: credential.LangText{"fi": "Esimerkkiopisto"},
			Address: credential.Address{CountryCode: "FI"}},
	}
	issued := time.Date(2026, 1, 28, 14, 0, 0, 0, time.UTC)
	doc, err := credential.Build(mc, credential.Award{
		Learner:  credential.Learner{Email: "learner@example.fi"},
		IssuedAt: issued,
	})
	if err != nil {
		panic(err)
	}
	kp, _ := key.Generate() // in production: key.ReadFile("issuer-key.json")
	signed, err := credential.Sign(doc, kp, credential.SignOptions{Created: issued})
	if err != nil {
		panic(err)
	}
	data, _ := json.Marshal(signed)

	v := &credential.Verifier{} // did:key only, offline; set Resolver for did:web and status lists
	r := v.Verify(context.Background(), "example", data)
	fmt.Println("verified:", r.Verified)
	for _, c := range r.Checks {
		if c.Name == "proof" {
			fmt.Println(c.In("fi"))
		}
	}
	// Output:
	// verified: true
	// Allekirjoitus on kelvollinen (eddsa-rdfc-2022).
}

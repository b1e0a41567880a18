package credential_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/jsonld"
)

// sampleMicroCredential is a realistic POK with every Annex I element.
func sampleMicroCredential() credential.MicroCredential {
	return credential.MicroCredential{
		ID:          "https://pokot.example.fi/pok/hyvinvointiteknologia-1",
		Title:       credential.LangText{"fi": "Hyvinvointiteknologian perusteet", "sv": "Grunderna i välfärdsteknologi", "en": "Basics of welfare technology"},
		Description: credential.LangText{"fi": "Osaat valita ja ottaa käyttöön hyvinvointiteknologiaa asiakastyössä.", "en": "You can choose and deploy welfare technology in client work."},
		LearningOutcomes: []credential.LearningOutcome{{
			Text:     credential.LangText{"fi": "Osaat arvioida asiakkaan teknologiatarpeen.", "en": "You can assess a client's need for technology."},
			Criteria: credential.LangText{"fi": "Tarvearvio on perusteltu ja dokumentoitu."},
			Skills: []credential.Skill{{URI: "http://data.europa.eu/esco/skill/0a6e5e4d-3e28-4c8e-8b49-1b3c1b2d6b4e",
				Label: credential.LangText{"fi": "arvioida asiakkaan tarpeita", "en": "assess client needs"}}},
		}, {
			Text: credential.LangText{"fi": "Osaat ohjata asiakasta laitteen käytössä."},
		}},
		Workload:         credential.Workload{Amount: 2.5, Unit: credential.UnitOSP},
		EQFLevel:         4,
		AssessmentTypes:  []string{"portfolio", "application of a skill"},
		Participation:    []string{"blended", "work experience"},
		QualityAssurance: credential.LangText{"fi": "Oppilaitoksen laatujärjestelmä (auditoitu, Karvi 2024)."},
		AwardingBody: credential.Organization{
			ID: "https://hamk.example.fi", Name: credential.LangText{"fi": "Hämeen ammattikorkeakoulu"},
			URL: "https://www.hamk.fi", Email: "pok@hamk.example.fi",
			Address: credential.Address{Locality: "Hämeenlinna", Country: credential.LangText{"fi": "Suomi", "en": "Finland"}, CountryCode: "fi"},
		},
		Image:        "https://pokot.example.fi/pok/hyvinvointiteknologia-1/badge.png",
		FieldOfStudy: "0988 Terveys- ja hyvinvointialan monialaiset koulutukset",
		Supervision:  credential.LangText{"fi": "Valvottu, henkilöllisyys tarkistettu paikan päällä."},
	}
}

func sampleAward() credential.Award {
	return credential.Award{
		CredentialID: "https://pokot.example.fi/credentials/3f1c",
		Learner:      credential.Learner{Email: " Maija.Meikalainen@Example.FI ", Salt: "c0ffee"},
		IssuedAt:     time.Date(2026, 1, 28, 14, 0, 0, 0, time.UTC),
		ValidUntil:   time.Date(2031, 1, 28, 14, 0, 0, 0, time.UTC),
		Grade:        "hyväksytty",
		Evidence:     []credential.Evidence{{Name: "Portfolio", Narrative: "Kolme asiakastapausta.", Genre: "Portfolio"}},
	}
}

func TestBuildPassesEveryCheck(t *testing.T) {
	doc, err := credential.Build(sampleMicroCredential(), sampleAward())
	if err != nil {
		t.Fatal(err)
	}
	if ok, why := credential.StructureOK(credential.CheckStructure(doc, credential.StructureOptions{})); !ok {
		t.Error(why)
	}
	if ok, why := credential.StructureOK(credential.CheckOB3(doc)); !ok {
		t.Error(why)
	}
	if err := credential.ValidateSchema(doc); err != nil {
		t.Error(err)
	}
	nq, err := jsonld.Default.Canonicalize(doc)
	if err != nil {
		t.Fatalf("canonicalize: %v", err)
	}
	// Every Annex I element must be in what is signed.
	for _, want := range []string{
		"Hyvinvointiteknologian perusteet",            // title
		"Grunderna i välfärdsteknologi",               // other language (related)
		"Osaat arvioida asiakkaan teknologiatarpeen.", // learning outcome
		"http://data.europa.eu/esco/skill/0a6e5e4d",   // ESCO alignment
		"ext:ESCOSkill",
		"http://data.europa.eu/snb/eqf/4", // EQF level
		`#creditsAvailable> "2.5E0"`,      // workload (the OB context types it https://…#float)
		"creditUnit:osp",                  // its unit
		"assessment:portfolio", "participation:blended",
		"Laadunvarmistus: Oppilaitoksen laatujärjestelmä", // quality assurance
		`"FI"`,                      // country of the awarding body
		"Hämeen ammattikorkeakoulu", // awarding body
		`"2026-01-28T14:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>`, // date of issuing
		"emailAddress", "Valvottu, henkilöllisyys", "hyväksytty", "Portfolio",
	} {
		if !strings.Contains(nq, want) {
			t.Errorf("canonical form lacks %q", want)
		}
	}
	if strings.Contains(strings.ToLower(nq), "maija") {
		t.Error("the learner's e-mail is in clear")
	}
}

func TestBuildIdentityHash(t *testing.T) {
	doc, err := credential.Build(sampleMicroCredential(), sampleAward())
	if err != nil {
		t.Fatal(err)
	}
	id := doc["credentialSubject"].(map[string]any)["identifier"].([]any)[0].(map[string]any)
	sum := sha256.Sum256([]byte("maija.meikalainen@example.fi" + "c0ffee"))
	if want := "sha256$" + hex.EncodeToString(sum[:]); id["identityHash"] != want {
		t.Errorf("identityHash %v, want %v", id["identityHash"], want)
	}
	if id["hashed"] != true || id["salt"] != "c0ffee" || id["identityType"] != "emailAddress" || id["type"] != "IdentityObject" {
		t.Errorf("identifier %v", id)
	}
}

func TestBuildClearEmailOnlyWhenAsked(t *testing.T) {
	a := sampleAward()
	a.Learner.Salt = ""
	a.Learner.ShowEmail = true
	a.Learner.Name = "Maija Meikäläinen"
	doc, err := credential.Build(sampleMicroCredential(), a)
	if err != nil {
		t.Fatal(err)
	}
	ids := doc["credentialSubject"].(map[string]any)["identifier"].([]any)
	if len(ids) != 3 {
		t.Fatalf("%d identifiers", len(ids))
	}
	if salt := ids[0].(map[string]any)["salt"].(string); len(salt) != 32 {
		t.Errorf("random salt %q", salt)
	}
	if ids[1].(map[string]any)["identityHash"] != "maija.meikalainen@example.fi" || ids[1].(map[string]any)["hashed"] != false {
		t.Errorf("clear e-mail %v", ids[1])
	}
	if _, err := jsonld.Default.Canonicalize(doc); err != nil {
		t.Fatal(err)
	}
	if err := credential.ValidateSchema(doc); err != nil {
		t.Error(err)
	}
}

func TestBuildRefusesIncomplete(t *testing.T) {
	cases := map[string]func(*credential.MicroCredential, *credential.Award){
		"no outcomes":   func(m *credential.MicroCredential, _ *credential.Award) { m.LearningOutcomes = nil },
		"no unit":       func(m *credential.MicroCredential, _ *credential.Award) { m.Workload.Unit = "" },
		"bad unit":      func(m *credential.MicroCredential, _ *credential.Award) { m.Workload.Unit = "days" },
		"no QA":         func(m *credential.MicroCredential, _ *credential.Award) { m.QualityAssurance = nil },
		"no country":    func(m *credential.MicroCredential, _ *credential.Award) { m.AwardingBody.Address.CountryCode = "" },
		"no assessment": func(m *credential.MicroCredential, _ *credential.Award) { m.AssessmentTypes = nil },
		"no date":       func(_ *credential.MicroCredential, a *credential.Award) { a.IssuedAt = time.Time{} },
		"no learner":    func(_ *credential.MicroCredential, a *credential.Award) { a.Learner = credential.Learner{} },
		"relative id":   func(m *credential.MicroCredential, _ *credential.Award) { m.ID = "pok/1" },
	}
	for name, edit := range cases {
		m, a := sampleMicroCredential(), sampleAward()
		edit(&m, &a)
		if _, err := credential.Build(m, a); !errors.Is(err, credential.ErrIncomplete) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// Units are carried as given, never converted.
func TestBuildKeepsUnits(t *testing.T) {
	for _, u := range []credential.CreditUnit{credential.UnitOSP, credential.UnitECTS, credential.UnitHours} {
		m := sampleMicroCredential()
		m.Workload = credential.Workload{Amount: 3, Unit: u}
		doc, err := credential.Build(m, sampleAward())
		if err != nil {
			t.Fatal(err)
		}
		ach := doc["credentialSubject"].(map[string]any)["achievement"].(map[string]any)
		if ach["creditsAvailable"] != 3.0 {
			t.Errorf("%s: creditsAvailable %v", u, ach["creditsAvailable"])
		}
		if tags := ach["tag"].([]any); tags[1] != "creditUnit:"+string(u) {
			t.Errorf("%s: tags %v", u, tags)
		}
	}
}

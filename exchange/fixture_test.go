package exchange_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/exchange"
)

const base = "https://pokot.example.fi"

func tx(fi, sv, en string) pokot.Text {
	return pokot.Text{pokot.Finnish: fi, pokot.Swedish: sv, pokot.English: en}
}

// badgePNG is a real 8×8 PNG, so that pokot.NewBadgeImage accepts it.
func badgePNG(t testing.TB) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for x := 0; x < 8; x++ {
		img.Set(x, x, color.RGBA{0, 90, 160, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func testOrg() *pokot.Organisation {
	return &pokot.Organisation{ID: 3, Slug: "hamk", Name: tx("Hämeen ammattikorkeakoulu", "Tavastlands yrkeshögskola", "Häme University of Applied Sciences"),
		BusinessID: "1629463-0", Country: "FI", Region: "Kanta-Häme", Homepage: "https://www.hamk.fi"}
}

// testContent is a complete POK description with every element filled.
func testContent(t testing.TB) pokot.MicrocredentialContent {
	return pokot.MicrocredentialContent{
		Title:       tx("Hoivarobotiikan perusteet", "Grunderna i vårdrobotik", "Basics of care robotics"),
		Description: tx("Opit käyttämään hoivarobotteja asiakastyössä turvallisesti.", "Du lär dig använda vårdrobotar i klientarbetet på ett säkert sätt.", "You learn to use care robots safely in client work."),
		Outcomes: []pokot.LearningOutcome{
			{Text: tx("Osaat ottaa hoivarobotin käyttöön asiakkaan kotona.", "Du kan ta en vårdrobot i bruk i klientens hem.", "You can deploy a care robot in a client's home."),
				Criteria:    tx("Opiskelija valmistelee käyttöönoton ja ohjaa asiakasta.", "Den studerande förbereder ibruktagningen och handleder klienten.", "The student prepares the deployment and guides the client."),
				Skills:      []pokot.Concept{{URI: "http://data.europa.eu/esco/skill/0f1f6c0b-6b9c-4bb1-9b2a-2d1c8c3e1e11", Label: tx("käyttää hyvinvointiteknologiaa", "använda välfärdsteknik", "use welfare technology")}},
				Occupations: []pokot.Concept{{URI: "http://data.europa.eu/esco/occupation/9b2a0b0e-2f41-4a63-9b4c-6f1b6f1c2a10", Label: tx("lähihoitaja", "närvårdare", "practical nurse")}}},
			{Text: tx("Arvioit robotin käytön eettisiä kysymyksiä.", "Du bedömer etiska frågor kring användningen av robotar.", "You assess ethical questions of robot use."),
				Criteria: tx("Opiskelija tunnistaa ja perustelee eettiset riskit.", "Den studerande identifierar och motiverar etiska risker.", "The student identifies and justifies ethical risks.")},
		},
		Workload:         pokot.Workload{Value: 5, Unit: pokot.UnitOSP},
		EQFLevel:         4,
		Assessment:       []pokot.AssessmentType{pokot.AssessDemonstration, pokot.AssessPortfolio},
		AssessmentInfo:   tx("Näyttö tehdään työpaikalla.", "Yrkesprovet görs på arbetsplatsen.", "The demonstration takes place at work."),
		Participation:    []pokot.ParticipationForm{pokot.ParticipationBlended, pokot.ParticipationWorkExperience},
		QualityAssurance: tx("HAMKin laatujärjestelmä (auditoitu 2023).", "HAMKs kvalitetssystem (auditerat 2023).", "HAMK's quality system (audited 2023)."),
		Prerequisites:    tx("Työkokemus hoitoalalta.", "Arbetserfarenhet från vårdbranschen.", "Work experience in care."),
		Supervision:      pokot.SupervisedWithID,
		Grading:          pokot.Grade1to5,
		Stackability: pokot.Stackability{Kind: pokot.StackQualificationUnit, Unit: pokot.QualificationUnit{Code: "106936",
			Name: tx("Hyvinvointiteknologian käyttö", "Användning av välfärdsteknik", "Use of welfare technology"), URL: "https://eperusteet.opintopolku.fi/#/fi/ammatillinen/3397336/tutkinnonosat/106936"}},
		FurtherInfo:    tx("Katso hamk.fi/pok", "Se hamk.fi/pok", "See hamk.fi/pok"),
		ISCEDField:     "0913",
		TargetGroup:    tx("Lähihoitajat ja hoiva-avustajat", "Närvårdare och vårdbiträden", "Practical nurses and care assistants"),
		Languages:      []string{"fi", "sv"},
		Duration:       tx("8 viikkoa", "8 veckor", "8 weeks"),
		Delivery:       pokot.Delivery{Schedule: pokot.ScheduleFixed, Place: tx("Hämeenlinna ja verkossa", "Tavastehus och på nätet", "Hämeenlinna and online")},
		Price:          pokot.Price{EUR: 120.5, Jotpa: true, Info: tx("Jotpa-rahoitteinen", "Jotpa-finansierad", "Funded by Jotpa")},
		IsPOK:          true,
		Keywords:       map[pokot.Lang][]string{pokot.Finnish: {"robotiikka", "hoiva"}, pokot.English: {"robotics"}},
		ValidityMonths: 36,
		Image:          &pokot.BadgeImage{Data: badgePNG(t), MediaType: "image/png", Alt: tx("Sininen robotti", "Blå robot", "Blue robot")},
		Contact:        pokot.Contact{Name: "Maija Meikäläinen", Email: "maija.meikalainen@hamk.fi", Phone: "+358 40 123 4567"},
		Partners:       []pokot.WorkingLifePartner{{Name: "Hoivakoti Aurinko Oy", Role: tx("Näyttöpaikka", "Plats för yrkesprov", "Demonstration site")}},
	}
}

func testVersion(t testing.TB) *pokot.MicrocredentialVersion {
	pub := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	return &pokot.MicrocredentialVersion{ID: 41, MicrocredentialID: 17, OrgID: 3, Number: 2, Status: pokot.StatusPublished,
		Content: testContent(t), PublishedAt: &pub}
}

func testExport(t testing.TB) exchange.Export {
	return exchange.Export{BaseURL: base, Org: testOrg(), Version: testVersion(t)}
}

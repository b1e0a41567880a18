// Package exchangetest holds a complete POK description and helpers for tests of the
// exchange formats and of the handlers that serve them.
package exchangetest

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"time"

	"github.com/pokot/pokot"
)

// Tx makes a text in Finnish, Swedish and English.
func Tx(fi, sv, en string) pokot.Text {
	return pokot.Text{pokot.Finnish: fi, pokot.Swedish: sv, pokot.English: en}
}

// PNG is a real 8×8 PNG badge, so that pokot.NewBadgeImage accepts it.
func PNG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for x := 0; x < 8; x++ {
		img.Set(x, x, color.RGBA{0, 90, 160, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// Org is HAMK as an awarding body, with business ID, country and region.
func Org() *pokot.Organisation {
	return &pokot.Organisation{ID: 3, Slug: "hamk", Name: Tx("Hämeen ammattikorkeakoulu", "Tavastlands yrkeshögskola", "Häme University of Applied Sciences"),
		BusinessID: "1629463-0", Country: "FI", Region: "Kanta-Häme", Homepage: "https://www.hamk.fi"}
}

// Content is a complete POK description with every element filled, in fi/sv/en.
func Content() pokot.MicrocredentialContent {
	return pokot.MicrocredentialContent{
		Title:       Tx("Hoivarobotiikan perusteet", "Grunderna i vårdrobotik", "Basics of care robotics"),
		Description: Tx("Opit käyttämään hoivarobotteja asiakastyössä turvallisesti.", "Du lär dig använda vårdrobotar i klientarbetet på ett säkert sätt.", "You learn to use care robots safely in client work."),
		Outcomes: []pokot.LearningOutcome{
			{Text: Tx("Osaat ottaa hoivarobotin käyttöön asiakkaan kotona.", "Du kan ta en vårdrobot i bruk i klientens hem.", "You can deploy a care robot in a client's home."),
				Criteria:    Tx("Opiskelija valmistelee käyttöönoton ja ohjaa asiakasta.", "Den studerande förbereder ibruktagningen och handleder klienten.", "The student prepares the deployment and guides the client."),
				Skills:      []pokot.Concept{{URI: "http://data.europa.eu/esco/skill/0f1f6c0b-6b9c-4bb1-9b2a-2d1c8c3e1e11", Label: Tx("käyttää hyvinvointiteknologiaa", "använda välfärdsteknik", "use welfare technology")}},
				Occupations: []pokot.Concept{{URI: "http://data.europa.eu/esco/occupation/9b2a0b0e-2f41-4a63-9b4c-6f1b6f1c2a10", Label: Tx("lähihoitaja", "närvårdare", "practical nurse")}}},
			{Text: Tx("Arvioit robotin käytön eettisiä kysymyksiä.", "Du bedömer etiska frågor kring användningen av robotar.", "You assess ethical questions of robot use."),
				Criteria: Tx("Opiskelija tunnistaa ja perustelee eettiset riskit.", "Den studerande identifierar och motiverar etiska risker.", "The student identifies and justifies ethical risks.")},
		},
		Workload:         pokot.Workload{Value: 5, Unit: pokot.UnitOSP},
		EQFLevel:         4,
		Assessment:       []pokot.AssessmentType{pokot.AssessDemonstration, pokot.AssessPortfolio},
		AssessmentInfo:   Tx("Näyttö tehdään työpaikalla.", "Yrkesprovet görs på arbetsplatsen.", "The demonstration takes place at work."),
		Participation:    []pokot.ParticipationForm{pokot.ParticipationBlended, pokot.ParticipationWorkExperience},
		QualityAssurance: Tx("HAMKin laatujärjestelmä (auditoitu 2023).", "HAMKs kvalitetssystem (auditerat 2023).", "HAMK's quality system (audited 2023)."),
		Prerequisites:    Tx("Työkokemus hoitoalalta.", "Arbetserfarenhet från vårdbranschen.", "Work experience in care."),
		Supervision:      pokot.SupervisedWithID,
		Grading:          pokot.Grade1to5,
		Stackability: pokot.Stackability{Kind: pokot.StackQualificationUnit, Unit: pokot.QualificationUnit{Code: "106936",
			Name: Tx("Hyvinvointiteknologian käyttö", "Användning av välfärdsteknik", "Use of welfare technology"), URL: "https://eperusteet.opintopolku.fi/#/fi/ammatillinen/3397336/tutkinnonosat/106936"}},
		FurtherInfo:    Tx("Katso hamk.fi/pok", "Se hamk.fi/pok", "See hamk.fi/pok"),
		ISCEDField:     "0913",
		TargetGroup:    Tx("Lähihoitajat ja hoiva-avustajat", "Närvårdare och vårdbiträden", "Practical nurses and care assistants"),
		Languages:      []string{"fi", "sv"},
		Duration:       Tx("8 viikkoa", "8 veckor", "8 weeks"),
		Delivery:       pokot.Delivery{Schedule: pokot.ScheduleFixed, Place: Tx("Hämeenlinna ja verkossa", "Tavastehus och på nätet", "Hämeenlinna and online")},
		Price:          pokot.Price{EUR: 120.5, Jotpa: true, Info: Tx("Jotpa-rahoitteinen", "Jotpa-finansierad", "Funded by Jotpa")},
		IsPOK:          true,
		Keywords:       map[pokot.Lang][]string{pokot.Finnish: {"robotiikka", "hoiva"}, pokot.English: {"robotics"}},
		ValidityMonths: 36,
		Image:          &pokot.BadgeImage{Data: PNG(), MediaType: "image/png", Alt: Tx("Sininen robotti", "Blå robot", "Blue robot")},
		Contact:        pokot.Contact{Name: "Maija Meikäläinen", Email: "maija.meikalainen@hamk.fi", Phone: "+358 40 123 4567"},
		Partners:       []pokot.WorkingLifePartner{{Name: "Hoivakoti Aurinko Oy", Role: Tx("Näyttöpaikka", "Plats för yrkesprov", "Demonstration site")}},
	}
}

// Version is version 2 of POK 17, published, holding Content.
func Version() *pokot.MicrocredentialVersion {
	pub := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	return &pokot.MicrocredentialVersion{ID: 41, MicrocredentialID: 17, OrgID: 3, Number: 2, Status: pokot.StatusPublished,
		Content: Content(), PublishedAt: &pub}
}

// Normalize makes empty texts and lists nil, as a description read from CSV has them, so
// that descriptions can be compared with reflect.DeepEqual; learning outcome IDs are
// dropped (the store gives every POK its own).
func Normalize(c pokot.MicrocredentialContent) pokot.MicrocredentialContent {
	clean := func(t pokot.Text) pokot.Text {
		out := pokot.Text{}
		for l, s := range t {
			if s != "" {
				out[l] = s
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	}
	for _, t := range []*pokot.Text{&c.Title, &c.Description, &c.AssessmentInfo, &c.QualityAssurance, &c.Prerequisites,
		&c.FurtherInfo, &c.TargetGroup, &c.Duration, &c.Delivery.Place, &c.Price.Info, &c.Stackability.Unit.Name} {
		*t = clean(*t)
	}
	var outs []pokot.LearningOutcome
	for _, o := range c.Outcomes {
		o.ID = "" // the store gives every POK's outcomes IDs of their own
		o.Text, o.Criteria = clean(o.Text), clean(o.Criteria)
		for i := range o.Skills {
			o.Skills[i].Label = clean(o.Skills[i].Label)
		}
		for i := range o.Occupations {
			o.Occupations[i].Label = clean(o.Occupations[i].Label)
		}
		outs = append(outs, o)
	}
	c.Outcomes = outs
	if len(c.Keywords) == 0 {
		c.Keywords = nil
	}
	if c.Image != nil {
		img := *c.Image
		img.Alt = clean(img.Alt)
		c.Image = &img
	}
	return c
}

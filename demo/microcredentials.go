package demo

import (
	"context"
	"fmt"
	"strings"

	"github.com/pokot/pokot"
)

// MicrocredentialStore is what SeedMicrocredentials needs of the store.
type MicrocredentialStore interface {
	pokot.OrgService
	pokot.MicrocredentialService
}

// SeedMicrocredentials adds the demo POKs to the five institutions made by Seed: each is
// written by the institution's designer, approved by its administrator and published; a
// few stay drafts with the institution's working-life partner invited, a comment and a
// sign-off. It returns how many POKs it published. An institution that is missing, or that
// already has POKs, is passed over, so running it twice adds nothing.
func SeedMicrocredentials(ctx context.Context, store MicrocredentialStore) (int, error) {
	published := 0
	for _, slug := range []string{"hamk", "haaga-helia", "jamk", "oamk", "tamk"} {
		org, err := store.OrgBySlug(ctx, slug)
		if pokot.ErrorCode(err) == pokot.ENOTFOUND {
			continue
		}
		if err != nil {
			return published, err
		}
		have, err := store.Microcredentials(ctx, org.ID, "")
		if err != nil {
			return published, err
		}
		if len(have) > 0 {
			continue
		}
		people, err := roles(ctx, store, org.ID)
		if err != nil {
			return published, err
		}
		designer, admin := people[pokot.RoleDesigner], people[pokot.RoleOrgAdmin]
		if designer == nil || admin == nil {
			return published, fmt.Errorf("demo: %s needs a designer and an administrator", slug)
		}
		for _, d := range demoPOKs {
			if d.org != slug {
				continue
			}
			c := d.content(org, designer)
			m, _, err := store.CreateMicrocredential(ctx, org.ID, designer.ID, d.slug, c)
			if err != nil {
				return published, fmt.Errorf("demo: %s/%s: %w", slug, d.slug, err)
			}
			if d.draft {
				if err := coDesign(ctx, store, org.ID, m.ID, designer, people[pokot.RolePartner]); err != nil {
					return published, fmt.Errorf("demo: %s/%s: %w", slug, d.slug, err)
				}
				continue
			}
			for _, step := range []struct {
				to pokot.Status
				by *pokot.User
			}{{pokot.StatusReview, designer}, {pokot.StatusApproved, admin}, {pokot.StatusPublished, designer}} {
				if _, err := store.Transition(ctx, org.ID, m.ID, 1, step.by.ID, step.to, ""); err != nil {
					return published, fmt.Errorf("demo: %s/%s → %s: %w", slug, d.slug, step.to, err)
				}
			}
			published++
		}
	}
	return published, nil
}

// roles returns one member of the organisation per role.
func roles(ctx context.Context, store MicrocredentialStore, orgID int64) (map[pokot.Role]*pokot.User, error) {
	ms, err := store.Members(ctx, orgID)
	if err != nil {
		return nil, err
	}
	out := map[pokot.Role]*pokot.User{}
	for _, m := range ms {
		if out[m.Role] == nil && m.User != nil {
			out[m.Role] = m.User
		}
	}
	return out, nil
}

// coDesign invites the partner to a draft, and leaves their comment and sign-off on it.
func coDesign(ctx context.Context, store MicrocredentialStore, orgID, mcID int64, designer, partner *pokot.User) error {
	if partner == nil {
		return nil
	}
	if _, err := store.AddPartner(ctx, orgID, mcID, designer.ID, partner.Email); err != nil {
		return err
	}
	c := &pokot.Comment{OrgID: orgID, MicrocredentialID: mcID, Version: 1, Anchor: "outcomes[0].criteria", AuthorID: partner.ID,
		Body: "Arviointikriteereihin voisi lisätä, miten opiskelija dokumentoi työnsä. @" + designer.Email}
	if err := store.AddComment(ctx, c); err != nil {
		return err
	}
	reply := &pokot.Comment{OrgID: orgID, MicrocredentialID: mcID, ParentID: &c.ID, AuthorID: designer.ID,
		Body: "Hyvä huomio, lisään dokumentoinnin kriteereihin."}
	if err := store.AddComment(ctx, reply); err != nil {
		return err
	}
	_, err := store.SignOff(ctx, orgID, mcID, 1, partner.ID, "Sisältö vastaa työpaikkojemme tarpeita.")
	return err
}

// demoPOK is one demo micro-credential in compact form.
type demoPOK struct {
	org, slug          string
	title, desc        pokot.Text
	target             pokot.Text
	outcomes           []demoOutcome
	workload           float64
	unit               pokot.WorkloadUnit
	eqf                int
	field              string
	assess             []pokot.AssessmentType
	participation      []pokot.ParticipationForm
	schedule           pokot.ScheduleType
	place              pokot.Text
	duration           pokot.Text
	price              float64
	jotpa              bool
	stack              *pokot.QualificationUnit
	keywords           [3]string // comma-separated, fi/sv/en
	partners           []string
	langs              []string
	draft, supervision bool
}

type demoOutcome struct {
	text, criteria pokot.Text
	skills         []string // English labels of demo skills, see skill
}

func t(fi, sv, en string) pokot.Text {
	return pokot.Text{pokot.Finnish: fi, pokot.Swedish: sv, pokot.English: en}
}

func split(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// skill links a demo learning outcome to the ESCO skill with this English preferred label,
// with its real ESCO concept URI and its Finnish, Swedish and English labels (escoSkills,
// from the ESCO classification of the European Commission). A label missing from escoSkills
// gives a concept without a URI and with only the English label, which TestDemoESCOSkills
// reports.
func skill(label string) pokot.Concept {
	s, ok := escoSkills[label]
	if !ok {
		return pokot.Concept{Label: pokot.Text{pokot.English: label}}
	}
	return pokot.Concept{URI: escoSkillBase + s.uuid, Label: s.label}
}

var orgQA = map[string]pokot.Text{
	"hamk":        t("HAMKin laatujärjestelmä (auditoitu, Karvi); kokonaisuus arvioidaan työelämäkumppanin kanssa joka toteutuksen jälkeen.", "HAMK:s kvalitetssystem (auditerat av NCU); helheten utvärderas med arbetslivspartnern efter varje genomförande.", "HAMK quality system (audited by FINEEC); reviewed with the working-life partner after every implementation."),
	"haaga-helia": t("Haaga-Helian laatujärjestelmä (auditoitu, Karvi) ja opiskelijapalaute jokaisesta toteutuksesta.", "Haaga-Helias kvalitetssystem (auditerat av NCU) och studentrespons från varje genomförande.", "Haaga-Helia quality system (audited by FINEEC) and student feedback from every implementation."),
	"jamk":        t("JAMKin laatujärjestelmä (auditoitu, Karvi); arviointikriteerit tarkistetaan vuosittain työelämän kanssa.", "JAMK:s kvalitetssystem (auditerat av NCU); bedömningskriterierna ses över årligen med arbetslivet.", "JAMK quality system (audited by FINEEC); assessment criteria reviewed yearly with working life."),
	"oamk":        t("Oamkin laatujärjestelmä (auditoitu, Karvi) ja työelämän neuvottelukunnan katselmointi.", "Oamks kvalitetssystem (auditerat av NCU) och granskning av arbetslivsdelegationen.", "Oamk quality system (audited by FINEEC) and review by the working-life advisory board."),
	"tamk":        t("TAMKin laatujärjestelmä (auditoitu, Karvi); palaute kerätään opiskelijoilta ja työnantajilta.", "TAMK:s kvalitetssystem (auditerat av NCU); respons samlas in från studerande och arbetsgivare.", "TAMK quality system (audited by FINEEC); feedback from students and employers."),
}

// content expands a demo POK into a full description.
func (d demoPOK) content(org *pokot.Organisation, designer *pokot.User) *pokot.MicrocredentialContent {
	c := &pokot.MicrocredentialContent{
		Title: d.title, Description: d.desc, TargetGroup: d.target,
		Workload: pokot.Workload{Value: d.workload, Unit: d.unit}, EQFLevel: d.eqf,
		Assessment: d.assess, Participation: d.participation, QualityAssurance: orgQA[d.org],
		Prerequisites: t("Ei erityisiä esitietoja; alan työkokemus on eduksi.", "Inga särskilda förkunskaper; arbetserfarenhet inom branschen är en fördel.", "No specific prerequisites; work experience in the field helps."),
		Grading:       pokot.GradePassFail,
		Stackability:  pokot.Stackability{Kind: pokot.Standalone},
		ISCEDField:    d.field, Languages: d.langs, Duration: d.duration,
		Delivery: pokot.Delivery{Schedule: d.schedule, Place: d.place},
		Price:    pokot.Price{EUR: d.price, Jotpa: d.jotpa},
		IsPOK:    true, ValidityMonths: 0,
		Keywords: map[pokot.Lang][]string{pokot.Finnish: split(d.keywords[0]), pokot.Swedish: split(d.keywords[1]), pokot.English: split(d.keywords[2])},
		Contact:  pokot.Contact{Name: designer.Name, Email: designer.Email},
		FurtherInfo: t("Lisätietoja ja ilmoittautuminen: "+org.Homepage, "Mer information och anmälan: "+org.Homepage,
			"More information and registration: "+org.Homepage),
	}
	if d.supervision {
		c.Supervision = pokot.SupervisedWithID
		c.Grading = pokot.Grade1to5
	} else {
		c.Supervision = pokot.SupervisedNoID
	}
	if d.jotpa {
		c.Price.Info = t("Jotpa-rahoitteinen: maksuton työikäisille osallistujille.", "Finansierad av Kontinuerligt lärande (Jotpa): avgiftsfri.", "Funded by the Finnish Service Centre for Continuous Learning (Jotpa): free of charge.")
	}
	if d.stack != nil {
		c.Stackability = pokot.Stackability{Kind: pokot.StackQualificationUnit, Unit: *d.stack}
	}
	if len(c.Languages) == 0 {
		c.Languages = []string{"fi"}
	}
	for _, p := range d.partners {
		c.Partners = append(c.Partners, pokot.WorkingLifePartner{Name: p})
	}
	for _, o := range d.outcomes {
		lo := pokot.LearningOutcome{Text: o.text, Criteria: o.criteria}
		for _, s := range o.skills {
			lo.Skills = append(lo.Skills, skill(s))
		}
		c.Outcomes = append(c.Outcomes, lo)
	}
	return c
}

// qunit is a qualification unit (tutkinnon osa) for stacking. The codes are illustrative
// of ePerusteet's six-digit unit codes, not looked up.
func qunit(code string, name pokot.Text) *pokot.QualificationUnit {
	return &pokot.QualificationUnit{Code: code, Name: name, URL: "https://eperusteet.opintopolku.fi/#/fi/ammatillinen/tutkinnonosa/" + code}
}

package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// pokData is the data of a POK's public page: every Annex I element and the practical
// fields, in the reader's language.
type pokData struct {
	Title, Description string
	IsPOK              bool
	OrgName            string
	OrgHomepage        string
	OrgPlace           string // region and country of the awarding body (Annex I element 3)
	ImageURL, ImageAlt string
	Facts              []fact
	Outcomes           []outcomeView
	Assessment         []string
	AssessmentInfo     string
	Supervision        string
	Grading            string
	QualityAssurance   string
	Prerequisites      string
	FurtherInfo        string
	Stack              stackView
	TargetGroup        string
	Partners           []partnerView
	Keywords           []keywordLink
	Contact            pokot.Contact
	Version            int
	PublishedAt        time.Time
	Current            bool
	CurrentURL         string
	Versions           []versionLink
	OB3URL, ELMURL     string
	CSVURL             string
	JSONLD             template.JS
	Offerings          []offeringCard // of the published version, not ended (see offering_public.go)
}

// fact is one row of the key facts list.
type fact struct{ Key, Value string }

type outcomeView struct {
	Text, Criteria string
	Skills         []conceptView
	Occupations    []conceptView
}

type conceptView struct{ Label, URI, SearchURL string }

type stackView struct {
	Kind               string // catalog key of the kind
	UnitCode, UnitName string
	UnitURL            string
	POKTitle, POKURL   string
}

type partnerView struct{ Name, Role string }

type keywordLink struct{ Word, URL string }

type versionLink struct {
	N         int
	URL       string
	Published time.Time
	Current   bool
	Shown     bool
}

// pokPage is GET /microcredentials/{id}: the published version.
func (s *server) pokPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderShared(w, r, "catalog_pok", func() (any, bool, error) {
		d, err := s.pokData(r)
		return d, true, err
	})
}

// pokVersionPage is GET /microcredentials/{id}/versions/{n}: any version that was
// published, so that a credential issued against it keeps pointing at what it certified.
func (s *server) pokVersionPage(w http.ResponseWriter, r *http.Request) error {
	return s.pokPage(w, r)
}

// pokData reads the POK (and version) of the URL and prepares every text of its page.
func (s *server) pokData(r *http.Request) (*pokData, error) {
	p, err := s.loadPublicPOK(r)
	if err != nil {
		return nil, err
	}
	l := st(r).lang
	c := &p.Version.Content
	rememberSkills(c)
	d := &pokData{
		Title: c.Title.Get(l), Description: c.Description.Get(l), IsPOK: c.IsPOK,
		OrgName: p.Org.Name.Get(l), OrgHomepage: safeURL(p.Org.Homepage), OrgPlace: orgPlace(l, p.Org),
		AssessmentInfo: c.AssessmentInfo.Get(l), Supervision: enumLabel(l, "supervision", string(c.Supervision)),
		Grading: enumLabel(l, "grading", string(c.Grading)), QualityAssurance: c.QualityAssurance.Get(l),
		Prerequisites: c.Prerequisites.Get(l), FurtherInfo: c.FurtherInfo.Get(l), TargetGroup: c.TargetGroup.Get(l),
		Contact: c.Contact, Version: p.Version.Number,
		Current: p.Current(), CurrentURL: p.Base(),
	}
	if p.Version.PublishedAt != nil {
		d.PublishedAt = *p.Version.PublishedAt
	}
	base := p.Base()
	if !d.Current {
		base = p.VersionBase()
	}
	d.OB3URL, d.ELMURL, d.CSVURL = base+"/ob3", base+"/elm", base+"/csv"
	if c.Image != nil {
		d.ImageURL = p.VersionBase() + "/image"
		d.ImageAlt = c.Image.Alt.Get(l)
	}
	d.Facts = pokFacts(l, c)
	for _, o := range c.Outcomes {
		ov := outcomeView{Text: o.Text.Get(l), Criteria: o.Criteria.Get(l)}
		for _, sk := range o.Skills {
			ov.Skills = append(ov.Skills, conceptView{Label: conceptLabel(l, sk), URI: safeURL(sk.URI),
				SearchURL: "/microcredentials?" + pSkill + "=" + url.QueryEscape(sk.URI)})
		}
		for _, oc := range o.Occupations {
			ov.Occupations = append(ov.Occupations, conceptView{Label: conceptLabel(l, oc), URI: safeURL(oc.URI)})
		}
		d.Outcomes = append(d.Outcomes, ov)
	}
	for _, a := range c.Assessment {
		d.Assessment = append(d.Assessment, enumLabel(l, "assessment", string(a)))
	}
	if err := s.stackOf(r, l, c, &d.Stack); err != nil {
		return nil, err
	}
	if d.Current {
		if d.Offerings, err = s.pokOfferings(r, p.MC.ID); err != nil {
			return nil, err
		}
	}
	for _, pa := range c.Partners {
		d.Partners = append(d.Partners, partnerView{Name: pa.Name, Role: pa.Role.Get(l)})
	}
	for _, k := range keywordsOf(l, c) {
		d.Keywords = append(d.Keywords, keywordLink{Word: k, URL: "/microcredentials?" + pQ + "=" + url.QueryEscape(k)})
	}
	vs, err := p.publishedVersions(r)
	if err != nil {
		return nil, err
	}
	if len(vs) > 1 {
		for _, v := range vs {
			vl := versionLink{N: v.Number, URL: p.Base() + "/versions/" + strconv.Itoa(v.Number),
				Current: v.Number == p.MC.PublishedVersion, Shown: v.Number == p.Version.Number}
			if v.PublishedAt != nil {
				vl.Published = *v.PublishedAt
			}
			d.Versions = append(d.Versions, vl)
		}
	}
	js, err := courseJSONLD(s.cfg.BaseURL, l, p, d)
	if err != nil {
		return nil, err
	}
	d.JSONLD = js
	return d, nil
}

// pokFacts are the key facts at the top of the page.
func pokFacts(l pokot.Lang, c *pokot.MicrocredentialContent) []fact {
	var fs []fact
	add := func(key, v string) {
		if v != "" {
			fs = append(fs, fact{key, v})
		}
	}
	if w := workloadText(l, c.Workload); w != "" {
		// "5 osp (osaamispiste)": the unit as given, explained; hours need no explanation.
		if c.Workload.Unit != pokot.UnitHours {
			w += " (" + enumLabel(l, "unit", string(c.Workload.Unit)+".name") + ")"
		}
		add("catalogue.fact.workload", w)
	}
	add("catalogue.fact.level", levelText(l, c))
	if c.ISCEDField != "" {
		add("catalogue.fact.field", fieldName(l, c.ISCEDField))
	}
	add("catalogue.fact.languages", languageNames(l, c.Languages))
	var parts []string
	for _, pf := range c.Participation {
		parts = append(parts, enumLabel(l, "participation", string(pf)))
	}
	add("catalogue.fact.participation", joinComma(parts))
	add("catalogue.fact.duration", c.Duration.Get(l))
	add("catalogue.fact.schedule", enumLabel(l, "schedule", string(c.Delivery.Schedule)))
	add("catalogue.fact.place", c.Delivery.Place.Get(l))
	price := priceText(l, c.Price)
	if c.Price.Jotpa {
		price += " · " + i18n.T(l, "catalogue.jotpa")
	}
	add("catalogue.fact.price", price)
	add("catalogue.fact.price_info", c.Price.Info.Get(l))
	if c.ValidityMonths > 0 {
		add("catalogue.fact.validity", i18n.N(l, "catalogue.validity_months", c.ValidityMonths))
	} else {
		add("catalogue.fact.validity", i18n.T(l, "catalogue.validity_none"))
	}
	return fs
}

// stackOf describes where the POK stacks; a target POK is linked when it is published.
func (s *server) stackOf(r *http.Request, l pokot.Lang, c *pokot.MicrocredentialContent, sv *stackView) error {
	st := c.Stackability
	switch st.Kind {
	case pokot.StackQualificationUnit:
		sv.Kind = "catalogue.stack.qualification_unit"
		sv.UnitCode, sv.UnitName, sv.UnitURL = st.Unit.Code, st.Unit.Name.Get(l), safeURL(st.Unit.URL)
	case pokot.StackMicrocredential:
		sv.Kind = "catalogue.stack.microcredential"
		mcs := s.store
		target, err := mcs.PublishedMicrocredential(r.Context(), st.MicrocredentialID)
		switch {
		case pokot.ErrorCode(err) == pokot.ENOTFOUND:
		case err != nil:
			return err
		default:
			sv.POKTitle = target.Published.Content.Title.Get(l)
			sv.POKURL = "/microcredentials/" + strconv.FormatInt(target.ID, 10)
		}
	default:
		sv.Kind = "catalogue.stack.standalone"
	}
	return nil
}

func conceptLabel(l pokot.Lang, c pokot.Concept) string {
	if s := c.Label.Get(l); s != "" {
		return s
	}
	return c.URI
}

// orgPlace is "Kanta-Häme, Suomi": the awarding body's region and country.
func orgPlace(l pokot.Lang, o *pokot.Organisation) string {
	country := o.Country
	if o.Country != "" {
		country = pokot.CountryName(l, o.Country)
	}
	region := pokot.RegionName(o.Region, l)
	if region != "" && country != "" {
		return region + ", " + country
	}
	return region + country
}

func keywordsOf(l pokot.Lang, c *pokot.MicrocredentialContent) []string {
	if ks := c.Keywords[l]; len(ks) > 0 {
		return ks
	}
	return c.Keywords[pokot.Finnish]
}

// safeURL keeps only http(s) addresses, so that a description cannot link to javascript:.
func safeURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return s
}

func joinComma(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += ", "
		}
		out += s
	}
	return out
}

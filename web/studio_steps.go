package web

import (
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// instructionLangs are the languages of instruction offered as checkboxes.
var instructionLangs = []string{"fi", "sv", "en", "se"}

// contentValues turns a description into the editor's form values (every step's).
func contentValues(c *pokot.MicrocredentialContent, l pokot.Lang) url.Values {
	v := url.Values{}
	setText(v, "title", c.Title)
	setText(v, "description", c.Description)
	v.Set("iscedField", c.ISCEDField)
	setText(v, "targetGroup", c.TargetGroup)
	for _, kl := range pokot.Langs {
		if ks := c.Keywords[kl]; len(ks) > 0 {
			v.Set("keywords-"+string(kl), strings.Join(ks, ", "))
		}
	}
	if c.IsPOK {
		v.Set("isPOK", "1")
	}
	for i, o := range c.Outcomes {
		p := fmt.Sprintf("outcomes[%d]", i)
		v.Add("outcome", strconv.Itoa(i))
		v.Set(fname(p)+"-id", o.ID) // carried through every save: comments are anchored to it
		setText(v, p+".text", o.Text)
		setText(v, p+".criteria", o.Criteria)
		v.Set(fname(p)+"-skills", conceptLines(o.Skills))
		v.Set(fname(p)+"-occupations", conceptLines(o.Occupations))
	}
	if c.Workload.Value != 0 {
		v.Set("workload-value", formatDecimal(c.Workload.Value, l))
	}
	v.Set("workload-unit", string(c.Workload.Unit))
	if c.EQFLevel != 0 {
		v.Set("eqfLevel", strconv.Itoa(c.EQFLevel))
	}
	setText(v, "duration", c.Duration)
	for _, a := range c.Assessment {
		v.Add("assessment", string(a))
	}
	setText(v, "assessmentInfo", c.AssessmentInfo)
	v.Set("supervision", string(c.Supervision))
	v.Set("grading", string(c.Grading))
	for _, p := range c.Participation {
		v.Add("participation", string(p))
	}
	v["languages"] = append([]string(nil), c.Languages...)
	v.Set("delivery-schedule", string(c.Delivery.Schedule))
	setText(v, "delivery.place", c.Delivery.Place)
	if c.Price.EUR != 0 {
		v.Set("price-eur", formatDecimal(c.Price.EUR, l))
	}
	if c.Price.Jotpa {
		v.Set("price-jotpa", "1")
	}
	setText(v, "price.info", c.Price.Info)
	setText(v, "qualityAssurance", c.QualityAssurance)
	setText(v, "prerequisites", c.Prerequisites)
	kind := c.Stackability.Kind
	if kind == "" {
		kind = pokot.Standalone
	}
	v.Set("stackability-kind", string(kind))
	v.Set("stackability-unit-code", c.Stackability.Unit.Code)
	setText(v, "stackability.unit.name", c.Stackability.Unit.Name)
	v.Set("stackability-unit-url", c.Stackability.Unit.URL)
	if c.Stackability.MicrocredentialID > 0 {
		v.Set("stackability-microcredentialId", strconv.FormatInt(c.Stackability.MicrocredentialID, 10))
	}
	if c.ValidityMonths > 0 {
		v.Set("validityMonths", strconv.Itoa(c.ValidityMonths))
	}
	v.Set("partners", partnerLines(c.Partners))
	setText(v, "furtherInfo", c.FurtherInfo)
	if c.Image != nil {
		setText(v, "image.alt", c.Image.Alt)
	}
	v.Set("contact-name", c.Contact.Name)
	v.Set("contact-email", c.Contact.Email)
	v.Set("contact-phone", c.Contact.Phone)
	return v
}

// outcomeIndexes lists the outcome rows posted, in page order, each once.
func outcomeIndexes(f *form) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range f.Values["outcome"] {
		if _, err := strconv.Atoi(s); err == nil && !seen[s] && len(out) < 100 {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// applyStep copies the fields of one step from the form into c. Values that cannot be
// read (a workload of "kaksi") are recorded as form errors; the domain validates the rest.
func applyStep(step int, f *form, c *pokot.MicrocredentialContent) {
	num := func(name string) float64 {
		x, ok := studioDecimal(f.Get(name))
		if !ok {
			f.Add(name, "studio.err.number")
		}
		return x
	}
	integer := func(name string) int {
		s := f.Get(name)
		if s == "" {
			return 0
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			f.Add(name, "studio.err.whole_number")
		}
		return n
	}
	switch step {
	case stepBasics:
		c.Title = getText(f, "title", false)
		c.Description = getText(f, "description", true)
		c.ISCEDField = f.Get("iscedField")
		c.TargetGroup = getText(f, "targetGroup", true)
		c.Keywords = nil
		for _, l := range pokot.Langs {
			if ks := splitList(f.Get("keywords-" + string(l))); len(ks) > 0 {
				if c.Keywords == nil {
					c.Keywords = map[pokot.Lang][]string{}
				}
				c.Keywords[l] = ks
			}
		}
		c.IsPOK = f.Get("isPOK") != ""
	case stepOutcomes:
		labels := conceptLabels(c.Outcomes)
		var os []pokot.LearningOutcome
		for _, i := range outcomeIndexes(f) {
			p := "outcomes[" + i + "]"
			os = append(os, pokot.LearningOutcome{
				ID:          f.Get(fname(p) + "-id"), // empty for a new row: the store assigns one
				Text:        getText(f, p+".text", true),
				Criteria:    getText(f, p+".criteria", true),
				Skills:      keepLabels(parseConcepts(f.Raw(fname(p)+"-skills")), labels),
				Occupations: keepLabels(parseConcepts(f.Raw(fname(p)+"-occupations")), labels),
			})
		}
		c.Outcomes = os
	case stepScope:
		c.Workload = pokot.Workload{Value: num("workload-value"), Unit: pokot.WorkloadUnit(f.Get("workload-unit"))}
		c.EQFLevel = integer("eqfLevel")
		c.Duration = getText(f, "duration", false)
	case stepAssessment:
		c.Assessment = nil
		for _, a := range f.Values["assessment"] {
			c.Assessment = append(c.Assessment, pokot.AssessmentType(a))
		}
		c.AssessmentInfo = getText(f, "assessmentInfo", true)
		c.Supervision = pokot.Supervision(f.Get("supervision"))
		c.Grading = pokot.GradingScheme(f.Get("grading"))
	case stepDelivery:
		c.Participation = nil
		for _, p := range f.Values["participation"] {
			c.Participation = append(c.Participation, pokot.ParticipationForm(p))
		}
		c.Languages = nil
		for _, l := range f.Values["languages"] {
			c.Languages = append(c.Languages, strings.TrimSpace(l))
		}
		c.Delivery = pokot.Delivery{Schedule: pokot.ScheduleType(f.Get("delivery-schedule")), Place: getText(f, "delivery.place", false)}
		c.Price = pokot.Price{EUR: num("price-eur"), Jotpa: f.Get("price-jotpa") != "", Info: getText(f, "price.info", true)}
	case stepQuality:
		c.QualityAssurance = getText(f, "qualityAssurance", true)
		c.Prerequisites = getText(f, "prerequisites", true)
		c.Stackability = pokot.Stackability{Kind: pokot.StackKind(f.Get("stackability-kind"))}
		switch c.Stackability.Kind {
		case pokot.StackQualificationUnit:
			c.Stackability.Unit = pokot.QualificationUnit{Code: f.Get("stackability-unit-code"),
				Name: getText(f, "stackability.unit.name", false), URL: f.Get("stackability-unit-url")}
		case pokot.StackMicrocredential:
			id, _ := strconv.ParseInt(f.Get("stackability-microcredentialId"), 10, 64)
			c.Stackability.MicrocredentialID = id
		case pokot.Standalone:
			c.Stackability.Kind = ""
		}
		c.ValidityMonths = integer("validityMonths")
		c.Partners = parsePartners(f.Raw("partners"))
		c.FurtherInfo = getText(f, "furtherInfo", true)
	case stepImage:
		if c.Image != nil {
			c.Image.Alt = getText(f, "image.alt", false)
			if f.Get("image-remove") != "" {
				c.Image = nil
			}
		}
		c.Contact = pokot.Contact{Name: f.Get("contact-name"), Email: f.Get("contact-email"), Phone: f.Get("contact-phone")}
	}
}

// outcomeRow is one learning outcome's group of fields.
type outcomeRow struct {
	Index     string // the row's index in field names; "__i__" in the template row
	N         string // the number shown, 1-based
	ID        string // the outcome's stable ID; "" until a new row is first saved
	Anchor    string // the comment anchor of the outcome ("" without an ID)
	Fields    []sfield
	Removable bool
	ESCOOpen  bool // the ESCO links are shown open (they hold something)
}

// stepView is what one step of the editor shows.
type stepView struct {
	Fields   []sfield
	Outcomes []outcomeRow
	Template *outcomeRow // the empty row that JavaScript copies
}

// buildStep draws the fields of a step. stack lists the POKs this one may build toward.
func buildStep(step int, b *fieldBuilder, stack []sopt) stepView {
	var sv stepView
	add := func(fs ...sfield) { sv.Fields = append(sv.Fields, fs...) }
	switch step {
	case stepBasics:
		add(b.ml("title", "title", false), b.ml("description", "description", true))
		isced := b.choice("isced", "iscedField", "select", "", nil)
		isced.Options = append(isced.Options, sopt{Value: "", Label: i18n.T(b.l, "studio.opt.none")})
		for _, fl := range pokot.ISCEDFields() {
			label := fl.Code + " " + fl.Name.Get(b.l)
			if len(fl.Code) > 2 {
				label = strings.Repeat("\u00a0\u00a0", len(fl.Code)-2) + label
			}
			isced.Options = append(isced.Options, sopt{Value: fl.Code, Label: label, Checked: isced.Value == fl.Code})
		}
		isced.Optional = true
		tg := b.ml("targetGroup", "targetGroup", true)
		tg.Optional = true
		kw := b.ml("keywords", "keywords", false)
		kw.Optional = true
		ispok := b.one("isPOK", "isPOK", "check")
		add(isced, tg, kw, ispok)
	case stepOutcomes:
		for n, i := range outcomeIndexes(b.f) {
			sv.Outcomes = append(sv.Outcomes, outcomeFields(b, i, strconv.Itoa(n+1)))
		}
		if !b.disabled {
			empty := &fieldBuilder{f: newForm(b.f.Name, nil), l: b.l}
			t := outcomeFields(empty, "__i__", "")
			sv.Template = &t
		}
	case stepScope:
		wl := b.one("workloadValue", "workload.value", "number")
		unit := b.choice("workloadUnit", "workload.unit", "radio", "unit", strs(pokot.WorkloadUnits))
		lvl := b.choice("eqf", "eqfLevel", "select", "eqf", []string{"", "1", "2", "3", "4", "5", "6", "7", "8"})
		dur := b.ml("duration", "duration", false)
		dur.Optional = true
		add(wl, unit, lvl, dur)
	case stepAssessment:
		as := b.choice("assessment", "assessment", "checks", "assess", strs(pokot.AssessmentTypes))
		info := b.ml("assessmentInfo", "assessmentInfo", true)
		info.Optional = true
		sup := b.choice("supervision", "supervision", "radio", "sup", append([]string{""}, strs(pokot.Supervisions)...))
		sup.Optional = true
		gr := b.choice("grading", "grading", "select", "grade", append([]string{""}, strs(pokot.GradingSchemes)...))
		gr.Optional = true
		add(as, info, sup, gr)
	case stepDelivery:
		pf := b.choice("participation", "participation", "checks", "part", strs(pokot.ParticipationForms))
		ln := b.choice("languages", "languages", "checks", "lang", instructionLangs)
		ln.Optional = true
		sc := b.choice("schedule", "delivery.schedule", "radio", "sched", append([]string{""}, strs(pokot.ScheduleTypes)...))
		sc.Optional = true
		pl := b.ml("place", "delivery.place", false)
		pl.Optional = true
		pr := b.one("price", "price.eur", "number")
		pr.Optional = true
		jo := b.one("jotpa", "price.jotpa", "check")
		pi := b.ml("priceInfo", "price.info", true)
		pi.Optional = true
		add(pf, ln, sc, pl, pr, jo, pi)
	case stepQuality:
		qa := b.ml("qualityAssurance", "qualityAssurance", true)
		pre := b.ml("prerequisites", "prerequisites", true)
		pre.Optional = true
		kind := b.choice("stackKind", "stackability.kind", "radio", "stack",
			[]string{string(pokot.Standalone), string(pokot.StackQualificationUnit), string(pokot.StackMicrocredential)})
		code := b.one("unitCode", "stackability.unit.code", "text")
		uname := b.ml("unitName", "stackability.unit.name", false)
		uurl := b.one("unitURL", "stackability.unit.url", "url")
		uurl.Optional = true
		target := b.choice("stackTarget", "stackability.microcredentialId", "select", "", nil)
		target.Optional = true
		target.Options = append([]sopt{{Value: "", Label: i18n.T(b.l, "studio.opt.none")}}, stack...)
		for i := range target.Options {
			target.Options[i].Checked = target.Options[i].Value == target.Value && target.Value != ""
		}
		code.Group = i18n.T(b.l, "studio.group.unit")
		target.Group = i18n.T(b.l, "studio.group.target")
		code.Sub, uname.Sub, uurl.Sub, target.Sub = true, true, true, true
		val := b.one("validity", "validityMonths", "number")
		val.InputMode = "numeric"
		val.Optional = true
		partners := b.one("partners", "partners", "textarea")
		partners.Optional = true
		fi := b.ml("furtherInfo", "furtherInfo", true)
		fi.Optional = true
		add(qa, pre, kind, code, uname, uurl, target, val, partners, fi)
	case stepImage:
		img := b.one("image", "image", "file")
		img.Optional = true
		alt := b.ml("imageAlt", "image.alt", false)
		rm := b.one("imageRemove", "image.remove", "check")
		name := b.one("contactName", "contact.name", "text")
		email := b.one("contactEmail", "contact.email", "email")
		phone := b.one("contactPhone", "contact.phone", "tel")
		name.Optional, email.Optional, phone.Optional = true, true, true
		add(img, alt, rm, name, email, phone)
	}
	return sv
}

// outcomeFields draws the fields of the learning outcome in row i. Only the first row
// carries the examples: the same example under every outcome is noise.
func outcomeFields(b *fieldBuilder, i, n string) outcomeRow {
	p := "outcomes[" + i + "]"
	sk := b.one("skills", p+".skills", "textarea")
	oc := b.one("occupations", p+".occupations", "textarea")
	sk.Optional, oc.Optional = true, true
	fs := []sfield{b.ml("outcomeText", p+".text", true), b.ml("criteria", p+".criteria", true), sk, oc}
	if n != "1" {
		for j := range fs {
			fs[j].Example = ""
		}
	}
	id, anchor := b.f.Values.Get(fname(p)+"-id"), ""
	if pokot.ValidOutcomeID(id) {
		anchor = pokot.OutcomeAnchor(id, "")
	}
	return outcomeRow{Index: i, N: n, ID: id, Anchor: anchor, Removable: !b.disabled, Fields: fs,
		ESCOOpen: sk.Value != "" || oc.Value != "" || sk.Error != "" || oc.Error != ""}
}

// stackOptions lists the organisation's other POKs as stackability targets.
func stackOptions(items []*pokot.Microcredential, self int64, l pokot.Lang) []sopt {
	var out []sopt
	for _, m := range items {
		if m.ID == self || m.Current == nil {
			continue
		}
		out = append(out, sopt{Value: strconv.FormatInt(m.ID, 10), Label: m.Current.Content.Title.Get(l)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Label < out[j].Label })
	return out
}

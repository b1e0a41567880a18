package pokot

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Limits on the size of a description, so that one POK cannot fill the database.
const (
	maxShortText = 300   // titles, names
	maxLongText  = 20000 // descriptions and other prose
	maxOutcomes  = 30
	maxConcepts  = 30
	maxKeywords  = 30
)

var (
	escoURI       = regexp.MustCompile(`^http://data\.europa\.eu/esco/(skill|occupation|isco|knowledge)/[0-9A-Za-z/-]{1,80}$`)
	langCode      = regexp.MustCompile(`^[a-z]{2,3}$`)
	mcSlug        = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	qualification = regexp.MustCompile(`^[0-9A-Za-z_-]{1,40}$`)
)

// ValidSlug reports whether s can be a POK's address name: lowercase letters, digits and
// single hyphens, 1–80 characters.
func ValidSlug(s string) bool { return len(s) <= 80 && mcSlug.MatchString(s) }

// v collects field errors with paths like "outcomes[2].criteria.fi".
type v struct{ errs Errors }

func (x *v) add(field, key, msg string) { x.errs = append(x.errs, FieldError(field, key, msg)) }

func (x *v) text(field string, t Text, max int) {
	for l, s := range t {
		if _, ok := ParseLang(string(l)); !ok || string(l) != strings.ToLower(string(l)) {
			x.add(field, "err.mc.lang_invalid", fmt.Sprintf("unknown language %q", l))
			continue
		}
		if !utf8.ValidString(s) {
			x.add(field+"."+string(l), "err.mc.text_invalid", "the text is not valid UTF-8")
		} else if utf8.RuneCountInString(s) > max {
			x.add(field+"."+string(l), "err.mc.text_too_long", fmt.Sprintf("at most %d characters", max))
		}
	}
}

// ValidateDraft checks the form of what a description holds — values from the lists, levels
// in range, well-formed URIs and sizes — without requiring anything to be present, so that
// an incomplete draft can be saved. It returns Errors (EINVALID) or nil.
func ValidateDraft(c *MicrocredentialContent) error {
	x := &v{}
	x.text("title", c.Title, maxShortText)
	for _, f := range []struct {
		name string
		t    Text
	}{{"description", c.Description}, {"assessmentInfo", c.AssessmentInfo}, {"qualityAssurance", c.QualityAssurance},
		{"prerequisites", c.Prerequisites}, {"furtherInfo", c.FurtherInfo}, {"targetGroup", c.TargetGroup},
		{"duration", c.Duration}, {"delivery.place", c.Delivery.Place}, {"price.info", c.Price.Info}} {
		x.text(f.name, f.t, maxLongText)
	}
	if len(c.Outcomes) > maxOutcomes {
		x.add("outcomes", "err.mc.too_many", fmt.Sprintf("at most %d learning outcomes", maxOutcomes))
	}
	for i, o := range c.Outcomes {
		p := fmt.Sprintf("outcomes[%d]", i)
		x.text(p+".text", o.Text, maxLongText)
		x.text(p+".criteria", o.Criteria, maxLongText)
		x.concepts(p+".skills", o.Skills)
		x.concepts(p+".occupations", o.Occupations)
	}
	if c.Workload.Value < 0 || c.Workload.Value > 10000 || c.Workload.Value != c.Workload.Value {
		x.add("workload.value", "err.mc.workload_invalid", "the workload must be a positive number")
	}
	if c.Workload.Unit != "" && !oneOf(c.Workload.Unit, WorkloadUnits) {
		x.add("workload.unit", "err.mc.unit_invalid", "the unit must be osp, op or h")
	}
	if c.Workload.Value > 0 && c.Workload.Unit == "" {
		x.add("workload.unit", "err.mc.unit_required", "give the unit of the workload: osp, op or h")
	}
	if c.EQFLevel != 0 && (c.EQFLevel < 1 || c.EQFLevel > 8) {
		x.add("eqfLevel", "err.mc.level_invalid", "the EQF level is 1–8")
	}
	if c.NQFLevel != 0 && (c.NQFLevel < 1 || c.NQFLevel > 8) {
		x.add("nqfLevel", "err.mc.level_invalid", "the NQF level is 1–8")
	}
	for i, a := range c.Assessment {
		if !oneOf(a, AssessmentTypes) {
			x.add(fmt.Sprintf("assessment[%d]", i), "err.mc.choice_invalid", "unknown assessment type")
		}
	}
	for i, p := range c.Participation {
		if !oneOf(p, ParticipationForms) {
			x.add(fmt.Sprintf("participation[%d]", i), "err.mc.choice_invalid", "unknown form of participation")
		}
	}
	if c.Supervision != "" && !oneOf(c.Supervision, Supervisions) {
		x.add("supervision", "err.mc.choice_invalid", "unknown supervision value")
	}
	if c.Grading != "" && !oneOf(c.Grading, GradingSchemes) {
		x.add("grading", "err.mc.choice_invalid", "unknown grading scheme")
	}
	x.stack(&c.Stackability)
	if c.ISCEDField != "" {
		if _, ok := ISCEDFieldByCode(c.ISCEDField); !ok {
			x.add("iscedField", "err.mc.isced_invalid", "not an ISCED-F 2013 field code")
		}
	}
	for i, l := range c.Languages {
		if !langCode.MatchString(l) {
			x.add(fmt.Sprintf("languages[%d]", i), "err.mc.lang_invalid", "a language is a two-letter code, e.g. fi")
		}
	}
	if c.Delivery.Schedule != "" && !oneOf(c.Delivery.Schedule, ScheduleTypes) {
		x.add("delivery.schedule", "err.mc.choice_invalid", "unknown schedule type")
	}
	if c.Price.EUR < 0 || c.Price.EUR > 1e6 || c.Price.EUR != c.Price.EUR {
		x.add("price.eur", "err.mc.price_invalid", "the price must be zero or more euros")
	}
	for l, ks := range c.Keywords {
		if _, ok := ParseLang(string(l)); !ok {
			x.add("keywords", "err.mc.lang_invalid", fmt.Sprintf("unknown language %q", l))
		}
		if len(ks) > maxKeywords {
			x.add("keywords."+string(l), "err.mc.too_many", fmt.Sprintf("at most %d keywords", maxKeywords))
		}
		for _, k := range ks {
			if utf8.RuneCountInString(k) > 60 {
				x.add("keywords."+string(l), "err.mc.text_too_long", "a keyword has at most 60 characters")
			}
		}
	}
	if c.ValidityMonths < 0 || c.ValidityMonths > 600 {
		x.add("validityMonths", "err.mc.validity_invalid", "the validity is 0–600 months")
	}
	if c.Image != nil {
		if c.Image.MediaType != "image/png" && c.Image.MediaType != "image/svg+xml" {
			x.add("image", "err.mc.image_type", "the image must be PNG or SVG")
		}
		if len(c.Image.Data) > MaxBadgeImage {
			x.add("image", "err.mc.image_too_large", "the image is too large")
		}
		x.text("image.alt", c.Image.Alt, maxShortText)
	}
	if c.Contact.Email != "" {
		if _, err := NormalizeEmail(c.Contact.Email); err != nil {
			x.add("contact.email", "err.email_invalid", "not a valid e-mail address")
		}
	}
	if utf8.RuneCountInString(c.Contact.Name) > maxShortText || utf8.RuneCountInString(c.Contact.Phone) > 40 {
		x.add("contact", "err.mc.text_too_long", "the contact details are too long")
	}
	for i, p := range c.Partners {
		if strings.TrimSpace(p.Name) == "" || utf8.RuneCountInString(p.Name) > maxShortText {
			x.add(fmt.Sprintf("partners[%d].name", i), "err.mc.partner_name", "give the partner's name")
		}
	}
	return x.errs.Err()
}

func (x *v) concepts(field string, cs []Concept) {
	if len(cs) > maxConcepts {
		x.add(field, "err.mc.too_many", fmt.Sprintf("at most %d links", maxConcepts))
	}
	for i, c := range cs {
		if !escoURI.MatchString(c.URI) {
			x.add(fmt.Sprintf("%s[%d].uri", field, i), "err.mc.esco_invalid", "not an ESCO URI (http://data.europa.eu/esco/…)")
		}
		x.text(fmt.Sprintf("%s[%d].label", field, i), c.Label, maxShortText)
	}
}

func (x *v) stack(s *Stackability) {
	switch s.Kind {
	case "", Standalone:
	case StackQualificationUnit:
		if !qualification.MatchString(s.Unit.Code) {
			x.add("stackability.unit.code", "err.mc.unit_code_invalid", "give the code of the qualification unit, e.g. 106936")
		}
		if s.Unit.URL != "" {
			if u, err := url.Parse(s.Unit.URL); err != nil || u.Scheme != "https" || u.Host == "" {
				x.add("stackability.unit.url", "err.mc.url_invalid", "the link must be an https:// address")
			}
		}
		x.text("stackability.unit.name", s.Unit.Name, maxShortText)
	case StackMicrocredential:
		if s.MicrocredentialID <= 0 {
			x.add("stackability.microcredentialId", "err.mc.stack_target_required", "choose the POK this one builds toward")
		}
	default:
		x.add("stackability.kind", "err.mc.choice_invalid", "unknown stackability")
	}
}

func oneOf[T comparable](x T, list []T) bool {
	for _, y := range list {
		if x == y {
			return true
		}
	}
	return false
}

// ValidatePublish is ValidateDraft plus every element that publication requires: the
// quality gate's errors (see Quality), with their field paths and keys.
func ValidatePublish(c *MicrocredentialContent, qc QualityContext) error {
	if err := ValidateDraft(c); err != nil {
		return err
	}
	return GateErrors(Quality(c, qc)).Err()
}

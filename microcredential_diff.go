package pokot

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// FieldChange is one difference between two versions of a description: the field path
// (e.g. "outcomes[1].criteria.fi") and the text before and after ("" when absent).
type FieldChange struct {
	Path     string
	Old, New string
}

// Diff compares two descriptions field by field and returns what changed, in the order of
// the fields (see Fields); a nil description counts as empty.
func Diff(a, b *MicrocredentialContent) []FieldChange {
	fa, fb := Fields(a), Fields(b)
	old := map[string]string{}
	for _, f := range fa {
		old[f.Path] = f.Value
	}
	seen := map[string]bool{}
	var ch []FieldChange
	for _, f := range fb {
		seen[f.Path] = true
		if o := old[f.Path]; o != f.Value {
			ch = append(ch, FieldChange{Path: f.Path, Old: o, New: f.Value})
		}
	}
	for _, f := range fa {
		if !seen[f.Path] && f.Value != "" {
			ch = append(ch, FieldChange{Path: f.Path, Old: f.Value})
		}
	}
	return ch
}

// FieldValue is one leaf of a description as text.
type FieldValue struct {
	Path  string
	Value string
}

// Fields flattens a description into its leaves with their paths, in a fixed order; empty
// leaves are left out.
func Fields(c *MicrocredentialContent) []FieldValue {
	var fs []FieldValue
	if c == nil {
		return nil
	}
	add := func(p, s string) {
		if s != "" {
			fs = append(fs, FieldValue{p, s})
		}
	}
	text := func(p string, t Text) {
		for _, l := range Langs {
			add(p+"."+string(l), t[l])
		}
	}
	num := func(p string, f float64) {
		if f != 0 {
			add(p, strconv.FormatFloat(f, 'f', -1, 64))
		}
	}
	list := func(p string, n int, f func(int) string) {
		var ss []string
		for i := 0; i < n; i++ {
			ss = append(ss, f(i))
		}
		add(p, strings.Join(ss, ", "))
	}
	concepts := func(p string, cs []Concept) {
		for i, c := range cs {
			q := fmt.Sprintf("%s[%d]", p, i)
			add(q+".uri", c.URI)
			text(q+".label", c.Label)
		}
	}
	text("title", c.Title)
	text("description", c.Description)
	for i, o := range c.Outcomes {
		p := fmt.Sprintf("outcomes[%d]", i)
		text(p+".text", o.Text)
		text(p+".criteria", o.Criteria)
		concepts(p+".skills", o.Skills)
		concepts(p+".occupations", o.Occupations)
	}
	num("workload.value", c.Workload.Value)
	add("workload.unit", string(c.Workload.Unit))
	num("eqfLevel", float64(c.EQFLevel))
	num("nqfLevel", float64(c.NQFLevel))
	list("assessment", len(c.Assessment), func(i int) string { return string(c.Assessment[i]) })
	text("assessmentInfo", c.AssessmentInfo)
	list("participation", len(c.Participation), func(i int) string { return string(c.Participation[i]) })
	text("qualityAssurance", c.QualityAssurance)
	text("prerequisites", c.Prerequisites)
	add("supervision", string(c.Supervision))
	add("grading", string(c.Grading))
	add("stackability.kind", string(c.Stackability.Kind))
	add("stackability.unit.code", c.Stackability.Unit.Code)
	text("stackability.unit.name", c.Stackability.Unit.Name)
	add("stackability.unit.url", c.Stackability.Unit.URL)
	num("stackability.microcredentialId", float64(c.Stackability.MicrocredentialID))
	text("furtherInfo", c.FurtherInfo)
	add("iscedField", c.ISCEDField)
	text("targetGroup", c.TargetGroup)
	add("languages", strings.Join(c.Languages, ", "))
	text("duration", c.Duration)
	add("delivery.schedule", string(c.Delivery.Schedule))
	text("delivery.place", c.Delivery.Place)
	num("price.eur", c.Price.EUR)
	if c.Price.Jotpa {
		add("price.jotpa", "true")
	}
	text("price.info", c.Price.Info)
	if c.IsPOK {
		add("isPOK", "true")
	}
	langs := make([]string, 0, len(c.Keywords))
	for l := range c.Keywords {
		langs = append(langs, string(l))
	}
	sort.Strings(langs)
	for _, l := range langs {
		add("keywords."+l, strings.Join(c.Keywords[Lang(l)], ", "))
	}
	num("validityMonths", float64(c.ValidityMonths))
	if c.Image != nil {
		add("image.mediaType", c.Image.MediaType)
		sum := sha256.Sum256(c.Image.Data)
		add("image.sha256", hex.EncodeToString(sum[:8]))
		text("image.alt", c.Image.Alt)
	}
	add("contact.name", c.Contact.Name)
	add("contact.email", c.Contact.Email)
	add("contact.phone", c.Contact.Phone)
	for i, p := range c.Partners {
		add(fmt.Sprintf("partners[%d].name", i), p.Name)
		text(fmt.Sprintf("partners[%d].role", i), p.Role)
	}
	return fs
}

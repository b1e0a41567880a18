package web

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// The editor's steps, in order. Each step is one form that saves the fields it shows.
const (
	stepBasics     = 1 // Perustiedot
	stepOutcomes   = 2 // Osaamistavoitteet
	stepScope      = 3 // Laajuus ja taso
	stepAssessment = 4 // Arviointi
	stepDelivery   = 5 // Toteutus
	stepQuality    = 6 // Laatu ja jatkuvuus
	stepImage      = 7 // Kuva ja yhteystiedot
	stepCount      = 7
)

// fname turns a content path ("outcomes[2].criteria.fi") into a form field name
// ("outcomes-2-criteria-fi") that is also safe in element ids and URL fragments.
func fname(path string) string {
	r := strings.NewReplacer("[", "-", "]", "", ".", "-")
	return r.Replace(path)
}

// sfield is one field of an editor step as the template draws it; every text is already
// in the reader's language.
type sfield struct {
	Kind      string // text, textarea, number, select, radio, checks, check, file, email, tel, url, ml, mltextarea
	Name, ID  string
	Label     string
	Hint      string
	Example   string
	Value     string
	Error     string
	InputMode string
	Options   []sopt
	ML        []mlInput // fi, sv, en for multilingual fields
	Open      bool      // the Swedish and English inputs are shown open
	Optional  bool
	Disabled  bool
	Group     string // a subheading drawn before the field, for fields that belong to a choice
	Sub       bool   // the field depends on a choice above and is drawn indented
}

// Describedby lists the ids of the hint, the example and the error.
func (f sfield) Describedby() string {
	var ids []string
	if f.Hint != "" {
		ids = append(ids, f.ID+"-hint")
	}
	if f.Example != "" {
		ids = append(ids, f.ID+"-example")
	}
	if f.Error != "" {
		ids = append(ids, f.ID+"-error")
	}
	return strings.Join(ids, " ")
}

// Rows is the number of rows of a text area.
func (f sfield) Rows() int {
	if f.Kind == "mltextarea" || f.Kind == "textarea" {
		return 4
	}
	return 1
}

type sopt struct {
	Value, Label, ID string
	Checked          bool
}

type mlInput struct {
	Lang                 pokot.Lang
	LangName             string
	Name, ID, Value, Err string
}

// fieldBuilder draws the fields of one step from a form's values.
type fieldBuilder struct {
	f        *form
	l        pokot.Lang
	disabled bool
}

func (b *fieldBuilder) base(key, name, kind string) sfield {
	t := func(suffix string) string {
		k := "studio.f." + key + suffix
		if suffix != ".label" && !i18n.Has(b.l, k) {
			return ""
		}
		return i18n.T(b.l, k)
	}
	sf := sfield{Kind: kind, Name: name, ID: b.f.ID(name), Label: t(".label"), Hint: t(".hint"), Example: t(".example"),
		Value: b.f.Values.Get(name), Disabled: b.disabled}
	if e := b.f.Err(name); e != "" {
		sf.Error = i18n.T(b.l, e)
	}
	return sf
}

// one is a single-language field.
func (b *fieldBuilder) one(key, path, kind string) sfield {
	sf := b.base(key, fname(path), kind)
	switch kind {
	case "number":
		sf.InputMode = "decimal"
	}
	return sf
}

// ml is a multilingual field: Finnish first, Swedish and English in a disclosure.
func (b *fieldBuilder) ml(key, path string, long bool) sfield {
	kind := "ml"
	if long {
		kind = "mltextarea"
	}
	sf := b.base(key, fname(path+".fi"), kind)
	for _, l := range pokot.Langs {
		n := fname(path + "." + string(l))
		in := mlInput{Lang: l, LangName: i18n.T(b.l, "studio.lang."+string(l)), Name: n, ID: b.f.ID(n), Value: b.f.Values.Get(n)}
		if e := b.f.Err(n); e != "" {
			in.Err = i18n.T(b.l, e)
		}
		if l != pokot.Finnish && (in.Value != "" || in.Err != "") {
			sf.Open = true
		}
		sf.ML = append(sf.ML, in)
	}
	return sf
}

// choice is a select, a radio group or a group of checkboxes; labels come from
// "studio.opt.<group>.<value>".
func (b *fieldBuilder) choice(key, path, kind, group string, values []string) sfield {
	sf := b.base(key, fname(path), kind)
	for _, v := range values {
		label := v
		if group != "" {
			label = i18n.T(b.l, "studio.opt."+group+"."+v)
		}
		sf.Options = append(sf.Options, sopt{Value: v, Label: label, ID: sf.ID + "-" + v, Checked: b.f.Has(sf.Name, v)})
	}
	return sf
}

func strs[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// setText puts a multilingual text into form values.
func setText(v url.Values, path string, t pokot.Text) {
	for _, l := range pokot.Langs {
		if s := t[l]; s != "" {
			v.Set(fname(path+"."+string(l)), s)
		}
	}
}

// getText reads a multilingual text from a form; empty languages are left out.
func getText(f *form, path string, long bool) pokot.Text {
	t := pokot.Text{}
	for _, l := range pokot.Langs {
		var s string
		if long {
			s = strings.TrimSpace(strings.ReplaceAll(f.Raw(fname(path+"."+string(l))), "\r\n", "\n"))
		} else {
			s = f.Get(fname(path + "." + string(l)))
		}
		if s != "" {
			t[l] = s
		}
	}
	if len(t) == 0 {
		return nil
	}
	return t
}

// formatDecimal writes a number the way the language writes it: 2,5 in Finnish and
// Swedish, 2.5 in English; whole numbers without decimals.
func formatDecimal(x float64, l pokot.Lang) string {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if l != pokot.English {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s
}

// studioDecimal reads "2,5", "2.5" or "1 200" as a number.
func studioDecimal(s string) (float64, bool) {
	s = strings.NewReplacer(" ", "", "\u00a0", "", ",", ".").Replace(strings.TrimSpace(s))
	if s == "" {
		return 0, true
	}
	x, err := strconv.ParseFloat(s, 64)
	return x, err == nil && x == x
}

// conceptLines writes ESCO links one a line: the URI, a space and the label.
func conceptLines(cs []pokot.Concept) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(c.URI)
		if lbl := c.Label.Get(pokot.Finnish); lbl != "" {
			b.WriteString(" " + lbl)
		}
		b.WriteString("\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// parseConcepts reads ESCO links written one a line as "URI label".
func parseConcepts(s string) []pokot.Concept {
	var cs []pokot.Concept
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		uri, label, _ := strings.Cut(line, " ")
		c := pokot.Concept{URI: strings.TrimSpace(uri)}
		if label = strings.TrimSpace(label); label != "" {
			c.Label = pokot.Text{pokot.Finnish: label}
		}
		cs = append(cs, c)
	}
	return cs
}

// conceptLabels collects the labels of the ESCO links of outcomes by URI.
func conceptLabels(os []pokot.LearningOutcome) map[string]pokot.Text {
	m := map[string]pokot.Text{}
	for _, o := range os {
		for _, c := range append(append([]pokot.Concept(nil), o.Skills...), o.Occupations...) {
			m[c.URI] = c.Label
		}
	}
	return m
}

// keepLabels gives ESCO links read from the form (which shows one label, in Finnish) the
// stored labels in every language when the link is unchanged: same URI, and the label
// shown left as it was or emptied. A label the designer rewrote is theirs.
func keepLabels(cs []pokot.Concept, stored map[string]pokot.Text) []pokot.Concept {
	for i, c := range cs {
		prev, ok := stored[c.URI]
		if ok && (len(c.Label) == 0 || c.Label.Get(pokot.Finnish) == prev.Get(pokot.Finnish)) {
			cs[i].Label = prev
		}
	}
	return cs
}

// partnerLines writes the co-designing organisations one a line: "name | what they did".
func partnerLines(ps []pokot.WorkingLifePartner) string {
	var lines []string
	for _, p := range ps {
		s := p.Name
		if r := p.Role.Get(pokot.Finnish); r != "" {
			s += " | " + r
		}
		lines = append(lines, s)
	}
	return strings.Join(lines, "\n")
}

func parsePartners(s string) []pokot.WorkingLifePartner {
	var ps []pokot.WorkingLifePartner
	for _, line := range strings.Split(s, "\n") {
		name, role, _ := strings.Cut(line, "|")
		name, role = strings.TrimSpace(name), strings.TrimSpace(role)
		if name == "" && role == "" {
			continue
		}
		p := pokot.WorkingLifePartner{Name: name}
		if role != "" {
			p.Role = pokot.Text{pokot.Finnish: role}
		}
		ps = append(ps, p)
	}
	return ps
}

// splitList reads a comma- or line-separated list.
func splitList(s string) []string {
	var out []string
	for _, x := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// errField maps a content path of a domain error to the form field that shows it.
func errField(path string) string {
	switch {
	case path == "":
		return ""
	case strings.Contains(path, ".skills"):
		return fname(path[:strings.Index(path, ".skills")]) + "-skills"
	case strings.Contains(path, ".occupations"):
		return fname(path[:strings.Index(path, ".occupations")]) + "-occupations"
	case strings.HasPrefix(path, "assessment["):
		return "assessment"
	case strings.HasPrefix(path, "participation["):
		return "participation"
	case strings.HasPrefix(path, "languages["):
		return "languages"
	case strings.HasPrefix(path, "partners["):
		return "partners"
	case strings.HasPrefix(path, "keywords") && !strings.Contains(path, "."):
		return "keywords-fi"
	case path == "workload":
		return "workload-value"
	case path == "contact":
		return "contact-name"
	case path == "stackability.unit":
		return "stackability-unit-code"
	case path == "title" || path == "description" || path == "qualityAssurance":
		return path + "-fi"
	}
	return fname(path)
}

// stepOf says on which step a content path is edited; 0 for the overview.
func stepOf(path string) int {
	head := path
	if i := strings.IndexAny(head, ".["); i >= 0 {
		head = head[:i]
	}
	switch head {
	case "title", "description", "iscedField", "targetGroup", "keywords", "isPOK":
		return stepBasics
	case "outcomes":
		return stepOutcomes
	case "workload", "eqfLevel", "nqfLevel", "duration":
		return stepScope
	case "assessment", "assessmentInfo", "supervision", "grading":
		return stepAssessment
	case "participation", "languages", "delivery", "price":
		return stepDelivery
	case "qualityAssurance", "prerequisites", "stackability", "validityMonths", "partners", "furtherInfo":
		return stepQuality
	case "image", "contact":
		return stepImage
	}
	return 0
}

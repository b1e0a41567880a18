package certificate

import (
	"strconv"
	"strings"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
)

// Content is what a person reads from an Open Badges 3.0 credential: the achievement, the
// learner, the issuer, the dates and the EU Annex I elements, with codes turned into words
// of one language. The verification page and the PDF certificate both show it.
type Content struct {
	Lang        pokot.Lang
	Title       string
	Description string
	// TextLang is the language the credential's own texts are written in: the
	// achievement's inLanguage as a BCP 47 tag ("" when the credential does not say or the
	// tag is malformed). What has no translation in Lang stays in it: the learning
	// outcomes and their criteria, quality assurance, prerequisites, further information,
	// skill names, and a title or description without one. Coded values are worded in Lang.
	TextLang string
	// TitleLang and DescriptionLang are the languages of Title and Description: Lang when
	// the credential translates them, TextLang when it does not ("" when unknown).
	TitleLang, DescriptionLang string
	// LearnerName is the learner's name when the credential carries it in clear.
	LearnerName string
	// Identifiers describe how the learner is identified (never a salt or hash).
	Identifiers []Identifier
	Issuer      Issuer
	Issued      time.Time // awardedDate, else validFrom; zero when absent
	ValidUntil  time.Time // zero when absent
	Outcomes    []Outcome
	// Elements are the further Annex I elements found, in the order of the Annex.
	Elements []Element
	// Skills are the ESCO skills and occupations the achievement is aligned to.
	Skills []Skill
	// Other are alignments to further frameworks: neither ESCO, nor the EQF level nor the
	// ISCED-F field of education (both of which are Elements).
	Other []Skill
	// Image is the badge image: an https URL or a data: URI ("" when absent or other).
	Image string
}

// Identifier is one way the credential identifies its learner.
type Identifier struct {
	Type   string // identityType, e.g. "emailAddress"
	Hashed bool
	Value  string // the value when not hashed; "" when hashed
	Label  string // a description in the content's language
}

// Issuer is the awarding body.
type Issuer struct {
	Name, ID, URL, Country string
}

// Outcome is one learning outcome with its assessment criteria.
type Outcome struct {
	Text, Criteria string
}

// Element is one labelled Annex I element, e.g. {"workload", "Laajuus", "3 op (opintopiste, ECTS)", "fi"}.
type Element struct {
	Key, Label, Value string
	// Lang is the language of Value: the content's Lang when it is worded here from a
	// code, TextLang when it is the credential's own text, "" when it is language-neutral
	// (a number, a grade) or unknown.
	Lang string
	// Detail, when not empty, follows Value and stays as issued, in DetailLang ("" when
	// language-neutral, e.g. an address): the qualification unit after the stackability
	// words "Stacks toward the qualification unit" worded in the reader's language.
	Detail, DetailLang string
}

// Text is the element's whole text: Value, then Detail.
func (e Element) Text() string { return strings.TrimSpace(e.Value + " " + e.Detail) }

// Skill is an aligned skill, e.g. an ESCO concept.
type Skill struct {
	Name, URL string
	// Framework is the alignment's targetFramework, e.g. "ESCO" ("" when absent).
	Framework string
}

// Element returns the text of the element key (its Value and Detail), "" when absent.
func (c *Content) Element(key string) string {
	for _, e := range c.Elements {
		if e.Key == key {
			return e.Text()
		}
	}
	return ""
}

// Read extracts the readable content of a credential (a decoded OB 3.0 JSON-LD document
// or VC-JWT payload) in language l. It never fails: what is missing stays empty.
func Read(cred map[string]any, l pokot.Lang) *Content {
	if _, ok := pokot.ParseLang(string(l)); !ok {
		l = pokot.Finnish
	}
	if vc, ok := cred["vc"].(map[string]any); ok && cred["credentialSubject"] == nil {
		cred = vc // a VC-JWT payload in the old "vc" claim form
	}
	c := &Content{Lang: l}
	subj := firstObject(cred["credentialSubject"])
	ach := obj(subj["achievement"])
	c.TextLang = langTag(str(ach["inLanguage"]))
	c.Title, c.TitleLang = localized(ach, "name", l, c.TextLang)
	if c.Title == "" {
		c.Title = langString(cred["name"], l)
	}
	c.Description, c.DescriptionLang = localized(ach, "description", l, c.TextLang)
	if c.Description == "" {
		c.Description = langString(cred["description"], l)
	}
	c.readLearner(subj)
	c.readIssuer(cred)
	for _, f := range []string{"awardedDate", "validFrom", "issuanceDate"} {
		if t, err := credential.ParseDateTime(str(cred[f])); err == nil {
			c.Issued = t
			break
		}
	}
	if t, err := credential.ParseDateTime(str(cred["validUntil"])); err == nil {
		c.ValidUntil = t
	}
	c.readAchievement(ach, subj)
	if img := obj(ach["image"]); str(img["id"]) != "" {
		c.Image = safeImage(str(img["id"]))
	} else if s := str(ach["image"]); s != "" {
		c.Image = safeImage(s)
	}
	return c
}

// safeImage keeps https URLs and raster or SVG data: URIs (which an <img> shows inertly).
func safeImage(s string) string {
	switch {
	case strings.HasPrefix(s, "https://"):
		return s
	case strings.HasPrefix(s, "data:image/png;base64,"), strings.HasPrefix(s, "data:image/jpeg;base64,"),
		strings.HasPrefix(s, "data:image/svg+xml;base64,"), strings.HasPrefix(s, "data:image/webp;base64,"):
		return s
	}
	return ""
}

func (c *Content) readLearner(subj map[string]any) {
	for _, x := range list(subj["identifier"]) {
		id := obj(x)
		typ := str(id["identityType"])
		hashed, _ := id["hashed"].(bool)
		if typ == "name" && !hashed && c.LearnerName == "" {
			c.LearnerName = str(id["identityHash"])
		}
		ident := Identifier{Type: typ, Hashed: hashed}
		switch {
		case typ == "emailAddress" && hashed:
			ident.Label = labels["hashed_email"].in(c.Lang)
		case !hashed:
			ident.Value = str(id["identityHash"])
			ident.Label = typ
		default:
			ident.Label = typ + " (hash)"
		}
		c.Identifiers = append(c.Identifiers, ident)
	}
	if c.LearnerName == "" {
		c.LearnerName = langString(subj["name"], c.Lang)
	}
}

func (c *Content) readIssuer(cred map[string]any) {
	switch is := cred["issuer"].(type) {
	case string:
		c.Issuer.ID = is
	case map[string]any:
		c.Issuer = Issuer{Name: langString(is["name"], c.Lang), ID: str(is["id"]), URL: str(is["url"])}
		// The country's name in the reader's language from its code; addressCountry is
		// worded in the issuer's language (and may be the only field another issuer gives).
		addr := obj(is["address"])
		if cc := str(addr["addressCountryCode"]); cc != "" {
			c.Issuer.Country = pokot.CountryName(c.Lang, cc)
		}
		if c.Issuer.Country == "" || c.Issuer.Country == strings.ToUpper(str(addr["addressCountryCode"])) && str(addr["addressCountry"]) != "" {
			c.Issuer.Country = str(addr["addressCountry"])
		}
	}
}

func (c *Content) readAchievement(ach, subj map[string]any) {
	l := c.Lang
	narr := parseNarrative(str(obj(ach["criteria"])["narrative"]))
	c.Outcomes = narr.outcomes
	if len(c.Outcomes) == 0 {
		for _, x := range list(ach["resultDescription"]) {
			rd := obj(x)
			if n := str(rd["name"]); n != "" && str(rd["resultType"]) != "LetterGrade" && !strings.HasSuffix(str(rd["id"]), "#grade") {
				c.Outcomes = append(c.Outcomes, Outcome{Text: n})
			}
		}
	}
	var tags []string
	for _, t := range list(ach["tag"]) {
		tags = append(tags, str(t))
	}
	// add(key)(value, lang) appends an element unless its value is empty.
	add := func(key string) func(value, lang string) {
		return func(value, lang string) {
			if value = strings.TrimSpace(value); value != "" {
				c.Elements = append(c.Elements, Element{Key: key, Label: labelText(key).in(l), Value: value, Lang: lang})
			}
		}
	}
	// own is the language of a value: lang when it was worded here, else the credential's.
	own := func(value, fallback, lang string) (string, string) {
		if value == fallback {
			return value, c.TextLang
		}
		return value, lang
	}
	w := workload(ach, tags, l, narr.values["workload"])
	if _, err := strconv.ParseFloat(strings.Replace(w, ",", ".", 1), 64); err == nil {
		add("workload")(w, "") // a bare number
	} else {
		add("workload")(own(w, narr.values["workload"], string(l)))
	}
	add("eqf")(eqfLevel(ach, tags, narr.values["eqf"]), "")
	add("assessment")(own(coded(tags, "assessment:", l, narr.values["assessment"]), narr.values["assessment"], string(l)))
	add("participation")(own(coded(tags, "participation:", l, narr.values["participation"]), narr.values["participation"], string(l)))
	add("qa")(narr.values["qa"], c.TextLang)
	add("grading")(coded(tags, "grading:", l, ""), string(l))
	add("grade")(c.gradeWord(grade(subj)))
	add("field")(fieldOfStudy(ach, l, c.TextLang))
	add("prerequisites")(narr.values["prerequisites"], c.TextLang)
	add("supervision")(c.codedValue(tags, "supervision", narr.values["supervision"]))
	if v, lang, detail, detailLang := c.stackability(tags, narr.values["stackability"]); v != "" {
		c.Elements = append(c.Elements, Element{Key: "stackability", Label: labelText("stackability").in(l),
			Value: v, Lang: lang, Detail: detail, DetailLang: detailLang})
	}
	add("more")(narr.values["more"], c.TextLang)
	for _, x := range list(ach["alignment"]) {
		al := obj(x)
		name := str(al["targetName"])
		if name == "" {
			name = str(al["targetUrl"])
		}
		sk := Skill{Name: name, URL: str(al["targetUrl"]), Framework: str(al["targetFramework"])}
		switch alignmentKind(al) {
		case "esco":
			c.Skills = append(c.Skills, sk)
		case "other":
			c.Other = append(c.Other, sk)
		}
	}
}

const (
	eqfPrefix   = "http://data.europa.eu/snb/eqf/"
	iscedPrefix = "http://data.europa.eu/snb/isced-f/"
)

// alignmentKind sorts an alignment: "eqf" (the EQF level), "isced" (the ISCED-F field of
// education), "esco" (an ESCO skill or occupation: framework ESCO or a concept under
// data.europa.eu/esco/) or "other".
func alignmentKind(al map[string]any) string {
	typ, fw, u := str(al["targetType"]), strings.ToUpper(str(al["targetFramework"])), str(al["targetUrl"])
	switch {
	case typ == "ext:EQFLevel" || strings.HasPrefix(u, eqfPrefix):
		return "eqf"
	case typ == "ext:ISCEDF" || strings.HasPrefix(fw, "ISCED") || strings.HasPrefix(u, iscedPrefix):
		return "isced"
	case typ == "ext:ESCOSkill" || typ == "ext:ESCOOccupation" || fw == "ESCO" ||
		strings.HasPrefix(u, "http://data.europa.eu/esco/") || strings.HasPrefix(u, "https://data.europa.eu/esco/"):
		return "esco"
	}
	return "other"
}

// fieldOfStudy is the achievement's fieldOfStudy, else its ISCED-F alignment, as
// "code name" (the form fieldOfStudy takes in credentials issued here), with its language.
// A known ISCED-F code is named in language l, whatever language the credential names it
// in; other text stays in the credential's language textLang.
func fieldOfStudy(ach map[string]any, l pokot.Lang, textLang string) (string, string) {
	f := strings.TrimSpace(str(ach["fieldOfStudy"]))
	if f == "" {
		for _, x := range list(ach["alignment"]) {
			al := obj(x)
			if alignmentKind(al) != "isced" {
				continue
			}
			code, name := str(al["targetCode"]), str(al["targetName"])
			if code == "" {
				code = strings.TrimPrefix(str(al["targetUrl"]), iscedPrefix)
			}
			f = strings.TrimSpace(code + " " + name)
			break
		}
	}
	code, _, _ := strings.Cut(f, " ")
	if isced, ok := pokot.ISCEDFieldByCode(code); ok {
		if name := isced.Name.Get(l); name != "" {
			return isced.Code + " " + name, string(l)
		}
	}
	return f, textLang
}

func workload(ach map[string]any, tags []string, l pokot.Lang, fallback string) string {
	amount, ok := ach["creditsAvailable"].(float64)
	if !ok || amount <= 0 {
		return fallback
	}
	s := strconv.FormatFloat(amount, 'f', -1, 64)
	if l != pokot.English {
		s = strings.Replace(s, ".", ",", 1)
	}
	for _, t := range tags {
		if u, ok := strings.CutPrefix(t, "creditUnit:"); ok {
			if name := fromLangText(credential.UnitNames(credential.CreditUnit(u))); name != nil {
				return s + " " + name.in(l)
			}
			return s + " " + u
		}
	}
	if fallback != "" {
		return fallback
	}
	return s
}

func eqfLevel(ach map[string]any, tags []string, fallback string) string {
	for _, x := range list(ach["alignment"]) {
		al := obj(x)
		if str(al["targetType"]) == "ext:EQFLevel" && str(al["targetCode"]) != "" {
			return str(al["targetCode"])
		}
		if n, ok := strings.CutPrefix(str(al["targetUrl"]), eqfPrefix); ok && n != "" {
			return n
		}
	}
	for _, t := range tags {
		if n, ok := strings.CutPrefix(t, "EQF:"); ok {
			return n
		}
	}
	return fallback
}

// coded turns tags "<prefix><code>" into words; without such tags the narrative's text.
func coded(tags []string, prefix string, l pokot.Lang, fallback string) string {
	kind := strings.TrimSuffix(prefix, ":")
	var out []string
	for _, t := range tags {
		if code, ok := strings.CutPrefix(t, prefix); ok && code != "" {
			if n := fromLangText(credential.CodeNames(kind, code)); n != nil {
				out = append(out, n.in(l))
			} else {
				out = append(out, code)
			}
		}
	}
	if len(out) == 0 {
		return fallback
	}
	return strings.Join(out, ", ")
}

func grade(subj map[string]any) string {
	for _, x := range list(subj["result"]) {
		r := obj(x)
		if strings.HasSuffix(str(r["resultDescription"]), "#grade") && str(r["value"]) != "" {
			return str(r["value"])
		}
	}
	return ""
}

package pokot_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image"
	"image/png"
	"reflect"
	"strings"
	"testing"

	"github.com/pokot/pokot"
)

func TestValidateDraft(t *testing.T) {
	if err := pokot.ValidateDraft(&pokot.MicrocredentialContent{}); err != nil {
		t.Fatalf("an empty draft must save: %v", err)
	}
	tests := []struct {
		name       string
		edit       func(c *pokot.MicrocredentialContent)
		field, key string
	}{
		{"unknown level", func(c *pokot.MicrocredentialContent) { c.EQFLevel = 9 }, "eqfLevel", "err.mc.level_invalid"},
		{"workload without unit", func(c *pokot.MicrocredentialContent) { c.Workload = pokot.Workload{Value: 5} }, "workload.unit", "err.mc.unit_required"},
		{"unknown unit", func(c *pokot.MicrocredentialContent) { c.Workload = pokot.Workload{Value: 5, Unit: "ects"} }, "workload.unit", "err.mc.unit_invalid"},
		{"negative workload", func(c *pokot.MicrocredentialContent) { c.Workload = pokot.Workload{Value: -1, Unit: "h"} }, "workload.value", "err.mc.workload_invalid"},
		{"bad esco uri", func(c *pokot.MicrocredentialContent) {
			c.Outcomes = []pokot.LearningOutcome{{}, {}, {Skills: []pokot.Concept{{URI: "https://example.com/skill"}}}}
		}, "outcomes[2].skills[0].uri", "err.mc.esco_invalid"},
		{"too long criteria", func(c *pokot.MicrocredentialContent) {
			c.Outcomes = []pokot.LearningOutcome{{}, {}, {Criteria: pokot.Text{"fi": strings.Repeat("a", 20001)}}}
		}, "outcomes[2].criteria.fi", "err.mc.text_too_long"},
		{"unknown language key", func(c *pokot.MicrocredentialContent) { c.Title = pokot.Text{"de": "Titel"} }, "title", "err.mc.lang_invalid"},
		{"unknown isced", func(c *pokot.MicrocredentialContent) { c.ISCEDField = "0999" }, "iscedField", "err.mc.isced_invalid"},
		{"unknown assessment", func(c *pokot.MicrocredentialContent) { c.Assessment = []pokot.AssessmentType{"test", "guess"} }, "assessment[1]", "err.mc.choice_invalid"},
		{"unknown participation", func(c *pokot.MicrocredentialContent) { c.Participation = []pokot.ParticipationForm{"dream"} }, "participation[0]", "err.mc.choice_invalid"},
		{"unknown supervision", func(c *pokot.MicrocredentialContent) { c.Supervision = "proctored" }, "supervision", "err.mc.choice_invalid"},
		{"unit code", func(c *pokot.MicrocredentialContent) {
			c.Stackability = pokot.Stackability{Kind: pokot.StackQualificationUnit, Unit: pokot.QualificationUnit{Code: "a b"}}
		}, "stackability.unit.code", "err.mc.unit_code_invalid"},
		{"eperusteet link", func(c *pokot.MicrocredentialContent) {
			c.Stackability = pokot.Stackability{Kind: pokot.StackQualificationUnit, Unit: pokot.QualificationUnit{Code: "106936", URL: "javascript:alert(1)"}}
		}, "stackability.unit.url", "err.mc.url_invalid"},
		{"stack target", func(c *pokot.MicrocredentialContent) {
			c.Stackability = pokot.Stackability{Kind: pokot.StackMicrocredential}
		},
			"stackability.microcredentialId", "err.mc.stack_target_required"},
		{"language code", func(c *pokot.MicrocredentialContent) { c.Languages = []string{"fi", "Finnish"} }, "languages[1]", "err.mc.lang_invalid"},
		{"price", func(c *pokot.MicrocredentialContent) { c.Price.EUR = -5 }, "price.eur", "err.mc.price_invalid"},
		{"validity", func(c *pokot.MicrocredentialContent) { c.ValidityMonths = -1 }, "validityMonths", "err.mc.validity_invalid"},
		{"contact e-mail", func(c *pokot.MicrocredentialContent) { c.Contact.Email = "anna(at)hamk.fi" }, "contact.email", "err.email_invalid"},
		{"image type", func(c *pokot.MicrocredentialContent) { c.Image = &pokot.BadgeImage{MediaType: "image/gif"} }, "image", "err.mc.image_type"},
		{"schedule", func(c *pokot.MicrocredentialContent) { c.Delivery.Schedule = "sometimes" }, "delivery.schedule", "err.mc.choice_invalid"},
	}
	for _, tt := range tests {
		c := &pokot.MicrocredentialContent{}
		tt.edit(c)
		err := pokot.ValidateDraft(c)
		var es pokot.Errors
		if !errors.As(err, &es) || len(es) != 1 || es[0].Field != tt.field || es[0].Key != tt.key || es[0].Code != pokot.EINVALID {
			t.Errorf("%s: %v, want %s at %s", tt.name, err, tt.key, tt.field)
		}
	}
}

func pngBytes(t *testing.T, w, h int) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewRGBA(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestNewBadgeImage(t *testing.T) {
	alt := pokot.Text{"fi": "Merkki"}
	img, err := pokot.NewBadgeImage(pngBytes(t, 64, 64), alt)
	if err != nil || img.MediaType != "image/png" || img.Alt["fi"] != "Merkki" {
		t.Fatalf("png: %+v %v", img, err)
	}
	bad := []struct {
		name string
		data []byte
		code string
		key  string
	}{
		{"truncated png", pngBytes(t, 8, 8)[:20], pokot.EINVALID, "err.mc.image_invalid"},
		{"huge png", pngBytes(t, 5000, 1), pokot.EINVALID, "err.mc.image_invalid"},
		{"gif", []byte("GIF89a...."), pokot.EINVALID, "err.mc.image_type"},
		{"oversized", append([]byte("<svg>"), make([]byte, pokot.MaxBadgeImage)...), pokot.ETOOLARGE, "err.mc.image_too_large"},
		{"not svg", []byte(`<html><body/></html>`), pokot.EINVALID, "err.mc.image_invalid"},
		{"malformed", []byte(`<svg><g></svg>`), pokot.EINVALID, "err.mc.image_invalid"},
		{"doctype entities", []byte(`<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>`), pokot.EINVALID, "err.mc.image_invalid"},
		{"external css", []byte(`<svg><style>@import url(https://evil.example/x.css);</style></svg>`), pokot.EINVALID, "err.mc.image_invalid"},
		{"two roots", []byte(`<svg></svg><svg></svg>`), pokot.EINVALID, "err.mc.image_invalid"},
	}
	for _, b := range bad {
		_, err := pokot.NewBadgeImage(b.data, alt)
		var e *pokot.Error
		if !errors.As(err, &e) || e.Code != b.code || e.Key != b.key || e.Field != "image" {
			t.Errorf("%s: %v, want %s %s", b.name, err, b.code, b.key)
		}
	}
}

func TestSanitizeSVG(t *testing.T) {
	in := `<?xml version="1.0"?>
<!-- made by hand -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
<script>alert(1)</script><SCRIPT type="text/ecmascript">x</SCRIPT>
<foreignObject><iframe src="https://evil.example"/></foreignObject>
<a xlink:href="javascript:alert(1)" href="https://evil.example"><circle r="4" fill="url(#g)" onclick="x()" style="fill: url('https://evil.example/t.svg')"/></a>
<use href="#c"/><image href="https://evil.example/track.png"/>
<animate attributeName="href" to="javascript:alert(1)"/><set attributeName="onclick" to="x"/>
<text x="1">K &amp; J &lt;3</text></svg>`
	out, err := pokot.SanitizeSVG([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, bad := range []string{"script", "alert", "onload", "onclick", "evil", "foreignObject", "iframe", "animate", "<set", "javascript"} {
		if strings.Contains(strings.ToLower(s), strings.ToLower(bad)) {
			t.Errorf("kept %q: %s", bad, s)
		}
	}
	for _, good := range []string{`viewBox="0 0 10 10"`, `fill="url(#g)"`, `<use href="#c"></use>`, `K &amp; J &lt;3`, `xmlns:xlink=`} {
		if !strings.Contains(s, good) {
			t.Errorf("lost %q: %s", good, s)
		}
	}
	// The result is itself clean: sanitising twice changes nothing.
	again, err := pokot.SanitizeSVG(out)
	if err != nil || !bytes.Equal(again, out) {
		t.Fatalf("not idempotent:\n%s\n%s", out, again)
	}
}

func TestParseMentions(t *testing.T) {
	people := []pokot.Mentionable{
		{UserID: 1, Email: "anna.virtanen@hamk.fi", Name: "Anna Virtanen"},
		{UserID: 2, Email: "bo@tamk.fi", Name: "Bo Berg"},
		{UserID: 3, Email: "anna.k@jamk.fi", Name: "Anna Korhonen"},
	}
	tests := []struct {
		body string
		want []int64
	}{
		{"@Anna.Virtanen@HAMK.fi katso", []int64{1}},
		{"Kiitos @bo ja @Anna Korhonen!", []int64{2, 3}},
		{"@anna.virtanen, @anna.virtanen@hamk.fi", []int64{1}},
		{"@Anna ei riitä", nil},
		{"sähköposti anna.virtanen@hamk.fi ilman ät-merkkiä", nil},
		{"@Anna Virtaseni ja @Anna Virtanenko eivät ole Anna Virtanen", nil},
		{"(@bo)", []int64{2}},
	}
	for _, tt := range tests {
		if got := pokot.ParseMentions(tt.body, people); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: %v, want %v", tt.body, got, tt.want)
		}
	}
}

func TestDiff(t *testing.T) {
	a := good()
	b := good()
	b.Title["sv"] = "Vårdrobotik"
	b.Outcomes[1].Criteria["fi"] = "Arvio on kirjallinen"
	b.Outcomes = append(b.Outcomes, pokot.LearningOutcome{Text: pokot.Text{"fi": "Ohjaa asiakasta"}})
	b.Workload.Value = 4
	b.Keywords = map[pokot.Lang][]string{"fi": {"robotiikka"}}
	b.Partners = nil
	got := pokot.Diff(a, b)
	want := []pokot.FieldChange{
		{"title.sv", "Grunderna i vårdrobotik", "Vårdrobotik"},
		{"outcomes[1].criteria.fi", "Arvio", "Arvio on kirjallinen"},
		{"outcomes[2].text.fi", "", "Ohjaa asiakasta"},
		{"workload.value", "3", "4"},
		{"keywords.fi", "", "robotiikka"},
		{"partners[0].name", "Hoivakoti Oy", ""},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("diff\n got %+v\nwant %+v", got, want)
	}
	if d := pokot.Diff(a, a); len(d) != 0 {
		t.Fatalf("self diff %+v", d)
	}
	c := good()
	c.Image.Data = []byte(`<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>`)
	if d := pokot.Diff(a, c); len(d) != 1 || d[0].Path != "image.sha256" {
		t.Fatalf("image diff %+v", d)
	}
}

func TestCheckTransition(t *testing.T) {
	designer := []pokot.Role{pokot.RoleDesigner}
	admin := []pokot.Role{pokot.RoleOrgAdmin}
	v := func(s pokot.Status) *pokot.MicrocredentialVersion {
		return &pokot.MicrocredentialVersion{Status: s, CreatedBy: 1}
	}
	tests := []struct {
		from, to pokot.Status
		user     int64
		roles    []pokot.Role
		code     string
		key      string
	}{
		{pokot.StatusDraft, pokot.StatusReview, 1, designer, "", ""},
		{pokot.StatusReview, pokot.StatusDraft, 2, designer, "", ""},
		{pokot.StatusReview, pokot.StatusApproved, 1, designer, pokot.EFORBIDDEN, "err.mc.self_approval"},
		{pokot.StatusReview, pokot.StatusApproved, 2, designer, "", ""},
		{pokot.StatusReview, pokot.StatusApproved, 1, admin, "", ""},
		{pokot.StatusApproved, pokot.StatusPublished, 1, designer, "", ""},
		{pokot.StatusPublished, pokot.StatusArchived, 1, designer, "", ""},
		{pokot.StatusDraft, pokot.StatusPublished, 1, admin, pokot.ECONFLICT, "err.mc.bad_transition"},
		{pokot.StatusPublished, pokot.StatusDraft, 1, admin, pokot.ECONFLICT, "err.mc.bad_transition"},
		{pokot.StatusArchived, pokot.StatusPublished, 1, admin, pokot.ECONFLICT, "err.mc.bad_transition"},
		{pokot.StatusDraft, pokot.StatusReview, 3, []pokot.Role{pokot.RolePartner, pokot.RoleAssessor}, pokot.EFORBIDDEN, "err.mc.forbidden"},
	}
	for _, tt := range tests {
		err := pokot.CheckTransition(v(tt.from), tt.to, tt.user, tt.roles)
		var e *pokot.Error
		if got := pokot.ErrorCode(err); got != tt.code || (err != nil && (!errors.As(err, &e) || e.Key != tt.key)) {
			t.Errorf("%s → %s by %d %v: %v, want %s %s", tt.from, tt.to, tt.user, tt.roles, err, tt.code, tt.key)
		}
	}
}

func TestISCEDFields(t *testing.T) {
	f, ok := pokot.ISCEDFieldByCode("0913")
	if !ok || f.Name["fi"] != "Hoitotyö ja kätilötyö" || f.Name["en"] != "Nursing and midwifery" || f.Parent() != "091" {
		t.Fatalf("0913: %+v", f)
	}
	for _, f := range pokot.ISCEDFields() {
		if f.Name["fi"] == "" || f.Name["sv"] == "" || f.Name["en"] == "" {
			t.Errorf("%s lacks a name", f.Code)
		}
		if p := f.Parent(); p != "" {
			if _, ok := pokot.ISCEDFieldByCode(p); !ok {
				t.Errorf("%s: parent %s missing", f.Code, p)
			}
		}
	}
	if _, ok := pokot.ISCEDFieldByCode("0999"); ok {
		t.Fatal("unknown code accepted")
	}
	if !pokot.InISCEDField("0913", "09") || pokot.InISCEDField("0913", "07") || pokot.InISCEDField("0913", "") {
		t.Fatal("InISCEDField")
	}
}

func TestThreads(t *testing.T) {
	id := func(n int64) *int64 { return &n }
	cs := []*pokot.Comment{{ID: 1}, {ID: 2}, {ID: 3, ParentID: id(1)}, {ID: 4, ParentID: id(2)}, {ID: 5, ParentID: id(1)}, {ID: 6, ParentID: id(99)}}
	th := pokot.Threads(cs)
	if len(th) != 2 || len(th[0].Replies) != 2 || th[0].Replies[1].ID != 5 || len(th[1].Replies) != 1 {
		t.Fatalf("threads %+v", th)
	}
}

// FuzzSanitizeSVG checks that whatever SanitizeSVG accepts comes out without script,
// event handlers or outside references, and that cleaning the result again changes nothing.
func FuzzSanitizeSVG(f *testing.F) {
	f.Add([]byte(`<svg onload="x"><script>alert(1)</script><a href="javascript:x"><rect/></a></svg>`))
	f.Add([]byte(`<svg><foreignObject><body/></foreignObject><use xlink:href="http://e/x#a"/></svg>`))
	f.Add([]byte(`<svg><style>@import url(x)</style><g style="fill:url(#a)"/></svg>`))
	f.Fuzz(func(t *testing.T, in []byte) {
		out, err := pokot.SanitizeSVG(in)
		if err != nil {
			return
		}
		d := xml.NewDecoder(bytes.NewReader(out))
		for {
			tok, err := d.RawToken()
			if err != nil {
				break
			}
			se, ok := tok.(xml.StartElement)
			if !ok {
				continue
			}
			switch strings.ToLower(se.Name.Local) {
			case "script", "foreignobject", "iframe", "animate", "set":
				t.Fatalf("kept <%s> in %q", se.Name.Local, out)
			}
			for _, a := range se.Attr {
				name, v := strings.ToLower(a.Name.Local), strings.ToLower(a.Value)
				if strings.HasPrefix(name, "on") || strings.Contains(v, "javascript:") ||
					((name == "href" || name == "src") && !strings.HasPrefix(strings.TrimSpace(v), "#")) {
					t.Fatalf("kept %s=%q in %q", a.Name.Local, a.Value, out)
				}
			}
		}
		again, err := pokot.SanitizeSVG(out)
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("not stable: %q → %q (%v)", out, again, err)
		}
	})
}

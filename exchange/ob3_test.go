package exchange_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential/jsonld"
	"github.com/pokot/pokot/exchange"
)

func TestAchievementCarriesTheDescription(t *testing.T) {
	e := testExport(t)
	a, err := exchange.Achievement(e)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"id":               base + "/microcredentials/17/versions/2",
		"achievementType":  "MicroCredential",
		"name":             "Hoivarobotiikan perusteet",
		"description":      "Opit käyttämään hoivarobotteja asiakastyössä turvallisesti.",
		"inLanguage":       "fi",
		"creditsAvailable": 5.0,
		"version":          "2",
		"humanCode":        "POK-17-2",
		"fieldOfStudy":     "0913 Sairaanhoito ja terveydenhoito",
	}
	for k, v := range want {
		if k == "fieldOfStudy" {
			if s, _ := a[k].(string); !strings.HasPrefix(s, "0913 ") {
				t.Errorf("fieldOfStudy = %v, want the ISCED-F code 0913 and its name", a[k])
			}
			continue
		}
		if fmt.Sprint(a[k]) != fmt.Sprint(v) {
			t.Errorf("%s = %v, want %v", k, a[k], v)
		}
	}
	tags := fmt.Sprint(a["tag"])
	for _, tag := range []string{"creditUnit:osp", "EQF:4", "assessment:demonstration", "assessment:portfolio", "participation:blended",
		"participation:work_experience", "supervision:supervised_with_id", "grading:1-5", "stackability:qualification_unit", "robotiikka"} {
		if !strings.Contains(tags, tag) {
			t.Errorf("tag[] lacks %q: %s", tag, tags)
		}
	}
	narr := a["criteria"].(map[string]any)["narrative"].(string)
	for _, s := range []string{"Osaat ottaa hoivarobotin käyttöön", "Opiskelija tunnistaa ja perustelee", "5 osp", "Laadunvarmistus", "HAMKin laatujärjestelmä",
		"Hämeen ammattikorkeakoulu (Suomi)", "Työkokemus hoitoalalta", "Valvottu verkossa tai paikan päällä", "Kerryttää tutkinnon osaa Hyvinvointiteknologian käyttö (106936)", "hamk.fi/pok",
		"Arviointitapa: Näyttö työtehtävissä, Portfolio", "Osallistumismuoto: Monimuoto, Työssä oppiminen"} {
		if !strings.Contains(narr, s) {
			t.Errorf("criteria.narrative lacks %q:\n%s", s, narr)
		}
	}
	if strings.Contains(narr, "blended") || strings.Contains(narr, "demonstration") {
		t.Errorf("criteria.narrative names codes, not their Finnish names:\n%s", narr)
	}
	var targets []string
	for _, al := range a["alignment"].([]any) {
		m := al.(map[string]any)
		targets = append(targets, m["targetType"].(string)+" "+m["targetUrl"].(string))
	}
	for _, w := range []string{"ext:ESCOSkill http://data.europa.eu/esco/skill/0f1f6c0b-6b9c-4bb1-9b2a-2d1c8c3e1e11",
		"ext:EQFLevel http://data.europa.eu/snb/eqf/4", "ext:ESCOOccupation http://data.europa.eu/esco/occupation/9b2a0b0e-2f41-4a63-9b4c-6f1b6f1c2a10", "ext:ISCEDF http://data.europa.eu/snb/isced-f/0913"} {
		if !slices.Contains(targets, w) {
			t.Errorf("alignment lacks %q: %v", w, targets)
		}
	}
	creator := a["creator"].(map[string]any)
	addr := creator["address"].(map[string]any)
	if creator["id"] != base+"/orgs/hamk" || creator["name"] != "Hämeen ammattikorkeakoulu" || addr["addressCountryCode"] != "FI" || addr["addressCountry"] != "Suomi" {
		t.Errorf("creator = %v", creator)
	}
	img := a["image"].(map[string]any)
	if !strings.HasPrefix(img["id"].(string), "data:image/png;base64,iVBOR") || img["caption"] != "Sininen robotti" {
		t.Errorf("image = %.80v", img)
	}
	var langs []string
	for _, r := range a["related"].([]any) {
		m := r.(map[string]any)
		langs = append(langs, fmt.Sprint(m["inLanguage"], ":", m["name"]))
	}
	if !slices.Contains(langs, "sv:Grunderna i vårdrobotik") || !slices.Contains(langs, "en:Basics of care robotics") {
		t.Errorf("related = %v", langs)
	}
	var grade map[string]any
	for _, r := range a["resultDescription"].([]any) {
		if m := r.(map[string]any); strings.HasSuffix(m["id"].(string), "#grade") {
			grade = m
		}
	}
	if grade == nil || fmt.Sprint(grade["allowedValue"]) != "[1 2 3 4 5]" {
		t.Errorf("grade result description = %v", grade)
	}
}

// TestAchievementCanonicalizes runs the document through RDFC-1.0 with the strict
// processor, which refuses any term the OB 3.0 context does not define (data loss).
func TestAchievementCanonicalizes(t *testing.T) {
	e := testExport(t)
	e.ImageURL = base + "/microcredentials/17/versions/2/image"
	a, err := exchange.Achievement(e)
	if err != nil {
		t.Fatal(err)
	}
	nq, err := jsonld.Default.Canonicalize(a)
	if err != nil {
		t.Fatalf("canonicalize: %v", err)
	}
	for _, s := range []string{
		"<" + base + "/microcredentials/17/versions/2> <https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsAvailable>",
		"\"http://data.europa.eu/esco/skill/0f1f6c0b-6b9c-4bb1-9b2a-2d1c8c3e1e11\"^^<https://www.w3.org/2001/XMLSchema#anyURI>",
		"\"Hoivarobotiikan perusteet\"",
		"\"Grunderna i vårdrobotik\"",
		"<" + base + "/microcredentials/17/versions/2/image>",
		"<" + base + "/orgs/hamk>",
	} {
		if !strings.Contains(nq, s) {
			t.Errorf("canonical N-Quads lack %s", s)
		}
	}
	// The same processor refuses an undefined term, so the test above can fail.
	a["poksize"] = "iso"
	if _, err := jsonld.Default.Canonicalize(a); !errors.Is(err, jsonld.ErrDataLoss) {
		t.Errorf("an undefined term canonicalized: %v", err)
	}
}

func TestExportRefusals(t *testing.T) {
	for name, tc := range map[string]struct {
		edit func(*exchange.Export)
		code string
		key  string
	}{
		"draft":          {func(e *exchange.Export) { e.Version.Status = pokot.StatusDraft }, pokot.ECONFLICT, "err.exchange.not_published"},
		"no country":     {func(e *exchange.Export) { e.Org.Country = "" }, pokot.EINVALID, "err.exchange.incomplete"},
		"relative base":  {func(e *exchange.Export) { e.BaseURL = "/pokot" }, pokot.EINVALID, "err.exchange.base_url"},
		"no outcomes":    {func(e *exchange.Export) { e.Version.Content.Outcomes = nil }, pokot.EINVALID, "err.exchange.incomplete"},
		"workload unit":  {func(e *exchange.Export) { e.Version.Content.Workload.Unit = "" }, pokot.EINVALID, "err.exchange.incomplete"},
		"no description": {func(e *exchange.Export) { e.Version.Content.Description = nil }, pokot.EINVALID, "err.exchange.incomplete"},
	} {
		t.Run(name, func(t *testing.T) {
			e := testExport(t)
			tc.edit(&e)
			_, err := exchange.Achievement(e)
			var pe *pokot.Error
			if !errors.As(err, &pe) || pe.Code != tc.code || pe.Key != tc.key {
				t.Errorf("Achievement: %v, want %s %s", err, tc.code, tc.key)
			}
		})
	}
}

package browsertest

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/pokot/pokot"
)

// checkOB3 checks that the OB 3.0 Achievement that the POK page links carries every Annex I
// element of a description and the optional ones filled in, each at its place in the JSON.
// The elements that OB 3.0 has no property for are lines of criteria.narrative, compared
// line by line.
func checkOB3(t *testing.T, doc map[string]any, org *pokot.Organisation) {
	t.Helper()
	eq := func(what string, got, want any) {
		t.Helper()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("OB 3.0 %s = %v, want %v", what, got, want)
		}
	}
	eq("achievementType", str(doc, "achievementType"), "MicroCredential")
	eq("name (title)", str(doc, "name"), pathTitleFi)
	related := map[string]string{}
	for _, r := range list(doc, "related") {
		related[str(r, "inLanguage")] = str(r, "name")
	}
	eq("related names (sv, en)", []string{related["sv"], related["en"]}, []string{pathTitleSv, pathTitleEn})
	eq("creator.name (awarding body)", str(doc, "creator", "name"), org.Name.Get(pokot.Finnish))
	eq("creator.address.addressCountryCode", str(doc, "creator", "address", "addressCountryCode"), org.Country)
	var outcomes []string
	for _, r := range list(doc, "resultDescription") {
		if strings.Contains(str(r, "id"), "#outcome-") {
			outcomes = append(outcomes, str(r, "name"))
		}
		if strings.HasSuffix(str(r, "id"), "#grade") {
			eq("grade resultDescription allowedValue (grading)", at(r, "allowedValue"), []any{"1", "2", "3", "4", "5"})
		}
	}
	eq("resultDescription outcomes", outcomes, []string{pathOut1, pathOut2})
	eq("creditsAvailable (workload)", at(doc, "creditsAvailable"), 2.5)
	var eqf, esco []string
	for _, al := range list(doc, "alignment") {
		switch str(al, "targetType") {
		case "ext:EQFLevel":
			eqf = append(eqf, str(al, "targetUrl"))
		case "ext:ESCOSkill":
			esco = append(esco, str(al, "targetUrl"))
		}
	}
	eq("EQF alignment", eqf, []string{"http://data.europa.eu/snb/eqf/4"})
	eq("ESCO skill alignment", esco, []string{pathESCO})
	var tags []string
	for _, x := range list(doc, "tag") {
		tags = append(tags, fmt.Sprint(x))
	}
	for _, tag := range []string{"creditUnit:osp", "EQF:4", "assessment:demonstration", "assessment:portfolio", "participation:blended",
		"supervision:supervised_with_id", "grading:1-5", "stackability:qualification_unit", "robotiikka"} {
		if !slices.Contains(tags, tag) {
			t.Errorf("OB 3.0 tag[] lacks %q: %v", tag, tags)
		}
	}
	lines := strings.Split(str(doc, "criteria", "narrative"), "\n")
	for _, l := range []string{
		"   - Arviointikriteerit: " + pathCrit1,
		"   - Arviointikriteerit: " + pathCrit2,
		"- Laadunvarmistus: " + pathQAFi,
		"- Myöntäjä: " + org.Name.Get(pokot.Finnish) + " (Suomi)",
		"- Edeltävät vaatimukset: " + pathPrereq,
		"- Valvonta ja henkilöllisyyden tarkistus: Valvottu verkossa tai paikan päällä, henkilöllisyys tarkistetaan",
		"- Kytkeytyminen muihin tutkintoihin: Kerryttää tutkinnon osaa Hyvinvointiteknologian käyttö (106936) https://eperusteet.opintopolku.fi/tutkinnonosa/106936",
		"- Lisätietoja: " + pathFurther,
	} {
		if !slices.Contains(lines, l) {
			t.Errorf("OB 3.0 criteria.narrative has no line %q:\n%s", l, strings.Join(lines, "\n"))
		}
	}
	eq("image.caption (alt text)", str(doc, "image", "caption"), pathAlt)
	img := str(doc, "image", "id")
	resp, err := http.Get(img)
	if err != nil {
		t.Fatalf("badge image %s: %v", img, err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/png" {
		t.Errorf("badge image %s: status %d, %s", img, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

// checkELM checks the ELM v3 Qualification of the POK the same way.
func checkELM(t *testing.T, doc map[string]any, org *pokot.Organisation) {
	t.Helper()
	eq := func(what string, got, want any) {
		t.Helper()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("ELM %s = %v, want %v", what, got, want)
		}
	}
	eq("type", str(doc, "type"), "Qualification")
	eq("title", []string{str(doc, "title", "fi"), str(doc, "title", "sv"), str(doc, "title", "en")}, []string{pathTitleFi, pathTitleSv, pathTitleEn})
	body := at(doc, "awardingOpportunity", 0, "awardingBody", 0)
	eq("awarding body legalName", str(body, "legalName", "fi"), org.Name.Get(pokot.Finnish))
	eq("awarding body country", str(body, "location", 0, "address", 0, "countryCode", "notation"), org.Country)
	var outcomes, criteria []string
	for _, o := range list(doc, "learningOutcome") {
		outcomes = append(outcomes, str(o, "title", "fi"))
		for _, n := range list(o, "additionalNote") {
			if str(n, "subject", "id") == "urn:pokot:note:criteria" {
				criteria = append(criteria, str(n, "noteLiteral", "fi"))
			}
		}
	}
	eq("learningOutcome titles", outcomes, []string{pathOut1, pathOut2})
	eq("learningOutcome criteria", criteria, []string{pathCrit1, pathCrit2})
	eq("ESCO skill of outcome 1", str(doc, "learningOutcome", 0, "relatedESCOSkill", 0, "id"), pathESCO)
	eq("creditPoint (workload)", []string{str(doc, "creditPoint", 0, "point"), str(doc, "creditPoint", 0, "framework", "id")},
		[]string{"2.5", "urn:pokot:education-credit:osp"})
	eq("eqfLevel", str(doc, "eqfLevel", "id"), "http://data.europa.eu/snb/eqf/4")
	var assess []string
	for _, a := range list(doc, "provenBy") {
		assess = append(assess, str(a, "dcType", "id"))
		eq("provenBy idVerification (supervision)", str(a, "idVerification", "id"), "urn:pokot:supervision-verification:supervised_with_id")
		eq("provenBy gradingScheme", str(a, "gradingScheme", "title", "fi"), "Asteikko 1–5")
	}
	eq("provenBy (assessment types)", assess, []string{"urn:pokot:assessment:demonstration", "urn:pokot:assessment:portfolio"})
	eq("mode (participation)", str(doc, "mode", 0, "prefLabel", "en"), "Blended")
	notes := map[string]any{}
	for _, n := range list(doc, "additionalNote") {
		notes[str(n, "subject", "id")] = at(n, "noteLiteral")
	}
	eq("quality assurance note", []string{str(notes["urn:pokot:note:qa"], "fi"), str(notes["urn:pokot:note:qa"], "sv")}, []string{pathQAFi, pathQASv})
	eq("further information note", str(notes["urn:pokot:note:more"], "fi"), pathFurther)
	eq("entryRequirement (prerequisites)", str(doc, "entryRequirement", "noteLiteral", "fi"), pathPrereq)
	eq("isPartOf (stackability)", str(doc, "isPartOf", 0, "identifier", 0, "notation"), "106936")
	eq("isPartialQualification", at(doc, "isPartialQualification"), true)
}

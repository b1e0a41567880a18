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
	eq("achievementType", jsonStr(doc, "achievementType"), "MicroCredential")
	eq("name (title)", jsonStr(doc, "name"), pathTitleFi)
	related := map[string]string{}
	for _, r := range jsonList(doc, "related") {
		related[jsonStr(r, "inLanguage")] = jsonStr(r, "name")
	}
	eq("related names (sv, en)", []string{related["sv"], related["en"]}, []string{pathTitleSv, pathTitleEn})
	eq("creator.name (awarding body)", jsonStr(doc, "creator", "name"), org.Name.Get(pokot.Finnish))
	eq("creator.address.addressCountryCode", jsonStr(doc, "creator", "address", "addressCountryCode"), org.Country)
	var outcomes []string
	for _, r := range jsonList(doc, "resultDescription") {
		if strings.Contains(jsonStr(r, "id"), "#outcome-") {
			outcomes = append(outcomes, jsonStr(r, "name"))
		}
		if strings.HasSuffix(jsonStr(r, "id"), "#grade") {
			eq("grade resultDescription allowedValue (grading)", jsonAt(r, "allowedValue"), []any{"1", "2", "3", "4", "5"})
		}
	}
	eq("resultDescription outcomes", outcomes, []string{pathOut1, pathOut2})
	eq("creditsAvailable (workload)", jsonAt(doc, "creditsAvailable"), 2.5)
	var eqf, esco []string
	for _, al := range jsonList(doc, "alignment") {
		switch jsonStr(al, "targetType") {
		case "ext:EQFLevel":
			eqf = append(eqf, jsonStr(al, "targetUrl"))
		case "ext:ESCOSkill":
			esco = append(esco, jsonStr(al, "targetUrl"))
		}
	}
	eq("EQF alignment", eqf, []string{"http://data.europa.eu/snb/eqf/4"})
	eq("ESCO skill alignment", esco, []string{pathESCO})
	var tags []string
	for _, x := range jsonList(doc, "tag") {
		tags = append(tags, fmt.Sprint(x))
	}
	for _, tag := range []string{"creditUnit:osp", "EQF:4", "assessment:demonstration", "assessment:portfolio", "participation:blended",
		"supervision:supervised_with_id", "grading:1-5", "stackability:qualification_unit", "robotiikka"} {
		if !slices.Contains(tags, tag) {
			t.Errorf("OB 3.0 tag[] lacks %q: %v", tag, tags)
		}
	}
	lines := strings.Split(jsonStr(doc, "criteria", "narrative"), "\n")
	for _, l := range []string{
		"   - Arviointikriteerit: " + pathCrit1,
		"   - Arviointikriteerit: " + pathCrit2,
		"- Arviointitapa: Näyttö työtehtävissä, Portfolio",
		"- Osallistumismuoto: Monimuoto",
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
	eq("image.caption (alt text)", jsonStr(doc, "image", "caption"), pathAlt)
	img := jsonStr(doc, "image", "id")
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
	eq("type", jsonStr(doc, "type"), "Qualification")
	eq("title", []string{jsonStr(doc, "title", "fi"), jsonStr(doc, "title", "sv"), jsonStr(doc, "title", "en")}, []string{pathTitleFi, pathTitleSv, pathTitleEn})
	body := jsonAt(doc, "awardingOpportunity", 0, "awardingBody", 0)
	eq("awarding body legalName", jsonStr(body, "legalName", "fi"), org.Name.Get(pokot.Finnish))
	eq("awarding body country", jsonStr(body, "location", 0, "address", 0, "countryCode", "notation"), org.Country)
	var outcomes, criteria []string
	for _, o := range jsonList(doc, "learningOutcome") {
		outcomes = append(outcomes, jsonStr(o, "title", "fi"))
		for _, n := range jsonList(o, "additionalNote") {
			if jsonStr(n, "subject", "id") == "urn:pokot:note:criteria" {
				criteria = append(criteria, jsonStr(n, "noteLiteral", "fi"))
			}
		}
	}
	eq("learningOutcome titles", outcomes, []string{pathOut1, pathOut2})
	eq("learningOutcome criteria", criteria, []string{pathCrit1, pathCrit2})
	eq("ESCO skill of outcome 1", jsonStr(doc, "learningOutcome", 0, "relatedESCOSkill", 0, "id"), pathESCO)
	eq("creditPoint (workload)", []string{jsonStr(doc, "creditPoint", 0, "point"), jsonStr(doc, "creditPoint", 0, "framework", "id")},
		[]string{"2.5", "urn:pokot:education-credit:osp"})
	eq("eqfLevel", jsonStr(doc, "eqfLevel", "id"), "http://data.europa.eu/snb/eqf/4")
	var assess []string
	for _, a := range jsonList(doc, "provenBy") {
		assess = append(assess, jsonStr(a, "dcType", "id"))
		eq("provenBy idVerification (supervision)", jsonStr(a, "idVerification", "id"), "urn:pokot:supervision-verification:supervised_with_id")
		eq("provenBy gradingScheme", jsonStr(a, "gradingScheme", "title", "fi"), "Asteikko 1–5")
	}
	eq("provenBy (assessment types)", assess, []string{"urn:pokot:assessment:demonstration", "urn:pokot:assessment:portfolio"})
	eq("mode (participation)", jsonStr(doc, "mode", 0, "prefLabel", "en"), "Blended")
	notes := map[string]any{}
	for _, n := range jsonList(doc, "additionalNote") {
		notes[jsonStr(n, "subject", "id")] = jsonAt(n, "noteLiteral")
	}
	eq("quality assurance note", []string{jsonStr(notes["urn:pokot:note:qa"], "fi"), jsonStr(notes["urn:pokot:note:qa"], "sv")}, []string{pathQAFi, pathQASv})
	eq("further information note", jsonStr(notes["urn:pokot:note:more"], "fi"), pathFurther)
	eq("entryRequirement (prerequisites)", jsonStr(doc, "entryRequirement", "noteLiteral", "fi"), pathPrereq)
	eq("isPartOf (stackability)", jsonStr(doc, "isPartOf", 0, "identifier", 0, "notation"), "106936")
	eq("isPartialQualification", jsonAt(doc, "isPartialQualification"), true)
}

package exchange_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/exchange"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// get follows a path like "learningOutcome[0].title.fi" through decoded JSON; a step
// "additionalNote{qa}" picks the note whose subject is urn:pokot:note:qa.
func get(doc any, path string) any {
	step := regexp.MustCompile(`^([A-Za-z@]+)(?:\[(\d+)\]|\{([a-z-]+)\})?$`)
	cur := doc
	for _, p := range strings.Split(path, ".") {
		m := step.FindStringSubmatch(p)
		if m == nil {
			return fmt.Sprintf("bad path step %q", p)
		}
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = obj[m[1]]
		switch {
		case m[2] != "":
			i, _ := strconv.Atoi(m[2])
			list, ok := cur.([]any)
			if !ok || i >= len(list) {
				return nil
			}
			cur = list[i]
		case m[3] != "":
			var found any
			list, _ := cur.([]any)
			for _, n := range list {
				if get(n, "subject.id") == "urn:pokot:note:"+m[3] {
					found = n
				}
			}
			cur = found
		}
	}
	return cur
}

// TestELMCarriesEveryAnnexIElement checks each Annex I element of a description (and the
// optional ones) at its ELM property with the expected value.
func TestELMCarriesEveryAnnexIElement(t *testing.T) {
	doc, err := exchange.ELM(testExport(t))
	if err != nil {
		t.Fatal(err)
	}
	id := base + "/microcredentials/17/versions/2"
	org := "awardingOpportunity[0].awardingBody[0]."
	for _, tc := range []struct{ element, path, want string }{
		{"type", "type", "Qualification"},
		{"2 title", "title.fi", "Hoivarobotiikan perusteet"},
		{"2 title (sv)", "title.sv", "Grunderna i vårdrobotik"},
		{"2 title (en)", "title.en", "Basics of care robotics"},
		{"3 country of the awarding body", org + "location[0].address[0].countryCode.id", "http://publications.europa.eu/resource/authority/country/FIN"},
		{"3 region", org + "location[0].address[0].fullAddress.noteLiteral.fi", "Kanta-Häme"},
		{"3 region in Swedish", org + "location[0].address[0].fullAddress.noteLiteral.sv", "Egentliga Tavastland"},
		{"4 awarding body", org + "legalName.fi", "Hämeen ammattikorkeakoulu"},
		{"4 awarding body id", org + "id", base + "/orgs/hamk"},
		{"4 registration", org + "registration.notation", "1629463-0"},
		{"4 registration country", org + "registration.spatial.id", "http://publications.europa.eu/resource/authority/country/FIN"},
		{"6 learning outcome", "learningOutcome[0].title.fi", "Osaat ottaa hoivarobotin käyttöön asiakkaan kotona."},
		{"6 learning outcome (sv)", "learningOutcome[1].title.sv", "Du bedömer etiska frågor kring användningen av robotar."},
		{"6 ESCO skill", "learningOutcome[0].relatedESCOSkill[0].id", "http://data.europa.eu/esco/skill/0f1f6c0b-6b9c-4bb1-9b2a-2d1c8c3e1e11"},
		{"6 ESCO skill label", "learningOutcome[0].relatedESCOSkill[0].prefLabel.fi", "käyttää hyvinvointiteknologiaa"},
		{"6 assessment criteria", "learningOutcome[1].additionalNote{criteria}.noteLiteral.fi", "Opiskelija tunnistaa ja perustelee eettiset riskit."},
		{"7 workload (osp, not ECTS)", "creditPoint[0].framework.id", "urn:pokot:education-credit:osp"},
		{"7 workload points", "creditPoint[0].point", "5"},
		{"8 EQF level", "eqfLevel.id", "http://data.europa.eu/snb/eqf/4"},
		{"8 NQF level", "nqfLevel.id", "urn:pokot:fi-nqf:4"},
		{"9 assessment type", "provenBy[0].dcType.id", "urn:pokot:assessment:demonstration"},
		{"9 assessment type 2", "provenBy[1].title.en", "Portfolio"},
		{"9 assessment described", "provenBy[0].description.fi", "Näyttö tehdään työpaikalla."},
		{"10 participation", "mode[0].id", "http://data.europa.eu/snb/learning-assessment/e92d221e4d"},
		{"10 participation 2", "mode[1].prefLabel.fi", "Työssä oppiminen"},
		{"11 quality assurance", "additionalNote{qa}.noteLiteral.fi", "HAMKin laatujärjestelmä (auditoitu 2023)."},
		{"opt prerequisites", "entryRequirement.noteLiteral.fi", "Työkokemus hoitoalalta."},
		{"opt supervision", "provenBy[0].idVerification.id", "urn:pokot:supervision-verification:supervised_with_id"},
		{"opt supervision label", "provenBy[0].idVerification.prefLabel.en", "Supervised online or onsite with identity verification"},
		{"opt grading", "provenBy[0].gradingScheme.title.fi", "Asteikko 1–5"},
		{"opt grading values", "provenBy[1].gradingScheme.description.en", "1, 2, 3, 4, 5"},
		{"opt stackability", "isPartOf[0].id", "https://eperusteet.opintopolku.fi/#/fi/ammatillinen/3397336/tutkinnonosat/106936"},
		{"opt stackability code", "isPartOf[0].identifier[0].notation", "106936"},
		{"opt partial qualification", "isPartialQualification", "true"},
		{"opt stackability note", "additionalNote{stackability}.noteLiteral.sv", "Kan ingå i examensdelen Användning av välfärdsteknik (106936) https://eperusteet.opintopolku.fi/#/fi/ammatillinen/3397336/tutkinnonosat/106936"},
		{"opt further info", "additionalNote{more}.noteLiteral.en", "See hamk.fi/pok"},
		{"ISCED-F", "thematicArea[0].id", "http://data.europa.eu/snb/isced-f/0913"},
		{"target group", "targetGroup[0].prefLabel.fi", "Lähihoitajat ja hoiva-avustajat"},
		{"language", "language[0].id", "http://publications.europa.eu/resource/authority/language/FIN"},
		{"language 2", "language[1].id", "http://publications.europa.eu/resource/authority/language/SWE"},
		{"learning setting", "learningSetting.id", "http://data.europa.eu/snb/learning-setting/e207a81fc7"},
		{"homepage", "homepage[0].contentURL", base + "/microcredentials/17"},
		{"id", "id", id},
		{"keywords", "category.fi[1]", "hoiva"},
	} {
		if got := fmt.Sprint(get(doc, tc.path)); got != tc.want {
			t.Errorf("%s: %s = %q, want %q", tc.element, tc.path, got, tc.want)
		}
	}
	if doc["volumeOfLearning"] != nil {
		t.Error("osp workload also given as volumeOfLearning")
	}
}

func TestELMWorkloadUnits(t *testing.T) {
	for _, tc := range []struct {
		w          pokot.Workload
		path, want string
		absent     string
	}{
		{pokot.Workload{Value: 3, Unit: pokot.UnitOP}, "creditPoint[0].framework.id", "http://data.europa.eu/snb/education-credit/6fcec5c5af", "volumeOfLearning"},
		{pokot.Workload{Value: 2.5, Unit: pokot.UnitOP}, "creditPoint[0].point", "2.5", "volumeOfLearning"},
		{pokot.Workload{Value: 27, Unit: pokot.UnitHours}, "volumeOfLearning", "PT27H", "creditPoint"},
		{pokot.Workload{Value: 7.5, Unit: pokot.UnitHours}, "volumeOfLearning", "PT7H30M", "creditPoint"},
		{pokot.Workload{Value: 0.25, Unit: pokot.UnitHours}, "volumeOfLearning", "PT15M", "creditPoint"},
		{pokot.Workload{Value: 15, Unit: pokot.UnitOSP}, "creditPoint[0].point", "15", "volumeOfLearning"},
	} {
		e := testExport(t)
		e.Version.Content.Workload = tc.w
		doc, err := exchange.ELM(e)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(get(doc, tc.path)); got != tc.want {
			t.Errorf("%v: %s = %q, want %q", tc.w, tc.path, got, tc.want)
		}
		if doc[tc.absent] != nil {
			t.Errorf("%v: %s is present", tc.w, tc.absent)
		}
	}
}

func TestELMStackability(t *testing.T) {
	e := testExport(t)
	e.Version.Content.Stackability = pokot.Stackability{Kind: pokot.StackMicrocredential, MicrocredentialID: 9}
	doc, err := exchange.ELM(e)
	if err != nil {
		t.Fatal(err)
	}
	if got := get(doc, "isPartOf[0].id"); got != base+"/microcredentials/9" || doc["isPartialQualification"] != false {
		t.Errorf("isPartOf = %v, partial %v", got, doc["isPartialQualification"])
	}
	e.Version.Content.Stackability = pokot.Stackability{}
	doc, _ = exchange.ELM(e)
	if doc["isPartOf"] != nil || get(doc, "additionalNote{stackability}.noteLiteral.en") != "Stand-alone" {
		t.Errorf("stand-alone: isPartOf %v, note %v", doc["isPartOf"], get(doc, "additionalNote{stackability}"))
	}
}

// elmTerms are the EDC application profile context's terms that the export may use, as
// read from rdf/ap/edc/edc-ap-context.jsonld in european-commission-empl/European-Learning-Model
// (ELM v3), and the classes. A key outside this list would be dropped by a JSON-LD processor.
var elmTerms = strings.Fields(`@context id type title description dcType homepage contentURL isPartialQualification
	learningSetting learningOutcome relatedESCOSkill additionalNote noteLiteral subject creditPoint framework point
	volumeOfLearning eqfLevel nqfLevel thematicArea mode entryRequirement targetGroup language notation
	awardingOpportunity awardingBody legalName registration schemeName spatial location address countryCode
	fullAddress provenBy gradingScheme idVerification isPartOf identifier category inScheme prefLabel`)

var elmClasses = strings.Fields(`Qualification WebResource LearningOutcome Concept ConceptScheme Note CreditPoint
	AwardingOpportunity Organisation LegalIdentifier Location Address LearningAssessmentSpecification GradingScheme Identifier`)

// languageMaps are the terms with "@container": "@language" in the context.
var languageMaps = strings.Fields(`title description noteLiteral legalName prefLabel category`)

func TestELMUsesOnlyContextTerms(t *testing.T) {
	doc, err := exchange.ELM(testExport(t))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if !contains(elmTerms, k) {
					t.Errorf("%s: %q is not a term of the ELM context", path, k)
				}
				if k == "type" && !contains(elmClasses, fmt.Sprint(x)) {
					t.Errorf("%s: type %v is not an ELM class", path, x)
				}
				if contains(languageMaps, k) {
					m, ok := x.(map[string]any)
					for l := range m {
						if _, ok := pokot.ParseLang(l); !ok {
							t.Errorf("%s.%s: language %q", path, k, l)
						}
					}
					if !ok || len(m) == 0 {
						t.Errorf("%s.%s is not a non-empty language map: %v", path, k, x)
					}
					continue
				}
				if k == "id" && !strings.Contains(fmt.Sprint(x), ":") {
					t.Errorf("%s: id %v is not an absolute IRI", path, x)
				}
				walk(path+"."+k, x)
			}
		case []any:
			for i, x := range v {
				walk(fmt.Sprintf("%s[%d]", path, i), x)
			}
		}
	}
	walk("$", doc)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestELMGolden compares the whole document with testdata/elm-golden.json (go test
// -update rewrites it after a deliberate change).
func TestELMGolden(t *testing.T) {
	doc, err := exchange.ELM(testExport(t))
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	file := filepath.Join("testdata", "elm-golden.json")
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the ELM document differs from %s (run go test -update after a deliberate change):\n%s", file, got)
	}
}

func TestELMRefusesDrafts(t *testing.T) {
	e := testExport(t)
	e.Version.Status = pokot.StatusReview
	if _, err := exchange.ELM(e); pokot.ErrorCode(err) != pokot.ECONFLICT {
		t.Errorf("ELM of a version in review: %v", err)
	}
	e.AllowUnpublished = true
	if _, err := exchange.ELM(e); err != nil {
		t.Errorf("preview of a version in review: %v", err)
	}
}

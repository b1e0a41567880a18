package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/pokot/pokot"
)

// TestStudioKeepsESCOLabels: the step 2 form shows one label per ESCO link (Finnish);
// saving it keeps the Swedish and English labels of the links left as they were, and
// takes the designer's own label for a link they relabelled.
func TestStudioKeepsESCOLabels(t *testing.T) {
	t.Parallel()
	e := newStudioEnv(t)
	anna := e.browser()
	anna.signin("anna@tao.fi")
	base := newDraft(t, anna, "Tunnisteet ja nimet")
	id, _ := strconv.ParseInt(base[strings.LastIndex(base, "/")+1:], 10, 64)
	u, err := e.db.UserByEmail(ctx, "anna@tao.fi")
	if err != nil {
		t.Fatal(err)
	}
	v, err := e.db.MicrocredentialVersion(ctx, e.org.ID, id, 1)
	if err != nil {
		t.Fatal(err)
	}
	const welfare, robots = "http://data.europa.eu/esco/skill/11111111-2222-4333-8444-555555555555", "http://data.europa.eu/esco/skill/66666666-7777-4888-9999-000000000000"
	c := v.Content
	c.Outcomes = []pokot.LearningOutcome{{Text: pokot.Text{"fi": "Osaa käyttää hoivarobottia."}, Skills: []pokot.Concept{
		{URI: welfare, Label: pokot.Text{"fi": "käyttää hyvinvointiteknologiaa", "sv": "använda välfärdsteknik", "en": "use welfare technology"}},
		{URI: robots, Label: pokot.Text{"fi": "hoivarobotiikka", "sv": "vårdrobotik", "en": "care robotics"}}}}}
	if _, err := e.db.UpdateDraft(ctx, e.org.ID, id, 1, u.ID, &c, v.Revision); err != nil {
		t.Fatal(err)
	}
	page := anna.get(base + "/step/2")
	wantBody(t, page, welfare+" käyttää hyvinvointiteknologiaa")
	oid := outcomeIDs(t, page)[0]
	r := saveStep(t, anna, base, 2, url.Values{"outcome": {"0"}, "outcomes-0-id": {oid}, "outcomes-0-text-fi": {"Osaa käyttää hoivarobottia turvallisesti."},
		"outcomes-0-skills": {welfare + " käyttää hyvinvointiteknologiaa\n" + robots + " robotiikka hoivatyössä"}})
	wantStatus(t, r, http.StatusSeeOther)
	v, err = e.db.MicrocredentialVersion(ctx, e.org.ID, id, 1)
	if err != nil {
		t.Fatal(err)
	}
	sk := v.Content.Outcomes[0].Skills
	if len(sk) != 2 || sk[0].Label["sv"] != "använda välfärdsteknik" || sk[0].Label["en"] != "use welfare technology" {
		t.Fatalf("unchanged link lost its labels: %+v", sk)
	}
	if sk[1].Label["fi"] != "robotiikka hoivatyössä" || len(sk[1].Label) != 1 {
		t.Fatalf("relabelled link: %+v", sk[1])
	}
}

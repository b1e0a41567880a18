package web_test

import (
	"net/http"
	"testing"
)

// A pathway of one POK, all required, reads "Suorita 1 osaamiskokonaisuus." (not "kaikki
// 1 osaamiskokonaisuutta") on the organisation's list, in Finnish, Swedish and English.
func TestPathwayRuleOfOne(t *testing.T) {
	t.Parallel()
	w := newWalletWorld(t, "anna@example.fi")
	d := w.signedIn(w.designer)
	d.get("/orgs/hamk/pathways/new")
	wantStatus(t, d.post("/orgs/hamk/pathways/new", pathwayForm([]int64{w.mc.ID}, "all", "")), http.StatusSeeOther)
	for lang, want := range map[string]string{
		"fi": "Suorita 1 osaamiskokonaisuus.",
		"sv": "Avklara 1 kompetenshelhet.",
		"en": "Complete 1 micro-credential.",
	} {
		r := d.get("/orgs/hamk/pathways?lang=" + lang)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, want)
		wantBodyNot(t, r, "kaikki 1 ", "alla 1 ", "all 1 ")
	}
}

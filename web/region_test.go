package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/pokot/pokot"
)

// TestRegionNamesTranslated: the awarding body's region is shown in the reader's language
// on the catalogue page, its JSON-LD and the organisation page, and a region typed in
// Swedish is stored by its Finnish name.
func TestRegionNamesTranslated(t *testing.T) {
	t.Parallel()
	w := newCatalogWorld(t)
	poks := w.seedCatalog()
	for _, c := range []struct{ lang, place string }{
		{"fi", "Kanta-Häme, Suomi"}, {"sv", "Egentliga Tavastland, Finland"}, {"en", "Kanta-Häme, Finland"},
	} {
		r := w.browser().get(pokPath(poks["robo"]) + "?lang=" + c.lang)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, c.place)
	}
	r := w.browser().get(pokPath(poks["robo"]) + "?lang=sv")
	wantBody(t, r, `"addressRegion": "Egentliga Tavastland"`)

	o := w.org("oamk", "OAMK")
	u := w.user("admin@oamk.fi", "Aila", false)
	w.member(o, u, pokot.RoleOrgAdmin)
	b := w.browser()
	b.signin("admin@oamk.fi")
	b.get("/orgs/oamk/settings")
	r = b.post("/orgs/oamk/settings", url.Values{"name_fi": {"Oulun ammattikorkeakoulu"}, "business_id": {"0201256-6"},
		"country": {"FI"}, "region": {"norra österbotten"}, "homepage": {""}, "logo_url": {""}})
	wantStatus(t, r, http.StatusSeeOther)
	got, err := w.db.OrgByID(ctx, o.ID)
	if err != nil || got.Region != "Pohjois-Pohjanmaa" {
		t.Fatalf("stored region %q %v", got.Region, err)
	}
	wantBody(t, b.get("/orgs/oamk?lang=sv"), "<dd>Norra Österbotten</dd>", "<dd>Finland</dd>")
	wantBody(t, b.get("/orgs/oamk?lang=en"), "<dd>North Ostrobothnia</dd>")
	wantBody(t, b.get("/orgs/oamk?lang=fi"), "<dd>Pohjois-Pohjanmaa</dd>", "<dd>Suomi</dd>")

	// A region abroad is kept as written.
	r = b.post("/orgs/oamk/settings", url.Values{"name_fi": {"Oulun ammattikorkeakoulu"}, "business_id": {"0201256-6"},
		"country": {"SE"}, "region": {"Norrbotten"}, "homepage": {""}, "logo_url": {""}})
	wantStatus(t, r, http.StatusSeeOther)
	wantBody(t, b.get("/orgs/oamk?lang=fi"), "<dd>Norrbotten</dd>", "<dd>Ruotsi</dd>")
}

package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/exchange/exchangetest"
	"github.com/pokot/pokot/i18n"
)

func pokPath(m *pokot.Microcredential) string { return fmt.Sprintf("/microcredentials/%d", m.ID) }

func TestPOKPageShowsEveryAnnexIElement(t *testing.T) {
	t.Parallel()
	w := newCatalogWorld(t)
	poks := w.seedCatalog()
	id := poks["robo"].ID
	r := w.browser().get(pokPath(poks["robo"]))
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r,
		"<h1 id=\"pok-title\">Hoivarobotiikan perusteet</h1>",
		"Hämeen ammattikorkeakoulu", "Kanta-Häme, Suomi", // awarding body, region and country
		"Opit käyttämään hoivarobotteja asiakastyössä turvallisesti.",
		"Osaat ottaa hoivarobotin käyttöön asiakkaan kotona.", // learning outcomes …
		"Arviointikriteerit", "Opiskelija valmistelee käyttöönoton ja ohjaa asiakasta.", // … each with its criteria
		"käyttää hyvinvointiteknologiaa", "lähihoitaja", // ESCO skill and occupation
		"5 osp (osaamispiste)", "EQF 4", "Hoitotyö ja kätilötyö", "suomi, ruotsi",
		"Näyttö työtehtävissä, Portfolio", "Näyttö tehdään työpaikalla.",
		"Monimuoto, Työssä oppiminen",
		"HAMKin laatujärjestelmä (auditoitu 2023).",
		"Valvottu verkossa tai paikan päällä, henkilöllisyys tarkistetaan",
		"Asteikko 1–5",
		`<a href="https://eperusteet.opintopolku.fi/#/fi/ammatillinen/3397336/tutkinnonosat/106936">Hyvinvointiteknologian käyttö</a>`, "106936",
		"Työkokemus hoitoalalta.", "Katso hamk.fi/pok", "Lähihoitajat ja hoiva-avustajat",
		"8 viikkoa", "Hämeenlinna ja verkossa", "120,50 €", "Jotpa-rahoitteinen", "36 kuukautta",
		"Hoivakoti Aurinko Oy", "Maija Meikäläinen", `href="mailto:maija.meikalainen@hamk.fi"`,
		`alt="Sininen robotti"`, fmt.Sprintf(`src="/microcredentials/%d/versions/1/image"`, id),
		fmt.Sprintf(`href="/microcredentials/%d/ob3"`, id),
		fmt.Sprintf(`href="/microcredentials/%d/elm"`, id),
		fmt.Sprintf(`href="/microcredentials/%d/csv"`, id),
		`href="/microcredentials?skill=http%3A%2F%2Fdata.europa.eu%2Fesco%2Fskill%2F0f1f6c0b-6b9c-4bb1-9b2a-2d1c8c3e1e11"`,
		"Versio 1", "julkaistu",
	)
	if strings.Contains(r.body, i18n.Missing) {
		t.Error("a catalog key is missing")
	}
	for _, l := range []struct{ lang, want string }{
		{"sv", "Grunderna i vårdrobotik"}, {"en", "Basics of care robotics"},
	} {
		r := w.browser().get(pokPath(poks["robo"]) + "?lang=" + l.lang)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, l.want, `lang="`+l.lang+`"`)
		if strings.Contains(r.body, i18n.Missing) {
			t.Errorf("%s: a catalog key is missing", l.lang)
		}
	}
	r = w.browser().get(pokPath(poks["robo"]) + "?lang=en")
	wantBody(t, r, "5 osp (Finnish vocational competence point)", "€120.50", "Assessment criteria")
}

var ldRE = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

func TestPOKPageJSONLD(t *testing.T) {
	t.Parallel()
	w := newCatalogWorld(t)
	poks := w.seedCatalog()
	r := w.browser().get(pokPath(poks["robo"]))
	m := ldRE.FindStringSubmatch(r.body)
	if m == nil {
		t.Fatal("no JSON-LD on the page")
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(m[1]), &doc); err != nil {
		t.Fatalf("JSON-LD does not parse: %v\n%s", err, m[1])
	}
	if doc["@context"] != "https://schema.org" || doc["@type"] != "Course" {
		t.Errorf("@context %v, @type %v", doc["@context"], doc["@type"])
	}
	if doc["name"] != "Hoivarobotiikan perusteet" || doc["@id"] != fmt.Sprintf("http://pokot.test/microcredentials/%d", poks["robo"].ID) {
		t.Errorf("name %v, @id %v", doc["name"], doc["@id"])
	}
	cred, _ := doc["educationalCredentialAwarded"].(map[string]any)
	if cred["@type"] != "EducationalOccupationalCredential" {
		t.Errorf("educationalCredentialAwarded %v", doc["educationalCredentialAwarded"])
	}
	prov, _ := doc["provider"].(map[string]any)
	if prov["name"] != "Hämeen ammattikorkeakoulu" {
		t.Errorf("provider %v", prov)
	}
	if teaches, _ := doc["teaches"].([]any); len(teaches) != 2 {
		t.Errorf("teaches %v", doc["teaches"])
	}
	if doc["image"] != fmt.Sprintf("http://pokot.test/microcredentials/%d/versions/1/image", poks["robo"].ID) {
		t.Errorf("image %v", doc["image"])
	}
	// A title with markup cannot end the script element.
	c := pokVariant("Testi </script><script>alert(1)</script>", "Test", "Test", "0913", 4, pokot.Workload{Value: 1, Unit: pokot.UnitOSP}, "fi")
	evil := w.published(w.hamk, c)
	r = w.browser().get(pokPath(evil))
	wantStatus(t, r, http.StatusOK)
	if strings.Contains(r.body, "<script>alert(1)") {
		t.Error("the title's markup reached the page")
	}
	m = ldRE.FindStringSubmatch(r.body)
	if m == nil || json.Unmarshal([]byte(m[1]), &doc) != nil || doc["name"] != "Testi </script><script>alert(1)</script>" {
		t.Errorf("JSON-LD of a title with markup: %v", m)
	}
}

// TestPOKPageNeedsNoInlineScript: the JSON-LD is data, so the page works under the site's
// CSP (script-src 'self', no 'unsafe-inline'): every other script has a src, and there is
// no inline style or event handler.
func TestPOKPageNeedsNoInlineScript(t *testing.T) {
	t.Parallel()
	w := newCatalogWorld(t)
	poks := w.seedCatalog()
	for _, path := range []string{pokPath(poks["robo"]), "/microcredentials?q=robotiikka&level=4"} {
		r := w.browser().get(path)
		csp := r.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		for _, tag := range regexp.MustCompile(`<script[^>]*>`).FindAllString(r.body, -1) {
			if !strings.Contains(tag, ` src="`) && tag != `<script type="application/ld+json">` {
				t.Errorf("%s: inline script %s", path, tag)
			}
		}
		if regexp.MustCompile(`\s(style|on[a-z]+)=`).MatchString(r.body) {
			t.Errorf("%s: inline style or event handler", path)
		}
	}
}

func TestDraftsAndUnknownPOKsAreNotFound(t *testing.T) {
	t.Parallel()
	w := newCatalogWorld(t)
	poks := w.seedCatalog()
	draft := pokPath(poks["draft"])
	b := w.browser()
	for _, p := range []string{draft, draft + "/ob3", draft + "/elm", draft + "/csv", draft + "/image",
		draft + "/versions/1", "/microcredentials/999999", "/microcredentials/abc", "/microcredentials/-1",
		pokPath(poks["robo"]) + "/versions/0", pokPath(poks["robo"]) + "/versions/2", pokPath(poks["robo"]) + "/versions/x"} {
		r := b.get(p)
		wantStatus(t, r, http.StatusNotFound)
		wantBody(t, r, "Sivua ei löytynyt")
		if strings.Contains(r.body, "Salainen luonnos") {
			t.Errorf("%s: the draft's title leaks", p)
		}
	}
	// In the reader's language.
	b.header.Set("Accept-Language", "sv-FI,sv;q=0.9")
	r := b.get("/microcredentials/999999")
	wantStatus(t, r, http.StatusNotFound)
	wantBody(t, r, "Sidan hittades inte", `lang="sv"`)
}

func TestEarlierPublishedVersionsStayAddressable(t *testing.T) {
	t.Parallel()
	w := newCatalogWorld(t)
	poks := w.seedCatalog()
	m := poks["laake"]
	c := pokVariant("Lähihoitajan lääkehoidon osaaminen, uudistettu", "Närvårdarens läkemedelsbehandling, förnyad",
		"Medication skills for practical nurses, renewed", "0913", 4, pokot.Workload{Value: 3, Unit: pokot.UnitOSP}, "fi")
	w.newVersion(w.hamk, m, c)
	b := w.browser()
	r := b.get(pokPath(m))
	wantBody(t, r, "Lähihoitajan lääkehoidon osaaminen, uudistettu", "Versio 2", fmt.Sprintf(`href="%s/versions/1"`, pokPath(m)))
	old := b.get(pokPath(m) + "/versions/1")
	wantStatus(t, old, http.StatusOK)
	wantBody(t, old, "Tämä on aiempi versio 1.", "2,5 osp", fmt.Sprintf(`href="%s/versions/1/ob3"`, pokPath(m)),
		fmt.Sprintf(`<link rel="canonical" href="%s">`, pokPath(m)))
	if strings.Contains(old.body, "uudistettu</h1>") {
		t.Error("version 1 shows version 2's title")
	}
	// A new draft (version 3) is not public.
	if _, err := w.db.NewVersion(ctx, w.hamk.ID, m.ID, w.designer.ID); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, b.get(pokPath(m)+"/versions/3"), http.StatusNotFound)
	wantStatus(t, b.get(pokPath(m)+"/versions/2"), http.StatusOK)
	// Search finds the published version's words, not the old ones only.
	r = b.get("/microcredentials?q=uudistettu")
	if got := resultTitles(r.body); len(got) != 1 {
		t.Errorf("q=uudistettu: %q", got)
	}
	// The old version exports as itself.
	e := b.get(pokPath(m) + "/versions/1/ob3")
	wantStatus(t, e, http.StatusOK)
	wantBody(t, e, "Lähihoitajan lääkehoidon osaaminen\"", "/versions/1\"")
}

func TestPOKExports(t *testing.T) {
	t.Parallel()
	w := newCatalogWorld(t)
	poks := w.seedCatalog()
	b := w.browser()
	base := pokPath(poks["robo"])
	for _, c := range []struct{ path, ctype, want string }{
		{"/ob3", "application/ld+json", `"Achievement"`},
		{"/elm", "application/ld+json", `"Qualification"`},
	} {
		r := b.get(base + c.path)
		wantStatus(t, r, http.StatusOK)
		if got := r.Header.Get("Content-Type"); got != c.ctype {
			t.Errorf("%s: Content-Type %q", c.path, got)
		}
		var doc map[string]any
		if err := json.Unmarshal([]byte(r.body), &doc); err != nil {
			t.Errorf("%s: %v", c.path, err)
		}
		wantBody(t, r, c.want, "Hoivarobotiikan perusteet", fmt.Sprintf("http://pokot.test/microcredentials/%d/versions/1", poks["robo"].ID))
	}
	r := b.get(base + "/csv")
	wantStatus(t, r, http.StatusOK)
	if got := r.Header.Get("Content-Type"); got != "text/csv; charset=utf-8" {
		t.Errorf("csv: Content-Type %q", got)
	}
	if got := r.Header.Get("Content-Disposition"); !regexp.MustCompile(`^attachment; filename="[a-z0-9-]+-v1\.csv"$`).MatchString(got) {
		t.Errorf("csv: Content-Disposition %q", got)
	}
	if !strings.HasPrefix(r.body, "\ufeffid;version;status;slug;") {
		t.Errorf("csv: not Excel-Finland (BOM, semicolons): %.60q", r.body)
	}
	wantBody(t, r, "Hoivarobotiikan perusteet", "data:image/png;base64,")
}

func TestBadgeImageIsServedSafely(t *testing.T) {
	t.Parallel()
	w := newCatalogWorld(t)
	pngPOK := w.published(w.hamk, exchangetest.Content())
	svg, err := pokot.NewBadgeImage([]byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script><circle cx="5" cy="5" r="4" fill="#1d5a96" onclick="alert(2)"/></svg>`),
		exchangetest.Tx("Sininen ympyrä", "Blå cirkel", "Blue circle"))
	if err != nil {
		t.Fatal(err)
	}
	c := exchangetest.Content()
	c.Title = exchangetest.Tx("Hoivarobotiikka 2", "Vårdrobotik 2", "Care robotics 2")
	c.Image = svg
	svgPOK := w.published(w.hamk, c)
	b := w.browser()
	for _, x := range []struct {
		m     *pokot.Microcredential
		ctype string
	}{{pngPOK, "image/png"}, {svgPOK, "image/svg+xml"}} {
		for _, p := range []string{pokPath(x.m) + "/image", pokPath(x.m) + "/versions/1/image"} {
			r := b.get(p)
			wantStatus(t, r, http.StatusOK)
			if got := r.Header.Get("Content-Type"); got != x.ctype {
				t.Errorf("%s: Content-Type %q", p, got)
			}
			if csp := r.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "sandbox") {
				t.Errorf("%s: CSP %q", p, csp)
			}
			if r.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("%s: no nosniff", p)
			}
			if strings.Contains(r.body, "alert") {
				t.Errorf("%s: the image carries script", p)
			}
		}
	}
	r := b.get(pokPath(svgPOK) + "?lang=sv")
	wantBody(t, r, `alt="Blå cirkel"`)
}

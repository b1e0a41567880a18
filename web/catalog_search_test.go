package web_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// resultTitles lists the titles of the result cards on a catalogue page, in order.
func resultTitles(body string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`<li class="card result">\s*<h3><a href="[^"]+">([^<]+)</a>`).FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// facetCount reads the count in the label of one filter option: name=value … (n).
func facetCount(t *testing.T, body, name, value string) int {
	t.Helper()
	re := regexp.MustCompile(`name="` + regexp.QuoteMeta(name) + `" value="` + regexp.QuoteMeta(value) + `"[^>]*>\s*<label for="[^"]+">[^<]*<span class="count">\((\d+)\)</span>`)
	m := re.FindStringSubmatch(body)
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func TestCatalogueFindsInflectedFinnish(t *testing.T) {
	t.Parallel()
	w := newCatalogWorld(t)
	w.seedCatalog()
	b := w.browser()
	for _, c := range []struct{ q, want string }{
		{"robotiikka", "Hoivarobotiikan perusteet"},
		{"hoitaja", "Lähihoitajan lääkehoidon osaaminen"},
		{"Hoivarobotiikan", "Hoivarobotiikan perusteet"},
	} {
		r := b.get("/microcredentials?q=" + c.q)
		wantStatus(t, r, http.StatusOK)
		if got := resultTitles(r.body); !has(got, c.want) {
			t.Errorf("q=%s: results %q lack %q", c.q, got, c.want)
		}
		if strings.Contains(r.body, "Salainen luonnos") {
			t.Errorf("q=%s: a draft is listed", c.q)
		}
	}
	// The words go back into the search box, escaped.
	r := b.get("/microcredentials?q=%3Cb%3Erobo")
	wantBody(t, r, `value="&lt;b&gt;robo"`)
}

func TestCatalogueListsOnlyPublished(t *testing.T) {
	t.Parallel()
	w := newCatalogWorld(t)
	w.seedCatalog()
	r := w.browser().get("/microcredentials")
	wantStatus(t, r, http.StatusOK)
	got := resultTitles(r.body)
	if len(got) != 5 {
		t.Fatalf("results %q, want the 5 published POKs", got)
	}
	if strings.Contains(r.body, "Salainen luonnos") {
		t.Error("a draft is listed")
	}
	wantBody(t, r, "5 osaamiskokonaisuutta", "2,5 osp", "40 tuntia", "3 op", "Hämeen ammattikorkeakoulu",
		"EQF 4", "Hoitotyö ja kätilötyö", `<legend>Koulutusala</legend>`, `aria-current="page">Osaamiskokonaisuudet</a>`)
}

func TestCatalogueFiltersNarrowAndCountsMatch(t *testing.T) {
	t.Parallel()
	w := newCatalogWorld(t)
	w.seedCatalog()
	b := w.browser()
	all := b.get("/microcredentials")
	for _, c := range []struct {
		name, value string
		titles      []string
	}{
		{"level", "4", []string{"Hoivarobotiikan perusteet", "Lähihoitajan lääkehoidon osaaminen", "Robottihitsauksen perusteet"}},
		{"field", "09", []string{"Hoivarobotiikan perusteet", "Lähihoitajan lääkehoidon osaaminen"}},
		{"unit", "osp", []string{"Hoivarobotiikan perusteet", "Lähihoitajan lääkehoidon osaaminen", "Robottihitsauksen perusteet"}},
		{"language", "en", []string{"Robottihitsauksen perusteet", "Asiakaspalvelu matkailualalla"}},
		{"org", strconv.FormatInt(w.omnia.ID, 10), []string{"Robottihitsauksen perusteet", "Tietomallinnus rakennustyömaalla"}},
		{"participation", "blended", []string{"Hoivarobotiikan perusteet", "Lähihoitajan lääkehoidon osaaminen",
			"Robottihitsauksen perusteet", "Tietomallinnus rakennustyömaalla", "Asiakaspalvelu matkailualalla"}},
		{"jotpa", "1", []string{"Hoivarobotiikan perusteet"}},
		{"stackable", "1", []string{"Hoivarobotiikan perusteet"}},
		{"skill", "http://data.europa.eu/esco/skill/0f1f6c0b-6b9c-4bb1-9b2a-2d1c8c3e1e11", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := b.get("/microcredentials?" + c.name + "=" + c.value)
			wantStatus(t, r, http.StatusOK)
			got := resultTitles(r.body)
			if c.titles != nil {
				if len(got) != len(c.titles) {
					t.Fatalf("results %q, want %q", got, c.titles)
				}
				for _, ti := range c.titles {
					if !has(got, ti) {
						t.Errorf("results %q lack %q", got, ti)
					}
				}
			}
			// The count shown next to the option before filtering is the number of results after.
			var shown int
			if c.name == "jotpa" || c.name == "stackable" {
				m := regexp.MustCompile(`id="f-` + c.name + `" name="` + c.name + `" value="1">\s*<label[^>]*>[^<]*<span class="count">\((\d+)\)`).FindStringSubmatch(all.body)
				if m == nil {
					t.Fatalf("no %s checkbox with a count", c.name)
				}
				shown, _ = strconv.Atoi(m[1])
			} else {
				shown = facetCount(t, all.body, c.name, c.value)
			}
			if shown != len(got) {
				t.Errorf("option %s=%s shows (%d), the filter gives %d results", c.name, c.value, shown, len(got))
			}
			if !strings.Contains(r.body, fmt.Sprintf("%d osaamiskokonaisuu", len(got))) {
				t.Errorf("the result count %d is not in the heading", len(got))
			}
			if !strings.Contains(r.body, `class="chip"`) {
				t.Error("the filter in use has no removable chip")
			}
		})
	}
	// Two filters together, and the chosen filter's other values keep their counts.
	r := b.get("/microcredentials?level=4&unit=osp&min=3")
	got := resultTitles(r.body)
	if len(got) != 2 || !has(got, "Hoivarobotiikan perusteet") || !has(got, "Robottihitsauksen perusteet") {
		t.Errorf("level 4, ≥ 3 osp: %q", got)
	}
	if n := facetCount(t, r.body, "level", "5"); n != 0 && n != -1 {
		t.Errorf("level 5 with ≥ 3 osp shows %d", n)
	}
	if n := facetCount(t, r.body, "unit", "op"); n != 0 && n != -1 {
		t.Errorf("unit op within level 4 shows %d", n)
	}
	r = b.get("/microcredentials?level=4")
	if n := facetCount(t, r.body, "level", "5"); n != 1 {
		t.Errorf("with level 4 chosen, level 5 shows (%d), want the 1 it would give", n)
	}
}

func TestCatalogueFacetNamesInTheReadersLanguage(t *testing.T) {
	t.Parallel()
	w := newCatalogWorld(t)
	w.seedCatalog()
	for _, c := range []struct {
		lang  string
		wants []string
	}{
		{"fi", []string{`lang="fi"`, "Terveys- ja hyvinvointialat", "Monimuoto", "2,5 osp", "Hämeen ammattikorkeakoulu", "englanti", "Hae"}},
		{"sv", []string{`lang="sv"`, "Hälsovård och välfärd", "Flerformsundervisning", "2,5 kp", "Tavastlands yrkeshögskola", "engelska", "Sök"}},
		{"en", []string{`lang="en"`, "Health and welfare", "Blended", "2.5 osp", "Häme University of Applied Sciences", "English", "Search"}},
	} {
		r := w.browser().get("/microcredentials?lang=" + c.lang)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, c.wants...)
		if strings.Contains(r.body, i18n.Missing) {
			t.Errorf("%s: a catalog key is missing", c.lang)
		}
	}
}

func TestCataloguePagination(t *testing.T) {
	t.Parallel()
	w := newCatalogWorld(t)
	for i := 1; i <= 23; i++ {
		w.published(w.hamk, pokVariant(fmt.Sprintf("Sähköturvallisuus osa %02d", i), fmt.Sprintf("Elsäkerhet del %02d", i),
			fmt.Sprintf("Electrical safety part %02d", i), "0713", 3, pokot.Workload{Value: float64(i), Unit: pokot.UnitHours}, "fi"))
	}
	b := w.browser()
	p1 := b.get("/microcredentials?q=s%C3%A4hk%C3%B6turvallisuus&sort=title")
	wantStatus(t, p1, http.StatusOK)
	t1 := resultTitles(p1.body)
	if len(t1) != 20 || t1[0] != "Sähköturvallisuus osa 01" {
		t.Fatalf("page 1: %d results, first %q", len(t1), t1)
	}
	wantBody(t, p1, "23 osaamiskokonaisuutta", `rel="next"`, `aria-label="Tulossivut"`)
	next := regexpFind(`href="([^"]+)" rel="next"`, p1.body)
	p2 := b.get(strings.ReplaceAll(next, "&amp;", "&"))
	t2 := resultTitles(p2.body)
	if len(t2) != 3 || t2[0] != "Sähköturvallisuus osa 21" {
		t.Fatalf("page 2 (%s): %q", next, t2)
	}
	wantBody(t, p2, `rel="prev"`, "q=s%C3%A4hk%C3%B6turvallisuus")
	if strings.Contains(p2.body, `rel="next"`) {
		t.Error("the last page links to a next page")
	}
	// A page after the last one says so and links back to page 1.
	p9 := b.get("/microcredentials?q=s%C3%A4hk%C3%B6turvallisuus&page=9")
	wantStatus(t, p9, http.StatusOK)
	wantBody(t, p9, "Tällä sivulla ei ole enää tuloksia")
}

func TestCatalogueEmptyStateHelps(t *testing.T) {
	t.Parallel()
	w := newCatalogWorld(t)
	w.seedCatalog()
	b := w.browser()
	r := b.get("/microcredentials?q=xyzzyplugh")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Ei hakutuloksia haulla ”xyzzyplugh”.", "Tarkista sanojen kirjoitusasu", `href="/microcredentials"`)
	r = b.get("/microcredentials?q=robotiikka&level=8")
	wantBody(t, r, "Poista rajaukset ja hae samoilla sanoilla", `href="/microcredentials?q=robotiikka"`)
	r = b.get("/microcredentials?q=xyzzyplugh&lang=sv")
	wantBody(t, r, "Inga resultat för sökningen ”xyzzyplugh”.")
}

func TestCatalogueBadParametersAreExplained(t *testing.T) {
	t.Parallel()
	w := newCatalogWorld(t)
	w.seedCatalog()
	b := w.browser()
	for _, c := range []struct{ query, want string }{
		{"page=-1", "Sivunumero ”-1” ei kelpaa"},
		{"page=abc", "Sivunumero ”abc” ei kelpaa"},
		{"page=99999999999999999999", "ei kelpaa"},
		{"level=99", "Taso ”99” ei ole EQF-taso"},
		{"level=x", "Taso ”x” ei ole EQF-taso"},
		{"unit=xyz", "Yksikköä ”xyz” ei tunneta"},
		{"min=2&max=5", "Laajuuden rajaus tarvitsee yksikön"},
		{"min=abc", "”abc” ei ole luku"},
		{"field=9999", "Koulutusalaa ”9999” ei tunneta"},
		{"org=-4", "Järjestäjää ”-4” ei tunneta"},
		{"sort=random", "Järjestystä ”random” ei tunneta"},
		{"participation=telepathy", "Osallistumistapaa ”telepathy” ei tunneta"},
		{"skill=javascript:alert(1)", "ei ole ESCO-osoite"},
		{"language=klingon", "Kieltä ”klingon” ei tunneta"},
	} {
		r := b.get("/microcredentials?" + c.query)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, "Osa hakuehdoista ohitettiin", c.want)
		if got := resultTitles(r.body); len(got) != 5 {
			t.Errorf("%s: %d results, want the whole catalogue (the bad value ignored)", c.query, len(got))
		}
	}
	// Decimal commas are numbers, and a range is within the unit.
	r := b.get("/microcredentials?unit=osp&min=2,5&max=5")
	if got := resultTitles(r.body); len(got) != 2 {
		t.Errorf("2,5–5 osp: %q", got)
	}
	if strings.Contains(r.body, "Osa hakuehdoista ohitettiin") {
		t.Error("a valid decimal comma was refused")
	}
	// Unknown organisation number that is well-formed: no results, no error.
	r = b.get("/microcredentials?org=999999")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Näillä rajauksilla ei löytynyt")
}

// TestCataloguePageCacheKeepsPagesApart: the reused page is only ever the same URL in the
// same language for an anonymous visitor; a signed-in visitor gets their own page.
func TestCataloguePageCacheKeepsPagesApart(t *testing.T) {
	t.Parallel()
	w := newCatalogWorld(t)
	w.seedCatalog()
	anon := w.browser()
	wantBody(t, anon.get("/microcredentials?q=robotiikka"), `lang="fi"`, "Kirjaudu sisään")
	sv := w.browser()
	sv.header.Set("Accept-Language", "sv")
	r := sv.get("/microcredentials?q=robotiikka")
	wantBody(t, r, `lang="sv"`, "Grunderna i vårdrobotik")
	me := w.browser()
	me.signin("suunnittelija@hamk.fi")
	r = me.get("/microcredentials?q=robotiikka")
	wantBody(t, r, "Sanna Suunnittelija", `action="/signout"`)
	if strings.Contains(anon.get("/microcredentials?q=robotiikka").body, "Sanna Suunnittelija") {
		t.Error("a signed-in visitor's page was shown to an anonymous one")
	}
}

func TestHomePageHasACatalogueSearch(t *testing.T) {
	t.Parallel()
	w := newCatalogWorld(t)
	r := w.browser().get("/")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, `action="/microcredentials"`, `name="q"`, `<a href="/microcredentials">Osaamiskokonaisuudet</a>`)
}

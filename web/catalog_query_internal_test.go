package web

import (
	"net/url"
	"testing"

	"github.com/pokot/pokot"
)

func TestParseCatalogParams(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in       string
		want     pokot.CatalogQuery
		problems []string
	}{
		{"", pokot.CatalogQuery{Page: 1}, nil},
		{"q=++l%C3%A4hi++hoitaja+&page=2", pokot.CatalogQuery{Q: "lähi hoitaja", Page: 2}, nil},
		{"level=4&field=0913&unit=osp&min=2,5&max=10&org=3&language=FI&participation=online&jotpa=1&stackable=on&sort=title",
			pokot.CatalogQuery{Level: 4, Field: "0913", Unit: pokot.UnitOSP, Min: 2.5, Max: 10, Org: 3, Language: "fi",
				Participation: pokot.ParticipationOnline, Jotpa: true, StackableToQualification: true, Sort: pokot.SortTitle, Page: 1}, nil},
		{"page=-1", pokot.CatalogQuery{Page: 1}, []string{"catalogue.bad.page"}},
		{"page=0", pokot.CatalogQuery{Page: 1}, []string{"catalogue.bad.page"}},
		{"page=5000", pokot.CatalogQuery{Page: maxCatalogPage}, []string{"catalogue.bad.page_high"}},
		{"level=99", pokot.CatalogQuery{Page: 1}, []string{"catalogue.bad.level"}},
		{"level=0", pokot.CatalogQuery{Page: 1}, []string{"catalogue.bad.level"}},
		{"unit=xyz", pokot.CatalogQuery{Page: 1}, []string{"catalogue.bad.unit"}},
		{"unit=h&min=NaN", pokot.CatalogQuery{Unit: pokot.UnitHours, Page: 1}, []string{"catalogue.bad.number"}},
		{"unit=h&min=-3", pokot.CatalogQuery{Unit: pokot.UnitHours, Page: 1}, []string{"catalogue.bad.number"}},
		{"min=1", pokot.CatalogQuery{Page: 1}, []string{"catalogue.bad.range_unit"}},
		{"unit=op&min=10&max=5", pokot.CatalogQuery{Unit: pokot.UnitOP, Min: 5, Max: 10, Page: 1}, []string{"catalogue.bad.range_order"}},
		{"sort=relevance", pokot.CatalogQuery{Page: 1}, nil}, // no words, nothing to be relevant to
		{"sort=evil", pokot.CatalogQuery{Page: 1}, []string{"catalogue.bad.sort"}},
		{"skill=ftp://x/y", pokot.CatalogQuery{Page: 1}, []string{"catalogue.bad.skill"}},
		{"field=09&org=0", pokot.CatalogQuery{Field: "09", Page: 1}, []string{"catalogue.bad.org"}},
		{"jotpa=maybe", pokot.CatalogQuery{Page: 1}, nil},
	} {
		v, err := url.ParseQuery(c.in)
		if err != nil {
			t.Fatal(err)
		}
		p := parseCatalogParams(v, pokot.Finnish)
		got := p.Query
		got.Lang, got.PerPage = "", 0
		if got != c.want {
			t.Errorf("%q:\n got %+v\nwant %+v", c.in, got, c.want)
		}
		var keys []string
		for _, pr := range p.Problems {
			keys = append(keys, pr.Key)
		}
		if len(keys) != len(c.problems) {
			t.Errorf("%q: problems %q, want %q", c.in, keys, c.problems)
			continue
		}
		for i := range keys {
			if keys[i] != c.problems[i] {
				t.Errorf("%q: problems %q, want %q", c.in, keys, c.problems)
			}
		}
	}
}

func TestCatalogLinksKeepTheSearch(t *testing.T) {
	t.Parallel()
	v, _ := url.ParseQuery("q=hoito&level=4&unit=osp&min=2,5&page=3&bogus=1&level=5")
	p := parseCatalogParams(v, pokot.Finnish)
	if got := p.link(); got != "/microcredentials?level=4&min=2%2C5&q=hoito&unit=osp" {
		t.Errorf("link() = %q", got)
	}
	if got := p.link(pUnit, ""); got != "/microcredentials?level=4&q=hoito" {
		t.Errorf("without unit = %q (the range goes with the unit)", got)
	}
	if got := p.link(pPage, "2"); got != "/microcredentials?level=4&min=2%2C5&page=2&q=hoito&unit=osp" {
		t.Errorf("page 2 = %q", got)
	}
	pg := newPager(p, 95)
	if pg == nil || pg.Last != 5 || pg.Page != 3 || pg.PrevURL == "" || pg.NextURL == "" {
		t.Fatalf("pager %+v", pg)
	}
	if n := len(pg.Links); n != 5 {
		t.Errorf("%d page links, want 1–5", n)
	}
	if newPager(p, 20) != nil {
		t.Error("one page of results has a pager")
	}
}

func TestNumbersInTheReadersLanguage(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		l    pokot.Lang
		w    pokot.Workload
		want string
	}{
		{pokot.Finnish, pokot.Workload{Value: 2.5, Unit: pokot.UnitOSP}, "2,5 osp"},
		{pokot.Swedish, pokot.Workload{Value: 2.5, Unit: pokot.UnitOSP}, "2,5 kp"},
		{pokot.English, pokot.Workload{Value: 2.5, Unit: pokot.UnitOSP}, "2.5 osp"},
		{pokot.Finnish, pokot.Workload{Value: 5, Unit: pokot.UnitOP}, "5 op"},
		{pokot.Finnish, pokot.Workload{Value: 40, Unit: pokot.UnitHours}, "40 tuntia"},
		{pokot.Finnish, pokot.Workload{}, ""},
	} {
		if got := workloadText(c.l, c.w); got != c.want {
			t.Errorf("%s %v: %q, want %q", c.l, c.w, got, c.want)
		}
	}
	if got := priceText(pokot.Finnish, pokot.Price{EUR: 1200}); got != "1200 €" {
		t.Errorf("price %q", got)
	}
	if got := languageNames(pokot.Swedish, []string{"fi", "sv"}); got != "finska, svenska" {
		t.Errorf("languages %q", got)
	}
	if got := summary("Yksi kaksi kolme neljä viisi kuusi", 15); got != "Yksi kaksi…" {
		t.Errorf("summary %q", got)
	}
}

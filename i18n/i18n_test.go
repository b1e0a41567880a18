package i18n_test

import (
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// TestCatalogsHaveTheSameKeys: every key exists in all three languages and none is empty.
func TestCatalogsHaveTheSameKeys(t *testing.T) {
	fi := i18n.Keys(pokot.Finnish)
	if len(fi) < 100 {
		t.Fatalf("only %d Finnish keys", len(fi))
	}
	for _, l := range pokot.Langs {
		for _, k := range i18n.Keys(l) {
			for _, other := range pokot.Langs {
				if !i18n.Has(other, k) {
					t.Errorf("key %q is in %s but not in %s", k, l, other)
				}
			}
			if i18n.T(l, k) == "" {
				t.Errorf("%s: %q is empty", l, k)
			}
		}
	}
}

// TestPlaceholdersMatch: a translation uses the same {placeholders} as the Finnish text.
func TestPlaceholdersMatch(t *testing.T) {
	for _, k := range i18n.Keys(pokot.Finnish) {
		want := placeholders(i18n.T(pokot.Finnish, k))
		for _, l := range []pokot.Lang{pokot.Swedish, pokot.English} {
			got := placeholders(i18n.T(l, k))
			if len(got) != len(want) {
				t.Errorf("%s %q: placeholders %v, Finnish has %v", l, k, got, want)
				continue
			}
			for p := range want {
				if !got[p] {
					t.Errorf("%s %q: lacks {%s}", l, k, p)
				}
			}
		}
	}
}

func placeholders(s string) map[string]bool {
	m := map[string]bool{}
	for {
		i := indexByte(s, '{')
		if i < 0 {
			return m
		}
		j := indexByte(s[i:], '}')
		if j < 0 {
			return m
		}
		m[s[i+1:i+j]] = true
		s = s[i+j:]
	}
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func TestT(t *testing.T) {
	if got := i18n.T(pokot.Finnish, "dash.hello", "name", "Maija"); got != "Hei Maija!" {
		t.Errorf("T = %q", got)
	}
	if got := i18n.T(pokot.Swedish, "no.such.key"); got != "⟦no.such.key⟧" {
		t.Errorf("missing key = %q", got)
	}
	if got := i18n.T("de", "dash.hello"); got != "⟦dash.hello⟧" {
		t.Errorf("unknown language = %q", got)
	}
}

func TestNegotiate(t *testing.T) {
	for h, want := range map[string]pokot.Lang{
		"":                        pokot.Finnish,
		"fi-FI,fi;q=0.9":          pokot.Finnish,
		"sv-FI":                   pokot.Swedish,
		"sv-SE,en;q=0.8":          pokot.Swedish,
		"en-GB,en;q=0.9,fi;q=0.5": pokot.English,
		"de-DE,de;q=0.9":          pokot.Finnish,
		"de-DE,en;q=0.5":          pokot.English,
		"*":                       pokot.Finnish,
		";;;garbage===":           pokot.Finnish,
	} {
		if got := i18n.Negotiate(h); got != want {
			t.Errorf("Negotiate(%q) = %s, want %s", h, got, want)
		}
	}
}

func TestDateTime(t *testing.T) {
	summer := time.Date(2025, 10, 7, 11, 0, 0, 0, time.UTC) // 14.00 EEST (UTC+3)
	winter := time.Date(2025, 12, 1, 7, 5, 0, 0, time.UTC)  // 9.05 EET (UTC+2), a Monday
	for _, c := range []struct {
		name, got, want string
	}{
		{"fi range", i18n.Range(pokot.Finnish, summer, summer.Add(2*time.Hour)), "ti 7.10.2025 klo 14.00–16.00"},
		{"sv range", i18n.Range(pokot.Swedish, summer, summer.Add(2*time.Hour)), "tis 7.10.2025 kl. 14.00–16.00"},
		{"en range", i18n.Range(pokot.English, summer, summer.Add(2*time.Hour)), "Tue 7 Oct 2025, 14:00–16:00"},
		{"fi two days", i18n.Range(pokot.Finnish, summer, summer.Add(24*time.Hour)), "ti 7.10.2025 klo 14.00 – ke 8.10.2025 klo 14.00"},
		{"fi no end", i18n.Range(pokot.Finnish, summer, time.Time{}), "ti 7.10.2025 klo 14.00"},
		{"fi winter", i18n.DateTime(pokot.Finnish, winter), "ma 1.12.2025 klo 9.05"},
		{"fi date", i18n.Date(pokot.Finnish, winter), "1.12.2025"},
		{"en date", i18n.Date(pokot.English, winter), "1 Dec 2025"},
		{"sv day", i18n.Day(pokot.Swedish, winter), "mån 1.12.2025"},
		// 23.30 UTC on 31 Dec is already New Year's Day in Helsinki.
		{"fi new year", i18n.Day(pokot.Finnish, time.Date(2025, 12, 31, 23, 30, 0, 0, time.UTC)), "to 1.1.2026"},
	} {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.name, c.got, c.want)
		}
	}
}

// TestNChoosesTheSingular: N picks the _one sentence for 1 only, falls back to the plain key
// or the _other key, and fills {n}.
func TestNChoosesTheSingular(t *testing.T) {
	for _, c := range []struct {
		l    pokot.Lang
		key  string
		n    int
		want string
	}{
		{pokot.Finnish, "catalogue.validity_months", 1, "1 kuukausi"},
		{pokot.Finnish, "catalogue.validity_months", 3, "3 kuukautta"},
		{pokot.Finnish, "catalogue.validity_months", 0, "0 kuukautta"},
		{pokot.Swedish, "catalogue.validity_months", 1, "1 månad"},
		{pokot.English, "catalogue.validity_months", 12, "12 months"},
		{pokot.Finnish, "wallet2.pathway.stacks", 1, "Kokoaa 1 osaamismerkin:"},
		{pokot.Finnish, "wallet2.pathway.stacks", 2, "Kokoaa 2 osaamismerkkiä:"},
		{pokot.Finnish, "catalogue.count", 1, "1 osaamiskokonaisuus"},
		{pokot.Finnish, "catalogue.count", 7, "7 osaamiskokonaisuutta"},
		{pokot.English, "catalogue.count", 1, "1 micro-credential"},
		{pokot.Finnish, "studio.pv.months", 1, "1 kuukausi"},
		{pokot.Finnish, "studio.checks_passed", 1, "Kunnossa olevat (1)"},
		{pokot.Finnish, "pathway.rule_all", 1, "Suorita 1 osaamiskokonaisuus."},
		{pokot.English, "pathway.rule_all", 1, "Complete 1 micro-credential."},
	} {
		if got := i18n.N(c.l, c.key, c.n); got != c.want {
			t.Errorf("N(%s, %q, %d) = %q, want %q", c.l, c.key, c.n, got, c.want)
		}
	}
	// Other placeholders pass through after n.
	if got := i18n.N(pokot.Swedish, "pathway.rule_all", 3, "m", 3); got != "Avklara alla 3 kompetenshelheter." {
		t.Errorf("N with args: %q", got)
	}
	if got := i18n.N(pokot.Finnish, "no.such.key", 1); got != i18n.Missing+"no.such.key⟧" {
		t.Errorf("missing key: %q", got)
	}
}

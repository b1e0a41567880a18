package web

import (
	"testing"

	"github.com/pokot/pokot"
)

// Counts read right in Finnish for 1 and for more: the catalogue's result count and a
// POK's validity fact ("1 kuukausi", not "1 kuukautta").
func TestCountAgreement(t *testing.T) {
	for _, c := range []struct {
		l    pokot.Lang
		n    int
		want string
	}{
		{pokot.Finnish, 1, "1 osaamiskokonaisuus"},
		{pokot.Finnish, 4, "4 osaamiskokonaisuutta"},
		{pokot.Swedish, 1, "1 kompetenshelhet"},
		{pokot.English, 0, "0 micro-credentials"},
	} {
		if got := countText(c.l, c.n); got != c.want {
			t.Errorf("countText(%s, %d) = %q, want %q", c.l, c.n, got, c.want)
		}
	}
	validity := func(l pokot.Lang, months int) string {
		for _, f := range pokFacts(l, &pokot.MicrocredentialContent{ValidityMonths: months}) {
			if f.Key == "catalogue.fact.validity" {
				return f.Value
			}
		}
		return ""
	}
	for _, c := range []struct {
		l      pokot.Lang
		months int
		want   string
	}{
		{pokot.Finnish, 1, "1 kuukausi"},
		{pokot.Finnish, 24, "24 kuukautta"},
		{pokot.Swedish, 1, "1 månad"},
		{pokot.English, 1, "1 month"},
		{pokot.English, 6, "6 months"},
	} {
		if got := validity(c.l, c.months); got != c.want {
			t.Errorf("validity %s %d = %q, want %q", c.l, c.months, got, c.want)
		}
	}
}

package pokot_test

import (
	"testing"

	"github.com/pokot/pokot"
)

func TestCountryAndLanguageNames(t *testing.T) {
	for _, tc := range []struct {
		l          pokot.Lang
		code, want string
	}{
		{pokot.Finnish, "FI", "Suomi"}, {pokot.Swedish, "FI", "Finland"}, {pokot.English, "fi", "Finland"},
		{pokot.Finnish, "SE", "Ruotsi"}, {pokot.Swedish, "EE", "Estland"}, {pokot.English, "NO", "Norway"},
		{pokot.English, "XX", "XX"}, {pokot.English, "EU", "EU"}, {pokot.English, "not a code", "NOT A CODE"}, {pokot.English, "", ""},
	} {
		if got := pokot.CountryName(tc.l, tc.code); got != tc.want {
			t.Errorf("CountryName(%s, %q) = %q, want %q", tc.l, tc.code, got, tc.want)
		}
	}
	for _, tc := range []struct {
		l         pokot.Lang
		tag, want string
	}{{pokot.Finnish, "sv", "ruotsi"}, {pokot.Swedish, "fi", "finska"}, {pokot.English, "de", "German"}, {pokot.English, "%%", "%%"}} {
		if got := pokot.LanguageName(tc.l, tc.tag); got != tc.want {
			t.Errorf("LanguageName(%s, %q) = %q, want %q", tc.l, tc.tag, got, tc.want)
		}
	}
}

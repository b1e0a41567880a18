package pokot

import (
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// CountryName is the name of an ISO 3166-1 alpha-2 country code in language l, e.g.
// "FI" → "Suomi" (fi), "Finland" (sv, en), from the CLDR data of golang.org/x/text. An
// unknown or malformed code is returned as it is (upper-cased), never guessed.
func CountryName(l Lang, code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	r, err := language.ParseRegion(code)
	if err != nil || !r.IsCountry() {
		return code
	}
	if n := display.Regions(language.Make(string(l))).Name(r); n != "" {
		return n
	}
	return code
}

// LanguageName is the name of a language (a BCP 47 tag such as "fi" or "de") in language
// l, e.g. "fi" → "suomi" (fi), "finska" (sv), "Finnish" (en); an unknown tag is returned
// as it is.
func LanguageName(l Lang, tag string) string {
	t, err := language.Parse(strings.TrimSpace(tag))
	if err != nil {
		return tag
	}
	if n := display.Languages(language.Make(string(l))).Name(t); n != "" {
		return n
	}
	return tag
}

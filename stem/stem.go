// Package stem reduces Finnish, Swedish and English words to stems, after the Snowball
// algorithms of Martin Porter et al. (snowballstem.org, BSD licence; written here in Go from
// the published descriptions), and normalises text for the catalogue search: lower case,
// letters and digits only, each word stemmed.
//
// Stemming is what lets a query "robotiikka" find "Hoivarobotiikan perusteet": both become
// "...robotiik", and the search matches stems as substrings so that compound words match
// their parts.
package stem

import (
	"strings"
	"unicode"
)

// Word stems one lower-case word in lang ("fi", "sv" or "en"); other languages pass through.
func Word(lang, w string) string {
	switch lang {
	case "fi":
		return Finnish(w)
	case "sv":
		return Swedish(w)
	case "en":
		return English(w)
	}
	return w
}

// Words splits s into lower-case words of letters and digits.
func Words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Text returns s as space-separated stems in lang, for storing as search text.
func Text(lang, s string) string {
	ws := Words(s)
	for i, w := range ws {
		ws[i] = Word(lang, w)
	}
	return strings.Join(ws, " ")
}

// Query returns, for each word of a query in an unknown language, the stems to look for
// as substrings of the stored stemmed text: the word stemmed in each of langs, and for
// Finnish stems of eight letters or more also the stem without its last two letters, which
// bridges consonant gradation the stemmer leaves alone (lääkehoito/lääkehoidon,
// rakentaminen/rakentamisen), and the Finnish nominative of -us/-ys/-os/-ös and -nen nouns
// without its ending, whose other cases change the stem (hitsaus/hitsauksen,
// osaaminen/osaamisen). A stem that contains another of the same word's stems is
// dropped, since the shorter one matches wherever it does. A document matches a word when
// it contains one of the word's stems.
func Query(q string, langs ...string) [][]string {
	var out [][]string
	for _, w := range Words(q) {
		var cand []string
		for _, l := range langs {
			s := Word(l, w)
			cand = append(cand, s)
			if l != "fi" {
				continue
			}
			if r := []rune(s); len(r) >= 8 {
				cand = append(cand, string(r[:len(r)-2]))
			}
			if r := []rune(w); len(r) >= 7 && strings.HasSuffix(w, "nen") {
				cand = append(cand, string(r[:len(r)-3]))
			} else if len(r) >= 5 && r[len(r)-1] == 's' && in(r[len(r)-2], "uyoö") {
				cand = append(cand, string(r[:len(r)-1]))
			}
		}
		var alts []string
		for i, s := range cand {
			keep := true
			for j, o := range cand {
				if i != j && strings.Contains(s, o) && (s != o || j < i) {
					keep = false
					break
				}
			}
			if keep {
				alts = append(alts, s)
			}
		}
		out = append(out, alts)
	}
	return out
}

// runes helpers shared by the stemmers.

func hasSuffix(w []rune, s string) bool {
	rs := []rune(s)
	if len(rs) > len(w) {
		return false
	}
	for i := range rs {
		if w[len(w)-len(rs)+i] != rs[i] {
			return false
		}
	}
	return true
}

// longest returns the longest of suffixes that w ends with and that starts at or after
// limit, or "".
func longest(w []rune, limit int, suffixes []string) string {
	best := ""
	for _, s := range suffixes {
		n := len([]rune(s))
		if n > len([]rune(best)) && len(w)-n >= limit && hasSuffix(w, s) {
			best = s
		}
	}
	return best
}

// regions returns the Snowball R1 and R2 start positions: R1 begins after the first
// non-vowel that follows a vowel, R2 the same within R1.
func regions(w []rune, vowel func(rune) bool) (p1, p2 int) {
	next := func(from int) int {
		i := from
		for i < len(w) && !vowel(w[i]) {
			i++
		}
		for i < len(w) && vowel(w[i]) {
			i++
		}
		if i < len(w) {
			return i + 1
		}
		return len(w)
	}
	p1 = next(0)
	p2 = next(p1)
	return
}

func in(r rune, set string) bool { return strings.ContainsRune(set, r) }

func cut(w []rune, s string) []rune { return w[:len(w)-len([]rune(s))] }

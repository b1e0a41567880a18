package stem

// Swedish stems a lower-case Swedish word (the Snowball Swedish algorithm): the longest
// main suffix in R1 (definite and plural endings: -arna, -erna, -heten, -ande, …, and -s
// after a valid s-ending), a final double consonant undoubled, then -lig, -ig, -els
// removed and -löst/-fullt shortened. R1 begins no earlier than the fourth letter.
func Swedish(word string) string {
	w := []rune(word)
	p1, _ := regions(w, svVowel)
	if p1 < 3 {
		p1 = 3
	}
	if p1 > len(w) {
		return word
	}

	if s := longest(w, p1, svMainSuffixes); s != "" {
		rest := cut(w, s)
		if s != "s" {
			w = rest
		} else if len(rest) > 0 && in(rest[len(rest)-1], "bcdfghjklmnoprtvy") {
			w = rest
		}
	}
	if longest(w, p1, []string{"dd", "gd", "nn", "dt", "gt", "kt", "tt"}) != "" {
		w = w[:len(w)-1]
	}
	switch s := longest(w, p1, []string{"lig", "ig", "els", "öst", "fullt"}); s {
	case "lig", "ig", "els":
		w = cut(w, s)
	case "öst":
		if rest := cut(w, s); len(rest) > 0 && in(rest[len(rest)-1], "iklnprtuv") {
			w = append(rest, 'ö', 's')
		}
	case "fullt":
		w = w[:len(w)-1]
	}
	return string(w)
}

func svVowel(r rune) bool { return in(r, "aeiouyäåö") }

var svMainSuffixes = []string{"a", "arna", "erna", "heterna", "orna", "ad", "e", "ade", "ande", "arne",
	"are", "aste", "en", "anden", "aren", "heten", "ern", "ar", "er", "heter",
	"or", "as", "arnas", "ernas", "ornas", "es", "ades", "andes", "ens", "arens",
	"hetens", "erns", "at", "andet", "het", "ast", "s"}

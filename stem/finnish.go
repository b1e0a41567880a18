package stem

// Finnish stems a lower-case Finnish word (the Snowball Finnish algorithm): particles,
// possessive suffixes, case endings, comparative endings and plural markers are removed
// within the word's R1/R2 regions, then the stem is tidied (long vowels and double
// consonants undoubled), so that "hoivarobotiikan" and "robotiikka" share "robotiik".
func Finnish(word string) string {
	w := []rune(word)
	p1, p2 := regions(w, fiV1)

	// Particles and -sti adverbs.
	if s := longest(w, p1, []string{"kin", "kaan", "kään", "ko", "kö", "han", "hän", "pa", "pä", "sti"}); s != "" {
		pos := len(w) - len([]rune(s))
		if s == "sti" {
			if pos >= p2 {
				w = w[:pos]
			}
		} else if pos > 0 && (fiV1(w[pos-1]) || w[pos-1] == 'n' || w[pos-1] == 't') {
			w = w[:pos]
		}
	}

	// Possessive suffixes.
	if s := longest(w, p1, []string{"si", "ni", "nsa", "nsä", "mme", "nne", "an", "än", "en"}); s != "" {
		rest := cut(w, s)
		switch s {
		case "si":
			if len(rest) == 0 || rest[len(rest)-1] != 'k' {
				w = rest
			}
		case "ni":
			w = rest
			if hasSuffix(w, "kse") {
				w = append(cut(w, "kse"), []rune("ksi")...)
			}
		case "nsa", "nsä", "mme", "nne":
			w = rest
		case "an":
			if endsAny(rest, "ta", "ssa", "sta", "lla", "lta", "na") {
				w = rest
			}
		case "än":
			if endsAny(rest, "tä", "ssä", "stä", "llä", "ltä", "nä") {
				w = rest
			}
		case "en":
			if endsAny(rest, "lle", "ine") {
				w = rest
			}
		}
	}

	// Case endings.
	ending := false
	w, ending = fiCase(w, p1)

	// Comparative and superlative forms, agent -eja, in R2.
	if s := longest(w, p2, []string{"mpi", "mpa", "mpä", "mmi", "mma", "mmä", "impi", "impa", "impä", "immi", "imma", "immä", "eja", "ejä"}); s != "" {
		rest := cut(w, s)
		if len([]rune(s)) == 4 || s == "eja" || s == "ejä" || !hasSuffix(rest, "po") {
			w = rest
		}
	}

	// Plurals.
	if ending {
		if len(w)-1 >= p1 && len(w) > 0 && (w[len(w)-1] == 'i' || w[len(w)-1] == 'j') {
			w = w[:len(w)-1]
		}
	} else if n := len(w); n >= 2 && n-1 >= p1 && w[n-1] == 't' && n-2 >= p1 && fiV1(w[n-2]) {
		w = w[:n-1]
		if s := longest(w, p2, []string{"mma", "imma"}); s != "" {
			if s == "imma" || !hasSuffix(cut(w, s), "po") {
				w = cut(w, s)
			}
		}
	}
	return string(fiTidy(w, p1))
}

func fiV1(r rune) bool { return in(r, "aeiouyäö") }
func fiV2(r rune) bool { return in(r, "aeiouäö") }
func fiC(r rune) bool  { return in(r, "bcdfghjklmnpqrstvwxz") }

func endsAny(w []rune, ss ...string) bool {
	for _, s := range ss {
		if hasSuffix(w, s) {
			return true
		}
	}
	return false
}

func fiLong(w []rune) bool {
	return endsAny(w, "aa", "ee", "ii", "oo", "uu", "ää", "öö")
}

// fiVI reports whether w ends with i preceded by a V2 vowel.
func fiVI(w []rune) bool {
	n := len(w)
	return n >= 2 && w[n-1] == 'i' && fiV2(w[n-2])
}

var fiCaseEndings = []string{"han", "hen", "hin", "hon", "hän", "hön", "siin", "seen", "den", "tten", "n",
	"a", "ä", "tta", "ttä", "ta", "tä", "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "na", "nä", "ksi", "ine"}

// fiCase removes one case ending in R1. Endings with a condition on what precedes them
// (siin, seen, den, tten) give way to a shorter ending when the condition fails; the
// others fail the step.
func fiCase(w []rune, p1 int) ([]rune, bool) {
	tried := map[string]bool{}
	for {
		s := ""
		for _, e := range fiCaseEndings {
			n := len([]rune(e))
			if !tried[e] && n > len([]rune(s)) && len(w)-n >= p1 && hasSuffix(w, e) {
				s = e
			}
		}
		if s == "" {
			return w, false
		}
		rest := cut(w, s)
		last := func(set string) bool { return len(rest) > 0 && in(rest[len(rest)-1], set) }
		switch s {
		case "siin", "den", "tten":
			if !fiVI(rest) {
				tried[s] = true
				continue
			}
		case "seen":
			if !fiLong(rest) {
				tried[s] = true
				continue
			}
		case "han", "hen", "hin", "hon", "hän", "hön":
			if !last(string([]rune(s)[1])) {
				return w, false
			}
		case "a", "ä":
			n := len(rest)
			if !(n >= 2 && fiV1(rest[n-1]) && fiC(rest[n-2])) {
				return w, false
			}
		case "tta", "ttä":
			if !last("e") {
				return w, false
			}
		case "n":
			if fiLong(rest) || hasSuffix(rest, "ie") {
				rest = rest[:len(rest)-1]
			}
		}
		return rest, true
	}
}

// fiTidy undoubles long vowels, removes a final a/ä/e/i after a consonant and -j/-o
// leftovers in R1, then undoubles a final double consonant (before any vowels).
func fiTidy(w []rune, p1 int) []rune {
	inR1 := func(k int) bool { return len(w)-k >= p1 }
	if inR1(2) && fiLong(w) {
		w = w[:len(w)-1]
	}
	if n := len(w); inR1(2) && n >= 2 && in(w[n-1], "aäei") && fiC(w[n-2]) {
		w = w[:n-1]
	}
	if n := len(w); inR1(2) && n >= 2 && w[n-1] == 'j' && (w[n-2] == 'o' || w[n-2] == 'u') {
		w = w[:n-1]
	}
	if n := len(w); inR1(2) && n >= 2 && w[n-1] == 'o' && w[n-2] == 'j' {
		w = w[:n-1]
	}
	i := len(w)
	for i > 0 && fiV1(w[i-1]) {
		i--
	}
	if i >= 2 && fiC(w[i-1]) && w[i-2] == w[i-1] {
		w = append(w[:i-1], w[i:]...)
	}
	return w
}

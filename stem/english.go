package stem

import "strings"

// English stems a lower-case English word (the Snowball English "Porter2" algorithm):
// plurals and -ed/-ing, then derivational suffixes in R1 and R2 (-ational → -ate,
// -ness, -ment, …), then a final -e or -ll.
func English(word string) string {
	if len([]rune(word)) <= 2 {
		return word
	}
	if s, ok := enExceptions[word]; ok {
		return s
	}
	w := []rune(strings.TrimPrefix(word, "'"))
	if len(w) > 0 && w[0] == 'y' {
		w[0] = 'Y'
	}
	for i := 1; i < len(w); i++ {
		if w[i] == 'y' && enVowel(w[i-1]) {
			w[i] = 'Y'
		}
	}
	p1, p2 := regions(w, enVowel)
	for _, pre := range []string{"gener", "commun", "arsen"} {
		if strings.HasPrefix(string(w), pre) {
			p1 = len([]rune(pre))
			_, p2 = regions(w[p1:], enVowel)
			p2 += p1
		}
	}

	// Step 0: possessives.
	if s := longest(w, 0, []string{"'", "'s", "'s'"}); s != "" {
		w = cut(w, s)
	}
	// Step 1a: plurals.
	switch s := longest(w, 0, []string{"sses", "ied", "ies", "s", "us", "ss"}); s {
	case "sses":
		w = w[:len(w)-2]
	case "ied", "ies":
		if len(w) > 4 {
			w = append(cut(w, s), 'i')
		} else {
			w = append(cut(w, s), 'i', 'e')
		}
	case "s":
		rest := w[:len(w)-1]
		for i := 0; i < len(rest)-1; i++ {
			if enVowel(rest[i]) {
				w = rest
				break
			}
		}
	}
	if enStay[string(w)] {
		return string(w)
	}
	// Step 1b: -eed, -ed, -ing.
	switch s := longest(w, 0, []string{"eed", "eedly", "ed", "edly", "ing", "ingly"}); s {
	case "eed", "eedly":
		if len(w)-len(s) >= p1 {
			w = append(cut(w, s), 'e', 'e')
		}
	case "ed", "edly", "ing", "ingly":
		rest := cut(w, s)
		if strings.ContainsAny(string(rest), "aeiouy") {
			w = rest
			switch {
			case hasSuffix(w, "at") || hasSuffix(w, "bl") || hasSuffix(w, "iz"):
				w = append(w, 'e')
			case endsAny(w, "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"):
				w = w[:len(w)-1]
			case enShortWord(w, p1):
				w = append(w, 'e')
			}
		}
	}
	// Step 1c: y → i after a consonant that is not the first letter.
	if n := len(w); n > 2 && (w[n-1] == 'y' || w[n-1] == 'Y') && !enVowel(w[n-2]) {
		w[n-1] = 'i'
	}
	// Step 2.
	if s := longest(w, 0, enStep2Keys); s != "" && len(w)-len([]rune(s)) >= p1 {
		rest := cut(w, s)
		switch s {
		case "ogi":
			if hasSuffix(rest, "l") {
				w = append(rest, []rune("og")...)
			}
		case "li":
			if len(rest) > 0 && in(rest[len(rest)-1], "cdeghkmnrt") {
				w = rest
			}
		default:
			w = append(rest, []rune(enStep2[s])...)
		}
	}
	// Step 3.
	if s := longest(w, 0, enStep3Keys); s != "" && len(w)-len([]rune(s)) >= p1 {
		if s == "ative" {
			if len(w)-5 >= p2 {
				w = cut(w, s)
			}
		} else {
			w = append(cut(w, s), []rune(enStep3[s])...)
		}
	}
	// Step 4.
	if s := longest(w, 0, enStep4); s != "" && len(w)-len([]rune(s)) >= p2 {
		rest := cut(w, s)
		if s != "ion" || (len(rest) > 0 && (rest[len(rest)-1] == 's' || rest[len(rest)-1] == 't')) {
			w = rest
		}
	}
	// Step 5.
	if n := len(w); n > 0 && w[n-1] == 'e' {
		if n-1 >= p2 || (n-1 >= p1 && !enShortSyllable(w[:n-1])) {
			w = w[:n-1]
		}
	} else if n > 1 && w[n-1] == 'l' && n-1 >= p2 && w[n-2] == 'l' {
		w = w[:n-1]
	}
	return strings.ToLower(string(w))
}

func enVowel(r rune) bool { return in(r, "aeiouy") }

// enShortSyllable reports whether w ends in a short syllable: non-vowel, vowel, non-vowel
// (not w, x or Y), or a vowel and a non-vowel at the start of the word.
func enShortSyllable(w []rune) bool {
	n := len(w)
	if n == 2 {
		return enVowel(w[0]) && !enVowel(w[1])
	}
	return n >= 3 && !enVowel(w[n-3]) && enVowel(w[n-2]) && !enVowel(w[n-1]) && !in(w[n-1], "wxY")
}

func enShortWord(w []rune, p1 int) bool { return p1 >= len(w) && enShortSyllable(w) }

var enExceptions = map[string]string{
	"skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie", "idly": "idl",
	"gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli", "singly": "singl",
	"sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
}

var enStay = map[string]bool{"inning": true, "outing": true, "canning": true, "herring": true,
	"earring": true, "proceed": true, "exceed": true, "succeed": true}

var enStep2 = map[string]string{
	"tional": "tion", "enci": "ence", "anci": "ance", "abli": "able", "entli": "ent", "izer": "ize",
	"ization": "ize", "ational": "ate", "ation": "ate", "ator": "ate", "alism": "al", "aliti": "al",
	"alli": "al", "fulness": "ful", "ousli": "ous", "ousness": "ous", "iveness": "ive", "iviti": "ive",
	"biliti": "ble", "bli": "ble", "ogi": "og", "fulli": "ful", "lessli": "less", "li": "",
}

var enStep3 = map[string]string{
	"tional": "tion", "ational": "ate", "alize": "al", "icate": "ic", "iciti": "ic", "ical": "ic",
	"ful": "", "ness": "", "ative": "",
}

var enStep4 = []string{"al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
	"ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion"}

var enStep2Keys, enStep3Keys = keys(enStep2), keys(enStep3)

func keys(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

package web

import (
	"strconv"
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// decimal writes a number the way readers of l expect: "2,5" in Finnish and Swedish,
// "2.5" in English, without trailing zeros.
func decimal(l pokot.Lang, f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if l != pokot.English {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// workloadText is a workload as a catalogue card shows it: "2,5 osp", "5 op", "40 tuntia".
// The unit is the one the designer gave; it is never converted.
func workloadText(l pokot.Lang, w pokot.Workload) string {
	if w.Unit == "" || w.Value <= 0 {
		return ""
	}
	return decimal(l, w.Value) + " " + i18n.T(l, "catalogue.unit."+string(w.Unit)+".short")
}

// levelText is "EQF 4" (the Finnish NQF level is the same number unless stated).
func levelText(l pokot.Lang, c *pokot.MicrocredentialContent) string {
	if c.EQFLevel < 1 {
		return ""
	}
	s := i18n.T(l, "catalogue.level_value", "n", c.EQFLevel)
	if c.NQFLevel > 0 && c.NQFLevel != c.EQFLevel {
		s += " · " + i18n.T(l, "catalogue.nqf_value", "n", c.NQFLevel)
	}
	return s
}

// fieldName is the name of an ISCED-F field in l, or the code when it is not known.
func fieldName(l pokot.Lang, code string) string {
	if f, ok := pokot.ISCEDFieldByCode(code); ok {
		return f.Name.Get(l)
	}
	return code
}

// languageName is the name of a language of instruction (ISO 639-1) in l: "ruotsi",
// "svenska", "Swedish".
func languageName(l pokot.Lang, code string) string {
	tag, err := language.Parse(code)
	if err != nil {
		return code
	}
	n := display.Tags(language.Make(string(l))).Name(tag)
	if n == "" {
		return code
	}
	return n
}

// languageNames joins the names of several languages of instruction.
func languageNames(l pokot.Lang, codes []string) string {
	names := make([]string, 0, len(codes))
	for _, c := range codes {
		names = append(names, languageName(l, c))
	}
	return strings.Join(names, ", ")
}

// enumLabel is the catalog text of a code list value: catalogue.<list>.<value>.
func enumLabel(l pokot.Lang, list, value string) string {
	if value == "" {
		return ""
	}
	key := "catalogue." + list + "." + value
	if !i18n.Has(l, key) {
		return value
	}
	return i18n.T(l, key)
}

// priceText is "Maksuton", "150 €" or "150,50 €".
func priceText(l pokot.Lang, p pokot.Price) string {
	if p.EUR <= 0 {
		return i18n.T(l, "catalogue.price_free")
	}
	s := strconv.FormatFloat(p.EUR, 'f', 2, 64)
	s = strings.TrimSuffix(s, ".00")
	if l != pokot.English {
		s = strings.Replace(s, ".", ",", 1)
		return s + " €"
	}
	return "€" + s
}

// summary cuts a description to about n characters at a word boundary.
func summary(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:") + "…"
}

// Package i18n holds the user-interface text of POKOT in Finnish, Swedish and English
// (one JSON catalog per language), language negotiation, and date and time formatting in
// the Finnish conventions.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/pokot/pokot"
	"golang.org/x/text/language"
)

//go:embed catalog/*.json
var files embed.FS

// catalogs maps a language to its messages, loaded once from the embedded JSON files:
// catalog/<lang>.json and, one per area of the product, catalog/<area>.<lang>.json.
// A key defined twice is a start-up error, so areas cannot shadow each other.
var catalogs = func() map[pokot.Lang]map[string]string {
	m := map[pokot.Lang]map[string]string{}
	for _, l := range pokot.Langs {
		names, err := fs.Glob(files, "catalog/*"+string(l)+".json")
		if err != nil {
			panic(err)
		}
		c := map[string]string{}
		for _, name := range names {
			base := path.Base(name)
			if base != string(l)+".json" && !strings.HasSuffix(base, "."+string(l)+".json") {
				continue
			}
			b, err := files.ReadFile(name)
			if err != nil {
				panic(err)
			}
			part := map[string]string{}
			if err := json.Unmarshal(b, &part); err != nil {
				panic(fmt.Sprintf("i18n: catalog %s: %v", name, err))
			}
			for k, v := range part {
				if _, dup := c[k]; dup {
					panic(fmt.Sprintf("i18n: key %q defined twice (%s)", k, name))
				}
				c[k] = v
			}
		}
		m[l] = c
	}
	return m
}()

// Missing is the marker that T puts around a key it cannot find; tests look for it.
const Missing = "⟦"

// T returns the message key in language l with {name} placeholders replaced by the
// name/value pairs of args, e.g. T("fi", "home.hello", "name", "Maija"). A missing key
// gives "⟦key⟧" so that it is visible and testable, never an empty string.
func T(l pokot.Lang, key string, args ...any) string {
	s, ok := catalogs[l][key]
	if !ok {
		return Missing + key + "⟧"
	}
	if len(args) == 0 || !strings.Contains(s, "{") {
		return s
	}
	pairs := make([]string, 0, len(args))
	for i := 0; i+1 < len(args); i += 2 {
		pairs = append(pairs, "{"+fmt.Sprint(args[i])+"}", fmt.Sprint(args[i+1]))
	}
	return strings.NewReplacer(pairs...).Replace(s)
}

// Has reports whether key exists in the catalog of l.
func Has(l pokot.Lang, key string) bool {
	_, ok := catalogs[l][key]
	return ok
}

// Keys lists the keys of the catalog of l, sorted.
func Keys(l pokot.Lang) []string {
	keys := make([]string, 0, len(catalogs[l]))
	for k := range catalogs[l] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

var matcher = language.NewMatcher([]language.Tag{language.Finnish, language.Swedish, language.English})

// Negotiate picks the best supported language for an Accept-Language header value;
// Finnish when the header is empty, malformed or names nothing we support.
func Negotiate(acceptLanguage string) pokot.Lang {
	if strings.TrimSpace(acceptLanguage) == "" {
		return pokot.Finnish
	}
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(tags) == 0 {
		return pokot.Finnish
	}
	_, idx, conf := matcher.Match(tags...)
	if conf == language.No {
		return pokot.Finnish
	}
	return pokot.Langs[idx]
}

// N is T for a sentence about a count n: it picks key+"_one" when n is 1 and that key
// exists in l, else key+"_other" when that exists, else key itself, and passes n as the
// {n} placeholder before args. Finnish needs it ("1 kuukausi" but "3 kuukautta", "kokoaa
// 1 osaamismerkin" but "kokoaa 3 osaamismerkkiä"); a language whose sentence reads right
// for every n simply defines key alone.
func N(l pokot.Lang, key string, n int, args ...any) string {
	k := key
	if n == 1 && Has(l, key+"_one") {
		k = key + "_one"
	} else if Has(l, key+"_other") {
		k = key + "_other"
	}
	return T(l, k, append([]any{"n", n}, args...)...)
}

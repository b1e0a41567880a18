package pokot

import "strings"

// Lang is a UI and content language code.
type Lang string

// The platform's languages, Finnish first.
const (
	Finnish Lang = "fi"
	Swedish Lang = "sv"
	English Lang = "en"
)

// Langs lists the supported languages in display order.
var Langs = []Lang{Finnish, Swedish, English}

// ParseLang returns the language for a code, and false when it is not supported.
func ParseLang(s string) (Lang, bool) {
	switch l := Lang(strings.ToLower(strings.TrimSpace(s))); l {
	case Finnish, Swedish, English:
		return l, true
	}
	return "", false
}

// Text is a multilingual string: a language map {fi, sv, en}, stored as JSON.
type Text map[Lang]string

// Get returns the text in l, falling back to Finnish, then Swedish, then English.
func (t Text) Get(l Lang) string {
	if s := strings.TrimSpace(t[l]); s != "" {
		return t[l]
	}
	for _, f := range Langs {
		if s := strings.TrimSpace(t[f]); s != "" {
			return t[f]
		}
	}
	return ""
}

// Empty reports whether no language has any text.
func (t Text) Empty() bool { return t.Get(Finnish) == "" }

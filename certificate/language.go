package certificate

import (
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/i18n"
	"golang.org/x/text/language"
)

// The language of parts: a credential issued in Finnish and read in English shows its
// coded values in English and its own texts as issued, in Finnish. Content says which
// language each text is in, so that a page can mark the Finnish parts with lang="fi"
// (WCAG 2.1 SC 3.1.2 Language of Parts) and say once that they are in Finnish.

// Foreign returns lang when it names a language other than the content's (the reader's),
// so that a page marks a text in it with lang="…"; "" when lang is the reader's language
// or unknown.
func (c *Content) Foreign(lang string) string {
	if lang == "" || baseLang(lang) == baseLang(string(c.Lang)) {
		return ""
	}
	return lang
}

// LangNote is one sentence in the reader's language saying which language the
// credential's own texts are written in, e.g. "The credential's content is written in
// Finnish."; "" when they are in the reader's language or their language is unknown.
// The wording is the catalogue's (keys credlang.note.*).
func (c *Content) LangNote() string {
	tl := c.Foreign(c.TextLang)
	if tl == "" {
		return ""
	}
	if key := "credlang.note." + baseLang(tl); i18n.Has(c.Lang, key) {
		return i18n.T(c.Lang, key)
	}
	return i18n.T(c.Lang, "credlang.note.other", "lang", pokot.LanguageName(c.Lang, tl))
}

// langTag is a well-formed BCP 47 tag in its canonical form, or "".
func langTag(s string) string {
	if s == "" {
		return ""
	}
	t, err := language.Parse(s)
	if err != nil || t == language.Und {
		return ""
	}
	return t.String()
}

// baseLang is the primary language subtag of a tag, lower-cased ("sv-FI" → "sv").
func baseLang(tag string) string {
	b, _, _ := strings.Cut(strings.ToLower(tag), "-")
	return b
}

// codedValue words the value of kind (e.g. "supervision") in the reader's language: from
// the tag "<kind>:<code>"; without the tag, from a narrative value that is one code's
// wording in any language (a credential issued before the tag existed); else the
// narrative value as issued, in the credential's language.
func (c *Content) codedValue(tags []string, kind, narrative string) (string, string) {
	if code := tagValue(tags, kind+":"); code != "" {
		if n := fromLangText(credential.CodeNames(kind, code)); n != nil {
			return n.in(c.Lang), string(c.Lang)
		}
	}
	for _, code := range credential.Codes(kind) {
		for _, w := range credential.CodeNames(kind, code) {
			if narrative != "" && strings.EqualFold(narrative, w) {
				return fromLangText(credential.CodeNames(kind, code)).in(c.Lang), string(c.Lang)
			}
		}
	}
	return narrative, c.TextLang
}

// stackability words the stackability kind in the reader's language (value, in lang)
// and keeps what follows it in the narrative as issued (detail, in detailLang): the
// qualification unit's name, code and address in the credential's language, or the
// address of the micro-credential stacked toward (language-neutral). The kind comes from
// the tag "stackability:<kind>" or, without it, from the narrative's opening words in any
// language; a narrative that opens otherwise is the value as issued.
func (c *Content) stackability(tags []string, narrative string) (value, lang, detail, detailLang string) {
	kinds := credential.Codes("stackability")
	tagged := tagValue(tags, "stackability:")
	if tagged != "" {
		kinds = []string{tagged}
	}
	for _, kind := range kinds {
		names := fromLangText(credential.CodeNames("stackability", kind))
		for _, w := range names {
			rest, ok := strings.CutPrefix(narrative, w)
			if !ok || rest != "" && rest[0] != ' ' {
				continue
			}
			if rest = strings.TrimSpace(rest); rest != "" && kind != "microcredential" {
				detailLang = c.TextLang
			}
			return names.in(c.Lang), string(c.Lang), rest, detailLang
		}
	}
	if tagged == "standalone" && narrative == "" {
		return fromLangText(credential.CodeNames("stackability", tagged)).in(c.Lang), string(c.Lang), "", ""
	}
	return narrative, c.TextLang, "", ""
}

// gradeWord is a grade in the reader's language: the pass/fail grades, which credentials
// issued here give in Finnish ("hyväksytty", "hylätty"), in the assessment pages' words;
// other grades (numbers, another issuer's words) as given, language-neutral.
func (c *Content) gradeWord(g string) (string, string) {
	for _, key := range []string{"assess.result.pass", "assess.result.fail"} {
		if g != "" && strings.EqualFold(g, i18n.T(pokot.Finnish, key)) {
			return i18n.T(c.Lang, key), string(c.Lang)
		}
	}
	return g, ""
}

// tagValue is the rest of the first tag that starts with prefix, "" when none does.
func tagValue(tags []string, prefix string) string {
	for _, t := range tags {
		if v, ok := strings.CutPrefix(t, prefix); ok && v != "" {
			return v
		}
	}
	return ""
}

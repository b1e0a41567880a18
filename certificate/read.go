package certificate

import (
	"strings"

	"github.com/pokot/pokot"
)

// Helpers for reading untrusted JSON: a value of the wrong type reads as empty.

func obj(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func str(v any) string {
	s, _ := v.(string)
	return strings.TrimSpace(s)
}

// list returns v as a list; a single value is a list of one.
func list(v any) []any {
	switch x := v.(type) {
	case []any:
		return x
	case nil:
		return nil
	}
	return []any{v}
}

func firstObject(v any) map[string]any {
	for _, x := range list(v) {
		if m := obj(x); m != nil {
			return m
		}
	}
	return nil
}

// langString reads a string, a JSON-LD value object or a language map in language l.
func langString(v any, l pokot.Lang) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		if s := str(x["@value"]); s != "" {
			return s
		}
		for _, k := range []string{string(l), "fi", "en", "sv"} {
			if s := str(x[k]); s != "" {
				return s
			}
		}
	case []any:
		best := ""
		for _, e := range x {
			m := obj(e)
			if m == nil {
				if s, ok := e.(string); ok && best == "" {
					best = s
				}
				continue
			}
			if str(m["@language"]) == string(l) {
				return str(m["@value"])
			}
			if best == "" {
				best = str(m["@value"])
			}
		}
		return best
	}
	return ""
}

// localized reads field of an achievement in language l: from achievement.related (one
// entry per further language, as the builder writes) when the achievement's own language
// differs, else the achievement's own value. It returns the text with its language: l
// from related, else own (the achievement's language; l when a language map or value
// object answered in l).
func localized(ach map[string]any, field string, l pokot.Lang, own string) (string, string) {
	if str(ach["inLanguage"]) != string(l) {
		for _, x := range list(ach["related"]) {
			r := obj(x)
			if str(r["inLanguage"]) == string(l) {
				if s := langString(r[field], l); s != "" {
					return s, string(l)
				}
			}
		}
	}
	s := langString(ach[field], l)
	if s == "" {
		return "", ""
	}
	if m, ok := ach[field].(map[string]any); ok && str(m[string(l)]) == s {
		return s, string(l)
	}
	return s, own
}

// narrative is what the criteria narrative written by credential.Build holds: the
// numbered learning outcomes with their criteria, and "- <label>: <value>" lines.
type narrative struct {
	outcomes []Outcome
	values   map[string]string // by element key
}

// parseNarrative reads the Markdown narrative; it accepts the labels of all three
// languages, so a Swedish credential reads on a Finnish page.
func parseNarrative(s string) narrative {
	n := narrative{values: map[string]string{}}
	for _, line := range strings.Split(s, "\n") {
		trimmed := strings.TrimSpace(line)
		indented := strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t")
		if text, ok := numbered(trimmed); ok && !indented {
			n.outcomes = append(n.outcomes, Outcome{Text: text})
			continue
		}
		item, ok := strings.CutPrefix(trimmed, "- ")
		if !ok {
			continue
		}
		label, value, ok := strings.Cut(item, ": ")
		if !ok {
			continue
		}
		if indented && len(n.outcomes) > 0 && isLabel("criteria", label) {
			n.outcomes[len(n.outcomes)-1].Criteria = strings.TrimSpace(value)
			continue
		}
		for _, k := range narrativeKeys {
			if isLabel(k, label) {
				n.values[k] = strings.TrimSpace(value)
				break
			}
		}
	}
	return n
}

func isLabel(key, s string) bool {
	for _, v := range labelText(key) {
		if strings.EqualFold(v, strings.TrimSpace(s)) {
			return true
		}
	}
	return false
}

// numbered returns the text of a "12. text" list item.
func numbered(s string) (string, bool) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i+1 >= len(s) || s[i] != '.' || s[i+1] != ' ' {
		return "", false
	}
	return strings.TrimSpace(s[i+2:]), true
}

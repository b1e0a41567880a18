package exchange

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/pokot/pokot"
)

// column is one CSV column of a POK description: how to write it from the content and
// read it back. set reports a problem with the cell as a catalog key and an English text.
type column struct {
	name string
	get  func(c *pokot.MicrocredentialContent, o *CSVOptions) string
	set  func(c *pokot.MicrocredentialContent, v string) (key, msg string)
}

// langs are the content languages in column order.
var langs = []pokot.Lang{pokot.Finnish, pokot.Swedish, pokot.English}

// textColumns makes name_fi, name_sv and name_en for a Text reached by ptr.
func textColumns(name string, ptr func(c *pokot.MicrocredentialContent) *pokot.Text) []column {
	var cols []column
	for _, l := range langs {
		cols = append(cols, column{
			name: name + "_" + string(l),
			get:  func(c *pokot.MicrocredentialContent, _ *CSVOptions) string { return (*ptr(c))[l] },
			set: func(c *pokot.MicrocredentialContent, v string) (string, string) {
				if v == "" {
					return "", ""
				}
				t := ptr(c)
				if *t == nil {
					*t = pokot.Text{}
				}
				(*t)[l] = v
				return "", ""
			},
		})
	}
	return cols
}

func strColumn(name string, ptr func(c *pokot.MicrocredentialContent) *string) column {
	return column{name: name,
		get: func(c *pokot.MicrocredentialContent, _ *CSVOptions) string { return *ptr(c) },
		set: func(c *pokot.MicrocredentialContent, v string) (string, string) { *ptr(c) = v; return "", "" }}
}

func intColumn(name string, ptr func(c *pokot.MicrocredentialContent) *int) column {
	return column{name: name,
		get: func(c *pokot.MicrocredentialContent, _ *CSVOptions) string {
			if *ptr(c) == 0 {
				return ""
			}
			return strconv.Itoa(*ptr(c))
		},
		set: func(c *pokot.MicrocredentialContent, v string) (string, string) {
			if v == "" {
				return "", ""
			}
			n, err := strconv.Atoi(v)
			if err != nil {
				return "err.csv.not_integer", "give a whole number, e.g. 4"
			}
			*ptr(c) = n
			return "", ""
		}}
}

func floatColumn(name string, ptr func(c *pokot.MicrocredentialContent) *float64) column {
	return column{name: name,
		get: func(c *pokot.MicrocredentialContent, o *CSVOptions) string {
			if *ptr(c) == 0 {
				return ""
			}
			s := formatNumber(*ptr(c))
			if o.DecimalComma {
				s = strings.Replace(s, ".", ",", 1)
			}
			return s
		},
		set: func(c *pokot.MicrocredentialContent, v string) (string, string) {
			if v == "" {
				return "", ""
			}
			f, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64)
			if err != nil || f != f || f > 1e9 || f < -1e9 {
				return "err.csv.not_number", "give a number, e.g. 2,5 or 2.5"
			}
			*ptr(c) = f
			return "", ""
		}}
}

func boolColumn(name string, ptr func(c *pokot.MicrocredentialContent) *bool) column {
	return column{name: name,
		get: func(c *pokot.MicrocredentialContent, _ *CSVOptions) string { return strconv.FormatBool(*ptr(c)) },
		set: func(c *pokot.MicrocredentialContent, v string) (string, string) {
			switch strings.ToLower(v) {
			case "true", "1", "x", "yes", "kyllä", "k", "ja", "y":
				*ptr(c) = true
			case "false", "0", "", "no", "ei", "e", "nej", "n":
				*ptr(c) = false
			default:
				return "err.csv.not_boolean", "write true or false (kyllä or ei)"
			}
			return "", ""
		}}
}

// listColumn is a comma-separated list of codes.
func listColumn[T ~string](name string, ptr func(c *pokot.MicrocredentialContent) *[]T) column {
	return column{name: name,
		get: func(c *pokot.MicrocredentialContent, _ *CSVOptions) string {
			var s []string
			for _, x := range *ptr(c) {
				s = append(s, string(x))
			}
			return strings.Join(s, ", ")
		},
		set: func(c *pokot.MicrocredentialContent, v string) (string, string) {
			for _, x := range splitList(v) {
				*ptr(c) = append(*ptr(c), T(x))
			}
			return "", ""
		}}
}

func splitList(v string) []string {
	var out []string
	for _, x := range strings.Split(v, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// splitLines splits a multi-line cell into its non-empty lines.
func splitLines(v string) []string {
	var out []string
	for _, x := range strings.Split(strings.ReplaceAll(v, "\r\n", "\n"), "\n") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// joinParts writes "a | b | c" without trailing empty parts.
func joinParts(parts ...string) string {
	for len(parts) > 1 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	return strings.Join(parts, " | ")
}

// splitParts reads "a | b | c" into n parts.
func splitParts(line string, n int) []string {
	p := strings.Split(line, "|")
	out := make([]string, n)
	for i := range out {
		if i < len(p) {
			out[i] = strings.TrimSpace(p[i])
		}
	}
	return out
}

// conceptsCell writes ESCO concepts one per line: "URI | label fi | label sv | label en".
func conceptsCell(cs []pokot.Concept) string {
	var lines []string
	for _, k := range cs {
		lines = append(lines, joinParts(k.URI, k.Label[pokot.Finnish], k.Label[pokot.Swedish], k.Label[pokot.English]))
	}
	return strings.Join(lines, "\n")
}

func parseConcepts(v string) ([]pokot.Concept, string, string) {
	var out []pokot.Concept
	for _, line := range splitLines(v) {
		p := splitParts(line, 5)
		if p[4] != "" {
			return nil, "err.csv.concept_format", "one concept a line: URI | label fi | label sv | label en"
		}
		k := pokot.Concept{URI: p[0]}
		k.Label = textOf(p[1], p[2], p[3])
		out = append(out, k)
	}
	return out, "", ""
}

// textOf makes a Text of the non-empty values, nil when all are empty.
func textOf(fi, sv, en string) pokot.Text {
	var t pokot.Text
	for i, s := range []string{fi, sv, en} {
		if s != "" {
			if t == nil {
				t = pokot.Text{}
			}
			t[langs[i]] = s
		}
	}
	return t
}

// outcomeColumn matches the numbered columns of learning outcomes.
var outcomeColumn = regexp.MustCompile(`^outcome([1-9][0-9]?)_(text_fi|text_sv|text_en|criteria_fi|criteria_sv|criteria_en|skills|occupations)$`)

// maxOutcomeColumns is the highest outcome number a file may have (ValidateDraft's limit).
const maxOutcomeColumns = 30

// outcomeColumns are the columns of outcome n (1-based).
func outcomeColumns(n int) []string {
	p := fmt.Sprintf("outcome%d_", n)
	return []string{p + "text_fi", p + "text_sv", p + "text_en", p + "criteria_fi", p + "criteria_sv", p + "criteria_en", p + "skills", p + "occupations"}
}

// outcomeCell writes one cell of outcome o.
func outcomeCell(o *pokot.LearningOutcome, part string) string {
	switch part {
	case "skills":
		return conceptsCell(o.Skills)
	case "occupations":
		return conceptsCell(o.Occupations)
	}
	kind, l, _ := strings.Cut(part, "_")
	if kind == "text" {
		return o.Text[pokot.Lang(l)]
	}
	return o.Criteria[pokot.Lang(l)]
}

// setOutcomeCell reads one cell of outcome o.
func setOutcomeCell(o *pokot.LearningOutcome, part, v string) (string, string) {
	switch part {
	case "skills", "occupations":
		cs, key, msg := parseConcepts(v)
		if key != "" {
			return key, msg
		}
		if part == "skills" {
			o.Skills = cs
		} else {
			o.Occupations = cs
		}
		return "", ""
	}
	if v == "" {
		return "", ""
	}
	kind, l, _ := strings.Cut(part, "_")
	t := &o.Text
	if kind == "criteria" {
		t = &o.Criteria
	}
	if *t == nil {
		*t = pokot.Text{}
	}
	(*t)[pokot.Lang(l)] = v
	return "", ""
}

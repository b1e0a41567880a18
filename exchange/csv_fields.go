package exchange

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// fieldColumns maps the field paths of pokot.ValidateDraft (without a language suffix or
// index) to CSV columns.
var fieldColumns = map[string]string{
	"title": "title", "description": "description", "assessmentInfo": "assessment_info",
	"qualityAssurance": "quality_assurance", "prerequisites": "prerequisites", "furtherInfo": "further_info",
	"targetGroup": "target_group", "duration": "duration", "delivery.place": "place", "price.info": "price_info",
	"workload.value": "workload_value", "workload.unit": "workload_unit", "eqfLevel": "eqf_level", "nqfLevel": "nqf_level",
	"assessment": "assessment", "participation": "participation", "supervision": "supervision", "grading": "grading",
	"stackability.kind": "stack_kind", "stackability.unit.code": "stack_unit_code", "stackability.unit.url": "stack_unit_url",
	"stackability.unit.name": "stack_unit_name", "stackability.microcredentialId": "stack_microcredential_id",
	"iscedField": "isced_field", "languages": "languages", "delivery.schedule": "schedule", "price.eur": "price_eur",
	"keywords": "keywords", "validityMonths": "validity_months", "image": "image", "image.alt": "image_alt",
	"contact.email": "contact_email", "contact": "contact_name", "partners": "partners", "partners.name": "partners",
	"outcomes": "outcome1_text_fi",
}

var (
	indexRE   = regexp.MustCompile(`\[\d+\]`)
	outcomeRE = regexp.MustCompile(`^outcomes\[(\d+)\]\.(text|criteria|skills|occupations)(?:\.(fi|sv|en))?`)
)

// columnOf names the CSV column of a validation error's field path; index[i] is the
// column number of outcomes[i].
func columnOf(field string, index []int) string {
	if m := outcomeRE.FindStringSubmatch(field); m != nil {
		i, _ := strconv.Atoi(m[1])
		n := i + 1
		if i < len(index) {
			n = index[i]
		}
		col := fmt.Sprintf("outcome%d_%s", n, m[2])
		if m[2] == "text" || m[2] == "criteria" {
			l := m[3]
			if l == "" {
				l = "fi"
			}
			col += "_" + l
		}
		return col
	}
	path := indexRE.ReplaceAllString(field, "")
	lang := ""
	for _, l := range []string{".fi", ".sv", ".en"} {
		if p, ok := strings.CutSuffix(path, l); ok {
			path, lang = p, l[1:]
		}
	}
	col, ok := fieldColumns[path]
	if !ok {
		return field
	}
	if lang != "" {
		return col + "_" + lang
	}
	if _, ok := columnByName[col]; !ok && columnByName[col+"_fi"] != nil {
		return col + "_fi"
	}
	return col
}

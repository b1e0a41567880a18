package exchange

import (
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/pokot/pokot"
)

// CSVOptions shape the CSV that WriteCSV writes. The zero value writes RFC 4180 CSV:
// comma-separated, UTF-8 without BOM, decimal point.
type CSVOptions struct {
	Separator    rune // ',' (default), ';' or '\t'
	BOM          bool // start with a UTF-8 byte order mark (Excel needs it to read UTF-8)
	DecimalComma bool // write 2,5 instead of 2.5
}

// ExcelFinland is what Excel with Finnish regional settings opens directly: semicolons, a
// BOM and decimal commas.
var ExcelFinland = CSVOptions{Separator: ';', BOM: true, DecimalComma: true}

// Columns that are not content: written by the export, read (slug) or ignored (id,
// version, status) by the import.
const (
	colID      = "id"
	colVersion = "version"
	colStatus  = "status"
	colSlug    = "slug"
)

// requiredColumns must be in the header of an import: without them the file is not a file
// of POK descriptions.
var requiredColumns = []string{"title_fi", "workload_value", "workload_unit"}

// contentColumns are the columns of a description in export order, before the numbered
// learning outcome columns (see outcomeColumns).
var contentColumns = func() []column {
	type C = pokot.MicrocredentialContent
	var cols []column
	add := func(c ...column) { cols = append(cols, c...) }
	add(textColumns("title", func(c *C) *pokot.Text { return &c.Title })...)
	add(textColumns("description", func(c *C) *pokot.Text { return &c.Description })...)
	add(floatColumn("workload_value", func(c *C) *float64 { return &c.Workload.Value }))
	add(column{name: "workload_unit",
		get: func(c *C, _ *CSVOptions) string { return string(c.Workload.Unit) },
		set: func(c *C, v string) (string, string) {
			c.Workload.Unit = pokot.WorkloadUnit(strings.ToLower(v))
			return "", ""
		}})
	add(intColumn("eqf_level", func(c *C) *int { return &c.EQFLevel }))
	add(intColumn("nqf_level", func(c *C) *int { return &c.NQFLevel }))
	add(listColumn("assessment", func(c *C) *[]pokot.AssessmentType { return &c.Assessment }))
	add(textColumns("assessment_info", func(c *C) *pokot.Text { return &c.AssessmentInfo })...)
	add(listColumn("participation", func(c *C) *[]pokot.ParticipationForm { return &c.Participation }))
	add(textColumns("quality_assurance", func(c *C) *pokot.Text { return &c.QualityAssurance })...)
	add(textColumns("prerequisites", func(c *C) *pokot.Text { return &c.Prerequisites })...)
	add(strColumn("supervision", func(c *C) *string { return (*string)(&c.Supervision) }))
	add(strColumn("grading", func(c *C) *string { return (*string)(&c.Grading) }))
	add(strColumn("stack_kind", func(c *C) *string { return (*string)(&c.Stackability.Kind) }))
	add(strColumn("stack_unit_code", func(c *C) *string { return &c.Stackability.Unit.Code }))
	add(textColumns("stack_unit_name", func(c *C) *pokot.Text { return &c.Stackability.Unit.Name })...)
	add(strColumn("stack_unit_url", func(c *C) *string { return &c.Stackability.Unit.URL }))
	add(column{name: "stack_microcredential_id",
		get: func(c *C, _ *CSVOptions) string {
			if c.Stackability.MicrocredentialID == 0 {
				return ""
			}
			return strconv.FormatInt(c.Stackability.MicrocredentialID, 10)
		},
		set: func(c *C, v string) (string, string) {
			if v == "" {
				return "", ""
			}
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return "err.csv.not_integer", "give the number of the POK, e.g. 12"
			}
			c.Stackability.MicrocredentialID = n
			return "", ""
		}})
	add(textColumns("further_info", func(c *C) *pokot.Text { return &c.FurtherInfo })...)
	add(strColumn("isced_field", func(c *C) *string { return &c.ISCEDField }))
	add(textColumns("target_group", func(c *C) *pokot.Text { return &c.TargetGroup })...)
	add(listColumn("languages", func(c *C) *[]string { return &c.Languages }))
	add(textColumns("duration", func(c *C) *pokot.Text { return &c.Duration })...)
	add(strColumn("schedule", func(c *C) *string { return (*string)(&c.Delivery.Schedule) }))
	add(textColumns("place", func(c *C) *pokot.Text { return &c.Delivery.Place })...)
	add(floatColumn("price_eur", func(c *C) *float64 { return &c.Price.EUR }))
	add(textColumns("price_info", func(c *C) *pokot.Text { return &c.Price.Info })...)
	add(boolColumn("jotpa", func(c *C) *bool { return &c.Price.Jotpa }))
	add(boolColumn("is_pok", func(c *C) *bool { return &c.IsPOK }))
	for _, l := range langs {
		add(column{name: "keywords_" + string(l),
			get: func(c *C, _ *CSVOptions) string { return strings.Join(c.Keywords[l], ", ") },
			set: func(c *C, v string) (string, string) {
				if ks := splitList(v); len(ks) > 0 {
					if c.Keywords == nil {
						c.Keywords = map[pokot.Lang][]string{}
					}
					c.Keywords[l] = ks
				}
				return "", ""
			}})
	}
	add(intColumn("validity_months", func(c *C) *int { return &c.ValidityMonths }))
	add(column{name: "image", get: imageCell, set: nil}) // read by setImage with the alt texts
	for _, col := range textColumns("image_alt", func(c *C) *pokot.Text { return &imageAlts(c).Alt }) {
		l := pokot.Lang(strings.TrimPrefix(col.name, "image_alt_"))
		col.get = func(c *C, _ *CSVOptions) string { // never creates an image while exporting
			if c.Image == nil {
				return ""
			}
			return c.Image.Alt[l]
		}
		add(col)
	}
	add(strColumn("contact_name", func(c *C) *string { return &c.Contact.Name }))
	add(strColumn("contact_email", func(c *C) *string { return &c.Contact.Email }))
	add(strColumn("contact_phone", func(c *C) *string { return &c.Contact.Phone }))
	add(column{name: "partners",
		get: func(c *C, _ *CSVOptions) string {
			var lines []string
			for _, p := range c.Partners {
				lines = append(lines, joinParts(p.Name, p.Role[pokot.Finnish], p.Role[pokot.Swedish], p.Role[pokot.English]))
			}
			return strings.Join(lines, "\n")
		},
		set: func(c *C, v string) (string, string) {
			for _, line := range splitLines(v) {
				p := splitParts(line, 5)
				if p[4] != "" {
					return "err.csv.partner_format", "one partner a line: name | role fi | role sv | role en"
				}
				c.Partners = append(c.Partners, pokot.WorkingLifePartner{Name: p[0], Role: textOf(p[1], p[2], p[3])})
			}
			return "", ""
		}})
	return cols
}()

// columnByName indexes contentColumns.
var columnByName = func() map[string]*column {
	m := map[string]*column{}
	for i := range contentColumns {
		m[contentColumns[i].name] = &contentColumns[i]
	}
	return m
}()

// imageAlts returns the image to hold alt texts while a row is read; export reads the
// real image. A row with alt texts but no image data is refused after reading.
func imageAlts(c *pokot.MicrocredentialContent) *pokot.BadgeImage {
	if c.Image == nil {
		c.Image = &pokot.BadgeImage{}
	}
	return c.Image
}

// imageCell writes the badge image as a data: URI.
func imageCell(c *pokot.MicrocredentialContent, _ *CSVOptions) string {
	if c.Image == nil || len(c.Image.Data) == 0 {
		return ""
	}
	return "data:" + c.Image.MediaType + ";base64," + base64.StdEncoding.EncodeToString(c.Image.Data)
}

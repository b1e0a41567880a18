package web

import (
	"bytes"
	"encoding/json"
	"html/template"
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/exchange"
	"github.com/pokot/pokot/i18n"
)

// courseJSONLD is the schema.org description of a POK page for search engines: a Course
// whose educationalCredentialAwarded is an EducationalOccupationalCredential. It goes into
// <script type="application/ld+json">, which browsers treat as data (the CSP's script-src
// does not apply to it). encoding/json escapes <, > and &, so the text cannot close the
// script element.
func courseJSONLD(baseURL string, l pokot.Lang, p *publicPOK, d *pokData) (template.JS, error) {
	base := strings.TrimRight(baseURL, "/")
	c := &p.Version.Content
	pageURL := exchange.MicrocredentialURL(base, p.MC.ID)
	if !p.Current() {
		pageURL = exchange.VersionURL(base, p.MC.ID, p.Version.Number)
	}
	provider := map[string]any{
		"@type": "EducationalOrganization",
		"@id":   exchange.OrgURL(base, p.Org),
		"name":  d.OrgName,
	}
	if d.OrgHomepage != "" {
		provider["url"] = d.OrgHomepage
	}
	if p.Org.Country != "" {
		addr := map[string]any{"@type": "PostalAddress", "addressCountry": p.Org.Country}
		if p.Org.Region != "" {
			addr["addressRegion"] = pokot.RegionName(p.Org.Region, l)
		}
		provider["address"] = addr
	}
	credential := map[string]any{
		"@type":              "EducationalOccupationalCredential",
		"name":               d.Title,
		"credentialCategory": i18n.T(l, "catalogue.jsonld.category"),
		"recognizedBy":       map[string]any{"@id": exchange.OrgURL(base, p.Org)},
		"url":                exchange.VersionURL(base, p.MC.ID, p.Version.Number),
	}
	course := map[string]any{
		"@context":                     "https://schema.org",
		"@type":                        "Course",
		"@id":                          pageURL,
		"url":                          pageURL,
		"name":                         d.Title,
		"inLanguage":                   string(l),
		"provider":                     provider,
		"educationalCredentialAwarded": credential,
		"version":                      p.Version.Number,
	}
	if d.Description != "" {
		course["description"] = d.Description
	}
	if c.EQFLevel > 0 {
		lvl := map[string]any{"@type": "DefinedTerm", "@id": "http://data.europa.eu/snb/eqf/" + itoa0(c.EQFLevel),
			"name": "EQF " + itoa0(c.EQFLevel), "termCode": itoa0(c.EQFLevel)}
		course["educationalLevel"] = lvl
		credential["educationalLevel"] = lvl
	}
	if c.Workload.Value > 0 {
		credits := map[string]any{"@type": "StructuredValue", "value": c.Workload.Value,
			"unitText": enumLabel(l, "unit", string(c.Workload.Unit))}
		course["numberOfCredits"] = credits
	}
	var teaches, skills []any
	for _, o := range c.Outcomes {
		if t := o.Text.Get(l); t != "" {
			teaches = append(teaches, t)
		}
		for _, sk := range o.Skills {
			skills = append(skills, map[string]any{"@type": "DefinedTerm", "@id": sk.URI, "name": conceptLabel(l, sk)})
		}
	}
	if len(teaches) > 0 {
		course["teaches"] = teaches
	}
	if len(skills) > 0 {
		credential["competencyRequired"] = skills
	}
	if d.Prerequisites != "" {
		course["coursePrerequisites"] = d.Prerequisites
	}
	if len(c.Languages) > 0 {
		course["availableLanguage"] = c.Languages
	}
	if c.ISCEDField != "" {
		course["about"] = map[string]any{"@type": "DefinedTerm", "@id": "http://data.europa.eu/snb/isced-f/" + c.ISCEDField,
			"termCode": c.ISCEDField, "name": fieldName(l, c.ISCEDField)}
	}
	if d.ImageURL != "" {
		course["image"] = base + d.ImageURL
	}
	if len(d.Keywords) > 0 {
		var ks []string
		for _, k := range d.Keywords {
			ks = append(ks, k.Word)
		}
		course["keywords"] = strings.Join(ks, ", ")
	}
	if len(c.Participation) > 0 {
		var modes []string
		for _, pf := range c.Participation {
			modes = append(modes, courseMode(pf))
		}
		course["hasCourseInstance"] = map[string]any{"@type": "CourseInstance", "courseMode": modes}
	}
	offer := map[string]any{"@type": "Offer", "category": "Paid", "price": c.Price.EUR, "priceCurrency": "EUR"}
	if c.Price.EUR <= 0 {
		offer["category"] = "Free"
	}
	course["offers"] = offer
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(course); err != nil {
		return "", err
	}
	return template.JS(bytes.TrimSpace(buf.Bytes())), nil
}

// courseMode maps a form of participation to schema.org's courseMode words.
func courseMode(p pokot.ParticipationForm) string {
	switch p {
	case pokot.ParticipationOnline:
		return "online"
	case pokot.ParticipationOnsite:
		return "onsite"
	case pokot.ParticipationBlended:
		return "blended"
	}
	return string(p)
}

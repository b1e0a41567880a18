package web

import (
	"context"
	"sort"
	"strconv"
	"sync"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// facetView is one filter of the catalogue: a fieldset of radio buttons (one value at a
// time, as the search takes it), "any" first, each value with its count in the label.
type facetView struct {
	Name     string // URL parameter
	Legend   string // catalog key
	Options  []facetOption
	Selected bool
	Open     bool // shown unfolded (the long lists are folded until used)
}

// facetOption is one value of a filter.
type facetOption struct {
	ID, Value, Label string
	Count            int
	Checked          bool
}

// checkFacet is a yes/no filter (Jotpa, stackable toward a qualification unit).
type checkFacet struct {
	Name, Key string
	Count     int
	Checked   bool
}

// activeFilter is a filter in use, with the link that removes it.
type activeFilter struct {
	Label     string // already in the reader's language
	RemoveURL string
}

// singleFacet describes one single-value filter: its parameter, facet name, legend and
// how the current query holds it.
type singleFacet struct {
	param, facet, legend string
	get                  func(q *pokot.CatalogQuery) string
}

var singleFacets = []singleFacet{
	{pField, pokot.FacetField, "catalogue.facet.field",
		func(q *pokot.CatalogQuery) string { return q.Field }},
	{pLevel, pokot.FacetLevel, "catalogue.facet.level",
		func(q *pokot.CatalogQuery) string { return itoa0(q.Level) }},
	{pLanguage, pokot.FacetLanguage, "catalogue.facet.language",
		func(q *pokot.CatalogQuery) string { return q.Language }},
	{pParticipation, pokot.FacetParticipation, "catalogue.facet.participation",
		func(q *pokot.CatalogQuery) string { return string(q.Participation) }},
	{pOrg, pokot.FacetOrg, "catalogue.facet.org",
		func(q *pokot.CatalogQuery) string { return itoa0(int(q.Org)) }},
	{pSkill, pokot.FacetSkill, "catalogue.facet.skill",
		func(q *pokot.CatalogQuery) string { return q.Skill }},
	{pUnit, pokot.FacetUnit, "catalogue.facet.unit",
		func(q *pokot.CatalogQuery) string { return string(q.Unit) }},
}

func itoa0(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// buildFacets fills the filters of d. The counts of a filter in use are those of the same
// search without that filter ("disjunctive" counts, which Search gives for every facet
// whose filter is in use), so that the other values stay visible with the number of
// results choosing them instead would give.
func (s *server) buildFacets(ctx context.Context, mcs pokot.MicrocredentialService, l pokot.Lang, p *catalogParams,
	res *pokot.CatalogResult, orgs map[int64]pokot.Text, d *catalogData) {
	for _, sf := range singleFacets {
		sel := sf.get(&p.Query)
		counts := res.Facets[sf.facet]
		fv := &facetView{Name: sf.param, Legend: sf.legend, Selected: sel != ""}
		found := false
		for _, c := range counts {
			fv.Options = append(fv.Options, facetOption{
				ID: "f-" + sf.param + "-" + strconv.Itoa(len(fv.Options)), Value: c.Value,
				Label: s.facetLabel(ctx, mcs, l, sf.facet, c.Value, orgs), Count: c.Count, Checked: c.Value == sel,
			})
			found = found || c.Value == sel
		}
		if sel != "" && !found {
			fv.Options = append(fv.Options, facetOption{ID: "f-" + sf.param + "-sel", Value: sel,
				Label: s.facetLabel(ctx, mcs, l, sf.facet, sel, orgs), Count: res.Total, Checked: true})
		}
		sortOptions := fv.Options
		switch sf.facet {
		case pokot.FacetLevel, pokot.FacetField:
			sort.SliceStable(sortOptions, func(i, j int) bool { return lessNumeric(sortOptions[i].Value, sortOptions[j].Value) })
		case pokot.FacetOrg:
			sort.SliceStable(sortOptions, func(i, j int) bool { return sortOptions[i].Label < sortOptions[j].Label })
		case pokot.FacetUnit, pokot.FacetParticipation:
			sort.SliceStable(sortOptions, func(i, j int) bool { return enumRank(sortOptions[i].Value) < enumRank(sortOptions[j].Value) })
		}
		fv.Open = sel != "" || len(fv.Options) <= 8
		if sel != "" {
			label := i18n.T(l, sf.legend) + ": " + s.facetLabel(ctx, mcs, l, sf.facet, sel, orgs)
			if sf.facet == pokot.FacetUnit && (p.Query.Min > 0 || p.Query.Max > 0) {
				label += " (" + rangeText(l, p) + ")"
			}
			d.Active = append(d.Active, activeFilter{Label: label, RemoveURL: p.link(sf.param, "")})
		}
		if sf.facet == pokot.FacetUnit {
			d.Units = fv
			continue
		}
		d.Facets = append(d.Facets, fv)
	}
	for _, b := range []struct {
		param, facet, key string
		on                bool
	}{
		{pJotpa, pokot.FacetJotpa, "catalogue.facet.jotpa", p.Query.Jotpa},
		{pStackable, pokot.FacetStackable, "catalogue.facet.stackable", p.Query.StackableToQualification},
	} {
		n := 0
		for _, c := range res.Facets[b.facet] {
			n += c.Count
		}
		d.Checks = append(d.Checks, checkFacet{Name: b.param, Key: b.key, Count: n, Checked: b.on})
		if b.on {
			d.Active = append(d.Active, activeFilter{Label: i18n.T(l, b.key), RemoveURL: p.link(b.param, "")})
		}
	}
}

// rangeText is the workload range in use: "2–5", "≥ 2", "≤ 5".
func rangeText(l pokot.Lang, p *catalogParams) string {
	q := &p.Query
	switch {
	case q.Min > 0 && q.Max > 0:
		return decimal(l, q.Min) + "–" + decimal(l, q.Max)
	case q.Min > 0:
		return "≥ " + decimal(l, q.Min)
	default:
		return "≤ " + decimal(l, q.Max)
	}
}

// facetLabel names one facet value in l.
func (s *server) facetLabel(ctx context.Context, mcs pokot.MicrocredentialService, l pokot.Lang, facet, v string, orgs map[int64]pokot.Text) string {
	switch facet {
	case pokot.FacetField:
		return fieldName(l, v)
	case pokot.FacetLevel:
		return i18n.T(l, "catalogue.level_value", "n", v)
	case pokot.FacetUnit:
		return enumLabel(l, "unit", v)
	case pokot.FacetParticipation:
		return enumLabel(l, "participation", v)
	case pokot.FacetLanguage:
		return languageName(l, v)
	case pokot.FacetOrg:
		id, _ := strconv.ParseInt(v, 10, 64)
		if n := orgs[id].Get(l); n != "" {
			return n
		}
		return v
	case pokot.FacetSkill:
		return skillLabel(ctx, mcs, l, v)
	}
	return v
}

func lessNumeric(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// enumRank orders units and forms of participation as the domain lists them.
func enumRank(v string) int {
	for i, u := range pokot.WorkloadUnits {
		if string(u) == v {
			return i
		}
	}
	for i, f := range pokot.ParticipationForms {
		if string(f) == v {
			return i
		}
	}
	return 100
}

// skillLabels remembers the labels of the ESCO skills seen in published POKs, because the
// skill facet counts URIs only. It is bounded (ESCO has about 14,000 skills).
var skillLabels = struct {
	sync.RWMutex
	m map[string]pokot.Text
}{m: map[string]pokot.Text{}}

const maxSkillLabels = 20000

// rememberSkills records the skill labels of a published description.
func rememberSkills(c *pokot.MicrocredentialContent) {
	for _, o := range c.Outcomes {
		for _, sk := range o.Skills {
			if sk.Label.Empty() {
				continue
			}
			skillLabels.RLock()
			_, ok := skillLabels.m[sk.URI]
			skillLabels.RUnlock()
			if ok {
				continue
			}
			skillLabels.Lock()
			if len(skillLabels.m) < maxSkillLabels {
				skillLabels.m[sk.URI] = sk.Label
			}
			skillLabels.Unlock()
		}
	}
}

// skillLabel names an ESCO skill: from what was seen, else from one published POK that
// carries it, else the URI.
func skillLabel(ctx context.Context, mcs pokot.MicrocredentialService, l pokot.Lang, uri string) string {
	skillLabels.RLock()
	t, ok := skillLabels.m[uri]
	skillLabels.RUnlock()
	if !ok {
		if res, err := mcs.Search(ctx, pokot.CatalogQuery{Skill: uri, PerPage: 1}); err == nil {
			for _, it := range res.Items {
				rememberSkills(&it.Content)
			}
		}
		skillLabels.RLock()
		t, ok = skillLabels.m[uri]
		skillLabels.RUnlock()
	}
	if ok {
		return t.Get(l)
	}
	return uri
}

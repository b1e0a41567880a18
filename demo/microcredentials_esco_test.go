package demo_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/demo"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// escoSkillURI is the form of an ESCO skill concept URI: the skill namespace and a UUID.
var escoSkillURI = regexp.MustCompile(`^http://data\.europa\.eu/esco/skill/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// checkLabels reports a concept whose label is missing in a language, or whose Finnish label
// is just the English one (Python is spelled the same in every language).
func checkLabels(t *testing.T, where string, c pokot.Concept) {
	t.Helper()
	for _, l := range pokot.Langs {
		if strings.TrimSpace(c.Label[l]) == "" {
			t.Errorf("%s: no %s label (%v)", where, l, c.Label)
		}
	}
	if c.Label[pokot.Finnish] == c.Label[pokot.English] && !strings.HasPrefix(c.Label[pokot.English], "Python") {
		t.Errorf("%s: the Finnish label is the English one: %q", where, c.Label[pokot.Finnish])
	}
}

// TestESCOSkillsTable: every entry of the demo's ESCO table has a skill URI of the right form,
// no two entries share a URI or an English label, and each has its fi/sv/en labels.
func TestESCOSkillsTable(t *testing.T) {
	skills := demo.ESCOSkills()
	if len(skills) < 60 {
		t.Fatalf("only %d ESCO skills in the demo table", len(skills))
	}
	uris, labels := map[string]string{}, map[string]bool{}
	for _, c := range skills {
		en := c.Label[pokot.English]
		if !escoSkillURI.MatchString(c.URI) {
			t.Errorf("%q: %q is not an ESCO skill URI", en, c.URI)
		}
		if other, dup := uris[c.URI]; dup {
			t.Errorf("%q and %q share the URI %s", other, en, c.URI)
		}
		uris[c.URI] = en
		if labels[en] {
			t.Errorf("two entries are labelled %q", en)
		}
		labels[en] = true
		checkLabels(t, en, c)
	}
	// The one URI known independently of the table: Python's.
	if uris["http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"] != "Python (computer programming)" {
		t.Error("Python (computer programming) does not have its ESCO URI")
	}
}

// TestDemoESCOLabels: every ESCO skill and occupation of every demo POK (published or draft)
// has an ESCO URI and its label in Finnish, Swedish and English; every skill is one of the
// table's, with a skill URI of the right form, and each URI always comes with the same label.
func TestDemoESCOLabels(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.New(t)
	if _, err := demo.SeedWith(ctx, db, cheap); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.SeedMicrocredentials(ctx, db); err != nil {
		t.Fatal(err)
	}
	table := map[string]pokot.Concept{}
	for _, c := range demo.ESCOSkills() {
		table[c.URI] = c
	}
	concepts, skills := 0, map[string]bool{}
	for _, slug := range []string{"hamk", "haaga-helia", "jamk", "oamk", "tamk"} {
		org, err := db.OrgBySlug(ctx, slug)
		if err != nil {
			t.Fatal(err)
		}
		ms, err := db.Microcredentials(ctx, org.ID, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			for i, o := range m.Current.Content.Outcomes {
				where := slug + "/" + m.Slug + " outcome " + string(rune('1'+i))
				for _, c := range o.Skills {
					concepts++
					skills[c.URI] = true
					if !escoSkillURI.MatchString(c.URI) {
						t.Errorf("%s: skill %q has no ESCO skill URI (%q)", where, c.Label[pokot.English], c.URI)
						continue
					}
					want, ok := table[c.URI]
					if !ok {
						t.Errorf("%s: skill %s is not in the ESCO table", where, c.URI)
					}
					for _, l := range pokot.Langs {
						if c.Label[l] != want.Label[l] {
							t.Errorf("%s: %s label %q, the table has %q", where, l, c.Label[l], want.Label[l])
						}
					}
					checkLabels(t, where+" "+c.URI, c)
				}
				for _, c := range o.Occupations {
					concepts++
					if !strings.HasPrefix(c.URI, "http://data.europa.eu/esco/") {
						t.Errorf("%s: %s is not an ESCO URI", where, c.URI)
					}
					checkLabels(t, where+" "+c.URI, c)
				}
			}
		}
	}
	if concepts < 60 {
		t.Fatalf("only %d ESCO references in the demo", concepts)
	}
	// No dead entries: the table holds the skills the demo uses, and only those.
	for uri, c := range table {
		if !skills[uri] {
			t.Errorf("the ESCO table has %q (%s), which no demo POK uses", c.Label[pokot.English], uri)
		}
	}
}

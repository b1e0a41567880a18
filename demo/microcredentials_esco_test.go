package demo_test

import (
	"context"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/demo"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// TestDemoESCOLabels: every ESCO skill and occupation of every demo POK (published or
// draft) has its label in Finnish, Swedish and English, and a Finnish label that is not
// just the English one.
func TestDemoESCOLabels(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.New(t)
	if _, err := demo.SeedWith(ctx, db, cheap); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.SeedMicrocredentials(ctx, db); err != nil {
		t.Fatal(err)
	}
	concepts := 0
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
				for _, c := range append(append([]pokot.Concept(nil), o.Skills...), o.Occupations...) {
					concepts++
					where := slug + "/" + m.Slug + " outcome " + string(rune('1'+i)) + " " + c.URI
					if !strings.HasPrefix(c.URI, "http://data.europa.eu/esco/") {
						t.Errorf("%s: not an ESCO URI", where)
					}
					for _, l := range pokot.Langs {
						if strings.TrimSpace(c.Label[l]) == "" {
							t.Errorf("%s: no %s label (%v)", where, l, c.Label)
						}
					}
					if c.Label[pokot.Finnish] == c.Label[pokot.English] && !strings.HasPrefix(c.Label[pokot.English], "Python") {
						t.Errorf("%s: the Finnish label is the English one: %q", where, c.Label[pokot.Finnish])
					}
				}
			}
		}
	}
	if concepts < 60 {
		t.Fatalf("only %d ESCO references in the demo", concepts)
	}
}

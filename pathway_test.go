package pokot_test

import (
	"errors"
	"testing"

	"github.com/pokot/pokot"
)

func TestValidatePathway(t *testing.T) {
	ok := pokot.Pathway{Name: pokot.Text{"fi": "Polku"}, Members: []int64{1, 2, 3}, Required: 2,
		Target: pokot.QualificationUnit{Code: "106936", URL: "https://eperusteet.opintopolku.fi/"}}
	if err := pokot.ValidatePathway(&ok); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		change func(p *pokot.Pathway)
		key    string
	}{
		{"N > M", func(p *pokot.Pathway) { p.Required = 4 }, "err.pathway.required_too_many"},
		{"no members", func(p *pokot.Pathway) { p.Members, p.Required = nil, 0 }, "err.pathway.no_members"},
		{"duplicate", func(p *pokot.Pathway) { p.Members = []int64{1, 2, 1} }, "err.pathway.duplicate_member"},
		{"zero id", func(p *pokot.Pathway) { p.Members = []int64{1, 0}; p.Required = 0 }, "err.pathway.unknown_member"},
		{"too many", func(p *pokot.Pathway) {
			p.Members = nil
			for i := int64(1); i <= 31; i++ {
				p.Members = append(p.Members, i)
			}
		}, "err.pathway.too_many_members"},
		{"no Finnish name", func(p *pokot.Pathway) { p.Name = pokot.Text{"en": "Path"} }, "err.pathway.name_required"},
		{"bad code", func(p *pokot.Pathway) { p.Target.Code = "10 69" }, "err.mc.unit_code_invalid"},
		{"http link", func(p *pokot.Pathway) { p.Target.URL = "http://eperusteet.opintopolku.fi/" }, "err.mc.url_invalid"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := ok
			p.Members = append([]int64(nil), ok.Members...)
			tc.change(&p)
			var es pokot.Errors
			if err := pokot.ValidatePathway(&p); !errors.As(err, &es) || es[0].Key != tc.key || pokot.ErrorCode(err) != pokot.EINVALID {
				t.Fatalf("got %v, want %s", err, tc.key)
			}
		})
	}
}

func TestPathwayNeedAndPercent(t *testing.T) {
	p := &pokot.Pathway{Members: []int64{1, 2, 3, 4}}
	if p.Need() != 4 {
		t.Fatalf("all of 4: need %d", p.Need())
	}
	p.Required = 2
	if p.Need() != 2 {
		t.Fatalf("any 2 of 4: need %d", p.Need())
	}
	for _, tc := range []struct{ held, need, want int }{{0, 3, 0}, {1, 3, 33}, {2, 3, 66}, {3, 3, 100}, {4, 2, 100}, {0, 0, 0}} {
		pr := &pokot.PathwayProgress{Held: make([]pokot.PathwayHolding, tc.held), Need: tc.need}
		if got := pr.Percent(); got != tc.want {
			t.Errorf("%d of %d: %d%%, want %d", tc.held, tc.need, got, tc.want)
		}
	}
}

package certificate

import (
	"slices"
	"testing"
)

// cuts finds where the second part begins in each wrapped line, also when the text wraps
// inside either part, when a long word is broken into pieces and when a part is empty.
func TestPartsCuts(t *testing.T) {
	for _, tc := range []struct {
		p     parts
		width float64
		want  []string // each line as "a|b"
	}{
		{parts{a: "Stacks toward the qualification unit", b: "Hyvinvointiteknologian käyttö (106936)"}, 1000,
			[]string{"Stacks toward the qualification unit |Hyvinvointiteknologian käyttö (106936)"}},
		{parts{a: "Stacks toward the qualification unit", b: "Hyvinvointiteknologian käyttö (106936)"}, 120,
			[]string{"Stacks toward the|", "qualification unit|", "|Hyvinvointiteknologian", "|käyttö (106936)"}},
		{parts{a: "Stacks toward the qualification unit", b: "Hyvinvointiteknologian käyttö (106936)"}, 320,
			[]string{"Stacks toward the qualification unit |Hyvinvointiteknologian käyttö", "|(106936)"}},
		{parts{a: "Assessment  criteria:", b: "https://example.fi/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}, 150,
			nil}, // checked below: every piece of the broken address is b
		{parts{a: "Koe"}, 100, []string{"Koe|"}},
		{parts{b: "Koe"}, 100, []string{"|Koe"}},
	} {
		lines := wrap(tc.p.text(), false, 10, tc.width)
		cuts := tc.p.cuts(lines)
		got := make([]string, len(lines))
		for i, l := range lines {
			got[i] = l[:cuts[i]] + "|" + l[cuts[i]:]
		}
		if tc.want == nil {
			if len(got) < 3 || got[0] != "Assessment criteria:|" {
				t.Errorf("%q: %q", tc.p.text(), got)
			}
			for _, g := range got[1:] {
				if g[0] != '|' {
					t.Errorf("a piece of the address is not in b: %q", got)
				}
			}
			continue
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q at %v: %q, want %q", tc.p.text(), tc.width, got, tc.want)
		}
	}
}

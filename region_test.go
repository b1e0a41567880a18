package pokot_test

import (
	"testing"

	"github.com/pokot/pokot"
)

func TestRegionsComplete(t *testing.T) {
	if len(pokot.Regions) != 19 {
		t.Fatalf("%d regions, Finland has 19", len(pokot.Regions))
	}
	seen := map[string]string{}
	for _, r := range pokot.Regions {
		if len(r.Code) != 2 {
			t.Errorf("code %q", r.Code)
		}
		for _, l := range pokot.Langs {
			n := r.Name[l]
			if n == "" {
				t.Errorf("%s has no %s name", r.Code, l)
			}
			if other, ok := seen[n]; ok && other != r.Code {
				t.Errorf("%q names both %s and %s", n, other, r.Code)
			}
			seen[n] = r.Code
			if got, ok := pokot.RegionByName(n); !ok || got.Code != r.Code {
				t.Errorf("RegionByName(%q) = %v %v", n, got.Code, ok)
			}
		}
	}
}

func TestRegionName(t *testing.T) {
	tests := []struct {
		in   string
		l    pokot.Lang
		want string
	}{
		{"Uusimaa", pokot.Swedish, "Nyland"},
		{"Pirkanmaa", pokot.Swedish, "Birkaland"},
		{"Varsinais-Suomi", pokot.Swedish, "Egentliga Finland"},
		{"Pohjanmaa", pokot.Swedish, "Österbotten"},
		{"Kanta-Häme", pokot.Swedish, "Egentliga Tavastland"},
		{"Keski-Suomi", pokot.Swedish, "Mellersta Finland"},
		{"Pohjois-Pohjanmaa", pokot.Swedish, "Norra Österbotten"},
		{"Ahvenanmaa", pokot.Swedish, "Åland"},
		{"Ahvenanmaa", pokot.English, "Åland"},
		{"Varsinais-Suomi", pokot.English, "Southwest Finland"},
		{"Lappi", pokot.English, "Lapland"},
		{"Uusimaa", pokot.English, "Uusimaa"},
		{"Kanta-Häme", pokot.English, "Kanta-Häme"},
		// Stored in another language, another case, or by code: shown in the reader's.
		{"Nyland", pokot.Finnish, "Uusimaa"},
		{"  birkaland ", pokot.Finnish, "Pirkanmaa"},
		{"Central Finland", pokot.Swedish, "Mellersta Finland"},
		{"Tavastia Proper", pokot.Finnish, "Kanta-Häme"},
		{"13", pokot.English, "Central Finland"},
		// Not a Finnish region: as written.
		{"Västra Götaland", pokot.Finnish, "Västra Götaland"},
		{"", pokot.Swedish, ""},
		{"03", pokot.Finnish, "03"}, // no longer a region code
	}
	for _, tt := range tests {
		if got := pokot.RegionName(tt.in, tt.l); got != tt.want {
			t.Errorf("RegionName(%q, %s) = %q, want %q", tt.in, tt.l, got, tt.want)
		}
	}
	if n := pokot.RegionNames("Uusimaa"); n[pokot.Finnish] != "Uusimaa" || n[pokot.Swedish] != "Nyland" || n[pokot.English] != "Uusimaa" {
		t.Errorf("RegionNames(Uusimaa) = %v", n)
	}
	if n := pokot.RegionNames("Skåne"); len(n) != 1 || n[pokot.Finnish] != "Skåne" {
		t.Errorf("RegionNames(Skåne) = %v", n)
	}
	if n := pokot.RegionNames(" "); len(n) != 0 {
		t.Errorf("RegionNames(blank) = %v", n)
	}
}

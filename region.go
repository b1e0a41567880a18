package pokot

import "strings"

// Region is a Finnish region (maakunta, landskap) with its Statistics Finland code and its
// official names in Finnish, Swedish and English. Organisation.Region holds the Finnish name
// of one of these, or free text for an awarding body outside Finland.
type Region struct {
	Code string // Statistics Finland's two-digit region code, e.g. "01"
	Name Text
}

// Regions lists the 19 regions of Finland in Statistics Finland's order. Swedish names are
// the official ones of the Language Act's bilingual naming; English names are the
// Government's recommended ones where one is established (Southwest Finland, Lapland, North
// Karelia …) and otherwise the Finnish name, as English texts use it (Uusimaa, Pirkanmaa).
var Regions = []Region{
	{"01", Text{Finnish: "Uusimaa", Swedish: "Nyland", English: "Uusimaa"}},
	{"02", Text{Finnish: "Varsinais-Suomi", Swedish: "Egentliga Finland", English: "Southwest Finland"}},
	{"04", Text{Finnish: "Satakunta", Swedish: "Satakunta", English: "Satakunta"}},
	{"05", Text{Finnish: "Kanta-Häme", Swedish: "Egentliga Tavastland", English: "Kanta-Häme"}},
	{"06", Text{Finnish: "Pirkanmaa", Swedish: "Birkaland", English: "Pirkanmaa"}},
	{"07", Text{Finnish: "Päijät-Häme", Swedish: "Päijänne-Tavastland", English: "Päijät-Häme"}},
	{"08", Text{Finnish: "Kymenlaakso", Swedish: "Kymmenedalen", English: "Kymenlaakso"}},
	{"09", Text{Finnish: "Etelä-Karjala", Swedish: "Södra Karelen", English: "South Karelia"}},
	{"10", Text{Finnish: "Etelä-Savo", Swedish: "Södra Savolax", English: "South Savo"}},
	{"11", Text{Finnish: "Pohjois-Savo", Swedish: "Norra Savolax", English: "North Savo"}},
	{"12", Text{Finnish: "Pohjois-Karjala", Swedish: "Norra Karelen", English: "North Karelia"}},
	{"13", Text{Finnish: "Keski-Suomi", Swedish: "Mellersta Finland", English: "Central Finland"}},
	{"14", Text{Finnish: "Etelä-Pohjanmaa", Swedish: "Södra Österbotten", English: "South Ostrobothnia"}},
	{"15", Text{Finnish: "Pohjanmaa", Swedish: "Österbotten", English: "Ostrobothnia"}},
	{"16", Text{Finnish: "Keski-Pohjanmaa", Swedish: "Mellersta Österbotten", English: "Central Ostrobothnia"}},
	{"17", Text{Finnish: "Pohjois-Pohjanmaa", Swedish: "Norra Österbotten", English: "North Ostrobothnia"}},
	{"18", Text{Finnish: "Kainuu", Swedish: "Kajanaland", English: "Kainuu"}},
	{"19", Text{Finnish: "Lappi", Swedish: "Lappland", English: "Lapland"}},
	{"21", Text{Finnish: "Ahvenanmaa", Swedish: "Åland", English: "Åland"}},
}

// regionAliases are other names in use for some regions (older English exonyms).
var regionAliases = map[string]string{
	"finland proper":       "02",
	"tavastia proper":      "05",
	"päijänne tavastia":    "07",
	"åland islands":        "21",
	"aland":                "21",
	"ahvenanmaan maakunta": "21",
}

// regionIndex finds a region by its code or any of its names, lower-cased.
var regionIndex = func() map[string]int {
	m := map[string]int{}
	for i, r := range Regions {
		m[r.Code] = i
		for _, n := range r.Name {
			m[strings.ToLower(n)] = i
		}
	}
	for a, code := range regionAliases {
		m[a] = m[code]
	}
	return m
}()

// RegionByName finds the region that s names: its code or its name in any language or a
// known alias, ignoring case and surrounding space ("Nyland", "uusimaa", "01").
func RegionByName(s string) (Region, bool) {
	i, ok := regionIndex[strings.ToLower(strings.TrimSpace(s))]
	if !ok {
		return Region{}, false
	}
	return Regions[i], true
}

// RegionName returns the name of region s in l when s names a Finnish region, and s as
// given otherwise (a region abroad, written by its organisation).
func RegionName(s string, l Lang) string {
	if r, ok := RegionByName(s); ok {
		return r.Name.Get(l)
	}
	return s
}

// RegionNames returns region s in every language when it names a Finnish region, and
// otherwise s as given in Finnish only (no translation is invented).
func RegionNames(s string) Text {
	if r, ok := RegionByName(s); ok {
		return Text{Finnish: r.Name[Finnish], Swedish: r.Name[Swedish], English: r.Name[English]}
	}
	if strings.TrimSpace(s) == "" {
		return Text{}
	}
	return Text{Finnish: s}
}

package demo

import "github.com/pokot/pokot"

// person is a made-up demo person (not one of the project's real contact people).
type person struct{ name, email string }

// institution is one of the five POKOT universities of applied sciences with its demo
// people, one per role in the order of pokot.Roles (org admin, designer, assessor,
// working-life partner, learner). Business IDs are left empty on purpose: the demo does not
// claim official registry data.
type institution struct {
	org    pokot.Organisation
	people [5]person
}

var institutions = []institution{
	{
		org: pokot.Organisation{Slug: "hamk", Country: "FI", Region: "Kanta-Häme", Homepage: "https://www.hamk.fi",
			Name: pokot.Text{"fi": "Hämeen ammattikorkeakoulu", "sv": "Tavastlands yrkeshögskola", "en": "Häme University of Applied Sciences"}},
		people: [5]person{
			{"Mikko Korhonen", "mikko.korhonen"}, {"Laura Nieminen", "laura.nieminen"},
			{"Jari Mäkinen", "jari.makinen"}, {"Tiina Heikkinen", "tiina.heikkinen"}, {"Eetu Koskinen", "eetu.koskinen"},
		},
	},
	{
		org: pokot.Organisation{Slug: "haaga-helia", Country: "FI", Region: "Uusimaa", Homepage: "https://www.haaga-helia.fi",
			Name: pokot.Text{"fi": "Haaga-Helia ammattikorkeakoulu", "sv": "Haaga-Helia yrkeshögskola", "en": "Haaga-Helia University of Applied Sciences"}},
		people: [5]person{
			{"Anna Virtanen", "anna.virtanen"}, {"Juha Lehtonen", "juha.lehtonen"},
			{"Katja Laine", "katja.laine"}, {"Petri Salminen", "petri.salminen"}, {"Emma Järvinen", "emma.jarvinen"},
		},
	},
	{
		org: pokot.Organisation{Slug: "jamk", Country: "FI", Region: "Keski-Suomi", Homepage: "https://www.jamk.fi",
			Name: pokot.Text{"fi": "Jyväskylän ammattikorkeakoulu", "sv": "Jyväskylä yrkeshögskola", "en": "JAMK University of Applied Sciences"}},
		people: [5]person{
			{"Timo Hämäläinen", "timo.hamalainen"}, {"Heidi Lindqvist", "heidi.lindqvist"},
			{"Marko Turunen", "marko.turunen"}, {"Sari Kettunen", "sari.kettunen"}, {"Onni Peltonen", "onni.peltonen"},
		},
	},
	{
		org: pokot.Organisation{Slug: "oamk", Country: "FI", Region: "Pohjois-Pohjanmaa", Homepage: "https://www.oamk.fi",
			Name: pokot.Text{"fi": "Oulun ammattikorkeakoulu", "sv": "Uleåborgs yrkeshögskola", "en": "Oulu University of Applied Sciences"}},
		people: [5]person{
			{"Riikka Kemppainen", "riikka.kemppainen"}, {"Antti Väisänen", "antti.vaisanen"},
			{"Minna Karjalainen", "minna.karjalainen"}, {"Ville Rantanen", "ville.rantanen"}, {"Aino Pirinen", "aino.pirinen"},
		},
	},
	{
		org: pokot.Organisation{Slug: "tamk", Country: "FI", Region: "Pirkanmaa", Homepage: "https://www.tamk.fi",
			Name: pokot.Text{"fi": "Tampereen ammattikorkeakoulu", "sv": "Tammerfors yrkeshögskola", "en": "Tampere University of Applied Sciences"}},
		people: [5]person{
			{"Kari Aaltonen", "kari.aaltonen"}, {"Johanna Lahtinen", "johanna.lahtinen"},
			{"Pekka Saarinen", "pekka.saarinen"}, {"Hanna Mattila", "hanna.mattila"}, {"Leevi Hiltunen", "leevi.hiltunen"},
		},
	},
}

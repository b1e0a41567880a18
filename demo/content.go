package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/pokot/pokot"
)

// helsinki is where every date of the seed page is meant.
var helsinki = func() *time.Location {
	l, err := time.LoadLocation("Europe/Helsinki")
	if err != nil {
		return time.FixedZone("EET", 2*3600) // no tzdata: winter time is close enough for a demo
	}
	return l
}()

// at returns d.m.yyyy hh.mm in Helsinki time.
func at(d, m, y, hh, mm int) time.Time {
	return time.Date(y, time.Month(m), d, hh, mm, 0, 0, helsinki)
}

type event struct {
	title, desc    pokot.Text
	day, mon, year int
	from, to       [2]int // hour, minute
	place          string
	online         bool
	org            string
}

var (
	discussion = pokot.Text{
		"fi": "Keskustelutilaisuus: pienten osaamiskokonaisuuksien merkitys ja opettajien osaaminen",
		"sv": "Diskussionsmöte: mikrokvalifikationernas betydelse och lärarnas kompetens",
		"en": "Discussion session: the significance of micro-credentials and teachers' competence",
	}
	discussionDesc = pokot.Text{
		"fi": "Ammatillisille oppilaitoksille suunnattu keskustelutilaisuus pienten osaamiskokonaisuuksien suunnittelusta ja toteutuksesta Zoomin välityksellä.",
		"sv": "Diskussionsmöte för yrkesläroanstalter om planering och genomförande av mikrokvalifikationer, via Zoom.",
		"en": "A discussion session for vocational institutions on designing and delivering micro-credentials, on Zoom.",
	}
	design = func(n string) pokot.Text {
		return pokot.Text{"fi": "Muotoilutyöpaja " + n + ": Muotoile oppiminen asiakaslähtöiseksi!", "sv": "Designverkstad " + n + ": Gör lärandet kundorienterat!", "en": "Design workshop " + n + ": Make learning customer-driven!"}
	}
)

// events are the project's events from its web page (../shared/seed). Where the page gives
// no time (kick-off, AOKK workshop, seminar) the demo uses a plausible afternoon slot.
var events = []event{
	{title: pokot.Text{"fi": "POKOT-aloituswebinaari", "sv": "POKOT-startwebbinarium", "en": "POKOT kick-off webinar"},
		desc: pokot.Text{"fi": "Hankkeen aloituswebinaari keräsi 126 osallistujaa.", "sv": "Projektets startwebbinarium samlade 126 deltagare.", "en": "The project's kick-off webinar gathered 126 participants."},
		day:  14, mon: 5, year: 2025, from: [2]int{14, 0}, to: [2]int{16, 0}, online: true, org: "hamk"},
	{title: pokot.Text{"fi": "Jatkuvalla oppimisella 2030-luvulle", "sv": "Med kontinuerligt lärande in på 2030-talet", "en": "Continuous learning into the 2030s"},
		desc: pokot.Text{"fi": "Seminaari tulevaisuusmuotoilusta ja jatkuvan oppimisen suunnasta.", "sv": "Seminarium om framtidsdesign och riktningen för kontinuerligt lärande.", "en": "A seminar on futures design and where continuous learning is heading."},
		day:  28, mon: 8, year: 2025, from: [2]int{9, 0}, to: [2]int{15, 0}, place: "G Livelab, Tampere", org: "tamk"},
	{title: discussion, desc: discussionDesc, day: 7, mon: 10, year: 2025, from: [2]int{14, 0}, to: [2]int{16, 0}, place: "Zoom", online: true},
	{title: discussion, desc: discussionDesc, day: 16, mon: 10, year: 2025, from: [2]int{14, 0}, to: [2]int{16, 0}, place: "Zoom", online: true},
	{title: discussion, desc: discussionDesc, day: 27, mon: 10, year: 2025, from: [2]int{13, 0}, to: [2]int{15, 0}, place: "Zoom", online: true},
	{title: pokot.Text{"fi": "Webinaari 1: Tietoa ja ymmärrystä tulevaisuuden osaamistarpeista eri ammattialoilla", "sv": "Webbinarium 1: Kunskap om framtidens kompetensbehov inom olika branscher", "en": "Webinar 1: Understanding future skills needs in different occupational fields"},
		day: 4, mon: 11, year: 2025, from: [2]int{14, 0}, to: [2]int{16, 0}, online: true},
	{title: pokot.Text{"fi": "Oppimisen muotoilun työpaja, osa 1", "sv": "Verkstad i lärandedesign, del 1", "en": "Learning design workshop, part 1"},
		day: 13, mon: 11, year: 2025, from: [2]int{14, 0}, to: [2]int{16, 0}, online: true},
	{title: pokot.Text{"fi": "Oppimisen muotoilun työpaja, osa 2", "sv": "Verkstad i lärandedesign, del 2", "en": "Learning design workshop, part 2"},
		day: 20, mon: 11, year: 2025, from: [2]int{14, 0}, to: [2]int{16, 0}, online: true},
	{title: pokot.Text{"fi": "Webinaari 2: Ennakointiaineistoja hyödyntäviä työkaluja osaamisen tunnistamiseen", "sv": "Webbinarium 2: Verktyg som använder prognosdata för att identifiera kompetens", "en": "Webinar 2: Foresight-based tools for recognising competence"},
		day: 3, mon: 12, year: 2025, from: [2]int{14, 0}, to: [2]int{16, 0}, online: true},
	{title: pokot.Text{"fi": "AOKK-verkkotyöpaja: Jatkuva oppiminen ja pienet osaamiskokonaisuudet ammatillisessa opettajankoulutuksessa", "sv": "Webbverkstad: Kontinuerligt lärande och mikrokvalifikationer i yrkeslärarutbildningen", "en": "Online workshop: Continuous learning and micro-credentials in vocational teacher education"},
		day: 9, mon: 12, year: 2025, from: [2]int{9, 0}, to: [2]int{11, 0}, online: true},
	{title: pokot.Text{"fi": "Terveys- ja hyvinvointiteknologian pienet osaamiskokonaisuudet", "sv": "Mikrokvalifikationer inom hälso- och välfärdsteknologi", "en": "Micro-credentials in health and welfare technology"},
		desc: pokot.Text{"fi": "POKOT- ja Care about IT -hankkeiden yhteinen verkkotapahtuma esityksineen.", "sv": "Gemensamt webbevenemang med presentationer av projekten POKOT och Care about IT.", "en": "A joint online event of the POKOT and Care about IT projects, with presentations."},
		day:  9, mon: 12, year: 2025, from: [2]int{14, 0}, to: [2]int{15, 30}, online: true},
	{title: design("1"), day: 22, mon: 1, year: 2026, from: [2]int{14, 0}, to: [2]int{16, 0}, online: true},
	{title: design("2"), day: 27, mon: 1, year: 2026, from: [2]int{14, 0}, to: [2]int{16, 0}, online: true},
	{title: pokot.Text{"fi": "Webinaari 3: Toimintamalleja työelämälähtöiseen osaamisen kehittämiseen", "sv": "Webbinarium 3: Modeller för arbetslivsorienterad kompetensutveckling", "en": "Webinar 3: Models for work-based competence development"},
		day: 28, mon: 1, year: 2026, from: [2]int{14, 0}, to: [2]int{16, 0}, online: true},
	{title: design("2"), day: 10, mon: 2, year: 2026, from: [2]int{14, 0}, to: [2]int{16, 0}, online: true},
	{title: design("1"), day: 12, mon: 2, year: 2026, from: [2]int{14, 0}, to: [2]int{16, 0}, online: true},
}

type publication struct {
	title, summary pokot.Text
	day, mon, year int
	org            string
}

var publications = []publication{
	{title: pokot.Text{"fi": "Pienet osaamiskokonaisuudet ammatillisessa koulutuksessa -taustaselvitys", "sv": "Mikrokvalifikationer i yrkesutbildningen – bakgrundsutredning", "en": "Micro-credentials in vocational education and training – background report"},
		summary: pokot.Text{"fi": "Määritelmiä, suosituksia, perusteluita ja tutkimustietoa pienistä osaamiskokonaisuuksista.", "sv": "Definitioner, rekommendationer, motiveringar och forskning om mikrokvalifikationer.", "en": "Definitions, recommendations, rationale and research on micro-credentials."},
		day:     17, mon: 6, year: 2025},
	{title: pokot.Text{"fi": "Jatkuvan oppimisen tulevaisuus rakentuu yhteistyöstä, ekosysteemeistä ja osaamisen muotoilusta", "sv": "Framtidens kontinuerliga lärande bygger på samarbete, ekosystem och kompetensdesign", "en": "The future of continuous learning is built on cooperation, ecosystems and competence design"},
		summary: pokot.Text{"fi": "Blogi seminaarista Jatkuvalla oppimisella 2030-luvulle.", "sv": "Blogg om seminariet Med kontinuerligt lärande in på 2030-talet.", "en": "A blog post on the seminar Continuous learning into the 2030s."},
		day:     15, mon: 9, year: 2025, org: "tamk"},
	{title: pokot.Text{"fi": "Pienten osaamiskokonaisuuksien mahdollisuudet ja mahdottomuudet ammatillisessa koulutuksessa", "sv": "Mikrokvalifikationernas möjligheter och omöjligheter i yrkesutbildningen", "en": "The possibilities and impossibilities of micro-credentials in vocational education"},
		summary: pokot.Text{"fi": "Artikkeli: katsaus pienten osaamiskokonaisuuksien tutkimukseen ammatillisen koulutuksen näkökulmasta.", "sv": "Artikel: en översikt av forskningen om mikrokvalifikationer ur yrkesutbildningens perspektiv.", "en": "Article: a review of research on micro-credentials from the viewpoint of vocational education."},
		day:     24, mon: 9, year: 2025},
	{title: pokot.Text{"fi": "Pienet osaamiskokonaisuudet uudistavat ammatillista koulutusta", "sv": "Mikrokvalifikationer förnyar yrkesutbildningen", "en": "Micro-credentials are renewing vocational education"},
		day: 19, mon: 11, year: 2025},
	{title: pokot.Text{"fi": "Jatkuvan oppimisen kipupisteet ja mahdollisuudet ammatillisissa opettajakorkeakouluissa", "sv": "Det kontinuerliga lärandets smärtpunkter och möjligheter vid yrkeshögskolornas lärarutbildningar", "en": "Pain points and opportunities of continuous learning in vocational teacher education colleges"},
		summary: pokot.Text{"fi": "Blogi: teemoja 9.12.2025 pidetystä verkkotyöpajasta.", "sv": "Blogg: teman från webbverkstaden den 9.12.2025.", "en": "A blog post: themes from the online workshop of 9 Dec 2025."},
		day:     19, mon: 12, year: 2025, org: "tamk"},
}

func seedContent(ctx context.Context, store pokot.Store, orgs map[string]int64) error {
	orgID := func(slug string) *int64 {
		if slug == "" {
			return nil
		}
		id := orgs[slug]
		return &id
	}
	for _, e := range events {
		ev := &pokot.Event{OrgID: orgID(e.org), Title: e.title, Description: e.desc, Place: e.place, Online: e.online,
			Starts: at(e.day, e.mon, e.year, e.from[0], e.from[1]), Ends: at(e.day, e.mon, e.year, e.to[0], e.to[1])}
		if err := store.CreateEvent(ctx, ev); err != nil {
			return fmt.Errorf("demo: event %q: %w", e.title.Get(pokot.Finnish), err)
		}
	}
	for _, p := range publications {
		pub := &pokot.Publication{OrgID: orgID(p.org), Title: p.title, Summary: p.summary,
			Published: at(p.day, p.mon, p.year, 12, 0)}
		if err := store.CreatePublication(ctx, pub); err != nil {
			return fmt.Errorf("demo: publication %q: %w", p.title.Get(pokot.Finnish), err)
		}
	}
	return nil
}

package demo

import "github.com/pokot/pokot"

// Shorthands for the demo data.
var (
	online  = []pokot.ParticipationForm{pokot.ParticipationOnline}
	blended = []pokot.ParticipationForm{pokot.ParticipationBlended}
	onsite  = []pokot.ParticipationForm{pokot.ParticipationOnsite}
	atWork  = []pokot.ParticipationForm{pokot.ParticipationBlended, pokot.ParticipationWorkExperience}

	byAssignment    = []pokot.AssessmentType{pokot.AssessAssignment}
	byDemonstration = []pokot.AssessmentType{pokot.AssessDemonstration, pokot.AssessObservation}
	byProject       = []pokot.AssessmentType{pokot.AssessProject, pokot.AssessPortfolio}
	byTest          = []pokot.AssessmentType{pokot.AssessTest, pokot.AssessAssignment}

	fiOnly   = []string{"fi"}
	fiEn     = []string{"fi", "en"}
	fiSv     = []string{"fi", "sv"}
	weeks6   = t("6 viikkoa", "6 veckor", "6 weeks")
	weeks8   = t("8 viikkoa", "8 veckor", "8 weeks")
	weeks10  = t("10 viikkoa", "10 veckor", "10 weeks")
	months4  = t("4 kuukautta", "4 månader", "4 months")
	days3    = t("3 päivää", "3 dagar", "3 days")
	webPlace = t("Verkossa", "På nätet", "Online")
)

// Care, health and welfare.
var careDemo = []demoPOK{
	{org: "hamk", slug: "hoivarobotiikan-perusteet",
		title:  t("Hoivarobotiikan perusteet", "Grunderna i vårdrobotik", "Basics of care robotics"),
		desc:   t("Tutustut hoivarobotteihin ja niiden käyttöön asiakkaan arjessa. Kokeilet robotteja HAMKin hyvinvointiteknologian oppimisympäristössä ja suunnittelet käyttöönoton omaan työyhteisöösi.", "Du bekantar dig med vårdrobotar och deras användning i klientens vardag, provar robotar i HAMK:s lärmiljö för välfärdsteknologi och planerar införandet i din egen arbetsgemenskap.", "You get to know care robots and their use in clients' everyday lives, try robots in HAMK's welfare technology learning environment and plan their introduction in your own workplace."),
		target: t("Hoito- ja hoiva-alan ammattilaiset, kotihoidon ja asumispalvelujen esihenkilöt", "Yrkesverksamma inom vård och omsorg, förmän inom hemvård och boendeservice", "Care professionals and supervisors in home care and housing services"),
		outcomes: []demoOutcome{
			{text: t("Osaa kuvata yleisimmät hoivarobotit ja niiden käyttötarkoitukset", "Kan beskriva de vanligaste vårdrobotarna och deras användningsområden", "Can describe the most common care robots and their uses"),
				criteria: t("Kuvaa vähintään kolme robottityyppiä ja perustelee, millaisen asiakkaan arkea kukin tukee.", "Beskriver minst tre typer av robotar och motiverar vilken klients vardag var och en stöder.", "Describes at least three robot types and justifies whose everyday life each supports."),
				skills:   []string{"assistive instruments", "robotics"}},
			{text: t("Osaa suunnitella hoivarobotin käyttöönoton asiakaslähtöisesti ja eettisesti", "Kan planera införandet av en vårdrobot klientorienterat och etiskt", "Can plan the introduction of a care robot in a client-centred and ethical way"),
				criteria: t("Laatii työyhteisölleen käyttöönottosuunnitelman, jossa on huomioitu asiakkaan itsemääräämisoikeus, tietosuoja ja henkilöstön perehdytys.", "Gör upp en plan för införandet som beaktar klientens självbestämmanderätt, dataskydd och introduktion av personalen.", "Writes an introduction plan that covers the client's self-determination, data protection and staff orientation."),
				skills:   []string{"health care occupation-specific ethics"}},
		},
		workload: 5, unit: pokot.UnitOP, eqf: 6, field: "0913", assess: byProject, participation: blended,
		schedule: pokot.ScheduleFixed, place: t("Hämeenlinna ja verkossa", "Tavastehus och på nätet", "Hämeenlinna and online"), duration: weeks8,
		jotpa: true, keywords: [3]string{"hoivarobotiikka, hyvinvointiteknologia, robotit", "vårdrobotik, välfärdsteknologi", "care robotics, welfare technology"},
		partners: []string{"Hämeenlinnan kaupungin kotihoito"}},

	{org: "hamk", slug: "kotihoidon-asiakasturvallisuus",
		title:  t("Kotihoidon asiakasturvallisuus", "Klientsäkerhet i hemvården", "Client safety in home care"),
		desc:   t("Vahvistat asiakasturvallisuutta kotihoidossa: tunnistat riskit asiakkaan kotona, käytät turvallisuusilmoitusjärjestelmää ja kehität työyhteisösi käytäntöjä yhdessä kollegoiden kanssa.", "Du stärker klientsäkerheten i hemvården: identifierar risker i klientens hem, använder anmälningssystemet för säkerhetsavvikelser och utvecklar arbetsgemenskapens praxis.", "You strengthen client safety in home care: identify risks in the client's home, use the incident reporting system and develop your team's practices."),
		target: t("Kotihoidon työntekijät ja esihenkilöt", "Anställda och förmän inom hemvården", "Home care staff and supervisors"),
		outcomes: []demoOutcome{
			{text: t("Tunnistaa asiakkaan kotiin liittyvät turvallisuusriskit", "Identifierar säkerhetsrisker i klientens hem", "Identifies safety risks in the client's home"),
				criteria: t("Tekee kotikäynnillä riskiarvion tarkistuslistan avulla ja ehdottaa korjaavat toimet.", "Gör en riskbedömning med checklista vid ett hembesök och föreslår åtgärder.", "Carries out a checklist-based risk assessment on a home visit and proposes corrective actions."),
				skills:   []string{"draw up risk assessment"}},
			{text: t("Osaa raportoida vaaratapahtumista ja hyödyntää niitä työn kehittämisessä", "Kan rapportera om riskhändelser och använda dem för att utveckla arbetet", "Can report adverse events and use them to improve work"),
				criteria: t("Kirjaa harjoitustapauksen ilmoitusjärjestelmään ja esittää tiimille yhden kehitysehdotuksen.", "Registrerar ett övningsfall i anmälningssystemet och presenterar ett utvecklingsförslag för teamet.", "Records a practice case in the reporting system and presents one improvement to the team."),
				skills:   []string{"process incident reports for prevention"}},
		},
		workload: 3, unit: pokot.UnitOP, eqf: 6, field: "0913", assess: byAssignment, participation: online,
		schedule: pokot.ScheduleSelfPaced, place: webPlace, duration: weeks6, price: 0, jotpa: true,
		keywords: [3]string{"asiakasturvallisuus, kotihoito, riskienhallinta", "klientsäkerhet, hemvård", "client safety, home care"}},

	{org: "tamk", slug: "lahihoitajan-laakehoidon-taydennyskoulutus",
		title:  t("Lähihoitajan lääkehoidon täydennyskoulutus", "Fortbildning i läkemedelsbehandling för närvårdare", "Medication training for practical nurses"),
		desc:   t("Päivität lääkehoidon osaamisesi lääkelupaa varten: lääkelaskut, annostelu, lääkkeiden vaikutusten seuranta ja turvallinen lääkehoitoprosessi. Koulutus toteutetaan yhdessä ammatillisen oppilaitoksen kanssa.", "Du uppdaterar ditt kunnande i läkemedelsbehandling för läkemedelstillstånd: läkemedelsräkning, dosering, uppföljning av effekter och en säker process.", "You update your medication skills for a medication permit: dosage calculations, dispensing, monitoring effects and a safe medication process."),
		target: t("Lähihoitajat ja hoiva-avustajat, jotka tarvitsevat lääkeluvan", "Närvårdare och vårdbiträden som behöver läkemedelstillstånd", "Practical nurses and care assistants who need a medication permit"),
		outcomes: []demoOutcome{
			{text: t("Osaa laskea lääkeannokset virheettömästi", "Kan räkna ut läkemedelsdoser felfritt", "Can calculate medication doses without errors"),
				criteria: t("Suorittaa lääkelaskukokeen hyväksytysti (100 %).", "Klarar provet i läkemedelsräkning (100 %).", "Passes the dosage calculation test (100 %)."),
				skills:   []string{"carry out calculations"}},
			{text: t("Toteuttaa lääkehoitoa turvallisesti työyksikön lääkehoitosuunnitelman mukaisesti", "Genomför läkemedelsbehandling säkert enligt enhetens plan", "Administers medication safely according to the unit's medication plan"),
				criteria: t("Näyttää työpaikalla lääkkeiden jakamisen, antamisen ja vaikutusten seurannan sekä kirjaa ne oikein.", "Visar på arbetsplatsen dosering, administrering och uppföljning av effekter samt dokumenterar dem korrekt.", "Demonstrates dispensing, administering and monitoring effects at work and records them correctly."),
				skills:   []string{"dispense medicines"}},
		},
		workload: 3, unit: pokot.UnitOSP, eqf: 4, field: "0913", assess: []pokot.AssessmentType{pokot.AssessTest, pokot.AssessDemonstration},
		participation: atWork, schedule: pokot.ScheduleContinuous, place: t("Tampere ja työpaikalla", "Tammerfors och på arbetsplatsen", "Tampere and at the workplace"),
		duration: weeks6, supervision: true,
		stack:    qunit("106736", t("Lääkehoidon toteuttaminen", "Genomförande av läkemedelsbehandling", "Implementing medication")),
		keywords: [3]string{"lääkehoito, lääkelupa, lähihoitaja", "läkemedelsbehandling, närvårdare", "medication, practical nurse"},
		partners: []string{"Pirkanmaan hyvinvointialue", "Tredu"}},

	{org: "oamk", slug: "muistisairaan-asiakkaan-kohtaaminen",
		title:  t("Muistisairaan asiakkaan kohtaaminen", "Att möta en klient med minnessjukdom", "Meeting clients with memory disorders"),
		desc:   t("Opit kohtaamaan muistisairaan asiakkaan arvostavasti, tunnistamaan käytösoireiden taustoja ja tukemaan asiakkaan toimintakykyä arjessa. Kokonaisuus on tehty yhdessä OSAOn kanssa.", "Du lär dig möta en klient med minnessjukdom respektfullt, känna igen bakgrunden till beteendesymtom och stödja klientens funktionsförmåga.", "You learn to meet clients with memory disorders respectfully, recognise the causes of behavioural symptoms and support everyday functioning."),
		target: t("Vanhustyön hoitajat ja omaishoitajia ohjaavat työntekijät", "Vårdare inom äldreomsorgen", "Elderly care workers"),
		outcomes: []demoOutcome{
			{text: t("Osaa kohdata muistisairaan asiakkaan vuorovaikutusta tukevin keinoin", "Kan möta en klient med minnessjukdom med stödjande kommunikation", "Can meet a client with a memory disorder using supportive communication"),
				criteria: t("Näyttää työpaikalla kolme tilannetta, joissa käyttää validoivaa vuorovaikutusta, ja reflektoi niitä kirjallisesti.", "Visar tre situationer med validerande kommunikation på arbetsplatsen och reflekterar skriftligt.", "Demonstrates three situations of validating communication at work and reflects on them in writing."),
				skills:   []string{"interact with healthcare users"}},
			{text: t("Tunnistaa käytösoireiden taustalla olevia tekijöitä ja ehkäisee niitä", "Identifierar bakomliggande faktorer till beteendesymtom och förebygger dem", "Identifies causes of behavioural symptoms and prevents them"),
				criteria: t("Laatii asiakastapauksesta analyysin ja hoitosuunnitelman muutosehdotuksen.", "Gör en fallanalys och ett förslag till ändring av vårdplanen.", "Writes a case analysis and a proposed change to the care plan."),
				skills:   []string{"older adults' needs"}},
		},
		workload: 5, unit: pokot.UnitOSP, eqf: 4, field: "0921", assess: byDemonstration, participation: atWork,
		schedule: pokot.ScheduleContinuous, place: t("Oulu ja työpaikalla", "Uleåborg och på arbetsplatsen", "Oulu and at the workplace"), duration: months4,
		stack:    qunit("106741", t("Ikääntyneiden toimintakyvyn tukeminen", "Stöd för äldres funktionsförmåga", "Supporting the functional capacity of older people")),
		keywords: [3]string{"muistisairaudet, vanhustyö, käytösoireet", "minnessjukdomar, äldreomsorg", "dementia, elderly care"},
		partners: []string{"OSAO", "Oulun kaupungin ikäihmisten palvelut"}},

	{org: "oamk", slug: "kuntoutuksen-etapalvelut",
		title:  t("Kuntoutuksen etäpalvelut", "Distanstjänster inom rehabilitering", "Remote rehabilitation services"),
		desc:   t("Suunnittelet ja toteutat etäkuntoutusta videoyhteydellä ja sovelluksilla sekä arvioit asiakkaan edistymistä etänä.", "Du planerar och genomför distansrehabilitering via video och appar och bedömer klientens framsteg på distans.", "You plan and deliver remote rehabilitation via video and apps and assess the client's progress remotely."),
		target: t("Fysio- ja toimintaterapeutit sekä kuntoutuksen ohjaajat", "Fysio- och ergoterapeuter", "Physiotherapists and occupational therapists"),
		outcomes: []demoOutcome{
			{text: t("Osaa suunnitella tavoitteellisen etäkuntoutusjakson", "Kan planera en målinriktad distansrehabiliteringsperiod", "Can plan a goal-oriented remote rehabilitation period"),
				criteria: t("Laatii asiakkaalle kuuden viikon etäkuntoutussuunnitelman mitattavine tavoitteineen.", "Gör en sex veckors plan med mätbara mål.", "Writes a six-week plan with measurable goals."),
				skills:   []string{"contribute to the rehabilitation process"}},
			{text: t("Arvioi asiakkaan toimintakykyä etäyhteydellä luotettavasti", "Bedömer klientens funktionsförmåga på distans", "Assesses the client's functional capacity remotely"),
				criteria: t("Toteuttaa kaksi etäarviointia ja vertailee tuloksia lähiarvioon.", "Genomför två distansbedömningar och jämför dem med en bedömning på plats.", "Carries out two remote assessments and compares them with an on-site one."),
				skills:   []string{"health informatics"}},
		},
		workload: 3, unit: pokot.UnitOP, eqf: 6, field: "0915", assess: byProject, participation: online,
		schedule: pokot.ScheduleFixed, place: webPlace, duration: weeks8, price: 290,
		keywords: [3]string{"etäkuntoutus, kuntoutus, fysioterapia", "distansrehabilitering, fysioterapi", "telerehabilitation, physiotherapy"}},

	{org: "jamk", slug: "ensivasteen-taydennyskoulutus",
		title:  t("Ensivasteen täydennyskoulutus", "Fortbildning för första insats", "First response refresher training"),
		desc:   t("Harjoittelet ensivastetehtävien hätätilanteita simulaatioissa: peruselvytys, hengitystien hallinta ja tilannearvio. Koulutus täyttää hyvinvointialueen ensivasteyksiköiden vuosittaisen täydennyskoulutusvaatimuksen.", "Du övar nödsituationer i simuleringar: grundläggande återupplivning, luftvägshantering och lägesbedömning.", "You practise emergencies in simulations: basic life support, airway management and scene assessment."),
		target: t("Ensivasteyksiköiden jäsenet, palomiehet, ensihoitajat", "Medlemmar i första insats-enheter, brandmän", "First responders and firefighters"),
		outcomes: []demoOutcome{
			{text: t("Osaa toimia elvytystilanteessa ohjeiden mukaisesti", "Kan agera enligt riktlinjerna vid återupplivning", "Can act according to guidelines in resuscitation"),
				criteria: t("Suorittaa simulaatiossa painelu-puhalluselvytyksen ja defibrilloinnin hyväksytysti.", "Genomför hjärt-lungräddning och defibrillering godkänt i simulering.", "Performs CPR and defibrillation to standard in a simulation."),
				skills:   []string{"provide first aid"}},
			{text: t("Tekee tilannearvion ja raportoi ensihoitoyksikölle jäsennellysti", "Gör en lägesbedömning och rapporterar strukturerat", "Assesses the scene and reports in a structured way"),
				criteria: t("Käyttää ISBAR-raportointia kahdessa simulaatiossa.", "Använder ISBAR-rapportering i två simuleringar.", "Uses ISBAR reporting in two simulations."),
				skills:   []string{"coordinate with other emergency services"}},
		},
		workload: 24, unit: pokot.UnitHours, eqf: 5, field: "0913", assess: byDemonstration, participation: onsite,
		schedule: pokot.ScheduleFixed, place: t("Jyväskylä, simulaatiokeskus", "Jyväskylä, simuleringscenter", "Jyväskylä simulation centre"), duration: days3, price: 450,
		supervision: true, keywords: [3]string{"ensivaste, elvytys, ensihoito", "första insats, återupplivning", "first response, CPR"},
		partners: []string{"Keski-Suomen pelastuslaitos"}},

	{org: "tamk", slug: "mielenterveystyon-menetelmat",
		title:  t("Mielenterveystyön ajankohtaiset menetelmät", "Aktuella metoder i mentalvårdsarbetet", "Current methods in mental health work"),
		desc:   t("Perehdyt näyttöön perustuviin lyhytterapeuttisiin ja toipumisorientoituneisiin menetelmiin sekä kokemusasiantuntijuuteen.", "Du sätter dig in i evidensbaserade korttidsmetoder och återhämtningsorienterat arbete.", "You study evidence-based brief methods and recovery-oriented work, including experts by experience."),
		target: t("Sosiaali- ja terveysalan ammattilaiset", "Yrkesverksamma inom social- och hälsovård", "Social and health care professionals"),
		outcomes: []demoOutcome{
			{text: t("Osaa soveltaa toipumisorientaatiota asiakastyössä", "Kan tillämpa återhämtningsorientering i klientarbetet", "Can apply recovery orientation in client work"),
				criteria: t("Kuvaa asiakastapauksen, jossa toipumisorientaation periaatteet näkyvät, ja perustelee valintansa.", "Beskriver ett klientfall och motiverar sina val.", "Describes a client case showing the principles and justifies the choices."),
				skills:   []string{"use person-centred planning"}},
			{text: t("Ohjaa asiakasta lyhytinterventiomenetelmällä", "Handleder klienten med en kortinterventionsmetod", "Guides a client using a brief intervention"),
				criteria: t("Toteuttaa ja dokumentoi yhden lyhytintervention.", "Genomför och dokumenterar en kortintervention.", "Delivers and documents one brief intervention."),
				skills:   []string{"counsel clients"}},
		},
		workload: 3, unit: pokot.UnitOP, eqf: 6, field: "0923", assess: byAssignment, participation: online,
		schedule: pokot.ScheduleSelfPaced, place: webPlace, duration: weeks8, jotpa: true,
		keywords: [3]string{"mielenterveys, toipuminen, lyhytterapia", "mental hälsa, återhämtning", "mental health, recovery"}},

	{org: "tamk", slug: "sosiaalialan-asiakasdokumentointi",
		title:  t("Sosiaalialan asiakasdokumentointi", "Klientdokumentation inom socialvården", "Client documentation in social services"),
		desc:   t("Opit kirjaamaan asiakastyön Kanta-palvelujen ja asiakastietolain vaatimusten mukaisesti selkeästi ja asiakkaan näkökulmasta.", "Du lär dig dokumentera klientarbetet enligt kraven i Kanta-tjänsterna och klientuppgiftslagen.", "You learn to document client work clearly and in line with the Kanta services and the Client Data Act."),
		target: t("Sosiaalialan työntekijät", "Anställda inom socialvården", "Social services staff"),
		outcomes: []demoOutcome{
			{text: t("Kirjaa asiakastyön rakenteisesti ja lainmukaisesti", "Dokumenterar klientarbetet strukturerat och lagenligt", "Documents client work in a structured and lawful way"),
				criteria: t("Tuottaa kolme harjoituskirjausta, jotka täyttävät tarkistuslistan vaatimukset.", "Producerar tre övningsanteckningar enligt checklistan.", "Produces three practice entries that meet the checklist."),
				skills:   []string{"maintain professional records"}},
		},
		workload: 2, unit: pokot.UnitOP, eqf: 6, field: "0923", assess: byAssignment, participation: online,
		schedule: pokot.ScheduleSelfPaced, place: webPlace, duration: weeks6, jotpa: true, langs: fiSv,
		keywords: [3]string{"kirjaaminen, dokumentointi, Kanta", "dokumentation, Kanta", "documentation, records"}},
}

package demo

import (
	"sort"

	"github.com/pokot/pokot"
)

// escoSkillBase is the namespace of ESCO skill concept URIs; an ESCO URI is this base and the
// concept's UUID.
const escoSkillBase = "http://data.europa.eu/esco/skill/"

// escoSkill is one ESCO skill concept the demo POKs link a learning outcome to: the UUID of its
// concept URI and its labels in Finnish, Swedish and English.
type escoSkill struct {
	uuid  string
	label pokot.Text
}

// escoSkills holds every ESCO skill the demo uses, keyed by the English preferred label that
// the demo POKs name (see skill). One table holds the URI and the labels.
//
// Source: the ESCO classification of the European Commission, version 1.1 (ESCO v1.1.x).
// This service uses the ESCO classification of the European Commission. ESCO is published
// under the European Commission's reuse policy (Decision 2011/833/EU): reuse is allowed
// provided the source is acknowledged. ESCO concept URIs are persistent across ESCO 1.x
// releases.
//
// Provenance, checked by hand on 2026-11-30:
//   - Every UUID and English preferred label was read from a row of an ESCO v1.1 skills_en.csv
//     export (conceptUri, preferredLabel) kept in a public GitHub repository
//     (MoffApps/Skills, skills_en.csv, commit 8db814875575457edaed9232267a1cfbc2232e1e, which
//     holds the cross-sector and transversal skills; its altLabels and reuseLevel columns are
//     shifted by some rows, its conceptUri and preferredLabel columns are not). Spot checks
//     against other public ESCO data agree (e.g. "train employees", "computer programming",
//     "draft scientific or academic papers and technical documentation"). Python's URI is
//     the well-known one used in many ESCO-based projects.
//   - The demo POKs first named skills that ESCO does not have under those words (or has only
//     as sector-specific skills absent from that export). Each was replaced by the closest
//     real ESCO skill for the learning outcome; the comment on each entry gives the wording
//     it replaces. Where ESCO has the skill under the demo's own words, the entry says "same".
//   - The Finnish and Swedish labels below are our translations in ESCO's style, NOT ESCO's
//     own fi/sv preferred labels: no copy of ESCO's Finnish or Swedish files could be
//     consulted (the one exception is the Finnish label of Python, seen in ESCO-based data).
//     An installation that imports ESCO should take ESCO's fi/sv labels from the import.
//     UNCONFIRMED: the fi and sv labels of every entry except Python's Finnish one.
var escoSkills = map[string]escoSkill{
	// same; fi confirmed, sv unconfirmed
	"Python (computer programming)": {"ccd0a1d9-afda-43d9-b901-96344886e14d", t("Python (tietokoneohjelmointi)", "Python (datorprogrammering)", "Python (computer programming)")},
	// replaces "use welfare technology"
	"assistive instruments": {"8759c352-8b00-498f-985a-935f13e1b043", t("apuvälineet", "hjälpmedel", "assistive instruments")},
	// replaces "care robotics", "program industrial robots"
	"robotics": {"e87ec79a-c9ff-46f5-84fa-7a0f394cdf40", t("robotiikka", "robotik", "robotics")},
	// replaces "apply ethics in care"
	"health care occupation-specific ethics": {"33c01497-8264-4773-81dd-6096ad512f02", t("terveydenhuollon ammattikohtainen etiikka", "yrkesspecifik etik inom hälso- och sjukvård", "health care occupation-specific ethics")},
	// replaces "assess risks for clients"
	"draw up risk assessment": {"594bd121-9614-4e87-9ecf-6ccb95507efe", t("laatia riskinarviointi", "upprätta en riskbedömning", "draw up risk assessment")},
	// replaces "report incidents"
	"process incident reports for prevention": {"32ac6bfb-8b86-4312-9421-dcb8e0203ab5", t("käsitellä vaaratilanneilmoituksia ennaltaehkäisevästi", "behandla incidentrapporter i förebyggande syfte", "process incident reports for prevention")},
	// replaces "calculate medication doses"
	"carry out calculations": {"19ba11f3-9c99-41fd-a7c9-f77e6a026186", t("tehdä laskutoimituksia", "utföra beräkningar", "carry out calculations")},
	// replaces "administer medication"
	"dispense medicines": {"46b391a6-bbd9-4e80-afb0-ad205101af59", t("jakaa lääkkeitä", "dela ut läkemedel", "dispense medicines")},
	// replaces "communicate with elderly clients"
	"interact with healthcare users": {"c65aa043-98da-4136-9877-494e72d9e4cf", t("olla vuorovaikutuksessa terveydenhuollon asiakkaiden kanssa", "interagera med vårdtagare", "interact with healthcare users")},
	// replaces "support people with dementia"
	"older adults' needs": {"634865e0-2ec2-4b7f-bb7f-c196637f0f7b", t("ikääntyneiden tarpeet", "äldre personers behov", "older adults' needs")},
	// replaces "plan rehabilitation"
	"contribute to the rehabilitation process": {"684a597e-0d82-4f98-92f1-1e5888043764", t("osallistua kuntoutusprosessiin", "bidra till rehabiliteringsprocessen", "contribute to the rehabilitation process")},
	// replaces "use telehealth technologies"
	"health informatics": {"fb82ae25-b59f-43fd-aacf-a8308afbe85e", t("terveysinformatiikka", "hälsoinformatik", "health informatics")},
	// replaces "perform cardiopulmonary resuscitation"
	"provide first aid": {"1d21f6ad-340f-45da-a0a3-4e83867f47a6", t("antaa ensiapua", "ge första hjälpen", "provide first aid")},
	// replaces "report to emergency services"
	"coordinate with other emergency services": {"fa6fdb80-265c-4931-a496-e6dfd0b816bc", t("toimia yhteistyössä muiden hätäpalvelujen kanssa", "samordna med andra räddningstjänster", "coordinate with other emergency services")},
	// replaces "apply recovery-oriented practice"
	"use person-centred planning": {"72c8df9c-b882-4e18-a350-47b75cb04a73", t("käyttää henkilökeskeistä suunnittelua", "använda personcentrerad planering", "use person-centred planning")},
	// replaces "provide counselling"
	"counsel clients": {"ac6ff889-328b-46ea-a8ee-e196443b2447", t("antaa asiakkaille neuvontaa", "ge klienter rådgivning", "counsel clients")},
	// replaces "keep records of work with clients"
	"maintain professional records": {"7837ef5c-2c81-4a89-8227-b4d4f1f7331e", t("ylläpitää ammatillista dokumentaatiota", "upprätthålla yrkesmässig dokumentation", "maintain professional records")},
	// replaces "select construction materials"
	"determine suitability of materials": {"26514334-a6b2-47d6-ae86-490f5ee972f7", t("määrittää materiaalien soveltuvuus", "bestämma materials lämplighet", "determine suitability of materials")},
	// replaces "monitor moisture in buildings"
	"wood moisture content": {"1536a96f-9dab-4386-85e7-29f2a2edef9e", t("puun kosteuspitoisuus", "fukthalt i trä", "wood moisture content")},
	// replaces "apply machine safety standards"
	"select hazard control": {"2399e65b-cf2b-4f5b-9002-607e790fcf2a", t("valita vaarojen hallintakeinot", "välja riskhanteringsåtgärder", "select hazard control")},
	// replaces "calculate carbon footprint"
	"assess environmental impact": {"e541c69c-ea80-4b17-87cb-4001d0b9d303", t("arvioida ympäristövaikutuksia", "bedöma miljöpåverkan", "assess environmental impact")},
	// replaces "advise on sustainable farming"
	"advise on sustainability solutions": {"dbef5042-4b99-4e6f-b2ed-1d33b07b3ed6", t("neuvoa kestävän kehityksen ratkaisuissa", "ge råd om hållbarhetslösningar", "advise on sustainability solutions")},
	// replaces "identify ICT security risks"
	"identify security threats": {"a4fd17bf-6309-47c5-b7fa-ae5560673acf", t("tunnistaa turvallisuusuhkia", "identifiera säkerhetshot", "identify security threats")},
	// replaces "manage ICT security incidents"
	"ensure information security": {"6833e58b-eceb-4599-9375-1b7e6ec64087", t("varmistaa tietoturva", "säkerställa informationssäkerhet", "ensure information security")},
	// replaces "design test cases"
	"develop test procedures": {"f10142ce-d522-49c3-9fd1-054fb63529d4", t("kehittää testausmenettelyjä", "utveckla testförfaranden", "develop test procedures")},
	// replaces "execute software tests"
	"perform test run": {"465ff64a-1271-4064-8ed1-e969cb68d8b4", t("suorittaa testiajo", "utföra testkörning", "perform test run")},
	// same
	"manage warehouse operations": {"fa7be6bf-f906-4b8e-857d-48a9a7da901c", t("johtaa varastotoimintoja", "leda lagerverksamhet", "manage warehouse operations")},
	// replaces "analyse logistic data"
	"use methods of logistical data analysis": {"6f993130-082b-4732-b62f-52cdf2096ad9", t("käyttää logistiikkatietojen analyysimenetelmiä", "använda metoder för analys av logistikdata", "use methods of logistical data analysis")},
	// replaces "apply circular economy principles"
	"circular economy": {"22c45bf7-e52b-475f-847b-c32a87f65a5d", t("kiertotalous", "cirkulär ekonomi", "circular economy")},
	// replaces "develop business models"
	"develop business case": {"a4bbd0d9-a6be-4472-b05d-291e60cf6b4b", t("laatia liiketoimintaperustelu", "utarbeta affärsfall", "develop business case")},
	// replaces "follow electrical safety procedures"
	"electrical power safety regulations": {"6360d655-3494-45f6-bfc6-d5f63afc355b", t("sähköturvallisuusmääräykset", "elsäkerhetsföreskrifter", "electrical power safety regulations")},
	// replaces "assess electrical hazards"
	"identify hazards in the workplace": {"5f97fac8-2001-4b81-ae8b-22f9062d921a", t("tunnistaa työpaikan vaaratekijöitä", "identifiera risker på arbetsplatsen", "identify hazards in the workplace")},
	// replaces "calculate energy performance of buildings"
	"energy performance of buildings": {"4e09e2d2-e317-47d2-bf5e-1d6c66be3efc", t("rakennusten energiatehokkuus", "byggnaders energiprestanda", "energy performance of buildings")},
	// replaces "plan renovation projects"
	"plan buildings maintenance work": {"cdb66bd3-e356-45a4-888b-6d1f69cd30a7", t("suunnitella rakennusten kunnossapitotöitä", "planera underhållsarbete i byggnader", "plan buildings maintenance work")},
	// same
	"operate welding equipment": {"2fcd95a4-1f9a-41cf-95a9-4701bde476b4", t("käyttää hitsauslaitteita", "hantera svetsutrustning", "operate welding equipment")},
	// replaces "inspect welds"
	"spot metal imperfections": {"34250f4b-b39e-42bd-a2d7-783e90051b08", t("havaita metallin vikoja", "upptäcka defekter i metall", "spot metal imperfections")},
	// replaces "inspect concrete structures"
	"identify defects in concrete": {"9214bb50-f24e-4b82-8dd2-f299ccba2258", t("tunnistaa betonin vaurioita", "identifiera defekter i betong", "identify defects in concrete")},
	// replaces "configure IoT devices"
	"sensors": {"70a7b3b3-31ef-4b29-a30f-bb7299dff39b", t("anturit", "sensorer", "sensors")},
	// replaces "present data visually"
	"deliver visual presentation of data": {"c3e36d05-8ae8-447f-bb2b-6f9409f85389", t("esittää tietoja visuaalisesti", "presentera data visuellt", "deliver visual presentation of data")},
	// replaces "assess construction site risks"
	"follow health and safety procedures in construction": {"86df7af2-f9f3-4c06-a500-7f1fba9e78fe", t("noudattaa rakennusalan työterveys- ja työturvallisuusmenettelyjä", "följa hälso- och säkerhetsrutiner inom byggsektorn", "follow health and safety procedures in construction")},
	// same
	"train employees": {"e54ff029-1ce9-447d-a5b2-eb7283a23e6e", t("kouluttaa työntekijöitä", "utbilda anställda", "train employees")},
	// same
	"ensure customer orientation": {"5b0f2198-7246-4256-a902-4d9ce1260c80", t("varmistaa asiakaslähtöisyys", "säkerställa kundorientering", "ensure customer orientation")},
	// same
	"coach employees": {"0cc9c234-f817-4f4c-908a-4d28fe3b0f4a", t("valmentaa työntekijöitä", "coacha anställda", "coach employees")},
	// same
	"use customer relationship management software": {"9889b795-d755-41b2-8afd-2e3c87a65a38", t("käyttää asiakkuudenhallintaohjelmistoja", "använda programvara för kundrelationshantering", "use customer relationship management software")},
	// same
	"sell products": {"29a50780-f81b-429c-b410-7f23a492e19d", t("myydä tuotteita", "sälja produkter", "sell products")},
	// replaces "assess sustainability of tourism activities"
	"measure company's sustainability performance": {"d53eab76-e8ff-4e28-af26-7e012951c763", t("mitata yrityksen vastuullisuustulosta", "mäta företagets hållbarhetsresultat", "measure company's sustainability performance")},
	// replaces "develop communication strategies"
	"develop communications strategies": {"3c834f6e-523a-49ee-8ed1-e073e28ae6fe", t("kehittää viestintästrategioita", "utveckla kommunikationsstrategier", "develop communications strategies")},
	// replaces "calculate food costs"
	"calculate production costs": {"6f8f86f8-0ef9-4dd6-8e29-7d790e65706b", t("laskea tuotantokustannukset", "beräkna produktionskostnader", "calculate production costs")},
	// replaces "manage food waste"
	"develop food waste reduction strategies": {"dff0087d-25e4-40bf-979e-32fdf2445438", t("kehittää ruokahävikin vähentämisstrategioita", "utveckla strategier för att minska matsvinn", "develop food waste reduction strategies")},
	// replaces "automate tasks"
	"automation technology": {"f4a6e9f7-5cff-46c0-894c-59c20bb78694", t("automaatiotekniikka", "automationsteknik", "automation technology")},
	// same
	"give constructive feedback": {"b9bb1f03-15e2-4079-943e-7e483b21725b", t("antaa rakentavaa palautetta", "ge konstruktiv återkoppling", "give constructive feedback")},
	// replaces "apply labour law"
	"employment law": {"97b713f0-b9e8-4903-8dee-7e0b4019a1c0", t("työoikeus", "arbetsrätt", "employment law")},
	// same
	"plan events": {"a4b7f1be-7058-45e4-ac90-66580499187f", t("suunnitella tapahtumia", "planera evenemang", "plan events")},
	// replaces "ensure public safety"
	"ensure health and safety of visitors": {"97843c38-17f0-4c9c-aa86-049e2870aa1a", t("huolehtia vierailijoiden terveydestä ja turvallisuudesta", "säkerställa besökarnas hälsa och säkerhet", "ensure health and safety of visitors")},
	// replaces "instruct students at work"
	"assist students in their learning": {"d5e1e30e-44ab-4aba-abab-b8263e801b7a", t("tukea opiskelijoiden oppimista", "stödja studerande i deras lärande", "assist students in their learning")},
	// same
	"assess students": {"6fe019dd-027f-45f3-b19c-d27f7ae00980", t("arvioida opiskelijoita", "bedöma studerande", "assess students")},
	// replaces "use digital tools in teaching"
	"apply blended learning": {"b363bb5f-2c79-40af-94da-33e06f9dee9f", t("soveltaa monimuoto-oppimista", "tillämpa blandat lärande", "apply blended learning")},
	// replaces "evaluate educational programmes"
	"evaluate education programmes": {"3b660a83-91c3-4c9d-8f82-2d306777a42f", t("arvioida koulutusohjelmia", "utvärdera utbildningsprogram", "evaluate education programmes")},
	// replaces "develop mobile applications"
	"computer programming": {"21d2f96d-35f7-4e3f-9745-c533d2dd6e97", t("tietokoneohjelmointi", "datorprogrammering", "computer programming")},
	// replaces "conduct usability tests"
	"perform product testing": {"371d57e6-cc5f-4fc0-9c0c-58feb595cc5b", t("suorittaa tuotetestausta", "utföra produkttester", "perform product testing")},
	// replaces "use artificial intelligence tools"
	"use IT tools": {"f632251a-4078-4546-b19f-7ef528d08325", t("käyttää tietoteknisiä työvälineitä", "använda it-verktyg", "use IT tools")},
	// replaces "apply data protection principles"
	"protect personal data and privacy": {"33a82b83-c838-4889-ae62-fae1317481eb", t("suojata henkilötietoja ja yksityisyyttä", "skydda personuppgifter och integritet", "protect personal data and privacy")},
	// replaces "write scripts"
	"writing techniques": {"91dd8397-063d-499c-83b9-0603a10d94ac", t("kirjoitustekniikat", "skrivtekniker", "writing techniques")},
	// replaces "edit video"
	"develop digital content": {"5fd5c985-eaaa-47aa-8314-62359c54505a", t("kehittää digitaalista sisältöä", "utveckla digitalt innehåll", "develop digital content")},
}

// ESCOSkills returns the ESCO skills the demo data links to, sorted by English label: the
// URIs and fi/sv/en labels an installation's ESCO import can be checked against.
func ESCOSkills() []pokot.Concept {
	out := make([]pokot.Concept, 0, len(escoSkills))
	for _, s := range escoSkills {
		out = append(out, pokot.Concept{URI: escoSkillBase + s.uuid, Label: s.label})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Label[pokot.English] < out[j].Label[pokot.English] })
	return out
}

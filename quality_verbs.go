package pokot

import (
	"strings"
	"unicode"
)

// VerbKind is what OutcomeVerb found at the start of a learning outcome.
type VerbKind int

// The verb kinds.
const (
	VerbMissing    VerbKind = iota // no recognised verb: perhaps a noun phrase ("Lääkehoidon perusteet")
	VerbObservable                 // an action someone can watch and assess ("suunnitella", "plan")
	VerbVague                      // a verb of inner states that cannot be observed ("tietää", "understand")
)

// OutcomeVerb classifies the first verb of a learning outcome written in l. The heuristic,
// as explained to designers:
//
//  1. Take the outcome's first words, lower-cased, without leading bullets or numbering.
//  2. Skip a subject and a modal: Finnish "Opiskelija/Osallistuja/Oppija …", "osaa",
//     "pystyy", "kykenee"; Swedish "Den studerande/Deltagaren …", "kan", "förmår";
//     English "The learner/student/participant …", "will be able to", "is able to", "can".
//  3. The next word is the verb. It is vague when it is one of the verbs of knowing and
//     understanding (tietää, ymmärtää, tuntea, know, understand, förstå, …) and observable
//     when it is one of the action verbs listed below, in its dictionary form or its
//     present-tense third person ("Osaa suunnitella …" and "Suunnittelee …" both count).
//  4. After a Finnish modal ("osaa", "pystyy"), any infinitive (-a/-ä, -maan/-mään) counts
//     as observable even if the list lacks it: "osaa + infinitive" is the standard Finnish
//     form of an outcome, and the list cannot hold every verb of every trade. The same holds
//     for Swedish "kan" and English "can/able to" followed by a word that is not a noun
//     marker. Vague verbs are still caught first.
func OutcomeVerb(text string, l Lang) VerbKind {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r)
	})
	modal := false
	i := 0
	skip := subjects[l]
	for i < len(words) {
		if w := words[i]; skip[w] {
			if modals[l][w] {
				modal = true
			}
			i++
			continue
		}
		// two-word subjects and modals ("den studerande", "able to", "will be")
		if i+1 < len(words) && skip[words[i]+" "+words[i+1]] {
			if modals[l][words[i]+" "+words[i+1]] {
				modal = true
			}
			i += 2
			continue
		}
		break
	}
	if i >= len(words) {
		return VerbMissing
	}
	w := words[i]
	if i+1 < len(words) && vagueVerbs[l][w+" "+words[i+1]] {
		return VerbVague
	}
	if vagueVerbs[l][w] {
		return VerbVague
	}
	if actionVerbs[l][w] {
		return VerbObservable
	}
	if modal {
		switch l {
		case Finnish:
			if strings.HasSuffix(w, "a") || strings.HasSuffix(w, "ä") || strings.HasSuffix(w, "maan") || strings.HasSuffix(w, "mään") {
				return VerbObservable
			}
		case Swedish:
			if strings.HasSuffix(w, "a") || strings.HasSuffix(w, "e") {
				return VerbObservable
			}
		case English:
			if !map[string]bool{"the": true, "a": true, "an": true, "basics": true, "knowledge": true}[w] {
				return VerbObservable
			}
		}
	}
	return VerbMissing
}

var subjects = map[Lang]map[string]bool{
	Finnish: set("opiskelija", "osallistuja", "oppija", "koulutettava", "työntekijä", "hän", "sinä", "osaa", "pystyy", "kykenee", "taitaa", "voi", "on kykenevä"),
	Swedish: set("den studerande", "studeranden", "studerande", "deltagaren", "den", "du", "kan", "förmår", "har förmåga", "förmåga", "att", "kan att"),
	English: set("the learner", "learner", "learners", "the student", "student", "students", "the participant", "participant", "participants",
		"you", "will", "will be", "be", "is", "are", "able to", "able", "to", "can"),
}

var modals = map[Lang]map[string]bool{
	Finnish: set("osaa", "pystyy", "kykenee", "taitaa", "voi", "on kykenevä"),
	Swedish: set("kan", "förmår", "har förmåga", "kan att"),
	English: set("can", "able to", "able"),
}

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// verbForms builds a set from "infinitive/third-person" pairs (one form if they agree).
func verbForms(pairs ...string) map[string]bool {
	m := map[string]bool{}
	for _, p := range pairs {
		for _, f := range strings.Split(p, "/") {
			m[f] = true
		}
	}
	return m
}

// svVerbs builds Swedish forms from infinitives: planera → planera, planerar, planer-;
// välja → väljer; utföra → utför.
func svVerbs(infs ...string) map[string]bool {
	m := map[string]bool{}
	for _, v := range infs {
		m[v] = true
		m[v+"r"] = true
		if strings.HasSuffix(v, "a") {
			m[v[:len(v)-1]+"er"] = true
			m[v[:len(v)-1]] = true
		}
	}
	return m
}

// enVerbs builds English forms: plan, plans; identify, identifies; wash, washes.
func enVerbs(vs ...string) map[string]bool {
	m := map[string]bool{}
	for _, v := range vs {
		m[v] = true
		switch {
		case strings.HasSuffix(v, "y") && !strings.ContainsAny(v[len(v)-2:len(v)-1], "aeiou"):
			m[v[:len(v)-1]+"ies"] = true
		case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "x"):
			m[v+"es"] = true
		default:
			m[v+"s"] = true
		}
	}
	return m
}

var actionVerbs = map[Lang]map[string]bool{
	Finnish: verbForms("suunnitella/suunnittelee", "tunnistaa", "arvioida/arvioi", "toteuttaa", "kuvata/kuvaa", "kuvailla/kuvailee",
		"selittää", "analysoida/analysoi", "soveltaa", "käyttää", "laatia/laatii", "ohjata/ohjaa", "dokumentoida/dokumentoi",
		"valita/valitsee", "mitata/mittaa", "tehdä/tekee", "toimia/toimii", "hyödyntää", "ratkaista/ratkaisee", "vertailla/vertailee",
		"nimetä/nimeää", "luetella/luettelee", "esitellä/esittelee", "perustella/perustelee", "kehittää", "asentaa", "huoltaa",
		"ylläpitää", "viestiä/viestii", "laskea/laskee", "raportoida/raportoi", "havainnoida/havainnoi", "tulkita/tulkitsee",
		"johtaa", "organisoida/organisoi", "ennakoida/ennakoi", "noudattaa", "opastaa", "neuvoa/neuvoo", "tuottaa", "rakentaa",
		"ohjelmoida/ohjelmoi", "testata/testaa", "varmistaa", "seurata/seuraa", "kirjata/kirjaa", "annostella/annostelee",
		"antaa", "hoitaa", "määrittää", "määritellä/määrittelee", "koota/kokoaa", "esittää", "muotoilla/muotoilee",
		"kartoittaa", "priorisoida/priorisoi", "reflektoida/reflektoi", "tarkistaa", "korjata/korjaa", "käsitellä/käsittelee",
		"laatia", "valmistaa", "mallintaa", "simuloida/simuloi", "konfiguroida/konfiguroi", "koordinoida/koordinoi",
		"neuvotella/neuvottelee", "markkinoida/markkinoi", "myydä/myy", "palvella/palvelee", "kohdata/kohtaa",
		"tukea/tukee", "avustaa", "ehkäistä/ehkäisee", "puhdistaa", "kouluttaa", "hinnoitella/hinnoittelee", "budjetoida/budjetoi",
		"tiivistää", "luokitella/luokittelee", "yhdistää", "säätää", "käynnistää", "kalibroida/kalibroi", "vianetsiä",
		"paikantaa", "piirtää", "mitoittaa", "kirjoittaa", "haastatella/haastattelee", "fasilitoida/fasilitoi", "opettaa",
		"hallinnoida/hallinnoi", "edistää", "osallistua/osallistuu", "tehdä yhteistyötä", "ottaa", "huomioida/huomioi"),
	Swedish: svVerbs("planera", "identifiera", "beskriva", "förklara", "analysera", "tillämpa", "använda", "utvärdera", "bedöma",
		"genomföra", "dokumentera", "välja", "mäta", "utföra", "agera", "lösa", "jämföra", "namnge", "presentera", "motivera",
		"utveckla", "installera", "underhålla", "kommunicera", "beräkna", "rapportera", "observera", "tolka", "leda",
		"organisera", "följa", "handleda", "producera", "bygga", "programmera", "testa", "säkerställa", "registrera", "dosera",
		"ge", "vårda", "skapa", "tillverka", "kartlägga", "reflektera", "kontrollera", "reparera", "hantera", "demonstrera",
		"skriva", "sammanställa", "formulera", "uppskatta", "konfigurera", "koordinera", "förhandla", "sälja", "betjäna",
		"stödja", "bemöta", "förebygga", "rengöra", "utbilda", "prissätta", "klassificera", "justera", "kalibrera", "rita",
		"dimensionera", "intervjua", "undervisa", "administrera", "främja", "delta", "samarbeta", "beakta", "tillreda",
		"modellera", "simulera", "marknadsföra", "guida", "lokalisera", "starta", "anpassa", "skydda", "ta"),
	English: enVerbs("plan", "identify", "describe", "explain", "analyse", "analyze", "apply", "use", "evaluate", "assess",
		"implement", "document", "select", "choose", "measure", "perform", "act", "solve", "compare", "name", "list",
		"present", "justify", "develop", "install", "maintain", "communicate", "calculate", "report", "observe", "interpret",
		"lead", "organise", "organize", "follow", "guide", "instruct", "produce", "build", "program", "test", "ensure",
		"record", "administer", "give", "care", "create", "design", "map", "reflect", "check", "repair", "handle",
		"demonstrate", "write", "compile", "formulate", "estimate", "operate", "prepare", "monitor", "recognise", "recognize",
		"define", "classify", "construct", "manage", "summarise", "summarize", "prioritise", "prioritize", "configure",
		"troubleshoot", "assemble", "collaborate", "negotiate", "coordinate", "deliver", "draft", "conduct", "sell",
		"serve", "support", "prevent", "clean", "train", "price", "budget", "adjust", "calibrate", "draw", "interview",
		"teach", "facilitate", "promote", "participate", "take", "model", "simulate", "market", "locate", "start", "adapt",
		"protect", "dose", "cook", "weld", "inspect", "diagnose", "program", "code", "deploy", "secure", "verify"),
}

var vagueVerbs = map[Lang]map[string]bool{
	Finnish: verbForms("tietää", "ymmärtää", "tuntea/tuntee", "omaksua/omaksuu", "hallita/hallitsee", "oppia/oppii",
		"perehtyä/perehtyy", "tutustua/tutustuu", "sisäistää", "on tietoinen", "olla tietoinen", "ymmärrys", "tietoisuus",
		"ymmärtämään", "tietämään", "tuntemaan", "hallitsemaan"),
	Swedish: set("veta", "vet", "förstå", "förstår", "känna", "känner", "känna till", "känner till", "ha kunskap", "har kunskap",
		"vara medveten", "är medveten", "lära", "lär", "bekanta", "behärska", "behärskar", "inse", "inser"),
	English: set("know", "knows", "understand", "understands", "appreciate", "appreciates", "learn", "learns", "comprehend",
		"comprehends", "grasp", "grasps", "realise", "realize", "realises", "realizes", "have knowledge", "has knowledge",
		"be aware", "aware", "familiar", "become", "becomes", "gain", "gains", "acquire", "acquires"),
}

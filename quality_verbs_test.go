package pokot_test

import (
	"testing"

	"github.com/pokot/pokot"
)

func TestOutcomeVerb(t *testing.T) {
	tests := []struct {
		lang pokot.Lang
		text string
		want pokot.VerbKind
	}{
		{pokot.Finnish, "Osaa suunnitella hoivarobotin käytön asiakkaan arjessa", pokot.VerbObservable},
		{pokot.Finnish, "Opiskelija osaa arvioida lääkehoidon vaikutuksia", pokot.VerbObservable},
		{pokot.Finnish, "Tunnistaa työturvallisuusriskit rakennustyömaalla", pokot.VerbObservable},
		{pokot.Finnish, "Suunnittelee asiakaspalvelutilanteen", pokot.VerbObservable},
		{pokot.Finnish, "- Osaa hyödyntää tekoälyä", pokot.VerbObservable},
		{pokot.Finnish, "Osaa kammata", pokot.VerbObservable}, // any infinitive after "osaa"
		{pokot.Finnish, "Pystyy toimimaan vuorovaikutustilanteissa", pokot.VerbObservable},
		{pokot.Finnish, "Tietää lääkehoidon periaatteet", pokot.VerbVague},
		{pokot.Finnish, "Opiskelija ymmärtää hoivarobotiikan mahdollisuudet", pokot.VerbVague},
		{pokot.Finnish, "Osaa ymmärtää", pokot.VerbVague},
		{pokot.Finnish, "On tietoinen riskeistä", pokot.VerbVague},
		{pokot.Finnish, "Lääkehoidon perusteet", pokot.VerbMissing},
		{pokot.Finnish, "", pokot.VerbMissing},
		{pokot.Swedish, "Kan planera vården", pokot.VerbObservable},
		{pokot.Swedish, "Den studerande kan identifiera risker", pokot.VerbObservable},
		{pokot.Swedish, "Identifierar risker", pokot.VerbObservable},
		{pokot.Swedish, "Förstår principerna", pokot.VerbVague},
		{pokot.Swedish, "Känner till lagstiftningen", pokot.VerbVague},
		{pokot.Swedish, "Grunderna i vårdrobotik", pokot.VerbMissing},
		{pokot.English, "Can plan the use of a care robot", pokot.VerbObservable},
		{pokot.English, "The learner will be able to identify hazards", pokot.VerbObservable},
		{pokot.English, "Identifies hazards on site", pokot.VerbObservable},
		{pokot.English, "Understand the principles", pokot.VerbVague},
		{pokot.English, "The student knows the basics", pokot.VerbVague},
		{pokot.English, "Be aware of risks", pokot.VerbVague},
		{pokot.English, "Basics of care robotics", pokot.VerbMissing},
	}
	for _, tt := range tests {
		if got := pokot.OutcomeVerb(tt.text, tt.lang); got != tt.want {
			t.Errorf("%s %q: %d, want %d", tt.lang, tt.text, got, tt.want)
		}
	}
}

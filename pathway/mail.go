package pathway

import (
	"fmt"

	"github.com/pokot/pokot"
)

var mailText = map[pokot.Lang]struct{ subject, body string }{
	pokot.Finnish: {"Osaamispolku suoritettu: %s", "Hei %s,\n\nolet suorittanut osaamispolun %s, ja %s on myöntänyt sinulle siitä sähköisen osaamismerkin. Merkki kertoo myös, mistä osaamiskokonaisuuksista polku koostui.\n\nNäet polun ja voit ladata merkin tästä (kirjaudu sisään samalla sähköpostiosoitteella):\n%s\n"},
	pokot.Swedish: {"Kompetensstig avklarad: %s", "Hej %s,\n\ndu har avklarat kompetensstigen %s, och %s har utfärdat ett digitalt kompetensmärke till dig. Märket visar också vilka kompetenshelheter stigen bestod av.\n\nHär ser du stigen och kan ladda ner märket (logga in med samma e-postadress):\n%s\n"},
	pokot.English: {"Pathway completed: %s", "Hello %s,\n\nyou have completed the learning pathway %s, and %s has issued you a digital credential for it. The credential also shows which micro-credentials made up the pathway.\n\nSee the pathway and download the credential here (sign in with the same e-mail address):\n%s\n"},
}

// mail returns the e-mail that tells a learner about their pathway credential, in their
// language (Finnish when unknown).
func (s *Service) mail(p *pokot.Pathway, org *pokot.Organisation, email, name string, l pokot.Lang) *pokot.Mail {
	t, ok := mailText[l]
	if !ok {
		l, t = pokot.Finnish, mailText[pokot.Finnish]
	}
	if name == "" {
		name = email
	}
	title := p.Name.Get(l)
	return &pokot.Mail{To: email, Subject: fmt.Sprintf(t.subject, title),
		Text: fmt.Sprintf(t.body, name, title, org.Name.Get(l), s.AchievementID(p))}
}

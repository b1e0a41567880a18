package web_test

import (
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// foreignFI matches an element of the credential's content marked as Finnish (the page's
// own <html lang> and the language switcher's links are not such elements).
var foreignFI = regexp.MustCompile(`<(span|dd|ul|p|h1|h3) lang="fi"`)

// textareaRE matches a form's text area, where the verifier shows the credential as sent.
var textareaRE = regexp.MustCompile(`(?s)<textarea.*?</textarea>`)

// shown is what a page shows of the credential: without the credential as sent.
func shown(body string) string { return textareaRE.ReplaceAllString(body, "") }

// TestCredentialLanguageOfParts: a credential issued from a Finnish POK, on the wallet's
// credential page, its public share page and the verifier's result page. In English the
// coded values are English (supervision, stackability, grading scale, country), the
// Finnish outcomes carry lang="fi" (WCAG 2.1 SC 3.1.2) and one sentence says the content
// is in Finnish; in Finnish there is neither the sentence nor any lang="fi" part.
func TestCredentialLanguageOfParts(t *testing.T) {
	t.Parallel()
	w := newWalletWorld(t, "anna@example.fi")
	id := strings.TrimPrefix(w.credentialOf("anna@example.fi").CredentialID, "urn:uuid:")
	b := w.browser()
	w.linkSignin(b, "anna@example.fi")
	b.get("/wallet/" + id)
	wantStatus(t, b.post("/wallet/"+id+"/share", nil), http.StatusSeeOther)
	m := shareRE.FindStringSubmatch(b.get("/wallet/" + id).body)
	if m == nil {
		t.Fatal("no share link on the page")
	}
	share := m[1]
	doc := b.get("/wallet/" + id + "/credential.json")
	wantStatus(t, doc, http.StatusOK)

	anon := w.browser()
	pages := map[string]func(l string) *resp{
		"wallet": func(l string) *resp { return b.get("/wallet/" + id + "?lang=" + l) },
		"share":  func(l string) *resp { return anon.get(share + "?lang=" + l) },
		"verify": func(l string) *resp {
			v := w.browser()
			v.get("/verify?lang=" + l)
			return v.upload("", nil, map[string]string{"credential": doc.body})
		},
	}
	const outcome = "Osaat ottaa hoivarobotin käyttöön asiakkaan kotona."
	for name, get := range pages {
		r := get("en")
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, `<html lang="en"`, html.EscapeString(i18n.T(pokot.English, "credlang.note.fi")), `<span lang="fi">`+outcome+`</span>`,
			"Supervised online or onsite with identity verification", `Stacks toward the qualification unit <span lang="fi">Hyvinvointiteknologian käyttö (106936)`,
			"Scale 1–5", "(Finland)", `<dd lang="fi">HAMKin laatujärjestelmä`)
		for _, fi := range []string{"Valvottu verkossa", "Kerryttää tutkinnon osaa", "(Suomi)", "Asteikko 1–5", i18n.Missing} {
			if strings.Contains(shown(r.body), fi) {
				t.Errorf("%s (en) shows %q", name, fi)
			}
		}

		r = get("sv")
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, html.EscapeString(i18n.T(pokot.Swedish, "credlang.note.fi")), `<span lang="fi">`+outcome, "Övervakad på nätet eller på plats med identitetskontroll", "Skala 1–5", "(Finland)")

		r = get("fi")
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, outcome, "Valvottu verkossa tai paikan päällä, henkilöllisyys tarkistetaan", "Asteikko 1–5", "(Suomi)")
		if strings.Contains(r.body, "lang-note") || strings.Contains(r.body, html.EscapeString(i18n.T(pokot.Finnish, "credlang.note.fi"))) {
			t.Errorf("%s (fi) says the content is in Finnish", name)
		}
		if loc := foreignFI.FindString(r.body); loc != "" {
			t.Errorf("%s (fi) marks a part as Finnish: %s", name, loc)
		}
	}
}

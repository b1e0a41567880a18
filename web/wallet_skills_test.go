package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/pokot/pokot"
)

// skillsListRE is the list under the ESCO skills heading (h2 in the wallet, h3 on the
// verifier page).
var skillsListRE = regexp.MustCompile(`(?s)<h[23]>(?:Taidot \(ESCO\)|Färdigheter \(ESCO\)|Skills \(ESCO\))</h[23]>\s*<ul>(.*?)</ul>`)

// The ESCO skills list of a credential issued here holds its ESCO skill and occupation,
// not the field of education, which is shown once, as "field" — on the wallet page and on
// the verifier page, in Finnish, Swedish and English.
func TestSkillsListOmitsFieldOfEducation(t *testing.T) {
	t.Parallel()
	w := newWalletWorld(t, "anna@example.fi")
	c := w.credentialOf("anna@example.fi")
	id := strings.TrimPrefix(c.CredentialID, "urn:uuid:")
	b := w.browser()
	w.linkSignin(b, "anna@example.fi")
	field, _ := pokot.ISCEDFieldByCode("0913")
	for _, l := range []pokot.Lang{pokot.Finnish, pokot.Swedish, pokot.English} {
		name := field.Name.Get(l)
		for _, page := range []struct {
			what string
			r    *resp
		}{
			{"wallet", b.get("/wallet/" + id + "?lang=" + string(l))},
			{"verify", func() *resp { b.get("/verify?lang=" + string(l)); return b.upload("credential.json", c.Signed, nil) }()},
		} {
			wantStatus(t, page.r, http.StatusOK)
			m := skillsListRE.FindStringSubmatch(page.r.body)
			if m == nil {
				t.Fatalf("%s %s: no ESCO skills list:\n%s", l, page.what, page.r.body)
			}
			if !strings.Contains(m[1], "data.europa.eu/esco/skill/") || !strings.Contains(m[1], "data.europa.eu/esco/occupation/") {
				t.Errorf("%s %s: skills list lacks the ESCO skill or occupation: %s", l, page.what, m[1])
			}
			if strings.Contains(m[1], "isced") || strings.Contains(m[1], "0913") || strings.Contains(m[1], field.Name.Get(pokot.Finnish)) {
				t.Errorf("%s %s: the field of education is listed as a skill: %s", l, page.what, m[1])
			}
			if n := strings.Count(page.r.body, name); n != 1 {
				t.Errorf("%s %s: the field of education %q is shown %d times, want once", l, page.what, name, n)
			}
		}
	}
}

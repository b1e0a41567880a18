package web_test

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pokot/pokot"
)

// studioEnv is an organisation with two designers, an org admin and a second organisation
// whose designer must not see anything of the first.
type studioEnv struct {
	*env
	org, other *pokot.Organisation
}

func newStudioEnv(t testing.TB) *studioEnv {
	t.Helper()
	e := newEnvTB(t)
	se := &studioEnv{env: e}
	se.org = e.org("tao", "Tampereen ammattiopisto")
	se.other = e.org("muu", "Muu oppilaitos")
	e.member(se.org, e.user("anna@tao.fi", "Anna Suunnittelija", false), pokot.RoleDesigner)
	e.member(se.org, e.user("ville@tao.fi", "Ville Toinen", false), pokot.RoleDesigner)
	e.member(se.org, e.user("olli@tao.fi", "Olli Pääkäyttäjä", false), pokot.RoleOrgAdmin)
	e.member(se.other, e.user("muu@muu.fi", "Mikko Muualta", false), pokot.RoleDesigner)
	e.user("kumppani@hoivakoti.fi", "Tiina Työelämä", false)
	e.user("vieras@yritys.fi", "Kalle Kutsumaton", false)
	return se
}

var draftPathRE = regexp.MustCompile(`/orgs/tao/studio/(\d+)/step/1`)

// newDraft creates a draft through the list page and returns its studio path.
func newDraft(t testing.TB, b *browser, title string) string {
	t.Helper()
	b.get("/orgs/tao/studio")
	r := b.post("/orgs/tao/studio", url.Values{"title": {title}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: status %d", r.StatusCode)
	}
	m := draftPathRE.FindStringSubmatch(r.Header.Get("Location"))
	if m == nil {
		t.Fatalf("create: Location %q", r.Header.Get("Location"))
	}
	return "/orgs/tao/studio/" + m[1]
}

var revisionRE = regexp.MustCompile(`name="revision" value="(\d+)"`)

// saveStep loads a step and posts values with its current version and revision.
func saveStep(t testing.TB, b *browser, base string, step int, vals url.Values) *resp {
	t.Helper()
	page := b.get(base + "/step/" + itoa(step))
	if page.StatusCode != http.StatusOK {
		t.Fatalf("step %d: status %d", step, page.StatusCode)
	}
	rev := regexpFind(`name="revision" value="(\d+)"`, page.body)
	ver := regexpFind(`name="version" value="(\d+)"`, page.body)
	vals.Set("revision", rev)
	vals.Set("version", ver)
	return b.post(base+"/step/"+itoa(step), vals)
}

func itoa(n int) string { return strconv.Itoa(n) }

// fillPublishable fills every step so that the quality gate has no errors.
func fillPublishable(t testing.TB, b *browser, base string) {
	t.Helper()
	steps := []url.Values{
		{"title-fi": {"Hoivarobotiikan perusteet"}, "title-sv": {"Grunderna i vårdrobotik"}, "title-en": {"Basics of care robotics"},
			"description-fi": {"Opit käyttämään hoivarobotteja turvallisesti."}, "iscedField": {"0913"}, "isPOK": {"1"},
			"keywords-fi": {"robotiikka, hoiva"}},
		{"outcome": {"0", "1"},
			"outcomes-0-text-fi":     {"Osaa ohjata asiakasta käyttämään lääkemuistutusrobottia."},
			"outcomes-0-criteria-fi": {"Ottaa robotin käyttöön ohjeen mukaan."},
			"outcomes-0-skills":      {"http://data.europa.eu/esco/skill/abc-123 ohjata asiakkaita"},
			"outcomes-1-text-fi":     {"Osaa arvioida robotin sopivuuden asiakkaalle."},
			"outcomes-1-criteria-fi": {"Perustelee arvionsa asiakkaan tarpeilla."}},
		{"workload-value": {"2,5"}, "workload-unit": {"osp"}, "eqfLevel": {"4"}, "duration-fi": {"4 viikkoa"}},
		{"assessment": {"demonstration"}, "supervision": {"supervised_with_id"}, "grading": {"1-5"}},
		{"participation": {"blended"}, "languages": {"fi"}, "price-eur": {"0"}, "price-jotpa": {"1"}},
		{"qualityAssurance-fi": {"Palaute kerätään jokaiselta ryhmältä."}, "stackability-kind": {"standalone"},
			"partners": {"Hoivakoti Kotipesä Oy | kommentoi"}},
		{"contact-name": {"Anna Suunnittelija"}, "contact-email": {"anna@tao.fi"}},
	}
	for i, v := range steps {
		r := saveStep(t, b, base, i+1, v)
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("step %d: status %d\n%s", i+1, r.StatusCode, r.body)
		}
	}
}

// TestStudioDesignToPublication: create → fill → the gate blocks → fix → submit → the
// author cannot approve → another designer approves → publish → editing makes version 2.
func TestStudioDesignToPublication(t *testing.T) {
	t.Parallel()
	e := newStudioEnv(t)
	anna := e.browser()
	anna.signin("anna@tao.fi")

	list := anna.get("/orgs/tao/studio")
	wantStatus(t, list, http.StatusOK)
	wantBody(t, list, "Uusi pieni osaamiskokonaisuus", "Organisaatiollanne ei ole vielä yhtään osaamiskokonaisuutta.")

	// An empty title is refused at the field, and nothing is created.
	r := anna.post("/orgs/tao/studio", url.Values{"title": {"  "}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, `href="#new-title"`, "Anna osaamiskokonaisuudelle työnimi suomeksi.")

	base := newDraft(t, anna, "Hoivarobotiikan perusteet")
	step1 := anna.get(base + "/step/1")
	wantStatus(t, step1, http.StatusOK)
	wantBody(t, step1, "Laatutarkistus", "Ennen julkaisua korjattavaa", "Osaamistavoitteet on kirjattu",
		`value="Hoivarobotiikan perusteet"`, "Esimerkki:", `href="`+base+`/step/2#ed-outcomes"`)

	// The Finnish title removed: the gate shows it as an error, linked to the field.
	r = saveStep(t, anna, base, 1, url.Values{"title-sv": {"Grunderna i vårdrobotik"}})
	wantStatus(t, r, http.StatusSeeOther)
	step1 = anna.get(base + "/step/1")
	wantBody(t, step1, "Nimi on annettu suomeksi", `href="`+base+`/step/1#ed-title-fi"`)

	// A workload without a unit and a word for a number: precise messages, values kept.
	r = saveStep(t, anna, base, 3, url.Values{"workload-value": {"kaksi"}, "eqfLevel": {"4"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Kirjoita luku, esimerkiksi 5 tai 2,5.", `value="kaksi"`, `href="#ed-workload-value"`)
	r = saveStep(t, anna, base, 3, url.Values{"workload-value": {"5"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Valitse laajuudelle yksikkö", `value="5"`)

	fillPublishable(t, anna, base)
	ov := anna.get(base)
	wantStatus(t, ov, http.StatusOK)
	wantBody(t, ov, "Valmis julkaistavaksi", "Lähetä tarkastettavaksi")
	step3 := anna.get(base + "/step/3")
	wantBody(t, step3, `value="2,5"`, `value="osp" checked`)

	post := func(b *browser, to string) *resp {
		b.get(base)
		return b.post(base+"/transition", url.Values{"version": {"1"}, "to": {to}})
	}
	wantStatus(t, post(anna, "review"), http.StatusSeeOther)
	// A draft in review cannot be saved.
	r = saveStep(t, anna, base, 1, url.Values{"title-fi": {"Muutettu"}})
	wantStatus(t, r, http.StatusConflict)
	wantBody(t, r, "Versiota ei voi enää muokata", `value="Muutettu"`)

	// The author cannot approve their own version: refused with the reason.
	ov = anna.get(base)
	wantBody(t, ov, "Et voi hyväksyä omaa versiotasi.")
	r = post(anna, "approved")
	wantStatus(t, r, http.StatusForbidden)
	wantBody(t, r, "Et voi hyväksyä omaa versiotasi.")

	ville := e.browser()
	ville.signin("ville@tao.fi")
	wantStatus(t, post(ville, "approved"), http.StatusSeeOther)
	wantStatus(t, post(ville, "published"), http.StatusSeeOther)
	ov = anna.get(base)
	wantBody(t, ov, "Julkaistu", "Muokkaa – tee uusi versio")

	// Editing the published POK makes version 2; version 1 stays as it was.
	anna.get(base)
	r = anna.post(base+"/versions", nil)
	wantStatus(t, r, http.StatusSeeOther)
	r = saveStep(t, anna, base, 1, url.Values{"title-fi": {"Hoivarobotiikan jatkokurssi"}, "description-fi": {"Uusi kuvaus."}})
	wantStatus(t, r, http.StatusSeeOther)
	ov = anna.get(base)
	wantBody(t, ov, "Versio 2", "Luonnos", "Julkisessa luettelossa näkyy nyt versio 1")
	vs := anna.get(base + "/versions?a=1&b=2")
	wantStatus(t, vs, http.StatusOK)
	wantBody(t, vs, "Hoivarobotiikan perusteet", "Hoivarobotiikan jatkokurssi", "Nimi (suomeksi)", "<del>", "<ins>")
	pv := anna.get(base + "/preview?v=1")
	wantBody(t, pv, "Hoivarobotiikan perusteet", "2,5 osp", "Opiskelun jälkeen osaat")
	h := anna.get(base + "/history")
	wantStatus(t, h, http.StatusOK)
	wantBody(t, h, "Ville Toinen", "hyväksyi", "julkaisi", "teki uuden version")
	if !regexp.MustCompile(`(ma|ti|ke|to|pe|la|su) \d{1,2}\.\d{1,2}\.\d{4} klo \d{1,2}\.\d{2}`).MatchString(h.body) {
		t.Error("history dates are not in the Finnish format")
	}
}

// TestStudioFinnishTitleRequired: a description complete but for its Finnish title can go
// to review, but neither approval nor publication lets it through, and nothing changes.
func TestStudioFinnishTitleRequired(t *testing.T) {
	t.Parallel()
	e := newStudioEnv(t)
	anna, olli := e.browser(), e.browser()
	anna.signin("anna@tao.fi")
	olli.signin("olli@tao.fi")
	base := newDraft(t, anna, "Ilman suomenkielistä nimeä")
	fillPublishable(t, anna, base)
	r := saveStep(t, anna, base, 1, url.Values{"title-sv": {"Grunderna i vårdrobotik"}, "title-en": {"Basics of care robotics"}})
	wantStatus(t, r, http.StatusSeeOther)
	ov := anna.get(base)
	wantBody(t, ov, "Ennen julkaisua korjattavaa: 2", "Nimi on annettu suomeksi", `href="`+base+`/step/1#ed-title-fi"`)
	anna.post(base+"/transition", url.Values{"version": {"1"}, "to": {"review"}})

	ov = olli.get(base)
	wantBody(t, ov, "laatutarkistuksessa on vielä korjattavaa")
	if strings.Contains(ov.body, `name="to" value="approved"`) {
		t.Error("an approve button is offered although the gate has errors")
	}
	r = olli.post(base+"/transition", url.Values{"version": {"1"}, "to": {"approved"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "laatutarkistuksessa on korjattavaa", "Nimi on annettu suomeksi")
	r = olli.post(base+"/transition", url.Values{"version": {"1"}, "to": {"published"}})
	wantStatus(t, r, http.StatusConflict)
	wantBody(t, olli.get(base), "Tarkastettavana")
}

// TestStudioStaleSave: two people open the same step; the second save is refused, the
// typed values stay on the screen and the draft keeps the first save.
func TestStudioStaleSave(t *testing.T) {
	t.Parallel()
	e := newStudioEnv(t)
	anna, ville := e.browser(), e.browser()
	anna.signin("anna@tao.fi")
	ville.signin("ville@tao.fi")
	base := newDraft(t, anna, "Työturvallisuus")
	page := ville.get(base + "/step/1")
	old := revisionRE.FindStringSubmatch(page.body)[1]

	r := saveStep(t, anna, base, 1, url.Values{"title-fi": {"Annan nimi"}})
	wantStatus(t, r, http.StatusSeeOther)
	r = ville.post(base+"/step/1", url.Values{"version": {"1"}, "revision": {old}, "title-fi": {"Villen nimi"}, "description-fi": {"Villen kuvaus"}})
	wantStatus(t, r, http.StatusConflict)
	wantBody(t, r, "Joku muu tallensi luonnoksen", `value="Villen nimi"`, "Villen kuvaus")
	if got := anna.get(base + "/step/1"); !strings.Contains(got.body, `value="Annan nimi"`) {
		t.Error("the refused save changed the draft")
	}
	// Saving again from the conflict page overwrites, as the message says.
	rev := revisionRE.FindStringSubmatch(r.body)[1]
	r = ville.post(base+"/step/1", url.Values{"version": {"1"}, "revision": {rev}, "title-fi": {"Villen nimi"}})
	wantStatus(t, r, http.StatusSeeOther)

	// The autosave gets JSON: 409 with the message.
	req, _ := http.NewRequest("POST", e.srv.URL+base+"/step/1", strings.NewReader(url.Values{
		"csrf": {anna.csrf}, "version": {"1"}, "revision": {"1"}, "title-fi": {"X"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	jr := anna.do(req)
	wantStatus(t, jr, http.StatusConflict)
	var rep struct {
		OK      bool
		Message string
	}
	if err := json.Unmarshal([]byte(jr.body), &rep); err != nil || rep.OK || !strings.Contains(rep.Message, "Joku muu tallensi") {
		t.Errorf("autosave conflict reply %q (%v)", jr.body, err)
	}
	// A good autosave answers with the new revision and the checklist.
	page = anna.get(base + "/step/1")
	rev = revisionRE.FindStringSubmatch(page.body)[1]
	req, _ = http.NewRequest("POST", e.srv.URL+base+"/step/1", strings.NewReader(url.Values{
		"csrf": {anna.csrf}, "version": {"1"}, "revision": {rev}, "title-fi": {"Autosave"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	jr = anna.do(req)
	wantStatus(t, jr, http.StatusOK)
	wantBody(t, jr, `"ok":true`, "Luonnos tallennettu klo", "Laatutarkistus")
}

// upload posts step 7 as multipart with an image.
func upload(t *testing.T, b *browser, base, name string, data []byte, alt string) *resp {
	t.Helper()
	page := b.get(base + "/step/7")
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("csrf", b.csrf)
	mw.WriteField("version", regexpFind(`name="version" value="(\d+)"`, page.body))
	mw.WriteField("revision", regexpFind(`name="revision" value="(\d+)"`, page.body))
	mw.WriteField("image-alt-fi", alt)
	fw, _ := mw.CreateFormFile("image", name)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", b.e.srv.URL+base+"/step/7", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return b.do(req)
}

func TestStudioBadgeImage(t *testing.T) {
	t.Parallel()
	e := newStudioEnv(t)
	anna := e.browser()
	anna.signin("anna@tao.fi")
	base := newDraft(t, anna, "Merkki")

	evil := []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script><circle r="4" cx="5" cy="5"/></svg>`)
	r := upload(t, anna, base, "evil.svg", evil, "Ympyrä")
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "SVG-kuvassa on skripti", `href="#ed-image"`, `value="Ympyrä"`)
	if strings.Contains(anna.get(base+"/step/7").body, "/image?v=") {
		t.Fatal("a refused image was stored")
	}
	onload := []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>`)
	wantStatus(t, upload(t, anna, base, "onload.svg", onload, "x"), http.StatusUnprocessableEntity)
	wantStatus(t, upload(t, anna, base, "a.txt", []byte("hello"), "x"), http.StatusUnprocessableEntity)
	big := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 600<<10)...)
	r = upload(t, anna, base, "big.png", big, "Iso")
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Kuva on liian suuri. Enimmäiskoko on 512 kt.")

	good := []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="4" cx="5" cy="5" fill="#1d5a96"/></svg>`)
	r = upload(t, anna, base, "ok.svg", good, "Sininen ympyrä")
	wantStatus(t, r, http.StatusSeeOther)
	p := anna.get(base + "/step/7")
	src := regexpFind(`src="([^"]+/image\?[^"]+)"`, p.body)
	if src == "" {
		t.Fatal("no image on step 7")
	}
	img := anna.get(strings.ReplaceAll(src, "&amp;", "&"))
	wantStatus(t, img, http.StatusOK)
	if ct := img.Header.Get("Content-Type"); ct != "image/svg+xml" || !strings.Contains(img.Header.Get("Content-Security-Policy"), "sandbox") {
		t.Errorf("image served as %q with CSP %q", ct, img.Header.Get("Content-Security-Policy"))
	}
	wantBody(t, p, `alt="Sininen ympyrä"`)
}

// TestStudioPartnerAndAccess: a partner invited by e-mail sees only that draft, comments
// (with an @-mention that is e-mailed), replies, and signs off; a partner not invited and
// another organisation's designer get 403 and change nothing.
func TestStudioPartnerAndAccess(t *testing.T) {
	t.Parallel()
	e := newStudioEnv(t)
	anna := e.browser()
	anna.signin("anna@tao.fi")
	base := newDraft(t, anna, "Hoivarobotiikan perusteet")
	secret := newDraft(t, anna, "Salainen luonnos")

	anna.get(base)
	r := anna.post(base+"/partners", url.Values{"email": {"ei-osoite"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, `value="ei-osoite"`)
	r = anna.post(base+"/partners", url.Values{"email": {"kumppani@hoivakoti.fi"}})
	wantStatus(t, r, http.StatusSeeOther)
	m := e.mails()[0]
	if m.To != "kumppani@hoivakoti.fi" || !strings.Contains(m.Text, base) {
		t.Fatalf("invitation mail to %s: %q", m.To, m.Text)
	}
	// Someone without an account also gets a link to create one.
	anna.get(base)
	wantStatus(t, anna.post(base+"/partners", url.Values{"email": {"uusi@yritys.fi"}}), http.StatusSeeOther)
	newcomerMail := e.mails()[0]
	if !strings.Contains(newcomerMail.Text, "/invitations/") {
		t.Fatalf("no account link for a newcomer: %q", newcomerMail.Text)
	}
	// The newcomer creates an account through the invitation page and then sees the draft.
	invLink := regexpFind(`http://pokot\.test(/invitations/\S+)`, newcomerMail.Text)
	nb := e.browser()
	nb.get(invLink)
	r = nb.post(invLink, url.Values{"name": {"Uusi Kumppani"}, "password": {"kolme pientä porsasta"}, "password2": {"kolme pientä porsasta"}})
	wantStatus(t, r, http.StatusSeeOther)
	wantStatus(t, nb.get(base), http.StatusOK)
	wantBody(t, nb.get("/studio"), "Hoivarobotiikan perusteet")
	wantStatus(t, nb.get(secret), http.StatusForbidden)

	tiina := e.browser()
	tiina.signin("kumppani@hoivakoti.fi")
	home := tiina.get("/studio")
	wantStatus(t, home, http.StatusOK)
	wantBody(t, home, "Hoivarobotiikan perusteet")
	if strings.Contains(home.body, "Salainen luonnos") {
		t.Error("the partner sees a draft they are not invited to")
	}
	ov := tiina.get(base)
	wantStatus(t, ov, http.StatusOK)
	wantBody(t, ov, "Sinut on kutsuttu työelämäkumppaniksi", "Hyväksyn version 1")
	// A partner sees their own invitation, not the other invitee's address.
	wantBody(t, ov, "kumppani@hoivakoti.fi", "Muita kutsuttuja työelämäkumppaneita: 1.")
	if strings.Contains(ov.body, "uusi@yritys.fi") {
		t.Error("a partner sees another partner's e-mail address")
	}
	wantBody(t, anna.get(base), "kumppani@hoivakoti.fi", "uusi@yritys.fi")
	wantStatus(t, tiina.get(secret), http.StatusForbidden)
	wantStatus(t, tiina.get("/orgs/tao/studio"), http.StatusForbidden)
	// Partners read but do not edit.
	r = tiina.post(base+"/step/1", url.Values{"version": {"1"}, "revision": {"1"}, "title-fi": {"Kumppanin nimi"}})
	wantStatus(t, r, http.StatusForbidden)

	// A comment on an outcome with an @-mention.
	tiina.get(base + "/step/2")
	r = tiina.post(base+"/comments", url.Values{"step": {"2"}, "anchor": {"outcomes"}, "body": {""}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Kirjoita kommentti ennen lähettämistä.")
	r = tiina.post(base+"/comments", url.Values{"step": {"2"}, "anchor": {"outcomes"},
		"body": {"Lisätkää lääkehoito. @anna@tao.fi mitä mieltä?"}})
	wantStatus(t, r, http.StatusSeeOther)
	if m := e.mails()[0]; m.To != "anna@tao.fi" || !strings.Contains(m.Text, "Lisätkää lääkehoito") {
		t.Errorf("mention mail to %s: %q", m.To, m.Text)
	}
	step2 := anna.get(base + "/step/2")
	wantBody(t, step2, "Lisätkää lääkehoito.", "Tiina Työelämä", "Merkitse ratkaistuksi")
	cid := regexpFind(`/comments/(\d+)/resolve`, step2.body)
	r = anna.post(base+"/comments", url.Values{"step": {"2"}, "parent": {cid}, "body": {"Lisätään!"}})
	wantStatus(t, r, http.StatusSeeOther)
	r = anna.post(base+"/comments/"+cid+"/resolve", url.Values{"step": {"2"}, "resolved": {"1"}})
	wantStatus(t, r, http.StatusSeeOther)
	wantBody(t, anna.get(base+"/step/2"), "Lisätään!", "Ratkaistu", "Avaa uudelleen")

	tiina.get(base)
	r = tiina.post(base+"/signoff", url.Values{"version": {"1"}, "note": {"Hyvä!"}})
	wantStatus(t, r, http.StatusSeeOther)
	wantBody(t, anna.get(base), "Tiina Työelämä hyväksyi version 1", "Hyvä!")
	tiina.get(base)
	wantStatus(t, tiina.post(base+"/signoff", url.Values{"version": {"1"}}), http.StatusConflict)

	// Not invited, and another organisation's designer: 403 everywhere, nothing changes.
	for _, who := range []string{"vieras@yritys.fi", "muu@muu.fi"} {
		b := e.browser()
		b.signin(who)
		b.get("/dashboard")
		for _, p := range []string{base, base + "/step/1", base + "/preview", base + "/versions", base + "/history"} {
			wantStatus(t, b.get(p), http.StatusForbidden)
		}
		for _, p := range []string{base + "/step/1", base + "/comments", base + "/signoff", base + "/transition", base + "/partners"} {
			r := b.post(p, url.Values{"version": {"1"}, "revision": {"1"}, "title-fi": {"Murto"}, "body": {"x"}, "to": {"review"}, "email": {"x@y.fi"}})
			wantStatus(t, r, http.StatusForbidden)
		}
	}
	wantStatus(t, e.browser().get(base), http.StatusSeeOther) // anonymous: sign in first
	if got := anna.get(base + "/step/1"); strings.Contains(got.body, "Murto") {
		t.Error("a refused request changed the draft")
	}
}

// TestStudioPagesInEveryLanguage renders every studio page in fi, sv and en.
func TestStudioPagesInEveryLanguage(t *testing.T) {
	t.Parallel()
	e := newStudioEnv(t)
	anna := e.browser()
	anna.signin("anna@tao.fi")
	base := newDraft(t, anna, "Kielitesti")
	fillPublishable(t, anna, base)
	anna.get(base)
	anna.post(base+"/partners", url.Values{"email": {"kumppani@hoivakoti.fi"}})
	anna.post(base+"/comments", url.Values{"step": {"0"}, "body": {"Yleinen kommentti"}})
	pages := []string{"/studio", "/orgs/tao/studio", base, base + "/preview", base + "/versions", base + "/history"}
	for s := 1; s <= 7; s++ {
		pages = append(pages, base+"/step/"+itoa(s))
	}
	for _, l := range pokot.Langs {
		for _, p := range pages {
			r := anna.get(p + sep(p) + "lang=" + string(l))
			wantStatus(t, r, http.StatusOK)
			checkPage(t, r, l)
		}
	}
}

// TestStudioOutcomeRowsWithoutJS: the add and remove buttons work as plain form posts,
// saving what was typed on the way.
func TestStudioOutcomeRowsWithoutJS(t *testing.T) {
	t.Parallel()
	e := newStudioEnv(t)
	anna := e.browser()
	anna.signin("anna@tao.fi")
	base := newDraft(t, anna, "Rivit")
	r := saveStep(t, anna, base, 2, url.Values{"op": {"add_outcome"}})
	wantStatus(t, r, http.StatusSeeOther)
	wantLocation(t, r, base+"/step/2#outcome-1")
	r = saveStep(t, anna, base, 2, url.Values{"op": {"add_outcome"}, "outcome": {"0"}, "outcomes-0-text-fi": {"Osaa laatia työvuorolistan."}})
	wantLocation(t, r, base+"/step/2#outcome-2")
	page := anna.get(base + "/step/2")
	wantBody(t, page, `id="outcome-2"`, "Osaa laatia työvuorolistan.", `value="remove_outcome:1"`)
	r = saveStep(t, anna, base, 2, url.Values{"op": {"remove_outcome:0"}, "outcome": {"0", "1"}, "outcomes-0-text-fi": {"Osaa laatia työvuorolistan."},
		"outcomes-1-text-fi": {"Osaa perustella valintansa."}})
	wantStatus(t, r, http.StatusSeeOther)
	page = anna.get(base + "/step/2")
	wantBody(t, page, "Osaa perustella valintansa.")
	if strings.Contains(page.body, "työvuorolistan") || strings.Contains(page.body, `id="outcome-2"`) {
		t.Error("the removed outcome is still there")
	}
	// An ESCO link that is not an ESCO URI is refused at its outcome, with the text kept.
	r = saveStep(t, anna, base, 2, url.Values{"outcome": {"0"}, "outcomes-0-text-fi": {"Osaa perustella valintansa."},
		"outcomes-0-skills": {"https://example.com/taito Taito"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "ESCO-osoitteen pitää alkaa", `href="#ed-outcomes-0-skills"`, "https://example.com/taito Taito", "<details class=\"esco\" open>")
}

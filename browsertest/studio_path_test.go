package browsertest

import (
	"context"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// The POK that the designer builds in TestStudioToCatalogue.
const (
	pathTitleFi = "Hoivarobotiikan etäohjaus kotihoidossa"
	pathTitleSv = "Fjärrstyrning av vårdrobotar i hemvården"
	pathTitleEn = "Remote operation of care robots in home care"
	pathOut1    = "Osaa ohjata hoivarobottia etäyhteydellä asiakkaan kotona."
	pathCrit1   = "Ohjaa robottia turvallisesti ohjeen mukaan ja kirjaa tapahtumat asiakastietoihin."
	pathOut2    = "Osaa arvioida, sopiiko hoivarobotti asiakkaan arkeen."
	pathCrit2   = "Perustelee arvionsa asiakkaan toimintakyvyllä ja toiveilla."
	pathQAFi    = "Palaute kerätään jokaiselta ryhmältä ja käsitellään työelämätoimikunnassa."
	pathQASv    = "Respons samlas in från varje grupp och behandlas i arbetslivskommittén."
	pathPrereq  = "Lähihoitajan tutkinto tai vastaava kokemus kotihoidosta."
	pathFurther = "Lisätietoja opintotoimistosta ja osoitteesta https://tao.example/pok."
	pathESCO    = "http://data.europa.eu/esco/skill/7d2a1b86-4c1e-4b0b-9a7f-0d2c5b4f3e21"
	pathAlt     = "Sininen pyöreä merkki, jossa hoivarobotti"
	partnerMail = "tiina.tyoelama@kotipesa.example"
	partnerName = "Tiina Työelämä"
)

var studioIDRE = regexp.MustCompile(`/orgs/[^/]+/studio/(\d+)`)

// TestStudioToCatalogue walks the whole path of a new POK in Chromium, each step through
// the UI: a designer builds it in the seven-step studio while the quality-gate checklist
// follows the edits; a working-life partner invited by e-mail signs up, sees only that
// draft, comments on a learning outcome with an @-mention and signs off; the designer
// replies and resolves the thread, fixes what the gate found and submits it; the org admin
// approves and publishes; an anonymous visitor finds it in the catalogue with an inflected
// Finnish word, and its OB 3.0 and ELM exports carry every Annex I element. axe-core
// checks every page type on the way (checkPage), and refused actions change nothing.
func TestStudioToCatalogue(t *testing.T) {
	browser := newBrowser(t)
	a := startApp(t, true)
	bg := context.Background()
	designer, admin := a.login(t, pokot.RoleDesigner), a.login(t, pokot.RoleOrgAdmin)
	if designer.Org != admin.Org {
		t.Fatalf("the demo's first designer (%s) and org admin (%s) are in different organisations", designer.Org, admin.Org)
	}
	org, err := a.DB.OrgBySlug(bg, designer.Org)
	if err != nil {
		t.Fatal(err)
	}
	d := newTab(t, browser)
	dConsole := watchConsole(t, d)
	signIn(t, d, a, designer.Email, designer.Password)

	// 1. The designer creates two drafts: the first is one the partner will not be invited to.
	list := a.URL + "/orgs/" + org.Slug + "/studio"
	open(t, d, list, 200)
	checkPage(t, d, "path-studio-list")
	newForm := `form[action="/orgs/` + org.Slug + `/studio"]`
	typeIn(t, d, newForm+` input[name=title]`, "Saattohoidon perusteet (luonnos)")
	clickLoad(t, d, newForm+` button[type=submit]`, 200)
	otherID := studioID(t, d)
	open(t, d, list, 200)
	typeIn(t, d, newForm+` input[name=title]`, pathTitleFi)
	clickLoad(t, d, newForm+` button[type=submit]`, 200)
	id := studioID(t, d)
	base := a.URL + "/orgs/" + org.Slug + "/studio/" + strconv.FormatInt(id, 10)
	if p := path(t, d); !strings.HasSuffix(p, "/studio/"+strconv.FormatInt(id, 10)+"/step/1") {
		t.Fatalf("creating a draft opened %s, want its step 1", p)
	}

	// Step 1, basics. The checklist is there from the start and blocks publication.
	g := readChecklist(t, d)
	if !listed(g.Errors, "Osaamistavoitteet on kirjattu") || !listed(g.Errors, "EQF-taso (1–8) on valittu") {
		t.Errorf("a new draft's checklist does not list the missing outcomes and level as errors: %+v", g)
	}
	checkPage(t, d, "path-step1")
	openTranslations(t, d, "ed-title-fi")
	typeIn(t, d, "#ed-title-sv", pathTitleSv)
	typeIn(t, d, "#ed-title-en", pathTitleEn)
	typeIn(t, d, "#ed-description-fi", "Opit ohjaamaan hoivarobottia etäyhteydellä ja arvioimaan, milloin robotista on asiakkaalle apua.")
	openTranslations(t, d, "ed-description-fi")
	typeIn(t, d, "#ed-description-sv", "Du lär dig fjärrstyra vårdrobotar och bedöma när en robot hjälper klienten.")
	selectValue(t, d, "ed-iscedField", "0913")
	typeIn(t, d, "#ed-targetGroup-fi", "Kotihoidon lähihoitajat ja sairaanhoitajat")
	typeIn(t, d, "#ed-keywords-fi", "robotiikka, etäohjaus, kotihoito")
	clickLoad(t, d, `button[name=op][value=next]`, 200)

	// Step 2, learning outcomes: first one without criteria that does not start with an
	// action verb. The autosave brings the checklist up to date without a page load.
	press(t, d, "[data-add-outcome]")
	waitTrue(t, d, "a row for the first outcome", `!!document.getElementById('ed-outcomes-0-text-fi')`)
	typeIn(t, d, "#ed-outcomes-0-text-fi", "Hoivarobotin etäohjauksen perusteet")
	waitTrue(t, d, "the checklist after typing an outcome without criteria", autosaved+` && `+
		checklistHas("error", "Osaamistavoitteella 1 on omat arviointikriteerit", true))
	g = readChecklist(t, d)
	if !listed(g.Warnings, "Osaamistavoite 1 alkaa havaittavalla toimintaverbillä (esim. ”Osaa suunnitella…”)") {
		t.Errorf("an outcome that does not begin with an action verb gets no warning: %+v", g)
	}
	if listed(g.Errors, "Osaamistavoitteet on kirjattu") {
		t.Errorf("the checklist still says that no outcomes are written: %+v", g)
	}
	checkPage(t, d, "path-step2-gate-errors")
	wantGateCounts(t, d, 2, 1)
	// Fixed in the form: an action verb, criteria, an ESCO skill, a second outcome.
	typeIn(t, d, "#ed-outcomes-0-text-fi", pathOut1)
	typeIn(t, d, "#ed-outcomes-0-criteria-fi", pathCrit1)
	openTranslations(t, d, "ed-outcomes-0-text-fi")
	typeIn(t, d, "#ed-outcomes-0-text-en", "Can operate a care robot remotely in the client's home.")
	press(t, d, `#outcome-1 details.esco > summary`)
	typeIn(t, d, "#ed-outcomes-0-skills", pathESCO+" ohjata hoivarobottia")
	press(t, d, "[data-add-outcome]")
	waitTrue(t, d, "a row for the second outcome", `!!document.getElementById('ed-outcomes-1-text-fi')`)
	typeIn(t, d, "#ed-outcomes-1-text-fi", pathOut2)
	typeIn(t, d, "#ed-outcomes-1-criteria-fi", pathCrit2)
	waitTrue(t, d, "the checklist after fixing the outcomes", autosaved+` && `+
		checklistHas("error", "Osaamistavoitteella 1 on omat arviointikriteerit", false)+` && `+
		checklistHas("ok", "Osaamistavoitteella 2 on omat arviointikriteerit", true)+` && `+
		checklistHas("warn", "Osaamistavoite 1 alkaa havaittavalla toimintaverbillä (esim. ”Osaa suunnitella…”)", false)+` && `+
		checklistHas("warn", "Osaamistavoitteet on liitetty ESCO-taitoihin tai -ammatteihin", false))
	wantGateCounts(t, d, 2, 0)
	clickLoad(t, d, `button[name=op][value=next]`, 200)

	// Step 3, scope. A workload written as a word is refused at the field, with what was
	// typed kept and nothing saved; then a workload with a decimal comma, its unit, the
	// EQF level.
	typeIn(t, d, "#ed-workload-value", "kaksi")
	// The autosave is refused and marks the field at once; the button save after it too.
	numberMsg, _ := json.Marshal(i18n.T(pokot.Finnish, "studio.err.number"))
	waitTrue(t, d, "the autosave marks the workload field", `(e => e.getAttribute('aria-invalid') === 'true' &&
		(document.getElementById('ed-workload-value-error') || {}).textContent === `+string(numberMsg)+` &&
		e.getAttribute('aria-describedby').split(' ').includes('ed-workload-value-error') &&
		document.querySelector('[data-autosave-status]').classList.contains('problem'))(document.getElementById('ed-workload-value'))`)
	checkSameLayout(t, d, "path-step3-autosave-refused")
	clickLoad(t, d, `button[name=op][value=next]`, 422)
	if !eval[bool](t, d, errorSummaryFocused) {
		t.Errorf("after a refused save the focus is not on the error summary")
	}
	if got := eval[string](t, d, `[...document.querySelectorAll('.error-summary a')].map(a => a.getAttribute('href') + ' ' + a.innerText.trim()).join('|')`); got != "#ed-workload-value "+i18n.T(pokot.Finnish, "studio.err.number") {
		t.Errorf("the error summary lists %q", got)
	}
	if got := eval[string](t, d, `(e => e.value + '|' + e.getAttribute('aria-invalid') + '|' + document.getElementById('ed-workload-value-error').textContent.replace(/\s+/g, ' ').trim())(document.getElementById('ed-workload-value'))`); got != "kaksi|true|"+i18n.T(pokot.Finnish, "form.error_prefix")+" "+i18n.T(pokot.Finnish, "studio.err.number") {
		t.Errorf("the refused workload field: %q", got)
	}
	if m, err := a.DB.Microcredential(bg, org.ID, id); err != nil || m.Current.Content.Workload.Value != 0 {
		t.Errorf("the refused save stored a workload: %v %v", m.Current.Content.Workload, err)
	}
	checkPage(t, d, "path-step3-refused")
	typeIn(t, d, "#ed-workload-value", "2,5")
	tick(t, d, "ed-workload-unit-osp")
	selectValue(t, d, "ed-eqfLevel", "4")
	typeIn(t, d, "#ed-duration-fi", "6 viikkoa")
	clickLoad(t, d, `button[name=op][value=next]`, 200)

	// Step 4, assessment.
	checkSameLayout(t, d, "path-step4")
	tick(t, d, "ed-assessment-demonstration")
	tick(t, d, "ed-assessment-portfolio")
	typeIn(t, d, "#ed-assessmentInfo-fi", "Näyttö asiakkaan kotona ohjaajan läsnä ollessa.")
	tick(t, d, "ed-supervision-supervised_with_id")
	selectValue(t, d, "ed-grading", "1-5")
	clickLoad(t, d, `button[name=op][value=next]`, 200)

	// Step 5, delivery.
	checkSameLayout(t, d, "path-step5")
	tick(t, d, "ed-participation-blended")
	tick(t, d, "ed-languages-fi")
	tick(t, d, "ed-languages-sv")
	tick(t, d, "ed-delivery-schedule-continuous")
	typeIn(t, d, "#ed-delivery-place-fi", "Tampere ja verkossa")
	typeIn(t, d, "#ed-price-eur", "0")
	clickLoad(t, d, `button[name=op][value=next]`, 200)

	// Step 6, quality: the quality assurance written in Swedish only for now (the Finnish
	// gap is found later, at review).
	checkSameLayout(t, d, "path-step6")
	openTranslations(t, d, "ed-qualityAssurance-fi")
	typeIn(t, d, "#ed-qualityAssurance-sv", pathQASv)
	typeIn(t, d, "#ed-prerequisites-fi", pathPrereq)
	tick(t, d, "ed-stackability-kind-qualification_unit")
	typeIn(t, d, "#ed-stackability-unit-code", "106936")
	typeIn(t, d, "#ed-stackability-unit-name-fi", "Hyvinvointiteknologian käyttö")
	typeIn(t, d, "#ed-stackability-unit-url", "https://eperusteet.opintopolku.fi/tutkinnonosa/106936")
	typeIn(t, d, "#ed-partners", "Hoivakoti Kotipesä Oy | testasi robotin asiakkaiden kodeissa")
	typeIn(t, d, "#ed-furtherInfo-fi", pathFurther)
	clickLoad(t, d, `button[name=op][value=next]`, 200)

	// Step 7, the badge image with its alternative text, and a contact person.
	checkPage(t, d, "path-step7")
	do(t, d, "choose the badge image", chromedp.SetUploadFiles(chromedp.CSS("#ed-image"), []string{badgePNG(t)}))
	typeIn(t, d, "#ed-image-alt-fi", pathAlt)
	typeIn(t, d, "#ed-contact-name", "Anna Suunnittelija")
	typeIn(t, d, "#ed-contact-email", "opinnot@tao.example")
	clickLoad(t, d, `.step-actions button[name=op][value=save]`, 200)
	if n := eval[int](t, d, `document.querySelectorAll('figure.badge-current img').length`); n != 1 {
		t.Fatalf("after uploading, step 7 shows %d current badge images, want 1", n)
	}
	clickLoad(t, d, `button[name=op][value=preview]`, 200)
	checkPage(t, d, "path-preview")
	dConsole.check(t, "designer builds the POK", "status of 422")

	studioPartnerPart(t, a, browser, d, designer.Email, base, otherID, org)
	studioReviewPart(t, a, browser, d, admin.Email, admin.Password, base)
	studioCataloguePart(t, a, browser, id, org)
}

// studioID reads the POK id from the tab's studio address.
func studioID(t *testing.T, ctx context.Context) int64 {
	t.Helper()
	return studioIDOf(t, path(t, ctx))
}

var studioLinkRE = regexp.MustCompile(`https?://[^\s"<>]+/orgs/[^/\s]+/studio/\d+`)

// studioPartnerPart: the designer invites a working-life partner, who signs up from the
// e-mail, sees only that draft, comments on a learning outcome mentioning the designer and
// signs off; the designer replies and resolves the thread.
func studioPartnerPart(t *testing.T, a *app, browser, d context.Context, designerEmail, base string, otherID int64, org *pokot.Organisation) {
	bg := context.Background()
	open(t, d, base, 200)
	checkPage(t, d, "path-overview")
	invite := `form[action$="/partners"]`
	typeIn(t, d, invite+` input[name=email]`, partnerMail)
	clickLoad(t, d, invite+` button[type=submit]`, 200)
	if got := text(t, d, ".partner-list"); !strings.Contains(got, partnerMail) || !strings.Contains(got, i18n.T(pokot.Finnish, "studio.partner_no_account")) {
		t.Fatalf("after inviting, the partner list says %q", got)
	}
	m := a.mailTo(t, partnerMail)
	if !strings.Contains(m.Subject, pathTitleFi) {
		t.Errorf("the partner's invitation mail has the subject %q, without the POK's title", m.Subject)
	}
	accountLink := a.invitationLink(t, m)
	draftLink := studioLinkRE.FindString(m.Text)
	if draftLink != base {
		t.Fatalf("the invitation mail links the draft as %q, want %s:\n%s", draftLink, base, m.Text)
	}

	// The partner creates an account through the link and opens the draft.
	p := newTab(t, browser)
	pConsole := watchConsole(t, p)
	open(t, p, accountLink, 200)
	checkSameLayout(t, p, "path-partner-invitation")
	typeIn(t, p, `input[name=name]`, partnerName)
	typeIn(t, p, `input[name=password]`, "Robotti-kotikäynti-2026")
	typeIn(t, p, `input[name=password2]`, "Robotti-kotikäynti-2026")
	clickLoad(t, p, `main form button[type=submit]`, 200)
	if n := eval[int](t, p, `document.querySelectorAll('form.signout').length`); n != 1 {
		t.Fatalf("the partner is not signed in after creating the account; %s says:\n%s", path(t, p), mainText(t, p))
	}
	open(t, p, a.URL+"/studio", 200)
	checkPage(t, p, "path-partner-studio-home")
	hrefs := eval[[]string](t, p, `[...document.querySelectorAll('main a[href*="/studio/"]')].map(a => a.getAttribute('href'))`)
	if len(hrefs) != 1 || a.URL+hrefs[0] != base {
		t.Errorf("the partner's studio page links %v, want only the draft %s", hrefs, base)
	}
	open(t, p, draftLink, 200)
	checkPage(t, p, "path-partner-overview")
	if n := eval[int](t, p, `document.querySelectorAll('form[action$="/partners"], form[action$="/transition"], button[name=op]').length`); n != 0 {
		t.Errorf("the partner's view of the draft has %d editing or workflow controls", n)
	}
	if got, want := text(t, p, "#status-title + p"), i18n.T(pokot.Finnish, "studio.partner_status_text.draft"); got != want {
		t.Errorf("the partner is told %q about the draft's status, want %q", got, want)
	}
	if strings.Contains(text(t, p, "main"), i18n.T(pokot.Finnish, "studio.partners_text")) {
		t.Errorf("the partner is told to invite working-life partners, which only designers can do")
	}

	// Another draft of the organisation: a clear refusal, and an edit sent to it anyway
	// (with the partner's own session and CSRF token) changes nothing.
	other := a.URL + "/orgs/" + org.Slug + "/studio/" + strconv.FormatInt(otherID, 10)
	open(t, p, other, 403)
	checkSameLayout(t, p, "path-partner-forbidden")
	if h := text(t, p, "h1"); h != i18n.T(pokot.Finnish, "error.forbidden.title") {
		t.Errorf("the partner opening another draft sees the heading %q, want the refusal %q", h, i18n.T(pokot.Finnish, "error.forbidden.title"))
	}
	before, err := a.DB.Microcredential(bg, org.ID, otherID)
	if err != nil {
		t.Fatal(err)
	}
	open(t, p, draftLink, 200)
	status := run(t, p, "save another draft", chromedp.Evaluate[int](`(async () => {
		const body = new URLSearchParams({csrf: document.querySelector('input[name=csrf]').value, version: '1',
			revision: '`+strconv.Itoa(before.Current.Revision)+`', op: 'save', 'title-fi': 'Kumppanin muuttama nimi'});
		const r = await fetch('`+other+`/step/1', {method: 'POST', body, credentials: 'same-origin'});
		return r.status;
	})()`, chromedp.EvalAwaitPromise))
	if status != 403 {
		t.Errorf("the partner saving a draft they are not invited to: status %d, want 403", status)
	}
	after, err := a.DB.Microcredential(bg, org.ID, otherID)
	if err != nil {
		t.Fatal(err)
	}
	if after.Current.Content.Title.Get(pokot.Finnish) != before.Current.Content.Title.Get(pokot.Finnish) || after.Current.Revision != before.Current.Revision {
		t.Errorf("the refused save changed the other draft: %q rev %d → %q rev %d", before.Current.Content.Title.Get(pokot.Finnish),
			before.Current.Revision, after.Current.Content.Title.Get(pokot.Finnish), after.Current.Revision)
	}
	// Their own draft they may read and comment on, but not edit: the fields are read-only
	// and a save sent anyway is refused.
	open(t, p, base+"/step/1", 200)
	if n := eval[int](t, p, `document.querySelectorAll('.studio-form input[type=text]:not([readonly]), .studio-form textarea:not([readonly])').length`); n != 0 {
		t.Errorf("the partner's step 1 has %d editable text fields", n)
	}
	status = run(t, p, "save the invited draft", chromedp.Evaluate[int](`(async () => {
		const body = new URLSearchParams({csrf: document.querySelector('input[name=csrf]').value, version: '1',
			revision: document.querySelector('input[name=revision]').value, op: 'save', 'title-fi': 'Kumppanin muuttama nimi'});
		const r = await fetch(location.pathname, {method: 'POST', body, credentials: 'same-origin'});
		return r.status;
	})()`, chromedp.EvalAwaitPromise))
	if status != 403 {
		t.Errorf("the partner saving the draft they comment on: status %d, want 403", status)
	}
	if m, err := a.DB.Microcredential(bg, org.ID, studioIDOf(t, base)); err != nil || m.Current.Content.Title.Get(pokot.Finnish) != pathTitleFi {
		t.Errorf("the partner's refused save changed the draft: %v", err)
	}
	pConsole.check(t, "partner refused", expectedStatusLogs...)

	// A comment on the first learning outcome, mentioning the designer by e-mail.
	open(t, p, base+"/step/2", 200)
	checkSameLayout(t, p, "path-partner-step2")
	clickLoad(t, p, `#outcome-1 .outcome-links a`, 200)
	// The link preselects the first outcome as the place of the comment.
	anchor := eval[string](t, p, `(s => s.options[s.selectedIndex].text)(document.getElementById('cm-anchor'))`)
	if !strings.Contains(anchor, "1") || anchor == eval[string](t, p, `document.getElementById('cm-anchor').options[0].text`) {
		t.Errorf("the comment link of outcome 1 preselects %q", anchor)
	}
	comment := "Lisätkää tähän tietosuoja: kamerakuvaa ei saa tallentaa. @" + designerEmail + " voitko katsoa?"
	typeIn(t, p, "#cm-body", comment)
	clickLoad(t, p, `.comment-form button[type=submit]`, 200)
	thread := `article.thread:has(a[href$="/step/2#ed-outcomes-0-text-fi"])`
	if got := text(t, p, thread+" .comment-body"); got != comment {
		t.Fatalf("the comment on outcome 1 reads %q, want %q", got, comment)
	}
	if got := text(t, p, thread+" > .meta > a"); got != anchor {
		t.Errorf("the thread is anchored at %q, want %q", got, anchor)
	}
	if mm := a.mailTo(t, designerEmail); !strings.Contains(mm.Subject, partnerName) || !strings.Contains(mm.Text, comment) {
		t.Errorf("the @-mentioned designer got the mail %q:\n%s", mm.Subject, mm.Text)
	}

	// The partner signs off the version.
	open(t, p, base, 200)
	typeIn(t, p, "#signoff-note", "Hyvä kokonaisuus, kun tietosuoja on lisätty.")
	clickLoad(t, p, `form[action$="/signoff"] button[type=submit]`, 200)
	want := i18n.T(pokot.Finnish, "studio.signoff_line", "name", partnerName, "n", 1)
	if got := text(t, p, `section[aria-labelledby=signoff-title]`); !strings.Contains(got, want) {
		t.Errorf("after signing off the section says %q, want %q", got, want)
	}
	pConsole.check(t, "partner")

	// The designer sees the comment, replies and resolves the thread.
	open(t, d, base+"/step/2", 200)
	if got := text(t, d, thread+" .comment-body"); got != comment {
		t.Fatalf("the designer sees the comment on outcome 1 as %q", got)
	}
	press(t, d, thread+` .thread-actions details > summary`)
	reply := "Lisätty kriteereihin. Kiitos!"
	typeIn(t, d, thread+` textarea[name=body]`, reply)
	clickLoad(t, d, thread+` .thread-actions details form button[type=submit]`, 200)
	if got := text(t, d, thread+" .reply .comment-body"); got != reply {
		t.Errorf("the reply reads %q, want %q", got, reply)
	}
	clickLoad(t, d, thread+` form[action$="/resolve"] button[type=submit]`, 200)
	if n := eval[int](t, d, `document.querySelectorAll('`+thread+`.resolved').length`); n != 1 {
		t.Errorf("after resolving, the thread is not marked resolved; it says: %s", text(t, d, thread))
	}
}

// studioReviewPart: the designer submits; the org admin cannot approve while the quality
// assurance has no Finnish text, and sends it back; the designer follows the checklist to
// the field, writes it, submits again; the admin approves and publishes.
func studioReviewPart(t *testing.T, a *app, browser, d context.Context, adminEmail, adminPassword, base string) {
	open(t, d, base, 200)
	g := readChecklist(t, d)
	qaItem := "Laadunvarmistus on kuvattu suomeksi"
	if !listed(g.Errors, qaItem) {
		t.Errorf("with the quality assurance in Swedish only, the checklist errors are %v", g.Errors)
	}
	clickLoad(t, d, `form[action$="/transition"]:has(input[name=to][value=review]) button`, 200)
	wantStatusText(t, d, "review")

	ad := newTab(t, browser)
	adConsole := watchConsole(t, ad)
	signIn(t, ad, a, adminEmail, adminPassword)
	open(t, ad, base, 200)
	if n := eval[int](t, ad, `document.querySelectorAll('input[name=to][value=approved]').length`); n != 0 {
		t.Errorf("an approve button is offered although the quality assurance has no Finnish text")
	}
	if got := text(t, ad, "#status-title + p ~ .wf-action .blocked"); !strings.Contains(got, i18n.T(pokot.Finnish, "studio.wf.gate_blocks")) {
		t.Errorf("the blocked approval says %q", got)
	}
	checkPage(t, ad, "path-review-blocked")
	clickLoad(t, ad, `form[action$="/transition"]:has(input[name=to][value=draft]) button`, 200)
	wantStatusText(t, ad, "draft")

	// The designer follows the checklist item to the field and writes the Finnish text.
	open(t, d, base, 200)
	clickLoad(t, d, `#checklist li.check-error a[href$="#ed-qualityAssurance-fi"]`, 200)
	if got := eval[string](t, d, `location.hash`); got != "#ed-qualityAssurance-fi" {
		t.Errorf("the checklist item leads to %q", got)
	}
	// The field itself says what is missing, tied to it for screen readers.
	want := i18n.T(pokot.Finnish, "studio.gate_field.finnish")
	if got := eval[string](t, d, `(e => e.getAttribute('aria-invalid') + ' ' + [...e.getAttribute('aria-describedby').split(' ')].map(
		id => document.getElementById(id)).filter(x => x && x.classList.contains('field-error')).map(x => x.textContent.replace(/\s+/g, ' ').trim()).join())(
		document.getElementById('ed-qualityAssurance-fi'))`); got != "true "+i18n.T(pokot.Finnish, "form.error_prefix")+" "+want {
		t.Errorf("the Finnish quality assurance field: %q, want aria-invalid and the message %q", got, want)
	}
	checkPage(t, d, "path-step6-finnish-missing")
	typeIn(t, d, "#ed-qualityAssurance-fi", pathQAFi)
	clickLoad(t, d, `.step-actions button[name=op][value=save]`, 200)
	if g := readChecklist(t, d); len(g.Errors) != 0 || g.Summary != i18n.T(pokot.Finnish, "studio.gate_ok") {
		t.Fatalf("after writing the quality assurance in Finnish the checklist says %+v", g)
	}
	open(t, d, base, 200)
	clickLoad(t, d, `form[action$="/transition"]:has(input[name=to][value=review]) button`, 200)

	// The admin approves and publishes.
	open(t, ad, base, 200)
	clickLoad(t, ad, `form[action$="/transition"]:has(input[name=to][value=approved]) button`, 200)
	wantStatusText(t, ad, "approved")
	clickLoad(t, ad, `form[action$="/transition"]:has(input[name=to][value=published]) button`, 200)
	wantStatusText(t, ad, "published")
	adConsole.check(t, "admin")
}

// wantStatusText fails unless the studio page shows the version's status as st.
func wantStatusText(t *testing.T, ctx context.Context, st string) {
	t.Helper()
	if got, want := text(t, ctx, ".studio-head .status"), i18n.T(pokot.Finnish, "studio.status."+st); got != want {
		t.Fatalf("the status reads %q, want %q", got, want)
	}
}

// studioCataloguePart: an anonymous visitor finds the POK with an inflected word and
// downloads its exports from the links of its page.
func studioCataloguePart(t *testing.T, a *app, browser context.Context, id int64, org *pokot.Organisation) {
	v := newTab(t, browser)
	vConsole := watchConsole(t, v)
	open(t, v, a.URL+"/microcredentials?q=robotiikka", 200)
	checkPage(t, v, "path-catalogue-search")
	link := `main a[href="/microcredentials/` + strconv.FormatInt(id, 10) + `"]`
	if n := eval[int](t, v, `document.querySelectorAll('`+link+`').length`); n == 0 {
		t.Fatalf("searching robotiikka does not find %q; the page says:\n%s", pathTitleFi, mainText(t, v))
	}
	clickLoad(t, v, link, 200)
	checkPage(t, v, "path-pok-page")
	if h := text(t, v, "h1"); h != pathTitleFi {
		t.Errorf("the POK page's heading is %q", h)
	}
	facts := eval[map[string]string](t, v, `Object.fromEntries([...document.querySelectorAll('dl.facts dt')].map(dt => [dt.innerText.trim(), dt.nextElementSibling.innerText.trim()]))`)
	for k, want := range map[string]string{"Laajuus": "2,5 osp (osaamispiste)", "Taso": "EQF 4", "Osallistumistapa": "Monimuoto",
		"Arviointitavat": "Näyttö työtehtävissä, Portfolio", "Laadunvarmistus": pathQAFi, "Esitiedot": pathPrereq} {
		if facts[k] != want {
			t.Errorf("the POK page says %s: %q, want %q", k, facts[k], want)
		}
	}
	ob3 := eval[string](t, v, `document.querySelector('a[href$="/ob3"]').href`)
	elm := eval[string](t, v, `document.querySelector('a[href$="/elm"]').href`)
	vConsole.check(t, "visitor")
	checkOB3(t, fetchJSON(t, ob3), org)
	checkELM(t, fetchJSON(t, elm), org)
}

// wantGateCounts fails unless the page header counts as many errors as the checklist lists
// and the step list marks step with n errors (none when n is 0), as they must after an
// autosave has replaced the checklist.
func wantGateCounts(t *testing.T, ctx context.Context, step, n int) {
	t.Helper()
	errs := len(readChecklist(t, ctx).Errors)
	want := i18n.T(pokot.Finnish, "studio.gate_link", "n", errs)
	if errs == 0 {
		want = i18n.T(pokot.Finnish, "studio.gate_link_ok")
	}
	if got := text(t, ctx, ".gate-link"); got != want {
		t.Errorf("the header's checklist link says %q while the checklist lists %d errors", got, errs)
	}
	got := eval[string](t, ctx, `(e => e ? e.innerText.trim() : '')(document.querySelector('nav.steps a[href$="/step/`+strconv.Itoa(step)+`"] .step-errors'))`)
	want = ""
	if n > 0 {
		want = i18n.T(pokot.Finnish, "studio.step_errors", "n", n)
	}
	if got != want {
		t.Errorf("the step list marks step %d with %q, want %q", step, got, want)
	}
}

// studioIDOf reads the POK id from a studio address.
func studioIDOf(t *testing.T, u string) int64 {
	t.Helper()
	m := studioIDRE.FindStringSubmatch(u)
	if m == nil {
		t.Fatalf("%s is not a studio address", u)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

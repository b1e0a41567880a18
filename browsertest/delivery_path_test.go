package browsertest

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/bake"
	"github.com/pokot/pokot/i18n"
)

var (
	credentialLinkRE = regexp.MustCompile(`https?://\S+/credentials/([0-9a-f-]{36})`)
	signinLinkRE     = regexp.MustCompile(`https?://\S+/signin/link/[A-Za-z0-9_-]+(?:\?next=\S+)?`)
)

// deliveryLearner is one learner of the group that the test assesses.
type deliveryLearner struct {
	name, email string
	fail        bool // fails the second learning outcome
	reg         *pokot.Registration
}

// TestDeliveryPath walks issue 5's "Done when" in Chromium: a learner finds an offering on
// the catalogue page and registers; an assessor assesses the group
// outcome by outcome in the grid, approves the batch and watches its progress bar reach
// done (reloading half-way); a learner follows the e-mailed link, signs in by e-mail link,
// lands in the wallet and downloads the PDF certificate (real text, QR code of the
// verifier) and the baked PNG; the public verifier page and the real `pokot verify` accept
// the PNG; staff revoke the credential with a reason, and both reject it as revoked.
// axe-core and the other page checks run on every page type on the way.
func TestDeliveryPath(t *testing.T) {
	browser := newBrowser(t)
	start := time.Now()
	a := startDeliveryApp(t)
	pokotBin := pokotBinary(t)
	bg := context.Background()
	mark := func(what string) { t.Logf("%5.1fs %s", time.Since(start).Seconds(), what) }

	// An offering of HAMK's published "Puurakentamisen perusteet" with six learners who
	// registered on the public form (covered by the web tests; here straight to the store).
	org, err := a.DB.OrgBySlug(bg, "hamk")
	if err != nil {
		t.Fatal(err)
	}
	mcs, err := a.DB.Microcredentials(bg, org.ID, pokot.StatusPublished)
	if err != nil {
		t.Fatal(err)
	}
	var mc *pokot.Microcredential
	for _, m := range mcs {
		if m.Slug == "puurakentamisen-perusteet" {
			mc = m
		}
	}
	if mc == nil || len(mc.Published.Content.Outcomes) != 2 {
		t.Fatal("the demo has no published HAMK POK puurakentamisen-perusteet with two learning outcomes")
	}
	title := mc.Published.Content.Title.Get(pokot.Finnish)
	assessor := a.loginOf(t, "hamk", pokot.RoleAssessor)
	designer, err := a.DB.UserByEmail(bg, a.loginOf(t, "hamk", pokot.RoleDesigner).Email)
	if err != nil {
		t.Fatal(err)
	}
	assessorUser, err := a.DB.UserByEmail(bg, assessor.Email)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	o := &pokot.Offering{OrgID: org.ID, MicrocredentialID: mc.ID, Starts: now.AddDate(0, 0, -30), Ends: now.AddDate(0, 0, 1),
		Place: pokot.Text{"fi": "Hämeenlinna, Visamäen kampus"}, Language: "fi", Capacity: 10,
		RegistrationOpens: now.Add(-time.Hour), RegistrationCloses: now.Add(24 * time.Hour),
		PriceCents: 39000, Assessors: []int64{assessorUser.ID}}
	if err := a.DB.CreateOffering(bg, o, designer.ID); err != nil {
		t.Fatal(err)
	}
	learners := []*deliveryLearner{
		{name: "Anna Aalto", email: "anna.aalto@example.com"},
		{name: "Bertta Blomqvist", email: "bertta.blomqvist@example.com"},
		{name: "Cecilia Carlsson", email: "cecilia.carlsson@example.com"},
		{name: "Daniel Dahl", email: "daniel.dahl@example.com"},
		{name: "Eino Eskola", email: "eino.eskola@example.com"},
		{name: "Fanni Forsman", email: "fanni.forsman@example.com", fail: true},
	}
	base := "/orgs/hamk/offerings/" + strconv.FormatInt(o.ID, 10)
	anna := learners[0]

	// 0. Anna finds the offering on the POK's catalogue page and registers on its public
	// form; the others registered the same way before (straight to the store here).
	learner := newTab(t, browser)
	lconsole := watchConsole(t, learner)
	pokPage := "/microcredentials/" + strconv.FormatInt(mc.ID, 10)
	publicPage := pokPage + "/offerings/" + strconv.FormatInt(o.ID, 10)
	open(t, learner, a.URL+pokPage, 200)
	checkPage(t, learner, "delivery-0-pok-offerings")
	clickLoad(t, learner, `main a[href="`+publicPage+`"]`, 200)
	checkPage(t, learner, "delivery-0-offering-public")
	fill(t, learner, `main form input[name=name]`, anna.name)
	fill(t, learner, `main form input[name=email]`, anna.email)
	do(t, learner, "consent", chromedp.Click(chromedp.CSS(`main form input[name=consent]`), chromedp.NodeVisible))
	clickLoad(t, learner, `main form button[type=submit]`, 200)
	checkPage(t, learner, "delivery-0-registration-done")
	regs, err := a.DB.Participants(bg, org.ID, o.ID, false)
	if err != nil || len(regs) != 1 || regs[0].Email != anna.email || regs[0].Status != pokot.RegRegistered {
		t.Fatalf("after Anna's registration the offering has %d participants (%v)", len(regs), err)
	}
	anna.reg = regs[0]
	for _, l := range learners[1:] {
		l.reg = &pokot.Registration{OfferingID: o.ID, Email: l.email, Name: l.name, Lang: pokot.Finnish}
		if _, err := a.DB.Register(bg, l.reg, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	lconsole.check(t, "registration")
	mark("registered")

	// 1. The assessor signs in and opens the offering's assessment grid.
	staff := browser
	console := watchConsole(t, staff)
	signIn(t, staff, a.app, assessor.Email, assessor.Password)
	open(t, staff, a.URL+base, 200)
	checkPage(t, staff, "delivery-1-offering")
	clickLoad(t, staff, `main a[href="`+base+`/participants"]`, 200)
	if got := mainText(t, staff); !strings.Contains(got, anna.email) || !strings.Contains(got, learners[5].email) {
		t.Errorf("the participants page does not list the group:\n%s", got)
	}
	checkPage(t, staff, "delivery-1-participants")
	open(t, staff, a.URL+base, 200)
	clickLoad(t, staff, `main a[href="`+base+`/assessment"]`, 200)
	if n := eval[int](t, staff, `document.querySelectorAll('table.grid tbody tr').length`); n != len(learners) {
		t.Fatalf("the grid has %d rows, want %d", n, len(learners))
	}
	checkPage(t, staff, "delivery-1-assessment-grid")

	// Every learning outcome of every learner, as the assessor picks them from the lists;
	// Fanni fails the second outcome.
	for _, l := range learners {
		id := strconv.FormatInt(l.reg.ID, 10)
		for n := range 2 {
			result := pokot.ResultPass
			if l.fail && n == 1 {
				result = pokot.ResultFail
			}
			do(t, staff, "assess "+l.name, chromedp.SetValue(chromedp.CSS(`select[name="res-`+id+`-`+strconv.Itoa(n)+`"]`), result))
		}
		do(t, staff, "date of "+l.name, chromedp.SetValue(chromedp.CSS(`input[name="date-`+id+`"]`), now.AddDate(0, 0, -3).Format("2006-01-02")))
	}
	fill(t, staff, `input[name="ev-`+strconv.FormatInt(anna.reg.ID, 10)+`"]`, "https://portfolio.example.com/anna/kosteudenhallinta")
	clickLoad(t, staff, `form[action="`+base+`/assessment"] button[type=submit]`, 200)
	if n := eval[int](t, staff, `document.querySelectorAll('table.grid .state-ready').length`); n != 5 {
		t.Fatalf("after saving, %d learners are marked passed, want 5; the page says:\n%s", n, mainText(t, staff))
	}
	g, err := a.DB.Grid(bg, org.ID, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range g.Rows {
		if len(r.Assessments) != 2 || r.Eligible == (r.Registration.Email == "fanni.forsman@example.com") {
			t.Errorf("%s: %d assessments stored, eligible %v", r.Registration.Email, len(r.Assessments), r.Eligible)
		}
	}
	console.check(t, "assessment")
	mark("assessed")

	// 2. Approve and issue: the batch page's bar moves as the worker stores chunks of two,
	// survives a reload half-way, and reaches done.
	clickLoad(t, staff, `main a[href="`+base+`/issuing"]`, 200)
	if got := mainText(t, staff); !strings.Contains(got, i18n.T(pokot.Finnish, "issue.ready", "n", "5")) {
		t.Errorf("the issuing page does not say that 5 learners are ready:\n%s", got)
	}
	checkPage(t, staff, "delivery-2-issuing")
	clickLoad(t, staff, `form[action="`+base+`/issuing"] button[type=submit]`, 200)
	if p := path(t, staff); !regexp.MustCompile(`^` + base + `/issuing/\d+$`).MatchString(p) {
		t.Fatalf("approving the batch led to %s, want its progress page", p)
	}
	if n := a.waitFirstChunk(t); n != 2 {
		t.Fatalf("the first chunk stored %d credentials, want 2", n)
	}
	// The page's script polls the progress: the bar shows the stored chunk by itself.
	dlWait(t, staff, "the bar shows the first chunk", `document.getElementById('batch-progress').value === 2 && document.getElementById('batch-progress').max === 5`)
	do(t, staff, "reload the progress page", chromedp.Reload())
	dlWait(t, staff, "the reloaded page shows the batch half done", `document.getElementById('batch-progress') !== null &&
		document.getElementById('batch-progress').value === 2 && document.getElementById('batch-done').textContent.trim() === '2'`)
	if s := text(t, staff, "#batch-status"); s != i18n.T(pokot.Finnish, "issue.batch.running") {
		t.Errorf("half-way the status reads %q, want %q", s, i18n.T(pokot.Finnish, "issue.batch.running"))
	}
	checkPage(t, staff, "delivery-3-batch-halfway")
	a.releaseWorker()
	dlWait(t, staff, "the bar reaches done", `document.querySelector('[data-finished]') !== null &&
		document.getElementById('batch-progress').value === 5 && document.getElementById('batch-done').textContent.trim() === '5'`)
	if s := text(t, staff, "#batch-status"); s != i18n.T(pokot.Finnish, "issue.batch.done") {
		t.Errorf("at the end the status reads %q", s)
	}
	checkPage(t, staff, "delivery-4-batch-done")
	console.check(t, "issuing")
	cs, err := a.DB.IssuedCredentials(bg, org.ID, o.ID)
	if err != nil || len(cs) != 5 {
		t.Fatalf("%d credentials issued (%v), want 5", len(cs), err)
	}
	mark("issued")

	// 3. Anna opens the link of her e-mail in a browser of her own, signs in with an e-mailed
	// link (she has no password) and lands on that credential in her wallet.
	mail := a.mailTo(t, anna.email)
	m := credentialLinkRE.FindStringSubmatch(mail.Text)
	if m == nil || !strings.HasPrefix(m[0], a.URL+"/") {
		t.Fatalf("no credential link to this site in the e-mail %q:\n%s", mail.Subject, mail.Text)
	}
	uuid := m[1]
	open(t, learner, m[0], 200)
	if p := path(t, learner); !strings.HasPrefix(p, "/signin") {
		t.Fatalf("the credential link led a signed-out learner to %s, want the sign-in page", p)
	}
	clickLoad(t, learner, `main a[href^="/signin/link?next="]`, 200)
	checkPage(t, learner, "delivery-5-signin-link")
	fill(t, learner, `main form[action="/signin/link"] input[name=email]`, anna.email)
	clickLoad(t, learner, `main form[action="/signin/link"] button[type=submit]`, 200)
	link := signinLinkRE.FindString(a.mailTo(t, anna.email).Text)
	if link == "" {
		t.Fatalf("no sign-in link in the newest e-mail to %s", anna.email)
	}
	open(t, learner, link, 200)
	clickLoad(t, learner, `main form button[type=submit]`, 200)
	if p := path(t, learner); p != "/wallet/"+uuid {
		t.Fatalf("after the sign-in link the learner is at %s, want the credential of the e-mail /wallet/%s", p, uuid)
	}
	open(t, learner, a.URL+"/wallet", 200)
	checkPage(t, learner, "delivery-6-wallet")
	clickLoad(t, learner, `main a[href="/wallet/`+uuid+`"]`, 200)
	if n := eval[int](t, learner, `document.querySelectorAll('.verdict-ok').length`); n != 1 {
		t.Errorf("the wallet does not show the credential as verified:\n%s", mainText(t, learner))
	}
	checkPage(t, learner, "delivery-7-wallet-credential")

	// The PDF certificate: a PDF whose title and verification address are text, and whose
	// QR code is the verification address.
	pdf := fetchLink(t, learner, `main a[href="/wallet/`+uuid+`/certificate-fi.pdf"]`)
	if !strings.HasPrefix(string(pdf.data), "%PDF-") || !strings.HasPrefix(pdf.Type, "application/pdf") {
		t.Fatalf("the certificate is %q, %d bytes starting %q", pdf.Type, len(pdf.data), pdf.data[:min(8, len(pdf.data))])
	}
	verifyURL := a.URL + "/verify"
	words := strings.Join(strings.Fields(pdfText(t, pdf.data)), " ")
	for _, w := range []string{title, anna.name, verifyURL} {
		if !strings.Contains(words, w) {
			t.Errorf("the PDF's text lacks %q; it reads:\n%s", w, words)
		}
	}
	if !pdfQRMatches(t, pdf.data, verifyURL) {
		t.Errorf("the PDF has no QR code of %s", verifyURL)
	}
	if !strings.Contains(string(pdf.data), "/StructTreeRoot") {
		t.Error("the PDF is not tagged (no /StructTreeRoot)")
	}
	// The baked PNG carries the very credential in its iTXt chunk.
	png := fetchLink(t, learner, `main a[href="/wallet/`+uuid+`/badge.png"]`)
	baked, err := bake.ExtractPNG(png.data)
	if err != nil {
		t.Fatalf("the badge PNG (%s, %d bytes) holds no credential: %v", png.Type, len(png.data), err)
	}
	var doc struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(baked, &doc); err != nil || doc.ID != "urn:uuid:"+uuid {
		t.Fatalf("the baked credential's id is %q (%v), want urn:uuid:%s", doc.ID, err, uuid)
	}
	pngPath := filepath.Join(t.TempDir(), "puurakentamisen-perusteet.png")
	if err := os.WriteFile(pngPath, png.data, 0o600); err != nil {
		t.Fatal(err)
	}
	lconsole.check(t, "wallet")
	mark("wallet and downloads")

	// 4. The public verifier page accepts the uploaded PNG, every check OK; so does the
	// real `pokot verify`.
	verifyUpload(t, learner, a.URL, pngPath)
	if n := eval[int](t, learner, `document.querySelectorAll('.verdict-ok').length`); n != 1 {
		t.Fatalf("the verifier does not accept the PNG:\n%s", mainText(t, learner))
	}
	if ok, bad := checkRows(t, learner); ok < 5 || bad != 0 {
		t.Errorf("the verifier shows %d checks OK and %d failed, want every check OK", ok, bad)
	}
	checkPage(t, learner, "delivery-8-verify-accepted")
	bin := pokotBin()
	if code, out := a.pokotVerify(t, bin, pngPath, baked); code != 0 || !strings.Contains(out, ": VERIFIED") {
		t.Errorf("pokot verify of the PNG: exit %d, want 0:\n%s", code, out)
	}
	mark("verified")

	// 5. Staff revoke Anna's credential with a reason, confirming it.
	reason := "Näyttö todettiin toisen henkilön tekemäksi."
	open(t, staff, a.URL+base+"/issuing", 200)
	clickLoad(t, staff, `main a[href="`+base+`/credentials/`+uuid+`/status"]`, 200)
	checkPage(t, staff, "delivery-9-revoke-form")
	do(t, staff, "choose revoke", chromedp.Click(chromedp.CSS(`main input[type=radio][value=revoke]`), chromedp.NodeVisible))
	do(t, staff, "write the reason", chromedp.SendKeys(chromedp.CSS(`main textarea[name=reason]`), reason, chromedp.NodeVisible))
	clickLoad(t, staff, `main form button[type=submit]`, 200)
	checkPage(t, staff, "delivery-10-revoke-confirm")
	clickLoad(t, staff, `main form button.danger`, 200)
	if got := mainText(t, staff); !strings.Contains(got, reason) || !strings.Contains(got, i18n.T(pokot.Finnish, "issue.state.revoked")) {
		t.Errorf("after revoking, the issuing page does not show the revocation and its reason:\n%s", got)
	}
	console.check(t, "revoke")

	// 6. The verifier page and `pokot verify` now reject the same PNG as revoked.
	revokedMsg := credential.Message("fi", "verify.status.revoked")
	verifyUpload(t, learner, a.URL, pngPath)
	if n := eval[int](t, learner, `document.querySelectorAll('.verdict-fail').length`); n != 1 {
		t.Fatalf("the verifier still accepts the revoked credential:\n%s", mainText(t, learner))
	}
	if got := text(t, learner, `tr[data-check="status"].check-fail .check-message`); !strings.Contains(got, revokedMsg) {
		t.Errorf("the status check says %q, want %q", got, revokedMsg)
	}
	if ok, bad := checkRows(t, learner); bad != 1 || ok < 4 {
		t.Errorf("for the revoked credential %d checks OK and %d failed, want only the status to fail", ok, bad)
	}
	checkPage(t, learner, "delivery-11-verify-revoked")
	code, out := a.pokotVerify(t, bin, pngPath, baked)
	if code != 1 || !strings.Contains(out, "NOT VERIFIED") || !strings.Contains(out, credential.Message("en", "verify.status.revoked")) {
		t.Errorf("pokot verify of the revoked PNG: exit %d, want 1 with the revocation:\n%s", code, out)
	}
	lconsole.check(t, "verify revoked")
	mark("revocation rejected")
}

// verifyUpload opens the public verifier and uploads a file through its form.
func verifyUpload(t *testing.T, ctx context.Context, site, file string) {
	t.Helper()
	open(t, ctx, site+"/verify", 200)
	do(t, ctx, "choose the file", chromedp.SetUploadFiles(chromedp.CSS(`form.verify-form input[name=file]`), []string{file}))
	clickLoad(t, ctx, `form.verify-form button[type=submit]`, 200)
}

// checkRows counts the verifier page's checks shown OK and failed.
func checkRows(t *testing.T, ctx context.Context) (ok, failed int) {
	t.Helper()
	ok = eval[int](t, ctx, `document.querySelectorAll('tr[data-check].check-ok').length`)
	failed = eval[int](t, ctx, `document.querySelectorAll('tr[data-check].check-fail').length`)
	return ok, failed
}

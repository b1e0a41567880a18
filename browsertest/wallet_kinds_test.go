package browsertest

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/demo"
	"github.com/pokot/pokot/issuing"
	"github.com/pokot/pokot/pathway"
)

// TestWalletKinds: the demo learner's wallet holds every kind of credential — issued
// here, a pathway credential that stacks one of them, and one added
// by pasting — and each page type passes axe-core and the other page checks: the list,
// a pathway credential, an added credential, and the add form refusing a changed credential
// with the verifier's message.
func TestWalletKinds(t *testing.T) {
	browser := newBrowser(t)
	a := startDeliveryApp(t)
	a.releaseWorker()
	bg := context.Background()
	iss := issuing.New(a.DB, a.Iss, issuing.Options{BaseURL: a.URL, Outbox: true, Worker: "wallet-kinds"})
	seed, err := demo.SeedDelivery(bg, a.DB, iss, time.Now())
	if err != nil || seed.Learner == "" {
		t.Fatalf("demo delivery: %+v %v", seed, err)
	}
	cs, err := a.DB.CredentialsOfEmail(bg, seed.Learner)
	if err != nil {
		t.Fatal(err)
	}
	var mine *pokot.IssuedCredential
	for _, c := range cs {
		if c.State == pokot.CredentialIssued && c.RevokedAt == nil {
			mine = c
		}
	}
	if mine == nil {
		t.Fatalf("the demo learner %s holds no valid credential", seed.Learner)
	}
	// A pathway of the credential's POK, issued by the pathway service.
	org, err := a.DB.OrgByID(bg, mine.OrgID)
	if err != nil {
		t.Fatal(err)
	}
	o, err := a.DB.Offering(bg, org.ID, mine.OfferingID)
	if err != nil {
		t.Fatal(err)
	}
	designer, err := a.DB.UserByEmail(bg, a.loginOf(t, org.Slug, pokot.RoleDesigner).Email)
	if err != nil {
		t.Fatal(err)
	}
	p := &pokot.Pathway{OrgID: org.ID, Name: pokot.Text{"fi": "Rakentamisen polku", "sv": "Byggstigen", "en": "Building pathway"},
		Members: []int64{o.MicrocredentialID}}
	if err := a.DB.CreatePathway(bg, p, designer.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := pathway.New(a.DB, a.Iss, a.URL).Sweep(bg, p); err != nil || len(got) == 0 {
		t.Fatalf("pathway credentials issued: %d, %v", len(got), err)
	}
	// Another learner's credential of the same offering, to add (a wallet keeps any genuine
	// credential), and a changed copy of it.
	all, err := a.DB.IssuedCredentials(bg, org.ID, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	var other *pokot.IssuedCredential
	for _, c := range all {
		if c.Email != seed.Learner && c.State == pokot.CredentialIssued && c.RevokedAt == nil {
			other = c
		}
	}
	if other == nil {
		t.Fatal("no other learner's credential to add")
	}
	var changed map[string]any
	if err := json.Unmarshal(other.Signed, &changed); err != nil {
		t.Fatal(err)
	}
	changed["name"] = "Lääketieteen tohtori"
	changedJSON, _ := json.Marshal(changed)

	var password string
	for _, l := range a.Logins {
		if l.Email == seed.Learner {
			password = l.Password
		}
	}
	ctx := newTab(t, browser)
	console := watchConsole(t, ctx)
	signIn(t, ctx, a.app, seed.Learner, password)

	paste := func(js []byte) {
		t.Helper()
		do(t, ctx, "paste a credential", chromedp.SetValue(chromedp.CSS(`main form textarea[name=credential]`), string(js)))
	}
	open(t, ctx, a.URL+"/wallet/add", 200)
	paste(changedJSON)
	clickLoad(t, ctx, `main form[action="/wallet/add"] button[type=submit]`, 422)
	if txt := eval[string](t, ctx, `document.querySelector('main').innerText`); !strings.Contains(txt, "Allekirjoitus ei vastaa sisältöä") {
		t.Errorf("the refused credential's page does not give the verifier's message:\n%s", txt)
	}
	checkPage(t, ctx, "wallet-add-refused")
	paste(other.Signed)
	clickLoad(t, ctx, `main form[action="/wallet/add"] button[type=submit]`, 200)
	if !strings.HasPrefix(path(t, ctx), "/wallet/x") {
		t.Fatalf("after adding, at %s", path(t, ctx))
	}
	checkPage(t, ctx, "wallet-added-credential")

	open(t, ctx, a.URL+"/wallet", 200)
	txt := eval[string](t, ctx, `document.querySelector('main').innerText`)
	for _, want := range []string{"Sinulle myönnetyt osaamismerkit", "Osaamispolut", "Rakentamisen polku", "Kokoaa 1 osaamismerkin", "Lisäämäsi osaamismerkit", "Lisännyt: sinä."} {
		if !strings.Contains(txt, want) {
			t.Errorf("the wallet does not show %q:\n%s", want, txt)
		}
	}
	checkPage(t, ctx, "wallet-every-kind")
	clickLoad(t, ctx, `main .wallet-card-pathway h3 a`, 200)
	checkPage(t, ctx, "wallet-pathway-credential")
	for _, l := range []string{"sv", "en"} {
		open(t, ctx, a.URL+"/wallet?lang="+l, 200)
		checkPage(t, ctx, "wallet-every-kind-"+l)
	}
	// A Finnish credential read in English: the credential's own Finnish texts are marked as
	// Finnish (WCAG 3.1.2 Language of Parts), a note says so, and the page passes axe-core.
	open(t, ctx, a.URL+"/wallet?lang=en", 200)
	href := eval[string](t, ctx, `document.querySelector('main .wallet-card-issued h3 a').getAttribute('href')`)
	open(t, ctx, a.URL+href+"?lang=en", 200)
	if n := eval[int](t, ctx, `document.querySelectorAll('main [lang="fi"]').length`); n == 0 {
		t.Error("the English page of a Finnish credential marks no part as Finnish")
	}
	if note := eval[string](t, ctx, `(document.querySelector('main .lang-note') || {}).innerText || ""`); !strings.Contains(note, "Finnish") {
		t.Errorf("the English page of a Finnish credential has no language note: %q", note)
	}
	checkPage(t, ctx, "wallet-credential-en")
	console.check(t, "wallet", "422") // the refused credential's page
}

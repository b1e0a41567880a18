package web_test

import (
	"crypto/rand"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/issuer"
	"github.com/pokot/pokot/web"
)

// TestVerifyOwnOrganisation verifies a credential signed by an organisation of this very
// site: its did:web DID document and its status list live at http://pokot.test, which no
// resolver could fetch over the network (plain http, a host that does not exist); the
// verifier serves them from the site's own router. Revoking it shows at once.
func TestVerifyOwnOrganisation(t *testing.T) {
	var svc *issuer.Service
	e := newEnv(t, func(d *web.Deps) {
		master := make([]byte, issuer.MasterKeySize)
		rand.Read(master)
		var err error
		if svc, err = issuer.New(d.Store.(issuer.Store), master, d.Config.BaseURL, nil); err != nil {
			t.Fatal(err)
		}
		d.Issuer = svc
		d.Now = nil // real time: the database stamps the status lists with its own clock
	})
	org := e.org("omnia", "Ammattiopisto Omnia")
	doc, err := credential.Build(verifyPOK(), credential.Award{
		Learner:  credential.Learner{Email: "maija@example.fi"},
		IssuedAt: time.Now().Add(-time.Hour),
	})
	if err != nil {
		t.Fatal(err)
	}
	signed, err := svc.Sign(ctx, org, doc)
	if err != nil {
		t.Fatal(err)
	}
	if vm := signed["proof"].(map[string]any)["verificationMethod"].(string); !strings.HasPrefix(vm, "did:web:pokot.test:orgs:omnia#") {
		t.Fatalf("verificationMethod = %s", vm)
	}

	b := e.browser()
	b.get("/verify?lang=fi")
	r := b.upload("omnia.json", mustJSON(t, signed), nil)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Osaamismerkki on aito ja voimassa", "Allekirjoitusavain did:web:pokot.test:orgs:omnia#z6Mk",
		"Osaamismerkkiä ei ole peruttu eikä keskeytetty.", "did:web:pokot.test:orgs:omnia")
	for name, ok := range checkRows(t, r.body) {
		if !ok {
			t.Errorf("check %s failed", name)
		}
	}

	if _, err := svc.SetCredentialStatus(ctx, org, signed["id"].(string), pokot.StatusRevocation, true, "annettu väärälle henkilölle"); err != nil {
		t.Fatal(err)
	}
	r = b.upload("omnia.json", mustJSON(t, signed), nil)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Osaamismerkkiä ei voitu varmentaa", `<tr class="check-fail" data-check="status">`, "Myöntäjä on perunut osaamismerkin.")
	if rows := checkRows(t, r.body); !rows["proof"] || !rows["key"] {
		t.Errorf("a revoked credential's signature should still check: %v", rows)
	}
}

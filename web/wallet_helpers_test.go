package web_test

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
	"github.com/pokot/pokot/exchange/exchangetest"
	"github.com/pokot/pokot/issuer"
	"github.com/pokot/pokot/issuing"
	"github.com/pokot/pokot/sqldb"
)

// walletWorld is a delivery world in which learners have been issued credentials through
// the real path: registration, assessment of every outcome, a batch and the worker. Its
// clock is the real time plus skew: the store stamps credentials and status lists with
// the real time, so a frozen clock would see them as not yet valid.
type walletWorld struct {
	*deliveryWorld
	offering *pokot.Offering
	mu       sync.Mutex
	skew     time.Duration
}

func (w *walletWorld) clock() time.Time {
	w.mu.Lock()
	defer w.mu.Unlock()
	return time.Now().Add(w.skew)
}

func (w *walletWorld) advance(d time.Duration) {
	w.mu.Lock()
	w.skew += d
	w.mu.Unlock()
}

// newWalletWorld issues a credential to each address (one offering). It is
// newDeliveryWorld on a live clock.
func newWalletWorld(t *testing.T, emails ...string) *walletWorld {
	t.Helper()
	w := &walletWorld{deliveryWorld: &deliveryWorld{}}
	dw := w.deliveryWorld
	master := make([]byte, issuer.MasterKeySize)
	rand.Read(master)
	dw.env = newEnvTB(t, func(d *webDeps) {
		iss, err := issuer.New(d.Store.(*sqldb.DB), master, d.Config.BaseURL, nil)
		if err != nil {
			t.Fatal(err)
		}
		dw.iss, d.Issuer = iss, iss
		d.Now = w.clock
	})
	dw.hamk = dw.org("hamk", "Hämeen ammattikorkeakoulu")
	dw.designer = dw.user("designer@hamk.fi", "Sanna Suunnittelija", false)
	dw.admin = dw.user("admin@hamk.fi", "Aino Ylläpitäjä", false)
	dw.assessor = dw.user("arvioija@hamk.fi", "Arvo Arvioija", false)
	dw.member(dw.hamk, dw.admin, pokot.RoleOrgAdmin)
	dw.member(dw.hamk, dw.designer, pokot.RoleDesigner)
	dw.member(dw.hamk, dw.assessor, pokot.RoleAssessor)
	c := exchangetest.Content()
	m, _, err := dw.db.CreateMicrocredential(ctx, dw.hamk.ID, dw.designer.ID, "", &c)
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		to pokot.Status
		by *pokot.User
	}{{pokot.StatusReview, dw.designer}, {pokot.StatusApproved, dw.admin}, {pokot.StatusPublished, dw.designer}} {
		if _, err := dw.db.Transition(ctx, dw.hamk.ID, m.ID, 1, step.by.ID, step.to, ""); err != nil {
			t.Fatalf("→ %s: %v", step.to, err)
		}
	}
	dw.mc = m
	o := w.deliveryWorld.offering(len(emails) + 1)
	w.enrol(o, emails...)
	regs, err := w.db.Participants(ctx, w.hamk.ID, o.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	on := time.Date(2025, 10, 6, 0, 0, 0, 0, time.UTC)
	for _, r := range regs {
		for outcome := range 2 {
			a := &pokot.Assessment{OrgID: w.hamk.ID, OfferingID: o.ID, RegistrationID: r.ID, Outcome: outcome, Result: "4", AssessedOn: on}
			if err := w.db.SaveAssessment(ctx, a, w.assessor.ID); err != nil {
				t.Fatalf("assess %s: %v", r.Email, err)
			}
		}
	}
	if _, err := w.db.StartIssueBatch(ctx, w.hamk.ID, o.ID, w.assessor.ID); err != nil {
		t.Fatal(err)
	}
	worker := issuing.New(w.db, w.iss, issuing.Options{BaseURL: w.cfg.BaseURL, Outbox: true, Worker: "test", Now: w.clock})
	if ran, err := worker.RunOnce(ctx); err != nil || !ran {
		t.Fatalf("worker: ran %v, %v", ran, err)
	}
	cs, err := w.db.IssuedCredentials(ctx, w.hamk.ID, o.ID)
	if err != nil || len(cs) != len(emails) {
		t.Fatalf("%d credentials issued (%v), want %d", len(cs), err, len(emails))
	}
	w.offering = o
	return w
}

// credentialOf returns the credential issued to an address.
func (w *walletWorld) credentialOf(email string) *pokot.IssuedCredential {
	w.t.Helper()
	cs, err := w.db.CredentialsOfEmail(ctx, email)
	if err != nil || len(cs) != 1 {
		w.t.Fatalf("%s holds %d credentials (%v)", email, len(cs), err)
	}
	return cs[0]
}

var signinLinkRE = regexp.MustCompile(`http://pokot\.test(/signin/link/\S+)`)

// linkSignin signs a browser in through the e-mail link flow.
func (w *walletWorld) linkSignin(b *browser, email string) {
	w.t.Helper()
	b.get("/signin/link")
	wantStatus(w.t.(*testing.T), b.post("/signin/link", formOf("email", email)), http.StatusOK)
	link := regexpFind(signinLinkRE.String(), w.mailTo(email).Text)
	if link == "" {
		w.t.Fatalf("no sign-in link to %s", email)
	}
	b.get(link)
	r := b.post(link, nil)
	if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/wallet" {
		w.t.Fatalf("sign in by link: %d %s", r.StatusCode, r.Header.Get("Location"))
	}
}

// verifyOffline verifies a credential (JSON or a VC-JWT) with credential.Verifier, serving this site's DID
// documents and status lists from the test server itself, as the verify page does
// in-process (did:web:pokot.test and http://pokot.test cannot be fetched).
func (w *walletWorld) verifyOffline(t *testing.T, data []byte) credential.Result {
	t.Helper()
	docs := map[string][]byte{}
	var visit func(v any)
	visit = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for _, e := range x {
				visit(e)
			}
		case []any:
			for _, e := range x {
				visit(e)
			}
		case string:
			s, _, _ := strings.Cut(x, "#")
			var path string
			switch {
			case strings.HasPrefix(s, "did:web:pokot.test:orgs:"):
				path = "/orgs/" + strings.TrimPrefix(s, "did:web:pokot.test:orgs:") + "/did.json"
			case strings.HasPrefix(s, "http://pokot.test/orgs/") && strings.Contains(s, "/status/"):
				path = strings.TrimPrefix(s, "http://pokot.test")
			default:
				return
			}
			if _, seen := docs[s]; seen {
				return
			}
			r := w.browser().get(path)
			if r.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: %d", path, r.StatusCode)
			}
			docs[s] = []byte(r.body)
			var doc any
			if json.Unmarshal([]byte(r.body), &doc) == nil {
				visit(doc)
			}
		}
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err == nil {
		visit(doc)
	} else {
		// A compact JWS: the header names the key, the payload the status list.
		parts := strings.Split(string(data), ".")
		if len(parts) != 3 {
			t.Fatalf("neither JSON nor a JWT: %v", err)
		}
		for _, p := range parts[:2] {
			if b, err := base64.RawURLEncoding.DecodeString(p); err == nil && json.Unmarshal(b, &doc) == nil {
				visit(doc) // an undecodable part is the Verifier's to report
			}
		}
	}
	v := &credential.Verifier{Resolver: &key.Resolver{Overrides: docs}, Now: w.clock}
	return v.Verify(ctx, "test", data)
}

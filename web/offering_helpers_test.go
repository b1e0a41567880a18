package web_test

import (
	"bytes"
	"crypto/rand"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/exchange/exchangetest"
	"github.com/pokot/pokot/issuer"
	"github.com/pokot/pokot/issuing"
	"github.com/pokot/pokot/sqldb"
)

// deliveryWorld is a site whose organisation HAMK has a published, Jotpa-funded POK (two
// learning outcomes, graded 1–5), an org admin, a designer, two assessors and the issuer
// with a real master key; Omnia is another organisation with its own assessor.
type deliveryWorld struct {
	*env
	iss                         *issuer.Service
	hamk, omnia                 *pokot.Organisation
	admin, designer             *pokot.User
	assessor, other, omniaAsses *pokot.User
	mc                          *pokot.Microcredential
}

func newDeliveryWorld(t *testing.T) *deliveryWorld {
	t.Helper()
	w := &deliveryWorld{}
	master := make([]byte, issuer.MasterKeySize)
	rand.Read(master)
	w.env = newEnvTB(t, func(d *webDeps) {
		iss, err := issuer.New(d.Store.(*sqldb.DB), master, d.Config.BaseURL, nil)
		if err != nil {
			t.Fatal(err)
		}
		w.iss, d.Issuer = iss, iss
	})
	w.hamk = w.org("hamk", "Hämeen ammattikorkeakoulu")
	w.omnia = w.org("omnia", "Omnia")
	w.admin = w.user("admin@hamk.fi", "Aino Ylläpitäjä", false)
	w.designer = w.user("designer@hamk.fi", "Sanna Suunnittelija", false)
	w.assessor = w.user("arvioija@hamk.fi", "Arvo Arvioija", false)
	w.other = w.user("toinen@hamk.fi", "Toini Toinen", false)
	w.omniaAsses = w.user("arvioija@omnia.fi", "Olli Omnia", false)
	w.member(w.hamk, w.admin, pokot.RoleOrgAdmin)
	w.member(w.hamk, w.designer, pokot.RoleDesigner)
	w.member(w.hamk, w.assessor, pokot.RoleAssessor)
	w.member(w.hamk, w.other, pokot.RoleAssessor)
	w.member(w.omnia, w.omniaAsses, pokot.RoleAssessor)
	c := exchangetest.Content()
	m, _, err := w.db.CreateMicrocredential(ctx, w.hamk.ID, w.designer.ID, "", &c)
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		to pokot.Status
		by *pokot.User
	}{{pokot.StatusReview, w.designer}, {pokot.StatusApproved, w.admin}, {pokot.StatusPublished, w.designer}} {
		if _, err := w.db.Transition(ctx, w.hamk.ID, m.ID, 1, step.by.ID, step.to, ""); err != nil {
			t.Fatalf("→ %s: %v", step.to, err)
		}
	}
	w.mc = m
	return w
}

// offering stores an offering of w.mc with capacity seats directly, registration open from
// an hour ago for two days, assessed by w.assessor.
func (w *deliveryWorld) offering(capacity int) *pokot.Offering {
	w.t.Helper()
	now := w.clock()
	o := &pokot.Offering{OrgID: w.hamk.ID, MicrocredentialID: w.mc.ID,
		Starts: time.Date(2025, 10, 20, 0, 0, 0, 0, time.UTC), Ends: time.Date(2025, 11, 30, 0, 0, 0, 0, time.UTC),
		Place: pokot.Text{"fi": "Visamäki, Hämeenlinna"}, Language: "fi", Capacity: capacity,
		RegistrationOpens: now.Add(-time.Hour), RegistrationCloses: now.Add(48 * time.Hour),
		PriceCents: 12050, JotpaCaseNumber: "JOTPA/12/2025", Assessors: []int64{w.assessor.ID}}
	if err := w.db.CreateOffering(ctx, o, w.designer.ID); err != nil {
		w.t.Fatal(err)
	}
	return o
}

// enrol registers learners (by e-mail) in o through the store.
func (w *deliveryWorld) enrol(o *pokot.Offering, emails ...string) {
	w.t.Helper()
	for _, e := range emails {
		r := &pokot.Registration{OfferingID: o.ID, Email: e, Name: nameOf(e), Lang: pokot.Finnish}
		if _, err := w.db.Register(ctx, r, w.clock()); err != nil {
			w.t.Fatal(err)
		}
	}
}

// worker is the batch issuing service as serve runs it (on the real clock, as the job
// queue stamps jobs with the database's time).
func (w *deliveryWorld) worker() *issuing.Service {
	return issuing.New(w.db, w.iss, issuing.Options{BaseURL: w.cfg.BaseURL, Outbox: true, Worker: "test"})
}

func (w *deliveryWorld) signedIn(u *pokot.User) *browser {
	w.t.Helper()
	b := w.browser()
	b.signin(u.Email)
	return b
}

func offeringPath(o *pokot.Offering) string {
	return "/orgs/hamk/offerings/" + strconv.FormatInt(o.ID, 10)
}

func publicPath(o *pokot.Offering) string {
	return "/microcredentials/" + strconv.FormatInt(o.MicrocredentialID, 10) + "/offerings/" + strconv.FormatInt(o.ID, 10)
}

// uploadCSV posts a file to path as the multipart field "file" with the CSRF token.
func (b *browser) uploadCSV(path, name string, data []byte) *resp {
	b.e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("csrf", b.csrf)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", b.e.srv.URL+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return b.do(req)
}

// registrationTokens reads the confirmation and cancellation paths from a registration mail.
func registrationLinks(t *testing.T, m *pokot.Mail) (confirm, cancel string) {
	t.Helper()
	confirm = regexpFind(`http://pokot\.test(/registrations/confirm/\S+)`, m.Text)
	cancel = regexpFind(`http://pokot\.test(/registrations/cancel/\S+)`, m.Text)
	if confirm == "" || cancel == "" {
		t.Fatalf("no links in %q", m.Text)
	}
	return confirm, cancel
}

// mailTo returns the newest mail to an address.
func (w *deliveryWorld) mailTo(addr string) *pokot.Mail {
	w.t.Helper()
	for _, m := range w.mails() {
		if m.To == addr {
			return m
		}
	}
	w.t.Fatalf("no mail to %s", addr)
	return nil
}

var offeringIDRE = regexp.MustCompile(`/orgs/hamk/offerings/(\d+)$`)

func formOf(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return v
}

// nameOf makes a person's name of an address: anna.aalto@example.fi → Anna Aalto.
func nameOf(email string) string {
	local, _, _ := strings.Cut(email, "@")
	parts := strings.FieldsFunc(local, func(r rune) bool { return r == '.' || r == '_' || r == '-' })
	for i, p := range parts {
		parts[i] = strings.ToUpper(p[:1]) + p[1:]
	}
	if len(parts) == 0 {
		return "Oppija"
	}
	return strings.Join(parts, " ")
}

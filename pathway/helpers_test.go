package pathway_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/issuer"
	"github.com/pokot/pokot/issuing"
	"github.com/pokot/pokot/issuing/issuingtest"
	"github.com/pokot/pokot/pathway"
	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

var ctx = context.Background()

const baseURL = issuingtest.BaseURL

var _ pathway.Store = (*sqldb.DB)(nil)

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// env is a database with an organisation, its admin, designer and assessor, published POKs
// and the real services that issue POK and pathway credentials.
type env struct {
	db       *sqldb.DB
	iss      *issuer.Service
	issuing  *issuing.Service
	pathways *pathway.Service
	fx       *issuingtest.Org
	org      *pokot.Organisation
	mcs      []*pokot.Microcredential
}

func newEnv(t testing.TB, poks int) *env {
	t.Helper()
	e := &env{db: sqldbtest.New(t)}
	e.iss, _ = issuingtest.Issuer(t, e.db)
	e.issuing = issuing.New(e.db, e.iss, issuing.Options{BaseURL: baseURL, Worker: "w", Poll: 10 * time.Millisecond})
	e.pathways = pathway.New(e.db, e.iss, baseURL)
	e.fx = issuingtest.NewOrg(t, e.db, "omnia")
	e.org = e.fx.Org
	for i := 0; i < poks; i++ {
		title := fmt.Sprintf("Osa %d", i+1)
		c := issuingtest.Content()
		c.Title = pokot.Text{"fi": title, "sv": title + " (sv)", "en": title + " (en)"}
		e.mcs = append(e.mcs, e.fx.Publish(t, c))
	}
	return e
}

// issue runs a real offering of mc for the learners: registration, a pass on every outcome,
// a batch and the worker. It returns their issued credentials in the order given.
func (e *env) issue(t testing.TB, mc *pokot.Microcredential, learners ...string) []*pokot.IssuedCredential {
	t.Helper()
	o := e.fx.PassedOffering(t, mc.ID, learners...)
	by := map[string]*pokot.IssuedCredential{}
	for _, c := range e.fx.Issue(t, e.issuing, o) {
		by[c.Email] = c
	}
	out := make([]*pokot.IssuedCredential, len(learners))
	for i, l := range learners {
		if out[i] = by[l]; out[i] == nil || out[i].State != pokot.CredentialIssued {
			t.Fatalf("%s has no issued credential: %+v", l, out[i])
		}
	}
	return out
}

// verifier resolves the organisation's DID document and revocation lists from what the
// platform publishes, and nothing else.
func (e *env) verifier(t testing.TB) *credential.Verifier {
	t.Helper()
	return e.fx.Verifier(t, e.iss)
}

// define stores a pathway of the given POKs of e.org with the rule "any n" (0: all).
func (e *env) define(t testing.TB, n int, mcs ...*pokot.Microcredential) *pokot.Pathway {
	t.Helper()
	p := &pokot.Pathway{OrgID: e.org.ID, Name: pokot.Text{"fi": "Kokonainen tutkinnon osa", "sv": "Hel examensdel", "en": "Whole qualification unit"},
		Description: pokot.Text{"fi": "Kolme POKia kattavat tutkinnon osan."}, Required: n,
		Target: pokot.QualificationUnit{Code: "106936", Name: pokot.Text{"fi": "Turvallinen työskentely"}, URL: "https://eperusteet.opintopolku.fi/#/fi/ammatillinen/106936"}}
	for _, mc := range mcs {
		p.Members = append(p.Members, mc.ID)
	}
	must(t, e.db.CreatePathway(ctx, p, e.fx.Designer.ID))
	return p
}

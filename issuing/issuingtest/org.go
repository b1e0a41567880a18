package issuingtest

import (
	"context"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/issuing"
	"github.com/pokot/pokot/sqldb"
)

// Org is an organisation in DB with the people who publish, offer and assess its POKs. NewOrg
// makes one; a test with people of its own may fill the fields itself.
type Org struct {
	DB       *sqldb.DB
	Org      *pokot.Organisation
	Admin    *pokot.User // organisation admin: approves POKs
	Designer *pokot.User // creates POKs and offerings
	Assessor *pokot.User // assesses the offerings and starts their batches
}

// NewOrg creates the organisation slug ("Oppilaitos slug" in Finnish) and its admin,
// designer and assessor, named admin@slug.example.fi and so on.
func NewOrg(t testing.TB, db *sqldb.DB, slug string) *Org {
	t.Helper()
	o := &Org{DB: db, Org: &pokot.Organisation{Slug: slug,
		Name:    pokot.Text{"fi": "Oppilaitos " + slug, "sv": "Läroanstalt " + slug, "en": "Institute " + slug},
		Country: "FI", Region: "Uusimaa", Homepage: "https://" + slug + ".example.fi"}}
	must(t, db.CreateOrg(context.Background(), o.Org))
	o.Admin = o.User(t, "admin@"+slug+".example.fi", pokot.RoleOrgAdmin)
	o.Designer = o.User(t, "designer@"+slug+".example.fi", pokot.RoleDesigner)
	o.Assessor = o.User(t, "assessor@"+slug+".example.fi", pokot.RoleAssessor)
	return o
}

// User creates a user named after the local part of email, a member of the organisation
// with the roles given.
func (o *Org) User(t testing.TB, email string, roles ...pokot.Role) *pokot.User {
	t.Helper()
	ctx := context.Background()
	u := &pokot.User{Email: email, Name: strings.Split(email, "@")[0]}
	must(t, o.DB.CreateUser(ctx, u))
	for _, r := range roles {
		must(t, o.DB.AddMember(ctx, o.Org.ID, u.ID, r))
	}
	return u
}

// Publish creates a POK of c by the designer and takes it through review and the admin's
// approval to published; it returns the POK as stored.
func (o *Org) Publish(t testing.TB, c *pokot.MicrocredentialContent) *pokot.Microcredential {
	t.Helper()
	ctx := context.Background()
	mc, _, err := o.DB.CreateMicrocredential(ctx, o.Org.ID, o.Designer.ID, "", c)
	must(t, err)
	for _, to := range []pokot.Status{pokot.StatusReview, pokot.StatusApproved, pokot.StatusPublished} {
		by := o.Designer
		if to == pokot.StatusApproved {
			by = o.Admin
		}
		_, err := o.DB.Transition(ctx, o.Org.ID, mc.ID, 1, by.ID, to, "")
		must(t, err)
	}
	mc, err = o.DB.Microcredential(ctx, o.Org.ID, mc.ID)
	must(t, err)
	return mc
}

// Issue starts, as the assessor, a batch of off's credentials, has svc run it and returns
// every credential of the offering as stored.
func (o *Org) Issue(t testing.TB, svc *issuing.Service, off *pokot.Offering) []*pokot.IssuedCredential {
	t.Helper()
	ctx := context.Background()
	_, err := o.DB.StartIssueBatch(ctx, o.Org.ID, off.ID, o.Assessor.ID)
	must(t, err)
	if ran, err := svc.RunOnce(ctx); !ran || err != nil {
		t.Fatalf("issuingtest: batch of %s ran %v: %v", o.Org.Slug, ran, err)
	}
	cs, err := o.DB.IssuedCredentials(ctx, o.Org.ID, off.ID)
	must(t, err)
	return cs
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("issuingtest: %v", err)
	}
}

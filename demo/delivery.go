package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/issuing"
)

// DeliveryStore is what SeedDelivery needs of the store; *sqldb.DB implements it.
type DeliveryStore interface {
	MicrocredentialStore
	pokot.UserService
	pokot.OfferingService
	pokot.RegistrationService
	pokot.AssessmentService
	pokot.IssuanceService
}

// DeliverySeed tells what SeedDelivery added.
type DeliverySeed struct {
	// Learner is the e-mail address of the demo learner account whose wallet holds the
	// issued demo credentials; "" when nothing was seeded.
	Learner       string
	Offerings     int
	Registrations int
	Credentials   int // issued, the revoked one included
	Revoked       int
}

// The kinds of demo offering.
const (
	offeringPast = "past" // ended, assessed, credentials issued
	offeringOpen = "open" // registration open, seats free
	offeringFull = "full" // registration open, every seat taken, learners waiting
)

// demoLearner is a learner of a demo offering: a demo account (account = the
// institution whose learner it is) or a member of the public (name and e-mail).
type demoLearner struct {
	account     string
	name, email string
	lang        pokot.Lang
	fail        bool   // fails the last learning outcome
	revoke      string // revoke the credential with this reason
}

// demoOffering is one offering of a published demo POK.
type demoOffering struct {
	org, pok string
	kind     string
	capacity int
	learners []demoLearner
}

// deliveryLearner is the institution whose demo learner account holds the demo credentials.
const deliveryLearner = "hamk"

var demoOfferings = []demoOffering{
	{org: "hamk", pok: "puurakentamisen-perusteet", kind: offeringPast, capacity: 12, learners: []demoLearner{
		{account: "hamk"}, {account: "haaga-helia"}, {account: "jamk"}, {account: "oamk"}, {account: "tamk"},
		{name: "Ville Virtanen", email: "ville.virtanen@example.com"},
		{name: "Liisa Laaksonen", email: "liisa.laaksonen@example.com",
			revoke: "Arviointi kirjattiin väärälle oppijalle; oikea arviointi tehdään uudelleen."},
		{name: "Oskari Ojala", email: "oskari.ojala@example.com", fail: true},
	}},
	{org: "tamk", pok: "videotuotannon-perusteet", kind: offeringPast, capacity: 10, learners: []demoLearner{
		{account: "hamk"},
		{name: "Ebba Lindholm", email: "ebba.lindholm@example.com", lang: pokot.Swedish},
		{name: "Niko Rinne", email: "niko.rinne@example.com"},
	}},
	// The demo learner's wallet shows a revoked credential too.
	{org: "jamk", pok: "ohjelmistotestauksen-perusteet", kind: offeringPast, capacity: 15, learners: []demoLearner{
		{account: "hamk", revoke: "Arvosana kirjattiin väärälle toteutukselle; oikea todistus myönnetään uudelleen."},
		{name: "Juho Mäkelä", email: "juho.makela@example.com"},
	}},
	{org: "hamk", pok: "tyopaikkaohjaajan-pedagogiikka", kind: offeringOpen, capacity: 20, learners: []demoLearner{
		{account: "haaga-helia"},
		{name: "Pirjo Salo", email: "pirjo.salo@example.com"},
		{name: "Jonas Berg", email: "jonas.berg@example.com", lang: pokot.Swedish},
	}},
	{org: "tamk", pok: "rakennustyomaan-tyoturvallisuus", kind: offeringFull, capacity: 4, learners: []demoLearner{
		{account: "jamk"},
		{name: "Matti Aalto", email: "matti.aalto@example.com"},
		{name: "Sofia Nurmi", email: "sofia.nurmi@example.com"},
		{name: "Kalle Hirvonen", email: "kalle.hirvonen@example.com"},
		{name: "Tuula Kinnunen", email: "tuula.kinnunen@example.com"},
		{name: "Aleksi Heino", email: "aleksi.heino@example.com", lang: pokot.English},
	}},
}

// SeedDelivery adds the delivery side of the demo to the POKs of SeedMicrocredentials,
// through the same services as the UI: offerings (three ended, assessed and issued; one
// open with free seats; one full with a waitlist), registrations of the demo learner
// accounts and of the public, every learning outcome assessed (one learner fails one), a
// batch of credentials per ended offering issued by iss — the issuing service of serve,
// signing with each organisation's key — and two credentials revoked with a reason, one
// of them the demo learner's, so that their wallet shows both states. The credentials'
// e-mails stay in the outbox. A POK that already has an offering is passed over, so
// running it twice adds nothing; missing institutions, accounts or POKs are passed over
// too. now is the clock.
func SeedDelivery(ctx context.Context, store DeliveryStore, iss *issuing.Service, now time.Time) (*DeliverySeed, error) {
	seed := &DeliverySeed{}
	for _, d := range demoOfferings {
		if err := d.seed(ctx, store, iss, now, seed); err != nil {
			return seed, fmt.Errorf("demo: offering of %s/%s: %w", d.org, d.pok, err)
		}
	}
	if seed.Credentials > 0 {
		if u, err := learnerAccount(ctx, store, deliveryLearner); err == nil && u != nil {
			seed.Learner = u.Email
		}
	}
	return seed, nil
}

// learnerAccount returns the demo learner account of an institution, nil when missing.
func learnerAccount(ctx context.Context, store DeliveryStore, slug string) (*pokot.User, error) {
	org, err := store.OrgBySlug(ctx, slug)
	if pokot.ErrorCode(err) == pokot.ENOTFOUND {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	people, err := roles(ctx, store, org.ID)
	if err != nil {
		return nil, err
	}
	return people[pokot.RoleLearner], nil
}

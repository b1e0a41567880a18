package demo_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
	"github.com/pokot/pokot/demo"
	"github.com/pokot/pokot/issuer"
	"github.com/pokot/pokot/issuing"
	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

const demoBase = "https://pokot.demo.test"

// seededDelivery seeds the whole demo with the delivery side on a fresh database and returns
// the database, the issuer and what SeedDelivery reported.
func seededDelivery(t *testing.T) (*sqldb.DB, *issuer.Service, *issuing.Service, *demo.DeliverySeed) {
	t.Helper()
	ctx := context.Background()
	db := sqldbtest.New(t)
	if _, err := demo.SeedWith(ctx, db, cheap); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.SeedMicrocredentials(ctx, db); err != nil {
		t.Fatal(err)
	}
	master := make([]byte, issuer.MasterKeySize)
	rand.Read(master)
	iss, err := issuer.New(db, master, demoBase, nil)
	if err != nil {
		t.Fatal(err)
	}
	worker := issuing.New(db, iss, issuing.Options{BaseURL: demoBase, Outbox: true, Worker: "demo-test"})
	start := time.Now()
	seed, err := demo.SeedDelivery(ctx, db, worker, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("SeedDelivery took %v (wall, machine shared)", time.Since(start))
	return db, iss, worker, seed
}

// TestSeedDelivery: the demo has ended, open and full offerings of published POKs, real
// registrations and a waitlist, an assessed group, and credentials issued by the issuing
// worker that verify with the credential Verifier — two of them revoked. The demo learner
// account's wallet holds credentials of three organisations, one revoked.
func TestSeedDelivery(t *testing.T) {
	ctx := context.Background()
	db, iss, worker, seed := seededDelivery(t)
	if seed.Offerings != 5 || seed.Registrations != 22 || seed.Credentials != 12 || seed.Revoked != 2 ||
		seed.Learner != "eetu.koskinen@hamk.example" {
		t.Fatalf("seeded %+v", seed)
	}
	before := deliveryState(t, db)
	for _, want := range []string{
		"hamk/puurakentamisen-perusteet: capacity 12, registered 8, waiting 0, participants 8, eligible 7, issued 7, revoked 1, batches [done 7/7]",
		"jamk/ohjelmistotestauksen-perusteet: capacity 15, registered 2, waiting 0, participants 2, eligible 2, issued 2, revoked 1, batches [done 2/2]",
		"hamk/tyopaikkaohjaajan-pedagogiikka: capacity 20, registered 3, waiting 0, participants 3, eligible 0, issued 0, revoked 0, batches []",
		"tamk/rakennustyomaan-tyoturvallisuus: capacity 4, registered 4, waiting 2, participants 6, eligible 0, issued 0, revoked 0, batches []",
		"tamk/videotuotannon-perusteet: capacity 10, registered 3, waiting 0, participants 3, eligible 3, issued 3, revoked 0, batches [done 3/3]",
	} {
		if !strings.Contains(before, want+"\n") {
			t.Errorf("missing %q in the seeded state:\n%s", want, before)
		}
	}

	// The demo learner's wallet: three credentials of three organisations; two verify with
	// nothing but this platform's published DID documents and status lists, and the revoked
	// one is rejected for its revocation — as is the public learner's revoked one.
	mine, err := db.CredentialsOfEmail(ctx, seed.Learner)
	if err != nil || len(mine) != 3 {
		t.Fatalf("the demo learner holds %d credentials (%v)", len(mine), err)
	}
	orgs := map[int64]bool{}
	var valid []*pokot.IssuedCredential
	for _, c := range mine {
		orgs[c.OrgID] = true
		r := verify(ctx, iss, c.Signed)
		switch {
		case c.RevokedAt == nil && !r.Verified:
			t.Errorf("the demo learner's credential %s does not verify: %+v", c.CredentialID, r.Checks)
		case c.RevokedAt != nil && (r.Verified || !failed(r, "status", "verify.status.revoked") || c.StatusReason == ""):
			t.Errorf("the demo learner's revoked credential: verified %v, reason %q, checks %+v", r.Verified, c.StatusReason, r.Checks)
		case c.RevokedAt == nil:
			valid = append(valid, c)
		}
	}
	if len(orgs) != 3 || len(valid) != 2 {
		t.Errorf("the demo learner's credentials come from %d organisations, %d valid; want 3 and 2", len(orgs), len(valid))
	}
	revoked, err := db.CredentialsOfEmail(ctx, "liisa.laaksonen@example.com")
	if err != nil || len(revoked) != 1 || revoked[0].RevokedAt == nil || revoked[0].StatusReason == "" {
		t.Fatalf("the revoked credential: %+v (%v)", revoked, err)
	}
	if r := verify(ctx, iss, revoked[0].Signed); r.Verified || !failed(r, "status", "verify.status.revoked") {
		t.Errorf("the revoked credential: verified %v, checks %+v", r.Verified, r.Checks)
	}
	// A changed credential fails its proof.
	changed := strings.Replace(string(valid[0].Signed), "Eetu Koskinen", "Eetu Koskela", 1)
	if changed == string(valid[0].Signed) {
		t.Fatal("the learner's name is not in the credential")
	}
	if r := verify(ctx, iss, []byte(changed)); r.Verified {
		t.Error("a changed credential verifies")
	}
	// The e-mails with the links wait in the outbox.
	if _, n, err := db.Outbox(ctx, 1, 0); err != nil || n != 12 {
		t.Errorf("%d e-mails in the outbox (%v), want one per credential", n, err)
	}

	// Seeding again changes nothing.
	again, err := demo.SeedDelivery(ctx, db, worker, time.Now())
	if err != nil || again.Offerings+again.Registrations+again.Credentials+again.Revoked != 0 || again.Learner != "" {
		t.Fatalf("second run: %+v, %v", again, err)
	}
	if after := deliveryState(t, db); after != before {
		t.Errorf("the second run changed the state from\n%s\nto\n%s", before, after)
	}
}

// verify runs the Verifier as the verify page does: this platform's documents in-process,
// nothing from the network.
func verify(ctx context.Context, iss *issuer.Service, data []byte) credential.Result {
	v := &credential.Verifier{Resolver: &key.Resolver{Offline: true, Overrides: iss.LocalDocuments(ctx, data)}}
	return v.Verify(ctx, "test", data)
}

func failed(r credential.Result, name, key string) bool {
	for _, c := range r.Checks {
		if c.Name == name {
			return !c.OK && c.Key == key
		}
	}
	return false
}

// deliveryState describes every offering of the demo, one line each, sorted.
func deliveryState(t *testing.T, db *sqldb.DB) string {
	t.Helper()
	ctx := context.Background()
	orgs, err := db.Orgs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, org := range orgs {
		mcs, err := db.Microcredentials(ctx, org.ID, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, mc := range mcs {
			os, err := db.OfferingsOf(ctx, org.ID, mc.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range os {
				regs, _ := db.Participants(ctx, org.ID, o.ID, true)
				g, err := db.Grid(ctx, org.ID, o.ID)
				if err != nil {
					t.Fatal(err)
				}
				eligible := 0
				for _, r := range g.Rows {
					if r.Eligible {
						eligible++
					}
				}
				cs, _ := db.IssuedCredentials(ctx, org.ID, o.ID)
				revoked := 0
				for _, c := range cs {
					if c.RevokedAt != nil {
						revoked++
					}
				}
				bs, _ := db.IssueBatches(ctx, org.ID, o.ID)
				var batches []string
				for _, b := range bs {
					batches = append(batches, fmt.Sprintf("%s %d/%d", b.Status, b.Done, b.Total))
				}
				lines = append(lines, fmt.Sprintf("%s/%s: capacity %d, registered %d, waiting %d, participants %d, eligible %d, issued %d, revoked %d, batches %v",
					org.Slug, mc.Slug, o.Capacity, o.Registered, o.Waitlisted, len(regs), eligible, len(cs), revoked, batches))
			}
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n") + "\n"
}

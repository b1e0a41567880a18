package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/demo"
	"github.com/pokot/pokot/password"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// cheap hashes with small argon2id parameters: the demo's logic is under test, not the cost.
func cheap(pw string) (string, error) {
	return password.HashWith(pw, password.Params{Memory: 64, Time: 1, Threads: 1, KeyLen: 32, SaltLen: 16})
}

func TestSeedFillsAnEmptyDatabase(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.New(t)
	logins, err := demo.SeedWith(ctx, db, cheap)
	if err != nil {
		t.Fatal(err)
	}
	orgs, err := db.Orgs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"hamk": "Hämeen ammattikorkeakoulu", "haaga-helia": "Haaga-Helia ammattikorkeakoulu",
		"jamk": "Jyväskylän ammattikorkeakoulu", "oamk": "Oulun ammattikorkeakoulu", "tamk": "Tampereen ammattikorkeakoulu",
	}
	if len(orgs) != len(want) {
		t.Fatalf("%d organisations", len(orgs))
	}
	for _, o := range orgs {
		if want[o.Slug] != o.Name.Get(pokot.Finnish) || o.Name[pokot.Swedish] == "" || o.Name[pokot.English] == "" ||
			o.Country != "FI" || o.Homepage == "" || o.BusinessID != "" {
			t.Errorf("organisation %+v", o)
		}
		// Every role is held in every organisation.
		ms, err := db.Members(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		roles := map[pokot.Role]bool{}
		for _, m := range ms {
			roles[m.Role] = true
		}
		for _, r := range pokot.Roles {
			if !roles[r] {
				t.Errorf("%s has no %s", o.Slug, r)
			}
		}
	}

	if len(logins) != 1+5*len(pokot.Roles) {
		t.Fatalf("%d logins", len(logins))
	}
	seen := map[string]bool{}
	admins := 0
	for _, l := range logins {
		if len(l.Password) < 16 || seen[l.Password] {
			t.Errorf("weak or repeated password for %s", l.Email)
		}
		seen[l.Password] = true
		u, err := db.UserByEmail(ctx, l.Email)
		if err != nil {
			t.Fatalf("%s: %v", l.Email, err)
		}
		if ok, err := password.Verify(l.Password, u.PasswordHash); !ok || err != nil {
			t.Errorf("%s: printed password does not sign in (%v)", l.Email, err)
		}
		if u.Admin != l.Admin || u.Name != l.Name || u.Lang != pokot.Finnish {
			t.Errorf("user %+v for login %+v", u, l)
		}
		if l.Admin {
			admins++
		}
	}
	if n, _ := db.CountAdmins(ctx); admins != 1 || n != 1 {
		t.Errorf("%d admin logins, %d admins", admins, n)
	}

	events, err := db.Events(ctx)
	if err != nil || len(events) < 12 {
		t.Fatalf("%d events, %v", len(events), err)
	}
	hel, _ := time.LoadLocation("Europe/Helsinki")
	first := events[0]
	if got := first.Starts.In(hel).Format("2.1.2006"); got != "14.5.2025" || first.Title.Get(pokot.Finnish) != "POKOT-aloituswebinaari" {
		t.Errorf("first event %s on %s", first.Title.Get(pokot.Finnish), got)
	}
	var health bool
	for _, e := range events {
		for _, l := range pokot.Langs {
			if e.Title[l] == "" {
				t.Errorf("event %q lacks a %s title", e.Title.Get(pokot.Finnish), l)
			}
		}
		if e.Starts.In(hel).Format("2.1.2006 15.04") == "9.12.2025 14.00" && e.Ends.In(hel).Format("15.04") == "15.30" {
			health = true
		}
	}
	if !health {
		t.Error("the health technology event of 9.12.2025 14.00–15.30 is missing")
	}
	pubs, err := db.Publications(ctx)
	if err != nil || len(pubs) != 5 {
		t.Fatalf("%d publications, %v", len(pubs), err)
	}
	dates := map[string]bool{}
	for _, p := range pubs {
		dates[p.Published.In(hel).Format("2.1.2006")] = true
	}
	for _, d := range []string{"17.6.2025", "24.9.2025", "19.11.2025", "15.9.2025", "19.12.2025"} {
		if !dates[d] {
			t.Errorf("no publication dated %s", d)
		}
	}

	// A second run changes nothing.
	again, err := demo.SeedWith(ctx, db, cheap)
	if err != nil || again != nil {
		t.Fatalf("second run: %v, %v", again, err)
	}
	users, _ := db.Users(ctx)
	events2, _ := db.Events(ctx)
	if len(users) != len(logins) || len(events2) != len(events) {
		t.Fatalf("second run added data: %d users, %d events", len(users), len(events2))
	}
}

func TestSeedLeavesARealDatabaseAlone(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.New(t)
	if err := db.CreateOrg(ctx, &pokot.Organisation{Slug: "oma", Name: pokot.Text{"fi": "Oma oppilaitos"}}); err != nil {
		t.Fatal(err)
	}
	logins, err := demo.Seed(ctx, db)
	if err != nil || logins != nil {
		t.Fatalf("%v %v", logins, err)
	}
	if users, _ := db.Users(ctx); len(users) != 0 {
		t.Fatalf("%d users created", len(users))
	}
	if events, _ := db.Events(ctx); len(events) != 0 {
		t.Fatalf("%d events created", len(events))
	}
}

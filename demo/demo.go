// Package demo fills an empty database with a believable demonstration: the five POKOT
// institutions, sample people in every role with random passwords, and the project's real
// events and publications from its web page as placeholder content.
package demo

import (
	"context"
	"fmt"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/password"
)

// Login is one demo account, to be shown once when the demo is created.
type Login struct {
	Email    string
	Password string
	Name     string
	Org      string     // organisation slug; "" for the platform administrator
	Role     pokot.Role // "" for the platform administrator
	Admin    bool
}

// Seed fills store with the demo when it has no organisations and returns the accounts with
// their passwords; on a database with organisations it does nothing and returns nil. When
// another process seeds at the same moment, the loser returns nil as well.
func Seed(ctx context.Context, store pokot.Store) ([]Login, error) {
	return SeedWith(ctx, store, hashDemo)
}

// demoParams are lighter argon2id parameters for the generated demo passwords: with about
// 115 random bits a guess is hopeless at any hashing cost, and 26 default-cost hashes would
// hold up the first start-up of a small machine by seconds. The web UI rehashes with the
// default parameters at the first sign-in (password.NeedsRehash).
var demoParams = password.Params{Memory: 8 * 1024, Time: 1, Threads: 1, KeyLen: 32, SaltLen: 16}

func hashDemo(pw string) (string, error) { return password.HashWith(pw, demoParams) }

// SeedWith is Seed with the password hash function given (tests use cheap parameters).
func SeedWith(ctx context.Context, store pokot.Store, hash func(string) (string, error)) ([]Login, error) {
	orgs, err := store.Orgs(ctx)
	if err != nil {
		return nil, err
	}
	if len(orgs) > 0 {
		return nil, nil
	}
	ids := map[string]int64{}
	for i, inst := range institutions {
		o := inst.org
		if err := store.CreateOrg(ctx, &o); err != nil {
			if i == 0 && pokot.ErrorCode(err) == pokot.ECONFLICT {
				return nil, nil // another process is seeding
			}
			return nil, fmt.Errorf("demo: organisation %s: %w", o.Slug, err)
		}
		ids[o.Slug] = o.ID
	}

	var logins []Login
	add := func(email, name, org string, role pokot.Role, admin bool) error {
		pw := password.Generate()
		h, err := hash(pw)
		if err != nil {
			return err
		}
		u := &pokot.User{Email: email, Name: name, PasswordHash: h, Admin: admin, Lang: pokot.Finnish}
		if err := store.CreateUser(ctx, u); err != nil {
			return fmt.Errorf("demo: user %s: %w", email, err)
		}
		if org != "" {
			if err := store.AddMember(ctx, ids[org], u.ID, role); err != nil {
				return fmt.Errorf("demo: member %s: %w", email, err)
			}
		}
		logins = append(logins, Login{Email: u.Email, Password: pw, Name: name, Org: org, Role: role, Admin: admin})
		return nil
	}
	if err := add("admin@pokot.example", "Sanna Mäkelä", "", "", true); err != nil {
		return nil, err
	}
	for _, inst := range institutions {
		for i, role := range pokot.Roles {
			p := inst.people[i]
			if err := add(p.email+"@"+inst.org.Slug+".example", p.name, inst.org.Slug, role, false); err != nil {
				return nil, err
			}
		}
	}
	if err := seedContent(ctx, store, ids); err != nil {
		return nil, err
	}
	return logins, nil
}

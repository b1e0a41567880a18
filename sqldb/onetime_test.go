package sqldb_test

import (
	"sync"
	"testing"
	"time"

	"github.com/pokot/pokot"
)

// TestOneTimeTokensConcurrently spends one login token and one invitation from many
// goroutines through two handles: each is accepted exactly once.
func TestOneTimeTokensConcurrently(t *testing.T) {
	t.Parallel()
	dbs := openTwice(t)
	db := dbs[0]
	u := newUser(t, db, "u")
	org := newOrg(t, db, "omnia")
	login, err := db.CreateLoginToken(ctx, u.ID, "reset", t0.Add(time.Hour))
	must(t, err)
	inv, err := db.CreateInvitation(ctx, &pokot.Invitation{OrgID: org.ID, Email: "new@example.fi", Role: pokot.RoleAssessor, Expires: t0.Add(time.Hour)})
	must(t, err)

	const n = 12
	var wg sync.WaitGroup
	var mu sync.Mutex
	okLogin, okInv := 0, 0
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db := dbs[i%2]
			_, err1 := db.UseLoginToken(ctx, login, "reset", t0)
			_, err2 := db.AcceptInvitation(ctx, inv, u.ID, t0)
			mu.Lock()
			defer mu.Unlock()
			for _, c := range []struct {
				err error
				ok  *int
			}{{err1, &okLogin}, {err2, &okInv}} {
				switch pokot.ErrorCode(c.err) {
				case "":
					*c.ok++
				case pokot.ENOTFOUND:
				default:
					t.Error(c.err)
				}
			}
		}()
	}
	wg.Wait()
	if okLogin != 1 || okInv != 1 {
		t.Fatalf("login token used %d times, invitation accepted %d times; want once each", okLogin, okInv)
	}
}

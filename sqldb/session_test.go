package sqldb_test

import (
	"sync"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

func TestSessions(t *testing.T) {
	t.Parallel()
	db := sqldbtest.New(t)
	u, v := newUser(t, db, "u"), newUser(t, db, "v")
	exp := time.Now().Add(time.Hour)
	tok, s, err := db.CreateSession(ctx, u.ID, exp)
	must(t, err)
	if len(tok) != 43 || s.ID == 0 || s.UserID != u.ID || len(s.CSRF) != 43 || s.CSRF == tok || s.Created.IsZero() {
		t.Fatalf("CreateSession = %q, %+v", tok, s)
	}
	later := time.Now().Add(time.Minute)
	got, err := db.SessionByToken(ctx, tok, later)
	must(t, err)
	if got.ID != s.ID || got.CSRF != s.CSRF || !got.Created.Equal(s.Created) || !got.Expires.Equal(s.Expires) ||
		!got.LastSeen.Equal(later.UTC().Truncate(time.Microsecond)) {
		t.Fatalf("SessionByToken =\n %+v, want\n %+v with LastSeen %v", got, s, later)
	}
	// A read within a minute of the last touch does not write LastSeen again.
	soon, err := db.SessionByToken(ctx, tok, later.Add(30*time.Second))
	must(t, err)
	if !soon.LastSeen.Equal(got.LastSeen) {
		t.Fatalf("LastSeen moved within a minute: %v, want %v", soon.LastSeen, got.LastSeen)
	}
	wantCode(t, second(db.SessionByToken(ctx, tok, exp)), pokot.ENOTFOUND, "err.not_found")
	wantCode(t, second(db.SessionByToken(ctx, tok[1:], later)), pokot.ENOTFOUND)
	wantCode(t, second(db.SessionByToken(ctx, "", later)), pokot.ENOTFOUND)
	wantCode(t, second3(db.CreateSession(ctx, 9999, exp)), pokot.ENOTFOUND)

	must(t, db.DeleteSession(ctx, tok))
	wantCode(t, second(db.SessionByToken(ctx, tok, later)), pokot.ENOTFOUND)
	must(t, db.DeleteSession(ctx, tok)) // again: no error

	// Logout everywhere ends only that user's sessions.
	var us []string
	for i := 0; i < 3; i++ {
		tk, _, err := db.CreateSession(ctx, u.ID, exp)
		must(t, err)
		us = append(us, tk)
	}
	vt, _, err := db.CreateSession(ctx, v.ID, exp)
	must(t, err)
	must(t, db.DeleteUserSessions(ctx, u.ID))
	for _, tk := range us {
		wantCode(t, second(db.SessionByToken(ctx, tk, later)), pokot.ENOTFOUND)
	}
	if _, err := db.SessionByToken(ctx, vt, later); err != nil {
		t.Fatalf("other user's session: %v", err)
	}

	// Expired sessions are swept.
	_, _, err = db.CreateSession(ctx, v.ID, t0)
	must(t, err)
	_, _, err = db.CreateSession(ctx, v.ID, t0.Add(time.Second))
	must(t, err)
	n, err := db.DeleteExpiredSessions(ctx, t0.Add(time.Second))
	must(t, err)
	if n != 2 {
		t.Fatalf("DeleteExpiredSessions = %d, want 2", n)
	}
	if _, err := db.SessionByToken(ctx, vt, later); err != nil {
		t.Fatalf("live session swept: %v", err)
	}
}

func second3[A, B any](_ A, _ B, err error) error { return err }

func TestHit(t *testing.T) {
	t.Parallel()
	db := sqldbtest.New(t)
	w := time.Minute
	start := t0.Truncate(w)
	steps := []struct {
		key  string
		at   time.Time
		want bool
	}{
		{"ip:192.0.2.1", start, true},
		{"ip:192.0.2.1", start.Add(10 * time.Second), true},
		{"ip:192.0.2.1", start.Add(59 * time.Second), true},
		{"ip:192.0.2.1", start.Add(59 * time.Second), false}, // fourth in the window, limit 3
		{"ip:192.0.2.2", start.Add(59 * time.Second), true},  // other key
		{"ip:192.0.2.1", start.Add(w), true},                 // new window
		{"ip:192.0.2.1", start.Add(30 * time.Second), true},  // late hit of the old window counts in the new one
		{"ip:192.0.2.1", start.Add(w + time.Second), true},
		{"ip:192.0.2.1", start.Add(w + 2*time.Second), false},
	}
	for i, s := range steps {
		ok, err := db.Hit(ctx, s.key, 3, w, s.at)
		must(t, err)
		if ok != s.want {
			t.Fatalf("step %d: Hit(%s, %v) = %v, want %v", i, s.key, s.at, ok, s.want)
		}
	}
	must(t, db.ResetHits(ctx, "ip:192.0.2.1"))
	if ok, _ := db.Hit(ctx, "ip:192.0.2.1", 1, w, start.Add(w)); !ok {
		t.Fatal("Hit after ResetHits was refused")
	}
	must(t, db.ResetHits(ctx, "unknown"))
	// The counter of 192.0.2.2 is from the first window, that of 192.0.2.1 from the second.
	n, err := db.DeleteStaleHits(ctx, start.Add(w))
	must(t, err)
	if n != 1 {
		t.Fatalf("DeleteStaleHits = %d, want 1", n)
	}
	if ok, _ := db.Hit(ctx, "ip:192.0.2.2", 1, w, start.Add(59*time.Second)); !ok {
		t.Fatal("the swept counter still counted")
	}
	if ok, _ := db.Hit(ctx, "ip:192.0.2.1", 1, w, start.Add(w)); ok {
		t.Fatal("the live counter was swept")
	}
	wantCode(t, second(db.Hit(ctx, "k", 3, 0, t0)), pokot.EINVALID)
	wantCode(t, second(db.Hit(ctx, "", 3, w, t0)), pokot.EINVALID)
}

// TestHitConcurrent counts from many goroutines through two handles on one database (as two
// processes would) and expects the exact count: exactly limit hits are allowed.
func TestHitConcurrent(t *testing.T) {
	t.Parallel()
	dbs := openTwice(t)
	const workers, each, limit = 16, 25, 150
	var mu sync.Mutex
	allowed := 0
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		db := dbs[i%2]
		go func() {
			defer wg.Done()
			for j := 0; j < each; j++ {
				ok, err := db.Hit(ctx, "user:42", limit, time.Hour, t0)
				if err != nil {
					t.Error(err)
					return
				}
				if ok {
					mu.Lock()
					allowed++
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if allowed != limit {
		t.Fatalf("%d hits allowed, want %d", allowed, limit)
	}
	// The next hit reports the exact count: one more than all before.
	db := dbs[0]
	if ok, _ := db.Hit(ctx, "user:42", workers*each+1, time.Hour, t0); !ok {
		t.Fatalf("hit number %d was over the limit: hits were lost or double counted", workers*each+1)
	}
	if ok, _ := db.Hit(ctx, "user:42", workers*each+1, time.Hour, t0); ok {
		t.Fatalf("hit number %d was within the limit %d", workers*each+2, workers*each+1)
	}
}

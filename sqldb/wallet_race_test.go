package sqldb_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// TestWalletStoredLimitConcurrent: OB 3.0 API clients posting at the same time for one
// learner cannot push the wallet past pokot.WalletStoredLimit. With five places left and
// twenty concurrent new credentials, exactly five are stored and fifteen are refused with
// the wallet's own message (on PostgreSQL the count and insert of each upsert would
// otherwise all see the same number at READ COMMITTED). The race is run ten times, the
// new credentials removed after each, since one run does not always overlap.
func TestWalletStoredLimitConcurrent(t *testing.T) {
	t.Parallel()
	db := sqldbtest.New(t)
	a := newUser(t, db, "Aino")
	const free, racers, rounds = 5, 20, 10
	for i := range pokot.WalletStoredLimit - free {
		c := walletCred(a, fmt.Sprintf("urn:uuid:pre%d", i), `{"n":1}`)
		c.Source = pokot.WalletAPI
		if _, err := db.UpsertWalletCredential(ctx, c); err != nil {
			t.Fatalf("credential %d: %v", i+1, err)
		}
	}
	for round := range rounds {
		walletRace(t, db, a, round, racers, free)
	}
}

// walletRace starts racers concurrent upserts of new credentials into a's wallet, which has free
// places left, checks that exactly free are stored and the rest refused, and removes the
// new ones again.
func walletRace(t *testing.T, db *sqldb.DB, a *pokot.User, round, racers, free int) {
	t.Helper()
	start := make(chan struct{})
	errs := make([]error, racers)
	var wg sync.WaitGroup
	for i := range racers {
		wg.Go(func() {
			c := walletCred(a, fmt.Sprintf("urn:uuid:race%d-%d", round, i), `{"n":1}`)
			c.Source, c.ClientID = pokot.WalletAPI, "client"
			<-start
			_, errs[i] = db.UpsertWalletCredential(ctx, c)
		})
	}
	close(start)
	wg.Wait()
	stored := 0
	for i, err := range errs {
		if err == nil {
			stored++
			continue
		}
		var e *pokot.Error
		if !errors.As(err, &e) || e.Code != pokot.ECONFLICT || e.Key != "wallet.err.add_full" {
			t.Errorf("round %d, upsert %d: %v, want ECONFLICT wallet.err.add_full", round, i, err)
		}
	}
	if stored != free {
		t.Errorf("round %d: %d of %d concurrent upserts stored, want %d", round, stored, racers, free)
	}
	if _, total, err := db.WalletCredentials(ctx, a.ID, 1, 0); err != nil || total != pokot.WalletStoredLimit {
		t.Fatalf("round %d: wallet holds %d (%v), want %d", round, total, err, pokot.WalletStoredLimit)
	}
	for i, err := range errs {
		if err == nil {
			must(t, db.DeleteWalletCredential(ctx, a.ID, fmt.Sprintf("urn:uuid:race%d-%d", round, i)))
		}
	}
}

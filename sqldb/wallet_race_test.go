package sqldb_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// TestWalletStoredLimitConcurrent: OB 3.0 API clients posting at the same time for one
// learner cannot push the wallet past pokot.WalletStoredLimit. With five places left and
// twenty concurrent new credentials, exactly five are stored and fifteen are refused with
// the wallet's own message (on PostgreSQL the count and insert of each upsert would
// otherwise all see the same number at READ COMMITTED).
func TestWalletStoredLimitConcurrent(t *testing.T) {
	t.Parallel()
	db := sqldbtest.New(t)
	a := newUser(t, db, "Aino")
	const free, racers = 5, 20
	for i := range pokot.WalletStoredLimit - free {
		c := walletCred(a, fmt.Sprintf("urn:uuid:pre%d", i), `{"n":1}`)
		c.Source = pokot.WalletAPI
		if _, err := db.UpsertWalletCredential(ctx, c); err != nil {
			t.Fatalf("credential %d: %v", i+1, err)
		}
	}
	start := make(chan struct{})
	errs := make([]error, racers)
	var wg sync.WaitGroup
	for i := range racers {
		wg.Go(func() {
			c := walletCred(a, fmt.Sprintf("urn:uuid:race%d", i), `{"n":1}`)
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
			t.Errorf("upsert %d: %v, want ECONFLICT wallet.err.add_full", i, err)
		}
	}
	if stored != free {
		t.Errorf("%d of %d concurrent upserts stored, want %d", stored, racers, free)
	}
	if _, total, err := db.WalletCredentials(ctx, a.ID, 1, 0); err != nil || total != pokot.WalletStoredLimit {
		t.Fatalf("wallet holds %d (%v), want %d", total, err, pokot.WalletStoredLimit)
	}
}

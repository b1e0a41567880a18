package sqldb_test

import (
	"fmt"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// TestWalletStoredLimit: a wallet holds at most pokot.WalletStoredLimit added credentials,
// whoever adds them (the web page checks first, but an OB 3.0 API client writes straight
// through the store): one more is refused with the wallet's own message, a replacement of
// one already there is not, and another learner's wallet is not affected.
func TestWalletStoredLimit(t *testing.T) {
	t.Parallel()
	db := sqldbtest.New(t)
	a, b := newUser(t, db, "Aino"), newUser(t, db, "Bertta")
	for i := range pokot.WalletStoredLimit {
		c := walletCred(a, fmt.Sprintf("urn:uuid:a%d", i), `{"n":1}`)
		c.Source = pokot.WalletAPI
		if _, err := db.UpsertWalletCredential(ctx, c); err != nil {
			t.Fatalf("credential %d: %v", i+1, err)
		}
	}
	c := walletCred(a, "urn:uuid:one-more", `{"n":1}`)
	c.Source = pokot.WalletAPI
	_, err := db.UpsertWalletCredential(ctx, c)
	wantCode(t, err, pokot.ECONFLICT, "wallet.err.add_full")
	if _, total, err := db.WalletCredentials(ctx, a.ID, 1, 0); err != nil || total != pokot.WalletStoredLimit {
		t.Fatalf("wallet holds %d (%v), want %d", total, err, pokot.WalletStoredLimit)
	}
	if created, err := db.UpsertWalletCredential(ctx, walletCred(a, "urn:uuid:a7", `{"n":2}`)); err != nil || created {
		t.Fatalf("replacing a credential of a full wallet: created %v, %v", created, err)
	}
	if _, err := db.UpsertWalletCredential(ctx, walletCred(b, "urn:uuid:b0", `{"n":1}`)); err != nil {
		t.Fatalf("another wallet: %v", err)
	}
}

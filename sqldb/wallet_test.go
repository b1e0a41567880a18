package sqldb_test

import (
	"database/sql"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

func walletCred(u *pokot.User, id, body string) *pokot.WalletCredential {
	return &pokot.WalletCredential{UserID: u.ID, CredentialID: id, Format: pokot.WalletJSON, Data: []byte(body), Source: pokot.WalletUpload}
}

func TestWalletUpsertListDelete(t *testing.T) {
	db := sqldbtest.New(t)
	a, b := newUser(t, db, "Aino"), newUser(t, db, "Bertta")
	for i := range 5 {
		created, err := db.UpsertWalletCredential(ctx, walletCred(a, fmt.Sprintf("urn:uuid:a%d", i), `{"n":1}`))
		must(t, err)
		if !created {
			t.Fatalf("credential %d: created false", i)
		}
	}
	// The same id in another wallet is another credential.
	created, err := db.UpsertWalletCredential(ctx, walletCred(b, "urn:uuid:a0", `{"b":1}`))
	must(t, err)
	if !created {
		t.Fatal("b's copy: created false")
	}
	c := walletCred(a, "urn:uuid:a0", `{"n":2}`)
	c.Source, c.ClientID = pokot.WalletAPI, "client1"
	created, err = db.UpsertWalletCredential(ctx, c)
	must(t, err)
	if created {
		t.Fatal("replacement reported as created")
	}
	page, total, err := db.WalletCredentials(ctx, a.ID, 2, 0)
	must(t, err)
	if total != 5 || len(page) != 2 {
		t.Fatalf("page of %d, total %d; want 2 of 5", len(page), total)
	}
	all, _, err := db.WalletCredentials(ctx, a.ID, 100, 0)
	must(t, err)
	seen := map[string]string{}
	for _, w := range all {
		if w.UserID != a.ID {
			t.Fatalf("credential of user %d in %d's wallet", w.UserID, a.ID)
		}
		seen[w.CredentialID] = string(w.Data)
	}
	if len(seen) != 5 || seen["urn:uuid:a0"] != `{"n":2}` {
		t.Fatalf("wallet %v", seen)
	}
	last, _, err := db.WalletCredentials(ctx, a.ID, 2, 4)
	must(t, err)
	if len(last) != 1 {
		t.Fatalf("last page: %d", len(last))
	}
	bs, bt, err := db.WalletCredentials(ctx, b.ID, 10, 0)
	must(t, err)
	if bt != 1 || len(bs) != 1 || string(bs[0].Data) != `{"b":1}` {
		t.Fatalf("b's wallet: %d %v", bt, bs)
	}
	// b cannot delete a's credential; a can.
	wantCode(t, db.DeleteWalletCredential(ctx, b.ID, "urn:uuid:a1"), pokot.ENOTFOUND)
	must(t, db.DeleteWalletCredential(ctx, a.ID, "urn:uuid:a1"))
	wantCode(t, db.DeleteWalletCredential(ctx, a.ID, "urn:uuid:a1"), pokot.ENOTFOUND)
	if _, total, _ = db.WalletCredentials(ctx, a.ID, 10, 0); total != 4 {
		t.Fatalf("after delete: %d", total)
	}
}

func TestWalletBadInput(t *testing.T) {
	db := sqldbtest.New(t)
	u := newUser(t, db, "Aino")
	for name, c := range map[string]*pokot.WalletCredential{
		"no id":      walletCred(u, " ", "{}"),
		"no data":    walletCred(u, "urn:x", ""),
		"bad format": {UserID: u.ID, CredentialID: "urn:x", Format: "xml", Data: []byte("<x/>"), Source: pokot.WalletUpload},
		"bad source": {UserID: u.ID, CredentialID: "urn:x", Format: pokot.WalletJSON, Data: []byte("{}"), Source: pokot.WalletIssued},
		"too large":  walletCred(u, "urn:x", strings.Repeat("x", 1<<20+1)),
	} {
		if _, err := db.UpsertWalletCredential(ctx, c); pokot.ErrorCode(err) != pokot.EINVALID {
			t.Errorf("%s: %v, want EINVALID", name, err)
		}
	}
	if _, err := db.UpsertWalletCredential(ctx, walletCred(&pokot.User{ID: 999999}, "urn:x", "{}")); pokot.ErrorCode(err) != pokot.ENOTFOUND {
		t.Errorf("missing user: %v", err)
	}
}

// TestWalletIncludesIssued puts a credential issued to the user's e-mail straight into
// issued_credentials (foreign keys off: the offering behind it does not matter here) and
// checks that the wallet shows it, keeps it over an upload of the same id, and does not
// show it to anybody else.
func TestWalletIncludesIssued(t *testing.T) {
	dsn := sqldbtest.DSN(t)
	db, err := sqldb.Open(ctx, dsn, slog.New(slog.DiscardHandler))
	must(t, err)
	t.Cleanup(func() { db.Close() })
	a, b := newUser(t, db, "Aino"), newUser(t, db, "Bertta")
	driver, setup := "sqlite", "PRAGMA foreign_keys = OFF"
	if db.Dialect() == sqldb.Postgres {
		driver, setup = "pgx", "SET session_replication_role = replica"
	}
	raw, err := sql.Open(driver, dsn)
	must(t, err)
	defer raw.Close()
	conn, err := raw.Conn(ctx)
	must(t, err)
	defer conn.Close()
	_, err = conn.ExecContext(ctx, setup)
	must(t, err)
	ts := "2026-01-02T10:00:00.000000Z"
	_, err = conn.ExecContext(ctx, `INSERT INTO issued_credentials (org_id, offering_id, email, credential_id,
		identity_hash, salt, status_list, status_idx, state, signed, reserved_at, issued_at)
		VALUES (1, 1, $1, 'urn:uuid:issued', 'sha256$x', 's', 1, 0, 'issued', '{"issued":true}', $2, $2),
		       (1, 2, $1, 'urn:uuid:pending', 'sha256$x', 's', 1, 1, 'pending', NULL, $2, NULL)`, a.Email, ts)
	must(t, err)
	_, err = db.UpsertWalletCredential(ctx, walletCred(a, "urn:uuid:up", "{}"))
	must(t, err)
	created, err := db.UpsertWalletCredential(ctx, walletCred(a, "urn:uuid:issued", `{"forged":true}`))
	must(t, err)
	if created {
		t.Fatal("upload over an issued credential reported as created")
	}
	ws, total, err := db.WalletCredentials(ctx, a.ID, 10, 0)
	must(t, err)
	if total != 2 || len(ws) != 2 {
		t.Fatalf("a's wallet: total %d, %d rows", total, len(ws))
	}
	var issued *pokot.WalletCredential
	for _, w := range ws {
		if w.CredentialID == "urn:uuid:issued" {
			issued = w
		}
	}
	if issued == nil || issued.Source != pokot.WalletIssued || string(issued.Data) != `{"issued":true}` {
		t.Fatalf("issued credential in wallet: %+v", issued)
	}
	wantCode(t, db.DeleteWalletCredential(ctx, a.ID, "urn:uuid:issued"), pokot.ENOTFOUND)
	if _, total, _ := db.WalletCredentials(ctx, b.ID, 10, 0); total != 0 {
		t.Fatalf("b sees %d credentials", total)
	}
}

package sqldb_test

import (
	"database/sql"
	"log/slog"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// TestDeleteUserErasesCredentialOfOldAddress: a learner registered (signed in, so the
// registration is theirs by user_id) under an address they later changed; the credential
// of that registration was issued to the registration's address, not the account's. On
// deletion it must be erased too — placeholder address, no name, no signed copy — and
// joined to the registration's placeholder; another learner's credential is untouched.
// The credentials go in straight: how they were signed does not matter here.
func TestDeleteUserErasesCredentialOfOldAddress(t *testing.T) {
	testEraseOldAddress(t, false)
}

// TestDeleteUserTwoCredentialsOfOneOffering: the learner also holds a credential of the
// same offering at her current address; the deletion still succeeds and erases that one.
func TestDeleteUserTwoCredentialsOfOneOffering(t *testing.T) {
	testEraseOldAddress(t, true)
}

func testEraseOldAddress(t *testing.T, corner bool) {
	dsn := sqldbtest.DSN(t)
	db, err := sqldb.Open(ctx, dsn, slog.New(slog.DiscardHandler))
	must(t, err)
	t.Cleanup(func() { db.Close() })
	w := newDeliveryWorld(t, db, pokot.GradePassFail, false)
	o := w.newOffering(t, 5)
	a, b := newUser(t, db, "Aino"), newUser(t, db, "Bertta")
	driver := "sqlite"
	if db.Dialect() == sqldb.Postgres {
		driver = "pgx"
	}
	raw, err := sql.Open(driver, dsn)
	must(t, err)
	defer raw.Close()
	conn, err := raw.Conn(ctx)
	must(t, err)
	defer conn.Close()
	const old = "aino.vanha@example.fi"
	ts := "2026-01-02T10:00:00.000000Z"
	var regs [2]*pokot.Registration
	for i, u := range []*pokot.User{a, b} {
		email, name := b.Email, "Bertta"
		if u == a {
			email, name = old, "Aino Vanhanen"
		}
		regs[i] = &pokot.Registration{OfferingID: o.ID, UserID: &u.ID, Email: email, Name: name, Lang: pokot.Finnish}
		_, err := db.Register(ctx, regs[i], t0)
		must(t, err)
	}
	regA, regB := regs[0].ID, regs[1].ID
	_, err = conn.ExecContext(ctx, `INSERT INTO issued_credentials (org_id, offering_id, registration_id, email, name,
		credential_id, identity_hash, salt, status_list, status_idx, state, signed, reserved_at, issued_at) VALUES
		($6, $7, $1, $2, 'Aino Vanhanen', 'urn:uuid:old', 'sha256$x', 's', 1, 0, 'issued', '{"name":"Aino Vanhanen"}', $3, $3),
		($6, $7, $4, $5, 'Bertta', 'urn:uuid:b', 'sha256$x', 's', 1, 1, 'issued', '{"name":"Bertta"}', $3, $3)`,
		regA, old, ts, regB, b.Email, w.org.ID, o.ID)
	must(t, err)

	if corner {
		// A second credential of hers in the offering, at her current address: both cannot
		// take the one placeholder, and the deletion must not fail for it.
		_, err = conn.ExecContext(ctx, `INSERT INTO issued_credentials (org_id, offering_id, email, name, credential_id,
			identity_hash, salt, status_list, status_idx, state, signed, reserved_at, issued_at) VALUES
			($1, $2, $3, 'Aino', 'urn:uuid:new', 'sha256$x', 's', 1, 2, 'issued', '{}', $4, $4)`, w.org.ID, o.ID, a.Email, ts)
		must(t, err)
	}
	must(t, db.DeleteUser(ctx, a.ID))
	if corner {
		var n int
		must(t, conn.QueryRowContext(ctx, `SELECT COUNT(*) FROM issued_credentials WHERE email = $1`, a.Email).Scan(&n))
		if n != 0 {
			t.Fatalf("the credential at her current address was not erased")
		}
		return
	}

	var regEmail, credEmail, credName string
	var signed sql.NullString
	must(t, conn.QueryRowContext(ctx, `SELECT email FROM registrations WHERE id = $1`, regA).Scan(&regEmail))
	must(t, conn.QueryRowContext(ctx, `SELECT email, name, signed FROM issued_credentials WHERE credential_id = 'urn:uuid:old'`).
		Scan(&credEmail, &credName, &signed))
	if !strings.HasSuffix(regEmail, sqldb.ErasedDomain) || credEmail != regEmail || credName != "" || signed.Valid {
		t.Fatalf("after deletion: registration %q, credential %q %q signed %v", regEmail, credEmail, credName, signed.Valid)
	}
	left, err := db.TextLocations(ctx, old, "Aino Vanhanen")
	must(t, err)
	if len(left) != 0 {
		t.Fatalf("the learner's old address or name is still in %v", left)
	}
	must(t, conn.QueryRowContext(ctx, `SELECT email, name FROM issued_credentials WHERE credential_id = 'urn:uuid:b'`).
		Scan(&credEmail, &credName))
	if credEmail != b.Email || credName != "Bertta" {
		t.Fatalf("another learner's credential changed: %q %q", credEmail, credName)
	}
}

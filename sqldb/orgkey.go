package sqldb

import (
	"context"
	"database/sql"

	"github.com/pokot/pokot"
)

var _ pokot.IssuerService = (*DB)(nil)

const orgKeyColumns = `id, org_id, key_id, public_key, sealed, created_at, retired_at`

func scanOrgKey(s interface{ Scan(...any) error }) (*pokot.OrgKey, error) {
	k := &pokot.OrgKey{}
	err := s.Scan(&k.ID, &k.OrgID, &k.KeyID, &k.PublicKey, &k.Sealed, timeCol{&k.Created}, nullTimeCol{&k.Retired})
	return k, err
}

func errKeyExists(err error) error {
	return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.key_exists", Message: "the organisation already has an active signing key", Err: err}
}

func errNoKey() error {
	return &pokot.Error{Code: pokot.ENOTFOUND, Key: "err.no_key", Message: "the organisation has no active signing key"}
}

func validateOrgKey(k *pokot.OrgKey) error {
	var errs pokot.Errors
	if k.KeyID == "" {
		errs = append(errs, pokot.FieldError("key_id", "err.required", "the key id is required"))
	}
	if len(k.PublicKey) != 32 {
		errs = append(errs, pokot.FieldError("public_key", "err.invalid", "an Ed25519 public key has 32 bytes"))
	}
	if len(k.Sealed) == 0 {
		errs = append(errs, pokot.FieldError("sealed", "err.required", "the sealed private key is required"))
	}
	return errs.Err()
}

// insertOrgKey inserts k as the active key; a concurrent insert that won the race shows up
// as a violation of org_keys_active and becomes err.key_exists.
func (db *DB) insertOrgKey(ctx context.Context, tx *sql.Tx, k *pokot.OrgKey) error {
	k.Created = db.now().UTC().Truncate(timeUnit)
	k.Retired = nil
	err := tx.QueryRowContext(ctx, `
		INSERT INTO org_keys (org_id, key_id, public_key, sealed, created_at)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		k.OrgID, k.KeyID, k.PublicKey, k.Sealed, db.ts(k.Created)).Scan(&k.ID)
	if err := mapErr(err); pokot.ErrorCode(err) == pokot.ECONFLICT {
		return errKeyExists(err)
	}
	return err
}

// CreateOrgKey stores k as the organisation's first active key and sets its ID and
// Created. ECONFLICT ("err.key_exists"), ENOTFOUND, EINVALID.
func (db *DB) CreateOrgKey(ctx context.Context, k *pokot.OrgKey) error {
	if err := validateOrgKey(k); err != nil {
		return err
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		if err := db.lockOrg(ctx, tx, k.OrgID); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM org_keys WHERE org_id = $1 AND retired_at IS NULL`, k.OrgID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return errKeyExists(nil)
		}
		return db.insertOrgKey(ctx, tx, k)
	})
}

// RotateOrgKey retires the active key and stores k as the new active key, atomically, and
// marks the organisation's status lists for re-signing with it. ENOTFOUND ("err.no_key").
func (db *DB) RotateOrgKey(ctx context.Context, k *pokot.OrgKey) error {
	if err := validateOrgKey(k); err != nil {
		return err
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		if err := db.lockOrg(ctx, tx, k.OrgID); err != nil {
			return err
		}
		now := db.now()
		res, err := tx.ExecContext(ctx, `UPDATE org_keys SET retired_at = $1 WHERE org_id = $2 AND retired_at IS NULL`, db.ts(now), k.OrgID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return errNoKey()
		}
		if err := db.insertOrgKey(ctx, tx, k); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE status_lists SET version = version + 1, signed = NULL WHERE org_id = $1`, k.OrgID)
		return err
	})
}

// ActiveOrgKey returns the organisation's active key. ENOTFOUND ("err.no_key").
func (db *DB) ActiveOrgKey(ctx context.Context, orgID int64) (*pokot.OrgKey, error) {
	k, err := scanOrgKey(db.r.QueryRowContext(ctx, `SELECT `+orgKeyColumns+` FROM org_keys WHERE org_id = $1 AND retired_at IS NULL`, orgID))
	if err == sql.ErrNoRows {
		return nil, errNoKey()
	}
	if err != nil {
		return nil, mapErr(err)
	}
	return k, nil
}

// OrgKeys lists all keys of the organisation, active and retired, oldest first.
func (db *DB) OrgKeys(ctx context.Context, orgID int64) ([]*pokot.OrgKey, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT `+orgKeyColumns+` FROM org_keys WHERE org_id = $1 ORDER BY id`, orgID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var ks []*pokot.OrgKey
	for rows.Next() {
		k, err := scanOrgKey(rows)
		if err != nil {
			return nil, mapErr(err)
		}
		ks = append(ks, k)
	}
	return ks, mapErr(rows.Err())
}

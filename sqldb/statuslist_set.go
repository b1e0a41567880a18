package sqldb

import (
	"context"
	"database/sql"
	"errors"

	"github.com/pokot/pokot"
)

// statusConflict is the ECONFLICT of a status change that changes nothing.
func statusConflict(purpose string, set bool) error {
	switch {
	case purpose == pokot.StatusRevocation && set:
		return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.status_already_revoked", Message: "the credential is already revoked"}
	case purpose == pokot.StatusRevocation:
		return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.revocation_permanent", Message: "a revocation cannot be undone"}
	case set:
		return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.status_already_suspended", Message: "the credential is already suspended"}
	default:
		return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.status_not_suspended", Message: "the credential is not suspended"}
	}
}

// SetStatus sets or clears the bit of an allocated entry with a reason and invalidates the
// list's signed form. ENOTFOUND ("err.status_not_found"); ECONFLICT
// ("err.status_already_revoked", "err.status_already_suspended", "err.status_not_suspended",
// "err.revocation_permanent"); EINVALID for an unknown purpose.
func (db *DB) SetStatus(ctx context.Context, orgID int64, purpose string, list, index int, set bool, reason string) (*pokot.StatusEntry, error) {
	if err := validPurpose(purpose); err != nil {
		return nil, err
	}
	if purpose == pokot.StatusMessage {
		return nil, pokot.FieldError("purpose", "err.status_purpose", "a message entry has a value, not a bit: use SetStatusValue")
	}
	var e *pokot.StatusEntry
	err := db.tx(ctx, func(tx *sql.Tx) error {
		var err error
		e, err = scanStatusEntry(tx.QueryRowContext(ctx, `SELECT `+statusEntryColumns+` FROM status_entries
			WHERE org_id = $1 AND purpose = $2 AND list_no = $3 AND idx = $4`+db.forUpdate(), orgID, purpose, list, index))
		if errors.Is(err, sql.ErrNoRows) {
			return errStatusNotFound()
		}
		if err != nil {
			return err
		}
		if e.Set == set || (purpose == pokot.StatusRevocation && !set) {
			return statusConflict(purpose, set)
		}
		now := db.now().UTC().Truncate(timeUnit)
		e.Set, e.Reason, e.Changed = set, reason, &now
		if _, err := tx.ExecContext(ctx, `UPDATE status_entries SET is_set = $1, reason = $2, changed_at = $3
			WHERE org_id = $4 AND purpose = $5 AND list_no = $6 AND idx = $7`,
			set, reason, db.ts(now), orgID, purpose, list, index); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE status_lists SET version = version + 1, signed = NULL
			WHERE org_id = $1 AND purpose = $2 AND list_no = $3`, orgID, purpose, list)
		return err
	})
	if err != nil {
		return nil, err
	}
	return e, nil
}

// StatusEntry returns one allocated entry. ENOTFOUND ("err.status_not_found").
func (db *DB) StatusEntry(ctx context.Context, orgID int64, purpose string, list, index int) (*pokot.StatusEntry, error) {
	e, err := scanStatusEntry(db.r.QueryRowContext(ctx, `SELECT `+statusEntryColumns+` FROM status_entries
		WHERE org_id = $1 AND purpose = $2 AND list_no = $3 AND idx = $4`, orgID, purpose, list, index))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errStatusNotFound()
	}
	if err != nil {
		return nil, mapErr(err)
	}
	return e, nil
}

// StatusEntriesOf returns the entries allocated for a credential id, by purpose.
func (db *DB) StatusEntriesOf(ctx context.Context, orgID int64, credentialID string) ([]*pokot.StatusEntry, error) {
	if credentialID == "" {
		return nil, nil
	}
	rows, err := db.r.QueryContext(ctx, `SELECT `+statusEntryColumns+` FROM status_entries
		WHERE org_id = $1 AND credential_id = $2 ORDER BY purpose, list_no, idx`, orgID, credentialID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []*pokot.StatusEntry
	for rows.Next() {
		e, err := scanStatusEntry(rows)
		if err != nil {
			return nil, mapErr(err)
		}
		out = append(out, e)
	}
	return out, mapErr(rows.Err())
}

// StatusList returns a list with its cached signed form. ENOTFOUND ("err.status_list_not_found").
func (db *DB) StatusList(ctx context.Context, orgID int64, purpose string, list int) (*pokot.StatusList, error) {
	l := &pokot.StatusList{}
	var signed sql.NullString
	err := db.r.QueryRowContext(ctx, `SELECT org_id, purpose, list_no, size, used, version, signed, signed_version, created_at
		FROM status_lists WHERE org_id = $1 AND purpose = $2 AND list_no = $3`, orgID, purpose, list).
		Scan(&l.OrgID, &l.Purpose, &l.Number, &l.Size, &l.Used, &l.Version, &signed, &l.SignedVersion, timeCol{&l.Created})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errListNotFound()
	}
	if err != nil {
		return nil, mapErr(err)
	}
	if signed.Valid {
		l.Signed = []byte(signed.String)
	}
	return l, nil
}

// StatusListBits returns the indices of the list whose bit is set, in ascending order.
func (db *DB) StatusListBits(ctx context.Context, orgID int64, purpose string, list int) ([]int, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT idx FROM status_entries
		WHERE org_id = $1 AND purpose = $2 AND list_no = $3 AND is_set = TRUE ORDER BY idx`, orgID, purpose, list)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var i int
		if err := rows.Scan(&i); err != nil {
			return nil, mapErr(err)
		}
		out = append(out, i)
	}
	return out, mapErr(rows.Err())
}

// StoreSignedStatusList caches the signed form of version of a list unless the list has
// changed since; it reports whether it stored it.
func (db *DB) StoreSignedStatusList(ctx context.Context, orgID int64, purpose string, list int, version int64, signed []byte) (bool, error) {
	res, err := db.w.ExecContext(ctx, `UPDATE status_lists SET signed = $1, signed_version = $2
		WHERE org_id = $3 AND purpose = $4 AND list_no = $5 AND version = $6`,
		string(signed), version, orgID, purpose, list, version)
	if err != nil {
		return false, mapErr(err)
	}
	n, err := res.RowsAffected()
	return n == 1, mapErr(err)
}

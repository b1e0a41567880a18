package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"github.com/pokot/pokot"
)

// statusValueConflict is the ECONFLICT of a change of a message entry from value from to
// value to that the rules refuse, or nil when the change is allowed. Revocation is final.
func statusValueConflict(from, to int) error {
	revoked := from&pokot.StatusValueRevoked != 0
	switch {
	case revoked && to == pokot.StatusValueRevoked:
		return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.status_already_revoked", Message: "the credential is already revoked"}
	case revoked:
		return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.status_revoked_final", Message: "the credential is revoked, and a revocation is final: it cannot be suspended or reinstated"}
	case from == to && to == pokot.StatusValueSuspended:
		return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.status_already_suspended", Message: "the credential is already suspended"}
	case from == to:
		return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.status_not_suspended", Message: "the credential is not suspended"}
	}
	return nil
}

// SetStatusValue implements pokot.StatusValueService: the entry row is locked, the change
// checked against its current value, the list's version bumped (its signed form cleared)
// and the issued credential's record (revoked_at, suspended_at, status_reason) set in the
// same transaction, so that concurrent changes cannot leave the record disagreeing with
// the list.
func (db *DB) SetStatusValue(ctx context.Context, orgID int64, list, index, value int, reason string) (*pokot.StatusEntry, int, error) {
	if value != pokot.StatusValueValid && value != pokot.StatusValueSuspended && value != pokot.StatusValueRevoked {
		return nil, 0, pokot.FieldError("value", "err.status_value", "the status value must be 0 (valid), 1 (suspended) or 2 (revoked)")
	}
	var e *pokot.StatusEntry
	err := db.tx(ctx, func(tx *sql.Tx) error {
		var from int
		var err error
		e, from, err = db.statusValue(ctx, tx, orgID, list, index, true)
		if err != nil {
			return err
		}
		if err := statusValueConflict(from, value); err != nil {
			return err
		}
		now := db.now().UTC().Truncate(timeUnit)
		e.Set, e.Reason, e.Changed = value != pokot.StatusValueValid, reason, &now
		if _, err := tx.ExecContext(ctx, `UPDATE status_entries SET is_set = $1, status_value = $2, reason = $3, changed_at = $4
			WHERE org_id = $5 AND purpose = $6 AND list_no = $7 AND idx = $8`,
			e.Set, value, reason, db.ts(now), orgID, pokot.StatusMessage, list, index); err != nil {
			return err
		}
		if err := markIssued(ctx, tx, db.ts(now), orgID, e.CredentialID, value, reason); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE status_lists SET version = version + 1, signed = NULL
			WHERE org_id = $1 AND purpose = $2 AND list_no = $3`, orgID, pokot.StatusMessage, list)
		return err
	})
	if err != nil {
		return nil, 0, mapErr(err)
	}
	return e, value, nil
}

// markIssued records a message entry's new value on the issued credential it belongs to
// (none for a pathway credential): revoked sets revoked_at, suspended sets suspended_at,
// valid clears suspended_at; the reason is kept as the record's status_reason.
func markIssued(ctx context.Context, tx *sql.Tx, now any, orgID int64, credentialID string, value int, reason string) error {
	set := `suspended_at = NULL`
	args := []any{reason, orgID, credentialID}
	switch value {
	case pokot.StatusValueRevoked:
		set, args = `revoked_at = $4`, append(args, now)
	case pokot.StatusValueSuspended:
		set, args = `suspended_at = $4`, append(args, now)
	}
	_, err := tx.ExecContext(ctx, `UPDATE issued_credentials SET `+set+`, status_reason = $1
		WHERE org_id = $2 AND credential_id = $3`, args...)
	return err
}

// StatusValue implements pokot.StatusValueService.
func (db *DB) StatusValue(ctx context.Context, orgID int64, list, index int) (*pokot.StatusEntry, int, error) {
	e, v, err := db.statusValue(ctx, db.r, orgID, list, index, false)
	return e, v, mapErr(err)
}

func (db *DB) statusValue(ctx context.Context, q querier, orgID int64, list, index int, lock bool) (*pokot.StatusEntry, int, error) {
	query := `SELECT ` + statusEntryColumns + `, status_value FROM status_entries
		WHERE org_id = $1 AND purpose = $2 AND list_no = $3 AND idx = $4`
	if lock {
		query += db.forUpdate()
	}
	e := &pokot.StatusEntry{}
	var v int
	err := q.QueryRowContext(ctx, query, orgID, pokot.StatusMessage, list, index).Scan(&e.OrgID, &e.Purpose, &e.List, &e.Index,
		&e.CredentialID, &e.Set, &e.Reason, nullTimeCol{&e.Changed}, timeCol{&e.Created}, &v)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, errStatusNotFound()
	}
	if err != nil {
		return nil, 0, err
	}
	return e, v, nil
}

// StatusListValues implements pokot.StatusValueService.
func (db *DB) StatusListValues(ctx context.Context, orgID int64, list int) (map[int]int, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT idx, status_value FROM status_entries
		WHERE org_id = $1 AND purpose = $2 AND list_no = $3 AND is_set = TRUE`, orgID, pokot.StatusMessage, list)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := map[int]int{}
	for rows.Next() {
		var i, v int
		if err := rows.Scan(&i, &v); err != nil {
			return nil, mapErr(err)
		}
		out[i] = v
	}
	return out, mapErr(rows.Err())
}

// purposeRank orders the purposes StatusPurposesOf prefers.
var purposeRank = map[string]int{pokot.StatusMessage: 3, pokot.StatusRevocation: 2, pokot.StatusSuspension: 1}

// StatusPurposesOf implements pokot.StatusValueService, in chunks of ids per query.
func (db *DB) StatusPurposesOf(ctx context.Context, orgID int64, credentialIDs []string) (map[string]string, error) {
	out := make(map[string]string, len(credentialIDs))
	for start := 0; start < len(credentialIDs); start += entriesPerInsert {
		end := min(start+entriesPerInsert, len(credentialIDs))
		var q strings.Builder
		q.WriteString(`SELECT credential_id, purpose FROM status_entries WHERE org_id = $1 AND credential_id IN (`)
		args := []any{orgID}
		for i := start; i < end; i++ {
			if i > start {
				q.WriteString(", ")
			}
			args = append(args, credentialIDs[i])
			q.WriteString("$" + strconv.Itoa(len(args)))
		}
		q.WriteString(")")
		rows, err := db.r.QueryContext(ctx, q.String(), args...)
		if err != nil {
			return nil, mapErr(err)
		}
		for rows.Next() {
			var id, p string
			if err := rows.Scan(&id, &p); err != nil {
				rows.Close()
				return nil, mapErr(err)
			}
			if purposeRank[p] > purposeRank[out[id]] {
				out[id] = p
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, mapErr(err)
		}
	}
	return out, nil
}

var _ pokot.StatusValueService = (*DB)(nil)

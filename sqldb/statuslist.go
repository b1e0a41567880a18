package sqldb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/binary"
	"errors"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential/status"
)

// minStatusListSize is the smallest list the Bitstring Status List specification allows.
const minStatusListSize = status.MinSize

// randomProbes is how many random indices AllocateStatus tries before it reads the list's
// used indices and picks a free one directly: with the list half full, 16 misses in a row
// happen once in 65,536 allocations.
const randomProbes = 16

// allocRetries bounds the retries of an allocation that lost a race to open a new list.
const allocRetries = 8

func validPurpose(purpose string) error {
	for _, p := range pokot.StatusPurposes {
		if p == purpose {
			return nil
		}
	}
	return pokot.FieldError("purpose", "err.status_purpose", "the status purpose must be revocation or suspension")
}

func errStatusNotFound() error {
	return &pokot.Error{Code: pokot.ENOTFOUND, Key: "err.status_not_found", Message: "no credential has this status list index"}
}

func errListNotFound() error {
	return &pokot.Error{Code: pokot.ENOTFOUND, Key: "err.status_list_not_found", Message: "status list not found"}
}

const statusEntryColumns = `org_id, purpose, list_no, idx, credential_id, is_set, reason, changed_at, created_at`

func scanStatusEntry(s interface{ Scan(...any) error }) (*pokot.StatusEntry, error) {
	e := &pokot.StatusEntry{}
	err := s.Scan(&e.OrgID, &e.Purpose, &e.List, &e.Index, &e.CredentialID, &e.Set, &e.Reason, nullTimeCol{&e.Changed}, timeCol{&e.Created})
	return e, err
}

// AllocateStatus reserves one unused random index in the newest list of the organisation and
// purpose with room, opening a new list when it is full. The list row is locked for the
// transaction (PostgreSQL; SQLite writers run one at a time) and the primary key of
// status_entries refuses a second holder of an index whatever happens, so an index is never
// handed out twice. EINVALID, ENOTFOUND.
func (db *DB) AllocateStatus(ctx context.Context, orgID int64, purpose, credentialID string, size int) (*pokot.StatusEntry, error) {
	es, err := db.AllocateStatuses(ctx, orgID, purpose, []string{credentialID}, size)
	if err != nil {
		return nil, err
	}
	return es[0], nil
}

// AllocateStatuses is AllocateStatus for a batch, one entry per credential id, in one
// transaction: all or none are allocated. EINVALID, ENOTFOUND.
func (db *DB) AllocateStatuses(ctx context.Context, orgID int64, purpose string, credentialIDs []string, size int) ([]*pokot.StatusEntry, error) {
	if err := validPurpose(purpose); err != nil {
		return nil, err
	}
	if size == 0 {
		size = minStatusListSize
	}
	if size < minStatusListSize || size > status.MaxSize {
		return nil, pokot.FieldError("size", "err.status_list_size", "a status list has 131,072 to 134,217,728 entries")
	}
	var es []*pokot.StatusEntry
	var err error
	for try := 0; try < allocRetries; try++ {
		err = db.tx(ctx, func(tx *sql.Tx) error {
			es = make([]*pokot.StatusEntry, len(credentialIDs))
			for i, id := range credentialIDs {
				var err error
				if es[i], err = db.allocate(ctx, tx, orgID, purpose, id, size); err != nil {
					return err
				}
			}
			return nil
		})
		if pokot.ErrorCode(err) != pokot.ECONFLICT {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	return es, nil
}

func (db *DB) allocate(ctx context.Context, tx *sql.Tx, orgID int64, purpose, credentialID string, size int) (*pokot.StatusEntry, error) {
	now := db.now().UTC().Truncate(timeUnit)
	var listNo, listSize, used int
	err := tx.QueryRowContext(ctx, `
		SELECT list_no, size, used FROM status_lists WHERE org_id = $1 AND purpose = $2
		ORDER BY list_no DESC LIMIT 1`+db.forUpdate(), orgID, purpose).Scan(&listNo, &listSize, &used)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	if errors.Is(err, sql.ErrNoRows) || used >= listSize {
		// Open the next list; a concurrent opener makes this a unique violation (ECONFLICT)
		// and AllocateStatus retries.
		listNo, listSize, used = listNo+1, size, 0
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO status_lists (org_id, purpose, list_no, size, created_at) VALUES ($1, $2, $3, $4, $5)`,
			orgID, purpose, listNo, listSize, db.ts(now)); err != nil {
			return nil, err
		}
	}
	e := &pokot.StatusEntry{OrgID: orgID, Purpose: purpose, List: listNo, CredentialID: credentialID, Created: now}
	insert := func(idx int) (bool, error) {
		res, err := tx.ExecContext(ctx, `
			INSERT INTO status_entries (org_id, purpose, list_no, idx, credential_id, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
			orgID, purpose, listNo, idx, credentialID, db.ts(now))
		if err != nil {
			return false, err
		}
		n, err := res.RowsAffected()
		return n == 1, err
	}
	found := false
	for i := 0; i < randomProbes && !found; i++ {
		e.Index = randIndex(listSize)
		if found, err = insert(e.Index); err != nil {
			return nil, err
		}
	}
	if !found {
		// The list is nearly full: pick uniformly among the free indices.
		usedIdx, err := db.usedIndices(ctx, tx, orgID, purpose, listNo)
		if err != nil {
			return nil, err
		}
		a, err := status.NewAllocator(listSize, usedIdx)
		if err != nil {
			return nil, err
		}
		if e.Index, err = a.Next(); err != nil {
			return nil, err
		}
		if found, err = insert(e.Index); err != nil {
			return nil, err
		} else if !found {
			return nil, pokot.Errorf(pokot.ECONFLICT, "status index %d taken concurrently", e.Index)
		}
	}
	_, err = tx.ExecContext(ctx, `UPDATE status_lists SET used = used + 1 WHERE org_id = $1 AND purpose = $2 AND list_no = $3`, orgID, purpose, listNo)
	return e, err
}

func (db *DB) usedIndices(ctx context.Context, q querier, orgID int64, purpose string, listNo int) ([]int, error) {
	rows, err := q.QueryContext(ctx, `SELECT idx FROM status_entries WHERE org_id = $1 AND purpose = $2 AND list_no = $3`, orgID, purpose, listNo)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var i int
		if err := rows.Scan(&i); err != nil {
			return nil, err
		}
		out = append(out, i)
	}
	return out, rows.Err()
}

// randIndex returns a uniformly random index below n (n ≤ 2^27, so the modulo bias of a
// 64-bit draw is below 2^-36).
func randIndex(n int) int {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("crypto/rand: " + err.Error())
	}
	return int(binary.LittleEndian.Uint64(b[:]) % uint64(n))
}

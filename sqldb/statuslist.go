package sqldb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"time"

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
	if purpose == pokot.StatusMessage {
		return nil
	}
	for _, p := range pokot.StatusPurposes {
		if p == purpose {
			return nil
		}
	}
	return pokot.FieldError("purpose", "err.status_purpose", "the status purpose must be revocation, suspension or message")
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
// transaction: all or none are allocated. The entries are inserted many rows per statement,
// so a batch of thousands costs a few dozen round trips. EINVALID, ENOTFOUND.
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
			now := db.now().UTC().Truncate(timeUnit)
			for done := 0; done < len(credentialIDs); {
				n, err := db.allocate(ctx, tx, orgID, purpose, credentialIDs[done:], es[done:], size, now)
				if err != nil {
					return err
				}
				done += n
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

// allocate fills entries for as many of ids as the newest list with room takes (opening a
// new list when the newest is full) and returns how many it filled. The list row stays
// locked until the end of the transaction, so no other allocator inserts into it meanwhile.
func (db *DB) allocate(ctx context.Context, tx *sql.Tx, orgID int64, purpose string, ids []string, entries []*pokot.StatusEntry, size int, now time.Time) (int, error) {
	var listNo, listSize, used int
	err := tx.QueryRowContext(ctx, `
		SELECT list_no, size, used FROM status_lists WHERE org_id = $1 AND purpose = $2
		ORDER BY list_no DESC LIMIT 1`+db.forUpdate(), orgID, purpose).Scan(&listNo, &listSize, &used)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	if errors.Is(err, sql.ErrNoRows) || used >= listSize {
		// Open the next list; a concurrent opener makes this a unique violation (ECONFLICT)
		// and AllocateStatuses retries.
		listNo, listSize, used = listNo+1, size, 0
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO status_lists (org_id, purpose, list_no, size, created_at) VALUES ($1, $2, $3, $4, $5)`,
			orgID, purpose, listNo, listSize, db.ts(now)); err != nil {
			return 0, err
		}
	}
	k := min(len(ids), listSize-used)
	pending := make([]int, k) // positions in ids still without an index
	for i := range pending {
		pending[i] = i
	}
	place := func(pos []int, idx []int) error {
		got, err := db.insertEntries(ctx, tx, orgID, purpose, listNo, ids, pos, idx, now)
		if err != nil {
			return err
		}
		var left []int
		for i, p := range pos {
			if !got[idx[i]] {
				left = append(left, p)
				continue
			}
			entries[p] = &pokot.StatusEntry{OrgID: orgID, Purpose: purpose, List: listNo, Index: idx[i], CredentialID: ids[p], Created: now}
		}
		pending = left
		return nil
	}
	// Rounds of random probes, each retrying the previous round's collisions.
	for round := 0; round < randomProbes && len(pending) > 0; round++ {
		idx := make([]int, len(pending))
		seen := make(map[int]bool, len(pending))
		for i := range idx {
			for {
				idx[i] = randIndex(listSize)
				if !seen[idx[i]] {
					seen[idx[i]] = true
					break
				}
			}
		}
		if err := place(pending, idx); err != nil {
			return 0, err
		}
	}
	if len(pending) > 0 {
		// The list is nearly full: pick uniformly among the free indices.
		usedIdx, err := db.usedIndices(ctx, tx, orgID, purpose, listNo)
		if err != nil {
			return 0, err
		}
		a, err := status.NewAllocator(listSize, usedIdx)
		if err != nil {
			return 0, err
		}
		idx := make([]int, len(pending))
		for i := range idx {
			if idx[i], err = a.Next(); err != nil {
				return 0, err
			}
		}
		if err := place(pending, idx); err != nil {
			return 0, err
		}
		if len(pending) > 0 {
			return 0, pokot.Errorf(pokot.ECONFLICT, "status indices taken concurrently")
		}
	}
	_, err = tx.ExecContext(ctx, `UPDATE status_lists SET used = used + $1 WHERE org_id = $2 AND purpose = $3 AND list_no = $4`, k, orgID, purpose, listNo)
	return k, err
}

// entriesPerInsert bounds the rows of one INSERT (two parameters each, under SQLite's and
// PostgreSQL's parameter limits).
const entriesPerInsert = 1000

// insertEntries inserts the entries (ids[pos[i]] at index idx[i]) that are free and reports
// which indices it took.
func (db *DB) insertEntries(ctx context.Context, tx *sql.Tx, orgID int64, purpose string, listNo int, ids []string, pos, idx []int, now time.Time) (map[int]bool, error) {
	got := make(map[int]bool, len(pos))
	for start := 0; start < len(pos); start += entriesPerInsert {
		end := min(start+entriesPerInsert, len(pos))
		// The constant columns come first, so that placeholders first appear in ascending
		// order, as SQLite binds them.
		var q strings.Builder
		q.WriteString(`INSERT INTO status_entries (org_id, purpose, list_no, created_at, idx, credential_id) VALUES `)
		args := []any{orgID, purpose, listNo, db.ts(now)}
		for i := start; i < end; i++ {
			if i > start {
				q.WriteString(", ")
			}
			fmt.Fprintf(&q, "($1, $2, $3, $4, $%d, $%d)", len(args)+1, len(args)+2)
			args = append(args, idx[i], ids[pos[i]])
		}
		q.WriteString(` ON CONFLICT DO NOTHING RETURNING idx`)
		rows, err := tx.QueryContext(ctx, q.String(), args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var i int
			if err := rows.Scan(&i); err != nil {
				rows.Close()
				return nil, err
			}
			got[i] = true
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return got, nil
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

package sqldb

import (
	"context"
	"database/sql"
	"strings"
	"testing"
)

// TestLearnerRegistrationsUseIndexes: the query of a learner's registrations reads the
// registrations by the indexes on user_id and email (migration 0013) instead of scanning
// the table. On PostgreSQL sequential scans are priced out for the plan, since a test
// table is too small for the planner to prefer an index on its own.
func TestLearnerRegistrationsUseIndexes(t *testing.T) {
	ctx := context.Background()
	db := newTestDB(t)
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	q := "EXPLAIN QUERY PLAN " + learnerRegistrationsQuery
	if db.dialect == Postgres {
		if _, err := tx.ExecContext(ctx, `SET LOCAL enable_seqscan = off`); err != nil {
			t.Fatal(err)
		}
		q = "EXPLAIN " + learnerRegistrationsQuery
	}
	plan := explain(t, tx, q, int64(1))
	for _, idx := range []string{"registrations_user", "registrations_email"} {
		if !strings.Contains(plan, idx) {
			t.Errorf("the plan does not use %s:\n%s", idx, plan)
		}
	}
	if db.dialect == SQLite && strings.Contains(plan, "SCAN r") {
		t.Errorf("the plan scans the registrations:\n%s", plan)
	}
}

// explain returns the plan of q, one line a row, whatever the engine's columns.
func explain(t *testing.T, tx *sql.Tx, q string, args ...any) string {
	t.Helper()
	rows, err := tx.Query(q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for _, v := range vals {
			switch v := v.(type) {
			case string:
				b.WriteString(v + " ")
			case []byte:
				b.WriteString(string(v) + " ")
			}
		}
		b.WriteString("\n")
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

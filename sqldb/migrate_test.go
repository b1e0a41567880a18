package sqldb_test

import (
	"sync"
	"testing"

	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

func TestMigrateIdempotent(t *testing.T) {
	t.Parallel()
	dsn := sqldbtest.DSN(t)
	fresh, err := sqldb.Connect(ctx, dsn, nil)
	must(t, err)
	ms, err := fresh.Migrations(ctx)
	must(t, err)
	if len(ms) == 0 || ms[0].Name != "0001-foundation" {
		t.Fatalf("Migrations = %+v", ms)
	}
	for _, m := range ms {
		if m.Applied != nil {
			t.Fatalf("%s applied before Migrate", m.Name)
		}
	}
	applied, err := fresh.Migrate(ctx)
	must(t, err)
	if len(applied) != len(ms) {
		t.Fatalf("Migrate applied %v, want %d migrations", applied, len(ms))
	}
	fresh.Close()

	for i := 0; i < 2; i++ {
		db, err := sqldb.Open(ctx, dsn, nil)
		must(t, err)
		again, err := db.Migrate(ctx)
		must(t, err)
		if len(again) != 0 {
			t.Fatalf("second Migrate applied %v", again)
		}
		ms, err := db.Migrations(ctx)
		must(t, err)
		for _, m := range ms {
			if m.Applied == nil {
				t.Fatalf("%s pending after Migrate", m.Name)
			}
		}
		newUser(t, db, "stillworks")
		db.Close()
	}
}

// TestConcurrentOpen starts several "processes" against one new database at once: every
// Open succeeds and each migration is applied exactly once.
func TestConcurrentOpen(t *testing.T) {
	t.Parallel()
	dsn := sqldbtest.DSN(t)
	const n = 4
	var wg sync.WaitGroup
	applied := make([][]string, n)
	errs := make([]error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := sqldb.Connect(ctx, dsn, nil)
			if err != nil {
				errs[i] = err
				return
			}
			defer db.Close()
			applied[i], errs[i] = db.Migrate(ctx)
		}()
	}
	wg.Wait()
	count := map[string]int{}
	for i := range errs {
		must(t, errs[i])
		for _, name := range applied[i] {
			count[name]++
		}
	}
	db, err := sqldb.Open(ctx, dsn, nil)
	must(t, err)
	defer db.Close()
	ms, err := db.Migrations(ctx)
	must(t, err)
	for _, m := range ms {
		if count[m.Name] != 1 {
			t.Errorf("migration %s applied %d times", m.Name, count[m.Name])
		}
	}
}

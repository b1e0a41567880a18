package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/pokot/pokot/sqldb"
)

func init() {
	commands["migrate"] = command{summary: "apply the database migrations and list them", run: runMigrate}
}

// dbFlag adds --db, which shows the built-in default, never POKOT_DB (a DSN may hold a
// password); call dbDSN after parsing.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "pokot.db", "SQLite file or postgres:// DSN (env POKOT_DB)")
}

// dbDSN returns --db when given, else POKOT_DB, else the default.
func dbDSN(fs *flag.FlagSet, flagValue string) string {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == "db" })
	if v, ok := os.LookupEnv("POKOT_DB"); ok && !set && strings.TrimSpace(v) != "" {
		return strings.TrimSpace(v)
	}
	return flagValue
}

func runMigrate(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dsn := dbFlag(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: pokot migrate [--db DSN]\n\nApplies the pending database migrations and lists every migration with the time it was applied.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageExit(err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "pokot migrate: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	db, err := sqldb.Connect(ctx, dbDSN(fs, *dsn), nil)
	if err != nil {
		fmt.Fprintln(stderr, "pokot migrate:", err)
		return 1
	}
	defer db.Close()
	applied, err := db.Migrate(ctx)
	for _, n := range applied {
		fmt.Fprintf(stdout, "applied %s\n", n)
	}
	if err != nil {
		fmt.Fprintln(stderr, "pokot migrate:", err)
		return 1
	}
	all, err := db.Migrations(ctx)
	if err != nil {
		fmt.Fprintln(stderr, "pokot migrate:", err)
		return 1
	}
	if len(applied) == 0 {
		fmt.Fprintf(stdout, "%s database is up to date (%d migrations)\n", db.Dialect(), len(all))
	} else {
		fmt.Fprintf(stdout, "%s database migrated: %d applied now, %d in all\n", db.Dialect(), len(applied), len(all))
	}
	return 0
}

package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	domain "github.com/pokot/pokot"
	"github.com/pokot/pokot/password"
	"github.com/pokot/pokot/sqldb"
)

func init() {
	commands["user"] = command{summary: "manage accounts: pokot user add --email E [--admin]", run: runUser}
}

func runUser(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "add" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			fmt.Fprintln(stderr, "Usage: pokot user add --email E [--name N] [--admin] [--password-stdin] [--db DSN]")
			return 0
		}
		fmt.Fprintln(stderr, "Usage: pokot user add --email E [--name N] [--admin] [--password-stdin] [--db DSN]")
		return 2
	}
	fs := flag.NewFlagSet("user add", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dsn := dbFlag(fs)
	email := fs.String("email", "", "e-mail address of the new account (required)")
	name := fs.String("name", "", "full name")
	admin := fs.Bool("admin", false, "make the account a platform administrator")
	lang := fs.String("lang", "fi", "preferred language: fi, sv or en")
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input instead of generating one")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: pokot user add --email E [--name N] [--admin] [--password-stdin] [--db DSN]\n\nCreates an account. Without --password-stdin a random password is generated and printed once.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args[1:]); err != nil {
		return usageExit(err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "pokot user add: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	addr, err := domain.NormalizeEmail(*email)
	if err != nil {
		fmt.Fprintf(stderr, "pokot user add: --email %q: not a valid e-mail address\n", *email)
		return 2
	}
	l, ok := domain.ParseLang(*lang)
	if !ok {
		fmt.Fprintf(stderr, "pokot user add: --lang %q: want fi, sv or en\n", *lang)
		return 2
	}
	pw, generated := "", false
	if *fromStdin {
		line, err := bufio.NewReader(io.LimitReader(stdin, 4096)).ReadString('\n')
		if err != nil && err != io.EOF {
			fmt.Fprintln(stderr, "pokot user add: reading the password:", err)
			return 1
		}
		pw = strings.TrimRight(line, "\r\n")
		if err := password.Check(pw, addr); err != nil {
			fmt.Fprintln(stderr, "pokot user add: password:", message(err))
			return 2
		}
	} else {
		pw, generated = password.Generate(), true
	}
	hash, err := password.Hash(pw)
	if err != nil {
		fmt.Fprintln(stderr, "pokot user add:", err)
		return 1
	}
	db, err := sqldb.Open(ctx, dbDSN(fs, *dsn), nil)
	if err != nil {
		fmt.Fprintln(stderr, "pokot user add:", err)
		return 1
	}
	defer db.Close()
	u := &domain.User{Email: addr, Name: strings.TrimSpace(*name), PasswordHash: hash, Admin: *admin, Lang: l}
	if err := db.CreateUser(ctx, u); err != nil {
		if domain.ErrorCode(err) == domain.ECONFLICT {
			fmt.Fprintf(stderr, "pokot user add: an account with the address %s already exists\n", addr)
			return 1
		}
		fmt.Fprintln(stderr, "pokot user add:", message(err))
		return 1
	}
	role := "user"
	if u.Admin {
		role = "platform administrator"
	}
	fmt.Fprintf(stdout, "created %s %s (id %d)\n", role, u.Email, u.ID)
	if generated {
		fmt.Fprintf(stdout, "password: %s\n(shown only this once; change it after signing in)\n", pw)
	}
	return 0
}

// message returns the English message of a domain error, or its text.
func message(err error) string {
	if e, ok := err.(*domain.Error); ok && e.Message != "" {
		return e.Message
	}
	var es domain.Errors
	if x, ok := err.(domain.Errors); ok {
		es = x
	}
	if len(es) > 0 && es[0].Message != "" {
		return es[0].Message
	}
	return err.Error()
}

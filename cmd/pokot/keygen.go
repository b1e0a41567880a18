package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/pokot/pokot/credential/key"
)

func init() {
	commands["keygen"] = command{summary: "create an Ed25519 issuer key file and print its did:key", run: runKeygen}
}

func runKeygen(_ context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("keygen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "pokot-key.json", "key file to create (mode 0600; an existing file is never overwritten)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: pokot keygen [--out FILE]\n\nCreates a new Ed25519 key file and prints the key's did:key.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageExit(err)
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	kp, err := key.Generate()
	if err != nil {
		fmt.Fprintln(stderr, "pokot keygen:", err)
		return 1
	}
	if err := key.WriteFile(*out, kp); err != nil {
		fmt.Fprintln(stderr, "pokot keygen:", err)
		return 1
	}
	fmt.Fprintln(stdout, kp.DID())
	fmt.Fprintf(stderr, "Wrote %s. Keep it secret: whoever has it can issue credentials in your name.\n", *out)
	return 0
}

// usageExit maps a flag parsing error to an exit code: 0 for -h, 2 otherwise.
func usageExit(err error) int {
	if err == flag.ErrHelp {
		return 0
	}
	return 2
}

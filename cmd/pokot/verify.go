package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
)

func init() {
	commands["verify"] = command{summary: "verify credentials (JSON, JSON Lines, JWT, baked PNG or SVG)", run: runVerify}
}

// resolveFlags collects repeated --resolve URL=FILE flags.
type resolveFlags map[string]string

func (r resolveFlags) String() string { return "" }

func (r resolveFlags) Set(v string) error {
	u, f, ok := strings.Cut(v, "=")
	if !ok || u == "" || f == "" {
		return fmt.Errorf("want URL=FILE, got %q", v)
	}
	r[u] = f
	return nil
}

func runVerify(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print one JSON object per credential")
	offline := fs.Bool("offline", false, "never use the network (did:key and --resolve documents only)")
	nowFlag := fs.String("now", "", "check the validity window at this RFC 3339 time (default now)")
	allowPrivate := fs.Bool("allow-private", false, "allow fetching from private and loopback addresses")
	resolves := resolveFlags{}
	fs.Var(resolves, "resolve", "serve the document for URL (a DID document, controller document or status list credential) from FILE; repeatable")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: pokot verify [--json] [--offline] [--resolve URL=FILE]... [--now RFC3339] FILE...\n\n"+
			"FILE is .json, .jsonl, .jwt/.jws, .png, .svg or - for standard input.\n"+
			"Exit status: 0 if every credential verified, 1 if any failed, 2 on usage errors.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageExit(err)
	}
	usageErr := func(msg string) int {
		fmt.Fprintln(stderr, "pokot verify:", msg)
		fs.Usage()
		return 2
	}
	if fs.NArg() == 0 {
		return usageErr("name at least one FILE (or - for standard input)")
	}
	v := &credential.Verifier{Resolver: &key.Resolver{
		Offline: *offline, AllowPrivate: *allowPrivate, Overrides: map[string][]byte{}, CacheTTL: 5 * time.Minute,
	}}
	if *nowFlag != "" {
		t, err := time.Parse(time.RFC3339, *nowFlag)
		if err != nil {
			return usageErr("--now must be an RFC 3339 time such as 2026-01-28T14:00:00Z")
		}
		v.Now = func() time.Time { return t }
	}
	for u, f := range resolves {
		b, err := os.ReadFile(f)
		if err != nil {
			return usageErr(err.Error())
		}
		u, _, _ = strings.Cut(u, "#") // documents are fetched without the fragment
		if strings.HasPrefix(u, "did:web:") {
			if u, err = key.DIDWebURL(u); err != nil {
				return usageErr(err.Error())
			}
		}
		v.Resolver.Overrides[u] = b
	}
	allOK := true
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	for _, name := range fs.Args() {
		data, err := readInput(name, stdin)
		if err != nil {
			return usageErr(err.Error())
		}
		verifyAll(ctx, v, name, data, func(r credential.Result) {
			if !r.Verified {
				allOK = false
			}
			if *asJSON {
				printJSON(out, r)
			} else {
				printHuman(out, r)
			}
		})
	}
	if !allOK {
		return 1
	}
	return 0
}

func readInput(name string, stdin io.Reader) ([]byte, error) {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, credential.MaxInputBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return data, nil // Items reports an input over the limit as a failed credential
}

// verifyAll verifies the credentials of one input on all cores and hands
// each result to emit in input order, a batch at a time, so that memory
// stays bounded however long a JSON Lines file is.
func verifyAll(ctx context.Context, v *credential.Verifier, name string, data []byte, emit func(credential.Result)) {
	items := credential.Items(name, data)
	const batch = 256
	out := make([]credential.Result, batch)
	workers := runtime.GOMAXPROCS(0)
	for lo := 0; lo < len(items); lo += batch {
		part := items[lo:min(lo+batch, len(items))]
		var wg sync.WaitGroup
		next := make(chan int)
		for range min(workers, len(part)) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					out[i] = verifyItem(ctx, v, part[i])
				}
			}()
		}
		for i := range part {
			next <- i
		}
		close(next)
		wg.Wait()
		for i := range part {
			emit(out[i])
			out[i] = credential.Result{}
		}
	}
}

func verifyItem(ctx context.Context, v *credential.Verifier, it credential.Item) credential.Result {
	if it.Err != nil {
		return credential.Result{Source: it.Source, Checks: []credential.Check{{
			Name: "parse", Key: "verify.parse.bad", Message: credential.Message("en", "verify.parse.bad", it.Err.Error()),
		}}}
	}
	r := v.Verify(ctx, it.Source, it.Data)
	r.Credential = nil
	return r
}

type jsonCheck struct {
	Name    string `json:"name"`
	OK      bool   `json:"ok"`
	Message string `json:"message"`
	Key     string `json:"key,omitempty"`
}

func printJSON(w io.Writer, r credential.Result) {
	out := struct {
		Source   string      `json:"source"`
		Verified bool        `json:"verified"`
		Checks   []jsonCheck `json:"checks"`
	}{Source: r.Source, Verified: r.Verified, Checks: make([]jsonCheck, 0, len(r.Checks))}
	for _, c := range r.Checks {
		out.Checks = append(out.Checks, jsonCheck{c.Name, c.OK, c.Message, c.Key})
	}
	b, _ := json.Marshal(out)
	w.Write(append(b, '\n'))
}

// printHuman prints a verdict line and the checks; passing structure rules
// are summarised in one line.
func printHuman(w io.Writer, r credential.Result) {
	verdict := "VERIFIED"
	if !r.Verified {
		verdict = "NOT VERIFIED"
	}
	fmt.Fprintf(w, "%s: %s\n", r.Source, verdict)
	structureOK := 0
	for _, c := range r.Checks {
		if c.OK && strings.HasPrefix(c.Name, "structure.") {
			structureOK++
			continue
		}
		if structureOK > 0 && !strings.HasPrefix(c.Name, "structure.") {
			fmt.Fprintf(w, "  ok    %-26s %d rules passed\n", "structure", structureOK)
			structureOK = -1 << 30
		}
		mark := "ok  "
		if !c.OK {
			mark = "FAIL"
		}
		fmt.Fprintf(w, "  %s  %-26s %s\n", mark, c.Name, c.Message)
	}
}

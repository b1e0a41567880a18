package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
)

func init() {
	commands["sign"] = command{summary: "sign a credential (Data Integrity or VC-JWT) read from standard input", run: runSign}
}

func runSign(_ context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sign", flag.ContinueOnError)
	fs.SetOutput(stderr)
	seed := fs.String("key-seed", "", "Ed25519 seed as 64 hexadecimal digits")
	keyFile := fs.String("key", "", "key file written by 'pokot keygen'")
	format := fs.String("format", credential.FormatDI, "proof format: di (Data Integrity) or jwt (VC-JWT)")
	suite := fs.String("cryptosuite", "eddsa-rdfc-2022", "Data Integrity cryptosuite: eddsa-rdfc-2022 or eddsa-jcs-2022")
	createdFlag := fs.String("created", "", "proof time, RFC 3339 (default now)")
	vm := fs.String("verification-method", "", "verification method id (default the key's did:key method)")
	proofID := fs.String("proof-id", "", "an id for the new proof (e.g. urn:uuid:…), which a later proof's --previous-proof can name")
	previous := fs.String("previous-proof", "", "comma-separated ids of the credential's proofs that the new proof signs too (a proof chain)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: pokot sign (--key-seed HEX64 | --key FILE) [--format di|jwt] [--created RFC3339] < unsigned.json > signed\n\n"+
			"Signs the credential on standard input. An issuer without an id gets the key's did:key.\n"+
			"A credential that is already signed gets one more proof (a proof set; with --previous-proof a chain).")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageExit(err)
	}
	usageErr := func(msg string) int {
		fmt.Fprintln(stderr, "pokot sign:", msg)
		fs.Usage()
		return 2
	}
	if fs.NArg() > 0 {
		return usageErr("unexpected arguments")
	}
	if (*seed == "") == (*keyFile == "") {
		return usageErr("give exactly one of --key-seed and --key")
	}
	if *format != credential.FormatDI && *format != credential.FormatJWT {
		return usageErr("--format must be di or jwt")
	}
	if *suite != "eddsa-rdfc-2022" && *suite != "eddsa-jcs-2022" {
		return usageErr("--cryptosuite must be eddsa-rdfc-2022 or eddsa-jcs-2022")
	}
	var created time.Time
	if *createdFlag != "" {
		t, err := time.Parse(time.RFC3339, *createdFlag)
		if err != nil {
			return usageErr("--created must be an RFC 3339 time such as 2026-01-28T14:00:00Z")
		}
		created = t
	}
	var kp *key.KeyPair
	var err error
	if *seed != "" {
		kp, err = key.ParseSeedHex(*seed)
	} else {
		kp, err = key.ReadFile(*keyFile)
	}
	if err != nil {
		fmt.Fprintln(stderr, "pokot sign:", err)
		return 2
	}
	data, err := io.ReadAll(io.LimitReader(stdin, credential.MaxCredentialBytes+1))
	if err != nil {
		fmt.Fprintln(stderr, "pokot sign: reading standard input:", err)
		return 1
	}
	if len(data) > credential.MaxCredentialBytes {
		fmt.Fprintf(stderr, "pokot sign: the credential is larger than %d bytes\n", credential.MaxCredentialBytes)
		return 1
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil || doc == nil {
		fmt.Fprintln(stderr, "pokot sign: standard input is not a JSON object")
		return 1
	}
	opts := credential.SignOptions{Cryptosuite: *suite, Created: created, VerificationMethod: *vm, ProofID: *proofID}
	for _, id := range strings.Split(*previous, ",") {
		if id = strings.TrimSpace(id); id != "" {
			opts.PreviousProof = append(opts.PreviousProof, id)
		}
	}
	_, hasProof := doc["proof"]
	if *format == credential.FormatJWT && (hasProof || *proofID != "" || len(opts.PreviousProof) > 0) {
		return usageErr("--format jwt signs an unsigned credential; --proof-id and --previous-proof are for Data Integrity proofs")
	}
	if len(opts.PreviousProof) > 0 && !hasProof {
		return usageErr("--previous-proof needs a credential that is already signed")
	}
	if iss := credential.IssuerID(doc); hasProof && iss != kp.DID() {
		fmt.Fprintf(stderr, "pokot sign: adding a proof by %s to the issuer's (a co-signature, e.g. an endorser's)\n", kp.DID())
	} else if iss != "" && iss != kp.DID() && *vm == "" {
		fmt.Fprintf(stderr, "pokot sign: warning: the issuer is %s, not the key's %s; verifiers will only accept the signature\n"+
			"if the issuer lists this key (give its id with --verification-method)\n", iss, kp.DID())
	}
	if *format == credential.FormatJWT {
		jwt, err := credential.SignJWT(doc, kp, opts)
		if err != nil {
			fmt.Fprintln(stderr, "pokot sign:", err)
			return 1
		}
		fmt.Fprintln(stdout, jwt)
		return 0
	}
	signed, err := credential.Sign(doc, kp, opts)
	if err != nil {
		fmt.Fprintln(stderr, "pokot sign:", err)
		return 1
	}
	out, err := json.MarshalIndent(signed, "", "  ")
	if err != nil {
		fmt.Fprintln(stderr, "pokot sign:", err)
		return 1
	}
	stdout.Write(append(out, '\n'))
	return 0
}

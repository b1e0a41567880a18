package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/bake"
)

func init() {
	commands["bake"] = command{summary: "bake a signed credential into a PNG or SVG badge image", run: runBake}
}

func runBake(_ context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bake", flag.ContinueOnError)
	fs.SetOutput(stderr)
	png := fs.String("png", "", "PNG image to bake into")
	svg := fs.String("svg", "", "SVG image to bake into")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: pokot bake (--png IMAGE | --svg IMAGE) < signed-credential > baked-image\n\n"+
			"Embeds the credential (JSON or VC-JWT) read from standard input into a copy of the image.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageExit(err)
	}
	if fs.NArg() > 0 || (*png == "") == (*svg == "") {
		fmt.Fprintln(stderr, "pokot bake: give exactly one of --png and --svg")
		fs.Usage()
		return 2
	}
	path := *png + *svg
	image, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(stderr, "pokot bake:", err)
		return 2
	}
	cred, err := io.ReadAll(io.LimitReader(stdin, credential.MaxCredentialBytes+1))
	if err != nil {
		fmt.Fprintln(stderr, "pokot bake: reading standard input:", err)
		return 1
	}
	cred = bytes.TrimSpace(cred)
	var out []byte
	if *png != "" {
		out, err = bake.PNG(image, cred)
	} else {
		out, err = bake.SVG(image, cred)
	}
	if err != nil {
		fmt.Fprintln(stderr, "pokot bake:", err)
		return 1
	}
	stdout.Write(out)
	return 0
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
)

// writeJSONL signs n copies of the typical 1EdTech OB 3.0 badge (each with
// its own id, issuer the key's did:key) into a JSON Lines file.
func writeJSONL(b *testing.B, path string, n int) {
	raw, err := os.ReadFile("../../credential/testdata/ob3/ob3-ldp-unsigned.json")
	if err != nil {
		b.Fatal(err)
	}
	kp, _ := key.ParseSeedHex(w3cSeed)
	var buf bytes.Buffer
	created := time.Date(2026, 1, 28, 14, 0, 0, 0, time.UTC)
	for i := range n {
		var doc map[string]any
		json.Unmarshal(raw, &doc)
		delete(doc["issuer"].(map[string]any), "id")
		doc["id"] = "urn:uuid:00000000-0000-4000-8000-" + strings.Repeat("0", 12-len(itoa(i))) + itoa(i)
		signed, err := credential.Sign(doc, kp, credential.SignOptions{Created: created})
		if err != nil {
			b.Fatal(err)
		}
		line, _ := json.Marshal(signed)
		buf.Write(append(line, '\n'))
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

// BenchmarkVerifyJSONL10000 runs `pokot verify --json --offline` on a
// 10,000-line JSON Lines file (set POKOT_BENCH_JSONL to keep the file at
// that path). It reports credentials per second and bytes allocated per
// credential; GOMAXPROCS (-cpu) sets the number of verifying workers.
func BenchmarkVerifyJSONL10000(b *testing.B) {
	const n = 10_000
	path := os.Getenv("POKOT_BENCH_JSONL")
	if path == "" {
		path = filepath.Join(b.TempDir(), "10000.jsonl")
	}
	if _, err := os.Stat(path); err != nil {
		writeJSONL(b, path, n)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var ru0, ru1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	b.ResetTimer()
	for b.Loop() {
		var errb bytes.Buffer
		if code := run(context.Background(), []string{"verify", "--json", "--offline", "--now", "2027-01-01T00:00:00Z", path},
			strings.NewReader(""), io.Discard, &errb); code != 0 {
			b.Fatalf("exit %d: %s", code, errb.String())
		}
	}
	runtime.ReadMemStats(&after)
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
	cpu := float64(ru1.Utime.Nano() + ru1.Stime.Nano() - ru0.Utime.Nano() - ru0.Stime.Nano())
	// CPU time per credential is steadier than wall time on a shared machine.
	b.ReportMetric(cpu/float64(n*b.N), "cpu-ns/cred")
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "creds/s")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(n*b.N), "B/cred")
}

package issuer_test

import (
	"net/http/httptest"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/pokot/pokot"
)

// BenchmarkSign signs the OB 3.0 example in an organisation's name: the active key read,
// a revocation index allocated (one transaction) and an eddsa-rdfc-2022 proof.
func BenchmarkSign(b *testing.B) {
	e := newEnv(b, "https://pokot.example.fi")
	doc := unsigned(b)
	delete(doc, "id")
	if _, err := e.svc.Sign(ctx, e.org, doc); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	defer reportCPU(b)()
	for i := 0; i < b.N; i++ {
		if _, err := e.svc.Sign(ctx, e.org, doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStatusListGET serves the cached signed status list.
func BenchmarkStatusListGET(b *testing.B) {
	e := newEnv(b, "https://pokot.example.fi")
	if _, err := e.svc.Sign(ctx, e.org, unsigned(b)); err != nil {
		b.Fatal(err)
	}
	h := e.svc.Handler()
	b.ResetTimer()
	defer reportCPU(b)()
	for i := 0; i < b.N; i++ {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "/orgs/omnia/status/message/1", nil))
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkRevoke revokes one credential and re-signs its 131,072-entry status list.
func BenchmarkRevoke(b *testing.B) {
	e := newEnv(b, "https://pokot.example.fi")
	entries := make([]map[string]any, b.N)
	for i := range entries {
		var err error
		if entries[i], err = e.svc.AllocateStatus(ctx, e.org, pokot.StatusRevocation, ""); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	defer reportCPU(b)()
	for i := 0; i < b.N; i++ {
		var idx int
		for _, c := range entries[i]["statusListIndex"].(string) {
			idx = idx*10 + int(c-'0')
		}
		if _, err := e.svc.SetStatus(ctx, e.org, pokot.StatusRevocation, 1, idx, true, "bench"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSuspend suspends one Open Badge and re-signs its message list (131,072
// two-bit entries, 32 KiB of bits).
func BenchmarkSuspend(b *testing.B) {
	e := newEnv(b, "https://pokot.example.fi")
	entries := make([]map[string]any, b.N)
	for i := range entries {
		var err error
		if entries[i], err = e.svc.AllocateStatus(ctx, e.org, pokot.StatusMessage, ""); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	defer reportCPU(b)()
	for i := 0; i < b.N; i++ {
		idx, err := strconv.Atoi(entries[i]["statusListIndex"].(string))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := e.svc.SetStatusValue(ctx, e.org, 1, idx, pokot.StatusValueSuspended, "bench"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSignBatch signs batches of 1,000 credentials; ns/op is per credential.
func BenchmarkSignBatch(b *testing.B) {
	e := newEnv(b, "https://pokot.example.fi")
	doc := unsigned(b)
	delete(doc, "id")
	batch := make([]map[string]any, 1000)
	for i := range batch {
		batch[i] = doc
	}
	if _, err := e.svc.Sign(ctx, e.org, doc); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	defer reportCPU(b)()
	for n := 0; n < b.N; n += len(batch) {
		if _, err := e.svc.SignBatch(ctx, e.org, batch); err != nil {
			b.Fatal(err)
		}
	}
}

// reportCPU reports the process CPU time per operation (cpu-ns/op), which a loaded machine
// does not inflate as it does wall time; on SQLite it includes the database's work.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() { b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op") }
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

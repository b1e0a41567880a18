package metrics_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/pokot/pokot/metrics"
)

// BenchmarkInstrument measures the cost that request metrics add to every request.
func BenchmarkInstrument(b *testing.B) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items/{id}", func(w http.ResponseWriter, r *http.Request) {})
	h := metrics.New(nil).Instrument(mux)
	req := httptest.NewRequest("GET", "/items/7", nil)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		w := httptest.NewRecorder()
		for pb.Next() {
			h.ServeHTTP(w, req)
		}
	})
}

// BenchmarkBareMux is the same request without metrics, for comparison.
func BenchmarkBareMux(b *testing.B) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items/{id}", func(w http.ResponseWriter, r *http.Request) {})
	req := httptest.NewRequest("GET", "/items/7", nil)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		w := httptest.NewRecorder()
		for pb.Next() {
			mux.ServeHTTP(w, req)
		}
	})
}

package metrics

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// buckets are the upper bounds, in seconds, of the request duration histogram.
var buckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

type requestKey struct{ route, method, status string }

type durationKey struct{ route, method string }

type histogram struct {
	counts []uint64 // per bucket, not cumulative
	count  uint64
	sum    float64
}

// routeKey is the context key of the *string that SetRoute fills.
type routeKey struct{}

// SetRoute records the route pattern that served a request for the enclosing Instrument.
// Instrument reads r.Pattern itself; handlers only need SetRoute when the request that the
// router saw is a copy (http.StripPrefix, r.WithContext) of the one Instrument passed on.
func SetRoute(ctx context.Context, pattern string) {
	if p, ok := ctx.Value(routeKey{}).(*string); ok && pattern != "" {
		*p = pattern
	}
}

// Instrument counts and times every request that next serves, labelled by the route
// pattern that ServeMux matched (or "unmatched"), the method and the status code.
func (r *Registry) Instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		start := time.Now()
		var route string
		req = req.WithContext(context.WithValue(req.Context(), routeKey{}, &route))
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			if route == "" {
				route = req.Pattern
			}
			r.observe(route, req.Method, sw.status(), time.Since(start))
		}()
		next.ServeHTTP(sw, req)
	})
}

func (r *Registry) observe(route, method string, status int, d time.Duration) {
	if route == "" {
		route = "unmatched"
	}
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions:
	default:
		method = "OTHER" // keeps the label set bounded
	}
	secs := d.Seconds()
	r.mu.Lock()
	defer r.mu.Unlock()
	r.requests[requestKey{route, method, strconv.Itoa(status)}]++
	h := r.durations[durationKey{route, method}]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(buckets))}
		r.durations[durationKey{route, method}] = h
	}
	for i, ub := range buckets {
		if secs <= ub {
			h.counts[i]++
			break
		}
	}
	h.count++
	h.sum += secs
}

func (r *Registry) writeHTTP(w *strings.Builder) {
	r.mu.Lock()
	defer r.mu.Unlock()

	writeHeader(w, "pokot_http_requests_total", "HTTP requests by route pattern, method and status code.", "counter")
	rks := make([]requestKey, 0, len(r.requests))
	for k := range r.requests {
		rks = append(rks, k)
	}
	sort.Slice(rks, func(i, j int) bool {
		a, b := rks[i], rks[j]
		if a.route != b.route {
			return a.route < b.route
		}
		if a.method != b.method {
			return a.method < b.method
		}
		return a.status < b.status
	})
	for _, k := range rks {
		fmt.Fprintf(w, "pokot_http_requests_total{route=\"%s\",method=\"%s\",status=\"%s\"} %d\n",
			escapeLabel(k.route), k.method, k.status, r.requests[k])
	}

	writeHeader(w, "pokot_http_request_duration_seconds", "Time to serve HTTP requests by route pattern and method.", "histogram")
	dks := make([]durationKey, 0, len(r.durations))
	for k := range r.durations {
		dks = append(dks, k)
	}
	sort.Slice(dks, func(i, j int) bool {
		if dks[i].route != dks[j].route {
			return dks[i].route < dks[j].route
		}
		return dks[i].method < dks[j].method
	})
	for _, k := range dks {
		h := r.durations[k]
		labels := fmt.Sprintf("route=\"%s\",method=\"%s\"", escapeLabel(k.route), k.method)
		var cum uint64
		for i, ub := range buckets {
			cum += h.counts[i]
			fmt.Fprintf(w, "pokot_http_request_duration_seconds_bucket{%s,le=\"%s\"} %d\n", labels, formatFloat(ub), cum)
		}
		fmt.Fprintf(w, "pokot_http_request_duration_seconds_bucket{%s,le=\"+Inf\"} %d\n", labels, h.count)
		fmt.Fprintf(w, "pokot_http_request_duration_seconds_sum{%s} %s\n", labels, formatFloat(h.sum))
		fmt.Fprintf(w, "pokot_http_request_duration_seconds_count{%s} %d\n", labels, h.count)
	}
}

// statusWriter remembers the status code that the handler wrote.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 && code >= 200 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach Flush and deadlines of the real writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Flush passes flushes through for streaming handlers.
func (w *statusWriter) Flush() {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	http.NewResponseController(w.ResponseWriter).Flush()
}

func (w *statusWriter) status() int {
	if w.code == 0 {
		return http.StatusOK
	}
	return w.code
}

// DBStats registers the gauges of a database connection pool read from stats.
func (r *Registry) DBStats(stats func() sql.DBStats) {
	g := func(f func(s sql.DBStats) float64) Func {
		return func(context.Context) (float64, error) { return f(stats()), nil }
	}
	r.Gauge("pokot_db_open_connections", "Open database connections, in use and idle.", g(func(s sql.DBStats) float64 { return float64(s.OpenConnections) }))
	r.Gauge("pokot_db_in_use_connections", "Database connections in use.", g(func(s sql.DBStats) float64 { return float64(s.InUse) }))
	r.Gauge("pokot_db_idle_connections", "Idle database connections.", g(func(s sql.DBStats) float64 { return float64(s.Idle) }))
	r.Counter("pokot_db_wait_count_total", "Connections waited for because the pool was exhausted.", g(func(s sql.DBStats) float64 { return float64(s.WaitCount) }))
	r.Counter("pokot_db_wait_duration_seconds_total", "Total time spent waiting for a database connection.", g(func(s sql.DBStats) float64 { return s.WaitDuration.Seconds() }))
}

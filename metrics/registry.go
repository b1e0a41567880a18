// Package metrics exposes the process's Prometheus metrics in the text exposition format,
// written with the standard library: HTTP request counts and latencies by route pattern,
// and gauges read from callbacks (database pool, mail and job queues) at scrape time.
package metrics

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Func reads the current value of a callback metric at scrape time.
type Func func(ctx context.Context) (float64, error)

// VecFunc reads the current values of a labelled callback metric, by label value.
type VecFunc func(ctx context.Context) (map[string]float64, error)

// callback is a gauge or counter whose value is read when /metrics is scraped; with a
// label, vf gives one sample per label value.
type callback struct {
	name, help, kind string
	f                Func
	label            string
	vf               VecFunc
}

// Registry holds the metrics of one process. The zero value is not usable; call New.
type Registry struct {
	mu        sync.Mutex
	requests  map[requestKey]uint64
	durations map[durationKey]*histogram
	callbacks []callback
	logger    *slog.Logger
	started   time.Time
}

// New returns an empty registry. Errors of callbacks are logged to logger (nil: discarded).
func New(logger *slog.Logger) *Registry {
	if logger == nil {
		logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return &Registry{
		requests:  map[requestKey]uint64{},
		durations: map[durationKey]*histogram{},
		logger:    logger,
		started:   time.Now(),
	}
}

// Gauge registers a gauge whose value f returns at scrape time. name must be a valid
// Prometheus metric name; registering a name twice panics, as it is a programming error.
func (r *Registry) Gauge(name, help string, f Func) {
	r.register(callback{name: name, help: help, kind: "gauge", f: f})
}

// Counter registers a monotonically increasing value (e.g. sql.DBStats.WaitCount) read at
// scrape time.
func (r *Registry) Counter(name, help string, f Func) {
	r.register(callback{name: name, help: help, kind: "counter", f: f})
}

// GaugeVec registers a gauge with one label whose samples f returns at scrape time, e.g.
// queued jobs by kind.
func (r *Registry) GaugeVec(name, help, label string, f VecFunc) {
	if !validName(label) || strings.HasPrefix(label, "__") {
		panic("metrics: invalid label name " + strconv.Quote(label))
	}
	r.register(callback{name: name, help: help, kind: "gauge", label: label, vf: f})
}

func (r *Registry) register(c callback) {
	name := c.name
	if !validName(name) {
		panic("metrics: invalid metric name " + strconv.Quote(name))
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, c := range r.callbacks {
		if c.name == name {
			panic("metrics: duplicate metric " + name)
		}
	}
	r.callbacks = append(r.callbacks, c)
}

// Handler serves the metrics in the Prometheus text exposition format 0.0.4.
func (r *Registry) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Method != http.MethodGet && req.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		ctx, cancel := context.WithTimeout(req.Context(), 5*time.Second)
		defer cancel()
		var b strings.Builder
		r.write(ctx, &b)
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, b.String())
	})
}

// write renders every metric family, sorted by name within each group, so that the output
// is stable for tests and diffs.
func (r *Registry) write(ctx context.Context, w *strings.Builder) {
	r.writeHTTP(w)

	r.mu.Lock()
	cbs := append([]callback(nil), r.callbacks...)
	r.mu.Unlock()
	sort.Slice(cbs, func(i, j int) bool { return cbs[i].name < cbs[j].name })
	for _, c := range cbs {
		if c.vf != nil {
			vs, err := c.vf(ctx)
			if err != nil {
				r.logger.Warn("metrics: callback failed", "metric", c.name, "err", err)
				continue
			}
			writeHeader(w, c.name, c.help, c.kind)
			keys := make([]string, 0, len(vs))
			for k := range vs {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				fmt.Fprintf(w, "%s{%s=\"%s\"} %s\n", c.name, c.label, escapeLabel(k), formatFloat(vs[k]))
			}
			continue
		}
		v, err := c.f(ctx)
		if err != nil {
			// A missing sample is better than a wrong one; the log says why.
			r.logger.Warn("metrics: callback failed", "metric", c.name, "err", err)
			continue
		}
		writeHeader(w, c.name, c.help, c.kind)
		fmt.Fprintf(w, "%s %s\n", c.name, formatFloat(v))
	}

	writeHeader(w, "pokot_process_start_time_seconds", "Start time of the process since the Unix epoch in seconds.", "gauge")
	fmt.Fprintf(w, "pokot_process_start_time_seconds %s\n", formatFloat(float64(r.started.UnixNano())/1e9))
}

func writeHeader(w *strings.Builder, name, help, kind string) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", name, escapeHelp(help), name, kind)
}

// validName reports whether s matches [a-zA-Z_:][a-zA-Z0-9_:]*.
func validName(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		ok := c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9')
		if !ok {
			return false
		}
	}
	return true
}

// escapeHelp escapes a HELP text: backslash and line feed.
func escapeHelp(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`).Replace(s)
}

// escapeLabel escapes a label value: backslash, double quote and line feed.
func escapeLabel(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s)
}

// formatFloat renders a sample value the way Prometheus parses it.
func formatFloat(v float64) string {
	switch {
	case math.IsInf(v, 1):
		return "+Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	case math.IsNaN(v):
		return "NaN"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

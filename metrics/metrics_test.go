package metrics_test

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/pokot/pokot/metrics"
)

// sample is one parsed exposition line.
type sample struct {
	name   string
	labels map[string]string
	value  float64
}

// parse reads the text exposition format strictly: every sample must belong to a family
// announced by HELP and TYPE lines, label values must be properly quoted and escaped.
func parse(t *testing.T, body string) (map[string]string, []sample) {
	t.Helper()
	types := map[string]string{}
	helps := map[string]bool{}
	var out []sample
	sc := bufio.NewScanner(strings.NewReader(body))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# HELP "):
			f := strings.SplitN(line[len("# HELP "):], " ", 2)
			if len(f) != 2 || f[1] == "" {
				t.Fatalf("line %d: bad HELP %q", n, line)
			}
			helps[f[0]] = true
		case strings.HasPrefix(line, "# TYPE "):
			f := strings.Fields(line[len("# TYPE "):])
			if len(f) != 2 || !helps[f[0]] {
				t.Fatalf("line %d: TYPE without HELP or malformed: %q", n, line)
			}
			switch f[1] {
			case "counter", "gauge", "histogram":
			default:
				t.Fatalf("line %d: unknown type %q", n, f[1])
			}
			if _, dup := types[f[0]]; dup {
				t.Fatalf("line %d: family %s announced twice", n, f[0])
			}
			types[f[0]] = f[1]
		case line == "" || strings.HasPrefix(line, "#"):
			t.Fatalf("line %d: unexpected %q", n, line)
		default:
			s := parseSample(t, n, line)
			fam := s.name
			for _, suf := range []string{"_bucket", "_sum", "_count"} {
				if b, ok := strings.CutSuffix(s.name, suf); ok && types[b] == "histogram" {
					fam = b
				}
			}
			if types[fam] == "" {
				t.Fatalf("line %d: sample %s before its TYPE", n, s.name)
			}
			out = append(out, s)
		}
	}
	return types, out
}

func parseSample(t *testing.T, n int, line string) sample {
	t.Helper()
	s := sample{labels: map[string]string{}}
	i := strings.IndexAny(line, "{ ")
	if i <= 0 {
		t.Fatalf("line %d: no name in %q", n, line)
	}
	s.name = line[:i]
	rest := line[i:]
	if rest[0] == '{' {
		rest = rest[1:]
		for rest[0] != '}' {
			eq := strings.IndexByte(rest, '=')
			if eq <= 0 || len(rest) < eq+2 || rest[eq+1] != '"' {
				t.Fatalf("line %d: bad label in %q", n, line)
			}
			key := rest[:eq]
			rest = rest[eq+2:]
			var val strings.Builder
			for {
				if rest == "" {
					t.Fatalf("line %d: unterminated label value", n)
				}
				c := rest[0]
				rest = rest[1:]
				if c == '"' {
					break
				}
				if c == '\\' {
					switch rest[0] {
					case '\\':
						val.WriteByte('\\')
					case '"':
						val.WriteByte('"')
					case 'n':
						val.WriteByte('\n')
					default:
						t.Fatalf("line %d: bad escape \\%c", n, rest[0])
					}
					rest = rest[1:]
					continue
				}
				if c == '\n' {
					t.Fatalf("line %d: raw newline in label", n)
				}
				val.WriteByte(c)
			}
			s.labels[key] = val.String()
			if rest[0] == ',' {
				rest = rest[1:]
			}
		}
		rest = rest[1:]
	}
	v, err := strconv.ParseFloat(strings.TrimPrefix(rest, " "), 64)
	if err != nil || !strings.HasPrefix(rest, " ") {
		t.Fatalf("line %d: bad value in %q", n, line)
	}
	s.value = v
	return s
}

func find(ss []sample, name string, labels map[string]string) (float64, bool) {
next:
	for _, s := range ss {
		if s.name != name {
			continue
		}
		for k, v := range labels {
			if s.labels[k] != v {
				continue next
			}
		}
		return s.value, true
	}
	return 0, false
}

func scrape(t *testing.T, reg *metrics.Registry) (map[string]string, []sample) {
	t.Helper()
	rec := httptest.NewRecorder()
	reg.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/plain; version=0.0.4") {
		t.Fatalf("scrape: %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	return parse(t, rec.Body.String())
}

func TestInstrumentCountsByRoutePattern(t *testing.T) {
	reg := metrics.New(nil)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items/{id}", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, r.PathValue("id")) })
	mux.HandleFunc("POST /items", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusCreated) })
	h := reg.Instrument(mux)
	for _, req := range []*http.Request{
		httptest.NewRequest("GET", "/items/7", nil),
		httptest.NewRequest("GET", "/items/8", nil),
		httptest.NewRequest("POST", "/items", nil),
		httptest.NewRequest("GET", "/nowhere", nil),
	} {
		h.ServeHTTP(httptest.NewRecorder(), req)
	}
	types, ss := scrape(t, reg)
	if types["pokot_http_requests_total"] != "counter" || types["pokot_http_request_duration_seconds"] != "histogram" {
		t.Fatalf("types: %v", types)
	}
	for _, c := range []struct {
		route, method, status string
		want                  float64
	}{
		{"GET /items/{id}", "GET", "200", 2},
		{"POST /items", "POST", "201", 1},
		{"unmatched", "GET", "404", 1},
	} {
		got, ok := find(ss, "pokot_http_requests_total", map[string]string{"route": c.route, "method": c.method, "status": c.status})
		if !ok || got != c.want {
			t.Errorf("requests %v: got %v (found %v), want %v", c, got, ok, c.want)
		}
	}
	if n, _ := find(ss, "pokot_http_request_duration_seconds_count", map[string]string{"route": "GET /items/{id}", "method": "GET"}); n != 2 {
		t.Errorf("histogram count = %v, want 2", n)
	}
	if n, _ := find(ss, "pokot_http_request_duration_seconds_bucket", map[string]string{"route": "GET /items/{id}", "le": "+Inf"}); n != 2 {
		t.Errorf("+Inf bucket = %v, want 2", n)
	}
	// Buckets are cumulative: never decreasing.
	prev := -1.0
	for _, s := range ss {
		if s.name == "pokot_http_request_duration_seconds_bucket" && s.labels["route"] == "GET /items/{id}" {
			if s.value < prev {
				t.Errorf("bucket le=%s decreases: %v < %v", s.labels["le"], s.value, prev)
			}
			prev = s.value
		}
	}
}

func TestSetRouteEscapesLabels(t *testing.T) {
	reg := metrics.New(nil)
	odd := "GET /a\"b\\c\nd"
	inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		metrics.SetRoute(r.Context(), odd)
		w.WriteHeader(http.StatusTeapot)
	})
	// StripPrefix copies the request, so r.Pattern would not reach Instrument.
	outer := http.NewServeMux()
	outer.Handle("/api/", http.StripPrefix("/api", inner))
	reg.Instrument(outer).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/api/x", nil))
	_, ss := scrape(t, reg)
	if n, ok := find(ss, "pokot_http_requests_total", map[string]string{"route": odd, "status": "418"}); !ok || n != 1 {
		t.Fatalf("escaped route not found intact: %v %v", n, ok)
	}
}

func TestCallbacks(t *testing.T) {
	reg := metrics.New(nil)
	reg.Gauge("pokot_mail_queue_depth", "Queued e-mails.", func(context.Context) (float64, error) { return 3, nil })
	reg.Gauge("pokot_broken", "Always fails.", func(context.Context) (float64, error) { return 0, errors.New("db down") })
	reg.DBStats(func() sql.DBStats { return sql.DBStats{OpenConnections: 4, InUse: 1, Idle: 3, WaitCount: 9} })
	reg.GaugeVec("pokot_job_queue_depth", "Queued jobs by kind.", "kind", func(context.Context) (map[string]float64, error) {
		return map[string]float64{"credential.issue": 5, `odd"kind`: 1}, nil
	})
	types, ss := scrape(t, reg)
	if n, ok := find(ss, "pokot_job_queue_depth", map[string]string{"kind": "credential.issue"}); !ok || n != 5 {
		t.Errorf("job queue by kind: %v %v", n, ok)
	}
	if n, ok := find(ss, "pokot_job_queue_depth", map[string]string{"kind": `odd"kind`}); !ok || n != 1 {
		t.Errorf("escaped kind: %v %v", n, ok)
	}
	for name, want := range map[string]float64{
		"pokot_mail_queue_depth":      3,
		"pokot_db_open_connections":   4,
		"pokot_db_in_use_connections": 1,
		"pokot_db_idle_connections":   3,
		"pokot_db_wait_count_total":   9,
	} {
		if got, ok := find(ss, name, nil); !ok || got != want {
			t.Errorf("%s = %v (found %v), want %v", name, got, ok, want)
		}
	}
	if types["pokot_db_wait_count_total"] != "counter" || types["pokot_mail_queue_depth"] != "gauge" {
		t.Errorf("types: %v", types)
	}
	if _, ok := find(ss, "pokot_broken", nil); ok {
		t.Error("a failing callback must not produce a sample")
	}
}

func TestRegisterRejectsBadNames(t *testing.T) {
	for _, name := range []string{"", "1abc", "a-b", "a b", "ä"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("name %q accepted", name)
				}
			}()
			metrics.New(nil).Gauge(name, "x", func(context.Context) (float64, error) { return 0, nil })
		}()
	}
	reg := metrics.New(nil)
	reg.Gauge("dup", "x", func(context.Context) (float64, error) { return 0, nil })
	defer func() {
		if recover() == nil {
			t.Error("duplicate accepted")
		}
	}()
	reg.Gauge("dup", "x", func(context.Context) (float64, error) { return 0, nil })
}

func TestHandlerMethod(t *testing.T) {
	rec := httptest.NewRecorder()
	metrics.New(nil).Handler().ServeHTTP(rec, httptest.NewRequest("POST", "/metrics", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Fatalf("POST /metrics: %d", rec.Code)
	}
}

package ob3api_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/pokot/pokot/ob3api"
)

// TestRegistrationRateLimitedPerIP registers clients from one address until the limit,
// then gets 429 with problem JSON and Retry-After; another address is not affected, and the
// next window lets the first one in again.
func TestRegistrationRateLimitedPerIP(t *testing.T) {
	e := newEnv(t)
	meta := map[string]any{"client_name": "Lompakko", "redirect_uris": []string{redirect}}
	// Bad requests count too: a script cannot probe for free.
	if res, _ := e.register(map[string]any{"client_name": "x"}); res.StatusCode != 400 {
		t.Fatalf("bad metadata: %d", res.StatusCode)
	}
	for i := 1; i < ob3api.RegisterPerIP; i++ {
		if res, out := e.register(meta); res.StatusCode != 201 {
			t.Fatalf("registration %d of %d: %d %v", i+1, ob3api.RegisterPerIP, res.StatusCode, out)
		}
	}
	res, out := e.register(meta)
	if res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("registration past the limit: %d %v", res.StatusCode, out)
	}
	if ct := res.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("Content-Type %q", ct)
	}
	if s, err := strconv.Atoi(res.Header.Get("Retry-After")); err != nil || s < 1 || s > 3601 {
		t.Errorf("Retry-After %q", res.Header.Get("Retry-After"))
	}
	if out["status"] != float64(429) || out["title"] != "Too Many Requests" || out["code"] != "too_many" || out["error"] != "too_many_requests" || out["client_id"] != nil {
		t.Errorf("problem %v", out)
	}

	// Another address has its own count (the handler is called directly to set the peer).
	body, _ := json.Marshal(meta)
	for _, peer := range []string{"192.0.2.7:4711", "[2001:db8::1]:4711"} {
		req := httptest.NewRequest("POST", "/oauth/register", strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		req.RemoteAddr = peer
		rec := httptest.NewRecorder()
		e.api.ServeHTTP(rec, req)
		if rec.Code != 201 {
			t.Errorf("from %s: %d %s", peer, rec.Code, rec.Body)
		}
	}

	// The next window starts a new count.
	e.advance(ob3api.RegisterWindow)
	if res, out := e.register(meta); res.StatusCode != 201 {
		t.Fatalf("next window: %d %v", res.StatusCode, out)
	}
}

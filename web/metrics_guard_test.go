package web_test

import (
	"net/http"
	"testing"

	"github.com/pokot/pokot/web"
)

// TestMetricsGuard checks who may read /metrics: without a token only direct loopback
// requests (httptest's server listens on loopback), never relayed ones; with a token only
// requests that carry it.
func TestMetricsGuard(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	b := e.browser()
	wantBody(t, b.get("/metrics"), "metrics")

	req, _ := http.NewRequest("GET", e.srv.URL+"/metrics", nil)
	req.Header.Set("X-Forwarded-For", "203.0.113.7")
	wantStatus(t, b.do(req), http.StatusForbidden)

	withToken := newEnv(t, func(d *web.Deps) { d.Config.MetricsToken = "s3cret-metrics-token" })
	tb := withToken.browser()
	wantStatus(t, tb.get("/metrics"), http.StatusUnauthorized)
	for _, auth := range []string{"Bearer wrong", "s3cret-metrics-token", "Bearer s3cret-metrics-token-and-more", "bearer s3cret-metrics-token"} {
		req, _ := http.NewRequest("GET", withToken.srv.URL+"/metrics", nil)
		req.Header.Set("Authorization", auth)
		wantStatus(t, tb.do(req), http.StatusUnauthorized)
	}
	req, _ = http.NewRequest("GET", withToken.srv.URL+"/metrics", nil)
	req.Header.Set("Authorization", "Bearer s3cret-metrics-token")
	req.Header.Set("X-Forwarded-For", "203.0.113.7")
	wantBody(t, tb.do(req), "metrics")
}

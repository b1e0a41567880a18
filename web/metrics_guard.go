package web

import (
	"crypto/subtle"
	"net"
	"net/http"
	"strings"
)

// guardMetrics protects the operational metrics, which tell the size of the site's queues
// and traffic and are not for the public. With a token configured, a request must carry it
// as "Authorization: Bearer <token>"; without one, only a direct request from the loopback
// interface gets through — one relayed by a reverse proxy (Forwarded or X-Forwarded-For
// set) does not, since the proxy's own connection comes from loopback too.
func guardMetrics(token string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if token != "" {
			got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(token)) != 1 {
				w.Header().Set("WWW-Authenticate", `Bearer realm="metrics"`)
				http.Error(w, "metrics: a bearer token is required (POKOT_METRICS_TOKEN)", http.StatusUnauthorized)
				return
			}
			h.ServeHTTP(w, r)
			return
		}
		if !directLoopback(r) {
			http.Error(w, "metrics: only for the local host; set POKOT_METRICS_TOKEN to scrape from elsewhere", http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// directLoopback reports whether r came from a loopback address and was not relayed.
func directLoopback(r *http.Request) bool {
	if r.Header.Get("Forwarded") != "" || r.Header.Get("X-Forwarded-For") != "" || r.Header.Get("X-Real-Ip") != "" {
		return false
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

package web

import (
	"net/http"
	"net/url"
	"testing"
)

func TestClientIP(t *testing.T) {
	t.Parallel()
	for addr, want := range map[string]string{
		"192.0.2.7:51234":            "192.0.2.7",
		"[2001:db8:1:2:3:4:5:6]:443": "2001:db8:1:2::/64",
		"[2001:db8:1:2:ffff::1]:443": "2001:db8:1:2::/64",
		"[::ffff:192.0.2.7]:80":      "192.0.2.7",
		"not-an-address":             "not-an-address",
	} {
		if got := clientIP(&http.Request{RemoteAddr: addr}); got != want {
			t.Errorf("clientIP(%q) = %q, want %q", addr, got, want)
		}
	}
}

// TestLocalPath: whatever comes in, what comes out is a path on this site (one leading
// slash, never "//" or a backslash that browsers would read as another host).
func TestLocalPath(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"/profile":                  "/profile",
		"/orgs/hamk?x=1":            "/orgs/hamk?x=1",
		"https://evil.example/":     "/",
		"//evil.example/x":          "/x",
		"/\\evil.example":           "/%5Cevil.example",
		"javascript:alert(1)":       "/def",
		"":                          "/def",
		"http://pokot.test/profile": "/profile",
	} {
		if got := localPath(in, "/def"); got != want {
			t.Errorf("localPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNextParam(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"/profile":               "/profile",
		"https://evil.example/":  "/dashboard",
		"//evil.example/":        "/dashboard",
		"/\\evil.example":        "/%5Cevil.example",
		"":                       "/dashboard",
		"/orgs/hamk/members?a=b": "/orgs/hamk/members?a=b",
	} {
		r, _ := http.NewRequest("GET", "/signin?next="+url.QueryEscape(in), nil)
		if got := nextParam(r); got != want {
			t.Errorf("nextParam(%q) = %q, want %q", in, got, want)
		}
	}
}

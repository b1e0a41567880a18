package web

import (
	"net/http"
	"net/url"
	"testing"
)

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

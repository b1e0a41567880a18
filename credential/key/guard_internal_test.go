package key

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"testing"
)

func TestIsPublicAddr(t *testing.T) {
	for addr, want := range map[string]bool{
		"8.8.8.8": true, "2001:4860:4860::8888": true, "193.166.3.2": true,
		"127.0.0.1": false, "::1": false, "10.0.0.1": false, "172.16.5.4": false, "192.168.1.1": false,
		"169.254.169.254": false, "fe80::1": false, "0.0.0.0": false, "::": false, "fc00::1": false,
		"100.64.0.1": false, "::ffff:10.0.0.1": false, "224.0.0.1": false, "255.255.255.255": false,
		"64:ff9b::a00:1": false, "2002:a00:1::": false,
	} {
		if got := IsPublicAddr(netip.MustParseAddr(addr)); got != want {
			t.Errorf("IsPublicAddr(%s) = %v, want %v", addr, got, want)
		}
	}
}

// A public-looking host name whose address turns out to be loopback is refused when the
// connection is made, which is what stops DNS rebinding.
func TestDialTimeGuard(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{}`))
	}))
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	rewrite := func(string) string { return u.Host } // "DNS" answers with the loopback server
	tlsConf := srv.Client().Transport.(*http.Transport).TLSClientConfig

	r := &Resolver{TLSConfig: tlsConf, dialRewrite: rewrite}
	_, err := r.Fetch(t.Context(), "https://example.com/doc")
	if !errors.Is(err, ErrForbiddenAddr) {
		t.Fatalf("err = %v, want ErrForbiddenAddr", err)
	}
	// The same request is served when private addresses are allowed (the test certificate
	// is valid for example.com), so the refusal above came from the address check.
	r = &Resolver{TLSConfig: tlsConf, dialRewrite: rewrite, AllowPrivate: true}
	if b, err := r.Fetch(t.Context(), "https://example.com/doc"); err != nil || string(b) != "{}" {
		t.Fatalf("allowed: %q, %v", b, err)
	}
}

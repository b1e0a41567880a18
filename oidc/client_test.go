package oidc_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/oidc"
	"github.com/pokot/pokot/oidc/oidctest"
)

const redirect = "http://127.0.0.1:9/auth/oidc/test/callback"

func newClient(t *testing.T, p *oidctest.Provider, opts ...oidc.Option) *oidc.Client {
	t.Helper()
	c, err := oidc.New(context.Background(), pokot.OIDCProvider{
		ID: "test", Name: "Testi-IdP", Issuer: p.Issuer(), ClientID: p.ClientID, ClientSecret: p.ClientSecret,
	}, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// login walks the browser's part: follow AuthURL to the provider, which redirects back to
// the callback with the code and the state.
func login(t *testing.T, c *oidc.Client, state, nonce string) (code string) {
	t.Helper()
	browser := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := browser.Get(c.AuthURL(state, nonce, redirect))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		t.Fatalf("authorize: %s", resp.Status)
	}
	loc, err := url.Parse(resp.Header.Get("Location"))
	if err != nil || !strings.HasPrefix(loc.String(), redirect+"?") {
		t.Fatalf("redirected to %q", resp.Header.Get("Location"))
	}
	if loc.Query().Get("state") != state {
		t.Fatalf("state %q, want %q", loc.Query().Get("state"), state)
	}
	return loc.Query().Get("code")
}

func TestLoginSucceeds(t *testing.T) {
	p := oidctest.New(t, oidctest.Options{})
	c := newClient(t, p)
	if c.ID() != "test" || c.Name() != "Testi-IdP" {
		t.Fatalf("ID/Name = %q/%q", c.ID(), c.Name())
	}
	u, _ := url.Parse(c.AuthURL("st", "nonce-1", redirect))
	if q := u.Query(); q.Get("code_challenge_method") != "S256" || q.Get("nonce") != "nonce-1" || !strings.Contains(q.Get("scope"), "openid") {
		t.Fatalf("auth URL %s", u)
	}
	code := login(t, c, "state-1", "nonce-1")
	id, err := c.Exchange(context.Background(), code, "nonce-1", redirect)
	if err != nil {
		t.Fatal(err)
	}
	want := oidc.Identity{Subject: "248289761001", Email: "aino.korhonen@example.fi", EmailVerified: true, Name: "Aino Korhonen"}
	if id != want {
		t.Fatalf("identity %+v, want %+v", id, want)
	}
	// A code is good for one exchange only.
	if _, err := c.Exchange(context.Background(), code, "nonce-1", redirect); err == nil {
		t.Fatal("second exchange of the same code succeeded")
	}
}

func TestEmailVerifiedAsString(t *testing.T) {
	p := oidctest.New(t, oidctest.Options{Claims: map[string]any{"email_verified": "false"}})
	c := newClient(t, p)
	id, err := c.Exchange(context.Background(), login(t, c, "s", "n"), "n", redirect)
	if err != nil || id.EmailVerified {
		t.Fatalf("%+v %v", id, err)
	}
}

func TestLoginFails(t *testing.T) {
	otherKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name       string
		opts       oidctest.Options
		clientOpts func(p *oidctest.Provider) []oidc.Option
		nonce      string // nonce given to Exchange (default: the login's)
		want       string // substring of the wrapped cause
	}{
		{name: "wrong nonce in token", opts: oidctest.Options{NonceOverride: "evil"}, want: "nonce"},
		{name: "wrong audience", opts: oidctest.Options{AudOverride: "someone-else"}, want: "audience"},
		{name: "expired token", opts: oidctest.Options{Lifetime: -time.Minute}, want: "expired"},
		{name: "signed with another key", opts: oidctest.Options{SignWith: otherKey}, want: "signature"},
		{name: "bad PKCE verifier", nonce: "another-nonce", want: "PKCE"},
		{name: "expired by the client's clock", clientOpts: func(p *oidctest.Provider) []oidc.Option {
			return []oidc.Option{oidc.WithClock(func() time.Time { return time.Now().Add(time.Hour) })}
		}, want: "expired"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := oidctest.New(t, tc.opts)
			var opts []oidc.Option
			if tc.clientOpts != nil {
				opts = tc.clientOpts(p)
			}
			c := newClient(t, p, opts...)
			code := login(t, c, "state", "nonce-ok")
			nonce := tc.nonce
			if nonce == "" {
				nonce = "nonce-ok"
			}
			id, err := c.Exchange(context.Background(), code, nonce, redirect)
			var e *pokot.Error
			if !errors.As(err, &e) || e.Code != pokot.EUNAUTHORIZED {
				t.Fatalf("got %+v, %v; want EUNAUTHORIZED", id, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %q does not mention %q", err, tc.want)
			}
			if id != (oidc.Identity{}) {
				t.Fatalf("identity leaked on failure: %+v", id)
			}
		})
	}
}

func TestClientSecretPost(t *testing.T) {
	p := oidctest.New(t, oidctest.Options{AuthMethods: []string{"client_secret_post"}})
	c := newClient(t, p)
	if _, err := c.Exchange(context.Background(), login(t, c, "s", "n"), "n", redirect); err != nil {
		t.Fatalf("a provider that only takes client_secret_post: %v", err)
	}
}

func TestProviderWithoutS256IsRefused(t *testing.T) {
	p := oidctest.New(t, oidctest.Options{ChallengeMethods: []string{"plain"}})
	_, err := oidc.New(context.Background(), pokot.OIDCProvider{ID: "x", Issuer: p.Issuer(), ClientID: p.ClientID})
	if err == nil || !strings.Contains(err.Error(), "S256") {
		t.Fatalf("got %v", err)
	}
}

func TestBadCodeAndDiscovery(t *testing.T) {
	p := oidctest.New(t, oidctest.Options{})
	c := newClient(t, p)
	if _, err := c.Exchange(context.Background(), "made-up", "n", redirect); pokot.ErrorCode(err) != pokot.EUNAUTHORIZED {
		t.Fatalf("made-up code: %v", err)
	}
	if _, err := c.Exchange(context.Background(), "", "n", redirect); pokot.ErrorCode(err) != pokot.EUNAUTHORIZED {
		t.Fatalf("empty code: %v", err)
	}
	// Discovery must fail for an issuer that does not serve a configuration, and for a
	// configuration that names another issuer.
	for _, iss := range []string{p.Issuer() + "/nothing", "http://127.0.0.1:1"} {
		if _, err := oidc.New(context.Background(), pokot.OIDCProvider{ID: "x", Issuer: iss, ClientID: "c"}); err == nil {
			t.Errorf("discovery of %s succeeded", iss)
		}
	}
	if _, err := oidc.New(context.Background(), pokot.OIDCProvider{ID: "x", Issuer: p.Issuer()}); err == nil {
		t.Error("missing client id accepted")
	}
}

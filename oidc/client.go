// Package oidc signs people in with any OpenID Connect provider (Entra ID, MPASSid, Google,
// …): discovery, the authorization code flow with PKCE (S256) and a nonce, and verification
// of the ID token's signature, issuer, audience, expiry and nonce.
package oidc

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	gooidc "github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/pokot/pokot"
)

// Identity is what a provider says about the person who signed in.
type Identity struct {
	Subject       string // stable, provider-specific user ID ("sub")
	Email         string
	EmailVerified bool
	Name          string
}

// Client is a relying party of one provider. It keeps no per-login state: the PKCE verifier
// is derived from the nonce, which the caller keeps (in the sign-in state cookie or the
// database) between AuthURL and Exchange, so any process can finish a login.
type Client struct {
	p        pokot.OIDCProvider
	provider *gooidc.Provider
	verifier *gooidc.IDTokenVerifier
	http     *http.Client
	pkceKey  []byte
	// authStyle is how the client authenticates at the token endpoint.
	authStyle oauth2.AuthStyle
	now       func() time.Time
}

// Option changes a Client.
type Option func(*Client)

// WithClock sets the clock used to check token expiry (tests).
func WithClock(now func() time.Time) Option { return func(cl *Client) { cl.now = now } }

// New discovers the provider's endpoints and keys at p.Issuer. The discovery request uses
// ctx; later key refreshes use the client's own HTTP client.
func New(ctx context.Context, p pokot.OIDCProvider, opts ...Option) (*Client, error) {
	if p.ID == "" || p.Issuer == "" || p.ClientID == "" {
		return nil, fmt.Errorf("oidc provider %q: id, issuer and client id are required", p.ID)
	}
	c := &Client{p: p, http: &http.Client{Timeout: 15 * time.Second}, now: time.Now}
	for _, o := range opts {
		o(c)
	}
	// The provider remembers this client for its key set; the discovery itself honours ctx.
	dctx := gooidc.ClientContext(ctx, c.http)
	prov, err := gooidc.NewProvider(dctx, p.Issuer)
	if err != nil {
		return nil, fmt.Errorf("oidc provider %q: discovery: %w", p.ID, err)
	}
	var meta struct {
		Methods     []string `json:"code_challenge_methods_supported"`
		AuthMethods []string `json:"token_endpoint_auth_methods_supported"`
	}
	if err := prov.Claims(&meta); err != nil {
		return nil, fmt.Errorf("oidc provider %q: discovery: %w", p.ID, err)
	}
	if len(meta.Methods) > 0 && !contains(meta.Methods, "S256") {
		return nil, fmt.Errorf("oidc provider %q: PKCE S256 not supported (methods %v)", p.ID, meta.Methods)
	}
	// An explicit client authentication style: the auto-detection of package oauth2 retries
	// a failed token request the other way, which burns the one-time code and hides the
	// real error. client_secret_basic is the default of OpenID Connect Discovery.
	c.authStyle = oauth2.AuthStyleInHeader
	if len(meta.AuthMethods) > 0 && !contains(meta.AuthMethods, "client_secret_basic") && contains(meta.AuthMethods, "client_secret_post") {
		c.authStyle = oauth2.AuthStyleInParams
	}
	c.provider = prov
	c.verifier = prov.Verifier(&gooidc.Config{ClientID: p.ClientID, Now: func() time.Time { return c.now() }})
	// The verifier key is secret when the client is confidential; for a public client the
	// verifier still depends on the nonce, which only the browser's sign-in state holds.
	k := sha256.Sum256([]byte("pokot-oidc-pkce\x00" + p.Issuer + "\x00" + p.ClientID + "\x00" + p.ClientSecret))
	c.pkceKey = k[:]
	return c, nil
}

// ID returns the provider's short name used in URLs.
func (c *Client) ID() string { return c.p.ID }

// Name returns the label of the sign-in button (the ID when no name is configured).
func (c *Client) Name() string {
	if c.p.Name != "" {
		return c.p.Name
	}
	return c.p.ID
}

func (c *Client) config(redirectURL string) *oauth2.Config {
	ep := c.provider.Endpoint()
	ep.AuthStyle = c.authStyle
	return &oauth2.Config{
		ClientID:     c.p.ClientID,
		ClientSecret: c.p.ClientSecret,
		Endpoint:     ep,
		RedirectURL:  redirectURL,
		Scopes:       []string{gooidc.ScopeOpenID, "email", "profile"},
	}
}

// pkceVerifier derives the PKCE code verifier (43 characters of base64url) from the nonce.
func (c *Client) pkceVerifier(nonce string) string {
	m := hmac.New(sha256.New, c.pkceKey)
	m.Write([]byte(nonce))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// AuthURL returns the provider's authorization URL for a login with the given random state
// and nonce, returning to redirectURL.
func (c *Client) AuthURL(state, nonce, redirectURL string) string {
	return c.config(redirectURL).AuthCodeURL(state,
		gooidc.Nonce(nonce),
		oauth2.S256ChallengeOption(c.pkceVerifier(nonce)))
}

// Errors of Exchange; all are EUNAUTHORIZED *pokot.Error values wrapping the cause.
var (
	errNoIDToken = errors.New("token response without id_token")
	errNonce     = errors.New("id token nonce does not match")
)

// Exchange redeems the authorization code with the PKCE verifier, verifies the ID token
// (signature, issuer, audience, expiry) and its nonce, and returns the identity.
// EUNAUTHORIZED when anything does not check out; the cause is wrapped for the log.
func (c *Client) Exchange(ctx context.Context, code, nonce, redirectURL string) (Identity, error) {
	fail := func(err error) (Identity, error) {
		return Identity{}, &pokot.Error{Code: pokot.EUNAUTHORIZED, Key: "err.oidc_failed",
			Message: "sign-in with " + c.p.ID + " failed", Err: err}
	}
	if code == "" || nonce == "" {
		return fail(errors.New("missing code or nonce"))
	}
	ctx = context.WithValue(ctx, oauth2.HTTPClient, c.http)
	tok, err := c.config(redirectURL).Exchange(ctx, code, oauth2.VerifierOption(c.pkceVerifier(nonce)))
	if err != nil {
		return fail(fmt.Errorf("token request: %w", err))
	}
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return fail(errNoIDToken)
	}
	idt, err := c.verifier.Verify(ctx, raw)
	if err != nil {
		return fail(err)
	}
	if subtle.ConstantTimeCompare([]byte(idt.Nonce), []byte(nonce)) != 1 {
		return fail(errNonce)
	}
	var claims struct {
		Email         string `json:"email"`
		EmailVerified any    `json:"email_verified"`
		Name          string `json:"name"`
		PreferredName string `json:"preferred_username"`
	}
	if err := idt.Claims(&claims); err != nil {
		return fail(fmt.Errorf("id token claims: %w", err))
	}
	id := Identity{Subject: idt.Subject, Email: strings.ToLower(strings.TrimSpace(claims.Email)), Name: claims.Name}
	switch v := claims.EmailVerified.(type) {
	case bool:
		id.EmailVerified = v
	case string: // some providers send "true"
		id.EmailVerified = v == "true"
	}
	if id.Name == "" {
		id.Name = claims.PreferredName
	}
	if id.Subject == "" {
		return fail(errors.New("id token without subject"))
	}
	return id, nil
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

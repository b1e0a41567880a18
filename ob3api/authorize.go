package ob3api

import (
	"context"
	"net/url"
	"regexp"
	"strings"

	"github.com/pokot/pokot"
)

// challengeRE is a PKCE S256 code_challenge: BASE64URL(SHA256(verifier)), 43 characters.
var challengeRE = regexp.MustCompile(`^[A-Za-z0-9_-]{43}$`)

// AuthRequest is a valid authorization request (RFC 6749 §4.1.1 with PKCE, RFC 7636),
// ready for the user to approve or deny.
type AuthRequest struct {
	Client      *pokot.OAuthClient
	RedirectURI string
	State       string
	Challenge   string
	Scopes      []string
}

// AuthError is a refused authorization request. When Redirect is empty the client or its
// redirect URI could not be trusted, and the user must be shown the error instead of
// being sent back (RFC 6749 §4.1.2.1); otherwise Redirect carries the error to the client.
type AuthError struct {
	Code        string // invalid_request, unauthorized_client, invalid_scope, …
	Description string
	Redirect    string
}

func (e *AuthError) Error() string { return e.Code + ": " + e.Description }

// Params are the authorization request parameters a consent form carries back.
var Params = []string{"response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method"}

// ParseAuthRequest validates the authorization request in q.
func (s *Server) ParseAuthRequest(ctx context.Context, q url.Values) (*AuthRequest, *AuthError) {
	id := q.Get("client_id")
	if id == "" || len(id) > 200 {
		return nil, &AuthError{Code: "invalid_request", Description: "client_id is missing"}
	}
	c, err := s.store.OAuthClient(ctx, id)
	if err != nil {
		return nil, &AuthError{Code: "invalid_client", Description: "the client is not registered"}
	}
	ar := &AuthRequest{Client: c, RedirectURI: q.Get("redirect_uri"), State: q.Get("state")}
	if ar.RedirectURI == "" && len(c.RedirectURIs) == 1 {
		ar.RedirectURI = c.RedirectURIs[0]
	}
	// validRedirect again: a client stored before today's rules must not send the browser,
	// or its origin into the consent page's Content-Security-Policy, where they forbid.
	if !has(c.RedirectURIs, ar.RedirectURI) || !validRedirect(ar.RedirectURI) {
		return nil, &AuthError{Code: "invalid_request", Description: "redirect_uri is not one the client registered"}
	}
	if len(ar.State) > 1000 {
		return nil, ar.fail("invalid_request", "state is too long")
	}
	if q.Get("response_type") != "code" {
		return nil, ar.fail("unsupported_response_type", "response_type must be code")
	}
	if q.Get("code_challenge_method") != "S256" || !challengeRE.MatchString(q.Get("code_challenge")) {
		return nil, ar.fail("invalid_request", "PKCE is required: code_challenge (43 characters) with code_challenge_method S256")
	}
	ar.Challenge = q.Get("code_challenge")
	ar.Scopes = strings.Fields(q.Get("scope"))
	if len(ar.Scopes) == 0 {
		return nil, ar.fail("invalid_scope", "scope is required")
	}
	for _, sc := range ar.Scopes {
		if !has(c.Scopes, sc) {
			return nil, ar.fail("invalid_scope", "the client did not register the scope "+sc)
		}
	}
	return ar, nil
}

// fail is an error sent back to the client's redirect URI.
func (ar *AuthRequest) fail(code, desc string) *AuthError {
	return &AuthError{Code: code, Description: desc, Redirect: ar.redirect(url.Values{"error": {code}, "error_description": {desc}})}
}

// redirect adds v and the state to the redirect URI (keeping its own query).
func (ar *AuthRequest) redirect(v url.Values) string {
	u, _ := url.Parse(ar.RedirectURI) // validated at registration
	q := u.Query()
	for k, vs := range v {
		q[k] = vs
	}
	if ar.State != "" {
		q.Set("state", ar.State)
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// Approve grants the request for userID: it stores a one-time code and returns the
// redirect URI that hands it to the client (with the state and the issuer, RFC 9207).
func (s *Server) Approve(ctx context.Context, ar *AuthRequest, userID int64) (string, error) {
	code, err := s.store.CreateOAuthCode(ctx, &pokot.OAuthCode{ClientID: ar.Client.ClientID, UserID: userID,
		RedirectURI: ar.RedirectURI, Scopes: ar.Scopes, Challenge: ar.Challenge, Expires: s.now().Add(CodeTTL)})
	if err != nil {
		return "", err
	}
	return ar.redirect(url.Values{"code": {code}, "iss": {s.base}}), nil
}

// Deny returns the redirect URI that tells the client the user said no.
func (ar *AuthRequest) Deny() string {
	return ar.redirect(url.Values{"error": {"access_denied"}, "error_description": {"the user denied the request"}})
}

// RedirectOrigin is the scheme and host the consent form sends the browser back to, for
// the page's Content-Security-Policy form-action; "" when the host is not a DNS name or
// an IP address (validHost), whose characters could add to the policy.
func (ar *AuthRequest) RedirectOrigin() string {
	u, err := url.Parse(ar.RedirectURI)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || !validHost(u) {
		return ""
	}
	return u.Scheme + "://" + u.Host
}

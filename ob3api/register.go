package ob3api

import (
	"context"
	"encoding/json"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/metrics"
)

// registration is the client metadata of RFC 7591 §2 that this server reads.
type registration struct {
	ClientName              string   `json:"client_name"`
	RedirectURIs            []string `json:"redirect_uris"`
	Scope                   string   `json:"scope"`
	GrantTypes              []string `json:"grant_types"`
	ResponseTypes           []string `json:"response_types"`
	TokenEndpointAuthMethod string   `json:"token_endpoint_auth_method"`
	ClientURI               string   `json:"client_uri"`
	LogoURI                 string   `json:"logo_uri"`
	TOSURI                  string   `json:"tos_uri"`
	PolicyURI               string   `json:"policy_uri"`
}

// registered is the answer of RFC 7591 §3.2.1.
type registered struct {
	ClientID                string   `json:"client_id"`
	ClientSecret            string   `json:"client_secret"`
	ClientIDIssuedAt        int64    `json:"client_id_issued_at"`
	ClientSecretExpiresAt   int64    `json:"client_secret_expires_at"`
	ClientName              string   `json:"client_name"`
	RedirectURIs            []string `json:"redirect_uris"`
	Scope                   string   `json:"scope"`
	GrantTypes              []string `json:"grant_types"`
	ResponseTypes           []string `json:"response_types"`
	TokenEndpointAuthMethod string   `json:"token_endpoint_auth_method"`
	ClientURI               string   `json:"client_uri,omitempty"`
	LogoURI                 string   `json:"logo_uri,omitempty"`
	TOSURI                  string   `json:"tos_uri,omitempty"`
	PolicyURI               string   `json:"policy_uri,omitempty"`
}

// Limits of dynamic client registration per client IP address. A wallet registers once
// per installation at most, so 50 an hour leaves room for a class behind one NAT while
// keeping a script from filling the clients table.
const (
	RegisterPerIP  = 50
	RegisterWindow = time.Hour
)

// hitter is the throttle of the store (pokot.SessionService.Hit); *sqldb.DB has it.
type hitter interface {
	Hit(ctx context.Context, key string, limit int, window time.Duration, now time.Time) (bool, error)
}

// registerAllowed counts a registration attempt of the client's IP address and, past the
// limit, answers 429 with RFC 9457 problem JSON (carrying the OAuth error fields too) and
// a Retry-After of the rest of the window.
func (s *Server) registerAllowed(w http.ResponseWriter, r *http.Request) bool {
	h, ok := s.store.(hitter)
	if !ok {
		return true
	}
	now := s.now()
	allowed, err := h.Hit(r.Context(), "oauth.register:ip:"+clientIP(r), RegisterPerIP, RegisterWindow, now)
	if err != nil {
		s.logger.ErrorContext(r.Context(), "ob3api: register throttle", "err", err)
		oauthError(w, http.StatusInternalServerError, "server_error", "the client could not be registered")
		return false
	}
	if allowed {
		return true
	}
	retry := now.UTC().Truncate(RegisterWindow).Add(RegisterWindow).Sub(now)
	w.Header().Set("Retry-After", strconv.Itoa(int(retry.Seconds())+1))
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusTooManyRequests)
	json.NewEncoder(w).Encode(map[string]any{
		"type": "about:blank", "title": http.StatusText(http.StatusTooManyRequests), "status": http.StatusTooManyRequests,
		"detail": "too many client registrations from this address; try again later",
		"code":   pokot.ETOOMANY, "key": "err.oauth.register_throttled",
		"error": "too_many_requests", "error_description": "too many client registrations from this address; try again later",
	})
	return false
}

// clientIP is the throttling key of the request's peer (pokot.ClientAddr).
func clientIP(r *http.Request) string { return pokot.ClientAddr(r.RemoteAddr) }

// oauthError writes an OAuth 2.0 error response (RFC 6749 §5.2, RFC 7591 §3.2.2).
func oauthError(w http.ResponseWriter, status int, code, desc string) {
	writeJSON(w, status, map[string]string{"error": code, "error_description": desc})
}

// register is dynamic client registration (RFC 7591): open to anyone, as OB 3.0 wallets
// register themselves; what a client may do is decided by each user on the consent page.
//
// Registrations are counted per client IP address (every attempt, good or bad) in the
// database's throttle, as sign-in attempts are, so that every process counts together:
// past RegisterPerIP in a RegisterWindow the answer is 429 with problem JSON.
func (s *Server) register(w http.ResponseWriter, r *http.Request) {
	metrics.SetRoute(r.Context(), r.Pattern)
	if !s.registerAllowed(w, r) {
		return
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		oauthError(w, http.StatusBadRequest, "invalid_client_metadata", "send the client metadata as application/json")
		return
	}
	body, err := readBody(w, r, maxBody)
	if err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_client_metadata", err.(*pokot.Error).Message)
		return
	}
	var m registration
	if err := json.Unmarshal(body, &m); err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_client_metadata", "the body is not a JSON object of client metadata")
		return
	}
	c, field, msg := m.client()
	if msg != "" {
		code := "invalid_client_metadata"
		if field == "redirect_uris" {
			code = "invalid_redirect_uri"
		}
		oauthError(w, http.StatusBadRequest, code, msg)
		return
	}
	secret, err := s.store.CreateOAuthClient(r.Context(), c)
	if err != nil {
		s.logger.ErrorContext(r.Context(), "ob3api: register client", "err", err)
		oauthError(w, http.StatusInternalServerError, "server_error", "the client could not be registered")
		return
	}
	writeJSON(w, http.StatusCreated, registered{
		ClientID: c.ClientID, ClientSecret: secret, ClientIDIssuedAt: c.Created.Unix(),
		ClientName: c.Name, RedirectURIs: c.RedirectURIs, Scope: strings.Join(c.Scopes, " "),
		GrantTypes: []string{"authorization_code", "refresh_token"}, ResponseTypes: []string{"code"},
		TokenEndpointAuthMethod: m.TokenEndpointAuthMethod,
		ClientURI:               c.ClientURI, LogoURI: c.LogoURI, TOSURI: c.TOSURI, PolicyURI: c.PolicyURI,
	})
}

// client validates the metadata and returns the client to store, or the field at fault
// and what is wrong with it.
func (m *registration) client() (c *pokot.OAuthClient, field, msg string) {
	m.ClientName = strings.TrimSpace(m.ClientName)
	if m.ClientName == "" || len(m.ClientName) > 200 {
		return nil, "client_name", "client_name is required (at most 200 characters)"
	}
	if len(m.RedirectURIs) == 0 || len(m.RedirectURIs) > 10 {
		return nil, "redirect_uris", "give 1 to 10 redirect_uris"
	}
	for _, u := range m.RedirectURIs {
		if !validRedirect(u) {
			return nil, "redirect_uris", "redirect URI " + u + " must be an absolute https URL (or http on a loopback address) without a fragment"
		}
	}
	scopes := strings.Fields(m.Scope)
	if len(scopes) == 0 {
		scopes = pokot.OB3Scopes
	}
	for _, sc := range scopes {
		if !has(pokot.OB3Scopes, sc) {
			return nil, "scope", "unknown scope " + sc
		}
	}
	for _, g := range m.GrantTypes {
		if g != "authorization_code" && g != "refresh_token" {
			return nil, "grant_types", "only the authorization_code and refresh_token grants are supported"
		}
	}
	for _, rt := range m.ResponseTypes {
		if rt != "code" {
			return nil, "response_types", "only the code response type is supported"
		}
	}
	switch m.TokenEndpointAuthMethod {
	case "":
		m.TokenEndpointAuthMethod = "client_secret_basic"
	case "client_secret_basic", "client_secret_post":
	default:
		return nil, "token_endpoint_auth_method", "token_endpoint_auth_method must be client_secret_basic or client_secret_post"
	}
	for name, u := range map[string]string{"client_uri": m.ClientURI, "logo_uri": m.LogoURI, "tos_uri": m.TOSURI, "policy_uri": m.PolicyURI} {
		if u != "" && !httpsURL(u) {
			return nil, name, name + " must be an https URL"
		}
	}
	return &pokot.OAuthClient{Name: m.ClientName, RedirectURIs: m.RedirectURIs, Scopes: scopes,
		ClientURI: m.ClientURI, LogoURI: m.LogoURI, TOSURI: m.TOSURI, PolicyURI: m.PolicyURI}, "", ""
}

// validRedirect accepts absolute https URLs and, for native apps (RFC 8252 §7.3), http
// on a loopback address; never a fragment, user info or whitespace, and only a host that
// is a DNS name or an IP address (validHost).
func validRedirect(s string) bool {
	u, err := url.Parse(s)
	if err != nil || len(s) > 2000 || u.Fragment != "" || strings.Contains(s, "#") || u.User != nil || u.Host == "" || strings.ContainsAny(s, " \t\r\n") {
		return false
	}
	if !validHost(u) {
		return false
	}
	switch u.Scheme {
	case "https":
		return true
	case "http":
		h := u.Hostname()
		if h == "localhost" {
			return true
		}
		ip := net.ParseIP(h)
		return ip != nil && ip.IsLoopback()
	}
	return false
}

// validHost reports whether u's host is a DNS name (letters, digits and hyphens in labels
// of at most 63 characters, RFC 1123) or an IP address, with an optional port of 1 to
// 65535. url.Parse also accepts RFC 3986's sub-delims (";", ",", "'", "$", …) in a host;
// the redirect URI's origin is written into the consent page's Content-Security-Policy,
// where ";" and "," would start another directive or policy.
func validHost(u *url.URL) bool {
	if strings.HasSuffix(u.Host, ":") {
		return false
	}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 || strings.HasPrefix(p, "+") {
			return false
		}
	}
	h := u.Hostname()
	if strings.HasPrefix(u.Host, "[") {
		ip := net.ParseIP(h)
		return ip != nil && ip.To4() == nil
	}
	if net.ParseIP(h) != nil {
		return true
	}
	h = strings.TrimSuffix(h, ".")
	if h == "" || len(h) > 253 {
		return false
	}
	for _, label := range strings.Split(h, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, c := range label {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}

func httpsURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme == "https" && u.Host != "" && u.User == nil && len(s) <= 2000
}

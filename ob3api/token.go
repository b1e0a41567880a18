package ob3api

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/metrics"
)

// verifierRE is a PKCE code_verifier (RFC 7636 §4.1).
var verifierRE = regexp.MustCompile(`^[A-Za-z0-9._~-]{43,128}$`)

// tokenResponse is the successful answer of the token endpoint (RFC 6749 §5.1).
type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in"`
	RefreshToken string `json:"refresh_token"`
	Scope        string `json:"scope"`
}

// clientAuth authenticates the client by HTTP Basic (client_secret_basic) or by
// client_id and client_secret in the form (client_secret_post). On failure it has
// written the invalid_client answer and returns nil.
func (s *Server) clientAuth(w http.ResponseWriter, r *http.Request) *pokot.OAuthClient {
	id, secret, basic := r.BasicAuth()
	if basic {
		// RFC 6749 §2.3.1: both are form-encoded inside the Basic credentials.
		id, _ = url.QueryUnescape(id)
		secret, _ = url.QueryUnescape(secret)
	} else {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	if id != "" && secret != "" && len(id) <= 200 && len(secret) <= 200 {
		c, err := s.store.AuthenticateOAuthClient(r.Context(), id, secret)
		if err == nil {
			return c
		}
		if pokot.ErrorCode(err) != pokot.EUNAUTHORIZED {
			s.logger.ErrorContext(r.Context(), "ob3api: client authentication", "err", err)
			oauthError(w, http.StatusInternalServerError, "server_error", "try again later")
			return nil
		}
	}
	if basic {
		w.Header().Set("WWW-Authenticate", `Basic realm="pokot"`)
	}
	oauthError(w, http.StatusUnauthorized, "invalid_client", "unknown client or wrong secret")
	return nil
}

// tokenForm parses the form of a token or revocation request, refusing other bodies.
func tokenForm(w http.ResponseWriter, r *http.Request) bool {
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		oauthError(w, http.StatusBadRequest, "invalid_request", "send the request as application/x-www-form-urlencoded")
		return false
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	if err := r.ParseForm(); err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_request", "the form could not be read")
		return false
	}
	return true
}

// token is the token endpoint: the authorization_code grant (with the PKCE verifier, the
// same redirect_uri, a code used once) and the refresh_token grant (the refresh token is
// rotated: each one works once).
func (s *Server) token(w http.ResponseWriter, r *http.Request) {
	metrics.SetRoute(r.Context(), r.Pattern)
	if !tokenForm(w, r) {
		return
	}
	c := s.clientAuth(w, r)
	if c == nil {
		return
	}
	f := r.PostForm
	now := s.now()
	t := &pokot.OAuthToken{ClientID: c.ClientID, AccessExpires: now.Add(AccessTTL), RefreshExpires: now.Add(RefreshTTL)}
	switch f.Get("grant_type") {
	case "authorization_code":
		verifier := f.Get("code_verifier")
		if f.Get("code") == "" || !verifierRE.MatchString(verifier) {
			oauthError(w, http.StatusBadRequest, "invalid_request", "code and a code_verifier of 43 to 128 characters are required")
			return
		}
		code, err := s.store.RedeemOAuthCode(r.Context(), c.ClientID, f.Get("code"), now)
		if pokot.ErrorCode(err) == pokot.ENOTFOUND {
			oauthError(w, http.StatusBadRequest, "invalid_grant", "the code is unknown, expired, already used or another client's")
			return
		}
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		if f.Get("redirect_uri") != code.RedirectURI {
			oauthError(w, http.StatusBadRequest, "invalid_grant", "redirect_uri differs from the authorization request's")
			return
		}
		sum := sha256.Sum256([]byte(verifier))
		if subtle.ConstantTimeCompare([]byte(base64.RawURLEncoding.EncodeToString(sum[:])), []byte(code.Challenge)) != 1 {
			oauthError(w, http.StatusBadRequest, "invalid_grant", "the code_verifier does not match the code_challenge")
			return
		}
		t.UserID, t.CodeID, t.Scopes = code.UserID, code.ID, code.Scopes
	case "refresh_token":
		if f.Get("refresh_token") == "" {
			oauthError(w, http.StatusBadRequest, "invalid_request", "refresh_token is required")
			return
		}
		old, err := s.store.RefreshOAuthToken(r.Context(), c.ClientID, f.Get("refresh_token"), now)
		if pokot.ErrorCode(err) == pokot.ENOTFOUND {
			oauthError(w, http.StatusBadRequest, "invalid_grant", "the refresh token is unknown, expired, already used or another client's")
			return
		}
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		t.UserID, t.CodeID, t.Scopes = old.UserID, old.CodeID, old.Scopes
		if sc := strings.Fields(f.Get("scope")); len(sc) > 0 {
			for _, x := range sc {
				if !has(old.Scopes, x) {
					// RFC 6749 §6: no more than granted. The old token is spent either way.
					oauthError(w, http.StatusBadRequest, "invalid_scope", "the scope "+x+" was not granted")
					return
				}
			}
			t.Scopes = sc
		}
	case "":
		oauthError(w, http.StatusBadRequest, "invalid_request", "grant_type is required")
		return
	default:
		oauthError(w, http.StatusBadRequest, "unsupported_grant_type", "use authorization_code or refresh_token")
		return
	}
	access, refresh, err := s.store.CreateOAuthToken(r.Context(), t)
	if pokot.ErrorCode(err) == pokot.ENOTFOUND {
		oauthError(w, http.StatusBadRequest, "invalid_grant", "the user has withdrawn this application's access")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Pragma", "no-cache")
	writeJSON(w, http.StatusOK, tokenResponse{AccessToken: access, TokenType: "Bearer", ExpiresIn: int(AccessTTL.Seconds()),
		RefreshToken: refresh, Scope: strings.Join(t.Scopes, " ")})
}

// revoke is token revocation (RFC 7009): the client's access or refresh token stops
// working; an unknown token is no error.
func (s *Server) revoke(w http.ResponseWriter, r *http.Request) {
	metrics.SetRoute(r.Context(), r.Pattern)
	if !tokenForm(w, r) {
		return
	}
	c := s.clientAuth(w, r)
	if c == nil {
		return
	}
	tok := r.PostForm.Get("token")
	if tok == "" {
		oauthError(w, http.StatusBadRequest, "invalid_request", "token is required")
		return
	}
	if err := s.store.RevokeOAuthToken(r.Context(), c.ClientID, tok, s.now()); err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
}

func (s *Server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	s.logger.ErrorContext(r.Context(), "ob3api: token endpoint", "err", err)
	oauthError(w, http.StatusInternalServerError, "server_error", "try again later")
}

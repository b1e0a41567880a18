package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net/http"

	"github.com/pokot/pokot"
)

// csrfField is the name of the hidden form field that carries the token.
const csrfField = "csrf"

// csrfToken returns the token that this request's forms must send back. Signed-in users
// get an HMAC of the session's CSRF secret; anonymous visitors (sign-in, first-run,
// invitation and reset forms) get a random double-submit cookie.
func (s *server) csrfToken(w http.ResponseWriter, r *http.Request, rs *state) string {
	if rs.sess != nil {
		return sessionCSRF(rs.sess)
	}
	if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) >= 32 {
		return c.Value
	}
	tok := randomToken()
	s.setCookie(w, csrfCookie, tok, 0)
	return tok
}

func sessionCSRF(sess *pokot.Session) string {
	m := hmac.New(sha256.New, []byte(sess.CSRF))
	m.Write([]byte("pokot-csrf-v1"))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// checkCSRF parses the form (within the body limit) and compares its token with the
// expected one in constant time. EFORBIDDEN when missing or wrong, ETOOLARGE for a body
// over the limit.
func (s *server) checkCSRF(r *http.Request, rs *state) error {
	if err := parseForm(r); err != nil {
		return err
	}
	got := r.PostFormValue(csrfField)
	if got == "" || rs.csrf == "" || subtle.ConstantTimeCompare([]byte(got), []byte(rs.csrf)) != 1 {
		return &pokot.Error{Code: pokot.EFORBIDDEN, Key: "error.csrf.text", Message: "CSRF token missing or wrong"}
	}
	return nil
}

// randomToken returns 32 random bytes, base64url-encoded.
func randomToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

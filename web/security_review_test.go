package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestThrottleLongEmail: the throttled forms (sign-in, password reset, sign-in link) count
// whatever was typed in the e-mail field. An address of thousands of characters is a
// refusal like any other, not an internal error (PostgreSQL refused to index such a
// throttle key).
func TestThrottleLongEmail(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	var sb strings.Builder
	for i := 0; sb.Len() < 4000; i++ {
		fmt.Fprintf(&sb, "%x", i*2654435761)
	}
	long := sb.String() + "@example.fi"
	b := e.browser()
	b.get("/signin")
	r := b.post("/signin", url.Values{"email": {long}, "password": {"väärä salasana tämä"}})
	wantStatus(t, r, http.StatusUnauthorized)
	wantBody(t, r, "Sähköpostiosoite tai salasana on väärin.")
	for _, path := range []string{"/password/forgot", "/signin/link"} {
		b.get(path)
		r = b.post(path, url.Values{"email": {long}})
		if r.StatusCode >= 500 {
			t.Fatalf("%s with a long address: status %d", path, r.StatusCode)
		}
	}
}

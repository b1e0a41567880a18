package web_test

import (
	"testing"
)

// TestAdminOrgsShowCountryName: the organisations table names the country in the page's
// language ("Suomi", "Finland"), not by its code "FI".
func TestAdminOrgsShowCountryName(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.user("admin@pokot.fi", "Pia", true)
	e.org("hamk", "HAMK")
	b := e.browser()
	b.signin("admin@pokot.fi")
	r := b.get("/admin/orgs")
	wantBody(t, r, `<td data-label="Maa">Suomi</td>`)
	wantBodyNot(t, r, `>FI</td>`)
	wantBody(t, b.get("/admin/orgs?lang=sv"), `>Finland</td>`)
	wantBody(t, b.get("/admin/orgs?lang=en"), `>Finland</td>`)
}

package web_test

import (
	"net/http"
	"testing"

	"github.com/pokot/pokot"
)

// BenchmarkPages measures whole requests through the handler on a real database: the public
// home page and a signed-in dashboard (session lookup, memberships, template rendering).
func BenchmarkPages(b *testing.B) {
	for _, c := range []struct{ name, path string }{{"home", "/"}, {"dashboard", "/dashboard"}, {"members", "/orgs/hamk/members"}} {
		b.Run(c.name, func(b *testing.B) {
			e := newBenchEnv(b)
			br := e.browser()
			br.signin("admin@hamk.fi")
			b.ResetTimer()
			for b.Loop() {
				r := br.get(c.path)
				if r.StatusCode != http.StatusOK {
					b.Fatalf("status %d", r.StatusCode)
				}
			}
		})
	}
}

func newBenchEnv(b *testing.B) *env {
	e := newEnvTB(b)
	o := e.org("hamk", "Hämeen ammattikorkeakoulu")
	u := e.user("admin@hamk.fi", "Olli", false)
	e.member(o, u, pokot.RoleOrgAdmin)
	for _, r := range []pokot.Role{pokot.RoleDesigner, pokot.RoleLearner} {
		m := e.user(string(r)+"@hamk.fi", "Jäsen "+string(r), false)
		e.member(o, m, r)
	}
	return e
}

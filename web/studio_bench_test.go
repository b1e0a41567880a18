package web_test

import (
	"net/http"
	"net/url"
	"testing"
)

// BenchmarkStudio measures whole studio requests on a real database: the editor's outcome
// step (quality gate, comments, template) and a step save (validation, optimistic
// concurrency, history) of a complete description.
func BenchmarkStudio(b *testing.B) {
	e := newStudioEnv(b)
	anna := e.browser()
	anna.signin("anna@tao.fi")
	base := newDraft(b, anna, "Mittaus")
	fillPublishable(b, anna, base)
	b.Run("step", func(b *testing.B) {
		for b.Loop() {
			if r := anna.get(base + "/step/2"); r.StatusCode != http.StatusOK {
				b.Fatalf("status %d", r.StatusCode)
			}
		}
	})
	b.Run("save", func(b *testing.B) {
		page := anna.get(base + "/step/3")
		rev := regexpFind(`name="revision" value="(\d+)"`, page.body)
		for b.Loop() {
			r := anna.post(base+"/step/3", url.Values{"version": {"1"}, "revision": {rev},
				"workload-value": {"2,5"}, "workload-unit": {"osp"}, "eqfLevel": {"4"}})
			if r.StatusCode != http.StatusSeeOther {
				b.Fatalf("status %d", r.StatusCode)
			}
			n := 0
			for _, c := range rev {
				n = n*10 + int(c-'0')
			}
			rev = itoa(n + 1)
		}
	})
}

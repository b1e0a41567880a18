package api_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/api"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// BenchmarkMe measures an authenticated API request end to end on the test database:
// token lookup (with its LastUsed write), user and memberships, JSON.
func BenchmarkMe(b *testing.B) {
	db := sqldbtest.New(b)
	ctx := b.Context()
	u := &pokot.User{Email: "bench@example.fi", Name: "Bench", Lang: pokot.Finnish}
	if err := db.CreateUser(ctx, u); err != nil {
		b.Fatal(err)
	}
	secret, err := db.CreateAPIToken(ctx, &pokot.APIToken{UserID: u.ID, Name: "bench", Scopes: []pokot.Scope{pokot.ScopeRead}})
	if err != nil {
		b.Fatal(err)
	}
	h := api.New(db, pokot.DefaultConfig(), nil)
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("GET", "/api/v1/me", nil)
		req.Header.Set("Authorization", "Bearer "+secret)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
}

package issuingtest

import (
	"context"
	"testing"
	"time"

	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
	"github.com/pokot/pokot/issuer"
)

// Verifier returns a verifier that resolves the organisation's DID document and status
// lists from what iss publishes and from nothing else, as `pokot verify --resolve` does. Its
// clock runs a minute ahead, since a status list is valid from the second the database
// stamps it.
func (o *Org) Verifier(t testing.TB, iss *issuer.Service) *credential.Verifier {
	t.Helper()
	docs, err := iss.PublishedDocuments(context.Background(), o.Org)
	if err != nil {
		t.Fatalf("issuingtest: published documents of %s: %v", o.Org.Slug, err)
	}
	r := &key.Resolver{Offline: true, Overrides: docs}
	return &credential.Verifier{Resolver: r, Now: func() time.Time { return time.Now().Add(time.Minute) }}
}

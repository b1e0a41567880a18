package api

import (
	"context"
	"time"

	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
)

// verifier returns the Verifier for one credential (JSON text or a compact JWT): with the
// network defaults of key.Resolver, plus — when the credential names this platform's own
// DID documents or status lists — those served in-process by the issuer
// (issuer.Service.LocalDocuments), so that credentials issued here verify on localhost and
// behind a firewall too. The network rules are never opened for private addresses.
func (a *API) verifier(ctx context.Context, data []byte) *credential.Verifier {
	r := &key.Resolver{CacheTTL: 5 * time.Minute} // one verification may fetch a document twice
	if a.issuer != nil {
		if docs := a.issuer.LocalDocuments(ctx, data); len(docs) > 0 {
			r.Overrides = docs
		}
	}
	return &credential.Verifier{Resolver: r, Now: a.now}
}

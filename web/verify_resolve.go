package web

import (
	"context"

	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
)

// verifier returns the Verifier for one credential (JSON text or a compact JWT): the shared
// one, or — when the credential names this platform's own DID documents or status lists —
// one that is served those in-process (issuer.Service.LocalDocuments), so that credentials
// issued here verify on localhost and behind a firewall too.
func (p *verifyPage) verifier(ctx context.Context, data []byte) *credential.Verifier {
	if p.s.issuer == nil {
		return p.shared
	}
	docs := p.s.issuer.LocalDocuments(ctx, data)
	if len(docs) == 0 {
		return p.shared
	}
	return &credential.Verifier{Resolver: &key.Resolver{Overrides: docs}, Now: p.s.now}
}

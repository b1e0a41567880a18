package web

import (
	"errors"
	"net/http"

	"github.com/pokot/pokot"
)

// jwt is the credential as an Open Badges 3.0 VC-JWT. An added JWT credential is given as
// it was added. A credential issued here is stored with its Data Integrity proof only; its
// JWT form is made on demand, signed with the issuing organisation's active key by
// issuer.Service.SignJWT — the same content without the proof, verifiable against the
// organisation's DID document and revocable through the same status entry. Nothing is
// stored: the JWT is the same bytes at every download until the organisation's key is
// rotated, and a JWT downloaded before a rotation keeps verifying (retired keys stay in the
// DID document). See docs/delivery.md, "The learner's wallet".
func (p *walletPages) jwt(r *http.Request, it *walletItem) ([]byte, error) {
	if it.Kind == kindStored {
		if it.Format != pokot.WalletJWT {
			return nil, notFoundErr()
		}
		return it.Data, nil
	}
	if p.s.issuer == nil {
		return nil, errors.New("web: no issuer service to sign the JWT form")
	}
	org, err := p.s.store.OrgByID(r.Context(), it.OrgID)
	if err != nil {
		return nil, err
	}
	tok, err := p.s.issuer.SignJWT(r.Context(), org, it.Doc)
	if err != nil {
		return nil, err
	}
	return []byte(tok), nil
}

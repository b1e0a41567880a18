package web

import (
	"net/http"

	"github.com/pokot/pokot"
)

// share is POST /wallet/{id}/share: switch the public link on (a new random address when
// an earlier one was switched off).
func (p *walletPages) share(w http.ResponseWriter, r *http.Request) error {
	it, err := p.item(r)
	if err != nil {
		return err
	}
	if !it.Shareable() {
		return notFoundErr()
	}
	ws, err := p.store()
	if err != nil {
		return err
	}
	if _, err := ws.CreateShareLink(r.Context(), st(r).user.ID, it.ID); err != nil {
		return err
	}
	p.s.redirectFlash(w, r, "/wallet/"+it.UUID+"#share", "flash.wallet.shared")
	return nil
}

// unshare is POST /wallet/{id}/unshare: switch the public link off for good.
func (p *walletPages) unshare(w http.ResponseWriter, r *http.Request) error {
	it, err := p.item(r)
	if err != nil {
		return err
	}
	ws, err := p.store()
	if err != nil {
		return err
	}
	err = ws.DisableShareLink(r.Context(), st(r).user.ID, it.ID)
	if err != nil && pokot.ErrorCode(err) != pokot.ENOTFOUND {
		return err
	}
	p.s.redirectFlash(w, r, "/wallet/"+it.UUID+"#share", "flash.wallet.unshared")
	return nil
}

// shared is GET /c/{token}: the public page of a shared credential, with the result of
// verifying it now. A link the learner switched off is 410 Gone; an unknown one, or one
// whose credential is no longer in the learner's wallet, is 404.
func (p *walletPages) shared(w http.ResponseWriter, r *http.Request) error {
	ws, err := p.store()
	if err != nil {
		return err
	}
	l, err := ws.ShareLinkByToken(r.Context(), r.PathValue("token"))
	if pokot.ErrorCode(err) == pokot.ENOTFOUND {
		return &pokot.Error{Code: pokot.ENOTFOUND, Key: "wallet.err.share_unknown", Message: "unknown share link"}
	} else if err != nil {
		return err
	}
	if l.Disabled != nil {
		// There is no error code for 410, so the error page is rendered here.
		return p.s.render(w, r, http.StatusGone, "error",
			errorData{Code: "gone", Title: "wallet.share_off.title", Text: "wallet.err.share_off"}, nil)
	}
	u, err := p.s.store.UserByID(r.Context(), l.UserID)
	if err != nil {
		return err
	}
	items, err := p.items(r.Context(), u, st(r).lang)
	if err != nil {
		return err
	}
	for _, it := range items {
		if it.ID != l.CredentialID || !it.Shareable() {
			continue
		}
		w.Header().Set("X-Robots-Tag", "noindex")
		return p.s.render(w, r, http.StatusOK, "walletcred", walletCredData{Item: it, Result: p.check(r, it), Public: true}, nil)
	}
	return &pokot.Error{Code: pokot.ENOTFOUND, Key: "wallet.err.share_unknown", Message: "shared credential no longer in the wallet"}
}

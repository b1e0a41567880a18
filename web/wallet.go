package web

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/certificate"
)

// walletStore is what the learner's wallet needs from storage beyond pokot.Store: the
// credentials issued on this platform, share links and account changes, and the POK
// behind a credential (for its badge image and ELM export). sqldb implements it.
type walletStore interface {
	pokot.IssuanceService
	pokot.AccountService
	pokot.OfferingService
	pokot.MicrocredentialService
}

// walletPages serves the learner's wallet. It verifies credentials the way the public
// verifier does (verify.verifier), so that this site's own DID documents and status
// lists are read in-process.
type walletPages struct {
	s      *server
	verify *verifyPage
}

func (s *server) newWalletPages(v *verifyPage) *walletPages { return &walletPages{s: s, verify: v} }

func (p *walletPages) store() (walletStore, error) {
	ws, ok := p.s.store.(walletStore)
	if !ok {
		return nil, errors.New("web: the store does not implement the wallet")
	}
	return ws, nil
}

// Credential states as the wallet shows them.
const (
	walletValid     = "valid"
	walletRevoked   = "revoked"
	walletSuspended = "suspended"
	walletExpired   = "expired"
)

// walletItem is one credential of the signed-in learner.
type walletItem struct {
	C       *pokot.IssuedCredential
	Doc     map[string]any
	Content *certificate.Content
	UUID    string // the credential id without "urn:uuid:", used in URLs
	Status  string // walletValid, walletRevoked, walletSuspended or walletExpired
	Issued  time.Time
}

// Title is the credential's name, or its id when it has none.
func (it *walletItem) Title() string {
	if it.Content.Title != "" {
		return it.Content.Title
	}
	return it.C.CredentialID
}

// credentialUUID is the URL form of a credential id.
func credentialUUID(id string) string { return strings.TrimPrefix(id, "urn:uuid:") }

// items returns every credential issued to the user's address, across organisations,
// newest first, read in language l.
func (p *walletPages) items(ctx context.Context, u *pokot.User, l pokot.Lang) ([]*walletItem, error) {
	ws, err := p.store()
	if err != nil {
		return nil, err
	}
	cs, err := ws.CredentialsOfEmail(ctx, u.Email)
	if err != nil {
		return nil, err
	}
	now := p.s.now()
	var out []*walletItem
	for _, c := range cs {
		if c.State != pokot.CredentialIssued || len(c.Signed) == 0 {
			continue
		}
		var doc map[string]any
		if err := json.Unmarshal(c.Signed, &doc); err != nil {
			return nil, err
		}
		it := &walletItem{C: c, Doc: doc, Content: certificate.Read(doc, l), UUID: credentialUUID(c.CredentialID)}
		it.Issued = it.Content.Issued
		if it.Issued.IsZero() && c.IssuedAt != nil {
			it.Issued = *c.IssuedAt
		}
		switch {
		case c.RevokedAt != nil:
			it.Status = walletRevoked
		case c.SuspendedAt != nil:
			it.Status = walletSuspended
		case !it.Content.ValidUntil.IsZero() && now.After(it.Content.ValidUntil):
			it.Status = walletExpired
		default:
			it.Status = walletValid
		}
		out = append(out, it)
	}
	return out, nil
}

// item returns the signed-in learner's credential {id}; another learner's, or one that
// does not exist, is the same 404.
func (p *walletPages) item(r *http.Request) (*walletItem, error) {
	id := r.PathValue("id")
	items, err := p.items(r.Context(), st(r).user, st(r).lang)
	if err != nil {
		return nil, err
	}
	for _, it := range items {
		if it.UUID == id && id != "" {
			return it, nil
		}
	}
	return nil, notFoundErr()
}

type walletData struct {
	Items []*walletItem
}

// list is GET /wallet: every credential of the learner, or a word on what one is.
func (p *walletPages) list(w http.ResponseWriter, r *http.Request) error {
	items, err := p.items(r.Context(), st(r).user, st(r).lang)
	if err != nil {
		return err
	}
	return p.s.render(w, r, http.StatusOK, "wallet", walletData{Items: items}, nil)
}

// walletCredData is the data of one credential's page, for its owner or (Public) for
// whoever opens its share link.
type walletCredData struct {
	Item      *walletItem
	Result    *verifyResult
	Public    bool
	Share     *pokot.ShareLink
	ShareURL  string
	LinkedIn  string
	PDFLangs  []pokot.Lang
	VerifyURL string
}

// credential is GET /wallet/{id}: the credential in readable form with its checks,
// downloads, sharing and the LinkedIn link.
func (p *walletPages) credential(w http.ResponseWriter, r *http.Request) error {
	it, err := p.item(r)
	if err != nil {
		return err
	}
	ws, err := p.store()
	if err != nil {
		return err
	}
	d := walletCredData{Item: it, Result: p.check(r, it), PDFLangs: pokot.Langs}
	links, err := ws.ShareLinks(r.Context(), st(r).user.ID)
	if err != nil {
		return err
	}
	for _, l := range links {
		if l.CredentialID == it.C.CredentialID {
			d.Share, d.ShareURL = l, p.shareURL(l)
		}
	}
	d.LinkedIn = linkedInURL(it, d.ShareURL)
	return p.s.render(w, r, http.StatusOK, "walletcred", d, nil)
}

// check verifies the credential now, as the public verifier would.
func (p *walletPages) check(r *http.Request, it *walletItem) *verifyResult {
	res := p.verify.verifier(r.Context(), it.C.Signed).Verify(r.Context(), "wallet", it.C.Signed)
	return p.verify.view(st(r).lang, res)
}

func (p *walletPages) shareURL(l *pokot.ShareLink) string {
	return strings.TrimRight(p.s.cfg.BaseURL, "/") + "/c/" + l.Token
}

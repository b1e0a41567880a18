package web

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/certificate"
)

// walletStore is what the learner's wallet needs from storage beyond pokot.Store: the
// credentials issued on this platform, pathway credentials, the credentials the learner
// added, share links and account changes, and the POK behind a credential (for its badge
// image and ELM export). sqldb implements it.
type walletStore interface {
	pokot.IssuanceService
	pokot.AccountService
	pokot.OfferingService
	pokot.MicrocredentialService
	pokot.PathwayService
	pokot.WalletService
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
	walletInvalid   = "invalid" // an added credential that does not verify now
)

// Kinds of wallet credentials.
const (
	kindIssued  = "issued"  // a POK credential issued on this platform
	kindPathway = "pathway" // a pathway credential issued on this platform
	kindStored  = "stored"  // uploaded by the learner or posted by another platform
)

// walletItem is one credential of the signed-in learner.
type walletItem struct {
	Kind    string
	ID      string                   // the credential's id
	UUID    string                   // the URL form of the id (credentialUUID, or storedKey)
	Data    []byte                   // the credential: JSON text, or a compact JWS for a stored JWT
	Format  string                   // pokot.WalletJSON or pokot.WalletJWT
	OrgID   int64                    // the issuing organisation (issued and pathway credentials)
	C       *pokot.IssuedCredential  // kindIssued
	P       *pokot.PathwayCredential // kindPathway
	W       *pokot.WalletCredential  // kindStored
	Stacked []*walletItem            // kindPathway: the POK credentials it stacks, when in the wallet
	Missing []string                 // kindPathway: ids of stacked credentials not in the wallet
	Doc     map[string]any
	Content *certificate.Content
	Status  string // walletValid, walletRevoked, walletSuspended, walletExpired or walletInvalid
	Issued  time.Time
	Check   *verifyResult // kindStored: checked now (list and credential pages)
}

// Title is the credential's name, or its id when it has none.
func (it *walletItem) Title() string {
	if it.Content.Title != "" {
		return it.Content.Title
	}
	return it.ID
}

// Has reports whether file is one of the item's downloads: every format for credentials
// issued here (ELM only for POK credentials, which have a POK version behind them), and
// for added ones the credential as it was added and baked into an image — not a PDF
// certificate or a JWT in this platform's name.
func (it *walletItem) Has(file string) bool {
	switch file {
	case "badge.png", "badge.svg":
		return true
	case "credential.json":
		return it.Format == pokot.WalletJSON
	case "credential.jwt":
		return it.Kind != kindStored || it.Format == pokot.WalletJWT
	case "elm.jsonld":
		return it.Kind == kindIssued
	case "pdf":
		return it.Kind != kindStored
	}
	return false
}

// Shareable reports whether the item can have a share link: credentials issued here.
func (it *walletItem) Shareable() bool { return it.Kind != kindStored }

// credentialUUID is the URL form of a credential id.
func credentialUUID(id string) string { return strings.TrimPrefix(id, "urn:uuid:") }

// items returns every credential of the user, newest first within each kind: the POK
// credentials issued to the user's address across organisations, then pathway
// credentials, then the ones the learner added. Added credentials are not verified here
// (see checkStored).
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
		it, err := newItem(kindIssued, c.CredentialID, c.Signed, pokot.WalletJSON, l)
		if err != nil {
			return nil, err
		}
		it.C, it.OrgID = c, c.OrgID
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
	paths, err := p.pathwayItems(ctx, ws, u, l, out)
	if err != nil {
		return nil, err
	}
	out = append(out, paths...)
	stored, err := p.storedItems(ctx, ws, u, l, out)
	if err != nil {
		return nil, err
	}
	return append(out, stored...), nil
}

// newItem reads a credential (JSON, or a compact JWS) into a wallet item.
func newItem(kind, id string, data []byte, format string, l pokot.Lang) (*walletItem, error) {
	doc, err := credentialDoc(data, format)
	if err != nil {
		return nil, err
	}
	it := &walletItem{Kind: kind, ID: id, UUID: credentialUUID(id), Data: data, Format: format, Doc: doc,
		Content: certificate.Read(doc, l)}
	it.Issued = it.Content.Issued
	return it, nil
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
	Items    []*walletItem     // every credential
	Issued   []*walletItem     // POK credentials issued here
	Pathways []*walletItem     // pathway credentials issued here
	Stored   []*walletItem     // added by the learner or another platform
	Regs     []*myRegistration // the learner's registrations, newest first
}

// IssuedHere counts the credentials issued on this platform (POK and pathway).
func (d walletData) IssuedHere() int { return len(d.Issued) + len(d.Pathways) }

// list is GET /wallet: every credential of the learner, or a word on what one is.
func (p *walletPages) list(w http.ResponseWriter, r *http.Request) error {
	items, err := p.items(r.Context(), st(r).user, st(r).lang)
	if err != nil {
		return err
	}
	d := walletData{Items: items}
	var live []*walletItem
	for _, it := range items {
		switch it.Kind {
		case kindIssued:
			d.Issued = append(d.Issued, it)
		case kindPathway:
			d.Pathways = append(d.Pathways, it)
			live = append(live, it)
		default:
			d.Stored = append(d.Stored, it)
			live = append(live, it)
		}
	}
	p.checkAll(r, live)
	if d.Regs, err = p.s.myRegistrations(r.Context(), st(r).user, items); err != nil {
		return err
	}
	return p.s.render(w, r, http.StatusOK, "wallet", d, nil)
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
	d := walletCredData{Item: it, PDFLangs: pokot.Langs}
	if it.Kind != kindIssued {
		p.checkStored(r, it)
		d.Result = it.Check
	} else {
		d.Result = p.check(r, it)
	}
	links, err := ws.ShareLinks(r.Context(), st(r).user.ID)
	if err != nil {
		return err
	}
	for _, l := range links {
		if l.CredentialID == it.ID {
			d.Share, d.ShareURL = l, p.shareURL(l)
		}
	}
	d.LinkedIn = linkedInURL(it, d.ShareURL)
	return p.s.render(w, r, http.StatusOK, "walletcred", d, nil)
}

// check verifies the credential now, as the public verifier would.
func (p *walletPages) check(r *http.Request, it *walletItem) *verifyResult {
	res := p.verify.verifier(r.Context(), it.Data).Verify(r.Context(), "wallet", it.Data)
	return p.verify.view(st(r).lang, res)
}

func (p *walletPages) shareURL(l *pokot.ShareLink) string {
	return strings.TrimRight(p.s.cfg.BaseURL, "/") + "/c/" + l.Token
}

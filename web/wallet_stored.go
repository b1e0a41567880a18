package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/certificate"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/vcjwt"
)

// maxStoredPerWallet bounds the added credentials a wallet lists (and a learner may add);
// the store refuses more (pokot.WalletStoredLimit).
const maxStoredPerWallet = pokot.WalletStoredLimit

// storedKey is the URL form of an added credential's id, which may be any URI up to
// 2,000 characters: "x" and 24 hex digits of its SHA-256 (never a UUID, which has dashes).
func storedKey(id string) string {
	sum := sha256.Sum256([]byte(id))
	return "x" + hex.EncodeToString(sum[:12])
}

// credentialDoc decodes a credential: JSON, or the payload of a compact JWS.
func credentialDoc(data []byte, format string) (map[string]any, error) {
	if format == pokot.WalletJWT {
		t, err := vcjwt.Parse(string(data))
		if err != nil {
			return nil, err
		}
		return t.Credential, nil
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// storedItems returns the credentials the learner uploaded or another platform posted,
// except those already among have (issued here: the issued one is the one shown).
func (p *walletPages) storedItems(ctx context.Context, ws walletStore, u *pokot.User, l pokot.Lang, have []*walletItem) ([]*walletItem, error) {
	cs, _, err := ws.WalletCredentials(ctx, u.ID, maxStoredPerWallet+len(have), 0)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, it := range have {
		seen[it.ID] = true
	}
	var out []*walletItem
	for _, c := range cs {
		if c.Source == pokot.WalletIssued || seen[c.CredentialID] {
			continue
		}
		it, err := newItem(kindStored, c.CredentialID, c.Data, c.Format, l)
		if err != nil {
			// Stored credentials were parsed when they came in; one that no longer
			// parses is still listed, so that the learner can remove it.
			it = &walletItem{Kind: kindStored, ID: c.CredentialID, Data: c.Data, Format: c.Format,
				Doc: map[string]any{}}
			it.Content = certificate.Read(it.Doc, l)
		}
		it.W, it.UUID = c, storedKey(c.CredentialID)
		if it.Issued.IsZero() {
			it.Issued = c.Added
		}
		out = append(out, it)
	}
	return out, nil
}

// checkStored verifies an added (or pathway) credential now, with the public verifier's
// Verifier, and sets its status from the result.
func (p *walletPages) checkStored(r *http.Request, it *walletItem) {
	res := p.verify.verifier(r.Context(), it.Data).Verify(r.Context(), "wallet", it.Data)
	it.Check = p.verify.view(st(r).lang, res)
	it.Status = storedStatus(res)
}

// liveChecks is how many credentials of one wallet are verified at once: another
// platform's did:web documents and status lists may be slow to fetch.
const liveChecks = 4

// checkAll runs checkStored on the items, liveChecks at a time.
func (p *walletPages) checkAll(r *http.Request, items []*walletItem) {
	sem := make(chan struct{}, liveChecks)
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			p.checkStored(r, it)
		}()
	}
	wg.Wait()
}

// storedStatus is the wallet state a verification result means.
func storedStatus(res credential.Result) string {
	if res.Verified {
		return walletValid
	}
	status := walletInvalid
	for _, c := range res.Failed() {
		switch {
		case c.Key == "verify.status.revoked":
			return walletRevoked
		case c.Key == "verify.status.suspended":
			status = walletSuspended
		case c.Key == "verify.validity.expired" && status == walletInvalid:
			status = walletExpired
		default:
			return walletInvalid
		}
	}
	return status
}

// acceptable reports whether a verification result lets a credential into the wallet:
// every check passed but perhaps the validity window (an expired credential is still a
// true record of what was achieved). A tampered, unsigned, revoked or unreadable one is
// refused.
func acceptable(res credential.Result) bool {
	for _, c := range res.Failed() {
		if c.Name != "validity" {
			return false
		}
	}
	return len(res.Checks) > 0
}

// walletAddData is the data of the add-a-credential page.
type walletAddData struct {
	Form   *form
	Result *verifyResult // a refused credential's checks
	MaxMB  string
}

// addForm is GET /wallet/add: upload or paste a credential from elsewhere.
func (p *walletPages) addForm(w http.ResponseWriter, r *http.Request) error {
	return p.renderAdd(w, r, http.StatusOK, newForm("walletadd", nil), nil)
}

func (p *walletPages) renderAdd(w http.ResponseWriter, r *http.Request, status int, f *form, res *verifyResult) error {
	var summary *form
	if !f.OK() {
		summary = f
	}
	mb := fmt.Sprint(maxWalletUpload >> 20)
	return p.s.render(w, r, status, "walletadd", walletAddData{Form: f, Result: res, MaxMB: mb}, summary)
}

// maxWalletUpload bounds an added credential as the store does (1 MiB), whatever the
// site's upload limit.
const maxWalletUpload = 1 << 20

// add is POST /wallet/add: the credential is verified as the public verifier would; one
// that verifies (or has only expired) is stored in the wallet, any other is refused with
// the failed checks and nothing is stored.
func (p *walletPages) add(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	f := newForm("walletadd", r)
	name, data, err := p.verify.input(r, f)
	if err != nil {
		return err
	}
	field := "credential"
	if name != "" {
		field = "file"
	}
	if f.OK() && len(data) > maxWalletUpload {
		f.Add(field, "wallet.err.add_too_large")
	}
	if !f.OK() {
		return p.renderAdd(w, r, http.StatusUnprocessableEntity, f, nil)
	}
	items := credential.Items(name, data)
	kind := credential.Detect(name, data)
	switch {
	case len(items) == 0 || (len(items) == 1 && items[0].Err != nil && kind != credential.KindPNG && kind != credential.KindSVG):
		f.Add(field, "verify.err.unreadable")
	case len(items) == 1 && items[0].Err != nil:
		f.Add(field, "verify.err.not_baked")
	case len(items) > 1:
		f.Add(field, "verify.err.several")
	}
	if !f.OK() {
		return p.renderAdd(w, r, http.StatusUnprocessableEntity, f, nil)
	}
	source := name
	if source == "" {
		source = "pasted"
	}
	body := items[0].Data
	res := p.verify.verifier(ctx, body).Verify(ctx, source, body)
	if !acceptable(res) {
		f.Add(field, "wallet.err.add_refused")
		return p.renderAdd(w, r, http.StatusUnprocessableEntity, f, p.verify.view(st(r).lang, res))
	}
	id, _ := res.Credential["id"].(string)
	if id == "" {
		f.Add(field, "wallet.err.add_no_id")
		return p.renderAdd(w, r, http.StatusUnprocessableEntity, f, nil)
	}
	ws, err := p.store()
	if err != nil {
		return err
	}
	u := st(r).user
	items2, err := p.items(ctx, u, st(r).lang)
	if err != nil {
		return err
	}
	stored := 0
	for _, it := range items2 {
		if it.ID == id && it.Kind != kindStored {
			// Issued here: already in the wallet, in its own form.
			p.s.redirectFlash(w, r, "/wallet/"+it.UUID, "flash.wallet.already_in")
			return nil
		}
		if it.Kind == kindStored {
			stored++
		}
	}
	if stored >= maxStoredPerWallet {
		f.Add(field, "wallet.err.add_full")
		return p.renderAdd(w, r, http.StatusUnprocessableEntity, f, nil)
	}
	format := pokot.WalletJSON
	if res.Format == credential.FormatJWT {
		format = pokot.WalletJWT
	}
	c := &pokot.WalletCredential{UserID: u.ID, CredentialID: id, Format: format, Data: body, Source: pokot.WalletUpload}
	if _, err := ws.UpsertWalletCredential(ctx, c); err != nil {
		if f.AddErr(err) {
			return p.renderAdd(w, r, http.StatusUnprocessableEntity, f, nil)
		}
		return err
	}
	if c.Source == pokot.WalletIssued {
		p.s.redirectFlash(w, r, "/wallet/"+credentialUUID(id), "flash.wallet.already_in")
		return nil
	}
	p.s.redirectFlash(w, r, "/wallet/"+storedKey(id), "flash.wallet.added")
	return nil
}

// remove is POST /wallet/{id}/remove: an added credential leaves the wallet. Credentials
// issued here cannot be removed (they are found by the learner's address), only hidden
// by deleting the account.
func (p *walletPages) remove(w http.ResponseWriter, r *http.Request) error {
	it, err := p.item(r)
	if err != nil {
		return err
	}
	if it.Kind != kindStored {
		return notFoundErr()
	}
	ws, err := p.store()
	if err != nil {
		return err
	}
	if err := ws.DeleteWalletCredential(r.Context(), st(r).user.ID, it.ID); err != nil {
		return err
	}
	p.s.redirectFlash(w, r, "/wallet", "flash.wallet.removed")
	return nil
}

package web

import (
	"context"
	"strconv"

	"github.com/pokot/pokot"
)

// pathwayItems returns the learner's pathway credentials, each with the POK credentials
// it stacks (those of issued, found in the wallet by id; any other id is listed as
// missing — e.g. a credential issued to an address the learner no longer uses).
func (p *walletPages) pathwayItems(ctx context.Context, ws walletStore, u *pokot.User, l pokot.Lang, issued []*walletItem) ([]*walletItem, error) {
	cs, err := ws.PathwayCredentialsOfEmail(ctx, u.Email)
	if err != nil {
		return nil, err
	}
	byID := map[string]*walletItem{}
	for _, it := range issued {
		byID[it.ID] = it
	}
	now := p.s.now()
	var out []*walletItem
	for i := len(cs) - 1; i >= 0; i-- { // newest first
		c := cs[i]
		if c.State != pokot.CredentialIssued || len(c.Signed) == 0 {
			continue
		}
		it, err := newItem(kindPathway, c.CredentialID, c.Signed, pokot.WalletJSON, l)
		if err != nil {
			return nil, err
		}
		it.P, it.OrgID = c, c.OrgID
		if it.Issued.IsZero() && c.IssuedAt != nil {
			it.Issued = *c.IssuedAt
		}
		for _, id := range c.Stacked {
			if s := byID[id]; s != nil {
				it.Stacked = append(it.Stacked, s)
			} else {
				it.Missing = append(it.Missing, id)
			}
		}
		// The organisation records no revocation of pathway credentials beside the status
		// list itself, so their state is what a verifier sees now (checkStored), set by
		// the pages that show it; until then it is what the dates say.
		it.Status = walletValid
		if !it.Content.ValidUntil.IsZero() && now.After(it.Content.ValidUntil) {
			it.Status = walletExpired
		}
		out = append(out, it)
	}
	return out, nil
}

// PathwayURL is the public page of a pathway credential's pathway, "" for other kinds.
func (it *walletItem) PathwayURL() string {
	if it.P == nil {
		return ""
	}
	return "/pathways/" + strconv.FormatInt(it.P.PathwayID, 10)
}

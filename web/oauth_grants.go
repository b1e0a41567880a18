package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/pokot/pokot"
)

// grantsData is the data of the page of the applications a user has allowed.
type grantsData struct {
	Grants []grantView
}

// grantView is one application the user has allowed, ready for the page.
type grantView struct {
	ClientID string
	Name     string
	Host     string   // where the application sends the browser back to
	Site     string   // the application's own website, if it gave one
	Scopes   []string // catalog keys of the allowed scopes, in plain language
	Granted  time.Time
}

// grantService returns the store's grant service, or nil (every *sqldb.DB has it).
func (p *oauthPages) grantService() pokot.OAuthGrantService {
	g, _ := p.s.store.(pokot.OAuthGrantService)
	return g
}

// grants lists the applications the signed-in user has allowed to use their badges: the
// name, what each may do and since when, with a button that withdraws the permission.
func (p *oauthPages) grants(w http.ResponseWriter, r *http.Request) error {
	svc := p.grantService()
	if svc == nil {
		return notFoundErr()
	}
	gs, err := svc.OAuthGrants(r.Context(), st(r).user.ID, p.s.now())
	if err != nil {
		return err
	}
	d := grantsData{}
	for _, g := range gs {
		v := grantView{ClientID: g.Client.ClientID, Name: g.Client.Name, Site: g.Client.ClientURI, Granted: g.Granted}
		if len(g.Client.RedirectURIs) > 0 {
			v.Host = hostOf(g.Client.RedirectURIs[0])
		}
		for _, sc := range g.Scopes {
			v.Scopes = append(v.Scopes, scopeKey(sc))
		}
		d.Grants = append(d.Grants, v)
	}
	return p.s.render(w, r, http.StatusOK, "oauthgrants", d, nil)
}

// revokeGrant withdraws the user's permission from one application (s.app has checked the
// CSRF token): its tokens stop working at once.
func (p *oauthPages) revokeGrant(w http.ResponseWriter, r *http.Request) error {
	svc := p.grantService()
	if svc == nil {
		return notFoundErr()
	}
	err := svc.RevokeOAuthGrant(r.Context(), st(r).user.ID, r.PathValue("client"), p.s.now())
	switch pokot.ErrorCode(err) {
	case "":
		p.s.redirectFlash(w, r, "/oauth/grants", "flash.oauth.grant_revoked")
	case pokot.ENOTFOUND:
		// Already withdrawn (a second click, another tab) or never given: nothing to do.
		p.s.redirectFlash(w, r, "/oauth/grants", "flash.oauth.grant_gone")
	default:
		return err
	}
	return nil
}

// scopeKey is the catalog key that says what a scope lets an application do.
func scopeKey(scope string) string {
	return "oauth.scope." + strings.TrimPrefix(scope, "https://purl.imsglobal.org/spec/ob/v3p0/scope/")
}

package api

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/pokot/pokot"
)

// invitationTTL is how long an invitation link works.
const invitationTTL = 7 * 24 * time.Hour

// roleNames are the roles in the three languages, for the invitation e-mail.
var roleNames = map[pokot.Role][3]string{
	pokot.RoleOrgAdmin: {"organisaation pääkäyttäjä", "organisationens huvudanvändare", "organisation administrator"},
	pokot.RoleDesigner: {"suunnittelija", "planerare", "designer"},
	pokot.RoleAssessor: {"arvioija", "bedömare", "assessor"},
	pokot.RolePartner:  {"työelämäkumppani", "arbetslivspartner", "working-life partner"},
	pokot.RoleLearner:  {"oppija", "studerande", "learner"},
}

// invite creates an invitation to the organisation and e-mails its link. Organisation and
// platform administrators only.
func (a *API) invite(w http.ResponseWriter, r *http.Request, u *pokot.User) error {
	ac, err := a.orgAccess(r, u)
	if err != nil {
		return err
	}
	if !ac.admin {
		return forbiddenAdmin()
	}
	var in struct {
		Email string `json:"email"`
		Role  string `json:"role"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	var errs pokot.Errors
	email, err := pokot.NormalizeEmail(in.Email)
	if err != nil {
		errs = append(errs, pokot.FieldError("email", "err.email_invalid", "not a valid e-mail address"))
	}
	role := pokot.Role(in.Role)
	if !role.Valid() {
		errs = append(errs, pokot.FieldError("role", "err.role_invalid", "role must be one of orgadmin, designer, assessor, partner, learner"))
	}
	if err := errs.Err(); err != nil {
		return err
	}
	inv := &pokot.Invitation{OrgID: ac.org.ID, Email: email, Role: role, InvitedBy: u.ID, Expires: a.now().Add(invitationTTL)}
	token, err := a.store.CreateInvitation(r.Context(), inv)
	if err != nil {
		return err
	}
	link := a.cfg.BaseURL + "/invitations/" + url.PathEscape(token)
	if err := a.mailer.Send(r.Context(), invitationMail(email, ac.org, role, u, link, inv.Expires)); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/orgs/"+url.PathEscape(ac.org.Slug)+"/invitations/"+fmt.Sprint(inv.ID))
	writeJSON(w, http.StatusCreated, map[string]any{
		"id": inv.ID, "org": ac.org.Slug, "email": inv.Email, "role": string(inv.Role), "expires": inv.Expires.UTC(),
	})
	return nil
}

// invitationMail writes the invitation in Finnish, Swedish and English: the recipient may
// not have an account, so their language is not known.
func invitationMail(to string, org *pokot.Organisation, role pokot.Role, by *pokot.User, link string, expires time.Time) *pokot.Mail {
	inviter := by.Name
	if inviter == "" {
		inviter = by.Email
	}
	hel, err := time.LoadLocation("Europe/Helsinki")
	if err != nil {
		hel = time.UTC
	}
	until := expires.In(hel).Format("2.1.2006")
	rn := roleNames[role]
	paras := [3]string{
		fmt.Sprintf("%s kutsuu sinut POKOT-palveluun organisaatioon %s rooliin %s. Hyväksy kutsu %s mennessä:", inviter, org.Name.Get(pokot.Finnish), rn[0], until),
		fmt.Sprintf("%s bjuder in dig till POKOT i organisationen %s med rollen %s. Godkänn inbjudan senast %s:", inviter, org.Name.Get(pokot.Swedish), rn[1], until),
		fmt.Sprintf("%s invites you to POKOT in the organisation %s as %s. Accept the invitation by %s:", inviter, org.Name.Get(pokot.English), rn[2], until),
	}
	var text, htm strings.Builder
	htm.WriteString(`<!doctype html><html><body style="font-family:sans-serif">`)
	for i, p := range paras {
		lang := []string{"fi", "sv", "en"}[i]
		fmt.Fprintf(&text, "%s\n%s\n\n", p, link)
		fmt.Fprintf(&htm, `<p lang="%s">%s<br><a href="%s">%s</a></p>`, lang, html.EscapeString(p), html.EscapeString(link), html.EscapeString(link))
	}
	htm.WriteString("</body></html>")
	return &pokot.Mail{
		To:      to,
		Subject: "Kutsu POKOT-palveluun – Inbjudan till POKOT – Invitation to POKOT",
		Text:    text.String(),
		HTML:    htm.String(),
	}
}

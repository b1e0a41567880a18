package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// invitationTTL is how long an invitation link works.
const invitationTTL = 7 * 24 * time.Hour

// invite creates an invitation and e-mails its one-time link.
func (s *server) invite(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	o, _, err := s.orgAccess(r, pokot.RoleOrgAdmin)
	if err != nil {
		return err
	}
	f := newForm("invite", r)
	email, err := pokot.NormalizeEmail(f.Get("email"))
	if err != nil {
		f.AddErr(err)
	}
	role := pokot.Role(f.Get("role"))
	if !role.Valid() {
		f.Add("role", "err.role_required")
	}
	l, ok := inviteLang(f.Get("lang"))
	if !ok {
		f.Add("lang", "uxgo.err.invite_lang")
	}
	if !f.OK() {
		return s.renderMembers(w, r, http.StatusUnprocessableEntity, o, f, "", f)
	}
	now := s.now()
	u := st(r).user
	inv := &pokot.Invitation{OrgID: o.ID, Email: email, Role: role, InvitedBy: u.ID, Expires: now.Add(invitationTTL)}
	token, err := s.store.CreateInvitation(ctx, inv)
	if err != nil {
		if f.AddErr(err) || conflictOn(f, err, "email", "err.already_member") {
			return s.renderMembers(w, r, http.StatusUnprocessableEntity, o, f, "", f)
		}
		return err
	}
	// The message goes in the invitee's own language when they already have an account,
	// otherwise in the language chosen on the form (Finnish unless chosen), never simply
	// in the language the inviter happens to use.
	link := s.cfg.BaseURL + "/invitations/" + token
	if known, err := s.store.UserByEmail(ctx, email); err == nil {
		if kl, ok := pokot.ParseLang(string(known.Lang)); ok {
			l = kl
		}
	} else {
		// A newcomer's invitation page opens in the mail's language too, Finnish included
		// (without it the page would follow the browser's language); someone with an
		// account has their own language once signed in.
		link += "?lang=" + string(l)
	}
	if err := s.mailer.Send(ctx, &pokot.Mail{
		To:      email,
		Subject: i18n.T(l, "mail.invite.subject", "org", o.Name.Get(l)),
		Text: i18n.T(l, "mail.invite.body", "inviter", u.Name, "org", o.Name.Get(l),
			"role", i18n.T(l, "role."+string(role)), "link", link, "expires", i18n.DateTime(l, inv.Expires)),
	}); err != nil {
		return err
	}
	s.redirectFlash(w, r, "/orgs/"+o.Slug+"/members", "flash.invitation_sent")
	return nil
}

// inviteLang is the language of an invitation e-mail chosen on the invite form: Finnish
// when none was chosen, false for a value that is not one of the languages.
func inviteLang(v string) (pokot.Lang, bool) {
	if v == "" {
		return pokot.Finnish, true
	}
	return pokot.ParseLang(v)
}

// cancelInvitation deletes an open invitation of this organisation.
func (s *server) cancelInvitation(w http.ResponseWriter, r *http.Request) error {
	o, _, err := s.orgAccess(r, pokot.RoleOrgAdmin)
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return notFoundErr()
	}
	if err := s.store.CancelInvitation(r.Context(), o.ID, id); err != nil {
		if pokot.ErrorCode(err) == pokot.ENOTFOUND {
			return notFoundErr()
		}
		return err
	}
	s.redirectFlash(w, r, "/orgs/"+o.Slug+"/members", "flash.invitation_cancelled")
	return nil
}

type invitationData struct {
	Inv        *pokot.Invitation
	Org        *pokot.Organisation
	HasAccount bool
	OtherEmail bool // signed in with another address than the invitation's
	Form       *form
	Action     string
	SigninNext string
}

// loadInvitation finds the open invitation of {token} and its organisation.
func (s *server) loadInvitation(r *http.Request) (*invitationData, error) {
	ctx := r.Context()
	inv, err := s.store.InvitationByToken(ctx, r.PathValue("token"), s.now())
	if pokot.ErrorCode(err) == pokot.ENOTFOUND {
		return nil, &pokot.Error{Code: pokot.ENOTFOUND, Key: "err.invitation_invalid", Message: "invitation unknown, used or expired"}
	} else if err != nil {
		return nil, err
	}
	o, err := s.store.OrgByID(ctx, inv.OrgID)
	if err != nil {
		return nil, err
	}
	d := &invitationData{Inv: inv, Org: o, Action: r.URL.Path, SigninNext: "/signin?next=" + r.URL.Path}
	if u := st(r).user; u != nil {
		d.OtherEmail = u.Email != inv.Email
	} else {
		_, err := s.store.UserByEmail(ctx, inv.Email)
		if err != nil && pokot.ErrorCode(err) != pokot.ENOTFOUND {
			return nil, err
		}
		d.HasAccount = err == nil
	}
	return d, nil
}

// invitationPage shows what the invitation is and how to accept it: with the signed-in
// account, by signing in first, or by creating an account.
func (s *server) invitationPage(w http.ResponseWriter, r *http.Request) error {
	d, err := s.loadInvitation(r)
	if err != nil {
		return err
	}
	d.Form = newForm("accept", nil)
	return s.render(w, r, http.StatusOK, "invitation", d, nil)
}

// acceptInvitation grants the invited role, creating the account first when needed.
func (s *server) acceptInvitation(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	d, err := s.loadInvitation(r)
	if err != nil {
		return err
	}
	token := r.PathValue("token")
	u := st(r).user
	if u == nil {
		if d.HasAccount {
			http.Redirect(w, r, d.SigninNext, http.StatusSeeOther)
			return nil
		}
		f := newForm("accept", r)
		nu, ok := s.newAccount(r, f, d.Inv.Email)
		if !ok {
			d.Form = f
			return s.render(w, r, http.StatusUnprocessableEntity, "invitation", d, f)
		}
		if err := s.store.CreateUser(ctx, nu); err != nil {
			return err
		}
		u = nu
	}
	if _, err := s.store.AcceptInvitation(ctx, token, u.ID, s.now()); err != nil {
		if pokot.ErrorCode(err) == pokot.ENOTFOUND {
			return &pokot.Error{Code: pokot.ENOTFOUND, Key: "err.invitation_invalid", Message: "invitation used or expired"}
		}
		return err
	}
	if st(r).user == nil {
		if err := s.startSession(w, r, u); err != nil {
			return err
		}
	}
	s.redirectFlash(w, r, "/orgs/"+d.Org.Slug, "flash.invitation_accepted")
	return nil
}

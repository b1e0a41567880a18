package web

import (
	"cmp"
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// commentsView is the comment section of an editor page.
type commentsView struct {
	Threads    []threadView
	Anchors    []sopt
	Form       *form
	CanComment bool
	Step       int
}

type threadView struct {
	*pokot.Thread
	AnchorLabel string
	Href        string
	Removed     bool // the thread is about a learning outcome that has been removed since
}

// stepAnchors lists the places a comment can be attached to on a step.
func stepAnchors(step int, c *pokot.MicrocredentialContent) []string {
	switch step {
	case stepBasics:
		return []string{"title", "description", "iscedField", "targetGroup", "keywords"}
	case stepOutcomes:
		as := []string{"outcomes"}
		for _, o := range c.Outcomes {
			if o.ID != "" {
				as = append(as, pokot.OutcomeAnchor(o.ID, "text"), pokot.OutcomeAnchor(o.ID, "criteria"))
			}
		}
		return as
	case stepScope:
		return []string{"workload", "eqfLevel", "duration"}
	case stepAssessment:
		return []string{"assessment", "assessmentInfo", "supervision", "grading"}
	case stepDelivery:
		return []string{"participation", "languages", "delivery", "price"}
	case stepQuality:
		return []string{"qualityAssurance", "prerequisites", "stackability", "validityMonths", "partners"}
	case stepImage:
		return []string{"image", "contact"}
	}
	return []string{""}
}

// placeOf resolves a comment anchor against the current description: an anchor on a
// learning outcome (by its ID) becomes the path of the outcome's present position, for
// its label and link; removed says that the outcome is no longer in the description.
func placeOf(anchor string, c *pokot.MicrocredentialContent) (path string, removed bool) {
	id, _, rest, ok := pokot.ParseOutcomeAnchor(anchor)
	if !ok {
		return anchor, false
	}
	i := c.OutcomeIndex(id)
	if i < 0 {
		return "outcomes", true
	}
	return "outcomes[" + strconv.Itoa(i) + "]" + rest, false
}

// removedOutcomeLabel names the outcome of a thread whose outcome has been removed, by
// its last text: in the version the thread was written on, or else in the newest version
// that still has it (a draft keeps no copy of what was removed from it). versions holds
// the POK's versions once read.
func (s *server) removedOutcomeLabel(r *http.Request, p *studioPOK, t *pokot.Thread, versions *[]*pokot.MicrocredentialVersion) string {
	l := st(r).lang
	if *versions == nil {
		vs, err := p.mcs.MicrocredentialVersions(r.Context(), p.Org.ID, p.MC.ID)
		if err != nil || vs == nil {
			vs = []*pokot.MicrocredentialVersion{}
		}
		*versions = vs
	}
	id, _, _, _ := pokot.ParseOutcomeAnchor(t.Anchor)
	ordered := slices.Clone(*versions) // newest first, the thread's own version before all
	slices.SortStableFunc(ordered, func(a, b *pokot.MicrocredentialVersion) int {
		return cmp.Compare(boolInt(b.Number == t.Version), boolInt(a.Number == t.Version))
	})
	for _, v := range ordered {
		if i := v.Content.OutcomeIndex(id); i >= 0 {
			text := []rune(v.Content.Outcomes[i].Text.Get(l))
			if len(text) > 80 {
				text = append(text[:79], '…')
			}
			if len(text) > 0 {
				return i18n.T(l, "studio.anchor.removed_outcome_text", "text", string(text))
			}
		}
	}
	return i18n.T(l, "studio.anchor.removed_outcome")
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// commentsFor gathers the threads of a step (every thread on the overview).
func (s *server) commentsFor(r *http.Request, p *studioPOK, step int, f *form) (commentsView, error) {
	l := st(r).lang
	cv := commentsView{CanComment: p.Access.Comment, Step: step, Form: newForm("cm", nil)}
	if f != nil && f.Name == "cm" {
		cv.Form = f
	}
	cs, err := p.mcs.Comments(r.Context(), p.Org.ID, p.MC.ID)
	if err != nil {
		return cv, err
	}
	cur := &p.MC.Current.Content
	var versions []*pokot.MicrocredentialVersion
	for _, t := range pokot.Threads(cs) {
		ts := stepOf(t.Anchor)
		if step != 0 && ts != step {
			continue
		}
		path, removed := placeOf(t.Anchor, cur)
		tv := threadView{Thread: t, AnchorLabel: pathLabel(l, path), Href: p.Base(), Removed: removed}
		if removed {
			tv.AnchorLabel = s.removedOutcomeLabel(r, p, t, &versions)
		}
		if ts > 0 {
			tv.Href += "/step/" + strconv.Itoa(ts) + "#ed-" + anchorField(path)
		}
		cv.Threads = append(cv.Threads, tv)
	}
	want := cv.Form.Get("anchor")
	if want == "" {
		want = r.URL.Query().Get("anchor") // "comment on this outcome" links
	}
	for _, a := range stepAnchors(step, cur) {
		path, _ := placeOf(a, cur)
		o := sopt{Value: a, Label: pathLabel(l, path)}
		o.Checked = want == a
		cv.Anchors = append(cv.Anchors, o)
	}
	return cv, nil
}

// anchorField is the element id suffix of the field a comment anchor names.
func anchorField(anchor string) string {
	switch {
	case strings.HasPrefix(anchor, "outcomes["):
		return fname(anchor) + "-fi"
	case anchor == "outcomes", anchor == "":
		return "outcomes"
	}
	f := errField(anchor)
	switch anchor {
	case "description", "targetGroup", "duration", "assessmentInfo", "prerequisites", "keywords":
		f = fname(anchor) + "-fi"
	case "delivery":
		f = "delivery-schedule"
	case "price":
		f = "price-eur"
	case "stackability":
		f = "stackability-kind"
	}
	return f
}

// studioComment adds a comment or a reply and e-mails the people it mentions.
func (s *server) studioComment(w http.ResponseWriter, r *http.Request) error {
	p, err := s.loadStudioPOK(r)
	if err != nil {
		return err
	}
	if !p.Access.Comment {
		return forbidden()
	}
	ctx := r.Context()
	u := st(r).user
	f := newForm("cm", r)
	step, _ := strconv.Atoi(f.Get("step"))
	if step < 0 || step > stepCount {
		step = 0
	}
	c := &pokot.Comment{OrgID: p.Org.ID, MicrocredentialID: p.MC.ID, Version: p.MC.CurrentVersion,
		Anchor: f.Get("anchor"), AuthorID: u.ID, Body: f.Raw("body")}
	if pid, err := strconv.ParseInt(f.Get("parent"), 10, 64); err == nil && pid > 0 {
		c.ParentID = &pid
	}
	if err := p.mcs.AddComment(ctx, c); err != nil {
		if pokot.ErrorCode(err) == pokot.ENOTFOUND {
			return notFoundErr()
		}
		if !f.AddErr(err) {
			return err
		}
		if c.ParentID != nil {
			f.Errors[len(f.Errors)-1].ID = "reply-" + f.Get("parent")
		}
		v := p.MC.Current
		ef := newForm("ed", nil)
		ef.Values = contentValues(&v.Content, st(r).lang)
		d, err := s.newEditData(r, p, v, step, ef)
		if err != nil {
			return err
		}
		cv, err := s.commentsFor(r, p, step, f)
		if err != nil {
			return err
		}
		d.Comments = cv
		if step == 0 {
			return s.renderOverviewWith(w, r, http.StatusUnprocessableEntity, p, d, f)
		}
		return s.renderEdit(w, r, http.StatusUnprocessableEntity, d, f)
	}
	for _, id := range c.Mentions {
		if id == u.ID {
			continue
		}
		to, err := s.store.UserByID(ctx, id)
		if err != nil {
			continue
		}
		l := to.Lang
		if _, ok := pokot.ParseLang(string(l)); !ok {
			l = pokot.Finnish
		}
		if err := s.mailer.Send(ctx, &pokot.Mail{
			To:      to.Email,
			Subject: i18n.T(l, "studio.mail.mention.subject", "name", u.Name, "title", p.MC.Current.Content.Title.Get(l)),
			Text: i18n.T(l, "studio.mail.mention.body", "name", u.Name, "title", p.MC.Current.Content.Title.Get(l),
				"comment", c.Body, "link", s.cfg.BaseURL+stepURL(p, step)+"#comments"),
		}); err != nil {
			return err
		}
	}
	s.redirectFlash(w, r, stepURL(p, step)+"#comments", "studio.flash.commented")
	return nil
}

func stepURL(p *studioPOK, step int) string {
	if step == 0 {
		return p.Base()
	}
	return p.Base() + "/step/" + strconv.Itoa(step)
}

// renderOverviewWith renders the overview with prepared editor data (a refused comment).
func (s *server) renderOverviewWith(w http.ResponseWriter, r *http.Request, status int, p *studioPOK, d *editData, summary *form) error {
	ctx := r.Context()
	ov := &overviewData{Invite: newForm("invite", nil)}
	if err := loadCoDesign(ctx, r, p, ov); err != nil {
		return err
	}
	ov.Actions = workflowActions(p, d.V, st(r).user.ID, d.Publishable)
	d.Overview = ov
	return s.renderEdit(w, r, status, d, summary)
}

// studioResolve resolves or reopens a thread.
func (s *server) studioResolve(w http.ResponseWriter, r *http.Request) error {
	p, err := s.loadStudioPOK(r)
	if err != nil {
		return err
	}
	if !p.Access.Comment {
		return forbidden()
	}
	cid, err := strconv.ParseInt(r.PathValue("comment"), 10, 64)
	if err != nil {
		return notFoundErr()
	}
	resolved := r.PostFormValue("resolved") == "1"
	if err := p.mcs.ResolveComment(r.Context(), p.Org.ID, cid, st(r).user.ID, resolved); err != nil {
		if pokot.ErrorCode(err) == pokot.ENOTFOUND {
			return notFoundErr()
		}
		return err
	}
	step, _ := strconv.Atoi(r.PostFormValue("step"))
	if step < 0 || step > stepCount {
		step = 0
	}
	key := "studio.flash.reopened"
	if resolved {
		key = "studio.flash.resolved"
	}
	s.redirectFlash(w, r, stepURL(p, step)+"#comments", key)
	return nil
}

// studioInvitePartner invites a working-life partner by e-mail to co-design the POK.
// Someone without an account also gets an invitation to the organisation as a partner,
// so that they can create one with the existing invitation page.
func (s *server) studioInvitePartner(w http.ResponseWriter, r *http.Request) error {
	p, err := s.loadStudioPOK(r)
	if err != nil {
		return err
	}
	if !p.Access.Edit {
		return forbidden()
	}
	ctx := r.Context()
	u := st(r).user
	f := newForm("invite", r)
	email, err := pokot.NormalizeEmail(f.Get("email"))
	if err == nil {
		_, err = p.mcs.AddPartner(ctx, p.Org.ID, p.MC.ID, u.ID, email)
	}
	if err != nil {
		if !f.AddErr(err) && !conflictOn(f, err, "email", "err.mc.partner_exists") {
			return err
		}
		return s.renderOverview(w, r, http.StatusUnprocessableEntity, p, f, f)
	}
	l := st(r).lang
	link := s.cfg.BaseURL + p.Base()
	accountLink := ""
	if known, err := s.store.UserByEmail(ctx, email); err == nil {
		if kl, ok := pokot.ParseLang(string(known.Lang)); ok {
			l = kl
		}
	} else if pokot.ErrorCode(err) == pokot.ENOTFOUND {
		inv := &pokot.Invitation{OrgID: p.Org.ID, Email: email, Role: pokot.RolePartner, InvitedBy: u.ID, Expires: s.now().Add(invitationTTL)}
		token, err := s.store.CreateInvitation(ctx, inv)
		if err != nil {
			return err
		}
		accountLink = s.cfg.BaseURL + "/invitations/" + token
	} else {
		return err
	}
	title := p.MC.Current.Content.Title.Get(l)
	body := i18n.T(l, "studio.mail.partner.body", "inviter", u.Name, "org", p.Org.Name.Get(l), "title", title, "link", link)
	if accountLink != "" {
		body += "\n\n" + i18n.T(l, "studio.mail.partner.account", "link", accountLink)
	}
	if err := s.mailer.Send(ctx, &pokot.Mail{To: email,
		Subject: i18n.T(l, "studio.mail.partner.subject", "title", title), Text: body}); err != nil {
		return err
	}
	s.redirectFlash(w, r, p.Base()+"#partners-title", "studio.flash.partner_invited")
	return nil
}

// studioRemovePartner withdraws a partner's invitation.
func (s *server) studioRemovePartner(w http.ResponseWriter, r *http.Request) error {
	p, err := s.loadStudioPOK(r)
	if err != nil {
		return err
	}
	if !p.Access.Edit {
		return forbidden()
	}
	gid, err := strconv.ParseInt(r.PathValue("grant"), 10, 64)
	if err != nil {
		return notFoundErr()
	}
	if err := p.mcs.RemovePartner(r.Context(), p.Org.ID, p.MC.ID, st(r).user.ID, gid); err != nil {
		if pokot.ErrorCode(err) == pokot.ENOTFOUND {
			return notFoundErr()
		}
		return err
	}
	s.redirectFlash(w, r, p.Base()+"#partners-title", "studio.flash.partner_removed")
	return nil
}

// studioSignOff records the partner's acceptance of the newest version.
func (s *server) studioSignOff(w http.ResponseWriter, r *http.Request) error {
	p, err := s.loadStudioPOK(r)
	if err != nil {
		return err
	}
	if !p.Access.SignOff {
		return forbidden()
	}
	f := newForm("signoff", r)
	number, _ := strconv.Atoi(f.Get("version"))
	if _, err := p.mcs.SignOff(r.Context(), p.Org.ID, p.MC.ID, number, st(r).user.ID, f.Get("note")); err != nil {
		switch pokot.ErrorCode(err) {
		case pokot.ECONFLICT:
			f.Add("", "err.mc.signed_already")
			return s.renderOverview(w, r, http.StatusConflict, p, newForm("invite", nil), f)
		case pokot.ENOTFOUND:
			return notFoundErr()
		}
		return err
	}
	s.redirectFlash(w, r, p.Base(), "studio.flash.signed_off")
	return nil
}

// loadCoDesign fills the overview's partners and sign-offs. A partner sees their own
// invitation only, and how many others there are.
func loadCoDesign(ctx context.Context, r *http.Request, p *studioPOK, ov *overviewData) error {
	var err error
	if ov.Partners, err = p.mcs.Partners(ctx, p.Org.ID, p.MC.ID); err != nil {
		return err
	}
	if p.Access.Partner {
		ov.Partners, ov.OtherPartners = ownGrant(ov.Partners, st(r).user)
	}
	ov.SignOffs, err = p.mcs.SignOffs(ctx, p.Org.ID, p.MC.ID)
	return err
}

// ownGrant keeps a partner's own invitation out of all of a draft's partners and counts
// the others, whose e-mail addresses are the organisation's business, not theirs.
func ownGrant(all []*pokot.PartnerGrant, u *pokot.User) (own []*pokot.PartnerGrant, others int) {
	for _, g := range all {
		if (g.UserID != nil && *g.UserID == u.ID) || strings.EqualFold(g.Email, u.Email) {
			own = append(own, g)
		} else {
			others++
		}
	}
	return own, others
}

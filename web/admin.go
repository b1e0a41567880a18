package web

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/pokot/pokot"
)

type adminOrgsData struct{ Orgs []*pokot.Organisation }

// adminOrgs lists every organisation, for platform administrators.
func (s *server) adminOrgs(w http.ResponseWriter, r *http.Request) error {
	orgs, err := s.store.Orgs(r.Context())
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "adminorgs", adminOrgsData{Orgs: orgs}, nil)
}

type newOrgData struct{ Form *form }

func (s *server) newOrgForm(w http.ResponseWriter, r *http.Request) error {
	f := newForm("org", nil)
	f.Set("country", "FI")
	return s.render(w, r, http.StatusOK, "neworg", newOrgData{Form: f}, nil)
}

// createOrg creates an organisation; its first org admin is then invited on its member page.
func (s *server) createOrg(w http.ResponseWriter, r *http.Request) error {
	f := newForm("org", r)
	o := &pokot.Organisation{Slug: strings.ToLower(f.Get("slug"))}
	if o.Slug == "" {
		f.Add("slug", "err.slug_required")
	} else if !validSlug(o.Slug) {
		f.Add("slug", "err.slug")
	}
	readOrgForm(f, o)
	if f.OK() {
		err := s.store.CreateOrg(r.Context(), o)
		if err == nil {
			s.redirectFlash(w, r, "/orgs/"+o.Slug+"/members", "flash.org_created")
			return nil
		}
		if !f.AddErr(err) && !conflictOn(f, err, "slug", "err.slug_taken") {
			return err
		}
	}
	return s.render(w, r, http.StatusUnprocessableEntity, "neworg", newOrgData{Form: f}, f)
}

type adminUsersData struct{ Users []*pokot.User }

// adminUsers lists every account.
func (s *server) adminUsers(w http.ResponseWriter, r *http.Request) error {
	users, err := s.store.Users(r.Context())
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "adminusers", adminUsersData{Users: users}, nil)
}

// outboxPage is how many messages one outbox page lists.
const outboxPage = 50

type outboxData struct {
	Mails      []*pokot.Mail
	Total      int
	Page       int
	Prev, Next int // 0 = none
	SMTP       bool
}

// outbox lists the e-mail queue, newest first: with no SMTP server configured this is
// where invitations and reset links can be read.
func (s *server) outbox(w http.ResponseWriter, r *http.Request) error {
	pg, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || pg < 1 {
		pg = 1
	}
	mails, total, err := s.store.Outbox(r.Context(), outboxPage, (pg-1)*outboxPage)
	if err != nil {
		return err
	}
	d := outboxData{Mails: mails, Total: total, Page: pg, SMTP: s.cfg.SMTP.Host != ""}
	if pg > 1 {
		d.Prev = pg - 1
	}
	if pg*outboxPage < total {
		d.Next = pg + 1
	}
	return s.render(w, r, http.StatusOK, "outbox", d, nil)
}

type mailData struct {
	Mail  *pokot.Mail
	Parts []mailPart
}

// mailPart is a piece of a message body: plain text or a link to click.
type mailPart struct {
	Text string
	Link bool
}

var linkRE = regexp.MustCompile(`https?://[^\s<>"]+`)

// linkify splits a plain-text body so that the template can make its URLs clickable
// (html/template still escapes and checks each one).
func linkify(s string) []mailPart {
	var out []mailPart
	last := 0
	for _, m := range linkRE.FindAllStringIndex(s, -1) {
		if m[0] > last {
			out = append(out, mailPart{Text: s[last:m[0]]})
		}
		out = append(out, mailPart{Text: s[m[0]:m[1]], Link: true})
		last = m[1]
	}
	if last < len(s) {
		out = append(out, mailPart{Text: s[last:]})
	}
	return out
}

// outboxMail shows one message as plain text.
func (s *server) outboxMail(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return notFoundErr()
	}
	m, err := s.store.MailByID(r.Context(), id)
	if pokot.ErrorCode(err) == pokot.ENOTFOUND {
		return notFoundErr()
	} else if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "mail", mailData{Mail: m, Parts: linkify(m.Text)}, nil)
}

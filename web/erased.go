package web

import (
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// erasedDomain ends the placeholder address that replaces a deleted learner's e-mail in the
// rows an organisation keeps: sqldb.DeleteUser writes "erased-<hex>" + sqldb.ErasedDomain
// (web does not import sqldb; TestErasedLearnerOnStaffPages deletes a real account and
// checks the pages, so a change there fails here).
const erasedDomain = "@erased.invalid"

// erasedEmail tells whether a stored learner address is that placeholder, i.e. the learner
// deleted their account. This is the one place that decides it.
func erasedEmail(email string) bool {
	return strings.HasPrefix(email, "erased-") && strings.HasSuffix(email, erasedDomain)
}

// erasedName is what staff pages and exports call a deleted learner, in language l.
func erasedName(l pokot.Lang) string { return i18n.T(l, "polish.erased_account") }

// shownReg is a registration as staff pages show it: a deleted learner's is a copy named
// "Deleted account" with no address; anyone else's is r itself.
func shownReg(r *pokot.Registration, l pokot.Lang) *pokot.Registration {
	if r == nil || !erasedEmail(r.Email) {
		return r
	}
	c := *r
	c.Name, c.Email = erasedName(l), ""
	return &c
}

// shownCredential is shownReg for an issued credential's record.
func shownCredential(c *pokot.IssuedCredential, l pokot.Lang) *pokot.IssuedCredential {
	if c == nil || !erasedEmail(c.Email) {
		return c
	}
	x := *c
	x.Name, x.Email = erasedName(l), ""
	return &x
}

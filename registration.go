package pokot

import (
	"context"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Registration statuses.
const (
	RegRegistered = "registered" // holds a seat
	RegWaitlisted = "waitlisted" // waits for a seat; moves up when one frees
	RegCancelled  = "cancelled"
)

// Registration is one learner's enrolment in an offering, by e-mail and name (the public
// form) or as a signed-in user. A registration holds a seat, or waits for one in order
// of arrival; cancelling a seat gives it at once to the first in the waitlist.
type Registration struct {
	ID          int64
	OrgID       int64
	OfferingID  int64
	UserID      *int64
	Email       string // normalised
	Name        string
	Lang        Lang // for the e-mails
	Status      string
	Position    int // place in the waitlist from 1, when waitlisted
	ConfirmedAt *time.Time
	CancelledAt *time.Time
	Created     time.Time
}

// RegistrationTokens are the one-time secrets of the links e-mailed to a learner; only
// their hashes are stored.
type RegistrationTokens struct {
	Confirm string
	Cancel  string
}

// ValidateRegistration normalises the e-mail address and name of a registration.
// EINVALID ("err.email_invalid", "err.reg.name_required").
func ValidateRegistration(r *Registration) error {
	var errs Errors
	email, err := NormalizeEmail(r.Email)
	if err != nil {
		errs = append(errs, err.(*Error))
	}
	r.Email = email
	r.Name = strings.TrimSpace(r.Name)
	if r.Name == "" || utf8.RuneCountInString(r.Name) > maxShortText || !utf8.ValidString(r.Name) {
		errs = append(errs, FieldError("name", "err.reg.name_required", "your name is required (at most 300 characters)"))
	}
	if _, ok := ParseLang(string(r.Lang)); !ok {
		r.Lang = Finnish
	}
	return errs.Err()
}

// RegistrationService stores registrations.
type RegistrationService interface {
	// Register enrols r (OfferingID, Email, Name, Lang, optional UserID) at now, as
	// RegRegistered while seats are free and RegWaitlisted (with Position) when the
	// offering is full: a full offering is not an error, the status says so. It returns the
	// tokens for the confirmation and cancellation links. ECONFLICT "err.reg.not_open"
	// before the window, "err.reg.closed" after it, "err.reg.duplicate" when the address
	// (or user) already has a live registration; EINVALID; ENOTFOUND. Nothing is stored on
	// error.
	Register(ctx context.Context, r *Registration, now time.Time) (*RegistrationTokens, error)
	// ConfirmRegistration confirms by the token of the e-mailed link (idempotent while the
	// registration is live). ENOTFOUND ("err.reg.token") for an unknown token; ECONFLICT
	// ("err.reg.cancelled") for a cancelled registration.
	ConfirmRegistration(ctx context.Context, token string, now time.Time) (*Registration, error)
	// CancelRegistrationByToken cancels by the token of the e-mailed link; a freed seat goes
	// to the first waiting learner in the same transaction, who is returned as promoted
	// (nil when nobody moved up). ENOTFOUND ("err.reg.token"); ECONFLICT
	// ("err.reg.cancelled") when already cancelled.
	CancelRegistrationByToken(ctx context.Context, token string, now time.Time) (cancelled, promoted *Registration, err error)
	// CancelRegistration is CancelRegistrationByToken for the organisation's staff.
	// ENOTFOUND, ECONFLICT ("err.reg.cancelled").
	CancelRegistration(ctx context.Context, orgID, id int64, now time.Time) (cancelled, promoted *Registration, err error)
	// Registration returns one registration. ENOTFOUND.
	Registration(ctx context.Context, orgID, id int64) (*Registration, error)
	// Participants lists an offering's registrations: seats in order of arrival, then the
	// waitlist in order, then (with cancelled) the cancelled ones.
	Participants(ctx context.Context, orgID, offeringID int64, cancelled bool) ([]*Registration, error)
	// RegistrationsOf lists a signed-in user's registrations, newest first.
	RegistrationsOf(ctx context.Context, userID int64) ([]*Registration, error)
}

var participantHeader = map[Lang][]string{
	Finnish: {"Nimi", "Sähköposti", "Tila", "Jonosija", "Vahvistettu", "Ilmoittautunut"},
	Swedish: {"Namn", "E-post", "Status", "Köplats", "Bekräftad", "Anmäld"},
	English: {"Name", "E-mail", "Status", "Waitlist position", "Confirmed", "Registered"},
}

var regStatusLabel = map[Lang]map[string]string{
	Finnish: {RegRegistered: "ilmoittautunut", RegWaitlisted: "jonossa", RegCancelled: "peruttu"},
	Swedish: {RegRegistered: "anmäld", RegWaitlisted: "i kö", RegCancelled: "annullerad"},
	English: {RegRegistered: "registered", RegWaitlisted: "waitlisted", RegCancelled: "cancelled"},
}

// WriteParticipantsCSV writes registrations as a CSV that Excel opens directly: a UTF-8
// byte order mark, semicolons, CRLF, dates as d.m.yyyy in Helsinki time, headers and
// statuses in lang. Names and addresses are written with SpreadsheetCell (a spreadsheet shows
// them as text; FromSpreadsheetCell reads them back exactly).
func WriteParticipantsCSV(w io.Writer, regs []*Registration, lang Lang) error {
	if _, ok := participantHeader[lang]; !ok {
		lang = Finnish
	}
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma, cw.UseCRLF = ';', true
	if err := cw.Write(participantHeader[lang]); err != nil {
		return err
	}
	for _, r := range regs {
		pos, confirmed := "", ""
		if r.Status == RegWaitlisted {
			pos = strconv.Itoa(r.Position)
		}
		if r.ConfirmedAt != nil {
			confirmed = FormatDate(*r.ConfirmedAt)
		}
		if err := cw.Write([]string{SpreadsheetCell(r.Name), SpreadsheetCell(r.Email), regStatusLabel[lang][r.Status], pos, confirmed, FormatDate(r.Created)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// helsinki is the time zone in which Finnish users read dates; UTC when the system lacks
// the zone database.
var helsinki = func() *time.Location {
	if l, err := time.LoadLocation("Europe/Helsinki"); err == nil {
		return l
	}
	return time.UTC
}()

// FormatDate formats t as d.m.yyyy in Helsinki time.
func FormatDate(t time.Time) string { return t.In(helsinki).Format("2.1.2006") }

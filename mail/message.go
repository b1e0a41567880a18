package mail

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"mime"
	"mime/quotedprintable"
	netmail "net/mail"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pokot/pokot"
)

// Limits of a message, checked before it is queued.
const (
	maxSubject = 250       // characters
	maxBody    = 512 << 10 // bytes of Text and of HTML each
)

// Validate checks an outgoing message and normalises its recipient. EINVALID with field
// "to", "subject" or "text".
func Validate(m *pokot.Mail) error {
	var errs pokot.Errors
	to, err := pokot.NormalizeEmail(m.To)
	if err != nil {
		errs = append(errs, pokot.FieldError("to", "err.email_invalid", "not a valid e-mail address"))
	} else {
		m.To = to
	}
	switch {
	case strings.TrimSpace(m.Subject) == "":
		errs = append(errs, pokot.FieldError("subject", "err.required", "subject is required"))
	case strings.ContainsAny(m.Subject, "\r\n\x00") || !utf8.ValidString(m.Subject):
		errs = append(errs, pokot.FieldError("subject", "err.invalid", "subject must be one line of UTF-8 text"))
	case utf8.RuneCountInString(m.Subject) > maxSubject:
		errs = append(errs, pokot.FieldError("subject", "err.too_long", fmt.Sprintf("subject is longer than %d characters", maxSubject)))
	}
	switch {
	case strings.TrimSpace(m.Text) == "":
		errs = append(errs, pokot.FieldError("text", "err.required", "a plain-text body is required"))
	case len(m.Text) > maxBody || len(m.HTML) > maxBody:
		errs = append(errs, pokot.FieldError("text", "err.too_long", "message body is too large"))
	case !utf8.ValidString(m.Text) || !utf8.ValidString(m.HTML):
		errs = append(errs, pokot.FieldError("text", "err.invalid", "message body must be UTF-8"))
	}
	return errs.Err()
}

// Build renders m as an RFC 5322 message from the sender from ("Name <addr>" or a bare
// address): UTF-8 headers encoded per RFC 2047, a Date and a Message-ID, and a
// multipart/alternative body (text, then HTML) when m has HTML. Lines end in CRLF.
func Build(from *netmail.Address, m *pokot.Mail, now time.Time) ([]byte, error) {
	if err := Validate(m); err != nil {
		return nil, err
	}
	domain := from.Address[strings.LastIndexByte(from.Address, '@')+1:]
	var b bytes.Buffer
	header := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	header("From", from.String())
	header("To", (&netmail.Address{Address: m.To}).String())
	header("Subject", encodeHeader(m.Subject))
	header("Date", now.Format(time.RFC1123Z))
	header("Message-ID", messageID(m, domain))
	header("MIME-Version", "1.0")
	header("Auto-Submitted", "auto-generated")
	if m.HTML == "" {
		writePart(&b, "text/plain", m.Text)
		return b.Bytes(), nil
	}
	boundary := "pokot-" + randomHex(12)
	header("Content-Type", `multipart/alternative; boundary="`+boundary+`"`)
	b.WriteString("\r\nThis is a multi-part message in MIME format.\r\n")
	for _, p := range []struct{ ctype, body string }{{"text/plain", m.Text}, {"text/html", m.HTML}} {
		b.WriteString("\r\n--" + boundary + "\r\n")
		writePart(&b, p.ctype, p.body)
	}
	b.WriteString("\r\n--" + boundary + "--\r\n")
	return b.Bytes(), nil
}

// writePart writes the Content-Type and quoted-printable body of one part (or of a
// single-part message, whose headers continue the message header).
func writePart(b *bytes.Buffer, ctype, body string) {
	fmt.Fprintf(b, "Content-Type: %s; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n", ctype)
	qp := quotedprintable.NewWriter(b)
	qp.Write([]byte(body)) // writes to a bytes.Buffer cannot fail
	qp.Close()
}

// encodeHeader encodes a header value per RFC 2047 when it is not plain ASCII and folds
// the encoded words onto continuation lines so that no line grows past 78 characters.
func encodeHeader(s string) string {
	enc := mime.QEncoding.Encode("utf-8", s)
	if enc == s {
		return s
	}
	return strings.ReplaceAll(enc, "?= =?", "?=\r\n =?")
}

// messageID is stable for a stored message, so that every retry carries the same ID and
// a receiver can drop a duplicate when an earlier attempt was accepted after all.
func messageID(m *pokot.Mail, domain string) string {
	if m.ID == 0 {
		return "<" + randomHex(16) + "@" + domain + ">"
	}
	return fmt.Sprintf("<pokot.%d.%s@%s>", m.ID, strconv.FormatInt(m.Created.UnixNano(), 36), domain)
}

func randomHex(n int) string {
	p := make([]byte, n)
	rand.Read(p)
	return hex.EncodeToString(p)
}

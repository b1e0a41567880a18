package mail_test

import (
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	netmail "net/mail"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/mail"
)

const finnish = "Hyvää päivää – åäö"

func sampleMail() *pokot.Mail {
	return &pokot.Mail{
		To:      "Liisa.Virtanen@Example.FI",
		Subject: finnish,
		Text:    finnish + "\nTervetuloa POKOT-palveluun.\n.\nRivi, joka alkaa pisteellä:\n.piste",
		HTML:    "<p>" + finnish + "</p><p>Tervetuloa <b>POKOT</b>-palveluun.</p>",
	}
}

// checkMessage parses a rendered message as a mail client would and checks every header
// and both alternatives.
func checkMessage(t *testing.T, raw string, wantTo string) {
	t.Helper()
	msg, err := netmail.ReadMessage(strings.NewReader(raw))
	if err != nil {
		t.Fatalf("not an RFC 5322 message: %v\n%s", err, raw)
	}
	h := msg.Header
	dec := new(mime.WordDecoder)
	if subj, err := dec.DecodeHeader(h.Get("Subject")); err != nil || subj != finnish {
		t.Errorf("Subject decodes to %q (%v), raw %q", subj, err, h.Get("Subject"))
	}
	if strings.ContainsAny(h.Get("Subject"), "äåö–") {
		t.Errorf("Subject not RFC 2047 encoded: %q", h.Get("Subject"))
	}
	from, err := h.AddressList("From")
	if err != nil || len(from) != 1 || from[0].Address != "noreply@pokot.example.fi" || from[0].Name != "POKOT – Hämeenlinna" {
		t.Errorf("From = %v (%v), raw %q", from, err, h.Get("From"))
	}
	to, err := h.AddressList("To")
	if err != nil || len(to) != 1 || to[0].Address != wantTo {
		t.Errorf("To = %v (%v)", to, err)
	}
	if d, err := h.Date(); err != nil || time.Since(d) > time.Hour {
		t.Errorf("Date %q: %v", h.Get("Date"), err)
	}
	if !regexp.MustCompile(`^<([0-9a-f]{32}|pokot\.[0-9]+\.[0-9a-z]+)@pokot\.example\.fi>$`).MatchString(h.Get("Message-ID")) {
		t.Errorf("Message-ID %q", h.Get("Message-ID"))
	}
	if h.Get("MIME-Version") != "1.0" {
		t.Errorf("MIME-Version %q", h.Get("MIME-Version"))
	}
	mt, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil || mt != "multipart/alternative" {
		t.Fatalf("Content-Type %q: %v", h.Get("Content-Type"), err)
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	want := []struct{ ctype, body string }{
		{"text/plain", sampleMail().Text},
		{"text/html", sampleMail().HTML},
	}
	for i, w := range want {
		p, err := mr.NextRawPart()
		if err != nil {
			t.Fatalf("part %d: %v", i, err)
		}
		ct, cp, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		if ct != w.ctype || cp["charset"] != "utf-8" || p.Header.Get("Content-Transfer-Encoding") != "quoted-printable" {
			t.Errorf("part %d headers: %v", i, p.Header)
		}
		body, err := io.ReadAll(quotedprintable.NewReader(p))
		// Line ends are CRLF on the wire; the SMTP server's DotReader hands over LF.
		if got := strings.ReplaceAll(string(body), "\r\n", "\n"); err != nil || got != w.body {
			t.Errorf("part %d body = %q (%v), want %q", i, body, err, w.body)
		}
	}
	if _, err := mr.NextPart(); err != io.EOF {
		t.Errorf("more than two parts: %v", err)
	}
}

var from = &netmail.Address{Name: "POKOT – Hämeenlinna", Address: "noreply@pokot.example.fi"}

func TestBuild(t *testing.T) {
	raw, err := mail.Build(from, sampleMail(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(raw), "\r\n") {
		if strings.Contains(line, "\n") {
			t.Fatalf("line %d has a bare LF", i)
		}
		if len(line) > 998 {
			t.Fatalf("line %d longer than 998 octets", i)
		}
	}
	checkMessage(t, string(raw), "liisa.virtanen@example.fi")
}

func TestMessageIDStableAcrossRetries(t *testing.T) {
	m := sampleMail()
	m.ID, m.Created = 42, time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)
	id := func() string {
		raw, err := mail.Build(from, m, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		msg, _ := netmail.ReadMessage(strings.NewReader(string(raw)))
		return msg.Header.Get("Message-ID")
	}
	first := id()
	if second := id(); first != second || !strings.HasPrefix(first, "<pokot.42.") {
		t.Fatalf("Message-IDs %q and %q", first, second)
	}
	m.ID = 43
	if other := id(); other == first {
		t.Fatal("two messages share a Message-ID")
	}
}

func TestBuildTextOnlyAndLongSubject(t *testing.T) {
	m := sampleMail()
	m.HTML = ""
	m.Subject = strings.Repeat("ä", 240)
	raw, err := mail.Build(from, m, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	msg, err := netmail.ReadMessage(strings.NewReader(string(raw)))
	if err != nil {
		t.Fatal(err)
	}
	if subj, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject")); subj != m.Subject {
		t.Errorf("long subject did not survive folding: %q", subj)
	}
	for _, line := range strings.Split(string(raw), "\r\n") {
		// An encoded word is at most 75 characters; with "Subject: " a line stays under 90.
		if len(line) > 90 {
			t.Errorf("header line too long (%d): %q", len(line), line)
			break
		}
		if line == "" {
			break
		}
	}
	if ct := msg.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; charset=utf-8") {
		t.Errorf("Content-Type %q", ct)
	}
}

func TestValidateRejectsInjectionAndBadInput(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(m *pokot.Mail)
		field string
	}{
		{"header injection in subject", func(m *pokot.Mail) { m.Subject = "Hei\r\nBcc: victim@example.fi" }, "subject"},
		{"bare LF in subject", func(m *pokot.Mail) { m.Subject = "Hei\nX: y" }, "subject"},
		{"header injection in recipient", func(m *pokot.Mail) { m.To = "a@example.fi\r\nBcc: victim@example.fi" }, "to"},
		{"two recipients", func(m *pokot.Mail) { m.To = "a@example.fi, b@example.fi" }, "to"},
		{"display name recipient", func(m *pokot.Mail) { m.To = "Eve <eve@example.fi>" }, "to"},
		{"empty subject", func(m *pokot.Mail) { m.Subject = "  " }, "subject"},
		{"long subject", func(m *pokot.Mail) { m.Subject = strings.Repeat("x", 251) }, "subject"},
		{"empty body", func(m *pokot.Mail) { m.Text = "" }, "text"},
		{"huge body", func(m *pokot.Mail) { m.HTML = strings.Repeat("x", 600<<10) }, "text"},
		{"invalid UTF-8", func(m *pokot.Mail) { m.Text = "\xff\xfe" }, "text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := sampleMail()
			c.edit(m)
			err := mail.Validate(m)
			var e *pokot.Error
			if !errors.As(err, &e) || e.Code != pokot.EINVALID || e.Field != c.field {
				t.Fatalf("got %v, want EINVALID on %s", err, c.field)
			}
			if _, err := mail.Build(from, m, time.Now()); err == nil {
				t.Fatal("Build accepted what Validate rejects")
			}
		})
	}
}

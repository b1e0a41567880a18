package mail_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/mail"
	"github.com/pokot/pokot/mail/smtptest"
)

const secret = "s3cret-Salasana-ÅÄÖ"

// send renders the sample message and delivers it with the SMTP dialogue under test.
func send(t *testing.T, cfg pokot.SMTPConfig, roots *x509.CertPool) error {
	t.Helper()
	raw, err := mail.Build(from, sampleMail(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var tc *tls.Config
	if roots != nil {
		tc = &tls.Config{RootCAs: roots}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	return mail.Deliver(ctx, cfg, tc, "client.test", from, "liisa.virtanen@example.fi", raw)
}

func TestDeliverSTARTTLSWithAuth(t *testing.T) {
	cert, roots := smtptest.NewCert(t)
	srv := &smtptest.Server{TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert}}, STARTTLS: true, Users: map[string]string{"pokot": secret}}
	port := srv.Start(t)
	cfg := pokot.SMTPConfig{Host: "127.0.0.1", Port: port, Username: "pokot", Password: secret, TLS: "starttls"}
	if err := send(t, cfg, roots); err != nil {
		t.Fatal(err)
	}
	msgs := srv.Messages()
	if len(msgs) != 1 {
		t.Fatalf("server got %d messages", len(msgs))
	}
	m := msgs[0]
	if !m.TLS || m.User != "pokot" || m.From != "noreply@pokot.example.fi" || m.To != "liisa.virtanen@example.fi" {
		t.Errorf("envelope: %+v", m)
	}
	checkMessage(t, m.Data, "liisa.virtanen@example.fi")
	// The line that starts with a dot in the text must have been dot-stuffed and restored.
	if !strings.Contains(m.Data, "\n.piste") {
		t.Error("dot-stuffing lost the leading dot")
	}
	cmds := strings.Join(srv.Commands(), "\n")
	if strings.Index(cmds, "STARTTLS") > strings.Index(cmds, "AUTH") {
		t.Errorf("AUTH before STARTTLS:\n%s", cmds)
	}
}

func TestDeliverImplicitTLS(t *testing.T) {
	cert, roots := smtptest.NewCert(t)
	srv := &smtptest.Server{TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert}}, Implicit: true, Users: map[string]string{"pokot": secret}}
	port := srv.Start(t)
	cfg := pokot.SMTPConfig{Host: "127.0.0.1", Port: port, Username: "pokot", Password: secret, TLS: "tls"}
	if err := send(t, cfg, roots); err != nil {
		t.Fatal(err)
	}
	if msgs := srv.Messages(); len(msgs) != 1 || !msgs[0].TLS || msgs[0].User != "pokot" {
		t.Fatalf("got %+v", msgs)
	}
}

func TestDeliverPlainLoopback(t *testing.T) {
	srv := &smtptest.Server{}
	port := srv.Start(t)
	if err := send(t, pokot.SMTPConfig{Host: "127.0.0.1", Port: port, TLS: "none"}, nil); err != nil {
		t.Fatal(err)
	}
	if msgs := srv.Messages(); len(msgs) != 1 || msgs[0].TLS {
		t.Fatalf("got %+v", msgs)
	}
}

func TestDeliverFailures(t *testing.T) {
	cert, roots := smtptest.NewCert(t)
	otherCert, _ := smtptest.NewCert(t)
	cases := []struct {
		name string
		srv  *smtptest.Server
		cfg  pokot.SMTPConfig
		want string
	}{
		{"no STARTTLS offered: no downgrade", &smtptest.Server{STARTTLS: false}, pokot.SMTPConfig{TLS: "starttls"}, "STARTTLS"},
		{"untrusted certificate", &smtptest.Server{STARTTLS: true, TLSConfig: &tls.Config{Certificates: []tls.Certificate{otherCert}}}, pokot.SMTPConfig{TLS: "starttls"}, "certificate"},
		{"wrong password", &smtptest.Server{STARTTLS: true, TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert}}, Users: map[string]string{"pokot": secret}}, pokot.SMTPConfig{TLS: "starttls", Username: "pokot", Password: "wrong"}, "535"},
		{"AUTH not offered", &smtptest.Server{}, pokot.SMTPConfig{TLS: "none", Username: "pokot", Password: secret}, "AUTH"},
		{"no TLS to a remote host", &smtptest.Server{}, pokot.SMTPConfig{TLS: "none", Host: "smtp.example.fi"}, "loopback"},
		{"permanent rejection", &smtptest.Server{FailData: []string{"554 5.7.1 rejected"}}, pokot.SMTPConfig{TLS: "none"}, "554"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			port := c.srv.Start(t)
			if c.cfg.Host == "" {
				c.cfg.Host = "127.0.0.1"
			}
			c.cfg.Port = port
			err := send(t, c.cfg, roots)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want one mentioning %q", err, c.want)
			}
			if strings.Contains(err.Error(), secret) {
				t.Fatal("error text contains the password")
			}
			if n := len(c.srv.Messages()); n != 0 {
				t.Fatalf("server accepted %d messages", n)
			}
		})
	}
}

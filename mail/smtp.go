package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	netmail "net/mail"
	"net/smtp"
	"strconv"
	"time"

	"github.com/pokot/pokot"
)

// deliver sends one rendered message to the SMTP server of cfg. With TLS "starttls" the
// server must offer STARTTLS (no silent downgrade); with "tls" the connection is TLS from
// the start; "none" sends in clear, meant for a relay on the loopback interface.
func deliver(ctx context.Context, cfg pokot.SMTPConfig, tlsConf *tls.Config, helo string, from *netmail.Address, to string, msg []byte) (err error) {
	if cfg.TLS == "none" && !Loopback(cfg.Host) {
		return fmt.Errorf("smtp tls none: only for a server on the loopback interface, not %s", cfg.Host)
	}
	addr := net.JoinHostPort(cfg.Host, strconv.Itoa(cfg.Port))
	tc := &tls.Config{ServerName: cfg.Host, MinVersion: tls.VersionTLS12}
	if tlsConf != nil {
		tc = tlsConf.Clone()
		if tc.ServerName == "" {
			tc.ServerName = cfg.Host
		}
	}
	var conn net.Conn
	d := &net.Dialer{Timeout: 30 * time.Second}
	if cfg.TLS == "tls" {
		conn, err = (&tls.Dialer{NetDialer: d, Config: tc}).DialContext(ctx, "tcp", addr)
	} else {
		conn, err = d.DialContext(ctx, "tcp", addr)
	}
	if err != nil {
		return fmt.Errorf("connect %s: %w", addr, err)
	}
	// One deadline for the whole conversation; a stuck server must not hold the worker.
	deadline := time.Now().Add(2 * time.Minute)
	if dl, ok := ctx.Deadline(); ok && dl.Before(deadline) {
		deadline = dl
	}
	conn.SetDeadline(deadline)
	c, err := smtp.NewClient(conn, cfg.Host)
	if err != nil {
		conn.Close()
		return fmt.Errorf("greeting: %w", err)
	}
	defer c.Close()
	if err := c.Hello(helo); err != nil {
		return fmt.Errorf("EHLO: %w", err)
	}
	if cfg.TLS == "starttls" {
		if ok, _ := c.Extension("STARTTLS"); !ok {
			return errors.New("server does not offer STARTTLS")
		}
		if err := c.StartTLS(tc); err != nil {
			return fmt.Errorf("STARTTLS: %w", err)
		}
	}
	if cfg.Username != "" {
		if ok, _ := c.Extension("AUTH"); !ok {
			return errors.New("server does not offer AUTH")
		}
		// PlainAuth itself refuses to send the password without TLS except to localhost.
		if err := c.Auth(smtp.PlainAuth("", cfg.Username, cfg.Password, cfg.Host)); err != nil {
			return fmt.Errorf("AUTH: %w", err)
		}
	}
	if err := c.Mail(from.Address); err != nil {
		return fmt.Errorf("MAIL FROM: %w", err)
	}
	if err := c.Rcpt(to); err != nil {
		return fmt.Errorf("RCPT TO: %w", err)
	}
	w, err := c.Data()
	if err != nil {
		return fmt.Errorf("DATA: %w", err)
	}
	if _, err := w.Write(msg); err != nil {
		return fmt.Errorf("DATA: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("end of DATA: %w", err)
	}
	return c.Quit()
}

// Loopback reports whether host names the local machine (localhost or a loopback IP), the
// only place where mail may travel without TLS.
func Loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

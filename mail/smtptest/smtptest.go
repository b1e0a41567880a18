// Package smtptest runs a small but real SMTP server on the loopback interface for tests:
// EHLO, STARTTLS, AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP and QUIT, spoken byte by byte so
// that the client under test cannot cheat, and self-signed certificates for it.
package smtptest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"io"
	"math/big"
	"net"
	"net/textproto"
	"strings"
	"sync"
	"testing"
	"time"
)

// Message is one message accepted by the server.
type Message struct {
	From, To string
	Data     string
	TLS      bool   // the message travelled over TLS
	User     string // authenticated user, "" without AUTH
}

// Server is the test SMTP server. Set the fields, then call Start.
type Server struct {
	TLSConfig *tls.Config       // certificate for STARTTLS or implicit TLS
	Implicit  bool              // TLS from the first byte
	STARTTLS  bool              // offer STARTTLS
	Users     map[string]string // AUTH PLAIN credentials; nil: no AUTH offered
	// FailData, when non-empty, is answered to the end of DATA instead of 250, one reply per
	// message, in order ("451 …" then success when the list runs out).
	FailData []string

	t    testing.TB
	ln   net.Listener
	mu   sync.Mutex
	msgs []Message
	log  []string // every command line received (AUTH lines redacted)
}

// NewCert returns a self-signed certificate for 127.0.0.1 and localhost and a pool that
// trusts it.
func NewCert(t testing.TB) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "pokot test smtp"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		DNSNames:              []string{"localhost"},
		IsCA:                  true,
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, pool
}

// Start listens on 127.0.0.1:0 and serves until the test ends. It returns the port.
func (s *Server) Start(t testing.TB) int {
	t.Helper()
	s.t = t
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if s.Implicit {
		ln = tls.NewListener(ln, s.TLSConfig)
	}
	s.ln = ln
	var wg sync.WaitGroup
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() { defer wg.Done(); s.serve(c) }()
		}
	}()
	return ln.Addr().(*net.TCPAddr).Port
}

// Messages returns the messages accepted so far.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

// Commands returns every command line received so far, AUTH lines redacted.
func (s *Server) Commands() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.log...)
}

func (s *Server) serve(c net.Conn) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(30 * time.Second))
	_, isTLS := c.(*tls.Conn)
	tp := textproto.NewConn(c)
	reply := func(format string, args ...any) { tp.PrintfLine(format, args...) }
	reply("220 127.0.0.1 ESMTP pokot-test")
	var cur Message
	var user string
	greeted := false
	for {
		line, err := tp.ReadLine()
		if err != nil {
			return
		}
		verb, arg, _ := strings.Cut(line, " ")
		verb = strings.ToUpper(verb)
		s.mu.Lock()
		if verb == "AUTH" {
			s.log = append(s.log, "AUTH <redacted>")
		} else {
			s.log = append(s.log, line)
		}
		s.mu.Unlock()
		switch verb {
		case "EHLO", "HELO":
			greeted = true
			lines := []string{"127.0.0.1 greets " + arg, "8BITMIME", "PIPELINING"}
			if s.STARTTLS && !isTLS {
				lines = append(lines, "STARTTLS")
			}
			if s.Users != nil {
				lines = append(lines, "AUTH PLAIN")
			}
			for i, l := range lines {
				sep := "-"
				if i == len(lines)-1 {
					sep = " "
				}
				reply("250%s%s", sep, l)
			}
		case "STARTTLS":
			if !s.STARTTLS || isTLS {
				reply("502 5.5.1 not offered")
				continue
			}
			reply("220 2.0.0 ready to start TLS")
			tc := tls.Server(c, s.TLSConfig)
			if err := tc.Handshake(); err != nil {
				return
			}
			c, isTLS, greeted, user = tc, true, false, ""
			tp = textproto.NewConn(c)
			cur = Message{}
		case "AUTH":
			mech, resp, _ := strings.Cut(arg, " ")
			if s.Users == nil || !strings.EqualFold(mech, "PLAIN") {
				reply("504 5.5.4 unsupported")
				continue
			}
			if resp == "" {
				reply("334 ")
				if resp, err = tp.ReadLine(); err != nil {
					return
				}
			}
			raw, err := base64.StdEncoding.DecodeString(resp)
			parts := strings.Split(string(raw), "\x00")
			if err != nil || len(parts) != 3 || s.Users[parts[1]] == "" || s.Users[parts[1]] != parts[2] {
				reply("535 5.7.8 authentication failed")
				continue
			}
			user = parts[1]
			reply("235 2.7.0 authenticated")
		case "MAIL":
			if !greeted {
				reply("503 5.5.1 EHLO first")
				continue
			}
			if s.Users != nil && user == "" {
				reply("530 5.7.0 authentication required")
				continue
			}
			addr, _, _ := strings.Cut(strings.TrimPrefix(arg, "FROM:<"), ">") // drop parameters like BODY=8BITMIME
			cur = Message{From: addr, TLS: isTLS, User: user}
			reply("250 2.1.0 ok")
		case "RCPT":
			if cur.From == "" {
				reply("503 5.5.1 MAIL first")
				continue
			}
			cur.To, _, _ = strings.Cut(strings.TrimPrefix(arg, "TO:<"), ">")
			reply("250 2.1.5 ok")
		case "DATA":
			if cur.To == "" {
				reply("503 5.5.1 RCPT first")
				continue
			}
			reply("354 end with <CRLF>.<CRLF>")
			data, err := io.ReadAll(tp.DotReader())
			if err != nil {
				return
			}
			s.mu.Lock()
			var fail string
			if len(s.FailData) > 0 {
				fail, s.FailData = s.FailData[0], s.FailData[1:]
			}
			if fail == "" {
				cur.Data = string(data)
				s.msgs = append(s.msgs, cur)
			}
			s.mu.Unlock()
			if fail != "" {
				reply("%s", fail)
			} else {
				reply("250 2.0.0 queued")
			}
			cur = Message{}
		case "RSET":
			cur = Message{}
			reply("250 2.0.0 ok")
		case "NOOP":
			reply("250 2.0.0 ok")
		case "QUIT":
			reply("221 2.0.0 bye")
			return
		default:
			reply("500 5.5.2 unknown command")
		}
	}
}

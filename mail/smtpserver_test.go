package mail_test

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

// received is one message accepted by the test SMTP server.
type received struct {
	From, To string
	Data     string
	TLS      bool   // the message travelled over TLS
	User     string // authenticated user, "" without AUTH
}

// smtpServer is a small but real SMTP server on the loopback interface: EHLO, STARTTLS,
// AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP and QUIT, speaking the protocol byte by byte so
// that the client under test cannot cheat.
type smtpServer struct {
	t        *testing.T
	ln       net.Listener
	tlsConf  *tls.Config
	implicit bool              // TLS from the first byte
	starttls bool              // offer STARTTLS
	users    map[string]string // AUTH PLAIN credentials; nil: no AUTH offered
	// failData, when non-empty, is answered to the end of DATA instead of 250, one reply per
	// message, in order ("451 …" then success when the list runs out).
	failData []string

	mu   sync.Mutex
	msgs []received
	log  []string // every command line received (AUTH lines redacted)
}

// newCert returns a self-signed certificate for 127.0.0.1 and localhost and a pool that
// trusts it.
func newCert(t *testing.T) (tls.Certificate, *x509.CertPool) {
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

// start listens on 127.0.0.1:0 and serves until the test ends. It returns the port.
func (s *smtpServer) start() int {
	s.t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		s.t.Fatal(err)
	}
	if s.implicit {
		ln = tls.NewListener(ln, s.tlsConf)
	}
	s.ln = ln
	var wg sync.WaitGroup
	s.t.Cleanup(func() { ln.Close(); wg.Wait() })
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

func (s *smtpServer) messages() []received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]received(nil), s.msgs...)
}

func (s *smtpServer) commands() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.log...)
}

func (s *smtpServer) serve(c net.Conn) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(30 * time.Second))
	_, isTLS := c.(*tls.Conn)
	tp := textproto.NewConn(c)
	reply := func(format string, args ...any) { tp.PrintfLine(format, args...) }
	reply("220 127.0.0.1 ESMTP pokot-test")
	var cur received
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
			if s.starttls && !isTLS {
				lines = append(lines, "STARTTLS")
			}
			if s.users != nil {
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
			if !s.starttls || isTLS {
				reply("502 5.5.1 not offered")
				continue
			}
			reply("220 2.0.0 ready to start TLS")
			tc := tls.Server(c, s.tlsConf)
			if err := tc.Handshake(); err != nil {
				return
			}
			c, isTLS, greeted, user = tc, true, false, ""
			tp = textproto.NewConn(c)
			cur = received{}
		case "AUTH":
			mech, resp, _ := strings.Cut(arg, " ")
			if s.users == nil || !strings.EqualFold(mech, "PLAIN") {
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
			if err != nil || len(parts) != 3 || s.users[parts[1]] == "" || s.users[parts[1]] != parts[2] {
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
			if s.users != nil && user == "" {
				reply("530 5.7.0 authentication required")
				continue
			}
			addr, _, _ := strings.Cut(strings.TrimPrefix(arg, "FROM:<"), ">") // drop parameters like BODY=8BITMIME
			cur = received{From: addr, TLS: isTLS, User: user}
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
			if len(s.failData) > 0 {
				fail, s.failData = s.failData[0], s.failData[1:]
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
			cur = received{}
		case "RSET":
			cur = received{}
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

package browsertest

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/api"
	"github.com/pokot/pokot/demo"
	"github.com/pokot/pokot/mail"
	"github.com/pokot/pokot/password"
	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/sqldb/sqldbtest"
	"github.com/pokot/pokot/web"
)

// app is the real POKOT site running in-process on a fresh database, as `pokot serve`
// wires it: the web UI with the JSON API mounted, and the mail queue in outbox mode.
type app struct {
	URL    string
	DB     *sqldb.DB
	Logins []demo.Login
}

// cheapHash hashes the demo passwords with small argon2id parameters: the site verifies
// any PHC string, and the default parameters would cost seconds under the race detector.
func cheapHash(pw string) (string, error) {
	return password.HashWith(pw, password.Params{Memory: 8 * 1024, Time: 1, Threads: 1, KeyLen: 32, SaltLen: 16})
}

// startApp starts the site; with seed it is filled with the demo (five institutions, a
// person per role, the platform administrator).
func startApp(t *testing.T, seed bool) *app {
	t.Helper()
	db := sqldbtest.New(t)
	a := &app{DB: db}
	if seed {
		logins, err := demo.SeedWith(context.Background(), db, cheapHash)
		if err != nil {
			t.Fatalf("demo seed: %v", err)
		}
		if len(logins) == 0 {
			t.Fatal("demo seed returned no logins on an empty database")
		}
		a.Logins = logins
		// The published micro-credentials and drafts of the demo: the catalogue and the
		// studio have pages to show.
		if _, err := demo.SeedMicrocredentials(context.Background(), db); err != nil {
			t.Fatalf("demo micro-credentials: %v", err)
		}
	}
	var logger *slog.Logger
	if testing.Verbose() && os.Getenv("POKOT_BROWSER_LOG") != "" {
		logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
	} else {
		logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	srv := httptest.NewUnstartedServer(nil)
	cfg := pokot.DefaultConfig()
	cfg.Addr = srv.Listener.Addr().String()
	cfg.BaseURL = "http://" + cfg.Addr // links in e-mails must point at this server
	queue := mail.NewQueue(db, cfg.SMTP, logger)
	h, err := web.New(web.Deps{
		Config: cfg,
		Store:  db,
		Mailer: queue,
		Logger: logger,
		API:    api.New(db, cfg, logger, api.WithMailer(queue)),
	})
	if err != nil {
		t.Fatalf("web.New: %v", err)
	}
	srv.Config.Handler = h
	srv.Start()
	t.Cleanup(srv.Close)
	a.URL = srv.URL
	return a
}

// login returns the demo account of the platform administrator (role "") or of the first
// organisation's member with role.
func (a *app) login(t *testing.T, role pokot.Role) demo.Login {
	t.Helper()
	for _, l := range a.Logins {
		if (role == "" && l.Admin) || (role != "" && l.Role == role) {
			return l
		}
	}
	t.Fatalf("the demo has no login with role %q", role)
	return demo.Login{}
}

var invitationURL = regexp.MustCompile(`https?://[^\s"<>]+/invitations/[A-Za-z0-9_-]+`)

// mailTo returns the newest e-mail to addr in the outbox (the queue stores it before the
// request that sends it answers).
func (a *app) mailTo(t *testing.T, addr string) *pokot.Mail {
	t.Helper()
	mails, _, err := a.DB.Outbox(context.Background(), 100, 0)
	if err != nil {
		t.Fatalf("outbox: %v", err)
	}
	for _, m := range mails {
		if m.To == addr {
			return m
		}
	}
	t.Fatalf("no e-mail to %s in the outbox (%d mails there)", addr, len(mails))
	return nil
}

// invitationLink returns the invitation link of a mail, which must point at this site.
func (a *app) invitationLink(t *testing.T, m *pokot.Mail) string {
	t.Helper()
	link := invitationURL.FindString(m.Text)
	if link == "" {
		t.Fatalf("no invitation link in the mail %q:\n%s", m.Subject, m.Text)
	}
	if !strings.HasPrefix(link, a.URL+"/") {
		t.Fatalf("invitation link %s does not point at the site %s", link, a.URL)
	}
	return link
}

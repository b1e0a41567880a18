package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	netmail "net/mail"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	domain "github.com/pokot/pokot"
	"github.com/pokot/pokot/api"
	"github.com/pokot/pokot/demo"
	"github.com/pokot/pokot/issuer"
	"github.com/pokot/pokot/issuing"
	"github.com/pokot/pokot/mail"
	"github.com/pokot/pokot/metrics"
	"github.com/pokot/pokot/oidc"
	"github.com/pokot/pokot/pathway"
	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/web"
)

func init() {
	commands["serve"] = command{summary: "run the POKOT web server", run: runServe}
}

// serveOptions are the settings of serve that are not part of domain.Config.
type serveOptions struct {
	logFormat string // text or json
	logLevel  slog.Level
	// issueChunk and issueLease tune the issuing worker (POKOT_ISSUE_CHUNK: credentials
	// stored per transaction, default 500; POKOT_ISSUE_LEASE: how soon another process
	// takes over the batch of a process that died, default 30s). Zero means the default.
	issueChunk int
	issueLease time.Duration
}

// runServe starts the server and runs until ctx is cancelled (SIGINT/SIGTERM), then shuts
// down gracefully: in-flight requests finish, the mail worker stops, the database closes.
func runServe(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	cfg, opts, err := serveConfig(args, os.LookupEnv, os.Environ(), stderr)
	if err != nil {
		var fe errFlags
		if errors.As(err, &fe) {
			return usageExit(fe.error) // package flag has printed the error and the usage
		}
		fmt.Fprintln(stderr, "pokot serve:", err)
		return 2
	}
	logger := newLogger(stderr, opts)

	// Listen first, so that port 0 works and the public URL can name the real port.
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", cfg.Addr)
	if err != nil {
		fmt.Fprintln(stderr, "pokot serve:", err)
		return 1
	}
	defer ln.Close()
	if _, port, _ := net.SplitHostPort(cfg.Addr); port == "0" && strings.HasSuffix(cfg.BaseURL, ":0") {
		_, real, _ := net.SplitHostPort(ln.Addr().String())
		cfg.BaseURL = strings.TrimSuffix(cfg.BaseURL, "0") + real
	}

	db, err := sqldb.Open(ctx, cfg.DB, logger)
	if err != nil {
		// The driver's error names host, user and database, never the password of the DSN.
		fmt.Fprintln(stderr, "pokot serve: database:", err)
		return 1
	}
	defer db.Close()

	var demoLogins []demo.Login
	if cfg.Demo {
		logins, err := demo.Seed(ctx, db)
		if err != nil {
			fmt.Fprintln(stderr, "pokot serve: demo:", err)
			return 1
		}
		// Only the process that seeded the people adds the POKs: another process starting
		// at the same time sees the organisations before their people exist.
		if len(logins) > 0 {
			if _, err := demo.SeedMicrocredentials(ctx, db); err != nil {
				fmt.Fprintln(stderr, "pokot serve: demo:", err)
				return 1
			}
		}
		printLogins(stdout, cfg.BaseURL, logins)
		demoLogins = logins
	}

	if n, err := db.CountAdmins(ctx); err == nil && n == 0 {
		fmt.Fprintf(stdout, "No administrator yet: open %s/setup to create one, or run 'pokot user add --email ADDRESS --admin'.\n", cfg.BaseURL)
	}

	signer, err := newIssuer(db, cfg, logger)
	if err != nil {
		fmt.Fprintln(stderr, "pokot serve:", err)
		return 1
	}
	queue := mail.NewQueue(db, cfg.SMTP, logger)
	reg := newMetrics(db, logger)
	providers := oidcLogins(ctx, cfg.OIDC, logger)
	handler, err := web.New(web.Deps{
		Config:     cfg,
		Store:      db,
		Mailer:     queue,
		Logger:     logger,
		API:        api.New(db, cfg, logger, api.WithMailer(queue), api.WithIssuer(signer)),
		Metrics:    reg.Handler(),
		Instrument: reg.Instrument,
		OIDC:       providers,
		Issuer:     signer,
	})
	if err != nil {
		fmt.Fprintln(stderr, "pokot serve:", err)
		return 1
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}

	var bg sync.WaitGroup
	bgCtx, stopBG := context.WithCancel(ctx)
	defer stopBG()
	host, _ := os.Hostname()
	pathways := pathway.New(db, signer, cfg.BaseURL)
	pathways.Outbox = queue.Outbox()
	issuingOpts := issuing.Options{
		BaseURL: cfg.BaseURL, Outbox: queue.Outbox(), Worker: fmt.Sprintf("%s:%d", host, os.Getpid()),
		ImageURL: func(v *domain.MicrocredentialVersion) string {
			if v.Content.Image == nil {
				return ""
			}
			return fmt.Sprintf("%s/microcredentials/%d/versions/%d/image", cfg.BaseURL, v.MicrocredentialID, v.Number)
		},
		// A stored chunk may complete some learners' pathways: issue those at once.
		AfterIssued: func(ctx context.Context, cs []*domain.IssuedCredential) error {
			_, err := pathways.AfterIssuedChunk(ctx, cs)
			return err
		},
		Logger: logger,
		Chunk:  opts.issueChunk,
		Lease:  opts.issueLease,
	}
	issuingWorker := issuing.New(db, signer, issuingOpts)
	// The demo's offerings, assessments and credentials go through the issuing service
	// (signed with the organisations' keys) before the worker starts polling; only the
	// process that created the demo people adds them. Their e-mails stay in the outbox even
	// with SMTP: the learners are made up.
	if cfg.Demo && len(demoLogins) > 0 {
		demoOpts := issuingOpts
		demoOpts.Outbox = true
		seeded, err := demo.SeedDelivery(ctx, db, issuing.New(db, signer, demoOpts), time.Now())
		if err != nil {
			fmt.Fprintln(stderr, "pokot serve: demo:", err)
			return 1
		}
		printDemoLearner(stdout, cfg.BaseURL, seeded)
	}
	bg.Add(3)
	go func() { defer bg.Done(); (&mail.Worker{Store: db, SMTP: cfg.SMTP, Logger: logger}).Run(bgCtx) }()
	go func() {
		defer bg.Done()
		if err := issuingWorker.Run(bgCtx); err != nil && bgCtx.Err() == nil {
			logger.Error("issuing worker stopped", "err", err)
		}
	}()
	go func() { defer bg.Done(); sweepSessions(bgCtx, db, logger) }()

	// Load the catalogue's search copy now rather than on the first visitor's search.
	go func() {
		if err := db.WarmCatalog(bgCtx); err != nil && bgCtx.Err() == nil {
			logger.Warn("catalogue warm-up failed; the first search loads it", "err", err)
		}
	}()

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	fmt.Fprintf(stdout, "POKOT listening on http://%s\n", ln.Addr())
	if cfg.BaseURL != "http://"+ln.Addr().String() {
		fmt.Fprintf(stdout, "Public address: %s\n", cfg.BaseURL)
	}
	logger.Info("server started", "addr", ln.Addr().String(), "base_url", cfg.BaseURL, "demo", cfg.Demo,
		"smtp", cfg.SMTP.Host != "", "oidc_providers", len(providers))

	code := 0
	select {
	case err := <-served:
		logger.Error("server stopped", "err", err)
		code = 1
	case <-ctx.Done():
		logger.Info("shutting down")
		sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		if err := srv.Shutdown(sctx); err != nil {
			logger.Error("graceful shutdown incomplete", "err", err)
			code = 1
		}
		cancel()
	}
	stopBG()
	bg.Wait()
	logger.Info("stopped")
	return code
}

// serveConfig builds the configuration from the defaults, then the environment, then the
// flags (flags win). Every bad value is an error that names the setting.
func serveConfig(args []string, lookup func(string) (string, bool), environ []string, stderr io.Writer) (domain.Config, serveOptions, error) {
	cfg := domain.DefaultConfig()
	opts := serveOptions{logFormat: "text", logLevel: slog.LevelInfo}
	var errs []string
	str := func(name string, dst *string) {
		if v, ok := lookup(name); ok {
			*dst = strings.TrimSpace(v)
		}
	}
	str("POKOT_ADDR", &cfg.Addr)
	str("POKOT_DB", &cfg.DB)
	str("POKOT_BASE_URL", &cfg.BaseURL)
	if v, ok := lookup("POKOT_DEMO"); ok && strings.TrimSpace(v) != "" {
		b, err := strconv.ParseBool(strings.TrimSpace(v))
		if err != nil {
			errs = append(errs, fmt.Sprintf("POKOT_DEMO=%q: want true or false", v))
		}
		cfg.Demo = b
	}
	if v, ok := lookup("POKOT_SESSION_TTL"); ok && v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			errs = append(errs, fmt.Sprintf("POKOT_SESSION_TTL=%q: want a positive duration such as 336h", v))
		}
		cfg.SessionTTL = d
	}
	if v, ok := lookup("POKOT_SECRET_KEY"); ok {
		cfg.SecretKey = strings.TrimSpace(v)
	}
	str("POKOT_SECRET_KEY_FILE", &cfg.SecretKeyFile)
	if v, ok := lookup("POKOT_METRICS_TOKEN"); ok {
		cfg.MetricsToken = strings.TrimSpace(v)
	}
	str("POKOT_SMTP_HOST", &cfg.SMTP.Host)
	if v, ok := lookup("POKOT_SMTP_PORT"); ok && v != "" {
		p, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || p < 1 || p > 65535 {
			errs = append(errs, fmt.Sprintf("POKOT_SMTP_PORT=%q: want a port number 1–65535", v))
		}
		cfg.SMTP.Port = p
	}
	str("POKOT_SMTP_USERNAME", &cfg.SMTP.Username)
	if v, ok := lookup("POKOT_SMTP_PASSWORD"); ok {
		cfg.SMTP.Password = v // not trimmed: a password may end in a space
	}
	str("POKOT_SMTP_FROM", &cfg.SMTP.From)
	str("POKOT_SMTP_TLS", &cfg.SMTP.TLS)
	cfg.SMTP.TLS = strings.ToLower(cfg.SMTP.TLS)
	if v, ok := lookup("POKOT_ISSUE_CHUNK"); ok && v != "" {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 1 || n > 5000 {
			errs = append(errs, fmt.Sprintf("POKOT_ISSUE_CHUNK=%q: want a number of credentials 1–5000", v))
		}
		opts.issueChunk = n
	}
	if v, ok := lookup("POKOT_ISSUE_LEASE"); ok && v != "" {
		d, err := time.ParseDuration(strings.TrimSpace(v))
		if err != nil || d < 3*time.Second {
			errs = append(errs, fmt.Sprintf("POKOT_ISSUE_LEASE=%q: want a duration of at least 3s, such as 30s", v))
		}
		opts.issueLease = d
	}
	if v, ok := lookup("POKOT_LOG_FORMAT"); ok && v != "" {
		opts.logFormat = strings.ToLower(strings.TrimSpace(v))
	}
	if v, ok := lookup("POKOT_LOG_LEVEL"); ok && v != "" {
		if err := opts.logLevel.UnmarshalText([]byte(strings.TrimSpace(v))); err != nil {
			errs = append(errs, fmt.Sprintf("POKOT_LOG_LEVEL=%q: want debug, info, warn or error", v))
		}
	}
	providers, perrs := oidcFromEnv(environ)
	cfg.OIDC, errs = providers, append(errs, perrs...)

	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	// The flags show the built-in defaults (never values from the environment, which may
	// hold a DSN with a password) and override the environment only when given.
	def := domain.DefaultConfig()
	addr := fs.String("addr", def.Addr, "listen address HOST:PORT (env POKOT_ADDR); port 0 picks a free port")
	dsn := fs.String("db", def.DB, "SQLite file or postgres:// DSN (env POKOT_DB)")
	baseURL := fs.String("base-url", "", "public URL, e.g. https://pokot.example.fi (env POKOT_BASE_URL; default from --addr)")
	demoFlag := fs.Bool("demo", false, "fill an empty database with demo institutions, people and content (env POKOT_DEMO)")
	logFormat := fs.String("log-format", "text", "log format on stderr: text or json (env POKOT_LOG_FORMAT)")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: pokot serve [--addr HOST:PORT] [--db DSN] [--base-url URL] [--demo]

Runs the POKOT web server. Every flag can also be set in the environment; flags win.
E-mail: POKOT_SMTP_HOST, POKOT_SMTP_PORT (587), POKOT_SMTP_USERNAME, POKOT_SMTP_PASSWORD,
POKOT_SMTP_FROM, POKOT_SMTP_TLS (starttls, tls or none). Without POKOT_SMTP_HOST, e-mail
goes to the outbox at /admin/outbox.
OpenID Connect: POKOT_OIDC_<ID>_ISSUER, _CLIENT_ID, _CLIENT_SECRET and _NAME per provider,
e.g. POKOT_OIDC_ENTRA_ISSUER=https://login.microsoftonline.com/<tenant>/v2.0.
Signing keys: POKOT_SECRET_KEY (64 hex digits) or POKOT_SECRET_KEY_FILE (pokot.key,
created on first start): the master key that seals the organisations' signing keys.
Metrics: /metrics answers loopback requests only, or anyone with POKOT_METRICS_TOKEN as a
bearer token when that is set.
Issuing: POKOT_ISSUE_CHUNK (credentials stored per transaction, 500), POKOT_ISSUE_LEASE (how
soon another process takes over a batch whose process died, 30s).
Also POKOT_SESSION_TTL (336h), POKOT_LOG_FORMAT (text, json), POKOT_LOG_LEVEL (info).

`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return cfg, opts, errFlags{err}
	}
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "addr":
			cfg.Addr = *addr
		case "db":
			cfg.DB = *dsn
		case "base-url":
			cfg.BaseURL = *baseURL
		case "demo":
			cfg.Demo = *demoFlag
		case "log-format":
			opts.logFormat = *logFormat
		}
	})
	if fs.NArg() > 0 {
		errs = append(errs, fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	}
	if opts.logFormat != "text" && opts.logFormat != "json" {
		errs = append(errs, fmt.Sprintf("log format %q: want text or json", opts.logFormat))
	}
	if len(errs) == 0 {
		if err := cfg.Validate(); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if cfg.SMTP.From != "" {
		if _, err := netmail.ParseAddress(cfg.SMTP.From); err != nil {
			errs = append(errs, fmt.Sprintf("POKOT_SMTP_FROM=%q: want an address such as \"POKOT <noreply@example.fi>\"", cfg.SMTP.From))
		}
	}
	if cfg.SMTP.Host != "" && cfg.SMTP.TLS == "none" && !mail.Loopback(cfg.SMTP.Host) {
		errs = append(errs, fmt.Sprintf("POKOT_SMTP_TLS=none: only for an SMTP server on this machine, not %s", cfg.SMTP.Host))
	}
	if len(errs) > 0 {
		return cfg, opts, errors.New(strings.Join(errs, "; "))
	}
	return cfg, opts, nil
}

// errFlags is a flag parsing error, which package flag has already reported.
type errFlags struct{ error }

var oidcIDRE = regexp.MustCompile(`^[a-z0-9]{1,32}$`)

// oidcFromEnv reads POKOT_OIDC_<ID>_<SETTING> variables, one provider per ID, sorted by ID.
func oidcFromEnv(environ []string) ([]domain.OIDCProvider, []string) {
	byID := map[string]*domain.OIDCProvider{}
	var errs []string
	for _, kv := range environ {
		k, v, _ := strings.Cut(kv, "=")
		rest, ok := strings.CutPrefix(k, "POKOT_OIDC_")
		if !ok {
			continue
		}
		var id, setting string
		for _, s := range []string{"_CLIENT_SECRET", "_CLIENT_ID", "_ISSUER", "_NAME"} {
			if p, ok := strings.CutSuffix(rest, s); ok {
				id, setting = strings.ToLower(p), s
				break
			}
		}
		if setting == "" || !oidcIDRE.MatchString(id) {
			errs = append(errs, fmt.Sprintf("%s: want POKOT_OIDC_<ID>_ISSUER, _CLIENT_ID, _CLIENT_SECRET or _NAME with an ID of letters and digits", k))
			continue
		}
		p := byID[id]
		if p == nil {
			p = &domain.OIDCProvider{ID: id}
			byID[id] = p
		}
		v = strings.TrimSpace(v)
		switch setting {
		case "_ISSUER":
			p.Issuer = v
		case "_CLIENT_ID":
			p.ClientID = v
		case "_CLIENT_SECRET":
			p.ClientSecret = v
		case "_NAME":
			p.Name = v
		}
	}
	var out []domain.OIDCProvider
	for _, p := range byID {
		if p.Issuer != "" && !strings.HasPrefix(p.Issuer, "https://") && !strings.HasPrefix(p.Issuer, "http://127.0.0.1") && !strings.HasPrefix(p.Issuer, "http://localhost") {
			errs = append(errs, fmt.Sprintf("POKOT_OIDC_%s_ISSUER=%q: want an https:// URL", strings.ToUpper(p.ID), p.Issuer))
		}
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, errs
}

func newLogger(w io.Writer, opts serveOptions) *slog.Logger {
	ho := &slog.HandlerOptions{Level: opts.logLevel}
	if opts.logFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, ho))
	}
	return slog.New(slog.NewTextHandler(w, ho))
}

// printLogins shows the demo accounts once; they are never logged.
func printLogins(w io.Writer, baseURL string, logins []demo.Login) {
	if len(logins) == 0 {
		fmt.Fprintln(w, "Demo: the database already has content; no demo accounts were created.")
		return
	}
	fmt.Fprintf(w, "Demo accounts for %s/signin (the passwords are shown only this once):\n", baseURL)
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
	for _, l := range logins {
		who := "platform admin"
		if !l.Admin {
			who = l.Org + " " + string(l.Role)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", who, l.Name, l.Email, l.Password)
	}
	tw.Flush()
}

// printDemoLearner says which demo account to sign in with to see a wallet of credentials.
func printDemoLearner(w io.Writer, baseURL string, d *demo.DeliverySeed) {
	if d == nil || d.Learner == "" {
		return
	}
	fmt.Fprintf(w, "Demo delivery: %d offerings, %d registrations, %d credentials issued (%d revoked).\n",
		d.Offerings, d.Registrations, d.Credentials, d.Revoked)
	fmt.Fprintf(w, "To see a learner's wallet, sign in at %s/signin as %s (password above) and open %s/wallet.\n",
		baseURL, d.Learner, baseURL)
}

// newMetrics registers the gauges read from the database at scrape time.
func newMetrics(db *sqldb.DB, logger *slog.Logger) *metrics.Registry {
	reg := metrics.New(logger)
	reg.DBStats(db.Stats)
	reg.Gauge("pokot_mail_queue_depth", "E-mails waiting for delivery.", func(ctx context.Context) (float64, error) {
		n, err := db.MailQueueDepth(ctx)
		return float64(n), err
	})
	reg.GaugeVec("pokot_job_queue_depth", "Background jobs waiting to run, by kind.", "kind", func(ctx context.Context) (map[string]float64, error) {
		byKind, err := db.JobQueueDepth(ctx)
		out := make(map[string]float64, len(byKind))
		for k, n := range byKind {
			out[k] = float64(n)
		}
		return out, err
	})
	return reg
}

// oidcLogins discovers the configured providers. A provider that cannot be reached is left
// off the sign-in page (and logged) rather than keeping the whole service down.
func oidcLogins(ctx context.Context, providers []domain.OIDCProvider, logger *slog.Logger) []web.OIDCLogin {
	var out []web.OIDCLogin
	for _, p := range providers {
		dctx, cancel := context.WithTimeout(ctx, 15*time.Second)
		c, err := oidc.New(dctx, p)
		cancel()
		if err != nil {
			logger.Error("OpenID Connect provider unavailable; its sign-in button is hidden", "provider", p.ID, "err", err)
			continue
		}
		out = append(out, oidcLogin{c})
	}
	return out
}

// oidcLogin adapts an oidc.Client to web.OIDCLogin.
type oidcLogin struct{ *oidc.Client }

func (l oidcLogin) Exchange(ctx context.Context, code, nonce, redirectURL string) (web.Identity, error) {
	id, err := l.Client.Exchange(ctx, code, nonce, redirectURL)
	return web.Identity{Subject: id.Subject, Email: id.Email, Name: id.Name, EmailVerified: id.EmailVerified}, err
}

// sweepSessions deletes expired sessions every hour (any process may do it).
func sweepSessions(ctx context.Context, db domain.SessionService, logger *slog.Logger) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			if n, err := db.DeleteExpiredSessions(ctx, now); err != nil && ctx.Err() == nil {
				logger.Warn("deleting expired sessions failed", "err", err)
			} else if n > 0 {
				logger.Info("expired sessions deleted", "count", n)
			}
		}
	}
}

// newIssuer loads the master key (POKOT_SECRET_KEY, or the key file, created on first
// start) and returns the service that signs in the organisations' names.
func newIssuer(db *sqldb.DB, cfg domain.Config, logger *slog.Logger) (*issuer.Service, error) {
	var master []byte
	var err error
	if cfg.SecretKey != "" {
		if master, err = issuer.ParseMasterKey(cfg.SecretKey); err != nil {
			return nil, fmt.Errorf("POKOT_SECRET_KEY: %w", err)
		}
	} else {
		var created bool
		if master, created, err = issuer.LoadMasterKeyFile(cfg.SecretKeyFile); err != nil {
			return nil, fmt.Errorf("secret key file %s: %w", cfg.SecretKeyFile, err)
		}
		if created {
			logger.Warn("created a new master key file: back it up, and give the same key to every process of this installation",
				"file", cfg.SecretKeyFile)
		}
	}
	svc, err := issuer.New(db, master, cfg.BaseURL, time.Now)
	if err != nil {
		return nil, err
	}
	svc.Logger = logger
	return svc, nil
}

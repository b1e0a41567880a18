package browsertest

import (
	"context"
	"crypto/rand"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/api"
	"github.com/pokot/pokot/demo"
	"github.com/pokot/pokot/issuer"
	"github.com/pokot/pokot/issuing"
	"github.com/pokot/pokot/mail"
	"github.com/pokot/pokot/sqldb/sqldbtest"
	"github.com/pokot/pokot/web"
)

// deliveryApp is the site as `pokot serve` wires it for running POKs: the demo, the
// issuer with a real master key (the organisations sign with their own keys), and the
// batch issuing worker running in the background. The worker stops after the first chunk
// of the first batch it stores until the test calls release, so that a test can look at a
// batch half done.
type deliveryApp struct {
	*app
	Iss *issuer.Service

	firstChunk chan int      // receives the size of the first stored chunk
	release    chan struct{} // closed to let the worker go on
	once       sync.Once
}

// startDeliveryApp starts the site on a fresh database with the demo (institutions,
// people, POKs) and a worker that issues two credentials per chunk.
func startDeliveryApp(t *testing.T) *deliveryApp {
	t.Helper()
	ctx := context.Background()
	db := sqldbtest.New(t)
	logins, err := demo.SeedWith(ctx, db, cheapHash)
	if err != nil || len(logins) == 0 {
		t.Fatalf("demo seed: %d logins, %v", len(logins), err)
	}
	if _, err := demo.SeedMicrocredentials(ctx, db); err != nil {
		t.Fatalf("demo micro-credentials: %v", err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() && os.Getenv("POKOT_BROWSER_LOG") != "" {
		logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	srv := httptest.NewUnstartedServer(nil)
	cfg := pokot.DefaultConfig()
	cfg.Addr = srv.Listener.Addr().String()
	cfg.BaseURL = "http://" + cfg.Addr
	master := make([]byte, issuer.MasterKeySize)
	rand.Read(master)
	iss, err := issuer.New(db, master, cfg.BaseURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	queue := mail.NewQueue(db, cfg.SMTP, logger)
	h, err := web.New(web.Deps{Config: cfg, Store: db, Mailer: queue, Logger: logger, Issuer: iss,
		API: api.New(db, cfg, logger, api.WithMailer(queue), api.WithIssuer(iss))})
	if err != nil {
		t.Fatalf("web.New: %v", err)
	}
	srv.Config.Handler = h
	srv.Start()
	t.Cleanup(srv.Close)

	d := &deliveryApp{app: &app{URL: srv.URL, DB: db, Logins: logins}, Iss: iss,
		firstChunk: make(chan int, 1), release: make(chan struct{})}
	worker := issuing.New(db, iss, issuing.Options{BaseURL: cfg.BaseURL, Outbox: queue.Outbox(), Worker: "browsertest",
		Chunk: 2, Poll: 50 * time.Millisecond, Logger: logger,
		AfterIssued: func(ctx context.Context, cs []*pokot.IssuedCredential) error {
			first := false
			d.once.Do(func() { first = true })
			if first {
				d.firstChunk <- len(cs)
				select {
				case <-d.release:
				case <-ctx.Done():
				}
			}
			return nil
		}})
	wctx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); worker.Run(wctx) }()
	t.Cleanup(func() {
		d.releaseWorker()
		stop()
		<-done
	})
	return d
}

// releaseWorker lets the worker go on after the first chunk (once).
func (d *deliveryApp) releaseWorker() {
	select {
	case <-d.release:
	default:
		close(d.release)
	}
}

// waitFirstChunk waits until the worker has stored the first chunk of a batch and holds.
func (d *deliveryApp) waitFirstChunk(t *testing.T) int {
	t.Helper()
	select {
	case n := <-d.firstChunk:
		return n
	case <-time.After(pageTimeout):
		t.Fatal("the issuing worker stored no chunk")
		return 0
	}
}

// loginOf returns the demo account of an organisation's member with role.
func (d *deliveryApp) loginOf(t *testing.T, org string, role pokot.Role) demo.Login {
	t.Helper()
	for _, l := range d.Logins {
		if l.Org == org && l.Role == role {
			return l
		}
	}
	t.Fatalf("the demo has no %s in %s", role, org)
	return demo.Login{}
}

// pokotBinary compiles cmd/pokot once in the background and returns a function that waits
// for the binary's path; the build runs while the browser works.
func pokotBinary(t *testing.T) func() string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "pokot")
	var out []byte
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		args := append(append([]string{"build"}, raceFlags...), "-o", bin, "github.com/pokot/pokot/cmd/pokot")
		cmd := exec.Command("go", args...)
		out, err = cmd.CombinedOutput()
	}()
	t.Cleanup(func() { <-done })
	return func() string {
		t.Helper()
		<-done
		if err != nil {
			t.Fatalf("go build cmd/pokot: %v\n%s", err, out)
		}
		return bin
	}
}

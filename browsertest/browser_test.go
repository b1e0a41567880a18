package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// pageTimeout bounds every single browser step, so that a hung page fails the test with a
// message instead of running into the global go test timeout.
const pageTimeout = 30 * time.Second

// need stops the test when a prerequisite is missing: it skips by default, and fails when
// POKOT_BROWSER=1 says that the browser tests must run (as in make test and CI).
func need(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("POKOT_BROWSER") == "1" {
		t.Fatalf("%s (POKOT_BROWSER=1: the browser tests must run)", msg)
	}
	t.Skipf("%s; skipping the browser test (set POKOT_BROWSER=1 to make this a failure)", msg)
}

// chromiumPath returns the Chromium binary: POKOT_CHROMIUM, else /usr/bin/chromium, else
// the first of the usual names on PATH.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("POKOT_CHROMIUM"); p != "" {
		if _, err := exec.LookPath(p); err != nil {
			need(t, "POKOT_CHROMIUM=%s: %v", p, err)
		}
		return p
	}
	for _, p := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	need(t, "no Chromium found (install it with apt-get install chromium, or set POKOT_CHROMIUM)")
	return ""
}

// newBrowser starts a headless Chromium for the test and returns a context for its first
// tab. The browser and its profile folder go away when the test ends.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	if testing.Short() && os.Getenv("POKOT_BROWSER") != "1" {
		t.Skip("browser tests skipped in -short mode")
	}
	path := chromiumPath(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox, // CI runs as root, where Chromium's sandbox cannot start
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-features", "Translate,MediaRouter,OptimizationHints"),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("lang", "fi-FI"),
		chromedp.Flag("accept-lang", "fi-FI,fi"), // a Finnish user's browser
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	logf := guardedLogf(t)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx, chromedp.WithLogf(logf), chromedp.WithErrorf(logf))
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	// The first Run starts the browser; it must not carry a timeout (that would end the
	// browser with it).
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium %s: %v", path, err)
	}
	return ctx
}

// guardedLogf returns a t.Logf that drops what arrives after the test's cleanups: chromedp
// may still log from its own goroutines while the browser shuts down, and t.Logf after
// the end of a test panics.
func guardedLogf(t *testing.T) func(string, ...any) {
	var mu sync.Mutex
	done := false
	t.Cleanup(func() {
		mu.Lock()
		done = true
		mu.Unlock()
	})
	return func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		if !done {
			t.Logf("chromedp: "+format, args...)
		}
	}
}

// newTab opens another tab with its own cookie jar (a fresh browser context), for a second
// person using the site at the same time.
func newTab(t *testing.T, browser context.Context) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open a new browser context: %v", err)
	}
	return ctx
}

// do runs browser steps with the page timeout and fails the test with what failed.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, pageTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v (at %s)", what, err, location(ctx))
	}
}

// run runs one browser action that returns a value, with the page timeout.
func run[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, pageTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v (at %s)", what, err, location(ctx))
	}
	return v
}

// eval evaluates a JavaScript expression in the page and decodes its result.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	return run(t, ctx, "evaluate "+firstLine(js), chromedp.Evaluate[T](js))
}

// location returns the tab's URL for error messages, or "?" when the tab does not answer.
func location(ctx context.Context) string {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
	defer cancel()
	u, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		return "?"
	}
	return u
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " …"
	}
	return s
}

// screenshotDir is POKOT_SCREENSHOTS, or a temporary folder of the test.
func screenshotDir(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("POKOT_SCREENSHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatalf("screenshots: %v", err)
		}
		return d
	}
	return t.TempDir()
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// screenshot saves a full-page PNG of the tab as DIR/NAME.png.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	saveShot(t, name, run(t, ctx, "screenshot "+name, chromedp.FullScreenshot(100)))
}

// viewportShot saves what the viewport shows as DIR/NAME.png (cheaper than a full page).
func viewportShot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	saveShot(t, name, run(t, ctx, "screenshot "+name, chromedp.CaptureScreenshot()))
}

func saveShot(t *testing.T, name string, png []byte) {
	t.Helper()
	path := filepath.Join(screenshotDir(t), unsafeName.ReplaceAllString(name, "_")+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatalf("save screenshot: %v", err)
	}
}

package web_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestDeliveryScreenshots saves screenshots of the assessment grid (clean and with errors),
// the issuing progress page (waiting and done), the issuing list and the public offering
// page to the directory $SHOTS, for people to look at. Skipped without $SHOTS.
func TestDeliveryScreenshots(t *testing.T) {
	dir := os.Getenv("SHOTS")
	if dir == "" {
		t.Skip("set SHOTS to a directory to take screenshots")
	}
	w := newDeliveryWorld(t)
	o := w.offering(4)
	w.enrol(o, "anna.aalto@example.fi", "bertta.berg@example.fi", "cecilia.castren@example.fi", "daniel.dahl@example.fi", "eero.eskola@example.fi")
	base := offeringPath(o)
	ab := w.signedIn(w.assessor)
	ab.get(base + "/assessment")
	wantStatus(t, ab.post(base+"/assessment", w.gridValues(o, map[string][2]string{
		"anna.aalto@example.fi": {"4", "5"}, "bertta.berg@example.fi": {"3", "3"}, "cecilia.castren@example.fi": {"5", "fail"}},
		"2025-10-21", "https://example.fi/naytto/1")), http.StatusSeeOther)
	r := ab.post(base+"/issuing", nil)
	wantStatus(t, r, http.StatusSeeOther)
	batch := r.Header.Get("Location")

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath("/usr/bin/chromium"), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.WindowSize(1280, 1000))
	actx, c1 := chromedp.NewExecAllocator(context.Background(), opts...)
	defer c1()
	ctx, c2 := chromedp.NewContext(actx)
	defer c2()
	ctx, c3 := context.WithTimeout(ctx, 90*time.Second)
	defer c3()
	u := w.srv.URL
	if err := chromedp.Do(ctx, chromedp.Navigate(u+"/signin?lang=fi"), chromedp.SendKeys(chromedp.CSS("#signin-email"), w.assessor.Email),
		chromedp.SendKeys(chromedp.CSS("#signin-password"), testPassword),
		chromedp.Click(chromedp.CSS("form[action='/signin'] button[type=submit]")), chromedp.Sleep(800*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	shot := func(name, path string, width int64, then ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		steps := append([]chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(width, 1000), chromedp.Navigate(u + path),
			chromedp.Sleep(400 * time.Millisecond)}, then...)
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatal(err)
		}
		buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644); err != nil {
			t.Fatal(err)
		}
		axeCheck(t, ctx, name)
	}
	shot("delivery-progress-waiting", batch, 1280)
	// delivery.js polls the progress JSON: the worker runs while the page stays open, and the
	// page moves on by itself.
	if err := chromedp.Do(ctx, chromedp.Navigate(u+batch), chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	if _, err := w.worker().RunOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Sleep(4*time.Second)); err != nil {
		t.Fatal(err)
	}
	done, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("batch-done").textContent + "/" + document.getElementById("batch-progress").value`))
	if err != nil || done != "2/2" {
		t.Errorf("the open progress page shows %q (%v), want 2/2", done, err)
	}
	shot("delivery-grid", base+"/assessment", 1280)
	shot("delivery-grid-phone", base+"/assessment", 390)
	// A rejected grid: an evidence link that is not a web address.
	shot("delivery-grid-errors", base+"/assessment", 1280,
		chromedp.SetValue(chromedp.CSS("input[type=url]"), "ftp://example.fi/x"),
		chromedp.Click(chromedp.CSS("form[action$='/assessment'] button[type=submit]")), chromedp.Sleep(600*time.Millisecond))
	shot("delivery-progress-done", batch, 1280)
	shot("delivery-issuing", base+"/issuing", 1280)
	shot("delivery-public", publicPath(o), 1280)
}

// axeCheck runs axe-core (WCAG 2.1 A and AA) on the page open in ctx, when the test
// environment has it (.cache/npm), and reports every violation.
func axeCheck(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	axe, err := os.ReadFile("../.cache/npm/node_modules/axe-core/axe.min.js")
	if err != nil {
		t.Logf("%s: no axe-core, accessibility not checked", name)
		return
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](string(axe)+";true")); err != nil {
		t.Fatal(err)
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => { const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}); return JSON.stringify(r.violations.map(v => [v.id, v.help, v.nodes.map(n => n.html.slice(0,160))])); })()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if res != "[]" {
		t.Errorf("%s: %s", name, res)
	}
}

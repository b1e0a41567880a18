package web_test

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// studioBrowser starts headless Chromium signed in as anna@tao.fi, or skips when there is
// no Chromium (POKOT_BROWSER=1 makes that a failure, as in browsertest).
func studioBrowser(t *testing.T, e *studioEnv) context.Context {
	t.Helper()
	if testing.Short() && os.Getenv("POKOT_BROWSER") != "1" {
		t.Skip("browser test skipped in -short mode")
	}
	path := os.Getenv("POKOT_CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := exec.LookPath(path); err != nil {
		if os.Getenv("POKOT_BROWSER") == "1" {
			t.Fatalf("no Chromium at %s", path)
		}
		t.Skipf("no Chromium at %s", path)
	}
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900)}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelA() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	browse(t, ctx, "sign in", chromedp.Navigate(e.srv.URL+"/signin?lang=fi"),
		chromedp.SendKeys(chromedp.CSS("#signin-email"), "anna@tao.fi"),
		chromedp.SendKeys(chromedp.CSS("#signin-password"), testPassword),
		chromedp.Click(chromedp.CSS("form[action='/signin'] button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("form.signout")))
	return ctx
}

func browse(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func jsValue[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it holds (the autosave is debounced).
func waitFor(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	for i := 0; i < 100; i++ {
		if jsValue[bool](t, ctx, js) {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s: %s never became true", what, js)
}

// TestStudioAutosaveInBrowser: typing saves the draft without a button (the status says
// so, the checklist follows), and a learning outcome row added with JavaScript is saved
// and comes back after a reload.
func TestStudioAutosaveInBrowser(t *testing.T) {
	t.Parallel()
	e := newStudioEnv(t)
	ctx := studioBrowser(t, e)
	anna := e.browser()
	anna.signin("anna@tao.fi")
	base := e.srv.URL + newDraft(t, anna, "Autotallennus")

	browse(t, ctx, "open step 1", chromedp.Navigate(base+"/step/1"), chromedp.WaitVisible(chromedp.CSS("#ed-description-fi")),
		chromedp.SendKeys(chromedp.CSS("#ed-description-fi"), "Kirjoitettu ilman tallennusnappia."))
	waitFor(t, ctx, "autosave", `document.querySelector("[data-autosave-status]").textContent.includes("tallennettu")`)
	if !jsValue[bool](t, ctx, `!document.querySelector("#checklist").textContent.includes("Kuvaus on kirjoitettu suomeksi") ||
		document.querySelector("#checklist .passed").textContent.includes("Kuvaus on kirjoitettu suomeksi")`) {
		t.Error("the checklist did not follow the autosave")
	}
	browse(t, ctx, "reload", chromedp.Navigate(base+"/step/1"), chromedp.WaitVisible(chromedp.CSS("#ed-description-fi")))
	if got := jsValue[string](t, ctx, `document.querySelector("#ed-description-fi").value`); got != "Kirjoitettu ilman tallennusnappia." {
		t.Fatalf("description after reload: %q", got)
	}

	browse(t, ctx, "add an outcome", chromedp.Navigate(base+"/step/2"), chromedp.WaitVisible(chromedp.CSS("[data-add-outcome]")),
		chromedp.Click(chromedp.CSS("[data-add-outcome]")), chromedp.WaitVisible(chromedp.CSS("#outcome-1")))
	if id := jsValue[string](t, ctx, `document.activeElement.id`); id != "ed-outcomes-0-text-fi" {
		t.Errorf("focus after adding a row: %q", id)
	}
	browse(t, ctx, "type the outcome", chromedp.SendKeys(chromedp.CSS("#ed-outcomes-0-text-fi"), "Osaa laatia työvuorolistan."))
	waitFor(t, ctx, "autosave of the new row", `document.querySelector("[data-autosave-status]").textContent.includes("tallennettu")`)
	browse(t, ctx, "reload step 2", chromedp.Navigate(base+"/step/2"), chromedp.WaitVisible(chromedp.CSS("#outcome-1")))
	if got := jsValue[string](t, ctx, `document.querySelector("#ed-outcomes-0-text-fi").value`); !strings.Contains(got, "työvuorolistan") {
		t.Fatalf("outcome after reload: %q", got)
	}
	// Removing the row with JavaScript saves the draft without it.
	browse(t, ctx, "remove the outcome", chromedp.Click(chromedp.CSS("[data-remove-outcome]")))
	waitFor(t, ctx, "autosave after removal", `document.querySelector("[data-autosave-status]").textContent.includes("tallennettu")`)
	browse(t, ctx, "reload step 2 again", chromedp.Navigate(base+"/step/2"), chromedp.WaitVisible(chromedp.CSS("[data-add-outcome]")))
	if n := jsValue[int](t, ctx, `document.querySelectorAll("[data-outcomes] [data-outcome]").length`); n != 0 {
		t.Fatalf("%d outcome rows after removing the only one", n)
	}
}

package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// waitTrue waits until the JavaScript condition holds on the tab's page (polled on every
// change of the page's DOM and every 100 ms), and fails with what it waited for.
func waitTrue(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	ctx2, cancel := context.WithTimeout(ctx, pageTimeout)
	defer cancel()
	if _, err := chromedp.Run(ctx2, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingInterval(100*time.Millisecond),
		chromedp.WithPollingTimeout(pageTimeout))); err != nil {
		t.Fatalf("%s: %s never held: %v (at %s); the page says:\n%s", what, js, err, location(ctx), mainText(t, ctx))
	}
}

// press clicks an element that does not load a page (a checkbox's label, a disclosure).
func press(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	do(t, ctx, "click "+sel, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
}

// openTranslations opens the Swedish and English inputs of the multilingual field whose
// Finnish input is #id, by clicking their disclosure as a person would.
func openTranslations(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	sel := `.field.ml:has(#` + id + `) > details.translations`
	if !eval[bool](t, ctx, `document.querySelector('`+sel+`').open`) {
		press(t, ctx, sel+` > summary`)
	}
}

// tick ticks a radio button or checkbox by clicking its label.
func tick(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	press(t, ctx, `label[for="`+id+`"]`)
	if !eval[bool](t, ctx, `document.getElementById('`+id+`').checked`) {
		t.Fatalf("clicking the label of #%s does not tick it", id)
	}
}

// selectValue chooses an option of a select element.
func selectValue(t *testing.T, ctx context.Context, id, value string) {
	t.Helper()
	do(t, ctx, "choose "+value+" in #"+id, chromedp.SetValue(chromedp.CSS("#"+id), value))
}

// checklistView is what the quality-gate checklist beside the editor shows.
type checklistView struct {
	Errors   []string `json:"errors"`
	Warnings []string `json:"warnings"`
	Summary  string   `json:"summary"`
}

const readGate = `(() => {
	const c = document.getElementById('checklist');
	const txt = sel => [...c.querySelectorAll(sel)].map(e => e.innerText.trim());
	return {errors: txt('li.check-error a'), warnings: txt('li.check-warn a'), summary: (c.querySelector('.gate') || {}).innerText || ''};
})()`

func readChecklist(t *testing.T, ctx context.Context) checklistView {
	t.Helper()
	return eval[checklistView](t, ctx, readGate)
}

// listed reports whether one of the items is exactly s.
func listed(items []string, s string) bool {
	for _, x := range items {
		if x == s {
			return true
		}
	}
	return false
}

// checklistHas is a JavaScript condition: the checklist lists text as an item of kind
// ("error", "warn" or "ok" for a passed check) when want is true, or not when it is false.
func checklistHas(kind, text string, want bool) string {
	q, _ := json.Marshal(text)
	neg := "!"
	if want {
		neg = ""
	}
	return neg + `[...document.querySelectorAll('#checklist li.check-` + kind + `')].some(li => li.textContent.includes(` + string(q) + `))`
}

// autosaved is a JavaScript condition: the editor's autosave has saved (the status line
// shows the time of the save) and has nothing pending.
const autosaved = `(() => { const s = document.querySelector('[data-autosave-status]');
	return !!s && !s.classList.contains('problem') && /\d/.test(s.textContent); })()`

// badgePNG writes a small badge picture (a blue disc) and returns its path.
func badgePNG(t *testing.T) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 96, 96))
	for y := 0; y < 96; y++ {
		for x := 0; x < 96; x++ {
			if dx, dy := x-48, y-48; dx*dx+dy*dy < 44*44 {
				img.Set(x, y, color.RGBA{0x1f, 0x5f, 0xa8, 0xff})
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "hoivarobotti.png")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// fetchJSON downloads the address of a link as a program would and decodes its JSON.
func fetchJSON(t *testing.T, u string) map[string]any {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", u, resp.StatusCode)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/ld+json") {
		t.Errorf("GET %s: Content-Type %q, want application/ld+json", u, ct)
	}
	var doc map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
		t.Fatalf("GET %s: not JSON: %v", u, err)
	}
	return doc
}

// jsonAt walks a decoded JSON document along keys (object members) and indexes (ints), and
// returns what is there, or nil.
func jsonAt(doc any, path ...any) any {
	cur := doc
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := cur.(map[string]any)
			if !ok {
				return nil
			}
			cur = m[k]
		case int:
			s, ok := cur.([]any)
			if !ok || k >= len(s) {
				return nil
			}
			cur = s[k]
		}
	}
	return cur
}

// jsonStr is jsonAt() as a string ("" when missing or not a string).
func jsonStr(doc any, path ...any) string {
	s, _ := jsonAt(doc, path...).(string)
	return s
}

// jsonList is jsonAt() as a slice.
func jsonList(doc any, path ...any) []any {
	s, _ := jsonAt(doc, path...).([]any)
	return s
}

// typeIn enters value into a text field or text area, replacing what was there: short
// values key by key, longer ones as one insertion (as when pasting or dictating), which
// the page sees as the same input events at a fraction of the DevTools round trips.
func typeIn(t *testing.T, ctx context.Context, sel, value string) {
	t.Helper()
	q, _ := json.Marshal(sel)
	do(t, ctx, "type into "+sel,
		chromedp.WaitVisible(chromedp.CSS(sel)),
		chromedp.Evaluate[chromedp.Void](`(() => { const e = document.querySelector(`+string(q)+`); e.focus(); e.select(); })()`))
	if len([]rune(value)) <= 12 {
		do(t, ctx, "type into "+sel, chromedp.KeyEvent(value))
		return
	}
	ctx2, cancel := context.WithTimeout(ctx, pageTimeout)
	defer cancel()
	if _, err := chromedp.Call(ctx2, input.InsertText, input.InsertTextParams{Text: value}); err != nil {
		t.Fatalf("type into %s: %v", sel, err)
	}
	if got := eval[string](t, ctx, `document.querySelector(`+string(q)+`).value`); got != value {
		t.Fatalf("typed %q into %s, but it holds %q", value, sel, got)
	}
}

// checkSameLayout is checkPage for a page whose layout checkPage has already checked
// whole, here or in TestEveryPage (the next step of the editor, the invitation page): the
// page basics and axe-core on what this page shows, and a screenshot; keyboard focus order
// and the 320 px reflow of the shared layout are not repeated.
func checkSameLayout(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	screenshot(t, ctx, name)
	for _, p := range append(basicsProblems(t, ctx), axeProblems(t, ctx)...) {
		t.Errorf("%s (%s): %s", name, location(ctx), p)
	}
}

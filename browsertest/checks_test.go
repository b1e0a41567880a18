package browsertest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// checkPage runs every per-page check on the tab's current page: document basics, axe-core,
// visible keyboard focus, a screenshot, and the same page at 320 px width.
func checkPage(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	screenshot(t, ctx, name)
	var problems []string
	problems = append(problems, basicsProblems(t, ctx)...)
	problems = append(problems, axeProblems(t, ctx)...)
	problems = append(problems, focusProblems(t, ctx, name)...)
	problems = append(problems, narrowProblems(t, ctx, name)...)
	for _, p := range problems {
		t.Errorf("%s (%s): %s", name, location(ctx), p)
	}
}

type basics struct {
	Lang  string `json:"lang"`
	Title string `json:"title"`
	Mains int    `json:"mains"`
	H1s   int    `json:"h1s"`
}

// basicsProblems checks what every page of the site must have: a supported lang, a title,
// one main landmark and a first-level heading.
func basicsProblems(t *testing.T, ctx context.Context) (problems []string) {
	t.Helper()
	b := eval[basics](t, ctx, `({lang: document.documentElement.lang, title: document.title.trim(),
		mains: document.querySelectorAll('main, [role=main]').length, h1s: document.querySelectorAll('h1').length})`)
	switch b.Lang {
	case "fi", "sv", "en":
	default:
		problems = append(problems, fmt.Sprintf("<html lang=%q>, want fi, sv or en", b.Lang))
	}
	if b.Title == "" {
		problems = append(problems, "empty <title>")
	}
	if b.Mains != 1 {
		problems = append(problems, fmt.Sprintf("%d main landmarks, want 1", b.Mains))
	}
	if b.H1s == 0 {
		problems = append(problems, "no <h1>")
	}
	return problems
}

// focusStop describes the element that has keyboard focus.
type focusStop struct {
	Tag     string `json:"tag"`
	Text    string `json:"text"`
	Href    string `json:"href"`
	Outline string `json:"outline"` // computed outline when it is visible, else ""
	Shadow  string `json:"shadow"`  // computed box-shadow when set, else ""
	InView  bool   `json:"inView"`
	Target  bool   `json:"target"` // for a same-page link: its target exists
}

const focusInfo = `(() => {
	const e = document.activeElement;
	if (!e || e === document.body || e === document.documentElement) return null;
	const s = getComputedStyle(e), r = e.getBoundingClientRect();
	const transparent = c => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
	const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1 && !transparent(s.outlineColor)
		? s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor : '';
	const href = e.getAttribute('href') || '';
	return {tag: e.tagName.toLowerCase(), text: (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40),
		href, outline, shadow: s.boxShadow === 'none' ? '' : s.boxShadow,
		inView: r.width >= 1 && r.height >= 1 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
		target: href.startsWith('#') && href.length > 1 && !!document.getElementById(decodeURIComponent(href.slice(1)))};
})()`

// focusStops is how many Tab presses checkFocus follows from the top of the page.
const focusStops = 6

// focusProblems presses Tab from the top of the page and checks that the first stop is a skip
// link to an element of the page, and that every stop shows a visible focus indicator
// (an outline or a box shadow) inside the viewport.
func focusProblems(t *testing.T, ctx context.Context, name string) (problems []string) {
	t.Helper()
	// Start from the top of the document, whatever the page focused on load (an error summary,
	// say): focus a throwaway element placed first in the body, and Tab away from it.
	do(t, ctx, "focus the top of the page", chromedp.Evaluate[chromedp.Void](`(() => {
		window.scrollTo(0, 0);
		const s = document.createElement('span');
		s.tabIndex = -1;
		s.id = 'pokot-focus-start';
		document.body.prepend(s);
		s.focus();
	})()`))
	var stops []*focusStop
	sawLink := false
	for i := 0; i < focusStops; i++ {
		do(t, ctx, "press Tab", chromedp.KeyEvent("\t"))
		if i == 0 {
			do(t, ctx, "remove the focus start", chromedp.Evaluate[chromedp.Void](`document.getElementById('pokot-focus-start').remove()`))
		}
		f := eval[*focusStop](t, ctx, focusInfo)
		if f == nil {
			break // past the last focusable element
		}
		stops = append(stops, f)
		if f.Tag == "a" {
			sawLink = true
		}
		if i == 0 {
			viewportShot(t, ctx, name+"-focus")
		}
		what := fmt.Sprintf("Tab stop %d (<%s href=%q> %q)", i+1, f.Tag, f.Href, f.Text)
		if f.Outline == "" && f.Shadow == "" {
			problems = append(problems, what+" has no visible focus indicator (no outline, no box-shadow)")
		}
		if !f.InView {
			problems = append(problems, what+" is focused but not visible in the viewport")
		}
	}
	do(t, ctx, "blur", chromedp.Evaluate[chromedp.Void](`document.activeElement && document.activeElement.blur()`))
	if len(stops) == 0 {
		return append(problems, "Tab focuses nothing")
	}
	if first := stops[0]; first.Tag != "a" || !first.Target {
		problems = append(problems, fmt.Sprintf("first Tab stop is <%s href=%q> %q, want a skip link to an element of the page", first.Tag, first.Href, first.Text))
	}
	if !sawLink {
		problems = append(problems, fmt.Sprintf("no link among the first %d Tab stops", len(stops)))
	}
	return problems
}

type narrow struct {
	Width       int      `json:"width"`
	ScrollWidth int      `json:"scrollWidth"`
	Clipped     bool     `json:"clipped"`
	Wide        []string `json:"wide"`
}

const narrowInfo = `(() => {
	const de = document.documentElement, w = de.clientWidth;
	const sw = Math.max(de.scrollWidth, document.body.scrollWidth);
	const clip = v => v === 'hidden' || v === 'clip';
	const clipped = clip(getComputedStyle(de).overflowX) || clip(getComputedStyle(document.body).overflowX);
	// scrolls reports whether e sits inside a box that scrolls sideways on its own (a wide
	// table in its wrapper). An absolutely positioned element escapes such a box unless a
	// positioned element between them holds it.
	const scrolls = e => {
		let pos = getComputedStyle(e).position, escapes = pos === 'absolute' || pos === 'fixed';
		for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
			const s = getComputedStyle(p);
			if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && !escapes) return true;
			if (escapes && pos === 'absolute' && s.position !== 'static') escapes = false;
		}
		return false;
	};
	const desc = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
		(e.classList.length ? '.' + [...e.classList].join('.') : '');
	const past = [];
	for (const e of document.body.querySelectorAll('*')) {
		const r = e.getBoundingClientRect(), s = getComputedStyle(e);
		if (r.width < 1 || r.height < 1 || s.visibility === 'hidden' || r.right <= w + 1 || scrolls(e)) continue;
		past.push(e);
	}
	// Name the innermost elements past the edge: they are what pushes the page wider.
	const inner = past.filter(e => !past.some(d => d !== e && e.contains(d)));
	const wide = inner.slice(0, 6).map(e => desc(e) + ' "' + (e.innerText || '').trim().slice(0, 30) + '" (' +
		Math.round(e.getBoundingClientRect().width) + ' px wide, right edge ' + Math.round(e.getBoundingClientRect().right) + ' px)');
	return {width: w, scrollWidth: sw, clipped, wide};
})()`

// narrowProblems shows the page 320 CSS pixels wide (a small phone, or 1280 px at 400 % zoom,
// WCAG 1.4.10 Reflow) and fails when it scrolls sideways or cuts content off on the right.
// Content inside its own scrolling box (a wide table) is allowed.
func narrowProblems(t *testing.T, ctx context.Context, name string) []string {
	t.Helper()
	do(t, ctx, "320 px viewport", chromedp.EmulateViewport(320, 640))
	defer do(t, ctx, "restore viewport", chromedp.EmulateViewport(1280, 900))
	n := eval[narrow](t, ctx, narrowInfo)
	screenshot(t, ctx, name+"-320px")
	if n.ScrollWidth > n.Width {
		return []string{fmt.Sprintf("at 320 px the page is %d px wide and scrolls sideways; elements past the edge: %s",
			n.ScrollWidth, strings.Join(n.Wide, ", "))}
	} else if n.Clipped && len(n.Wide) > 0 {
		return []string{"at 320 px content is cut off on the right (overflow-x hidden): " + strings.Join(n.Wide, ", ")}
	}
	return nil
}

// consoleWatch collects the errors that the pages of a tab report: uncaught exceptions and
// console or browser log entries of level error, such as Content-Security-Policy violations.
type consoleWatch struct {
	mu     sync.Mutex
	errors []string
}

// watchConsole starts collecting the tab's errors.
func watchConsole(t *testing.T, ctx context.Context) *consoleWatch {
	t.Helper()
	w := &consoleWatch{}
	err := chromedp.Listen(ctx, func(ev any) {
		var msg string
		switch ev := ev.(type) {
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level != cdplog.EntryLevelError {
				return
			}
			msg = fmt.Sprintf("%s: %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
		case *runtime.EventExceptionThrown:
			msg = "uncaught exception: " + ev.ExceptionDetails.Text
			if ev.ExceptionDetails.Exception != nil && ev.ExceptionDetails.Exception.Description != "" {
				msg += " " + ev.ExceptionDetails.Exception.Description
			}
		default:
			return
		}
		w.mu.Lock()
		w.errors = append(w.errors, msg)
		w.mu.Unlock()
	})
	if err != nil {
		t.Fatalf("listen to the console: %v", err)
	}
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatalf("enable the browser log: %v", err)
	}
	return w
}

// take returns the errors collected since the last call and forgets them.
func (w *consoleWatch) take() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	e := w.errors
	w.errors = nil
	return e
}

// check fails the test with the errors that the page reported, ignoring failed loads whose
// message contains one of the expected strings (such as the status of a deliberate 404).
func (w *consoleWatch) check(t *testing.T, name string, expected ...string) {
	t.Helper()
next:
	for _, e := range w.take() {
		for _, x := range expected {
			if strings.Contains(e, x) {
				continue next
			}
		}
		t.Errorf("%s: the browser reported: %s", name, e)
	}
}

package web_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestStudioOutcomeIDInBrowser: a learning outcome row added with JavaScript learns its ID
// from the first autosave and sends it with the next ones, so the outcome keeps one ID
// (and the comments on it) while the page stays open.
func TestStudioOutcomeIDInBrowser(t *testing.T) {
	t.Parallel()
	e := newStudioEnv(t)
	ctx := studioBrowser(t, e)
	anna := e.browser()
	anna.signin("anna@tao.fi")
	base := e.srv.URL + newDraft(t, anna, "Tunnisteet")

	browse(t, ctx, "add an outcome", chromedp.Navigate(base+"/step/2"), chromedp.WaitVisible(chromedp.CSS("[data-add-outcome]")),
		chromedp.Click(chromedp.CSS("[data-add-outcome]")), chromedp.WaitVisible(chromedp.CSS("#outcome-1")),
		chromedp.SendKeys(chromedp.CSS("#ed-outcomes-0-text-fi"), "Osaa laatia työvuorolistan."))
	waitFor(t, ctx, "the new row gets its ID", `document.querySelector("input[name='outcomes-0-id']").value !== ""`)
	id := jsValue[string](t, ctx, `document.querySelector("input[name='outcomes-0-id']").value`)
	browse(t, ctx, "type more", chromedp.SendKeys(chromedp.CSS("#ed-outcomes-0-text-fi"), " Ja perustelee sen."))
	var page *resp
	for i := 0; i < 100; i++ { // the autosave is debounced: wait until the text is stored
		if page = anna.get(base[len(e.srv.URL):] + "/step/2"); strings.Contains(page.body, "Ja perustelee sen.") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	wantBody(t, page, "Ja perustelee sen.")
	if got := outcomeIDs(t, page); len(got) != 1 || got[0] != id {
		t.Fatalf("stored IDs %q, the page had %q", got, id)
	}
}

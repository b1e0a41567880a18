package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

var outcomeIDRE = regexp.MustCompile(`name="outcomes-(\d+)-id" value="([^"]*)"`)

// outcomeIDs reads the outcome IDs a step 2 page carries in its hidden inputs, in row order.
func outcomeIDs(t *testing.T, page *resp) []string {
	t.Helper()
	var ids []string
	for _, m := range outcomeIDRE.FindAllStringSubmatch(page.body, -1) {
		if m[1] == "__i__" {
			continue
		}
		ids = append(ids, m[2])
	}
	return ids
}

// outcomeForm is the step 2 form as a browser sends it: rows in page order, each with its
// index, ID and text.
func outcomeForm(rows [][3]string) url.Values {
	v := url.Values{}
	for _, r := range rows {
		v.Add("outcome", r[0])
		v.Set("outcomes-"+r[0]+"-id", r[1])
		v.Set("outcomes-"+r[0]+"-text-fi", r[2])
	}
	return v
}

// TestStudioCommentFollowsItsOutcome: in the studio, without JavaScript and with the
// autosave, a comment on the third outcome stays on it when the first is removed and when
// the outcomes are reordered, and when its own outcome is removed the comment is still
// shown, marked as about a removed outcome.
func TestStudioCommentFollowsItsOutcome(t *testing.T) {
	t.Parallel()
	e := newStudioEnv(t)
	anna := e.browser()
	anna.signin("anna@tao.fi")
	base := newDraft(t, anna, "Ankkurit")
	const a, b, c = "Osaa tehdä tehtävän A.", "Osaa tehdä tehtävän B.", "Osaa tehdä tehtävän C."
	wantStatus(t, saveStep(t, anna, base, 2, outcomeForm([][3]string{{"0", "", a}, {"1", "", b}, {"2", "", c}})), http.StatusSeeOther)
	page := anna.get(base + "/step/2")
	ids := outcomeIDs(t, page)
	if len(ids) != 3 || ids[0] == "" || ids[0] == ids[1] || ids[1] == ids[2] || ids[0] == ids[2] {
		t.Fatalf("outcome IDs %q", ids)
	}
	idA, idB, idC := ids[0], ids[1], ids[2]
	// Each saved row links to a comment on it, by ID; the anchor list offers it.
	wantBody(t, page, `href="?anchor=outcomes%5b`+idC+`%5d.text#comments"`, `<option value="outcomes[`+idC+`].criteria"`)
	wantBody(t, anna.get(base+"/step/2?anchor=outcomes%5b"+idC+"%5d.text"), `<option value="outcomes[`+idC+`].text" selected>Osaamistavoite 3 · Tavoite</option>`)

	r := anna.post(base+"/comments", url.Values{"step": {"2"}, "anchor": {"outcomes[" + idC + "].criteria"}, "body": {"Kolmannen kriteeri on epäselvä."}})
	wantStatus(t, r, http.StatusSeeOther)
	wantBody(t, anna.get(base+"/step/2"), `href="`+base+`/step/2#ed-outcomes-2-criteria-fi">Osaamistavoite 3 · Arviointikriteerit</a>`)

	// Remove the first outcome without JavaScript.
	form := outcomeForm([][3]string{{"0", idA, a}, {"1", idB, b}, {"2", idC, c}})
	form.Set("op", "remove_outcome:0")
	wantStatus(t, saveStep(t, anna, base, 2, form), http.StatusSeeOther)
	page = anna.get(base + "/step/2")
	if got := outcomeIDs(t, page); strings.Join(got, " ") != idB+" "+idC {
		t.Fatalf("IDs after removing the first: %q", got)
	}
	wantBody(t, page, `href="`+base+`/step/2#ed-outcomes-1-criteria-fi">Osaamistavoite 2 · Arviointikriteerit</a>`, "Kolmannen kriteeri on epäselvä.")

	// Reorder: C first.
	wantStatus(t, saveStep(t, anna, base, 2, outcomeForm([][3]string{{"1", idC, c}, {"0", idB, b}})), http.StatusSeeOther)
	page = anna.get(base + "/step/2")
	if got := outcomeIDs(t, page); strings.Join(got, " ") != idC+" "+idB {
		t.Fatalf("IDs after reordering: %q", got)
	}
	wantBody(t, page, `href="`+base+`/step/2#ed-outcomes-0-criteria-fi">Osaamistavoite 1 · Arviointikriteerit</a>`)

	// The autosave adds a row: the reply gives the new row its ID, and the next autosave,
	// which sends it back, keeps it.
	autosave := func(v url.Values) *resp {
		t.Helper()
		page := anna.get(base + "/step/2")
		v.Set("csrf", anna.csrf)
		v.Set("version", "1")
		v.Set("revision", revisionRE.FindStringSubmatch(page.body)[1])
		v.Set("op", "save")
		req, _ := http.NewRequest("POST", e.srv.URL+base+"/step/2", strings.NewReader(v.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept", "application/json")
		return anna.do(req)
	}
	jr := autosave(outcomeForm([][3]string{{"0", idC, c}, {"1", idB, b}, {"5", "", "Osaa tehdä tehtävän D."}}))
	wantStatus(t, jr, http.StatusOK)
	var rep struct{ OutcomeIDs map[string]string }
	if err := json.Unmarshal([]byte(jr.body), &rep); err != nil || rep.OutcomeIDs["0"] != idC || rep.OutcomeIDs["1"] != idB || rep.OutcomeIDs["5"] == "" {
		t.Fatalf("autosave reply %s (%v)", jr.body, err)
	}
	idD := rep.OutcomeIDs["5"]
	wantStatus(t, autosave(outcomeForm([][3]string{{"0", idC, c}, {"1", idB, b}, {"5", idD, "Osaa tehdä tehtävän D paremmin."}})), http.StatusOK)
	if got := outcomeIDs(t, anna.get(base+"/step/2")); strings.Join(got, " ") != idC+" "+idB+" "+idD {
		t.Fatalf("IDs after two autosaves: %q, want D = %s", got, idD)
	}

	// Remove the commented outcome: the comment stays, marked, in every language (the
	// draft keeps no copy of the removed text).
	wantStatus(t, saveStep(t, anna, base, 2, outcomeForm([][3]string{{"1", idB, b}, {"2", idD, "Osaa tehdä tehtävän D paremmin."}})), http.StatusSeeOther)
	for _, p := range []string{base + "/step/2", base} {
		wantBody(t, anna.get(p), `href="`+base+`/step/2#ed-outcomes">Poistettu osaamistavoite</a>`, "Kolmannen kriteeri on epäselvä.")
	}
	wantBody(t, anna.get(base+"/step/2"), `<article class="thread removed-anchor"`)
	wantBody(t, anna.get(base+"/step/2?lang=sv"), ">Borttaget lärandemål</a>")
	wantBody(t, anna.get(base+"/step/2?lang=en"), ">Removed learning outcome</a>")
	if strings.Contains(anna.get(base+"/step/2").body, `<option value="outcomes[`+idC) {
		t.Error("a removed outcome is offered as a place to comment on")
	}
}

// TestStudioCommentAcrossVersions: a comment on a published version's second outcome is
// on the same outcome in the next version, and when the outcome is removed there, the
// label quotes its text from the version the comment was written on.
func TestStudioCommentAcrossVersions(t *testing.T) {
	t.Parallel()
	e := newStudioEnv(t)
	anna := e.browser()
	anna.signin("anna@tao.fi")
	base := newDraft(t, anna, "Versiot")
	fillPublishable(t, anna, base)
	ids := outcomeIDs(t, anna.get(base+"/step/2"))
	if len(ids) != 2 {
		t.Fatalf("IDs %q", ids)
	}
	r := anna.post(base+"/comments", url.Values{"step": {"2"}, "anchor": {"outcomes[" + ids[1] + "].text"}, "body": {"Hyvä tavoite."}})
	wantStatus(t, r, http.StatusSeeOther)
	post := func(b *browser, to string) {
		t.Helper()
		b.get(base)
		wantStatus(t, b.post(base+"/transition", url.Values{"version": {"1"}, "to": {to}}), http.StatusSeeOther)
	}
	ville := e.browser()
	ville.signin("ville@tao.fi")
	post(anna, "review")
	post(ville, "approved")
	post(ville, "published")
	anna.get(base)
	wantStatus(t, anna.post(base+"/versions", nil), http.StatusSeeOther)
	page := anna.get(base + "/step/2")
	if got := outcomeIDs(t, page); strings.Join(got, " ") != strings.Join(ids, " ") {
		t.Fatalf("version 2 has IDs %q, version 1 %q", got, ids)
	}
	// The new first outcome goes before them: the comment moves along with its outcome.
	form := outcomeForm([][3]string{{"7", "", "Osaa kirjata havaintonsa."}, {"0", ids[0], "Osaa ohjata asiakasta käyttämään lääkemuistutusrobottia."},
		{"1", ids[1], "Osaa arvioida robotin sopivuuden asiakkaalle."}})
	wantStatus(t, saveStep(t, anna, base, 2, form), http.StatusSeeOther)
	wantBody(t, anna.get(base+"/step/2"), `href="`+base+`/step/2#ed-outcomes-2-text-fi">Osaamistavoite 3 · Tavoite</a>`)
	// Removed in version 2: quoted from version 1.
	form = outcomeForm([][3]string{{"0", ids[0], "Osaa ohjata asiakasta käyttämään lääkemuistutusrobottia."}})
	wantStatus(t, saveStep(t, anna, base, 2, form), http.StatusSeeOther)
	wantBody(t, anna.get(base+"/step/2"), "Poistettu osaamistavoite: ”Osaa arvioida robotin sopivuuden asiakkaalle.”", "Hyvä tavoite.")
	wantBody(t, anna.get(base+"/step/2?lang=sv"), "Borttaget lärandemål: ”Osaa arvioida robotin sopivuuden asiakkaalle.”")
}

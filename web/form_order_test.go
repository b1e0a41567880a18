package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// summaryLinks are the targets of the error summary's links, in order.
func summaryLinks(t *testing.T, body string) []string {
	t.Helper()
	m := regexp.MustCompile(`(?s)<div class="error-summary".*?</ul>`).FindString(body)
	if m == "" {
		t.Fatal("no error summary")
	}
	var out []string
	for _, l := range regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(m, -1) {
		out = append(out, l[1])
	}
	return out
}

// The error summary lists the problems in the order of the fields on the form: on the
// public registration form name, e-mail, consent, although the e-mail address is checked
// before the name.
func TestErrorSummaryFollowsFieldOrder(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	o := w.offering(2)
	path := publicPath(o)
	v := w.browser()
	v.get(path)
	for _, lang := range []string{"fi", "sv", "en"} {
		r := v.post(path+"/register?lang="+lang, formOf("name", "", "email", "maija@", "consent", ""))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		got := strings.Join(summaryLinks(t, r.body), " ")
		if want := "reg-name reg-email reg-consent"; got != want {
			t.Errorf("%s: summary order %q, want %q", lang, got, want)
		}
		// Each field still shows its own message.
		wantBody(t, r, `id="reg-name-error"`, `id="reg-email-error"`, `id="reg-consent-error"`)
	}
	// Two errors only: the order holds too.
	r := v.post(path+"/register", formOf("name", "", "email", "maija@", "consent", "1"))
	if got := strings.Join(summaryLinks(t, r.body), " "); got != "reg-name reg-email" {
		t.Errorf("summary order %q", got)
	}
}

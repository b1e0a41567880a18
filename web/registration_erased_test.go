package web_test

import (
	"net/http"
	"testing"
)

// TestRegistrationRefusesErasedPlaceholder: the address a deleted account leaves behind
// ("erased-…@erased.invalid") is refused on the public form, so that nobody can appear
// on the organisation's pages as a "Deleted account" (with no address shown) while
// holding a seat; nothing is stored.
func TestRegistrationRefusesErasedPlaceholder(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	o := w.offering(2)
	path := publicPath(o)
	v := w.visit(path)
	r := v.post(path+"/register", regForm("Naamio", "erased-00ff@erased.invalid"))
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, `href="#reg-email"`)
	if reg, wait := w.seats(o); len(reg)+len(wait) != 0 {
		t.Fatalf("the placeholder address registered: %v %v", reg, wait)
	}
}

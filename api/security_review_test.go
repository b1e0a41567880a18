package api_test

import (
	"testing"
	"time"

	"github.com/pokot/pokot"
)

// TestDeliveryAssessmentsCSVFormulaAddress: the web's assessment template writes an
// address that a spreadsheet would run as a formula with a leading apostrophe
// (pokot.SpreadsheetCell); the API's CSV upload, which takes the same columns, reads such
// a cell as the address.
func TestDeliveryAssessmentsCSVFormulaAddress(t *testing.T) {
	f := deliverySetup(t)
	o := f.offering["hamk"]
	o.Capacity = 10
	must(t, f.db.UpdateOffering(t.Context(), o, f.users["hamkadmin"].ID))
	const evil = "=cmd|'/ccalc'!a0@hamk.example"
	_, err := f.db.Register(t.Context(), &pokot.Registration{OfferingID: o.ID, Email: evil, Name: "Eve", Lang: pokot.Finnish},
		time.Now())
	must(t, err)
	csv := "email;outcome;result;assessedOn;evidence;supervision\r\n" +
		"'" + evil + ";1;hyväksytty;21.10.2026;;\r\n"
	resp, b := f.do(t, "POST", f.path("hamk", "/assessments"), "hamkassessor", "text/csv", csv)
	var out struct{ Stored int }
	decodeJSON(t, 200, resp.StatusCode, b, &out)
	if got := f.assessments(t)[evil]; out.Stored != 1 || len(got) != 1 || !got[0].Passed {
		t.Fatalf("%s: %+v", b, got)
	}
}

package pokot_test

import (
	"testing"

	"github.com/pokot/pokot"
)

func TestNormalizeBusinessID(t *testing.T) {
	for in, want := range map[string]string{
		"0201256-6":  "0201256-6", // 11 − 71 mod 11 = 6
		" 2050797-6": "2050797-6",
		"112038-9":   "0112038-9", // six digits get a leading zero
		"1234567-1":  "1234567-1",
		"1000000-4":  "1000000-4",
		"0000000-0":  "0000000-0",
		"0201256-5":  "",
		"1000000-3":  "",
		"0000102-0":  "", // remainder 1: never issued
		"0000102-1":  "",
		"0201256":    "",
		"02012566":   "",
		"0201256-66": "",
		"O201256-6":  "",
		"0201256-x":  "",
		"":           "",
	} {
		got, err := pokot.NormalizeBusinessID(in)
		if (want == "") != (err != nil) || got != want || pokot.ValidBusinessID(in) != (want != "") {
			t.Errorf("NormalizeBusinessID(%q) = %q, %v; want %q", in, got, err, want)
		}
		if err != nil {
			if e, ok := err.(*pokot.Error); !ok || e.Field != "business_id" || e.Key != "err.business_id" || e.Code != pokot.EINVALID {
				t.Errorf("error %#v", err)
			}
		}
	}
}

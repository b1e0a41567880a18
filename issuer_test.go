package pokot_test

import (
	"testing"

	"github.com/pokot/pokot"
)

func TestStatusListCurrent(t *testing.T) {
	for _, tc := range []struct {
		l    pokot.StatusList
		want bool
	}{
		{pokot.StatusList{Version: 1}, false},
		{pokot.StatusList{Version: 1, Signed: []byte("{}"), SignedVersion: 1}, true},
		{pokot.StatusList{Version: 2, Signed: []byte("{}"), SignedVersion: 1}, false},
		{pokot.StatusList{Version: 1, SignedVersion: 1}, false},
	} {
		if got := tc.l.Current(); got != tc.want {
			t.Errorf("%+v: Current() = %v", tc.l, got)
		}
	}
}

package pokot_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/pokot/pokot"
)

func TestHTTPStatus(t *testing.T) {
	for code, want := range map[string]int{
		pokot.EINVALID: 422, pokot.EUNAUTHORIZED: 401, pokot.EFORBIDDEN: 403, pokot.ENOTFOUND: 404,
		pokot.ECONFLICT: 409, pokot.ETOOMANY: 429, pokot.ETOOLARGE: 413, pokot.EINTERNAL: 500, "bogus": 500,
	} {
		if got := pokot.HTTPStatus(code); got != want {
			t.Errorf("HTTPStatus(%q) = %d, want %d", code, got, want)
		}
	}
}

func TestErrorCode(t *testing.T) {
	wrapped := fmt.Errorf("saving: %w", pokot.FieldError("email", "err.email_invalid", "bad"))
	if got := pokot.ErrorCode(wrapped); got != pokot.EINVALID {
		t.Errorf("ErrorCode(wrapped field error) = %q", got)
	}
	if got := pokot.ErrorCode(errors.New("disk full")); got != pokot.EINTERNAL {
		t.Errorf("ErrorCode(plain error) = %q", got)
	}
	if got := pokot.ErrorCode(nil); got != "" {
		t.Errorf("ErrorCode(nil) = %q", got)
	}
	errs := pokot.Errors{pokot.FieldError("a", "k1", "m1"), pokot.FieldError("b", "k2", "m2")}
	var e *pokot.Error
	if !errors.As(errs.Err(), &e) || e.Field != "a" || pokot.ErrorCode(errs) != pokot.EINVALID {
		t.Errorf("Errors does not unwrap to its first field error: %v", e)
	}
	if (pokot.Errors{}).Err() != nil {
		t.Error("empty Errors.Err() is not nil")
	}
}
